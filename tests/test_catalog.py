"""What a learner is told comes next, in the cohort's time zone and calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from bot import PROJECT_ROOT
from bot.courses.catalog import course_for_version, next_lesson
from bot.courses.importing import import_course
from bot.people.model import NewCohort
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository
from storage.db import Database


async def test_next_lesson_follows_the_local_calendar_and_its_shift(db: Database, tmp_path: Path) -> None:
    await import_course(db, PROJECT_ROOT / "courses" / "sample", tmp_path / "files")
    courses = CourseRepository(db)
    version = (await courses.latest_versions())[0]
    cohorts = CohortRepository(db)
    cohort_id = await cohorts.create(
        NewCohort(
            course_id=version.course_id,
            version_id=version.id,
            name="G",
            start_date=date(2026, 4, 15),
            timezone="Asia/Almaty",
            enrol_until=None,
            capacity=None,
            invite_code="zzzzzzzz",
            created_by=1,
        ),
        datetime(2026, 4, 1, tzinfo=UTC),
    )
    cohort = await cohorts.get(cohort_id)
    course = await course_for_version(courses, version.id)
    first = course.lessons[0]
    before = next_lesson(course, cohort, datetime(2026, 4, 1, tzinfo=UTC))
    assert before.number == 1
    # Day 1 at the lesson's local time in Almaty (UTC+5).
    assert before.at.date() == date(2026, 4, 15) and before.at.time() == first.time
    assert before.at.utcoffset().total_seconds() == 5 * 3600
    shifted = next_lesson(course, cohort, datetime(2026, 4, 1, tzinfo=UTC), shift_days=3)
    assert shifted.at.date() == date(2026, 4, 18)
    after_first = next_lesson(course, cohort, before.at)
    assert after_first.number == 2
    assert next_lesson(course, cohort, datetime(2027, 1, 1, tzinfo=UTC)) is None
