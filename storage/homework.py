"""Homework: submissions (drafts and handed-in versions), their parts, reviews, the learner's focus.

All the SQL of homework is here. The rules (what may be added, when work is late, who may decide)
live in ``bot.homework.service``; this module keeps the invariants that must hold even when two
updates race: one open version per learner and homework (a unique partial index), a repeated
message adds nothing (unique message id per submission), and the first decision wins (a
conditional UPDATE in the same transaction as the review's INSERT).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar

import aiosqlite

from bot.clock import from_db, to_db
from bot.delivery.model import (
    DIGEST_VARIANT,
    HOMEWORK_RESULT,
    POST_VARIANT,
    REVIEW_DIGEST,
    REVIEW_POST,
    REVIEW_VARIANT,
    parse_ids,
)
from bot.homework.model import (
    ACCEPTED,
    DRAFT,
    WAITING,
    Decision,
    Draft,
    GroupPost,
    Learner,
    NewPart,
    Part,
    QueuedSubmission,
    Review,
    Submission,
)
from bot.people.personal_data import JSON, Columns, Forgetting
from storage.db import Database
from storage.deliveries import add_notice


def _maybe(value: str | None) -> datetime | None:
    return None if value is None else from_db(value)


def _submission(row: aiosqlite.Row) -> Submission:
    return Submission(
        id=row["id"],
        cohort_id=row["cohort_id"],
        user_id=row["user_id"],
        item_key=row["item_key"],
        version=row["version"],
        state=row["state"],
        late=bool(row["late"]),
        opened_at=from_db(row["opened_at"]),
        submitted_at=_maybe(row["submitted_at"]),
        decided_at=_maybe(row["decided_at"]),
        status_message_id=row["status_message_id"],
    )


def _part(row: aiosqlite.Row) -> Part:
    return Part(
        id=row["id"],
        submission_id=row["submission_id"],
        position=row["position"],
        kind=row["kind"],
        message_id=row["message_id"],
        file_id=row["file_id"],
        file_unique_id=row["file_unique_id"],
        size=row["size"],
        name=row["name"],
        text=row["text"],
        media_group_id=row["media_group_id"],
        added_at=from_db(row["added_at"]),
    )


def _review(row: aiosqlite.Row) -> Review:
    return Review(
        submission_id=row["submission_id"],
        reviewer_id=row["reviewer_id"],
        decision=row["decision"],
        score=row["score"],
        comment=row["comment"],
        comment_voice_file_id=row["comment_voice_file_id"],
        decided_at=from_db(row["decided_at"]),
        reviewer_name=row["reviewer_name"],
    )


_REVIEW = """
    SELECT r.*, u.full_name AS reviewer_name
      FROM submission_reviews r LEFT JOIN users u ON u.telegram_id = r.reviewer_id
