"""What a learner who has just joined is told about when their lessons come.

A learner who joins on time waits for lesson 1 on the cohort's calendar. A late joiner gets the
lessons already released one by one from now (see ``schedule_plan.arrange``), so "first lesson:
<the next date on the calendar>" would be wrong for them: their first lesson is coming now, or
in the morning if they joined at night. The plan in the database says exactly when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.courses.catalog import next_lesson, released_lessons
from bot.courses.model import Course
from bot.people.model import Cohort
from storage.deliveries import DeliveryRepository

# A first lesson due within this is announced as coming "now".
NOW_SLACK = timedelta(minutes=1)


@dataclass(frozen=True)
class JoinSchedule:
    given: int  # lessons the cohort's calendar had released before the learner joined
    first: datetime | None  # when the learner's first lesson goes out (None: nothing planned yet)
    first_is_now: bool
    next_new: datetime | None  # the cohort's next lesson not released yet (None: all are out)

    @property
    def late(self) -> bool:
        return self.given > 0


async def join_schedule(
    repo: DeliveryRepository, course: Course, cohort: Cohort, user_id: int, now: datetime
) -> JoinSchedule:
    shift = await repo.shift_days(cohort.id)
    given = len(released_lessons(course, cohort, now, shift))
    coming = next_lesson(course, cohort, now, shift)
    first = await repo.first_lesson_due(cohort.id, user_id)
    if first is None and coming is not None:
        first = coming.at  # not planned yet (the tick will): the calendar's date holds
    return JoinSchedule(
        given=given,
        first=first,
        first_is_now=first is not None and first <= now + NOW_SLACK,
        next_new=coming.at if coming else None,
    )
