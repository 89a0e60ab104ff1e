"""Forward-only schema migrations tracked by ``PRAGMA user_version``.

Each ``NNNN_name.sql`` file in this folder moves the schema from version NNNN-1 to NNNN.
A migration runs inside one transaction together with the version bump, so a crash in
the middle leaves the database at the previous version, never in between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

MIGRATIONS_DIR = Path(__file__).parent
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    path: Path

    @property
    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def available_migrations() -> list[Migration]:
    found = []
    for path in MIGRATIONS_DIR.iterdir():
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), path))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration numbers must be 1..N without gaps: {migration.path}")
    return found


def latest_version() -> int:
    migrations = available_migrations()
    return migrations[-1].version if migrations else 0


async def current_version(conn: aiosqlite.Connection) -> int:
    async with conn.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    assert row is not None  # the pragma always answers one row
    return int(row[0])


async def migrate(conn: aiosqlite.Connection, target: int | None = None) -> int:
    """Apply every migration above the current version (up to ``target``); return the version."""
    version = await current_version(conn)
    latest = latest_version()
    if version > latest:
        raise RuntimeError(
            f"the database is at schema version {version}, newer than this code knows ({latest}); "
            "upgrade the bot instead of running an older one on it"
        )
    for migration in available_migrations():
        if migration.version <= version or (target is not None and migration.version > target):
            continue
        # executescript runs the statements one by one; wrapping them in BEGIN/COMMIT keeps the
        # migration and its version bump atomic.
        script = f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
        try:
            await conn.executescript(script)
        except Exception:
            if conn.in_transaction:
                await conn.execute("ROLLBACK")
            raise
        version = migration.version
    return version
