"""The cohort aggregate: a run of a course version, its curators and its enrolments."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

import aiosqlite

from bot.clock import from_db, to_db
from bot.people.model import Cohort, Learner, NewCohort
from bot.people.personal_data import JSON, Columns, Forgetting
from storage.db import Database


def _cohort(row: aiosqlite.Row) -> Cohort:
    return Cohort(
        id=row["id"],
        course_id=row["course_id"],
        course_code=row["course_code"],
        version_id=row["version_id"],
        name=row["name"],
        start_date=date.fromisoformat(row["start_date"]),
        timezone=row["timezone"],
        enrol_until=from_db(row["enrol_until"]) if row["enrol_until"] else None,
        capacity=row["capacity"],
        invite_code=row["invite_code"],
        enrolment_open=bool(row["enrolment_open"]),
        status=row["status"],
        created_by=row["created_by"],
        active_learners=row["active_learners"],
    )


_SELECT = """
    SELECT c.*, co.code AS course_code,
           (SELECT COUNT(*) FROM enrolments e
             WHERE e.cohort_id = c.id AND e.status = 'active') AS active_learners
      FROM cohorts c JOIN courses co ON co.id = c.course_id
"""


class CohortRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def create(self, new: NewCohort, now: datetime) -> int:
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                """
                INSERT INTO cohorts (course_id, version_id, name, start_date, timezone, enrol_until,
                                     capacity, invite_code, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    new.course_id,
                    new.version_id,
                    new.name,
                    new.start_date.isoformat(),
                    new.timezone,
                    to_db(new.enrol_until) if new.enrol_until else None,
                    new.capacity,
                    new.invite_code,
                    new.created_by,
                    to_db(now),
                ),
            )
            assert cursor.lastrowid is not None  # set by the INSERT
            return cursor.lastrowid

    async def get(self, cohort_id: int) -> Cohort | None:
        row = await self._db.fetchone(_SELECT + " WHERE c.id = ?", (cohort_id,))
        return None if row is None else _cohort(row)

    async def by_invite(self, code: str) -> Cohort | None:
        row = await self._db.fetchone(_SELECT + " WHERE c.invite_code = ?", (code,))
        return None if row is None else _cohort(row)

    async def all(self) -> list[Cohort]:
        rows = await self._db.fetchall(_SELECT + " ORDER BY c.start_date DESC, c.id DESC")
        return [_cohort(row) for row in rows]

    async def curated_by(self, user_id: int) -> list[Cohort]:
        rows = await self._db.fetchall(
            _SELECT + " JOIN cohort_curators cc ON cc.cohort_id = c.id WHERE cc.user_id = ?"
            " ORDER BY c.start_date DESC, c.id DESC",
            (user_id,),
        )
        return [_cohort(row) for row in rows]

    async def of_learner(self, user_id: int) -> list[Cohort]:
        rows = await self._db.fetchall(
            _SELECT + " JOIN enrolments en ON en.cohort_id = c.id"
            " WHERE en.user_id = ? AND en.status = 'active' ORDER BY c.start_date, c.id",
            (user_id,),
        )
        return [_cohort(row) for row in rows]

    async def set_enrolment_open(self, cohort_id: int, is_open: bool) -> None:
        await self._db.execute("UPDATE cohorts SET enrolment_open = ? WHERE id = ?", (int(is_open), cohort_id))

    async def add_curator(self, cohort_id: int, user_id: int) -> None:
        await self._db.execute(
            "INSERT OR IGNORE INTO cohort_curators (cohort_id, user_id) VALUES (?, ?)",
            (cohort_id, user_id),
        )

    async def curators(self, cohort_id: int) -> list[int]:
        rows = await self._db.fetchall(
            "SELECT user_id FROM cohort_curators WHERE cohort_id = ? ORDER BY user_id", (cohort_id,)
        )
        return [row["user_id"] for row in rows]

    async def enrolment_status(self, cohort_id: int, user_id: int) -> str | None:
        return await self._db.fetchval(
            "SELECT status FROM enrolments WHERE cohort_id = ? AND user_id = ?", (cohort_id, user_id)
        )

    async def learners(self, cohort_id: int) -> list[Learner]:
        rows = await self._db.fetchall(
            """
            SELECT u.telegram_id AS user_id, u.full_name, u.region, u.district, u.library,
                   u.position, u.settlement, u.language, e.enrolled_at
              FROM enrolments e JOIN users u ON u.telegram_id = e.user_id
             WHERE e.cohort_id = ? AND e.status = 'active'
             ORDER BY u.full_name COLLATE NOCASE, u.telegram_id
            """,
            (cohort_id,),
        )
        return [Learner(**dict(row)) for row in rows]

    async def enrol_if_room(self, cohort_id: int, user_id: int, capacity: int | None, now: datetime) -> bool:
        """Enrol (or re-enrol) the learner unless ``capacity`` active learners are there already.

        The count and the insert run in one write transaction, so two librarians opening the
        link at the same moment cannot both take the last place. False: the cohort is full.
        """
        async with self._db.transaction() as conn:
            async with conn.execute(
                "SELECT COUNT(*) FROM enrolments WHERE cohort_id = ? AND status = 'active'", (cohort_id,)
            ) as cursor:
                row = await cursor.fetchone()
            taken = row[0] if row is not None else 0
            if capacity is not None and taken >= capacity:
                return False
            await conn.execute(
                """
                INSERT INTO enrolments (cohort_id, user_id, status, enrolled_at)
                VALUES (?, ?, 'active', ?)
                ON CONFLICT (cohort_id, user_id) DO UPDATE SET status = 'active',
                    enrolled_at = excluded.enrolled_at, ended_at = NULL
                """,
                (cohort_id, user_id, to_db(now)),
            )
            return True

    async def end_enrolment(self, cohort_id: int, user_id: int, status: str, now: datetime) -> bool:
        """Mark a learner as having left or been removed; False if they were not active."""
        if status not in ("left", "removed"):
            raise ValueError(status)
        changed = await self._db.execute(
            "UPDATE enrolments SET status = ?, ended_at = ? WHERE cohort_id = ? AND user_id = ? AND status = 'active'",
            (status, to_db(now), cohort_id, user_id),
        )
        return changed > 0

    # ------------------------------------------------------------------ personal data

    columns: ClassVar[Columns] = {
        "enrolments": ("user_id",),
        "cohort_curators": ("user_id",),
        "cohorts": ("created_by",),
    }

    async def export(self, user_id: int) -> dict[str, JSON]:
        """Their enrolments, the cohorts they curate and those they opened (with the course's
        version, which the export turns into its title)."""
        enrolments = await self._db.fetchall(
            """
            SELECT c.name AS cohort, c.version_id AS course_version_id, c.start_date, c.timezone,
                   e.status, e.enrolled_at, e.ended_at
              FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
             WHERE e.user_id = ? ORDER BY e.enrolled_at, c.id
            """,
            (user_id,),
        )
        curating = await self._db.fetchall(
            """
            SELECT c.name AS cohort, c.version_id AS course_version_id, c.start_date
              FROM cohort_curators cc JOIN cohorts c ON c.id = cc.cohort_id
             WHERE cc.user_id = ? ORDER BY c.start_date, c.id
            """,
            (user_id,),
        )
        opened = await self._db.fetchall(
            """
            SELECT name AS cohort, version_id AS course_version_id, start_date, created_at
              FROM cohorts WHERE created_by = ? ORDER BY created_at, id
            """,
            (user_id,),
        )
        return {
            "enrolments": [dict(row) for row in enrolments],
            "cohorts_curated": [dict(row) for row in curating],
            "cohorts_opened": [dict(row) for row in opened],
        }

    async def erase(self, conn: aiosqlite.Connection, person: Forgetting) -> dict[str, int]:
        """Enrolments end (as "left": they may register and join again) and stay, under the
        alias, for the cohort's counts; curating ends; cohorts they opened no longer say who."""
        stamp = to_db(person.now)
        ended = await conn.execute(
            "UPDATE enrolments SET status = 'left', ended_at = ? WHERE user_id = ? AND status = 'active'",
            (stamp, person.user_id),
        )
        await conn.execute("UPDATE enrolments SET user_id = ? WHERE user_id = ?", (person.alias, person.user_id))
        curated = await conn.execute("DELETE FROM cohort_curators WHERE user_id = ?", (person.user_id,))
        await conn.execute("UPDATE cohorts SET created_by = ? WHERE created_by = ?", (person.alias, person.user_id))
        return {"enrolments ended": ended.rowcount, "curatorships ended": curated.rowcount}
