"""The organizer's view of a cohort's deliveries: per lesson, how many are planned, sent,
unreachable and failed; and who could not be reached, so someone can phone them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.courses.model import Course
from bot.courses.schedule import lesson_release, questionnaire_release
from bot.delivery.model import (
    CANCELLED,
    FAILED,
    LESSON,
    PLANNED,
    QUESTIONNAIRE,
    SENDING,
    SENT,
    UNREACHABLE,
    LearnerIssue,
    StateCount,
)
from bot.delivery.plan import calendar_start
from bot.delivery.planning import CourseCache
from bot.people.model import Cohort
from storage.deliveries import DeliveryRepository


@dataclass(frozen=True)
class Tally:
    planned: int = 0  # planned or being sent right now
    sent: int = 0
    unreachable: int = 0
    failed: int = 0
    cancelled: int = 0

    @classmethod
    def of(cls, counts: Counter[str]) -> Tally:
        return cls(
            counts[PLANNED] + counts[SENDING], counts[SENT], counts[UNREACHABLE], counts[FAILED], counts[CANCELLED]
        )


@dataclass(frozen=True)
class ItemLine:
    key: str  # "L3" or "Q"
    number: int | None  # the lesson's number; None for the questionnaire
    title: str
    released: datetime  # the cohort's calendar moment (UTC)
    tally: Tally  # the lesson's materials, or the questionnaire invitation
    homework: Tally | None = None  # the lesson's homework prompt, if it has one
    reminders: Tally | None = None


@dataclass(frozen=True)
class CohortReport:
    cohort: Cohort
    course: Course
    lines: list[ItemLine]
    unreachable: list[LearnerIssue]


async def cohort_report(repo: DeliveryRepository, courses: CourseCache, cohort: Cohort, language: str) -> CohortReport:
    course, _ = await courses.get(cohort.version_id)
    tz = ZoneInfo(cohort.timezone)
    start = calendar_start(cohort.start_date, await repo.shift_days(cohort.id))
    by_item: dict[tuple[str, str], Counter[str]] = {}
    for row in await repo.counts(cohort.id):
        _add(by_item, row)
    lines = []
    for lesson in course.lessons:
        hw = lesson.homework
        lines.append(
            ItemLine(
                key=lesson.key,
                number=lesson.number,
                title=course.text(lesson.title, language),
                released=lesson_release(start, lesson, tz),
                tally=Tally.of(by_item.get((lesson.key, LESSON), Counter())),
                homework=Tally.of(by_item.get((hw.key, "homework"), Counter())) if hw else None,
                reminders=Tally.of(by_item.get((hw.key, "reminder"), Counter())) if hw else None,
            )
        )
    if course.questionnaire is not None:
        q = course.questionnaire
        lines.append(
            ItemLine(
                key=q.key,
                number=None,
                title="",
                released=questionnaire_release(start, q, tz),
                tally=Tally.of(by_item.get((q.key, QUESTIONNAIRE), Counter())),
                reminders=Tally.of(by_item.get((q.key, "questionnaire-reminder"), Counter())),
            )
        )
    return CohortReport(cohort, course, lines, await repo.unreachable_learners(cohort.id))


def _add(by_item: dict[tuple[str, str], Counter[str]], row: StateCount) -> None:
    by_item.setdefault((row.item_key, row.kind), Counter())[row.state] += row.count
