"""Broadcasts and the recipients their filters pick. A broadcast and its copies in ``deliveries``
are written in one transaction, so a crash leaves either both or neither."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar

import aiosqlite

from bot.broadcasts.model import (
    CANCELLED,
    SENDING,
    Audience,
    Broadcast,
    BroadcastContent,
    Progress,
    item_key,
)
from bot.clock import from_db, to_db
from bot.delivery.model import BROADCAST, FAILED, PLANNED, SENT, UNREACHABLE
from bot.delivery.model import CANCELLED as ROW_CANCELLED
from bot.people.personal_data import JSON, Columns, Forgetting
from storage.db import Database


def _broadcast(row: aiosqlite.Row) -> Broadcast:
    return Broadcast(
        id=row["id"],
        cohort_id=row["cohort_id"],
        created_by=row["created_by"],
        language=row["language"],
        content=BroadcastContent(row["kind"], row["html"], row["file_id"]),
        audience=Audience.from_json(row["audience"]),
        recipients=row["recipients"],
        status=row["status"],
        progress_chat=row["progress_chat"],
        progress_message=row["progress_message"],
        created_at=from_db(row["created_at"]),
        finished_at=from_db(row["finished_at"]) if row["finished_at"] else None,
    )


class BroadcastRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def learners(self, cohort_id: int, audience: Audience) -> list[tuple[int, bool]]:
        """(user id, blocked) of the cohort's active learners the built-in filters pick."""
        sql = """
            SELECT u.telegram_id, u.blocked_at IS NOT NULL AS blocked
              FROM enrolments e JOIN users u ON u.telegram_id = e.user_id
             WHERE e.cohort_id = ? AND e.status = 'active'
        """
        params: list[object] = [cohort_id]
        if audience.region is not None:
            sql += " AND u.region = ?"
            params.append(audience.region)
        if audience.settlement is not None:
            sql += " AND u.settlement = ?"
            params.append(audience.settlement)
        rows = await self._db.fetchall(sql + " ORDER BY u.telegram_id", params)
        return [(row[0], bool(row[1])) for row in rows]

    async def regions(self, cohort_id: int) -> list[tuple[str, int]]:
        """The regions of the cohort's active learners, with how many come from each."""
        rows = await self._db.fetchall(
            """
            SELECT u.region, COUNT(*) FROM enrolments e JOIN users u ON u.telegram_id = e.user_id
             WHERE e.cohort_id = ? AND e.status = 'active' AND u.region IS NOT NULL
             GROUP BY u.region ORDER BY COUNT(*) DESC, u.region
            """,
            (cohort_id,),
        )
        return [(row[0], row[1]) for row in rows]

    async def create(
        self,
        cohort_id: int,
        created_by: int,
        language: str,
        content: BroadcastContent,
        audience: Audience,
        user_ids: Sequence[int],
        now: datetime,
    ) -> int:
        """The broadcast and one planned delivery row per recipient, due now, all at once."""
        stamp = to_db(now)
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                """
                INSERT INTO broadcasts (cohort_id, created_by, language, kind, html, file_id, audience,
                                        recipients, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    cohort_id,
                    created_by,
                    language,
                    content.kind,
                    content.html,
                    content.file_id,
                    audience.to_json(),
                    len(user_ids),
                    stamp,
                ),
            )
            broadcast_id = cursor.lastrowid
            assert broadcast_id is not None
            key = item_key(broadcast_id)
            await conn.executemany(
                """
                INSERT INTO deliveries (cohort_id, user_id, item_key, kind, variant, position, due_at,
                                        planned_at, updated_at)
                VALUES (?, ?, ?, ?, '', 0, ?, ?, ?)
                """,
                [(cohort_id, uid, key, BROADCAST, stamp, stamp, stamp) for uid in user_ids],
            )
        return broadcast_id

    async def get(self, broadcast_id: int) -> Broadcast | None:
        row = await self._db.fetchone("SELECT * FROM broadcasts WHERE id = ?", (broadcast_id,))
        return None if row is None else _broadcast(row)

    async def running(self) -> list[Broadcast]:
        rows = await self._db.fetchall("SELECT * FROM broadcasts WHERE status = ? ORDER BY id", (SENDING,))
        return [_broadcast(row) for row in rows]

    async def set_progress_message(self, broadcast_id: int, chat_id: int, message_id: int) -> None:
        await self._db.execute(
            "UPDATE broadcasts SET progress_chat = ?, progress_message = ? WHERE id = ?",
            (chat_id, message_id, broadcast_id),
        )

    async def progress(self, broadcast: Broadcast) -> Progress:
        rows = await self._db.fetchall(
            """SELECT state, COUNT(*) FROM deliveries
                WHERE cohort_id = ? AND item_key = ? AND kind = ? GROUP BY state""",
            (broadcast.cohort_id, item_key(broadcast.id), BROADCAST),
        )
        counts: Counter[str] = Counter({row[0]: row[1] for row in rows})
        return Progress(
            total=sum(counts.values()),
            waiting=counts[PLANNED] + counts["sending"],
            sent=counts[SENT],
            unreachable=counts[UNREACHABLE],
            failed=counts[FAILED],
            cancelled=counts[ROW_CANCELLED],
        )

    async def finish(self, broadcast_id: int, status: str, now: datetime) -> bool:
        """Mark it done (or cancelled) once; False if it was not sending any more."""
        changed = await self._db.execute(
            "UPDATE broadcasts SET status = ?, finished_at = ? WHERE id = ? AND status = ?",
            (status, to_db(now), broadcast_id, SENDING),
        )
        return changed > 0

    async def cancel(self, broadcast: Broadcast, reason: str, now: datetime) -> tuple[bool, list[int]]:
        """Stop it: the copies still planned are cancelled, in the same transaction as the mark.
        Returns whether it was running and the ids of its copies taken for sending (the sender
        holds them; the caller takes them back)."""
        stamp = to_db(now)
        key = item_key(broadcast.id)
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE broadcasts SET status = ?, finished_at = ? WHERE id = ? AND status = ?",
                (CANCELLED, stamp, broadcast.id, SENDING),
            )
            if cursor.rowcount == 0:
                return False, []
            await conn.execute(
                """UPDATE deliveries SET state = 'cancelled', reason = ?, updated_at = ?
                    WHERE cohort_id = ? AND item_key = ? AND kind = ? AND state = 'planned'""",
                (reason, stamp, broadcast.cohort_id, key, BROADCAST),
            )
            async with conn.execute(
                "SELECT id FROM deliveries WHERE cohort_id = ? AND item_key = ? AND kind = ? AND state = 'sending'",
                (broadcast.cohort_id, key, BROADCAST),
            ) as rows:
                taken = [row[0] for row in await rows.fetchall()]
        return True, taken

    async def status(self, broadcast_id: int) -> str | None:
        value = await self._db.fetchval("SELECT status FROM broadcasts WHERE id = ?", (broadcast_id,))
        return None if value is None else str(value)

    # ------------------------------------------------------------------ personal data

    # progress_chat is the organizer's private chat, whose id is theirs.
    columns: ClassVar[Columns] = {"broadcasts": ("created_by", "progress_chat")}

    async def export(self, user_id: int) -> dict[str, JSON]:
        """The messages they broadcast: to which cohort, what, to how many, what became of it."""
        rows = await self._db.fetchall(
            """
            SELECT c.name AS cohort, b.kind, b.html AS message, b.audience, b.recipients, b.status,
                   b.created_at, b.finished_at
              FROM broadcasts b JOIN cohorts c ON c.id = b.cohort_id
             WHERE b.created_by = ? ORDER BY b.created_at, b.id
            """,
            (user_id,),
        )
        return {"broadcasts_sent": [dict(row) for row in rows]}

    async def erase(self, conn: aiosqlite.Connection, person: Forgetting) -> dict[str, int]:
        """Broadcasts they sent stay (learners got them; the cohort's record needs them) but no
        longer say who sent them, nor where their progress was shown."""
        cursor = await conn.execute(
            "UPDATE broadcasts SET created_by = ? WHERE created_by = ?", (person.alias, person.user_id)
        )
        await conn.execute(
            "UPDATE broadcasts SET progress_chat = NULL, progress_message = NULL WHERE progress_chat = ?",
            (person.user_id,),
        )
        return {"broadcasts unattributed": cursor.rowcount}
