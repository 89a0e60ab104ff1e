"""Quiz attempts, the polls sent for them and their answers (all the quiz SQL).

Each change is one short write transaction, so a crash leaves every attempt in a state the next
start understands: an open attempt whose current question has no recorded poll gets it sent
again; a finished attempt whose result was not sent gets its result.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import ClassVar

import aiosqlite

from bot.clock import from_db, to_db
from bot.people.personal_data import JSON, Columns, Forgetting
from bot.quizzes.model import (
    OPEN,
    Answer,
    AnswerOutcome,
    AnswerResult,
    Attempt,
    NewAttempt,
    Reminder,
    SentPoll,
)
from storage.db import Database


def _when(value: str | None) -> datetime | None:
    return None if value is None else from_db(value)


def _attempt(row: aiosqlite.Row) -> Attempt:
    return Attempt(
        id=row["id"],
        cohort_id=row["cohort_id"],
        user_id=row["user_id"],
        version_id=row["version_id"],
        quiz_key=row["quiz_key"],
        number=row["number"],
        state=row["state"],
        questions=row["questions"],
        option_order=tuple(tuple(int(o) for o in places) for places in json.loads(row["option_order"])),
        asked=row["asked"],
        started_at=from_db(row["started_at"]),
        active_at=from_db(row["active_at"]),
        right_answers=row["right_answers"],
        finished_at=_when(row["finished_at"]),
        reminded_at=_when(row["reminded_at"]),
        result_sent_at=_when(row["result_sent_at"]),
    )


def _answer(row: aiosqlite.Row) -> Answer:
    return Answer(
        attempt_id=row["attempt_id"],
        question=row["question"],
        option=row["option"],
        correct=bool(row["correct"]),
        poll_id=row["poll_id"],
        answered_at=from_db(row["answered_at"]),
    )


class QuizRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------------ attempts

    async def start(self, new: NewAttempt, max_attempts: int, now: datetime) -> tuple[Attempt | None, bool]:
        """Open an attempt, unless one is open (returned, False) or every attempt is used
        (None, False). A new attempt comes back with True. One transaction, so two presses of
        Start at once open one attempt."""
        async with self._db.transaction() as conn:
            key = (new.cohort_id, new.user_id, new.quiz_key)
            async with conn.execute(
                "SELECT * FROM quiz_attempts WHERE cohort_id = ? AND user_id = ? AND quiz_key = ? AND state = 'open'",
                key,
            ) as cursor:
                row = await cursor.fetchone()
            if row is not None:
                return _attempt(row), False
            async with conn.execute(
                "SELECT count(*) FROM quiz_attempts WHERE cohort_id = ? AND user_id = ? AND quiz_key = ?", key
            ) as cursor:
                counted = await cursor.fetchone()
            used = int(counted[0]) if counted is not None else 0
            if used >= max_attempts:
                return None, False
            stamp = to_db(now)
            cursor = await conn.execute(
                """
                INSERT INTO quiz_attempts (cohort_id, user_id, version_id, quiz_key, number, state, questions,
                                           option_order, asked, started_at, active_at)
                VALUES (?, ?, ?, ?, ?, 'open', ?, ?, 1, ?, ?)
                """,
                (
                    *key[:2],
                    new.version_id,
                    new.quiz_key,
                    used + 1,
                    len(new.option_order),
                    json.dumps([list(places) for places in new.option_order], separators=(",", ":")),
                    stamp,
                    stamp,
                ),
            )
            async with conn.execute("SELECT * FROM quiz_attempts WHERE id = ?", (cursor.lastrowid,)) as read:
                created = await read.fetchone()
        assert created is not None
        return _attempt(created), True

    async def get(self, attempt_id: int) -> Attempt | None:
        row = await self._db.fetchone("SELECT * FROM quiz_attempts WHERE id = ?", (attempt_id,))
        return None if row is None else _attempt(row)

    async def attempts(self, cohort_id: int, user_id: int, quiz_key: str | None = None) -> list[Attempt]:
        """A learner's attempts in a cohort (of one quiz, or of all), oldest first."""
        sql = "SELECT * FROM quiz_attempts WHERE cohort_id = ? AND user_id = ?"
        params: tuple[object, ...] = (cohort_id, user_id)
        if quiz_key is not None:
            sql += " AND quiz_key = ?"
            params = (*params, quiz_key)
        rows = await self._db.fetchall(sql + " ORDER BY quiz_key, number", params)
        return [_attempt(row) for row in rows]

    async def answers(self, attempt_id: int) -> list[Answer]:
        rows = await self._db.fetchall(
            "SELECT * FROM quiz_answers WHERE attempt_id = ? ORDER BY question", (attempt_id,)
        )
        return [_answer(row) for row in rows]

    # ------------------------------------------------------------------ polls and answers

    async def poll_sent(self, poll: SentPoll) -> None:
        """Telegram accepted a question's poll: from now on its answers find the attempt."""
        await self._db.execute(
            """
            INSERT INTO quiz_polls (poll_id, attempt_id, question, message_id, sent_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (poll_id) DO NOTHING
            """,
            (poll.poll_id, poll.attempt_id, poll.question, poll.message_id, to_db(poll.sent_at)),
        )

    async def poll(self, poll_id: str) -> SentPoll | None:
        row = await self._db.fetchone("SELECT * FROM quiz_polls WHERE poll_id = ?", (poll_id,))
        if row is None:
            return None
        return SentPoll(row["poll_id"], row["attempt_id"], row["question"], row["message_id"], from_db(row["sent_at"]))

    async def record_answer(
        self, poll_id: str, user_id: int, place: int, right_option: dict[int, int], now: datetime
    ) -> AnswerResult:
        """Record the first answer to a question, in one transaction with what it moves on.

        ``right_option`` maps each question to the course's right option (from the course
        version). The answer to the current question makes the next one current, or finishes
        the attempt when it was the last unanswered; an answer to an earlier question (a poll
        sent twice) is recorded if first and moves nothing.
        """
        async with self._db.transaction() as conn:
            async with conn.execute(
                """
                SELECT a.*, p.question AS polled, e.status AS enrolment
                FROM quiz_polls p JOIN quiz_attempts a ON a.id = p.attempt_id
                JOIN enrolments e ON e.cohort_id = a.cohort_id AND e.user_id = a.user_id
                WHERE p.poll_id = ?
                """,
                (poll_id,),
            ) as cursor:
                row = await cursor.fetchone()
            if row is None or row["user_id"] != user_id or row["state"] != OPEN or row["enrolment"] != "active":
                return AnswerResult(AnswerOutcome.IGNORED)
            attempt = _attempt(row)
            question: int = row["polled"]
            if not 0 <= question < attempt.questions or not 0 <= place < len(attempt.option_order[question]):
                return AnswerResult(AnswerOutcome.IGNORED)
            option = attempt.option_at(question, place)
            stamp = to_db(now)
            cursor = await conn.execute(
                """
                INSERT INTO quiz_answers (attempt_id, question, option, correct, poll_id, answered_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (attempt_id, question) DO NOTHING
                """,
                (attempt.id, question, option, int(option == right_option.get(question)), poll_id, stamp),
            )
            if cursor.rowcount == 0:
                return AnswerResult(AnswerOutcome.DUPLICATE, attempt)
            async with conn.execute(
                "SELECT count(*), coalesce(sum(correct), 0) FROM quiz_answers WHERE attempt_id = ?", (attempt.id,)
            ) as counted:
                totals = await counted.fetchone()
            assert totals is not None
            answered, right = int(totals[0]), int(totals[1])
            if answered >= attempt.questions:
                outcome = AnswerOutcome.FINISHED
                await conn.execute(
                    """
                    UPDATE quiz_attempts SET state = 'finished', right_answers = ?, finished_at = ?, active_at = ?
                    WHERE id = ?
                    """,
                    (right, stamp, stamp, attempt.id),
                )
            elif question == attempt.current and attempt.asked < attempt.questions:
                outcome = AnswerOutcome.NEXT
                await conn.execute(
                    "UPDATE quiz_attempts SET asked = asked + 1, active_at = ? WHERE id = ?", (stamp, attempt.id)
                )
            else:
                outcome = AnswerOutcome.RECORDED
                await conn.execute("UPDATE quiz_attempts SET active_at = ? WHERE id = ?", (stamp, attempt.id))
            async with conn.execute("SELECT * FROM quiz_attempts WHERE id = ?", (attempt.id,)) as read:
                after = await read.fetchone()
        assert after is not None
        return AnswerResult(outcome, _attempt(after))

    # ------------------------------------------------------------------ what is owed

    async def unasked(self) -> list[Attempt]:
        """Open attempts whose current question has no recorded poll: it was never sent, or
        the process stopped before Telegram's answer was written."""
        rows = await self._db.fetchall(
            """
            SELECT a.* FROM quiz_attempts a
            JOIN enrolments e ON e.cohort_id = a.cohort_id AND e.user_id = a.user_id AND e.status = 'active'
            WHERE a.state = 'open'
              AND NOT EXISTS (SELECT 1 FROM quiz_polls p WHERE p.attempt_id = a.id AND p.question = a.asked - 1)
            ORDER BY a.id
            """
        )
        return [_attempt(row) for row in rows]

    async def results_unsent(self) -> list[Attempt]:
        rows = await self._db.fetchall(
            """
            SELECT a.* FROM quiz_attempts a
            JOIN enrolments e ON e.cohort_id = a.cohort_id AND e.user_id = a.user_id AND e.status = 'active'
            WHERE a.state = 'finished' AND a.result_sent_at IS NULL ORDER BY a.id
            """
        )
        return [_attempt(row) for row in rows]

    async def result_sent(self, attempt_id: int, now: datetime) -> None:
        await self._db.execute(
            "UPDATE quiz_attempts SET result_sent_at = ? WHERE id = ? AND result_sent_at IS NULL",
            (to_db(now), attempt_id),
        )

    async def due_reminders(self, silent_since: datetime) -> list[Reminder]:
        """Open attempts of active learners, silent since ``silent_since``, not yet reminded."""
        rows = await self._db.fetchall(
            """
            SELECT a.*, c.timezone, u.language FROM quiz_attempts a
            JOIN cohorts c ON c.id = a.cohort_id
            JOIN enrolments e ON e.cohort_id = a.cohort_id AND e.user_id = a.user_id
            JOIN users u ON u.telegram_id = a.user_id
            WHERE a.state = 'open' AND a.reminded_at IS NULL AND a.active_at <= ?
              AND e.status = 'active' AND c.status = 'active' AND u.blocked_at IS NULL
            ORDER BY a.active_at
            """,
            (to_db(silent_since),),
        )
        return [Reminder(_attempt(row), row["timezone"], row["language"]) for row in rows]

    async def reminded(self, attempt_id: int, now: datetime) -> None:
        await self._db.execute(
            "UPDATE quiz_attempts SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL", (to_db(now), attempt_id)
        )

    # ------------------------------------------------------------------ around the quiz

    async def lesson_reached(self, cohort_id: int, user_id: int, lesson_key: str) -> bool:
        """Whether the learner has been sent the lesson (its quiz comes with it)."""
        found = await self._db.fetchval(
            """
            SELECT 1 FROM deliveries WHERE cohort_id = ? AND user_id = ? AND item_key = ? AND kind = 'lesson'
              AND state = 'sent' LIMIT 1
            """,
            (cohort_id, user_id, lesson_key),
        )
        return found is not None

    async def enrolment(self, cohort_id: int, user_id: int) -> tuple[str, int, str] | None:
        """(enrolment status, the cohort's course version, the learner's language) or None."""
        row = await self._db.fetchone(
            """
            SELECT e.status, c.version_id, u.language FROM enrolments e
            JOIN cohorts c ON c.id = e.cohort_id JOIN users u ON u.telegram_id = e.user_id
            WHERE e.cohort_id = ? AND e.user_id = ?
            """,
            (cohort_id, user_id),
        )
        return None if row is None else (row["status"], row["version_id"], row["language"])

    async def cohort_version(self, cohort_id: int) -> int | None:
        value = await self._db.fetchval("SELECT version_id FROM cohorts WHERE id = ?", (cohort_id,))
        return None if value is None else int(value)

    async def active_learners(self, cohort_id: int) -> list[tuple[int, str | None]]:
        """(user id, language) of the cohort's active learners who have not blocked the bot."""
        rows = await self._db.fetchall(
            """
            SELECT e.user_id, u.language FROM enrolments e JOIN users u ON u.telegram_id = e.user_id
            WHERE e.cohort_id = ? AND e.status = 'active' AND u.blocked_at IS NULL ORDER BY e.user_id
            """,
            (cohort_id,),
        )
        return [(row["user_id"], row["language"]) for row in rows]

    async def language(self, user_id: int) -> str | None:
        value = await self._db.fetchval("SELECT language FROM users WHERE telegram_id = ?", (user_id,))
        return None if value is None else str(value)

    # ------------------------------------------------------------------ personal data

    columns: ClassVar[Columns] = {"quiz_attempts": ("user_id",)}

    async def export(self, user_id: int) -> dict[str, JSON]:
        """Their quiz attempts (with the course's version, which the export turns into its
        title) and every answer they gave."""
        attempts = await self._db.fetchall(
            """
            SELECT a.id AS attempt, c.name AS cohort, a.version_id AS course_version_id, a.quiz_key AS quiz,
                   a.number, a.state, a.questions, a.right_answers, a.started_at, a.finished_at
              FROM quiz_attempts a JOIN cohorts c ON c.id = a.cohort_id
             WHERE a.user_id = ? ORDER BY a.started_at, a.id
            """,
            (user_id,),
        )
        answers = await self._db.fetchall(
            """
            SELECT q.attempt_id AS attempt, q.question, q.option, q.correct, q.answered_at
              FROM quiz_answers q JOIN quiz_attempts a ON a.id = q.attempt_id
             WHERE a.user_id = ? ORDER BY q.attempt_id, q.question
            """,
            (user_id,),
        )
        return {"quiz_attempts": [dict(row) for row in attempts], "quiz_answers": [dict(row) for row in answers]}

    async def erase(self, conn: aiosqlite.Connection, person: Forgetting) -> dict[str, int]:
        """Attempts and their answers stay for the cohort's results, under the alias; an open
        attempt is closed (nothing more is sent for it)."""
        closed = await conn.execute(
            """
            UPDATE quiz_attempts SET state = 'finished', finished_at = ?,
                   right_answers = (SELECT count(*) FROM quiz_answers q WHERE q.attempt_id = quiz_attempts.id
                                    AND q.correct = 1),
                   result_sent_at = coalesce(result_sent_at, ?)
             WHERE user_id = ? AND state = 'open'
            """,
            (to_db(person.now), to_db(person.now), person.user_id),
        )
        moved = await conn.execute(
            "UPDATE quiz_attempts SET user_id = ? WHERE user_id = ?", (person.alias, person.user_id)
        )
        return {"quiz attempts closed": closed.rowcount, "quiz attempts kept for counts": moved.rowcount}