"""


class HomeworkRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------------ reading

    async def get(self, submission_id: int) -> Submission | None:
        row = await self._db.fetchone("SELECT * FROM submissions WHERE id = ?", (submission_id,))
        return None if row is None else _submission(row)

    async def versions(self, cohort_id: int, user_id: int, item_key: str) -> list[Submission]:
        """Every version of a learner's work on one homework, the latest last (drafts included)."""
        rows = await self._db.fetchall(
            "SELECT * FROM submissions WHERE cohort_id = ? AND user_id = ? AND item_key = ? ORDER BY version",
            (cohort_id, user_id, item_key),
        )
        return [_submission(row) for row in rows]

    async def latest_of_learner(self, cohort_id: int, user_id: int) -> dict[str, Submission]:
        """Item key -> the latest version of each homework the learner started, drafts included."""
        rows = await self._db.fetchall(
            """
            SELECT s.* FROM submissions s
             WHERE s.cohort_id = ? AND s.user_id = ?
               AND s.version = (SELECT MAX(version) FROM submissions o
                                 WHERE o.cohort_id = s.cohort_id AND o.user_id = s.user_id
                                   AND o.item_key = s.item_key)
            """,
            (cohort_id, user_id),
        )
        return {row["item_key"]: _submission(row) for row in rows}

    async def handed_in(self, cohort_id: int, user_id: int, item_key: str) -> bool:
        """Whether a version is waiting for review or accepted (deadline reminders stop)."""
        value = await self._db.fetchval(
            """SELECT 1 FROM submissions WHERE cohort_id = ? AND user_id = ? AND item_key = ?
                  AND state IN (?, ?) LIMIT 1""",
            (cohort_id, user_id, item_key, WAITING, ACCEPTED),
        )
        return value is not None

    async def not_handed_in(self, cohort_id: int, item_key: str) -> set[int]:
        """The cohort's active learners with no version of ``item_key`` waiting or accepted (a
        returned one is to be handed in again): the broadcast filter, the same rule as the
        deadline reminders' done check."""
        rows = await self._db.fetchall(
            """SELECT e.user_id FROM enrolments e
                WHERE e.cohort_id = ? AND e.status = 'active'
                  AND NOT EXISTS (SELECT 1 FROM submissions s
                                   WHERE s.cohort_id = e.cohort_id AND s.user_id = e.user_id
                                     AND s.item_key = ? AND s.state IN (?, ?))""",
            (cohort_id, item_key, WAITING, ACCEPTED),
        )
        return {int(row[0]) for row in rows}

    async def parts(self, submission_id: int) -> list[Part]:
        rows = await self._db.fetchall(
            "SELECT * FROM submission_parts WHERE submission_id = ? ORDER BY position", (submission_id,)
        )
        return [_part(row) for row in rows]

    async def part_counts(self, submission_id: int) -> dict[str, int]:
        rows = await self._db.fetchall(
            """SELECT kind, COUNT(*) AS n FROM submission_parts WHERE submission_id = ?
                GROUP BY kind ORDER BY MIN(position)""",
            (submission_id,),
        )
        return {row["kind"]: row["n"] for row in rows}

    async def draft(self, submission_id: int) -> Draft | None:
        submission = await self.get(submission_id)
        if submission is None:
            return None
        return Draft(submission, await self.part_counts(submission_id))

    async def focus(self, user_id: int) -> Submission | None:
        """The draft that receives what the learner sends now, if any."""
        row = await self._db.fetchone(
            """SELECT s.* FROM homework_focus f JOIN submissions s ON s.id = f.submission_id
                WHERE f.user_id = ? AND s.state = ?""",
            (user_id, DRAFT),
        )
        return None if row is None else _submission(row)

    async def review(self, submission_id: int) -> Review | None:
        row = await self._db.fetchone(_REVIEW + " WHERE r.submission_id = ?", (submission_id,))
        return None if row is None else _review(row)

    async def queue(self, cohort_ids: Sequence[int], limit: int = 50) -> list[QueuedSubmission]:
        """Waiting submissions of these cohorts, oldest first, with who handed them in."""
        if not cohort_ids:
            return []
        marks = ",".join("?" * len(cohort_ids))
        rows = await self._db.fetchall(
            f"""
            SELECT s.*, u.full_name, u.library, u.district, u.language
              FROM submissions s JOIN users u ON u.telegram_id = s.user_id
              JOIN enrolments e ON e.cohort_id = s.cohort_id AND e.user_id = s.user_id AND e.status = 'active'
             WHERE s.state = ? AND s.cohort_id IN ({marks})
             ORDER BY s.submitted_at, s.id
             LIMIT ?
            """,
            (WAITING, *cohort_ids, limit),
        )
        return [
            QueuedSubmission(
                _submission(row),
                Learner(row["user_id"], row["full_name"], row["library"], row["district"], row["language"]),
            )
            for row in rows
        ]

    async def waiting_counts(self, cohort_ids: Sequence[int]) -> dict[int, int]:
        """Cohort id -> submissions waiting for review."""
        if not cohort_ids:
            return {}
        marks = ",".join("?" * len(cohort_ids))
        rows = await self._db.fetchall(
            f"""SELECT s.cohort_id, COUNT(*) AS n FROM submissions s
                  JOIN enrolments e ON e.cohort_id = s.cohort_id AND e.user_id = s.user_id AND e.status = 'active'
                 WHERE s.state = ? AND s.cohort_id IN ({marks}) GROUP BY s.cohort_id""",
            (WAITING, *cohort_ids),
        )
        return {row["cohort_id"]: row["n"] for row in rows}

    async def learner(self, user_id: int) -> Learner | None:
        row = await self._db.fetchone(
            "SELECT telegram_id, full_name, library, district, language FROM users WHERE telegram_id = ?", (user_id,)
        )
        return None if row is None else Learner(row[0], row[1], row[2], row[3], row[4])

    # ------------------------------------------------------------------ the learner's side

    async def open_draft(self, cohort_id: int, user_id: int, item_key: str, now: datetime) -> Submission:
        """The learner's draft of this homework, a new version if there is none; focused.

        Raises ``LookupError`` when a version is waiting or accepted (no draft is possible).
        """
        async with self._db.transaction() as conn:
            async with conn.execute(
                """SELECT * FROM submissions WHERE cohort_id = ? AND user_id = ? AND item_key = ?
                    ORDER BY version DESC LIMIT 1""",
                (cohort_id, user_id, item_key),
            ) as cursor:
                latest = await cursor.fetchone()
            if latest is not None and latest["state"] in (WAITING, ACCEPTED):
                raise LookupError(latest["state"])
            if latest is not None and latest["state"] == DRAFT:
                submission_id = latest["id"]
            else:
                version = 1 if latest is None else latest["version"] + 1
                cursor = await conn.execute(
                    """INSERT INTO submissions (cohort_id, user_id, item_key, version, state, opened_at, updated_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    (cohort_id, user_id, item_key, version, DRAFT, to_db(now), to_db(now)),
                )
                submission_id = int(cursor.lastrowid or 0)
            await conn.execute(
                """INSERT INTO homework_focus (user_id, submission_id) VALUES (?, ?)
                   ON CONFLICT (user_id) DO UPDATE SET submission_id = excluded.submission_id""",
                (user_id, submission_id),
            )
            async with conn.execute("SELECT * FROM submissions WHERE id = ?", (submission_id,)) as cursor:
                row = await cursor.fetchone()
        assert row is not None
        return _submission(row)

    async def add_part(self, submission_id: int, part: NewPart, now: datetime) -> tuple[bool, bool]:
        """Append a part to a draft. Returns (added, first of its album in this draft).

        Nothing is added to a submission that is no longer a draft, or twice for one message.
        """
        async with self._db.transaction() as conn:
            async with conn.execute(
                "SELECT state FROM submissions WHERE id = ?",
                (submission_id,),
            ) as cursor:
                row = await cursor.fetchone()
            if row is None or row["state"] != DRAFT:
                return False, False
            first_of_group = True
            if part.media_group_id is not None:
                async with conn.execute(
                    "SELECT 1 FROM submission_parts WHERE submission_id = ? AND media_group_id = ? LIMIT 1",
                    (submission_id, part.media_group_id),
                ) as cursor:
                    first_of_group = await cursor.fetchone() is None
            cursor = await conn.execute(
                """
                INSERT INTO submission_parts (submission_id, position, kind, message_id, file_id, file_unique_id,
                                              size, name, text, media_group_id, added_at)
                SELECT ?, COALESCE(MAX(position), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?
                  FROM submission_parts WHERE submission_id = ?
                ON CONFLICT (submission_id, message_id) DO NOTHING
                """,
                (
                    submission_id,
                    part.kind,
                    part.message_id,
                    part.file_id,
                    part.file_unique_id,
                    part.size,
                    part.name,
                    part.text,
                    part.media_group_id,
                    to_db(now),
                    submission_id,
                ),
            )
            added = cursor.rowcount == 1
            if added:
                await conn.execute("UPDATE submissions SET updated_at = ? WHERE id = ?", (to_db(now), submission_id))
        return added, added and first_of_group

    async def set_status_message(self, submission_id: int, message_id: int | None) -> None:
        await self._db.execute("UPDATE submissions SET status_message_id = ? WHERE id = ?", (message_id, submission_id))

    async def clear_parts(self, submission_id: int, now: datetime) -> bool:
        """Start over: the draft's parts are removed (only a draft's)."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE submissions SET updated_at = ? WHERE id = ? AND state = ?", (to_db(now), submission_id, DRAFT)
            )
            if cursor.rowcount != 1:
                return False
            await conn.execute("DELETE FROM submission_parts WHERE submission_id = ?", (submission_id,))
        return True

    async def hand_in(self, submission_id: int, late: bool, now: datetime) -> bool:
        """The draft becomes waiting (once: a second press changes nothing); the focus goes.

        If the cohort has a review group, its post is queued in the same transaction (a
        'review-post' delivery): handed in and posted once, or neither."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                """UPDATE submissions SET state = ?, late = ?, submitted_at = ?, updated_at = ?
                    WHERE id = ? AND state = ?
                      AND EXISTS (SELECT 1 FROM submission_parts WHERE submission_id = submissions.id)""",
                (WAITING, int(late), to_db(now), to_db(now), submission_id, DRAFT),
            )
            if cursor.rowcount != 1:
                return False
            await conn.execute("DELETE FROM homework_focus WHERE submission_id = ?", (submission_id,))
            async with conn.execute(
                """SELECT s.cohort_id, s.user_id, s.item_key FROM submissions s
                    JOIN cohort_groups g ON g.cohort_id = s.cohort_id AND g.purpose = 'review'
                   WHERE s.id = ?""",
                (submission_id,),
            ) as found:
                group = await found.fetchone()
            if group is not None:
                await add_notice(conn, group[0], group[1], group[2], REVIEW_POST, f"{POST_VARIANT}{submission_id}", now)
        return True

    # ------------------------------------------------------------------ the review group

    async def review_group(self, cohort_id: int) -> tuple[int, str | None] | None:
        """The cohort's review group and the language of the organizer who bound it."""
        row = await self._db.fetchone(
            """SELECT g.chat_id, u.language FROM cohort_groups g LEFT JOIN users u ON u.telegram_id = g.bound_by
                WHERE g.cohort_id = ? AND g.purpose = 'review'""",
            (cohort_id,),
        )
        return None if row is None else (int(row[0]), row[1])

    async def group_post(self, submission_id: int) -> GroupPost | None:
        """The review group's post of a submission, once sent: its last message has the buttons."""
        row = await self._db.fetchone(
            """SELECT d.message_ids, g.chat_id, u.language FROM submissions s
                 JOIN deliveries d ON d.cohort_id = s.cohort_id AND d.user_id = s.user_id
                  AND d.item_key = s.item_key AND d.kind = ? AND d.variant = ?
                 JOIN cohort_groups g ON g.cohort_id = s.cohort_id AND g.purpose = 'review'
                 LEFT JOIN users u ON u.telegram_id = g.bound_by
                WHERE s.id = ? AND d.state = 'sent'""",
            (REVIEW_POST, f"{POST_VARIANT}{submission_id}", submission_id),
        )
        if row is None or not parse_ids(row[0]):
            return None
        return GroupPost(int(row[1]), parse_ids(row[0])[-1], row[2])

    # ------------------------------------------------------------------ personal data

    columns: ClassVar[Columns] = {
        "submissions": ("user_id",),
        "homework_focus": ("user_id",),
        "submission_reviews": ("reviewer_id",),
    }

    async def export(self, user_id: int) -> dict[str, JSON]:
        """The person's work (every version, its parts, the decision on it) and, for a curator,
        the decisions they made (without whose work it was)."""
        rows = await self._db.fetchall(
            """
            SELECT s.id, c.name AS cohort, s.item_key AS homework, s.version, s.state, s.late,
                   s.submitted_at, s.decided_at, r.decision, r.score, r.comment
              FROM submissions s JOIN cohorts c ON c.id = s.cohort_id
              LEFT JOIN submission_reviews r ON r.submission_id = s.id
             WHERE s.user_id = ? ORDER BY s.id
            """,
            (user_id,),
        )
        work: list[JSON] = []
        for row in rows:
            item = {key: row[key] for key in row.keys() if key != "id"}
            item["late"] = bool(item["late"])
            item["parts"] = [
                {"kind": part.kind, "text": part.text, "file_name": part.name, "size": part.size}
                for part in await self.parts(row["id"])
            ]
            work.append(item)
        decided = await self._db.fetchall(
            """SELECT r.decision, r.score, r.comment, r.decided_at FROM submission_reviews r
                WHERE r.reviewer_id = ? ORDER BY r.decided_at""",
            (user_id,),
        )
        return {"homework": work, "homework_reviews_given": [dict(row) for row in decided]}

    async def erase(self, conn: aiosqlite.Connection, person: Forgetting) -> dict[str, int]:
        """Their work goes (every part, the curators' comments on it); the versions and decisions
        stay under the alias, without content, for the cohort's counts. Decisions they made as a
        curator stay with the learners' work, under the alias."""
        mine = "SELECT id FROM submissions WHERE user_id = ?"
        parts = await conn.execute(f"DELETE FROM submission_parts WHERE submission_id IN ({mine})", (person.user_id,))
        await conn.execute(
            f"UPDATE submission_reviews SET comment = NULL, comment_voice_file_id = NULL"
            f" WHERE submission_id IN ({mine})",
            (person.user_id,),
        )
        await conn.execute(
            "UPDATE submissions SET user_id = ?, status_message_id = NULL WHERE user_id = ?",
            (person.alias, person.user_id),
        )
        await conn.execute("DELETE FROM homework_focus WHERE user_id = ?", (person.user_id,))
        await conn.execute(
            "UPDATE submission_reviews SET reviewer_id = ? WHERE reviewer_id = ?", (person.alias, person.user_id)
        )
        return {"homework parts deleted": parts.rowcount}

    # ------------------------------------------------------------------ the curators' digest

    _WAITING_TOO_LONG = """
          FROM submissions s
          JOIN cohorts c ON c.id = s.cohort_id AND c.status = 'active'
          JOIN enrolments e ON e.cohort_id = s.cohort_id AND e.user_id = s.user_id AND e.status = 'active'
         WHERE s.state = 'waiting' AND s.submitted_at <= ?
    """

    async def waiting_too_long(self, before: datetime) -> list[tuple[int, str]]:
        """(cohort id, time zone) of active cohorts with work handed in before ``before`` still waiting."""
        rows = await self._db.fetchall(
            "SELECT DISTINCT s.cohort_id, c.timezone" + self._WAITING_TOO_LONG + " ORDER BY s.cohort_id",
            (to_db(before),),
        )
        return [(row[0], row[1]) for row in rows]

    async def waiting_since(self, cohort_id: int, before: datetime) -> tuple[int, datetime | None]:
        """How many of the cohort's submissions have waited since before ``before``, and the oldest."""
        row = await self._db.fetchone(
            "SELECT COUNT(*), MIN(s.submitted_at)" + self._WAITING_TOO_LONG + " AND s.cohort_id = ?",
            (to_db(before), cohort_id),
        )
        assert row is not None
        return int(row[0]), _maybe(row[1])

    async def plan_digests(self, cohort_id: int, curators: list[int], day: str, due_at: datetime, now: datetime) -> int:
        """One digest row per curator of the cohort for ``day`` (their local date); planning it
        again the same day adds nothing."""
        added = 0
        async with self._db.transaction() as conn:
            for curator in curators:
                added += await add_notice(
                    conn, cohort_id, curator, "review", REVIEW_DIGEST, f"{DIGEST_VARIANT}{day}", now, due_at
                )
        return added

    # ------------------------------------------------------------------ the curator's side

    async def decide(
        self,
        submission_id: int,
        reviewer_id: int,
        decision: Decision,
        now: datetime,
        *,
        score: int | None = None,
        comment: str | None = None,
        comment_voice_file_id: str | None = None,
    ) -> bool:
        """Record a decision if nobody decided first. Returns whether this one counted.

        The conditional UPDATE is the arbiter: of two curators pressing at the same moment, the
        second finds the state no longer 'waiting' and writes nothing. The learner's notice is
        queued in the deliveries table in the same transaction: it goes out once, crash or not.
        """
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE submissions SET state = ?, decided_at = ?, updated_at = ? WHERE id = ? AND state = ?",
                (decision, to_db(now), to_db(now), submission_id, WAITING),
            )
            if cursor.rowcount != 1:
                return False
            await conn.execute(
                """INSERT INTO submission_reviews (submission_id, reviewer_id, decision, score, comment,
                                                   comment_voice_file_id, decided_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (submission_id, reviewer_id, decision, score, comment, comment_voice_file_id, to_db(now)),
            )
            async with conn.execute(
                "SELECT cohort_id, user_id, item_key FROM submissions WHERE id = ?", (submission_id,)
            ) as cursor:
                row = await cursor.fetchone()
            assert row is not None
            await add_notice(conn, row[0], row[1], row[2], HOMEWORK_RESULT, f"{REVIEW_VARIANT}{submission_id}", now)
        return True

    async def notice(self, cohort_id: int, user_id: int, variant: str) -> tuple[Submission, Review] | None:
        """The submission and review a 'homework-result' delivery tells the learner about."""
        if not variant.startswith(REVIEW_VARIANT) or not variant[len(REVIEW_VARIANT) :].isdigit():
            return None
        submission = await self.get(int(variant[len(REVIEW_VARIANT) :]))
        if submission is None or (submission.cohort_id, submission.user_id) != (cohort_id, user_id):
            return None
        review = await self.review(submission.id)
        return None if review is None else (submission, review)
