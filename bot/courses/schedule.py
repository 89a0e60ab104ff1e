"""When things happen for a cohort: course days and local times turned into moments.

Day 1 is the cohort's start date. Times in a course are local to the cohort's time zone, so a
lesson at "10:00" comes at 10:00 in Almaty for a cohort in Asia/Almaty and at 10:00 in
Tashkent for one there. A deadline given in hours after release is counted in real hours.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.courses.model import DeadlineAfter, Homework, Lesson, Questionnaire

DEFAULT_TIMEZONE = "Asia/Almaty"


def course_moment(start: date, day: int, at: time, tz: ZoneInfo) -> datetime:
    """The aware local moment of ``at`` on course day ``day`` (1 = ``start``)."""
    return datetime.combine(start + timedelta(days=day - 1), at, tzinfo=tz)


def lesson_release(start: date, lesson: Lesson, tz: ZoneInfo) -> datetime:
    return course_moment(start, lesson.day, lesson.time, tz)


def homework_deadline(start: date, lesson: Lesson, homework: Homework, tz: ZoneInfo) -> datetime:
    deadline = homework.deadline
    if isinstance(deadline, DeadlineAfter):
        released = lesson_release(start, lesson, tz).astimezone(UTC)
        return (released + timedelta(hours=deadline.hours)).astimezone(tz)
    return course_moment(start, deadline.day, deadline.time, tz)


def reminder_moments(
    start: date, lesson: Lesson, homework: Homework, reminders: tuple[int, ...], tz: ZoneInfo
) -> list[datetime]:
    """When the reminders for ``homework`` go out: only those after the lesson's release."""
    released = lesson_release(start, lesson, tz)
    due = homework_deadline(start, lesson, homework, tz).astimezone(UTC)
    moments = [(due - timedelta(hours=hours)).astimezone(tz) for hours in reminders]
    return sorted(moment for moment in moments if moment > released)


def questionnaire_release(start: date, questionnaire: Questionnaire, tz: ZoneInfo) -> datetime:
    return course_moment(start, questionnaire.day, questionnaire.time, tz)
