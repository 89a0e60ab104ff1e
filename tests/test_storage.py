"""Storage against a real SQLite file: pragmas, migrations, repositories, FSM state."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite
import pytest
from aiogram.fsm.storage.base import StorageKey

from bot.clock import FrozenClock
from bot.people.model import Profile
from storage.db import Database
from storage.fsm import SQLiteStorage
from storage.migrations import available_migrations, current_version, latest_version, migrate
from storage.users import UserRepository

NOW = datetime(2026, 4, 15, 5, 0, tzinfo=UTC)
PROFILE = Profile("Айгүл Серікова", "abai", "Аягөз ауданы", "Орталық кітапхана", "кітапханашы", "rural")


async def test_empty_database_is_migrated_to_the_latest_version(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "nested" / "new.sqlite3")
    try:
        assert (tmp_path / "nested" / "new.sqlite3").exists()
        assert await current_version(db.connection) == latest_version()
        assert await db.fetchval("PRAGMA journal_mode") == "wal"
        assert await db.fetchval("PRAGMA foreign_keys") == 1
        assert await db.fetchval("PRAGMA busy_timeout") == 5000
    finally:
        await db.close()


async def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "db.sqlite3")
    await db.close()
    db = await Database.open(tmp_path / "db.sqlite3")
    try:
        assert await current_version(db.connection) == latest_version()
    finally:
        await db.close()


async def test_migration_2_keeps_users_from_version_1(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    async with aiosqlite.connect(path, isolation_level=None) as conn:
        assert await migrate(conn, target=1) == 1
        await conn.execute(
            "INSERT INTO users (telegram_id, language, full_name, registered_at, created_at, updated_at)"
            " VALUES (1, 'kk', 'Айгүл', '2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z',"
            " '2026-04-01T00:00:00Z')"
        )
        assert await migrate(conn, target=2) == 2
        async with conn.execute("SELECT full_name, username FROM users WHERE telegram_id = 1") as cur:
            assert tuple(await cur.fetchone()) == ("Айгүл", None)
        async with conn.execute("SELECT COUNT(*) FROM fsm_state") as cur:
            assert (await cur.fetchone())[0] == 0


async def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "broken.sqlite3"
    async with aiosqlite.connect(path, isolation_level=None) as conn:
        await migrate(conn, target=1)
        broken = available_migrations()[1]
        monkeypatch.setattr(type(broken), "sql", property(lambda self: "CREATE TABLE x (a); SELEC oops;"))
        with pytest.raises(aiosqlite.Error):
            await migrate(conn)
        assert await current_version(conn) == 1
        async with conn.execute("SELECT name FROM sqlite_master WHERE name = 'x'") as cur:
            assert await cur.fetchone() is None


async def test_newer_database_than_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    async with aiosqlite.connect(path) as conn:
        await conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    with pytest.raises(RuntimeError, match="newer"):
        await Database.open(path)


async def test_transaction_rolls_back_on_error(db: Database) -> None:
    with pytest.raises(ZeroDivisionError):
        async with db.transaction() as conn:
            await conn.execute("INSERT INTO users (telegram_id, created_at, updated_at) VALUES (5, 'x', 'x')")
            raise ZeroDivisionError
    assert await db.fetchval("SELECT COUNT(*) FROM users") == 0


@pytest.mark.parametrize("steps", range(12))
async def test_a_write_cancelled_at_any_point_leaves_the_connection_usable(db: Database, steps: int) -> None:
    """A handler or the scheduler may be cancelled at any await, e.g. during shutdown. aiosqlite
    runs each statement in its own thread, so a cancelled ``await`` does not cancel the statement:
    a cancelled BEGIN used to leave the connection inside a transaction and every later write
    failed ("cannot start a transaction within a transaction")."""
    insert = "INSERT INTO users (telegram_id, created_at, updated_at) VALUES (?, 'x', 'x')"
    task = asyncio.create_task(db.execute(insert, (7,)))
    for _ in range(steps):
        await asyncio.sleep(0)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert not db.connection.in_transaction
    # Either the cancelled write is whole or it is absent; the next one goes through.
    assert await db.fetchval("SELECT COUNT(*) FROM users WHERE telegram_id = 7") in (0, 1)
    await db.execute(insert, (8,))
    assert await db.fetchval("SELECT COUNT(*) FROM users WHERE telegram_id = 8") == 1


async def test_language_then_registration_then_forgetting(db: Database) -> None:
    users = UserRepository(db)
    await users.set_language(1, "ru", NOW)
    assert (await users.get(1)).language == "ru"
    await users.register(1, PROFILE, language="kk", username="aigul", now=NOW)
    user = await users.get(1)
    assert user.is_registered and user.language == "kk" and user.region == "abai"
    assert user.registered_at == "2026-04-15T05:00:00Z"
    await users.update_field(1, "library", "Жаңа кітапхана", NOW)
    assert (await users.get(1)).library == "Жаңа кітапхана"
    with pytest.raises(ValueError):
        await users.update_field(1, "language; DROP TABLE users", "x", NOW)
    await users.forget_personal_data(1, NOW)
    user = await users.get(1)
    assert not user.is_registered and user.full_name is None and user.username is None
    assert user.language == "kk"


async def test_payload_is_kept_without_personal_data(db: Database) -> None:
    users = UserRepository(db)
    await users.remember_payload(2, "cohort-abc", NOW)
    user = await users.get(2)
    assert user.pending_payload == "cohort-abc" and user.language is None


async def test_counts_by_region(db: Database) -> None:
    users = UserRepository(db)
    await users.register(1, PROFILE, language="kk", username=None, now=NOW)
    await users.register(2, Profile("Мария", "abai", "d", "l", "p", "urban"), language="ru", username=None, now=NOW)
    await users.set_language(3, "en", NOW)
    assert await users.count_by_region() == [("abai", "rural", 1), ("abai", "urban", 1)]


async def test_fsm_state_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "fsm.sqlite3"
    key = StorageKey(bot_id=1, chat_id=10, user_id=10)
    db = await Database.open(path)
    storage = SQLiteStorage(db, FrozenClock(NOW))
    await storage.set_state(key, "Registration:district")
    await storage.set_data(key, {"answers": {"full_name": "Айгүл"}})
    await db.close()
    db = await Database.open(path)
    try:
        storage = SQLiteStorage(db)
        assert await storage.get_state(key) == "Registration:district"
        assert await storage.get_data(key) == {"answers": {"full_name": "Айгүл"}}
        await storage.set_state(key, None)
        assert await storage.get_state(key) is None
        assert await storage.get_data(StorageKey(bot_id=1, chat_id=11, user_id=11)) == {}
    finally:
        await db.close()
