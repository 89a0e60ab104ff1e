"""Planning with a frozen clock: the calendar, quiet hours, late joiners, pause and resume,
deadlines across midnight and across time zones. Against a real SQLite file."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import aiosqlite
import pytest

from bot.clock import FrozenClock, from_db
from bot.config import Settings
from bot.delivery.plan import shift_days_needed
from bot.delivery.planning import Planner, ResumeMode
from bot.delivery.quiet_hours import QuietHours, place_reminder
from storage.db import Database
from storage.deliveries import DeliveryRepository
from storage.migrations import migrate
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort, write_course

ALMATY = ZoneInfo("Asia/Almaty")
QUIET = QuietHours(time(22, 0), time(8, 0))


def local(day: int, hour: int, minute: int = 0, tz: ZoneInfo = ALMATY) -> datetime:
    """Course day ``day`` of a cohort starting 15 April 2026, at a local time, as UTC."""
    return datetime.combine(date(2026, 4, 14 + day), time(hour, minute), tzinfo=tz).astimezone(UTC)


async def plan_of(db: Database, user_id: int) -> dict[tuple[str, str, str], datetime]:
    rows = await db.fetchall(
        "SELECT item_key, kind, variant, due_at FROM deliveries WHERE user_id = ? AND state = 'planned'",
        (user_id,),
    )
    return {(r["item_key"], r["kind"], r["variant"]): from_db(r["due_at"]) for r in rows}


@pytest.fixture
async def sample(db: Database, tmp_path: Path, clock: FrozenClock) -> int:
    """The sample course, a cohort starting 15 April 2026 in Almaty, two learners."""
    version = await import_version(db, SAMPLE, tmp_path / "files")
    cohort = await make_cohort(db, version, date(2026, 4, 15), clock.now())
    await add_learners(db, cohort, [101, 102], clock.now())
    return cohort


# ---------------------------------------------------------------------------- quiet hours


def test_quiet_hours_wrap_over_midnight() -> None:
    assert QuietHours.parse("22:00-08:00") == QUIET
    assert QuietHours.parse("") is None and QuietHours.parse("off") is None
    with pytest.raises(ValueError):
        QuietHours.parse("22-8")
    assert QUIET.contains(local(1, 23), ALMATY) and QUIET.contains(local(1, 7, 59), ALMATY)
    assert not QUIET.contains(local(1, 8), ALMATY) and not QUIET.contains(local(1, 21, 59), ALMATY)
    assert QUIET.end_of(local(1, 23), ALMATY) == local(2, 8)
    assert QUIET.end_of(local(2, 3), ALMATY) == local(2, 8)
    assert QUIET.start_of(local(2, 3), ALMATY) == local(1, 22)


def test_quiet_hours_are_local_to_the_cohort() -> None:
    moscow = ZoneInfo("Europe/Moscow")  # two hours behind Almaty
    moment = local(1, 23)  # 23:00 in Almaty is 21:00 in Moscow
    assert QUIET.contains(moment, ALMATY) and not QUIET.contains(moment, moscow)


def test_a_reminder_in_the_night_waits_for_the_morning_or_comes_the_evening_before() -> None:
    release = local(1, 10)
    # Deadline 09:00: the 2 h reminder (07:00) waits until 08:00, still before the deadline.
    assert place_reminder(local(3, 7), local(3, 9), release, QUIET, ALMATY) == local(3, 8)
    # Deadline 07:30: the morning is too late; it comes at 21:59 the evening before.
    assert place_reminder(local(3, 5, 30), local(3, 7, 30), release, QUIET, ALMATY) == local(2, 21, 59)
    # ... unless that evening is before the task itself: then there is no good moment.
    assert place_reminder(local(2, 5), local(2, 7), local(1, 23), QUIET, ALMATY) is None
    assert place_reminder(local(2, 15), local(2, 17), release, None, ALMATY) == local(2, 15)


def test_shift_needs_the_fewest_whole_days() -> None:
    now = local(5, 9)
    assert shift_days_needed([], now, ALMATY) == 0
    assert shift_days_needed([local(3, 10)], now, ALMATY) == 2  # day 5 10:00 is after now
    assert shift_days_needed([local(3, 8)], now, ALMATY) == 3  # day 5 08:00 would be past


# ---------------------------------------------------------------------------- the plan


async def test_a_cohort_is_planned_once_on_its_calendar(
    db: Database, settings: Settings, clock: FrozenClock, sample: int
) -> None:
    planner = Planner(db, settings)
    written = await planner.plan_cohort(sample, clock.now())
    plan = await plan_of(db, 101)
    assert written == 2 * len(plan) == 40  # 5 lessons, 4 homework with 2 reminders each, Q + 2
    assert plan[("L1", "lesson", "")] == local(1, 10)
    assert plan[("L1.hw", "homework", "")] == local(1, 10)
    assert plan[("L1.hw", "reminder", "24")] == local(2, 9)  # deadline day 3 09:00
    assert plan[("L1.hw", "reminder", "2")] == local(3, 8)  # 07:00 is quiet: the morning
    assert plan[("L2.hw", "reminder", "2")] == local(5, 8)  # 48 h after release, 2 h before
    assert plan[("Q", "questionnaire", "")] == local(10, 12)
    assert plan[("Q", "questionnaire-reminder", "72")] == local(13, 12)
    assert ("L4.quiz", "lesson", "") not in plan  # quizzes are sent by the quiz feature
    # Planning again, or planning the same learner, writes nothing.
    assert await planner.plan_cohort(sample, clock.now()) == 0
    assert await planner.plan_learner(sample, 101, clock.now()) == 0
    assert await db.fetchval("SELECT COUNT(*) FROM deliveries") == 40


async def test_a_late_joiner_gets_released_lessons_spaced_out(
    db: Database, settings: Settings, clock: FrozenClock, sample: int
) -> None:
    planner = Planner(db, settings)
    await planner.plan_cohort(sample, clock.now())
    clock.set(local(5, 12))  # day 5, 12:00: lessons 1, 2 and 3 are out
    await add_learners(db, sample, [103], clock.now())
    assert await planner.plan_pending(clock.now()) > 0
    plan = await plan_of(db, 103)
    assert plan[("L1", "lesson", "")] == plan[("L1.hw", "homework", "")] == local(5, 12)
    assert plan[("L2", "lesson", "")] == local(5, 12, 30)
    assert plan[("L3", "lesson", "")] == local(5, 13)
    assert plan[("L4", "lesson", "")] == local(7, 10)  # on the calendar again
    # Reminders whose moment has passed are not planned; those still ahead are.
    assert ("L1.hw", "reminder", "2") not in plan and ("L2.hw", "reminder", "24") not in plan
    assert plan[("L3.hw", "reminder", "24")] == local(6, 9)


async def test_a_late_joiner_in_the_evening_gets_the_rest_in_the_morning(
    db: Database, settings: Settings, clock: FrozenClock, sample: int
) -> None:
    clock.set(local(5, 21, 15))
    planner = Planner(db, settings)
    await planner.plan_cohort(sample, clock.now())
    plan = await plan_of(db, 101)
    assert plan[("L1", "lesson", "")] == local(5, 21, 15)
    assert plan[("L2", "lesson", "")] == local(5, 21, 45)
    assert plan[("L3", "lesson", "")] == local(6, 8)  # 22:15 is quiet: the next morning
    assert plan[("L4", "lesson", "")] == local(7, 10)


async def test_quiet_hours_move_a_late_lesson_and_its_reminders(
    db: Database, settings: Settings, clock: FrozenClock, tmp_path: Path
) -> None:
    course = write_course(
        tmp_path / "night",
        """
        code: night-course
        languages: [ru]
        title: Ночной курс
        hours: 2
        reminders: [24, 2]
        lessons:
          - day: 1
            time: "23:00"
            title: Поздний урок
            materials:
              - text: Текст урока.
            homework:
              prompt: Задание.
              deadline: {day: 3, time: "00:30"}
          - day: 3
            time: "20:00"
            title: Вечерний урок
            materials:
              - text: Второй урок.
            homework:
              prompt: Ещё задание.
              deadline: {hours_after_release: 6}
    """,
    )
    version = await import_version(db, course, tmp_path / "files")
    for zone, user in (("Asia/Almaty", 201), ("Europe/Moscow", 202)):
        cohort = await make_cohort(db, version, date(2026, 4, 15), clock.now(), timezone=zone)
        await add_learners(db, cohort, [user], clock.now())
        await Planner(db, settings).plan_cohort(cohort, clock.now())
    for user, tz in ((201, ALMATY), (202, ZoneInfo("Europe/Moscow"))):
        plan = await plan_of(db, user)
        # The 23:00 lesson waits until 08:00; its homework prompt travels with it.
        assert plan[("L1", "lesson", "")] == plan[("L1.hw", "homework", "")] == local(2, 8, tz=tz)
        # Deadline after midnight (day 3, 00:30). 24 h before is 00:30 on day 2, quiet: the
        # morning would be the moment the task itself arrives, so there is no reminder. 2 h
        # before is 22:30, quiet, and the morning is too late: it comes at 21:59.
        assert ("L1.hw", "reminder", "24") not in plan
        assert plan[("L1.hw", "reminder", "2")] == local(2, 21, 59, tz=tz)
        # 20:00 + 6 h = 02:00 of day 4, across midnight; 2 h before is midnight, so 21:59.
        assert plan[("L2.hw", "reminder", "2")] == local(3, 21, 59, tz=tz)
        assert ("L2.hw", "reminder", "24") not in plan  # it would come before the lesson
    # The same local times are two hours apart in UTC.
    almaty, moscow = await plan_of(db, 201), await plan_of(db, 202)
    assert moscow[("L1", "lesson", "")] - almaty[("L1", "lesson", "")] == timedelta(hours=2)


async def test_quiet_hours_can_be_switched_off(db: Database, tmp_path: Path, clock: FrozenClock, sample: int) -> None:
    settings = Settings(_env_file=None, database_path=tmp_path / "x.sqlite3", quiet_hours="off")
    await Planner(db, settings).plan_cohort(sample, clock.now())
    assert (await plan_of(db, 101))[("L1.hw", "reminder", "2")] == local(3, 7)


async def test_a_cohort_in_a_zone_with_summer_time_keeps_local_times(
    db: Database, settings: Settings, clock: FrozenClock, tmp_path: Path
) -> None:
    version = await import_version(db, SAMPLE, tmp_path / "files")
    berlin = ZoneInfo("Europe/Berlin")  # summer time from 29 March 2026
    cohort = await make_cohort(db, version, date(2026, 3, 26), clock.now(), timezone="Europe/Berlin")
    await add_learners(db, cohort, [301], clock.now())
    clock.set(datetime(2026, 3, 20, tzinfo=UTC))
    await Planner(db, settings).plan_cohort(cohort, clock.now())
    plan = await plan_of(db, 301)
    assert plan[("L1", "lesson", "")] == datetime(2026, 3, 26, 9, 0, tzinfo=UTC)  # 10:00 CET
    assert plan[("L3", "lesson", "")] == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)  # 10:00 CEST
    assert plan[("L1", "lesson", "")].astimezone(berlin).hour == 10


# ---------------------------------------------------------------------------- pause and resume


async def test_pause_then_resume_shifting_the_calendar(
    db: Database, settings: Settings, clock: FrozenClock, sample: int
) -> None:
    planner = Planner(db, settings)
    await planner.plan_cohort(sample, clock.now())
    clock.set(local(2, 12))
    assert await planner.pause(sample, clock.now())
    assert not await planner.pause(sample, clock.now())
    clock.set(local(5, 9))  # lesson 2 (day 3) and the day-3 reminder fell in the pause
    result = await planner.resume(sample, ResumeMode.SHIFT, clock.now())
    assert result is not None and result.shift_days == 3  # 08:00 on day 5 would be past
    plan = await plan_of(db, 101)
    assert plan[("L1.hw", "reminder", "2")] == local(6, 8)
    assert plan[("L2", "lesson", "")] == local(6, 10)
    assert plan[("Q", "questionnaire", "")] == local(13, 12)
    # Deadlines moved too: the reminder's deadline is three days later.
    expires = await db.fetchval(
        "SELECT expires_at FROM deliveries WHERE user_id = 101 AND item_key = 'L1.hw' AND variant = '2'"
    )
    assert from_db(expires) == local(6, 9)
    assert await DeliveryRepository(db).shift_days(sample) == 3
    assert await db.fetchval("SELECT status FROM cohorts WHERE id = ?", (sample,)) == "active"
    assert await planner.resume(sample, ResumeMode.SHIFT, clock.now()) is None  # not paused
    # A learner who joins now is planned on the shifted calendar.
    await add_learners(db, sample, [104], clock.now())
    await planner.plan_pending(clock.now())
    assert (await plan_of(db, 104))[("L2", "lesson", "")] == local(6, 10)


async def test_pause_then_resume_sending_what_was_missed(
    db: Database, settings: Settings, clock: FrozenClock, sample: int
) -> None:
    planner = Planner(db, settings)
    await planner.plan_cohort(sample, clock.now())
    clock.set(local(2, 12))
    await db.execute("UPDATE deliveries SET state = 'sent' WHERE due_at <= ?", ("2026-04-16T07:00:00Z",))
    await planner.pause(sample, clock.now())
    clock.set(local(6, 12))  # lessons 2 and 3 (days 3 and 5) fell in the pause
    result = await planner.resume(sample, ResumeMode.SEND_MISSED, clock.now())
    assert result is not None and result.shift_days == 0
    plan = await plan_of(db, 101)
    assert plan[("L2", "lesson", "")] == plan[("L2.hw", "homework", "")] == local(6, 12)
    assert plan[("L3", "lesson", "")] == local(6, 12, 30)
    assert plan[("L4", "lesson", "")] == local(7, 10)  # the calendar did not move
    assert plan[("L3.hw", "reminder", "24")] == local(6, 12, 30)  # deadline day 7: still useful
    cancelled = await db.fetchall(
        "SELECT item_key, variant, reason FROM deliveries "
        "WHERE user_id = 101 AND state = 'cancelled' ORDER BY item_key, variant"
    )
    # Their deadline passed during the pause.
    assert [tuple(r) for r in cancelled] == [
        ("L1.hw", "2", "expired"),
        ("L2.hw", "2", "expired"),
        ("L2.hw", "24", "expired"),
    ]


async def test_leaving_cancels_and_rejoining_plans_again(
    db: Database, settings: Settings, clock: FrozenClock, sample: int
) -> None:
    planner = Planner(db, settings)
    repo = DeliveryRepository(db)
    await planner.plan_cohort(sample, clock.now())
    await db.execute("UPDATE enrolments SET status = 'left' WHERE user_id = 102")
    assert await repo.sweep_ended(clock.now()) == 20
    clock.set(local(4, 12))
    await db.execute(
        "UPDATE enrolments SET status = 'active', enrolled_at = '2026-04-18T07:00:00Z' WHERE user_id = 102"
    )
    await planner.plan_pending(clock.now())
    plan = await plan_of(db, 102)
    assert plan[("L1", "lesson", "")] == local(4, 12)  # missed: spaced from now
    assert plan[("L2", "lesson", "")] == local(4, 12, 30)
    assert plan[("L3", "lesson", "")] == local(5, 10)


async def test_migration_5_keeps_users_and_cohorts_from_version_4(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite3"
    async with aiosqlite.connect(path, isolation_level=None) as conn:
        assert await migrate(conn, target=4) == 4
        await conn.execute(
            "INSERT INTO users (telegram_id, language, full_name, created_at, updated_at)"
            " VALUES (7, 'kk', 'Айгүл', 'x', 'x')"
        )
        await conn.execute("INSERT INTO courses (id, code, created_at) VALUES (1, 'c', 'x')")
        await conn.execute(
            "INSERT INTO course_versions (id, course_id, version, content_hash, content,"
            " source_path, files_dir, imported_at) VALUES (1, 1, 1, 'h', '{}', 's', 'f', 'x')"
        )
        await conn.execute(
            "INSERT INTO cohorts (id, course_id, version_id, name, start_date, timezone,"
            " invite_code, created_by, created_at) VALUES (1, 1, 1, 'n', '2026-04-15',"
            " 'Asia/Almaty', 'code', 7, 'x')"
        )
        await conn.execute("INSERT INTO enrolments (cohort_id, user_id, enrolled_at) VALUES (1, 7, 'x')")
        assert await migrate(conn, target=5) == 5
        async with conn.execute("SELECT full_name, blocked_at FROM users") as cursor:
            assert tuple(await cursor.fetchone()) == ("Айгүл", None)
        async with conn.execute("SELECT COUNT(*) FROM enrolments JOIN cohorts") as cursor:
            assert (await cursor.fetchone())[0] == 1
        async with conn.execute("SELECT COUNT(*) FROM deliveries") as cursor:
            assert (await cursor.fetchone())[0] == 0
