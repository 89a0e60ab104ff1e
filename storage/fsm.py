"""aiogram FSM storage in SQLite, so a half-filled form survives a restart."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import aiosqlite
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey

from bot.clock import Clock, SystemClock, to_db
from bot.people.personal_data import JSON, Columns, Forgetting
from storage.db import Database


def _key(key: StorageKey) -> str:
    return ":".join(
        str(part)
        for part in (
            key.bot_id,
            key.chat_id,
            key.user_id,
            key.thread_id or "",
            key.business_connection_id or "",
            key.destiny,
        )
    )


class SQLiteStorage(BaseStorage):
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self._db = db
        self._clock = clock or SystemClock()

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self._db.execute(
            """
            INSERT INTO fsm_state (storage_key, state, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (storage_key) DO UPDATE SET state = excluded.state,
                                                    updated_at = excluded.updated_at
            """,
            (_key(key), value, to_db(self._clock.now())),
        )

    async def get_state(self, key: StorageKey) -> str | None:
        return await self._db.fetchval("SELECT state FROM fsm_state WHERE storage_key = ?", (_key(key),))

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._db.execute(
            """
            INSERT INTO fsm_state (storage_key, data, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (storage_key) DO UPDATE SET data = excluded.data,
                                                    updated_at = excluded.updated_at
            """,
            (_key(key), json.dumps(dict(data), ensure_ascii=False), to_db(self._clock.now())),
        )

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        raw = await self._db.fetchval("SELECT data FROM fsm_state WHERE storage_key = ?", (_key(key),))
        return json.loads(raw) if raw else {}

    async def close(self) -> None:
        """The Database is closed by the app, which owns it."""

    # ------------------------------------------------------------------ personal data

    # The key is "bot:chat:user:thread:business:destiny"; a half-filled form holds their answers.
    columns: ClassVar[Columns] = {"fsm_state": ("storage_key",)}

    async def export(self, user_id: int) -> dict[str, JSON]:
        """A form they have not finished: where they are in it and what they typed so far."""
        rows = await self._db.fetchall(
            "SELECT storage_key, state, data, updated_at FROM fsm_state WHERE storage_key LIKE ?", (f"%:{user_id}:%",)
        )
        wanted = set(fsm_keys_of([row["storage_key"] for row in rows], user_id))
        return {
            "unfinished_forms": [
                {"state": row["state"], "answers": json.loads(row["data"] or "{}"), "updated_at": row["updated_at"]}
                for row in rows
                if row["storage_key"] in wanted and (row["state"] or row["data"] not in ("", "{}"))
            ]
        }

    async def erase(self, conn: aiosqlite.Connection, person: Forgetting) -> dict[str, int]:
        await delete_fsm_of(conn, person.user_id)
        return {}


def fsm_keys_of(keys: Sequence[str], user_id: int) -> list[str]:
    """The storage keys among ``keys`` whose user part is ``user_id``."""
    wanted = str(user_id)
    return [key for key in keys if len(parts := key.split(":")) > 2 and parts[2] == wanted]


async def delete_fsm_of(conn: aiosqlite.Connection, user_id: int) -> int:
    sql = "SELECT storage_key FROM fsm_state WHERE storage_key LIKE ?"
    async with conn.execute(sql, (f"%:{user_id}:%",)) as cursor:
        keys = fsm_keys_of([row[0] for row in await cursor.fetchall()], user_id)
    await conn.executemany("DELETE FROM fsm_state WHERE storage_key = ?", [(key,) for key in keys])
    return len(keys)
