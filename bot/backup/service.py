"""Take a backup, restore one, prune old ones, and the bot's daily backup.

``take_backup`` and ``restore_backup`` are plain functions that block (file and SQLite work); the
command line calls them as they are, the bot in a thread. Both work on the files, not on the
bot's connection: the copy comes through a reader connection of its own (``storage.backup``), so
a running bot keeps writing meanwhile, and a restore runs only where no bot runs
(``storage.lock``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import tempfile
import time as monotonic
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from importlib import metadata
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.backup.archive import (
    DATABASE,
    FILES,
    STAMP,
    SUFFIX,
    Entry,
    Manifest,
    Refusal,
    RestoreRefusedError,
    archive_name,
    entry_for,
    sha256_of,
    taken_at,
    unpack,
    write_archive,
)
from bot.clock import Clock
from bot.scheduling import Scheduler
from storage import backup as sqlite_backup
from storage.lock import DatabaseInUseError, DatabaseLock
from storage.migrations import latest_version

log = logging.getLogger(__name__)

DAILY_JOB = "backup-daily"
PARTIAL_MAX_AGE = timedelta(days=1)


def app_version() -> str:
    try:
        return metadata.version("oqu")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


# -- taking a backup -------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    @property
    def course_files(self) -> int:
        return len(self.manifest.course_files)


def archive_target(out: Path, now: datetime) -> Path:
    """``out`` names the archive if it ends in .tar.gz; otherwise it is the folder to put it in."""
    return out if out.name.endswith(SUFFIX) else out / archive_name(now)


def take_backup(database: Path, out: Path, *, now: datetime, files_dir: Path | None = None) -> BackupResult:
    """Archive a consistent copy of ``database`` and the course files it refers to.

    Course files are looked for in the folders the course versions name, then in ``files_dir``
    (default: ``files/`` beside the database). A file that is in neither, or whose bytes no longer
    match its name, is listed in the manifest's ``missing`` and the backup is taken all the same:
    the database matters more than any one file.
    """
    target = archive_target(out, now)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".oqu-backup-", dir=target.parent) as tmp:
        copy = Path(tmp) / DATABASE
        schema = sqlite_backup.snapshot(database, copy)
        refs, folders = sqlite_backup.course_files(copy)
        search = [Path(folder) for folder in folders] + [files_dir or database.parent / FILES]
        sources: dict[str, Path] = {DATABASE: copy}
        entries: list[Entry] = [entry_for(DATABASE, copy)]
        missing: list[str] = []
        for ref in refs:
            found = next((folder / ref.name for folder in search if (folder / ref.name).is_file()), None)
            entry = None if found is None else entry_for(f"{FILES}/{ref.name}", found)
            if found is None or entry is None or entry.sha256 != ref.sha256:
                missing.append(ref.name)
                continue
            sources[entry.path] = found
            entries.append(entry)
        manifest = Manifest(now, app_version(), schema, tuple(entries), tuple(missing))
        write_archive(target, manifest, sources)
    return BackupResult(target, manifest)


# -- restoring one ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    database: Path
    files_dir: Path
    kept: Path | None  # the database that was replaced, if there was one
    files_written: int


def kept_name(database: Path, now: datetime) -> Path:
    """``bot.sqlite3.before-restore-20260415T050000Z``: where the replaced database goes."""
    return database.with_name(f"{database.name}.before-restore-{now.astimezone(UTC).strftime(STAMP)}")


def restore_backup(archive: Path, database: Path, *, now: datetime, files_dir: Path | None = None) -> RestoreResult:
    """Replace ``database`` (and add to ``files_dir``) from ``archive``, or refuse and change nothing.

    Refused with :class:`RestoreRefusedError`: a bot (or another restore) holds the database; the
    archive is unreadable, incomplete, damaged, from a newer schema, or its database fails
    ``PRAGMA integrity_check``. Everything is checked in a staging folder beside the database
    before anything is touched; the replaced database is kept as
    ``<name>.before-restore-<UTC time>`` (with its write-ahead log folded in).
    """
    files_dir = files_dir or database.parent / FILES
    if not archive.is_file():
        raise RestoreRefusedError(Refusal.UNREADABLE, f"There is no backup at {archive}.")
    lock = DatabaseLock(database)
    try:
        lock.acquire()
    except DatabaseInUseError as exc:
        who = f" (process {exc.holder})" if exc.holder else ""
        raise RestoreRefusedError(
            Refusal.BOT_RUNNING,
            f"The bot is running on {database}{who}: stop it first, then restore. Nothing was changed.",
        ) from None
    try:
        with tempfile.TemporaryDirectory(prefix=".oqu-restore-", dir=database.parent) as tmp:
            staging = Path(tmp)
            manifest = unpack(archive, staging, newest_schema=latest_version())
            copy = staging / DATABASE
            _check_database(copy, manifest)
            written = _install_files(staging, manifest, files_dir)
            sqlite_backup.point_course_versions_at(copy, files_dir.resolve())
            kept = _set_aside(database, now)
            shutil.move(copy, database)
        return RestoreResult(manifest, database, files_dir, kept, written)
    finally:
        lock.release()


def _check_database(copy: Path, manifest: Manifest) -> None:
    problems = sqlite_backup.integrity_problems(copy)
    if problems:
        raise RestoreRefusedError(
            Refusal.DAMAGED_DATABASE,
            f"The database in the backup fails PRAGMA integrity_check ({problems[0]}). Nothing was restored.",
        )
    schema = sqlite_backup.schema_version(copy)
    if schema > latest_version():
        raise RestoreRefusedError(
            Refusal.NEWER_SCHEMA,
            f"This backup has database schema version {schema}; this Oqu knows up to {latest_version()}. "
            "Install the newer Oqu that took it, then restore.",
        )
    if schema != manifest.schema_version:
        raise RestoreRefusedError(
            Refusal.BAD_CHECKSUM,
            f"The database in the backup is at schema version {schema}, its manifest says "
            f"{manifest.schema_version}: the archive was tampered with. Nothing was restored.",
        )


def _install_files(staging: Path, manifest: Manifest, files_dir: Path) -> int:
    """Content-addressed: a file already there with the right bytes stays; others are added."""
    files_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for entry in manifest.course_files:
        target = files_dir / Path(entry.path).name
        if target.is_file() and target.stat().st_size == entry.size and sha256_of(target) == entry.sha256:
            continue
        shutil.move(staging / entry.path, target)
        written += 1
    return written


def _set_aside(database: Path, now: datetime) -> Path | None:
    """Move the current database out of the way, whole: its WAL folded in or moved along.

    A write-ahead log left beside the restored file would be replayed into it, so no ``-wal``
    or ``-shm`` of the old database may stay under the old name.
    """
    wal, shm = (database.with_name(database.name + suffix) for suffix in ("-wal", "-shm"))
    if not database.exists():
        wal.unlink(missing_ok=True)
        shm.unlink(missing_ok=True)
        return None
    sqlite_backup.fold_wal(database)
    kept = kept_name(database, now)
    database.rename(kept)
    if wal.exists():
        wal.rename(kept.with_name(kept.name + "-wal"))
    shm.unlink(missing_ok=True)
    return kept


# -- pruning and the daily backup ------------------------------------------------------------


def backups_in(folder: Path) -> list[tuple[datetime, Path]]:
    """The archives in ``folder`` named as this module names them, oldest first."""
    if not folder.is_dir():
        return []
    found = [(moment, path) for path in folder.iterdir() if (moment := taken_at(path)) is not None]
    return sorted(found)


def prune(folder: Path, *, keep_days: int, now: datetime, tz: ZoneInfo) -> list[Path]:
    """Delete the archives taken before the last ``keep_days`` local days (today is one of them).

    Only files named like our archives are touched, and never the newest one, whatever its age:
    a bot that was down for a month keeps its last backup. Half-written archives (``.partial``)
    older than a day, left by a crash, go too.
    """
    archives = backups_in(folder)
    first_kept_day = now.astimezone(tz).date() - timedelta(days=keep_days - 1)
    removed = []
    for moment, path in archives[:-1]:
        if moment.astimezone(tz).date() < first_kept_day:
            path.unlink(missing_ok=True)
            removed.append(path)
    for path in folder.glob("oqu-backup-*" + SUFFIX + ".partial") if folder.is_dir() else []:
        with contextlib.suppress(OSError):
            if now.timestamp() - path.stat().st_mtime > PARTIAL_MAX_AGE.total_seconds():
                path.unlink()
                removed.append(path)
    return removed


class DailyBackup:
    """The running bot's backup at ``at`` local time every day, then the pruning.

    The scheduler's job only starts :meth:`run` as a task of this object (jobs may be cancelled
    at shutdown; a backup must not be cut in half); :meth:`stop` waits for it.
    """

    def __init__(
        self,
        *,
        database: Path,
        folder: Path,
        at: time | None,
        keep_days: int,
        timezone: str,
        clock: Clock,
        files_dir: Path | None = None,
    ) -> None:
        self.database = database
        self.folder = folder
        self.at = at
        self.keep_days = keep_days
        self.timezone = timezone
        self.clock = clock
        self.files_dir = files_dir
        self.last: BackupResult | None = None
        self._task: asyncio.Task[BackupResult | None] | None = None

    def schedule(self, scheduler: Scheduler) -> None:
        if self.at is None:
            log.info("daily backup is off (BACKUP_AT=off)")
            return
        scheduler.cron(DAILY_JOB, self.wake, timezone=self.timezone, hour=self.at.hour, minute=self.at.minute)

    async def wake(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self.run(), name="daily-backup")

    async def run(self) -> BackupResult | None:
        """Take today's backup and prune; a failure is logged (and the old backups stay)."""
        now = self.clock.now()
        started = monotonic.monotonic()
        try:
            result = await asyncio.to_thread(take_backup, self.database, self.folder, now=now, files_dir=self.files_dir)
        except Exception:
            log.exception("daily backup to %s failed; old backups were kept", self.folder)
            return None
        self.last = result
        log.info(
            "backup taken: %s (%.1f MB, %d course files) in %.1f s",
            result.path,
            result.size / 1e6,
            result.course_files,
            monotonic.monotonic() - started,
        )
        if result.manifest.missing:
            log.warning("course files missing from the backup: %s", ", ".join(result.manifest.missing))
        removed = await asyncio.to_thread(
            prune, self.folder, keep_days=self.keep_days, now=now, tz=ZoneInfo(self.timezone)
        )
        if removed:
            log.info("removed %d backup(s) older than %d days", len(removed), self.keep_days)
        return result

    def latest(self) -> tuple[datetime, Path] | None:
        """The newest archive in the backup folder, whoever took it."""
        found = backups_in(self.folder)
        return found[-1] if found else None

    async def stop(self, grace: float) -> None:
        if self._task is not None and not self._task.done():
            log.info("waiting for the backup in progress")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._task), grace)
