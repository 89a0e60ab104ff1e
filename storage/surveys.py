"""Survey drafts, submitted responses, the "has answered" marks and self-assessments: all the SQL
of bot/surveys.

An anonymous response is written with a random key, no user id and only the date, in the same
transaction that deletes the person's draft and writes their "has answered" mark; nothing in the
database joins the two.
"""

from __future__ import annotations

import json
import secrets
from datetime import datetime
from typing import Any, ClassVar

import aiosqlite

from bot.clock import to_db
from bot.people.personal_data import JSON, Columns, Forgetting
from bot.surveys.model import Answer, Draft, Form
from storage.db import Database


def _draft(row: aiosqlite.Row) -> Draft:
    return Draft(
        cohort_id=row["cohort_id"],
        user_id=row["user_id"],
        form=Form(row["form"]),
        answers=json.loads(row["answers"]),
        position=row["position"],
        message_id=row["message_id"],
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _loaded(text: str) -> JSON:
    """Stored JSON as a value for the export (text that is not JSON as it is)."""
    try:
        loaded: JSON = json.loads(text)
    except ValueError:
        return text
    return loaded


class SurveyRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------------ drafts

    async def draft(self, cohort_id: int, user_id: int, form: Form) -> Draft | None:
        row = await self._db.fetchone(
            "SELECT * FROM survey_drafts WHERE cohort_id = ? AND user_id = ? AND form = ?",
            (cohort_id, user_id, form.value),
        )
        return None if row is None else _draft(row)

    async def save_draft(self, draft: Draft, now: datetime) -> None:
        await self._db.execute(
            """
            INSERT INTO survey_drafts (cohort_id, user_id, form, answers, position, message_id, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (cohort_id, user_id, form) DO UPDATE
               SET answers = excluded.answers, position = excluded.position,
                   message_id = excluded.message_id, updated_at = excluded.updated_at
            """,
            (
                draft.cohort_id,
                draft.user_id,
                draft.form.value,
                _json(draft.answers),
                draft.position,
                draft.message_id,
                to_db(now),
            ),
        )

    # ------------------------------------------------------------------ submitting

    async def submit_questionnaire(
        self,
        draft: Draft,
        item_key: str,
        answers: dict[str, Answer],
        anonymous: bool,
        after: dict[str, Answer] | None,
        now: datetime,
    ) -> bool:
        """Write the response, the "has answered" mark and the self-assessment after, and delete
        the draft, all at once. False (and nothing written) if they had answered already."""
        day = now.date().isoformat()
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT OR IGNORE INTO survey_answered (cohort_id, user_id, item_key, answered_on) VALUES (?, ?, ?, ?)",
                (draft.cohort_id, draft.user_id, item_key, day),
            )
            if cursor.rowcount == 0:
                await conn.execute(
                    "DELETE FROM survey_drafts WHERE cohort_id = ? AND user_id = ? AND form = ?",
                    (draft.cohort_id, draft.user_id, draft.form.value),
                )
                return False
            await conn.execute(
                """
                INSERT INTO survey_responses (id, cohort_id, item_key, user_id, answered_on, answers)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                (
                    secrets.token_hex(16),
                    draft.cohort_id,
                    item_key,
                    None if anonymous else draft.user_id,
                    day,
                    _json(answers),
                ),
            )
            if after is not None:
                await self._write_assessment(conn, draft.cohort_id, draft.user_id, "after", after, now)
            await conn.execute(
                "DELETE FROM survey_drafts WHERE cohort_id = ? AND user_id = ? AND form = ?",
                (draft.cohort_id, draft.user_id, draft.form.value),
            )
        return True

    async def submit_before(self, draft: Draft, ratings: dict[str, Answer], now: datetime) -> bool:
        """The self-assessment before, and the draft deleted. False if it was given already."""
        async with self._db.transaction() as conn:
            written = await self._write_assessment(conn, draft.cohort_id, draft.user_id, "before", ratings, now)
            await conn.execute(
                "DELETE FROM survey_drafts WHERE cohort_id = ? AND user_id = ? AND form = ?",
                (draft.cohort_id, draft.user_id, draft.form.value),
            )
        return written

    @staticmethod
    async def _write_assessment(
        conn: aiosqlite.Connection, cohort_id: int, user_id: int, phase: str, ratings: dict[str, Answer], now: datetime
    ) -> bool:
        cursor = await conn.execute(
            """
            INSERT OR IGNORE INTO self_assessments (cohort_id, user_id, phase, ratings, answered_at)
            VALUES (?, ?, ?, ?, ?)
            """,
            (cohort_id, user_id, phase, _json(ratings), to_db(now)),
        )
        return cursor.rowcount > 0

    # ------------------------------------------------------------------ reading

    async def has_answered(self, cohort_id: int, user_id: int, item_key: str) -> bool:
        row = await self._db.fetchone(
            "SELECT 1 FROM survey_answered WHERE cohort_id = ? AND user_id = ? AND item_key = ?",
            (cohort_id, user_id, item_key),
        )
        return row is not None

    async def not_answered(self, cohort_id: int, item_key: str) -> set[int]:
        """The cohort's active learners who have not answered ``item_key`` (the broadcast filter)."""
        rows = await self._db.fetchall(
            """SELECT e.user_id FROM enrolments e
                WHERE e.cohort_id = ? AND e.status = 'active'
                  AND NOT EXISTS (SELECT 1 FROM survey_answered a
                                   WHERE a.cohort_id = e.cohort_id AND a.user_id = e.user_id AND a.item_key = ?)""",
            (cohort_id, item_key),
        )
        return {int(row[0]) for row in rows}

    async def answered_count(self, cohort_id: int, item_key: str) -> int:
        return int(
            await self._db.fetchval(
                "SELECT COUNT(*) FROM survey_answered WHERE cohort_id = ? AND item_key = ?", (cohort_id, item_key)
            )
        )

    async def responses(self, cohort_id: int, item_key: str) -> list[dict[str, Answer]]:
        """Every response's answers, in the order of their random keys (not of their coming)."""
        rows = await self._db.fetchall(
            "SELECT answers FROM survey_responses WHERE cohort_id = ? AND item_key = ? ORDER BY id",
            (cohort_id, item_key),
        )
        return [json.loads(row["answers"]) for row in rows]

    async def assessment(self, cohort_id: int, user_id: int, phase: str) -> dict[str, Answer] | None:
        row = await self._db.fetchone(
            "SELECT ratings FROM self_assessments WHERE cohort_id = ? AND user_id = ? AND phase = ?",
            (cohort_id, user_id, phase),
        )
        return None if row is None else json.loads(row["ratings"])

    async def assessments(self, cohort_id: int, phase: str) -> list[dict[str, Answer]]:
        rows = await self._db.fetchall(
            "SELECT ratings FROM self_assessments WHERE cohort_id = ? AND phase = ? ORDER BY user_id",
            (cohort_id, phase),
        )
        return [json.loads(row["ratings"]) for row in rows]

    # ------------------------------------------------------------------ personal data

    columns: ClassVar[Columns] = {
        "survey_drafts": ("user_id",),
        "survey_responses": ("user_id",),
        "survey_answered": ("user_id",),
        "self_assessments": ("user_id",),
    }

    async def export(self, user_id: int) -> dict[str, JSON]:
        """The person's drafts, their named questionnaires, which forms they answered and their
        self-assessments. Anonymous responses carry no person: nothing of them is theirs to export."""
        drafts = await self._db.fetchall(
            """SELECT c.name AS cohort, d.form, d.answers, d.position, d.updated_at
                 FROM survey_drafts d JOIN cohorts c ON c.id = d.cohort_id
                WHERE d.user_id = ? ORDER BY d.updated_at""",
            (user_id,),
        )
        named = await self._db.fetchall(
            """SELECT c.name AS cohort, r.item_key AS questionnaire, r.answered_on, r.answers
                 FROM survey_responses r JOIN cohorts c ON c.id = r.cohort_id
                WHERE r.user_id = ? ORDER BY r.answered_on, r.cohort_id""",
            (user_id,),
        )
        answered = await self._db.fetchall(
            """SELECT c.name AS cohort, a.item_key AS questionnaire, a.answered_on
                 FROM survey_answered a JOIN cohorts c ON c.id = a.cohort_id
                WHERE a.user_id = ? ORDER BY a.answered_on, a.cohort_id""",
            (user_id,),
        )
        assessments = await self._db.fetchall(
            """SELECT c.name AS cohort, s.phase, s.ratings, s.answered_at
                 FROM self_assessments s JOIN cohorts c ON c.id = s.cohort_id
                WHERE s.user_id = ? ORDER BY s.answered_at""",
            (user_id,),
        )
        return {
            "survey_drafts": [{**dict(row), "answers": _loaded(row["answers"])} for row in drafts],
            "survey_responses": [{**dict(row), "answers": _loaded(row["answers"])} for row in named],
            "surveys_answered": [dict(row) for row in answered],
            "self_assessments": [{**dict(row), "ratings": _loaded(row["ratings"])} for row in assessments],
        }

    async def erase(self, conn: aiosqlite.Connection, person: Forgetting) -> dict[str, int]:
        """Their drafts and self-assessments go; a named response loses its name (it counts among
        the cohort's responses, as an anonymous one does). The "has answered" marks move to the
        alias, with the ended enrolment, for the cohort's completion counts."""
        drafts = await conn.execute("DELETE FROM survey_drafts WHERE user_id = ?", (person.user_id,))
        assessments = await conn.execute("DELETE FROM self_assessments WHERE user_id = ?", (person.user_id,))
        await conn.execute("UPDATE survey_responses SET user_id = NULL WHERE user_id = ?", (person.user_id,))
        await conn.execute("UPDATE survey_answered SET user_id = ? WHERE user_id = ?", (person.alias, person.user_id))
        return {"survey drafts deleted": drafts.rowcount, "self-assessments deleted": assessments.rowcount}
