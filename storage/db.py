"""One aiosqlite connection per process, with explicit transactions.

SQLite allows one writer at a time. The bot is a single asyncio process, so instead of
juggling several connections we keep one, run it in autocommit mode and serialize writes
with an asyncio lock: ``async with db.transaction() as conn`` opens ``BEGIN IMMEDIATE``,
commits on success and rolls back on any exception, so nothing is ever half-saved.
Reads go straight to the connection. WAL lets other processes (the CLI, a backup) read
while the bot writes; the busy timeout covers the short moments they write too.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from storage.migrations import migrate

BUSY_TIMEOUT_MS = 5000


class Database:
    """The application's handle on its SQLite file."""

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self._conn = conn
        self._write_lock = asyncio.Lock()
        self.path = path

    @classmethod
    async def open(cls, path: str | Path, *, apply_migrations: bool = True) -> Database:
        """Open (creating the file and its folder if needed), configure, and migrate."""
        path = Path(path)
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = await aiosqlite.connect(path, isolation_level=None)
        conn.row_factory = aiosqlite.Row
        await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        await conn.execute("PRAGMA journal_mode = WAL")
        await conn.execute("PRAGMA synchronous = NORMAL")
        await conn.execute("PRAGMA foreign_keys = ON")
        db = cls(conn, path)
        if apply_migrations:
            try:
                await migrate(conn)
            except BaseException:
                await conn.close()
                raise
        return db

    async def close(self) -> None:
        async with self._write_lock:
            await self._conn.close()

    @property
    def connection(self) -> aiosqlite.Connection:
        return self._conn

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction: all or nothing, one at a time.

        Cancellation-safe: a task cancelled anywhere in here (during shutdown, say) leaves the
        connection outside any transaction, with the body's writes either committed or undone.
        """
        async with self._write_lock:
            try:
                await self._to_the_end("BEGIN IMMEDIATE")
                yield self._conn
                await self._to_the_end("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    await self._to_the_end("ROLLBACK")
                raise

    async def _to_the_end(self, sql: str) -> None:
        """Run a statement and wait for it even if the caller is cancelled meanwhile.

        aiosqlite runs statements in its own thread: cancelling the ``await`` does not stop the
        statement, it only stops us from knowing when it finished. So the statement runs as a
        shielded task; on cancellation we wait for it, then let the cancellation go on.
        """
        task = asyncio.ensure_future(self._conn.execute(sql))
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:
            while not task.done():
                with contextlib.suppress(asyncio.CancelledError):
                    await asyncio.wait([task])
            if not task.cancelled():
                task.exception()  # seen, so asyncio does not log it as never retrieved
            raise

    async def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """Run one writing statement in its own transaction; return the affected row count."""
        async with self.transaction() as conn:
            cursor = await conn.execute(sql, params)
            return cursor.rowcount

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        async with self.transaction() as conn:
            await conn.executemany(sql, rows)

    # Reads are one trip to aiosqlite's thread, not three (execute, fetch, close the cursor): each
    # trip is a queue put, a thread wake-up and a loop wake-up, and on the interactive path those
    # trips cost more CPU than the queries (bench/latency.py, docs/benchmarks.md).
    async def fetchone(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> aiosqlite.Row | None:
        """The first row. The whole result is read: select one row (by key, LIMIT 1, an aggregate)."""
        rows = await self._conn.execute_fetchall(sql, params)
        return next(iter(rows), None)

    async def fetchall(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[aiosqlite.Row]:
        return list(await self._conn.execute_fetchall(sql, params))

    async def fetchval(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]
