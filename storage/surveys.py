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
from typing import Any

import aiosqlite

from bot.clock import to_db
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

    # ------------------------------------------------------------------ erasure

    async def forget_person(self, user_id: int) -> None:
        """Their drafts and self-assessments go; a named response loses its name. The "has
        answered" marks stay with the ended enrolment, as delivery rows do."""
        async with self._db.transaction() as conn:
            await conn.execute("DELETE FROM survey_drafts WHERE user_id = ?", (user_id,))
            await conn.execute("DELETE FROM self_assessments WHERE user_id = ?", (user_id,))
            await conn.execute("UPDATE survey_responses SET user_id = NULL WHERE user_id = ?", (user_id,))
