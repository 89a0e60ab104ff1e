"""Organizer and curator roles, granted by owners (ADMIN_IDS, which live in the settings)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import aiosqlite

from bot.clock import to_db
from bot.people.personal_data import JSON, Columns, Forgetting
from storage.db import Database

ROLES = ("organizer", "curator")


class RoleRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def grant(self, user_id: int, role: str, granted_by: int, now: datetime) -> bool:
        """True if the role is new for the person."""
        if role not in ROLES:
            raise ValueError(role)
        changed = await self._db.execute(
            "INSERT OR IGNORE INTO roles (user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?)",
            (user_id, role, granted_by, to_db(now)),
        )
        return changed > 0

    async def revoke(self, user_id: int, role: str) -> bool:
        changed = await self._db.execute("DELETE FROM roles WHERE user_id = ? AND role = ?", (user_id, role))
        return changed > 0

    async def roles_of(self, user_id: int) -> frozenset[str]:
        rows = await self._db.fetchall("SELECT role FROM roles WHERE user_id = ?", (user_id,))
        return frozenset(row["role"] for row in rows)

    async def holders(self) -> list[tuple[int, str, str | None]]:
        """(user id, role, full name) for everyone holding a role, by role then name."""
        rows = await self._db.fetchall(
            """
            SELECT r.user_id, r.role, u.full_name FROM roles r
              JOIN users u ON u.telegram_id = r.user_id
             ORDER BY r.role, u.full_name COLLATE NOCASE, r.user_id
            """
        )
        return [(row["user_id"], row["role"], row["full_name"]) for row in rows]

    # ------------------------------------------------------------------ personal data

    columns: ClassVar[Columns] = {"roles": ("user_id", "granted_by")}

    async def export(self, user_id: int) -> dict[str, JSON]:
        """Their own roles and when they got them; not who granted them, nor whom they granted."""
        rows = await self._db.fetchall(
            "SELECT role, granted_at FROM roles WHERE user_id = ? ORDER BY granted_at, role", (user_id,)
        )
        return {"roles": [dict(row) for row in rows]}

    async def erase(self, conn: aiosqlite.Connection, person: Forgetting) -> dict[str, int]:
        cursor = await conn.execute("DELETE FROM roles WHERE user_id = ?", (person.user_id,))
        # Roles they granted stay with their holders; the grant no longer says by whom.
        await conn.execute("UPDATE roles SET granted_by = ? WHERE granted_by = ?", (person.alias, person.user_id))
        return {"roles taken away": cursor.rowcount}
