"""Completions and finishing cohorts: all the SQL of bot/completion.

A completion is written once per enrolment, in the same transaction as the delivery row that
tells the learner (kind 'completion'): both or neither, and a second evaluation finds the row and
writes nothing. ``notified_at`` stays NULL until every ``on_completed`` hook has run, so a crash or
a failing hook is taken up again at the delivery tick.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import aiosqlite

from bot.clock import from_db, to_db
from bot.completion.model import COMPLETION_KEY, COMPLETION_VARIANT
from bot.delivery.model import COMPLETION
from bot.people.personal_data import JSON, Columns, Forgetting
from storage.db import Database
from storage.deliveries import add_notice


class CompletionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------------ completions

    async def completed_at(self, cohort_id: int, user_id: int) -> datetime | None:
        value = await self._db.fetchval(
            "SELECT completed_at FROM completions WHERE cohort_id = ? AND user_id = ?", (cohort_id, user_id)
        )
        return from_db(value) if value else None

    async def record(self, cohort_id: int, user_id: int, now: datetime) -> bool:
        """The first completion and the message telling the learner, together; False if it was
        recorded before (nothing is written then)."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO completions (cohort_id, user_id, completed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (cohort_id, user_id, to_db(now)),
            )
            if cursor.rowcount != 1:
                return False
            await add_notice(conn, cohort_id, user_id, COMPLETION_KEY, COMPLETION, COMPLETION_VARIANT, now)
        return True

    async def notified(self, cohort_id: int, user_id: int, now: datetime) -> None:
        await self._db.execute(
            "UPDATE completions SET notified_at = ? WHERE cohort_id = ? AND user_id = ? AND notified_at IS NULL",
            (to_db(now), cohort_id, user_id),
        )

    async def unnotified(self, limit: int = 200) -> list[tuple[int, int]]:
        """Completions whose hooks have not all run yet (a crash, a failing hook): oldest first."""
        rows = await self._db.fetchall(
            "SELECT cohort_id, user_id FROM completions WHERE notified_at IS NULL ORDER BY completed_at LIMIT ?",
            (limit,),
        )
        return [(row["cohort_id"], row["user_id"]) for row in rows]

    async def unevaluated(self) -> list[tuple[int, int]]:
        """Active learners of cohorts not finished, without a completion: evaluated once after a
        start, for events a crash cut off between their own commit and the evaluation."""
        rows = await self._db.fetchall(
            """
            SELECT e.cohort_id, e.user_id FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
             WHERE e.status = 'active' AND c.status != 'finished'
               AND NOT EXISTS (SELECT 1 FROM completions k WHERE k.cohort_id = e.cohort_id AND k.user_id = e.user_id)
             ORDER BY e.cohort_id, e.user_id
            """
        )
        return [(row["cohort_id"], row["user_id"]) for row in rows]

    async def active_learners(self, cohort_id: int) -> list[int]:
        rows = await self._db.fetchall(
            "SELECT user_id FROM enrolments WHERE cohort_id = ? AND status = 'active' ORDER BY user_id", (cohort_id,)
        )
        return [row["user_id"] for row in rows]

    async def completed_learners(self, cohort_id: int) -> dict[int, datetime]:
        """Active learners of the cohort with a recorded completion, and when."""
        rows = await self._db.fetchall(
            """
            SELECT k.user_id, k.completed_at FROM completions k
              JOIN enrolments e ON e.cohort_id = k.cohort_id AND e.user_id = k.user_id
             WHERE k.cohort_id = ? AND e.status = 'active'
            """,
            (cohort_id,),
        )
        return {row["user_id"]: from_db(row["completed_at"]) for row in rows}

    # ------------------------------------------------------------------ finishing a cohort

    async def running_cohorts(self) -> list[int]:
        """Cohorts that may finish on their own: active (a paused one waits for its organizer)."""
        rows = await self._db.fetchall("SELECT id FROM cohorts WHERE status = 'active' ORDER BY id")
        return [row["id"] for row in rows]

    async def finish(self, cohort_id: int, now: datetime) -> bool:
        """The cohort becomes 'finished' and what it had planned is cancelled, at once; False if
        it was finished already (or is not there)."""
        stamp = to_db(now)
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE cohorts SET status = 'finished', finished_at = ? WHERE id = ? AND status != 'finished'",
                (stamp, cohort_id),
            )
            if cursor.rowcount != 1:
                return False
            # Lessons, reminders and invitations not sent yet; a completion or a curator's
            # decision already written still goes out.
            await conn.execute(
                """
                UPDATE deliveries SET state = 'cancelled', reason = 'cohort-finished', updated_at = ?
                 WHERE cohort_id = ? AND state = 'planned'
                   AND kind IN ('lesson', 'homework', 'reminder', 'questionnaire', 'questionnaire-reminder')
                """,
                (stamp, cohort_id),
            )
        return True

    async def last_planned(self, cohort_id: int) -> datetime | None:
        """The latest course item still planned for someone of the cohort (a late joiner's)."""
        value = await self._db.fetchval(
            """
            SELECT MAX(due_at) FROM deliveries WHERE cohort_id = ? AND state = 'planned'
               AND kind IN ('lesson', 'homework', 'reminder', 'questionnaire', 'questionnaire-reminder')
            """,
            (cohort_id,),
        )
        return from_db(value) if value else None

    async def finished_at(self, cohort_id: int) -> datetime | None:
        value = await self._db.fetchval("SELECT finished_at FROM cohorts WHERE id = ?", (cohort_id,))
        return from_db(value) if value else None

    # ------------------------------------------------------------------ personal data

    columns: ClassVar[Columns] = {"completions": ("user_id",)}

    async def export(self, user_id: int) -> dict[str, JSON]:
        """The courses they completed, and when."""
        rows = await self._db.fetchall(
            """
            SELECT c.name AS cohort, c.version_id AS course_version_id, k.completed_at
              FROM completions k JOIN cohorts c ON c.id = k.cohort_id
             WHERE k.user_id = ? ORDER BY k.completed_at
            """,
            (user_id,),
        )
        return {"completions": [dict(row) for row in rows]}

    async def erase(self, conn: aiosqlite.Connection, person: Forgetting) -> dict[str, int]:
        """Completions stay, under the alias, for the cohort's counts (as the ended enrolment does)."""
        cursor = await conn.execute(
            "UPDATE completions SET user_id = ? WHERE user_id = ?", (person.alias, person.user_id)
        )
        return {"completions unnamed": cursor.rowcount}
