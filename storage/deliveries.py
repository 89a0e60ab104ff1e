"""Deliveries: every message a learner is owed, when it is due, and what became of it.

The table is the one source of truth for what is due; the scheduler only wakes the dispatcher.
Every change of state is one short write transaction, so a crash leaves each row in a state the
next start understands (``sending`` rows are taken up again, see docs/delivery.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import ClassVar

import aiosqlite

from bot.clock import from_db, to_db
from bot.delivery.model import (
    AGAIN,
    CANCELLED,
    FAILED,
    LEFT,
    PLANNED,
    SENDING,
    UNREACHABLE,
    Changes,
    DueDelivery,
    LearnerIssue,
    PendingRow,
    PlannedRow,
    StateCount,
    format_ids,
    parse_ids,
)
from bot.people.personal_data import JSON, Columns, Forgetting
from storage.db import Database

_CHUNK = 500  # ids per "IN (...)"; far below SQLite's variable limit


def _due(row: aiosqlite.Row) -> DueDelivery:
    return DueDelivery(
        id=row["id"],
        cohort_id=row["cohort_id"],
        user_id=row["user_id"],
        item_key=row["item_key"],
        kind=row["kind"],
        variant=row["variant"],
        parts_done=row["parts_done"],
        message_ids=parse_ids(row["message_ids"]),
        attempts=row["attempts"],
        version_id=row["version_id"],
        timezone=row["timezone"],
        start_date=date.fromisoformat(row["start_date"]),
        shift_days=row["shift_days"],
        language=row["language"],
    )


def _pending(row: aiosqlite.Row) -> PendingRow:
    return PendingRow(
        id=row["id"],
        cohort_id=row["cohort_id"],
        item_key=row["item_key"],
        kind=row["kind"],
        variant=row["variant"],
        position=row["position"],
        due_at=from_db(row["due_at"]),
        expires_at=from_db(row["expires_at"]) if row["expires_at"] else None,
    )


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


_UPSERT = """
    INSERT INTO deliveries (cohort_id, user_id, item_key, kind, variant, position, due_at,
                            expires_at, planned_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (cohort_id, user_id, item_key, kind, variant) DO UPDATE SET
        state = 'planned', due_at = excluded.due_at, expires_at = excluded.expires_at,
        reason = NULL, parts_done = 0, message_ids = '', updated_at = excluded.updated_at
    WHERE deliveries.state = 'cancelled' AND deliveries.reason = 'left'
"""

_CLAIMABLE = """
      FROM deliveries d
      JOIN cohorts c ON c.id = d.cohort_id
      LEFT JOIN enrolments e ON e.cohort_id = d.cohort_id AND e.user_id = d.user_id
      JOIN users u ON u.telegram_id = d.user_id
      LEFT JOIN delivery_calendars k ON k.cohort_id = d.cohort_id
     WHERE d.state = 'planned' AND d.due_at <= :now
       AND (c.status = 'active' OR d.kind = 'certificate'
            OR (c.status = 'finished' AND d.kind IN ('homework-result', 'completion')))
       AND (e.status = 'active' OR d.kind IN ('review-digest', 'certificate'))
       AND (u.blocked_at IS NULL OR d.kind IN ('review-post'))
"""


async def add_notice(
    conn: aiosqlite.Connection,
    cohort_id: int,
    user_id: int,
    item_key: str,
    kind: str,
    variant: str,
    now: datetime,
    due_at: datetime | None = None,
) -> bool:
    """A one-off message for a person, due now (or at ``due_at``), inside the caller's transaction
    (so it is written together with what caused it, or not at all). A second one with the same
    variant is ignored."""
    stamp = to_db(now)
    cursor = await conn.execute(
        """
        INSERT INTO deliveries (cohort_id, user_id, item_key, kind, variant, position, due_at,
                                planned_at, updated_at)
        VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)
        ON CONFLICT (cohort_id, user_id, item_key, kind, variant) DO NOTHING
        """,
        (cohort_id, user_id, item_key, kind, variant, to_db(due_at or now), stamp, stamp),
    )
    return cursor.rowcount == 1


class DeliveryRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------------ planning

    async def learners_to_plan(self, cohort_id: int, user_ids: Sequence[int] | None = None) -> list[tuple[int, str]]:
        """(user id, enrolled_at) of active learners whose current enrolment has no plan yet."""
        sql = """
            SELECT e.user_id, e.enrolled_at FROM enrolments e
              LEFT JOIN delivery_plans p ON p.cohort_id = e.cohort_id AND p.user_id = e.user_id
             WHERE e.cohort_id = ? AND e.status = 'active'
               AND (p.enrolled_at IS NULL OR p.enrolled_at != e.enrolled_at)
        """
        params: list[object] = [cohort_id]
        if user_ids is not None:
            sql += f" AND e.user_id IN ({','.join('?' * len(user_ids))})"
            params.extend(user_ids)
        rows = await self._db.fetchall(sql + " ORDER BY e.user_id", params)
        return [(row["user_id"], row["enrolled_at"]) for row in rows]

    async def cohorts_to_plan(self) -> list[int]:
        """Cohorts, not finished, with an active enrolment that has no plan yet."""
        rows = await self._db.fetchall(
            """
            SELECT DISTINCT e.cohort_id FROM enrolments e
              JOIN cohorts c ON c.id = e.cohort_id
              LEFT JOIN delivery_plans p ON p.cohort_id = e.cohort_id AND p.user_id = e.user_id
             WHERE e.status = 'active' AND c.status != 'finished'
               AND (p.enrolled_at IS NULL OR p.enrolled_at != e.enrolled_at)
             ORDER BY e.cohort_id
            """
        )
        return [row["cohort_id"] for row in rows]

    async def shift_days(self, cohort_id: int) -> int:
        value = await self._db.fetchval("SELECT shift_days FROM delivery_calendars WHERE cohort_id = ?", (cohort_id,))
        return int(value or 0)

    async def first_lesson_due(self, cohort_id: int, user_id: int) -> datetime | None:
        """When this learner's next lesson (planned, not yet sent) goes out."""
        value = await self._db.fetchval(
            """SELECT MIN(due_at) FROM deliveries
                WHERE cohort_id = ? AND user_id = ? AND kind = 'lesson' AND variant = ''
                  AND state IN ('planned', 'sending')""",
            (cohort_id, user_id),
        )
        return None if value is None else from_db(value)

    async def save_plan(
        self, cohort_id: int, rows: Sequence[PlannedRow], learners: Sequence[tuple[int, str]], now: datetime
    ) -> int:
        """Write ``rows`` for every learner, and mark them planned, in one transaction.

        Planning twice writes nothing new: the unique key turns repeats into no-ops, except that
        rows cancelled because the learner had left come back for a learner who has rejoined.
        """
        stamp = to_db(now)
        template = [
            (
                r.item_key,
                r.kind,
                r.variant,
                r.position,
                to_db(r.due_at),
                to_db(r.expires_at) if r.expires_at else None,
                stamp,
                stamp,
            )
            for r in rows
        ]

        def values() -> Iterable[tuple[object, ...]]:
            for user_id, _ in learners:
                for item in template:
                    yield (cohort_id, user_id, *item)

        async with self._db.transaction() as conn:
            before = conn.total_changes
            await conn.executemany(_UPSERT, values())
            written = conn.total_changes - before
            await conn.executemany(
                """
                INSERT INTO delivery_plans (cohort_id, user_id, enrolled_at, planned_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (cohort_id, user_id) DO UPDATE SET enrolled_at = excluded.enrolled_at,
                                                              planned_at = excluded.planned_at
                """,
                [(cohort_id, user_id, enrolled_at, stamp) for user_id, enrolled_at in learners],
            )
        return written

    # ------------------------------------------------------------------ pause and resume

    async def pause(self, cohort_id: int, now: datetime) -> bool:
        """Stop a cohort's deliveries (its rows stay planned); False if it was not active."""
        changed = await self._db.execute(
            "UPDATE cohorts SET status = 'paused', paused_at = ? WHERE id = ? AND status = 'active'",
            (to_db(now), cohort_id),
        )
        return changed > 0

    async def resume(
        self, cohort_id: int, now: datetime, decide: Callable[[datetime, list[PendingRow]], Changes]
    ) -> Changes | None:
        """Reactivate a paused cohort, moving its planned rows as ``decide`` says; all at once.

        ``decide`` gets the moment of the pause and every planned row of the cohort. None: the
        cohort was not paused.
        """
        async with self._db.transaction() as conn:
            async with conn.execute(
                "SELECT paused_at FROM cohorts WHERE id = ? AND status = 'paused'", (cohort_id,)
            ) as cursor:
                found = await cursor.fetchone()
            if found is None:
                return None
            paused_at = from_db(found["paused_at"]) if found["paused_at"] else now
            rows = await self._pending(conn, "d.cohort_id = ? AND d.state = 'planned'", (cohort_id,))
            changes = decide(paused_at, rows)
            await self._apply(conn, changes, now)
            if changes.shift_days:
                await conn.execute(
                    """
                    INSERT INTO delivery_calendars (cohort_id, shift_days) VALUES (?, ?)
                    ON CONFLICT (cohort_id) DO UPDATE SET shift_days = shift_days + excluded.shift_days
                    """,
                    (cohort_id, changes.shift_days),
                )
            await conn.execute("UPDATE cohorts SET status = 'active', paused_at = NULL WHERE id = ?", (cohort_id,))
        return changes

    async def replan_unreachable(
        self, user_id: int, now: datetime, decide: Callable[[list[PendingRow]], Changes]
    ) -> Changes:
        """A learner is reachable again: what they missed is planned anew, as ``decide`` says."""
        async with self._db.transaction() as conn:
            rows = await self._pending(
                conn,
                """d.user_id = ? AND d.state = 'unreachable' AND c.status != 'finished'
                   AND EXISTS (SELECT 1 FROM enrolments e WHERE e.cohort_id = d.cohort_id
                               AND e.user_id = d.user_id AND e.status = 'active')""",
                (user_id,),
            )
            changes = decide(rows)
            await self._apply(conn, changes, now)
        return changes

    @staticmethod
    async def _pending(conn: aiosqlite.Connection, where: str, params: Sequence[object]) -> list[PendingRow]:
        sql = f"""
            SELECT d.id, d.cohort_id, d.item_key, d.kind, d.variant, d.position, d.due_at,
                   d.expires_at
              FROM deliveries d JOIN cohorts c ON c.id = d.cohort_id
             WHERE {where} ORDER BY d.due_at, d.position, d.id
        """
        async with conn.execute(sql, params) as cursor:
            return [_pending(row) for row in await cursor.fetchall()]

    @staticmethod
    async def _apply(conn: aiosqlite.Connection, changes: Changes, now: datetime) -> None:
        stamp = to_db(now)
        # An unreachable row is sent again from its first message: the learner may have cleared
        # the chat. A planned row keeps its progress (it may be a lesson interrupted halfway).
        await conn.executemany(
            """
            UPDATE deliveries SET due_at = ?, reason = NULL, updated_at = ?,
                   parts_done = CASE WHEN state = 'unreachable' THEN 0 ELSE parts_done END,
                   message_ids = CASE WHEN state = 'unreachable' THEN '' ELSE message_ids END,
                   state = 'planned'
             WHERE id = ?
            """,
            [(to_db(due), stamp, row_id) for row_id, due in changes.moves],
        )
        await conn.executemany(
            "UPDATE deliveries SET expires_at = ? WHERE id = ?",
            [(to_db(expires), row_id) for row_id, expires in changes.expiries],
        )
        await conn.executemany(
            "UPDATE deliveries SET state = 'cancelled', reason = ?, updated_at = ? WHERE id = ?",
            [(reason, stamp, row_id) for row_id, reason in changes.cancels],
        )

    # ------------------------------------------------------------------ dispatching

    async def recover_interrupted(self, now: datetime) -> int:
        """Rows a stopped process left in ``sending`` go back to ``planned`` (they keep their
        progress, so a lesson goes on from the message that was being sent)."""
        return await self._db.execute(
            "UPDATE deliveries SET state = 'planned', updated_at = ? WHERE state = 'sending'",
            (to_db(now),),
        )

    async def active_cohorts(self) -> list[tuple[int, str]]:
        """Cohorts that may send now: the running ones, and finished ones with something left to
        send (a completion notice, a certificate): the quiet hours count for those too."""
        rows = await self._db.fetchall(
            """
            SELECT id, timezone FROM cohorts
             WHERE status = 'active'
                OR (status = 'finished' AND id IN (SELECT cohort_id FROM deliveries WHERE state = 'planned'))
            """
        )
        return [(row["id"], row["timezone"]) for row in rows]

    async def prepare_due(self, now: datetime, quiet_until: dict[int, datetime]) -> None:
        """Settle what is due before taking it: expired reminders are cancelled, rows of learners
        known to have blocked the bot become unreachable without a request, and in cohorts now
        in their quiet hours (``quiet_until``: cohort -> the morning) non-urgent rows wait."""
        stamp = to_db(now)
        async with self._db.transaction() as conn:
            await conn.execute(
                """
                UPDATE deliveries SET state = 'cancelled', reason = 'expired', updated_at = :now
                 WHERE state = 'planned' AND due_at <= :now AND expires_at <= :now
                """,
                {"now": stamp},
            )
            await conn.execute(
                """
                UPDATE deliveries SET state = 'unreachable', reason = 'blocked', updated_at = :now
                 WHERE state = 'planned' AND due_at <= :now AND kind NOT IN ('review-post')
                   AND user_id IN (SELECT telegram_id FROM users WHERE blocked_at IS NOT NULL)
                   AND cohort_id IN (SELECT id FROM cohorts WHERE status = 'active')
                """,
                {"now": stamp},
            )
            for cohort_id, morning in quiet_until.items():
                params = {"now": stamp, "cohort": cohort_id, "morning": to_db(morning)}
                await conn.execute(
                    """
                    UPDATE deliveries SET state = 'cancelled', reason = 'expired', updated_at = :now
                     WHERE cohort_id = :cohort AND state = 'planned' AND urgent = 0
                       AND due_at <= :now AND expires_at <= :morning
                    """,
                    params,
                )
                await conn.execute(
                    """
                    UPDATE deliveries SET due_at = :morning, updated_at = :now
                     WHERE cohort_id = :cohort AND state = 'planned' AND urgent = 0 AND due_at <= :now
                    """,
                    params,
                )

    async def claim(self, now: datetime, limit: int) -> list[DueDelivery]:
        """Take up to ``limit`` due rows for sending: they become ``sending`` before any request.

        Urgent rows (a learner's own request) first; then by due time, one learner's rows
        together and in course order, so their lane sends them one after the other.
        """
        sql = f"""
            SELECT d.id, d.cohort_id, d.user_id, d.item_key, d.kind, d.variant, d.parts_done,
                   d.message_ids, d.attempts, c.version_id, c.timezone, c.start_date,
                   COALESCE(k.shift_days, 0) AS shift_days, u.language
            {_CLAIMABLE}
             ORDER BY d.urgent DESC, d.due_at, d.cohort_id, d.user_id, d.position, d.id
             LIMIT :limit
        """
        stamp = to_db(now)
        async with self._db.transaction() as conn:
            async with conn.execute(sql, {"now": stamp, "limit": limit}) as cursor:
                taken = [_due(row) for row in await cursor.fetchall()]
            ids = [row.id for row in taken]
            for chunk in _chunks(ids):
                await conn.execute(
                    f"UPDATE deliveries SET state = 'sending', attempts = attempts + 1, updated_at = ?"
                    f" WHERE id IN ({','.join('?' * len(chunk))})",
                    (stamp, *chunk),
                )
        return [DueDelivery(**{**row.__dict__, "attempts": row.attempts + 1}) for row in taken]

    async def queue_counts(self) -> dict[str, int]:
        """How many rows wait ('planned') and how many are being sent now ('sending'), all cohorts."""
        rows = await self._db.fetchall(
            "SELECT state, COUNT(*) FROM deliveries WHERE state IN ('planned', 'sending') GROUP BY state"
        )
        return {str(state): int(count) for state, count in rows}

    async def next_due(self) -> datetime | None:
        """The earliest moment something becomes due in an active cohort."""
        value = await self._db.fetchval(
            """
            SELECT d.due_at FROM deliveries d
              JOIN cohorts c ON c.id = d.cohort_id
              LEFT JOIN enrolments e ON e.cohort_id = d.cohort_id AND e.user_id = d.user_id
              JOIN users u ON u.telegram_id = d.user_id
             WHERE d.state = 'planned' AND (u.blocked_at IS NULL OR d.kind IN ('review-post'))
               AND ((c.status = 'active' AND e.status = 'active') OR d.kind = 'certificate'
                    OR (c.status = 'finished' AND e.status = 'active' AND d.kind IN ('homework-result', 'completion')))
             ORDER BY d.due_at LIMIT 1
            """
        )
        return from_db(value) if value else None

    async def record_part(
        self, delivery_id: int, parts_done: int, message_ids: Sequence[int], *, final: bool, now: datetime
    ) -> None:
        """One more message of a delivery went out; the last one makes it ``sent``."""
        stamp = to_db(now)
        if final:
            await self._db.execute(
                """
                UPDATE deliveries SET state = 'sent', parts_done = ?, message_ids = ?, reason = NULL,
                       sent_at = ?, updated_at = ?
                 WHERE id = ?
                """,
                (parts_done, format_ids(message_ids), stamp, stamp, delivery_id),
            )
        else:
            await self._db.execute(
                "UPDATE deliveries SET parts_done = ?, message_ids = ?, updated_at = ? WHERE id = ?",
                (parts_done, format_ids(message_ids), stamp, delivery_id),
            )

    async def finish(self, delivery_id: int, state: str, reason: str | None, now: datetime) -> None:
        if state not in (UNREACHABLE, FAILED, CANCELLED):
            raise ValueError(state)
        await self._db.execute(
            "UPDATE deliveries SET state = ?, reason = ?, updated_at = ? WHERE id = ?",
            (state, reason, to_db(now), delivery_id),
        )

    async def retry_later(self, delivery_id: int, due_at: datetime, reason: str, now: datetime) -> None:
        await self._db.execute(
            "UPDATE deliveries SET state = 'planned', due_at = ?, reason = ?, updated_at = ? WHERE id = ?",
            (to_db(due_at), reason, to_db(now), delivery_id),
        )

    async def release(self, ids: Sequence[int], now: datetime) -> None:
        """Rows taken but not finished (a stop, a pause) go back to ``planned``, due at once."""
        stamp = to_db(now)
        async with self._db.transaction() as conn:
            for chunk in _chunks(list(ids)):
                await conn.execute(
                    f"UPDATE deliveries SET state = 'planned', updated_at = ?"
                    f" WHERE state = 'sending' AND id IN ({','.join('?' * len(chunk))})",
                    (stamp, *chunk),
                )

    async def sweep_ended(self, now: datetime) -> int:
        """Planned rows of learners who left and of finished cohorts are cancelled; not their
        certificates (those come at the end, whatever the enrolment or the cohort is then), nor,
        in a finished cohort, what the end itself wrote: a completion notice, a curator's decision."""
        stamp = to_db(now)
        async with self._db.transaction() as conn:
            left = await conn.execute(
                """
                UPDATE deliveries SET state = 'cancelled', reason = 'left', updated_at = ?
                 WHERE state = 'planned' AND kind != 'certificate' AND (cohort_id, user_id) IN
                       (SELECT cohort_id, user_id FROM enrolments WHERE status != 'active')
                """,
                (stamp,),
            )
            finished = await conn.execute(
                """
                UPDATE deliveries SET state = 'cancelled', reason = 'cohort-finished', updated_at = ?
                 WHERE state = 'planned' AND kind NOT IN ('certificate', 'completion', 'homework-result')
                   AND cohort_id IN (SELECT id FROM cohorts WHERE status = 'finished')
                """,
                (stamp,),
            )
            return left.rowcount + finished.rowcount

    # ------------------------------------------------------------------ a learner asks again

    async def get(self, delivery_id: int) -> aiosqlite.Row | None:
        return await self._db.fetchone("SELECT * FROM deliveries WHERE id = ?", (delivery_id,))

    async def add_copy(self, cohort_id: int, user_id: int, item_key: str, kind: str, now: datetime) -> str:
        """Plan one more copy of an item already delivered, urgent and due now.

        Returns "queued", "already" (the item or a copy of it is on its way), "not-yet" (it has
        not been sent yet) or "not-enrolled".
        """
        stamp = to_db(now)
        async with self._db.transaction() as conn:
            async with conn.execute(
                """
                SELECT e.status AS enrolment, c.status AS cohort FROM enrolments e
                  JOIN cohorts c ON c.id = e.cohort_id WHERE e.cohort_id = ? AND e.user_id = ?
                """,
                (cohort_id, user_id),
            ) as cursor:
                enrolment = await cursor.fetchone()
            if enrolment is None or enrolment["enrolment"] != "active" or enrolment["cohort"] == "finished":
                return "not-enrolled"
            async with conn.execute(
                """
                SELECT variant, state, position, due_at FROM deliveries
                 WHERE cohort_id = ? AND user_id = ? AND item_key = ? AND kind = ?
                """,
                (cohort_id, user_id, item_key, kind),
            ) as cursor:
                rows = list(await cursor.fetchall())
            original = next((row for row in rows if row["variant"] == ""), None)
            if original is None or original["state"] == CANCELLED:
                return "not-yet"
            if original["state"] == PLANNED and original["due_at"] > stamp:
                return "not-yet"
            if any(row["state"] in (PLANNED, SENDING) for row in rows):
                return "already"
            copies = sum(1 for row in rows if row["variant"].startswith(AGAIN))
            await conn.execute(
                """
                INSERT INTO deliveries (cohort_id, user_id, item_key, kind, variant, position, due_at,
                                        urgent, planned_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                """,
                (cohort_id, user_id, item_key, kind, f"{AGAIN}{copies + 1}", original["position"], stamp, stamp, stamp),
            )
        return "queued"

    # ------------------------------------------------------------------ the organizer's view

    async def counts(self, cohort_id: int) -> list[StateCount]:
        rows = await self._db.fetchall(
            """
            SELECT item_key, kind, state, COUNT(*) AS n FROM deliveries
             WHERE cohort_id = ? AND variant NOT LIKE 'again-%'
             GROUP BY item_key, kind, state
            """,
            (cohort_id,),
        )
        return [StateCount(row["item_key"], row["kind"], row["state"], row["n"]) for row in rows]

    async def unreachable_learners(self, cohort_id: int, item_key: str | None = None) -> list[LearnerIssue]:
        """Learners of the cohort Telegram does not let the bot reach (now, or for this item)."""
        if item_key is None:
            where = """e.cohort_id = ? AND e.status = 'active' AND (u.blocked_at IS NOT NULL OR EXISTS (
                           SELECT 1 FROM deliveries d WHERE d.cohort_id = e.cohort_id
                              AND d.user_id = e.user_id AND d.state = 'unreachable'))"""
            params: tuple[object, ...] = (cohort_id,)
        else:
            where = """e.cohort_id = ? AND EXISTS (SELECT 1 FROM deliveries d
                           WHERE d.cohort_id = e.cohort_id AND d.user_id = e.user_id
                             AND d.item_key = ? AND d.state = 'unreachable')"""
            params = (cohort_id, item_key)
        rows = await self._db.fetchall(
            f"""
            SELECT u.telegram_id, u.full_name, u.district, u.library, NULL AS reason
              FROM enrolments e JOIN users u ON u.telegram_id = e.user_id
             WHERE {where}
             ORDER BY u.full_name COLLATE NOCASE, u.telegram_id
            """,
            params,
        )
        return [LearnerIssue(row[0], row[1], row[2], row[3], row[4]) for row in rows]

    async def failed_learners(self, cohort_id: int, item_key: str) -> list[LearnerIssue]:
        rows = await self._db.fetchall(
            """
            SELECT u.telegram_id, u.full_name, u.district, u.library, d.reason
              FROM deliveries d JOIN users u ON u.telegram_id = d.user_id
             WHERE d.cohort_id = ? AND d.item_key = ? AND d.state = 'failed'
             ORDER BY u.full_name COLLATE NOCASE, u.telegram_id, d.id
            """,
            (cohort_id, item_key),
        )
        return [LearnerIssue(row[0], row[1], row[2], row[3], row[4]) for row in rows]

    async def sent_items(self, cohort_id: int, user_id: int) -> set[tuple[str, str]]:
        """(item key, kind) of what reached this learner at least once: lessons received, homework
        tasks given (for progress and the homework that may be handed in)."""
        rows = await self._db.fetchall(
            "SELECT DISTINCT item_key, kind FROM deliveries WHERE cohort_id = ? AND user_id = ? AND state = 'sent'",
            (cohort_id, user_id),
        )
        return {(row["item_key"], row["kind"]) for row in rows}

    # ------------------------------------------------------------------ personal data

    columns: ClassVar[Columns] = {"deliveries": ("user_id",), "delivery_plans": ("user_id",)}

    async def export(self, user_id: int) -> dict[str, JSON]:
        """What was planned for them and what became of it (a resend is a row of its own)."""
        rows = await self._db.fetchall(
            """
            SELECT c.name AS cohort, d.kind, d.item_key AS item, d.variant, d.state, d.due_at,
                   d.sent_at, d.reason
              FROM deliveries d JOIN cohorts c ON c.id = d.cohort_id
             WHERE d.user_id = ? ORDER BY d.due_at, d.position, d.id
            """,
            (user_id,),
        )
        return {"deliveries": [dict(row) for row in rows]}

    async def erase(self, conn: aiosqlite.Connection, person: Forgetting) -> dict[str, int]:
        """What is still to come is cancelled (an unreachable row too: it would be sent again
        when they unblock the bot); the rows stay under the alias for the per-lesson counts,
        without the ids of the messages in their chat."""
        stamp = to_db(person.now)
        cancelled = await conn.execute(
            """
            UPDATE deliveries SET state = 'cancelled', reason = ?, updated_at = ?
             WHERE user_id = ? AND state IN ('planned', 'unreachable')
            """,
            (LEFT, stamp, person.user_id),
        )
        await conn.execute(
            "UPDATE deliveries SET user_id = ?, message_ids = '' WHERE user_id = ?", (person.alias, person.user_id)
        )
        # A plan marks an enrolment as planned; the enrolment has ended, nothing is to plan.
        await conn.execute("DELETE FROM delivery_plans WHERE user_id = ?", (person.user_id,))
        return {"deliveries cancelled": cancelled.rowcount}
