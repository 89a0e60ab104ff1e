"""Cohorts and enrolment against a real SQLite file."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import aiosqlite

from bot import PROJECT_ROOT
from bot.courses.importing import import_course
from bot.people.enrolment import EnrolmentService, Outcome, invite_code_from_payload, invite_payload, new_invite_code
from bot.people.model import NewCohort, Profile
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository
from storage.db import Database
from storage.migrations import migrate
from storage.roles import RoleRepository
from storage.users import UserRepository

NOW = datetime(2026, 4, 10, 5, 0, tzinfo=UTC)
SAMPLE = PROJECT_ROOT / "courses" / "sample"


async def make_cohort(
    db: Database, tmp_path: Path, *, capacity: int | None = None, enrol_until: datetime | None = None
) -> tuple[int, str]:
    await import_course(db, SAMPLE, tmp_path / "files")
    version = (await CourseRepository(db).latest_versions())[0]
    code = new_invite_code()
    cohort_id = await CohortRepository(db).create(
        NewCohort(
            course_id=version.course_id,
            version_id=version.id,
            name="Ауыл кітапханалары",
            start_date=date(2026, 4, 15),
            timezone="Asia/Almaty",
            enrol_until=enrol_until,
            capacity=capacity,
            invite_code=code,
            created_by=1,
        ),
        NOW,
    )
    return cohort_id, code


async def add_people(db: Database, *ids: int) -> None:
    users = UserRepository(db)
    for uid in ids:
        await users.register(
            uid,
            Profile(f"Адам {uid}", "abai", "Аягөз", "Кітапхана", "кітапханашы", "rural"),
            language="kk",
            username=None,
            now=NOW,
        )


async def test_enrol_once_then_kindly_again(db: Database, tmp_path: Path) -> None:
    cohort_id, code = await make_cohort(db, tmp_path)
    await add_people(db, 10)
    heard: list[tuple[int, int]] = []

    async def listener(cid: int, uid: int) -> None:
        heard.append((cid, uid))

    service = EnrolmentService(CohortRepository(db), [listener])
    first = await service.enrol(10, code, NOW)
    assert first.outcome is Outcome.ENROLLED and first.cohort.active_learners == 1
    assert (await service.enrol(10, code, NOW)).outcome is Outcome.ALREADY
    assert heard == [(cohort_id, 10)]
    assert (await service.enrol(10, "nope", NOW)).outcome is Outcome.UNKNOWN


async def test_capacity_is_never_exceeded_even_at_the_same_moment(db: Database, tmp_path: Path) -> None:
    _, code = await make_cohort(db, tmp_path, capacity=2)
    await add_people(db, 1, 2, 3, 4)
    service = EnrolmentService(CohortRepository(db))
    results = await asyncio.gather(*(service.enrol(uid, code, NOW) for uid in (1, 2, 3, 4)))
    outcomes = sorted(r.outcome for r in results)
    assert outcomes == [Outcome.ENROLLED, Outcome.ENROLLED, Outcome.FULL, Outcome.FULL]


async def test_closed_by_hand_or_by_deadline(db: Database, tmp_path: Path) -> None:
    cohort_id, code = await make_cohort(db, tmp_path, enrol_until=NOW + timedelta(days=1))
    await add_people(db, 1, 2)
    repo = CohortRepository(db)
    service = EnrolmentService(repo)
    assert (await service.enrol(1, code, NOW + timedelta(days=2))).outcome is Outcome.CLOSED
    await repo.set_enrolment_open(cohort_id, False)
    assert (await service.enrol(2, code, NOW)).outcome is Outcome.CLOSED


async def test_leave_rejoin_and_removal(db: Database, tmp_path: Path) -> None:
    cohort_id, code = await make_cohort(db, tmp_path)
    await add_people(db, 1, 2)
    repo = CohortRepository(db)
    service = EnrolmentService(repo)
    await service.enrol(1, code, NOW)
    await service.enrol(2, code, NOW)
    assert [learner.user_id for learner in await repo.learners(cohort_id)] == [1, 2]
    assert await service.leave(cohort_id, 1, NOW)
    assert not await service.leave(cohort_id, 1, NOW)
    assert (await service.enrol(1, code, NOW)).outcome is Outcome.ENROLLED
    assert await service.remove(cohort_id, 2, NOW)
    assert (await service.enrol(2, code, NOW)).outcome is Outcome.REMOVED
    assert [c.id for c in await repo.of_learner(1)] == [cohort_id]
    assert await repo.of_learner(2) == []


async def test_invite_payload_round_trip() -> None:
    code = new_invite_code()
    assert len(code) == 8
    assert invite_code_from_payload(invite_payload(code)) == code
    assert invite_code_from_payload("hello") is None
    assert invite_code_from_payload("c_") is None


async def test_roles(db: Database) -> None:
    await add_people(db, 5)
    roles = RoleRepository(db)
    assert await roles.grant(5, "organizer", 1, NOW)
    assert not await roles.grant(5, "organizer", 1, NOW)
    await roles.grant(5, "curator", 1, NOW)
    assert await roles.roles_of(5) == {"organizer", "curator"}
    assert await roles.holders() == [(5, "curator", "Адам 5"), (5, "organizer", "Адам 5")]
    assert await roles.revoke(5, "curator")
    assert await roles.roles_of(5) == {"organizer"}


async def test_migration_4_keeps_courses_and_users_from_version_3(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite3"
    async with aiosqlite.connect(path, isolation_level=None) as conn:
        assert await migrate(conn, target=3) == 3
        await conn.execute(
            "INSERT INTO users (telegram_id, language, created_at, updated_at) VALUES (1, 'ru', 'x', 'x')"
        )
        await conn.execute("INSERT INTO courses (code, created_at) VALUES ('c', 'x')")
        assert await migrate(conn, target=4) == 4
        async with conn.execute("SELECT COUNT(*) FROM users JOIN courses") as cursor:
            assert (await cursor.fetchone())[0] == 1
        async with conn.execute("SELECT COUNT(*) FROM cohorts") as cursor:
            assert (await cursor.fetchone())[0] == 0


async def test_sample_course_is_imported_on_first_start_only(db: Database, tmp_path: Path) -> None:
    from bot.clock import FrozenClock
    from bot.courses.bootstrap import ensure_sample_course

    clock = FrozenClock(NOW)
    summary = await ensure_sample_course(db, tmp_path / "files", clock)
    assert summary is not None and summary.lessons == 5 and summary.languages == ("kk", "ru", "en")
    assert await ensure_sample_course(db, tmp_path / "files", clock) is None
    assert await db.fetchval("SELECT COUNT(*) FROM course_versions") == 1
