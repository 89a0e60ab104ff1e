"""Gather what /status shows. Everything is read when asked: nothing is counted in the hot path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from bot.backup.service import app_version
from bot.clock import Clock
from bot.status.recent import RecentError, RecentErrors


class Queue(Protocol):
    async def queue_counts(self) -> dict[str, int]: ...

    async def next_due(self) -> datetime | None: ...


class Backups(Protocol):
    def latest(self) -> tuple[datetime, Path] | None: ...


@dataclass(frozen=True)
class LastBackup:
    at: datetime  # UTC
    path: Path
    size: int


@dataclass(frozen=True)
class Status:
    version: str
    uptime: timedelta
    database_bytes: int
    last_backup: LastBackup | None
    planned: int
    sending: int
    next_due: datetime | None
    errors: list[RecentError]
    errors_total: int


def database_size(path: Path) -> int:
    """The database file and its write-ahead log: what the disk holds for it."""
    total = 0
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            total += part.stat().st_size
        except FileNotFoundError:
            pass
    return total


class StatusService:
    def __init__(self, *, database: Path, queue: Queue, backups: Backups, errors: RecentErrors, clock: Clock) -> None:
        self._database = database
        self._queue = queue
        self._backups = backups
        self._clock = clock
        self.errors = errors
        self.started_at = clock.now()

    def started(self) -> None:
        """Uptime counts from the dispatcher's start-up (building it may be a while earlier)."""
        self.started_at = self._clock.now()

    async def collect(self) -> Status:
        counts = await self._queue.queue_counts()
        latest = self._backups.latest()
        backup = None
        if latest is not None:
            at, path = latest
            try:
                size = path.stat().st_size
            except FileNotFoundError:  # pruned or moved between the listing and now
                size = 0
            backup = LastBackup(at=at, path=path, size=size)
        return Status(
            version=app_version(),
            uptime=self._clock.now() - self.started_at,
            database_bytes=database_size(self._database),
            last_backup=backup,
            planned=counts.get("planned", 0),
            sending=counts.get("sending", 0),
            next_due=await self._queue.next_due(),
            errors=self.errors.newest_first(),
            errors_total=self.errors.total,
        )
