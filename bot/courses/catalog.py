"""Courses as people see them: titles and what comes next, in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.courses.codec import course_from_json
from bot.courses.model import Course, Lesson
from bot.courses.schedule import lesson_release
from bot.people.model import Cohort
from storage.courses import CourseRepository


@lru_cache(maxsize=64)
def _parse(content: str) -> Course:
    # Versions never change once imported, so their parsed form can be kept.
    return course_from_json(content)


async def course_for_version(courses: CourseRepository, version_id: int) -> Course:
    version = await courses.get_version_by_id(version_id)
    if version is None:
        raise LookupError(f"course version {version_id} is missing")
    return _parse(version.content)


@dataclass(frozen=True)
class NextLesson:
    number: int
    lesson: Lesson
    at: datetime  # aware, in the cohort's time zone


def next_lesson(course: Course, cohort: Cohort, now: datetime, shift_days: int = 0) -> NextLesson | None:
    """The first lesson not yet released for this cohort, or None when all are out.

    ``shift_days`` is how far the calendar moved when a paused cohort was resumed with a shift.
    """
    tz = ZoneInfo(cohort.timezone)
    start = cohort.start_date + timedelta(days=shift_days)
    for number, lesson in enumerate(course.lessons, start=1):
        at = lesson_release(start, lesson, tz)
        if at > now:
            return NextLesson(number, lesson, at)
    return None


def released_lessons(course: Course, cohort: Cohort, now: datetime, shift_days: int = 0) -> list[tuple[int, Lesson]]:
    """(number, lesson) of every lesson the cohort's calendar has released by ``now``."""
    coming = next_lesson(course, cohort, now, shift_days)
    last = coming.number - 1 if coming else len(course.lessons)
    return list(enumerate(course.lessons[:last], start=1))


async def course_title(courses: CourseRepository, version_id: int, language: str) -> str | None:
    """The course's title in ``language`` (or its fallback); None if the version is gone."""
    try:
        course = await course_for_version(courses, version_id)
    except LookupError:
        return None
    return course.text(course.title, language)
