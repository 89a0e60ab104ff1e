"""Who has the database: an exclusive lock on ``<DATABASE_PATH>.lock``.

The running bot holds it from start to close; ``python -m bot restore`` takes it before it
replaces the file, so neither a restore under a running bot nor a bot started in the middle of a
restore can happen. It is an ``flock`` on an open file: the kernel lets go of it when the
process ends, however it ends (a SIGKILL, a power cut), so a stale lock file never blocks
anything. The file itself stays and holds the last holder's process id, for the messages.

Locks on a network file system (NFS, SMB) may not be honoured: keep the database on a local disk.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path


class DatabaseInUseError(Exception):
    """Someone else (the bot, or a restore) holds the database."""

    def __init__(self, database: Path, holder: int | None) -> None:
        self.database = database
        self.holder = holder
        who = f" (process {holder})" if holder else ""
        super().__init__(f"{database} is in use by another process{who}")


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class DatabaseLock:
    """``acquire`` raises :class:`DatabaseInUseError` at once rather than wait."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path(database)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            raise DatabaseInUseError(self.database, holder) from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)  # closing the descriptor drops the flock

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
