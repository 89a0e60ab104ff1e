"""aiogram FSM storage in SQLite, so a half-filled form survives a restart."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey

from bot.clock import Clock, SystemClock, to_db
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
