"""The person aggregate: language, registration profile, consent."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import ClassVar

import aiosqlite

from bot.clock import to_db
from bot.people.model import PROFILE_FIELDS, Erased, Profile, User
from bot.people.personal_data import JSON, Columns, Forgetting
from storage.db import Database


def _user(row: aiosqlite.Row) -> User:
    names = {f.name for f in fields(User)}
    return User(**{key: row[key] for key in row.keys() if key in names})


class UserRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def db(self) -> Database:
        return self._db

    async def get(self, telegram_id: int) -> User | None:
        row = await self._db.fetchone("SELECT * FROM users WHERE telegram_id = ?", (telegram_id,))
        return None if row is None else _user(row)

    async def find_by_username(self, username: str) -> User | None:
        row = await self._db.fetchone("SELECT * FROM users WHERE lower(username) = lower(?)", (username.lstrip("@"),))
        return None if row is None else _user(row)

    async def set_language(self, telegram_id: int, language: str, now: datetime) -> None:
        """Create the person's row if needed: the language is the one thing kept without consent."""
        await self._db.execute(
            """
            INSERT INTO users (telegram_id, language, created_at, updated_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (telegram_id) DO UPDATE SET language = excluded.language,
                                                    updated_at = excluded.updated_at
            """,
            (telegram_id, language, to_db(now), to_db(now)),
        )

    async def remember_payload(self, telegram_id: int, payload: str, now: datetime) -> None:
        """Keep a deep-link payload (a cohort invite code) until the person is registered."""
        await self._db.execute(
            """
            INSERT INTO users (telegram_id, pending_payload, created_at, updated_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (telegram_id) DO UPDATE SET pending_payload = excluded.pending_payload,
                                                    updated_at = excluded.updated_at
            """,
            (telegram_id, payload, to_db(now), to_db(now)),
        )

    async def register(
        self,
        telegram_id: int,
        profile: Profile,
        *,
        language: str,
        username: str | None,
        now: datetime,
    ) -> None:
        """Save the whole profile and the consent in one statement: never half a profile."""
        stamp = to_db(now)
        await self._db.execute(
            """
            INSERT INTO users (telegram_id, language, full_name, region, district, library,
                               position, settlement, username, consent_at, registered_at,
                               created_at, updated_at)
            VALUES (:id, :language, :full_name, :region, :district, :library, :position,
                    :settlement, :username, :now, :now, :now, :now)
            ON CONFLICT (telegram_id) DO UPDATE SET
                language = excluded.language, full_name = excluded.full_name,
                region = excluded.region, district = excluded.district,
                library = excluded.library, position = excluded.position,
                settlement = excluded.settlement, username = excluded.username,
                consent_at = COALESCE(users.consent_at, excluded.consent_at),
                registered_at = COALESCE(users.registered_at, excluded.registered_at),
                updated_at = excluded.updated_at
            """,
            {
                "id": telegram_id,
                "language": language,
                "username": username,
                "now": stamp,
                **profile.__dict__,
            },
        )

    async def update_field(self, telegram_id: int, field: str, value: str, now: datetime) -> None:
        if field not in PROFILE_FIELDS:
            raise ValueError(f"not a profile field: {field}")
        await self._db.execute(
            f"UPDATE users SET {field} = ?, updated_at = ? WHERE telegram_id = ?",
            (value, to_db(now), telegram_id),
        )

    async def clear_payload(self, telegram_id: int) -> None:
        await self._db.execute("UPDATE users SET pending_payload = NULL WHERE telegram_id = ?", (telegram_id,))

    # ------------------------------------------------------------------ personal data

    async def forget_personal_data(self, telegram_id: int, now: datetime) -> Erased:
        """Erase the person from the sources every installation has (people, roles, cohorts,
        deliveries, forms), in one transaction. The bot itself erases through
        ``bot.people.erasure.ErasureService``, whose registry holds the features' sources too."""
        from storage.personal_data import PersonalDataStore, core_sources  # it imports this module

        return Erased(await PersonalDataStore(self._db).erase(telegram_id, now, core_sources(self._db)))

    columns: ClassVar[Columns] = {"users": ("telegram_id",)}

    async def export(self, user_id: int) -> dict[str, JSON]:
        """The profile, language, consent and reachability, as stored."""
        row = await self._db.fetchone(
            """
            SELECT telegram_id, language, full_name, region, district, library, position, settlement,
                   username, consent_at, registered_at, blocked_at, created_at, updated_at
              FROM users WHERE telegram_id = ?
            """,
            (user_id,),
        )
        return {"profile": None if row is None else dict(row)}

    async def erase(self, conn: aiosqlite.Connection, person: Forgetting) -> dict[str, int]:
        """Only the language stays (the bot still answers them in it); the daily clean-up
        deletes even that ``UNCONSENTED_DAYS`` later."""
        stamp = to_db(person.now)
        cursor = await conn.execute(
            """
            UPDATE users SET full_name = NULL, region = NULL, district = NULL, library = NULL,
                   position = NULL, settlement = NULL, username = NULL, consent_at = NULL,
                   registered_at = NULL, pending_payload = NULL, blocked_at = NULL,
                   created_at = ?, updated_at = ?
             WHERE telegram_id = ?
            """,
            (stamp, stamp, person.user_id),
        )
        return {"profiles blanked": cursor.rowcount}

    async def mark_blocked(self, telegram_id: int, now: datetime) -> bool:
        """Telegram says the bot cannot write to them; True if they were reachable until now."""
        changed = await self._db.execute(
            "UPDATE users SET blocked_at = ? WHERE telegram_id = ? AND blocked_at IS NULL",
            (to_db(now), telegram_id),
        )
        return changed > 0

    async def mark_reachable(self, telegram_id: int) -> bool:
        """They unblocked the bot; True if they had been unreachable."""
        changed = await self._db.execute(
            "UPDATE users SET blocked_at = NULL WHERE telegram_id = ? AND blocked_at IS NOT NULL",
            (telegram_id,),
        )
        return changed > 0

    async def count_by_region(self) -> list[tuple[str, str, int]]:
        """Registered people per region and rural/urban, for the owners' overview."""
        rows = await self._db.fetchall(
            """
            SELECT region, settlement, COUNT(*) AS n FROM users
             WHERE registered_at IS NOT NULL
             GROUP BY region, settlement ORDER BY region, settlement
            """
        )
        return [(row["region"], row["settlement"], row["n"]) for row in rows]
