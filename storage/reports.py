"""The reports' SQL: read-only, aggregated in SQLite, so a cohort of 10,000 learners costs a few
grouped queries, not 10,000 rows in Python (bot/reports).

Two readers. ``ReportRepository`` answers /stats through the bot's one connection: every query
is an aggregate that returns a handful of rows. ``ExportReader`` is for the Excel export, which
reads every row of a cohort: it opens its own read-only ``sqlite3`` connection and is used from a
worker thread (``asyncio.to_thread``), so the export neither holds the event loop nor queues the
other users' queries behind its own on the shared aiosqlite connection (WAL lets both read).

Only learners with an active enrolment count. A learner who left is not in the funnel.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from bot.reports.model import SCORE_BANDS, CallEntry, PlaceCount
from storage.db import Database

ACTIVE = "SELECT user_id FROM enrolments WHERE cohort_id = :cohort AND status = 'active'"

# The latest handed-in version of each learner's homework, one row per learner and item.
LATEST_HANDED_IN = """
    SELECT s.* FROM (
        SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s.user_id, s.item_key ORDER BY s.version DESC) AS n
        FROM submissions s
        WHERE s.cohort_id = :cohort AND s.submitted_at IS NOT NULL
    ) s
    JOIN enrolments e ON e.cohort_id = :cohort AND e.user_id = s.user_id AND e.status = 'active'
    WHERE s.n = 1
"""

# The best finished attempt of each learner and quiz, in percent.
BEST_QUIZ = """
    SELECT a.user_id, a.quiz_key, MAX(a.right_answers * 100 / a.questions) AS percent
    FROM quiz_attempts a
    JOIN enrolments e ON e.cohort_id = :cohort AND e.user_id = a.user_id AND e.status = 'active'
    WHERE a.cohort_id = :cohort AND a.state = 'finished'
    GROUP BY a.user_id, a.quiz_key
"""


def _values(rows: Sequence[Sequence[Any]], names: Sequence[str], prefix: str) -> tuple[str, dict[str, Any]]:
    """A ``VALUES`` list with named parameters, for a small table of the course's own data."""
    parts, params = [], {}
    for i, row in enumerate(rows):
        keys = []
        for name, value in zip(names, row, strict=True):
            key = f"{prefix}{name}{i}"
            params[key] = value
            keys.append(f":{key}")
        parts.append(f"({', '.join(keys)})")
    return "VALUES " + ", ".join(parts), params


