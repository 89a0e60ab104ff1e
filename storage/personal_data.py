"""The erasure transaction and the clean-up of people who never consented.

The sources themselves (``UserRepository``, ``CohortRepository``, ...) know their own tables;
this module holds what spans them: one transaction for the whole erasure, with foreign keys
checked at its end (so sources may move rows in any order), and the alias that takes the
person's place in the rows kept for counts.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from bot.clock import to_db
from bot.people.personal_data import Forgetting, PersonalDataSource
from storage.cohorts import CohortRepository
from storage.db import Database
from storage.deliveries import DeliveryRepository
from storage.fsm import SQLiteStorage, delete_fsm_of
from storage.roles import RoleRepository
from storage.users import UserRepository

log = logging.getLogger(__name__)

# Aliases are negative (Telegram's user ids are positive) and random, so their order says
# nothing about who asked to be forgotten when.
ALIAS_RANGE = 2**62


def is_alias(user_id: int) -> bool:
    return user_id < 0


async def _new_alias(conn: aiosqlite.Connection, now: datetime) -> int:
    while True:
        alias = -1 - secrets.randbelow(ALIAS_RANGE)
        cursor = await conn.execute(
            "INSERT OR IGNORE INTO users (telegram_id, created_at, updated_at) VALUES (?, ?, ?)",
            (alias, to_db(now), to_db(now)),
        )
        if cursor.rowcount:
            return alias


class PersonalDataStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def erase(self, user_id: int, now: datetime, sources: Sequence[PersonalDataSource]) -> dict[str, int]:
        changed: dict[str, int] = {}
        async with self._db.transaction() as conn:
            # Rows move to the alias table by table; the foreign keys hold again at COMMIT.
            await conn.execute("PRAGMA defer_foreign_keys = ON")
            person = Forgetting(user_id=user_id, alias=await _new_alias(conn, now), now=now)
            for source in sources:
                for what, count in (await source.erase(conn, person)).items():
                    changed[what] = changed.get(what, 0) + count
        return changed

    async def forget_unconsented(self, before: datetime) -> int:
        """Delete the rows of people who never consented (or withdrew it) and have not changed
        anything since ``before``; returns how many. Someone a role was granted to is kept."""
        rows = await self._db.fetchall(
            """
            SELECT telegram_id FROM users
             WHERE telegram_id > 0 AND consent_at IS NULL AND registered_at IS NULL AND updated_at < ?
            """,
            (to_db(before),),
        )
        forgotten = 0
        for row in rows:
            user_id = row["telegram_id"]
            try:
                async with self._db.transaction() as conn:
                    await delete_fsm_of(conn, user_id)
                    cursor = await conn.execute(
                        """
                        DELETE FROM users WHERE telegram_id = ? AND consent_at IS NULL
                           AND registered_at IS NULL AND updated_at < ?
                        """,
                        (user_id, to_db(before)),
                    )
                    forgotten += cursor.rowcount
            except sqlite3.IntegrityError:
                # Another row still points at them (an owner granted them a role before they
                # registered): they stay until that is taken away.
                log.info("person %s has not consented but is referenced elsewhere; kept", user_id)
        return forgotten


def core_sources(db: Database) -> list[PersonalDataSource]:
    """The repositories every installation has that keep a person's id; features add theirs
    to the registry in ``bot/app.py``."""
    return [UserRepository(db), RoleRepository(db), CohortRepository(db), DeliveryRepository(db), SQLiteStorage(db)]
