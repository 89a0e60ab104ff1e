"""How long a backup takes and how long it holds up the bot's writers (docs/benchmarks.md).

    python -m bench.backup [--mb 200]

Fills a database to about ``--mb`` megabytes, then keeps a writer committing small transactions
through the bot's own ``Database`` (as handlers and the sender do) while a backup is taken two
ways: as Oqu takes it (``take_backup``: a reader connection of its own, in a thread), and through
the bot's own aiosqlite connection (``Connection.backup``), which we did not choose. Reports the
time, the archive's size, the commits made during the copy and the longest wait between two.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.backup.service import take_backup
from storage.db import Database

ROW = "x" * 180


async def _fill(db: Database, megabytes: int) -> None:
    async with db.transaction() as conn:
        await conn.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
        await conn.execute("CREATE TABLE ticks (id INTEGER PRIMARY KEY, at REAL NOT NULL)")
    rows = megabytes * 1_000_000 // 200
    for start in range(0, rows, 50_000):
        await db.executemany(
            "INSERT INTO filler (payload) VALUES (?)", ((f"{n}{ROW}",) for n in range(start, min(rows, start + 50_000)))
        )
    await db.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


async def _while_writing(db: Database, work: asyncio.Future[object]) -> tuple[int, float]:
    """Commit small transactions until ``work`` is done; the number and the longest gap (s)."""
    commits, longest, last = 0, 0.0, time.perf_counter()
    while not work.done():
        await db.execute("INSERT INTO ticks (at) VALUES (?)", (time.time(),))
        now = time.perf_counter()
        commits, longest, last = commits + 1, max(longest, now - last), now
    await work
    return commits, longest


async def main(megabytes: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = await Database.open(folder / "bot.sqlite3")
        started = time.perf_counter()
        await _fill(db, megabytes)
        size = (folder / "bot.sqlite3").stat().st_size
        print(f"database: {size / 1e6:.0f} MB, filled in {time.perf_counter() - started:.0f} s")

        began = time.perf_counter()
        work = asyncio.ensure_future(asyncio.to_thread(take_backup, db.path, folder / "backups", now=datetime.now(UTC)))
        commits, longest = await _while_writing(db, work)
        result = work.result()
        print(
            f"take_backup (reader connection, thread): {time.perf_counter() - began:.2f} s, archive "
            f"{result.size / 1e6:.1f} MB; writer: {commits} commits during it, longest wait {longest * 1000:.0f} ms"
        )

        target = sqlite3.connect(folder / "own.sqlite3", check_same_thread=False)
        began = time.perf_counter()
        work = asyncio.ensure_future(db.connection.backup(target))
        commits, longest = await _while_writing(db, work)
        print(
            f"the bot's own connection (Connection.backup): {time.perf_counter() - began:.2f} s; writer: "
            f"{commits} commits during it, longest wait {longest * 1000:.0f} ms"
        )
        target.close()
        await db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mb", type=int, default=200, help="database size in megabytes (default: %(default)s)")
    asyncio.run(main(parser.parse_args().mb))
