"""Certificates and their delivery rows. A certificate and the delivery row that sends it are
written in one transaction, so a crash leaves both or neither (and the sender never sends a
number that is not recorded)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

import aiosqlite

from bot.certificates.model import ERASED, REPLACED, REVOKED, VALID, Certificate
from bot.clock import from_db, to_db
from bot.delivery.model import AGAIN, CERTIFICATE
from bot.people.personal_data import JSON, Columns, Forgetting
from storage.db import Database
from storage.deliveries import add_notice


def _certificate(row: aiosqlite.Row) -> Certificate:
    return Certificate(
        id=row["id"],
        number=row["number"],
        cohort_id=row["cohort_id"],
        user_id=row["user_id"],
        languages=tuple(row["languages"].split(",")),
        full_name=row["full_name"],
        hours=row["hours"],
        issued_at=from_db(row["issued_at"]),
        issued_by=row["issued_by"],
        status=row["status"],
        reason=row["reason"],
        replaced_by=row["replacement"],
    )


@dataclass(frozen=True)
class NewCertificate:
    number: str
    cohort_id: int
    user_id: int
    languages: tuple[str, ...]
    full_name: str
    hours: float
    issued_by: int | None


class CertificateRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def issue(self, new: NewCertificate, now: datetime, *, replacing: str | None = None) -> Certificate | None:
        """Record the certificate and plan its delivery, due now, in one transaction.

        None if the learner already has a certificate of this cohort (any status: a revoked one
        is not issued again behind the organizer's back) — unless it replaces ``replacing``,
        which is marked replaced in the same transaction."""
        stamp = to_db(now)
        async with self._db.transaction() as conn:
            if replacing is None:
                async with conn.execute(
                    "SELECT 1 FROM certificates WHERE cohort_id = ? AND user_id = ?", (new.cohort_id, new.user_id)
                ) as cursor:
                    if await cursor.fetchone() is not None:
                        return None
            else:
                cursor = await conn.execute(
                    """UPDATE certificates SET status = ?, changed_by = ?, changed_at = ?
                        WHERE number = ? AND status = ?""",
                    (REPLACED, new.issued_by, stamp, replacing, VALID),
                )
                if cursor.rowcount != 1:
                    return None
            cursor = await conn.execute(
                """
                INSERT INTO certificates (number, cohort_id, user_id, languages, full_name, hours, issued_at,
                                          issued_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    new.number,
                    new.cohort_id,
                    new.user_id,
                    ",".join(new.languages),
                    new.full_name,
                    new.hours,
                    stamp,
                    new.issued_by,
                ),
            )
            if replacing is not None:
                await conn.execute("UPDATE certificates SET replacement = ? WHERE number = ?", (new.number, replacing))
            await add_notice(conn, new.cohort_id, new.user_id, new.number, CERTIFICATE, "", now)
            certificate_id = cursor.lastrowid
        assert certificate_id is not None
        found = await self.get(new.number)
        assert found is not None
        return found

    async def issue_many(self, news: Sequence[NewCertificate], now: datetime) -> int:
        """Many at once (the benchmark, a cohort's end): each with its delivery row, one transaction."""
        stamp = to_db(now)
        async with self._db.transaction() as conn:
            await conn.executemany(
                """
                INSERT INTO certificates (number, cohort_id, user_id, languages, full_name, hours, issued_at, issued_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    (n.number, n.cohort_id, n.user_id, ",".join(n.languages), n.full_name, n.hours, stamp, n.issued_by)
                    for n in news
                ],
            )
            await conn.executemany(
                """
                INSERT INTO deliveries (cohort_id, user_id, item_key, kind, variant, position, due_at,
                                        planned_at, updated_at)
                VALUES (?, ?, ?, ?, '', 0, ?, ?, ?)
                """,
                [(n.cohort_id, n.user_id, n.number, CERTIFICATE, stamp, stamp, stamp) for n in news],
            )
        return len(news)

    async def get(self, number: str) -> Certificate | None:
        row = await self._db.fetchone("SELECT * FROM certificates WHERE number = ?", (number,))
        return None if row is None else _certificate(row)

    async def of_learner(self, cohort_id: int, user_id: int) -> Certificate | None:
        """The learner's current certificate of the cohort: the valid one, else the latest."""
        row = await self._db.fetchone(
            """SELECT * FROM certificates WHERE cohort_id = ? AND user_id = ?
                ORDER BY status = 'valid' DESC, id DESC LIMIT 1""",
            (cohort_id, user_id),
        )
        return None if row is None else _certificate(row)

    async def valid_of_user(self, user_id: int) -> list[Certificate]:
        rows = await self._db.fetchall(
            "SELECT * FROM certificates WHERE user_id = ? AND status = 'valid' ORDER BY id", (user_id,)
        )
        return [_certificate(row) for row in rows]

    async def of_cohort(self, cohort_id: int) -> list[Certificate]:
        rows = await self._db.fetchall(
            "SELECT * FROM certificates WHERE cohort_id = ? ORDER BY full_name COLLATE NOCASE, id", (cohort_id,)
        )
        return [_certificate(row) for row in rows]

    async def counts_by_cohort(self) -> dict[int, int]:
        rows = await self._db.fetchall(
            "SELECT cohort_id, COUNT(*) FROM certificates WHERE status = 'valid' GROUP BY cohort_id"
        )
        return {row[0]: row[1] for row in rows}

    async def revoke(self, number: str, reason: str, by: int, now: datetime) -> tuple[bool, list[int]]:
        """Mark it revoked; its deliveries not yet sent are cancelled in the same transaction.
        Returns whether it was valid, and the ids of its rows being sent now (the caller takes
        them back from the sender)."""
        stamp = to_db(now)
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                """UPDATE certificates SET status = ?, reason = ?, changed_by = ?, changed_at = ?
                    WHERE number = ? AND status = ?""",
                (REVOKED, reason, by, stamp, number, VALID),
            )
            if cursor.rowcount != 1:
                return False, []
            taken = await _stop_deliveries(conn, number, stamp)
        return True, taken

    async def send_again(self, certificate: Certificate, now: datetime) -> bool:
        """One more copy for the learner who asked (variant "again-<time>"), due now."""
        async with self._db.transaction() as conn:
            return await add_notice(
                conn,
                certificate.cohort_id,
                certificate.user_id,
                certificate.number,
                CERTIFICATE,
                f"{AGAIN}{to_db(now)}",
                now,
            )

    async def cancel_deliveries(self, number: str, now: datetime) -> list[int]:
        async with self._db.transaction() as conn:
            return await _stop_deliveries(conn, number, to_db(now))

    # ------------------------------------------------------------------ /verify's throttle

    async def misses_since(self, user_id: int, since: datetime) -> list[datetime]:
        rows = await self._db.fetchall(
            "SELECT at FROM verify_misses WHERE user_id = ? AND at > ? ORDER BY at", (user_id, to_db(since))
        )
        return [from_db(row[0]) for row in rows]

    async def add_miss(self, user_id: int, now: datetime, *, forget_before: datetime) -> None:
        async with self._db.transaction() as conn:
            await conn.execute("DELETE FROM verify_misses WHERE at <= ?", (to_db(forget_before),))
            await conn.execute("INSERT INTO verify_misses (user_id, at) VALUES (?, ?)", (user_id, to_db(now)))

    # ------------------------------------------------------------------ personal data

    columns: ClassVar[Columns] = {
        "certificates": ("user_id", "issued_by", "changed_by"),
        "verify_misses": ("user_id",),
    }

    async def export(self, user_id: int) -> dict[str, JSON]:
        """Their certificates (the number, the name as printed, the status), and those they issued
        or revoked as an organizer."""
        rows = await self._db.fetchall(
            """
            SELECT t.number, c.name AS cohort, t.full_name, t.hours, t.languages, t.issued_at, t.status,
                   t.reason, t.replacement, c.version_id AS course_version_id
              FROM certificates t JOIN cohorts c ON c.id = t.cohort_id
             WHERE t.user_id = ? ORDER BY t.id
            """,
            (user_id,),
        )
        handled = await self._db.fetchall(
            """SELECT number, issued_by = ? AS issued, changed_by = ? AS changed, status FROM certificates
                WHERE (issued_by = ? OR changed_by = ?) AND user_id != ? ORDER BY id""",
            (user_id, user_id, user_id, user_id, user_id),
        )
        return {
            "certificates": [dict(row) for row in rows],
            "certificates_handled": [
                {
                    "number": row["number"],
                    "issued": bool(row["issued"]),
                    "changed": bool(row["changed"]),
                    "status": row["status"],
                }
                for row in handled
            ],
        }

    async def erase(self, conn: aiosqlite.Connection, person: Forgetting) -> dict[str, int]:
        """Their certificates stay as numbers (a number is never given twice, and whoever checks
        one learns it is no longer valid) but lose the name and the holder: revoked, reason
        "erased". What they did as an organizer stays, unattributed."""
        stamp = to_db(person.now)
        cursor = await conn.execute(
            """UPDATE certificates SET status = CASE status WHEN 'valid' THEN 'revoked' ELSE status END,
                      reason = CASE status WHEN 'valid' THEN ? ELSE reason END,
                      changed_at = CASE status WHEN 'valid' THEN ? ELSE changed_at END,
                      full_name = '', user_id = ?
                WHERE user_id = ?""",
            (ERASED, stamp, person.alias, person.user_id),
        )
        await conn.execute("UPDATE certificates SET issued_by = ? WHERE issued_by = ?", (person.alias, person.user_id))
        await conn.execute(
            "UPDATE certificates SET changed_by = ? WHERE changed_by = ?", (person.alias, person.user_id)
        )
        await conn.execute("DELETE FROM verify_misses WHERE user_id = ?", (person.user_id,))
        return {"certificates anonymized": cursor.rowcount}


async def _stop_deliveries(conn: aiosqlite.Connection, number: str, stamp: str) -> list[int]:
    await conn.execute(
        """UPDATE deliveries SET state = 'cancelled', reason = 'revoked', updated_at = ?
            WHERE item_key = ? AND kind = ? AND state = 'planned'""",
        (stamp, number, CERTIFICATE),
    )
    async with conn.execute(
        "SELECT id FROM deliveries WHERE item_key = ? AND kind = ? AND state = 'sending'", (number, CERTIFICATE)
    ) as rows:
        return [row[0] for row in await rows.fetchall()]
