"""The SQLite side of backups: an online copy, its checks, and what it refers to.

Plain ``sqlite3`` on connections of their own, run in a thread by the caller: the copy is read
through a connection that only reads, so the bot's writers are never blocked (WAL lets a reader
and a writer work side by side) and the bot's own connection stays free for its handlers.

The copy is one step of SQLite's online backup API (``sqlite3.Connection.backup`` with all pages
at once): one read transaction, so it is the database exactly as it was at one commit, never half
a transaction. A copy in several steps would restart whenever another connection writes, and the
bot writes all the time.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class CourseFileRef:
    """A course file the database refers to, by its content-addressed name."""

    name: str  # <sha256>.<ext>
    sha256: str


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def snapshot(source: Path, target: Path) -> int:
    """Copy the database at ``source`` to a new file ``target``; return its schema version.

    ``source`` must exist (sqlite3 would create an empty database otherwise). The copy is turned
    into a single file (rollback journal, not WAL), so it can be archived and moved alone.
    """
    if not source.is_file():
        raise FileNotFoundError(f"no database at {source}")
    src = _connect(source)
    try:
        dst = sqlite3.connect(str(target), isolation_level=None)
        try:
            src.backup(dst)  # pages=-1: one step, one read transaction
            dst.execute("PRAGMA journal_mode = DELETE")
            return int(dst.execute("PRAGMA user_version").fetchone()[0])
        finally:
            dst.close()
    finally:
        src.close()


def schema_version(path: Path) -> int:
    conn = _connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def integrity_problems(path: Path) -> list[str]:
    """What ``PRAGMA integrity_check`` finds; empty when the file is sound.

    A file that is not a database at all is one problem, not an exception.
    """
    try:
        conn = _connect(path)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def course_files(path: Path) -> tuple[list[CourseFileRef], list[str]]:
    """The course files a database refers to, and the folders its course versions name."""
    conn = _connect(path)
    try:
        if not _has_table(conn, "course_files"):
            return [], []
        files = [
            CourseFileRef(f"{sha256}.{extension}", sha256)
            for sha256, extension in conn.execute("SELECT sha256, extension FROM course_files ORDER BY sha256")
        ]
        folders = [row[0] for row in conn.execute("SELECT DISTINCT files_dir FROM course_versions ORDER BY files_dir")]
        return files, folders
    finally:
        conn.close()


def point_course_versions_at(path: Path, files_dir: Path) -> int:
    """After a restore every course file is in ``files_dir``: say so in every course version.

    Versions are otherwise never edited; this changes only where their (content-addressed, so
    identical) files are found, which a restore to another server or folder must. Returns the
    number of versions changed.
    """
    conn = _connect(path)
    try:
        if not _has_table(conn, "course_versions"):
            return 0
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            cursor = conn.execute(
                "UPDATE course_versions SET files_dir = ? WHERE files_dir <> ?", (str(files_dir), str(files_dir))
            )
            return cursor.rowcount
    finally:
        conn.close()


def fold_wal(path: Path) -> None:
    """Write whatever the write-ahead log holds into the database file itself (a checkpoint).

    Called on a database nobody has open (the restore holds the bot's lock), before the file is
    moved aside, so the kept copy is whole on its own. Best effort: a broken file is kept as it is.
    """
    try:
        conn = _connect(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
    return row is not None