class ReportRepository:
    """The aggregates /stats shows."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def learners(self, cohort_id: int) -> int:
        return int(
            await self._db.fetchval(
                "SELECT COUNT(*) FROM enrolments WHERE cohort_id = ? AND status = 'active'", (cohort_id,)
            )
        )

    async def places(self, cohort_id: int) -> list[PlaceCount]:
        rows = await self._db.fetchall(
            f"""
            SELECT u.region, u.settlement, COUNT(*) AS learners
            FROM users u WHERE u.telegram_id IN ({ACTIVE})
            GROUP BY u.region, u.settlement
            """,
            {"cohort": cohort_id},
        )
        return [PlaceCount(r["region"], r["settlement"], r["learners"]) for r in rows]

    async def lessons_received(self, cohort_id: int) -> dict[str, int]:
        """Learners who received each lesson (its main message row sent)."""
        rows = await self._db.fetchall(
            f"""
            SELECT item_key, COUNT(*) AS n FROM deliveries
            WHERE cohort_id = :cohort AND kind = 'lesson' AND variant = '' AND state = 'sent'
              AND user_id IN ({ACTIVE})
            GROUP BY item_key
            """,
            {"cohort": cohort_id},
        )
        return {r["item_key"]: r["n"] for r in rows}

    async def received_all(self, cohort_id: int, lesson_keys: Sequence[str]) -> int:
        """Learners who received every one of ``lesson_keys``."""
        if not lesson_keys:
            return 0
        marks = ", ".join(f":k{i}" for i in range(len(lesson_keys)))
        return int(
            await self._db.fetchval(
                f"""
                SELECT COUNT(*) FROM (
                    SELECT user_id FROM deliveries
                    WHERE cohort_id = :cohort AND kind = 'lesson' AND variant = '' AND state = 'sent'
                      AND item_key IN ({marks}) AND user_id IN ({ACTIVE})
                    GROUP BY user_id HAVING COUNT(DISTINCT item_key) = :n
                )
                """,
                {"cohort": cohort_id, "n": len(lesson_keys), **{f"k{i}": k for i, k in enumerate(lesson_keys)}},
            )
        )

    async def homework_categories(self, cohort_id: int) -> dict[str, dict[str, int]]:
        """Per homework, learners per category of their latest handed-in version (late first)."""
        rows = await self._db.fetchall(
            f"""
            SELECT item_key, CASE WHEN late = 1 THEN 'late' ELSE state END AS category, COUNT(*) AS n
            FROM ({LATEST_HANDED_IN}) GROUP BY item_key, category
            """,
            {"cohort": cohort_id},
        )
        found: dict[str, dict[str, int]] = {}
        for r in rows:
            found.setdefault(r["item_key"], {})[r["category"]] = r["n"]
        return found

    async def handed_in_any(self, cohort_id: int) -> int:
        return int(
            await self._db.fetchval(
                f"SELECT COUNT(DISTINCT user_id) FROM ({LATEST_HANDED_IN})",
                {"cohort": cohort_id},
            )
        )

    async def accepted_all(self, cohort_id: int, homework_keys: Sequence[str]) -> int:
        """Learners whose every one of ``homework_keys`` is accepted."""
        if not homework_keys:
            return 0
        marks = ", ".join(f":k{i}" for i in range(len(homework_keys)))
        return int(
            await self._db.fetchval(
                f"""
                SELECT COUNT(*) FROM (
                    SELECT user_id FROM ({LATEST_HANDED_IN})
                    WHERE state = 'accepted' AND item_key IN ({marks})
                    GROUP BY user_id HAVING COUNT(DISTINCT item_key) = :n
                )
                """,
                {"cohort": cohort_id, "n": len(homework_keys), **{f"k{i}": k for i, k in enumerate(homework_keys)}},
            )
        )

    async def score_bands(self, cohort_id: int) -> list[int]:
        """Best scores (one per learner and quiz) per band of SCORE_BANDS."""
        cases = " ".join(f"WHEN percent <= {high} THEN {i}" for i, (_, high) in enumerate(SCORE_BANDS))
        rows = await self._db.fetchall(
            f"SELECT CASE {cases} END AS band, COUNT(*) AS n FROM ({BEST_QUIZ}) GROUP BY band",
            {"cohort": cohort_id},
        )
        counts = [0] * len(SCORE_BANDS)
        for r in rows:
            counts[r["band"]] = r["n"]
        return counts

    async def passed_all(self, cohort_id: int, pass_marks: Sequence[tuple[str, int]]) -> int:
        """Learners whose best attempt reached the pass mark in every quiz (key, percent)."""
        if not pass_marks:
            return 0
        table, params = _values(pass_marks, ("key", "mark"), "p")
        return int(
            await self._db.fetchval(
                f"""
                WITH marks (quiz_key, mark) AS ({table})
                SELECT COUNT(*) FROM (
                    SELECT b.user_id FROM ({BEST_QUIZ}) b JOIN marks m ON m.quiz_key = b.quiz_key
                    WHERE b.percent >= m.mark
                    GROUP BY b.user_id HAVING COUNT(*) = :n
                )
                """,
                {"cohort": cohort_id, "n": len(pass_marks), **params},
            )
        )

    async def question_rates(self, cohort_id: int) -> list[tuple[str, int, int, int]]:
        """(quiz key, question, answers, right answers) over every attempt of the cohort."""
        rows = await self._db.fetchall(
            """
            SELECT a.quiz_key, q.question, COUNT(*) AS answered, SUM(q.correct) AS correct
            FROM quiz_answers q JOIN quiz_attempts a ON a.id = q.attempt_id
            WHERE a.cohort_id = ?
            GROUP BY a.quiz_key, q.question
            """,
            (cohort_id,),
        )
        return [(r["quiz_key"], r["question"], r["answered"], r["correct"]) for r in rows]

    async def questionnaire_answered(self, cohort_id: int, item_key: str) -> int:
        return int(
            await self._db.fetchval(
                f"SELECT COUNT(*) FROM survey_answered WHERE cohort_id = :cohort AND item_key = :key "
                f"AND user_id IN ({ACTIVE})",
                {"cohort": cohort_id, "key": item_key},
            )
        )

    async def questionnaire_responses(self, cohort_id: int, item_key: str) -> int:
        return int(
            await self._db.fetchval(
                "SELECT COUNT(*) FROM survey_responses WHERE cohort_id = ? AND item_key = ?", (cohort_id, item_key)
            )
        )

    async def scale_sums(self, cohort_id: int, item_key: str, item_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        """Per scale item: (sum, number) of its answers, summed by SQLite's JSON functions."""
        found: dict[str, tuple[int, int]] = {}
        for item_id in item_ids:
            row = await self._db.fetchone(
                """
                SELECT COALESCE(SUM(v), 0) AS total, COUNT(v) AS n FROM (
                    SELECT json_extract(answers, :path) AS v FROM survey_responses
                    WHERE cohort_id = :cohort AND item_key = :key
                ) WHERE typeof(v) = 'integer'
                """,
                {"cohort": cohort_id, "key": item_key, "path": f'$."{item_id}"'},
            )
            found[item_id] = (row["total"], row["n"]) if row else (0, 0)
        return found

    async def rating_sums(self, cohort_id: int, phase: str, statement_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        """Per self-assessment statement: (sum, number) of the ratings of ``phase``."""
        found: dict[str, tuple[int, int]] = {}
        for statement in statement_ids:
            row = await self._db.fetchone(
                f"""
                SELECT COALESCE(SUM(v), 0) AS total, COUNT(v) AS n FROM (
                    SELECT json_extract(ratings, :path) AS v FROM self_assessments
                    WHERE cohort_id = :cohort AND phase = :phase AND user_id IN ({ACTIVE})
                ) WHERE typeof(v) = 'integer'
                """,
                {"cohort": cohort_id, "phase": phase, "path": f'$."{statement}"'},
            )
            found[statement] = (row["total"], row["n"]) if row else (0, 0)
        return found

    async def calls(
        self, cohort_id: int, missed_pairs: Sequence[tuple[str, str]], quiz_lessons: Sequence[str]
    ) -> list[CallEntry]:
        """Learners to phone: blocked the bot; handed in neither of two consecutive homework
        tasks whose deadlines have passed (``missed_pairs``); have a lesson with a quiz
        (``quiz_lessons``: lesson keys) delivered but never opened its quiz."""
        params: dict[str, Any] = {"cohort": cohort_id}
        selects = [
            f"SELECT telegram_id AS user_id, 'unreachable' AS reason FROM users WHERE blocked_at IS NOT NULL "
            f"AND telegram_id IN ({ACTIVE})"
        ]
        handed = (
            "SELECT 1 FROM submissions s WHERE s.cohort_id = :cohort AND s.user_id = e.user_id "
            "AND s.item_key = :{key} AND s.submitted_at IS NOT NULL"
        )
        for i, (first, second) in enumerate(missed_pairs):
            params[f"a{i}"], params[f"b{i}"] = first, second
            selects.append(
                f"SELECT e.user_id, 'homework' FROM enrolments e WHERE e.cohort_id = :cohort AND e.status = 'active' "
                f"AND NOT EXISTS ({handed.format(key=f'a{i}')}) AND NOT EXISTS ({handed.format(key=f'b{i}')})"
            )
        if quiz_lessons:
            marks = ", ".join(f":q{i}" for i in range(len(quiz_lessons)))
            params.update({f"q{i}": key for i, key in enumerate(quiz_lessons)})
            selects.append(
                f"""
                SELECT d.user_id, 'quiz' FROM deliveries d
                WHERE d.cohort_id = :cohort AND d.kind = 'lesson' AND d.variant = '' AND d.state = 'sent'
                  AND d.item_key IN ({marks}) AND d.user_id IN ({ACTIVE})
                  AND NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.cohort_id = :cohort
                                  AND a.user_id = d.user_id AND a.quiz_key = d.item_key || '.quiz')
                """
            )
        rows = await self._db.fetchall(
            f"""
            WITH why (user_id, reason) AS ({" UNION ".join(selects)})
            SELECT u.telegram_id, u.full_name, u.region, u.district, u.library,
                   group_concat(DISTINCT w.reason) AS reasons
            FROM why w JOIN users u ON u.telegram_id = w.user_id
            GROUP BY u.telegram_id ORDER BY u.region, u.district, u.full_name, u.telegram_id
            """,
            params,
        )
        order = ("unreachable", "homework", "quiz")
        return [
            CallEntry(
                r["telegram_id"],
                r["full_name"],
                r["region"],
                r["district"],
                r["library"],
                tuple(x for x in order if x in r["reasons"].split(",")),
            )
            for r in rows
        ]


class EndOfCourseReports:
    """Completions and certificates in the reports (bot/reports/end_of_course.py)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def completed(self, cohort_id: int) -> int:
        return int(
            await self._db.fetchval(
                f"SELECT COUNT(*) FROM completions WHERE cohort_id = :cohort AND user_id IN ({ACTIVE})",
                {"cohort": cohort_id},
            )
        )

    async def certified(self, cohort_id: int) -> int:
        return int(
            await self._db.fetchval(
                f"""
                SELECT COUNT(DISTINCT user_id) FROM certificates
                 WHERE cohort_id = :cohort AND status = 'valid' AND user_id IN ({ACTIVE})
                """,
                {"cohort": cohort_id},
            )
        )

    async def completed_by_place(self, cohort_id: int) -> dict[tuple[str | None, str | None], int]:
        rows = await self._db.fetchall(
            f"""
            SELECT u.region, u.settlement, COUNT(*) AS completed
              FROM completions k JOIN users u ON u.telegram_id = k.user_id
             WHERE k.cohort_id = :cohort AND k.user_id IN ({ACTIVE})
             GROUP BY u.region, u.settlement
            """,
            {"cohort": cohort_id},
        )
        return {(r["region"], r["settlement"]): int(r["completed"]) for r in rows}


class ExportReader:
    """Every row of a cohort for the workbook, streamed from a read-only connection of its own.

    Made and used in one worker thread (sqlite3 objects stay in the thread that made them).
    """

    def __init__(self, path: Path | str) -> None:
        # as_uri() escapes what a URI cannot hold (spaces, "?", "#") in the folder's name.
        self._conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        self._conn.row_factory = sqlite3.Row

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> ExportReader:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _rows(self, sql: str, params: dict[str, Any]) -> Iterator[sqlite3.Row]:
        cursor = self._conn.execute(sql, params)
        try:
            while batch := cursor.fetchmany(1000):
                yield from batch
        finally:
            cursor.close()

    def cohort(self, cohort_id: int) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self._conn.execute(
            "SELECT id, name, timezone, version_id FROM cohorts WHERE id = ?", (cohort_id,)
        ).fetchone()
        return row

    def course_content(self, version_id: int) -> str | None:
        row = self._conn.execute("SELECT content FROM course_versions WHERE id = ?", (version_id,)).fetchone()
        return None if row is None else str(row[0])

    def learners(self, cohort_id: int) -> Iterator[sqlite3.Row]:
        return self._rows(
            """
            SELECT u.telegram_id AS user_id, u.full_name, u.region, u.district, u.library, u.position,
                   u.settlement, u.language, e.status, e.enrolled_at, e.ended_at, u.blocked_at
            FROM enrolments e JOIN users u ON u.telegram_id = e.user_id
            WHERE e.cohort_id = :cohort ORDER BY u.region, u.district, u.full_name, u.telegram_id
            """,
            {"cohort": cohort_id},
        )

    def summary(self, cohort_id: int) -> Iterator[sqlite3.Row]:
        """Per region and settlement kind: learners, unreachable, handed in any homework, took a
        quiz, answered the questionnaire."""
        return self._rows(
            f"""
            SELECT u.region, u.settlement, COUNT(*) AS learners,
                   SUM(u.blocked_at IS NOT NULL) AS unreachable,
                   SUM(EXISTS (SELECT 1 FROM submissions s WHERE s.cohort_id = :cohort
                               AND s.user_id = u.telegram_id AND s.submitted_at IS NOT NULL)) AS handed_in,
                   SUM(EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.cohort_id = :cohort
                               AND a.user_id = u.telegram_id AND a.state = 'finished')) AS quiz,
                   SUM(EXISTS (SELECT 1 FROM survey_answered v WHERE v.cohort_id = :cohort
                               AND v.user_id = u.telegram_id)) AS questionnaire
            FROM users u WHERE u.telegram_id IN ({ACTIVE})
            GROUP BY u.region, u.settlement ORDER BY u.region, u.settlement
            """,
            {"cohort": cohort_id},
        )

    def progress(self, cohort_id: int, lessons: Sequence[tuple[str, int]]) -> Iterator[sqlite3.Row]:
        """One row per learner and lesson (key, number): received, homework, best quiz score."""
        if not lessons:
            return iter(())
        table, params = _values(lessons, ("key", "number"), "l")
        return self._rows(
            f"""
            WITH lessons (item_key, number) AS ({table})
            SELECT e.user_id, u.full_name, l.number, d.sent_at AS received_at,
                   h.state AS homework_state, h.late, r.score, h.submitted_at,
                   (SELECT MAX(a.right_answers * 100 / a.questions) FROM quiz_attempts a
                    WHERE a.cohort_id = :cohort AND a.user_id = e.user_id AND a.quiz_key = l.item_key || '.quiz'
                      AND a.state = 'finished') AS percent
            FROM enrolments e JOIN users u ON u.telegram_id = e.user_id
            CROSS JOIN lessons l
            LEFT JOIN deliveries d ON d.cohort_id = :cohort AND d.user_id = e.user_id AND d.item_key = l.item_key
                 AND d.kind = 'lesson' AND d.variant = ''
            -- the latest handed-in version, found through the (cohort, user, item, version) key
            LEFT JOIN submissions h ON h.id = (
                SELECT s.id FROM submissions s
                WHERE s.cohort_id = :cohort AND s.user_id = e.user_id AND s.item_key = l.item_key || '.hw'
                  AND s.submitted_at IS NOT NULL
                ORDER BY s.version DESC LIMIT 1)
            LEFT JOIN submission_reviews r ON r.submission_id = h.id
            WHERE e.cohort_id = :cohort AND e.status = 'active'
            ORDER BY u.full_name, e.user_id, l.number
            """,
            {"cohort": cohort_id, **params},
        )

    def homework(self, cohort_id: int) -> Iterator[sqlite3.Row]:
        return self._rows(
            """
            SELECT s.user_id, u.full_name, s.item_key, s.version, s.state, s.late, r.score,
                   c.full_name AS curator, s.submitted_at, s.decided_at, r.comment
            FROM submissions s JOIN users u ON u.telegram_id = s.user_id
            LEFT JOIN submission_reviews r ON r.submission_id = s.id
            LEFT JOIN users c ON c.telegram_id = r.reviewer_id
            WHERE s.cohort_id = :cohort AND s.submitted_at IS NOT NULL
            ORDER BY s.item_key, u.full_name, s.user_id, s.version
            """,
            {"cohort": cohort_id},
        )

    def quiz_answers(self, cohort_id: int) -> Iterator[sqlite3.Row]:
        return self._rows(
            """
            SELECT a.user_id, u.full_name, a.quiz_key, a.number AS attempt, a.state, a.right_answers,
                   a.questions, q.question, q.option, q.correct, q.answered_at
            FROM quiz_attempts a JOIN users u ON u.telegram_id = a.user_id
            LEFT JOIN quiz_answers q ON q.attempt_id = a.id
            WHERE a.cohort_id = :cohort
            ORDER BY a.quiz_key, u.full_name, a.user_id, a.number, q.question
            """,
            {"cohort": cohort_id},
        )

    def live_answers(self, cohort_id: int) -> Iterator[sqlite3.Row]:
        return self._rows(
            """
            SELECT g.id AS game_id, g.quiz_key, g.started_at, p.user_id, u.full_name, a.question,
                   a.option, a.correct, a.seconds, a.points
            FROM live_games g JOIN live_players p ON p.game_id = g.id
            JOIN users u ON u.telegram_id = p.user_id
            LEFT JOIN live_answers a ON a.game_id = g.id AND a.user_id = p.user_id
            WHERE g.cohort_id = :cohort
            ORDER BY g.id, u.full_name, p.user_id, a.question
            """,
            {"cohort": cohort_id},
        )

    def questionnaire(self, cohort_id: int, item_key: str, *, anonymous: bool) -> list[sqlite3.Row]:
        """The responses. An anonymous questionnaire's carry no person and no date; the caller
        shuffles them (all are read: shuffling needs them all)."""
        if anonymous:
            sql = "SELECT answers FROM survey_responses WHERE cohort_id = :cohort AND item_key = :key"
        else:
            sql = """
                SELECT r.user_id, u.full_name, u.region, u.district, u.library, r.answered_on, r.answers
                FROM survey_responses r LEFT JOIN users u ON u.telegram_id = r.user_id
                WHERE r.cohort_id = :cohort AND r.item_key = :key ORDER BY u.full_name, r.user_id
            """
        return list(self._rows(sql, {"cohort": cohort_id, "key": item_key}))

    def self_assessments(self, cohort_id: int) -> Iterator[sqlite3.Row]:
        return self._rows(
            """
            SELECT s.user_id, u.full_name, s.phase, s.answered_at, s.ratings
            FROM self_assessments s JOIN users u ON u.telegram_id = s.user_id
            WHERE s.cohort_id = :cohort ORDER BY u.full_name, s.user_id, s.phase DESC
            """,
            {"cohort": cohort_id},
        )

    def certificates(self, cohort_id: int) -> Iterator[sqlite3.Row]:
        """Every certificate of the cohort, valid or not (an export is a record), oldest first."""
        return self._rows(
            """
            SELECT number, user_id, full_name, languages, hours, issued_at, issued_by, status, reason,
                   changed_at, replacement
              FROM certificates WHERE cohort_id = :cohort ORDER BY issued_at, id
            """,
            {"cohort": cohort_id},
        )

    def deliveries(self, cohort_id: int) -> Iterator[sqlite3.Row]:
        return self._rows(
            """
            SELECT d.user_id, u.full_name, d.item_key, d.kind, d.variant, d.state, d.due_at, d.sent_at,
                   d.attempts, d.reason
            FROM deliveries d JOIN users u ON u.telegram_id = d.user_id
            WHERE d.cohort_id = :cohort
            ORDER BY d.due_at, d.id
            """,
            {"cohort": cohort_id},
        )
