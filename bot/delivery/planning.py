"""Planning: turn a cohort's course into delivery rows for its learners, and move them when the
cohort is paused and resumed or a learner comes back after blocking the bot.

A plan is computed once per cohort and moment (:mod:`bot.delivery.plan`) and written
for all learners in one transaction, so planning 10,000 learners is one ``executemany``.
Planning again is harmless: the rows' unique key makes repeats no-ops.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.courses.codec import course_from_json
from bot.courses.model import Course
from bot.delivery.model import Changes, PendingRow, PlannedRow
from bot.delivery.plan import arrange, calendar_start, catch_up, course_slots, shift_calendar, shift_days_needed
from bot.delivery.quiet_hours import QuietHours
from bot.people.model import Cohort
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository
from storage.db import Database
from storage.deliveries import DeliveryRepository

log = logging.getLogger(__name__)


class ResumeMode(StrEnum):
    SHIFT = "shift"  # the calendar moves by the days lost; nothing is sent twice as fast
    SEND_MISSED = "missed"  # what fell in the pause goes now, spaced out; the calendar stays


@dataclass(frozen=True)
class ResumeResult:
    shift_days: int  # days the calendar moved (0 for SEND_MISSED, or if nothing was missed)
    moved: int  # rows planned anew
    cancelled: int  # reminders whose deadline passed meanwhile


class CourseCache:
    """Parsed course versions: a version never changes, so each is read and parsed once."""

    def __init__(self, courses: CourseRepository, size: int = 16) -> None:
        self._courses = courses
        self._size = size
        self._cache: dict[int, tuple[Course, str]] = {}

    async def get(self, version_id: int) -> tuple[Course, str]:
        """The course and its files folder."""
        found = self._cache.get(version_id)
        if found is None:
            version = await self._courses.get_version_by_id(version_id)
            if version is None:
                raise LookupError(f"course version {version_id} does not exist")
            found = (course_from_json(version.content), version.files_dir)
            if len(self._cache) >= self._size:
                self._cache.pop(next(iter(self._cache)))
            self._cache[version_id] = found
        return found


class Planner:
    def __init__(self, db: Database, settings: Settings, courses: CourseCache | None = None) -> None:
        self.repo = DeliveryRepository(db)
        self.cohorts = CohortRepository(db)
        self.courses = courses or CourseCache(CourseRepository(db))
        self.quiet = QuietHours.parse(settings.quiet_hours)
        self.catch_up_interval = timedelta(minutes=settings.catch_up_minutes)
        self.questionnaire_reminders = settings.questionnaire_reminders

    async def template(self, cohort: Cohort, now: datetime) -> list[PlannedRow]:
        """The rows every learner planned at ``now`` gets."""
        course, _ = await self.courses.get(cohort.version_id)
        tz = ZoneInfo(cohort.timezone)
        start = calendar_start(cohort.start_date, await self.repo.shift_days(cohort.id))
        slots = course_slots(course, start, tz, self.questionnaire_reminders)
        return arrange(slots, now, quiet=self.quiet, tz=tz, catch_up=self.catch_up_interval)

    async def plan_cohort(self, cohort_id: int, now: datetime, user_ids: Sequence[int] | None = None) -> int:
        """Plan every active learner of the cohort not planned yet (or only ``user_ids``).

        Returns the number of rows written.
        """
        cohort = await self.cohorts.get(cohort_id)
        if cohort is None or cohort.status == "finished":
            return 0
        learners = await self.repo.learners_to_plan(cohort_id, user_ids)
        if not learners:
            return 0
        rows = await self.template(cohort, now)
        written = await self.repo.save_plan(cohort_id, rows, learners, now)
        log.info("planned cohort %s: %d learner(s), %d row(s)", cohort_id, len(learners), written)
        return written

    async def plan_learner(self, cohort_id: int, user_id: int, now: datetime) -> int:
        return await self.plan_cohort(cohort_id, now, [user_id])

    async def plan_pending(self, now: datetime) -> int:
        """Plan every enrolment that has no plan yet: a safety net for a learner whose join was
        not followed by planning (a crash in between, a cohort opened while the bot was down)."""
        written = 0
        for cohort_id in await self.repo.cohorts_to_plan():
            written += await self.plan_cohort(cohort_id, now)
        return written

    async def pause(self, cohort_id: int, now: datetime) -> bool:
        return await self.repo.pause(cohort_id, now)

    async def resume(self, cohort_id: int, mode: ResumeMode, now: datetime) -> ResumeResult | None:
        """Reactivate a paused cohort. None: it was not paused."""
        cohort = await self.cohorts.get(cohort_id)
        if cohort is None:
            return None
        tz = ZoneInfo(cohort.timezone)

        def decide(paused_at: datetime, rows: list[PendingRow]) -> Changes:
            if mode is ResumeMode.SHIFT:
                # Rows due before the pause were being sent when it came: they simply go now.
                # The calendar from the pause on moves by the days needed to miss nothing.
                ahead = [row for row in rows if row.due_at >= paused_at]
                days = shift_days_needed([row.due_at for row in ahead if row.due_at < now], now, tz)
                return shift_calendar(ahead, days, tz) if days else Changes()
            overdue = [row for row in rows if row.due_at < now]
            return catch_up(overdue, now, quiet=self.quiet, tz_of={cohort_id: tz}, interval=self.catch_up_interval)

        changes = await self.repo.resume(cohort_id, now, decide)
        if changes is None:
            return None
        log.info(
            "cohort %s resumed (%s): calendar +%d day(s), %d row(s) moved",
            cohort_id,
            mode.value,
            changes.shift_days,
            len(changes.moves),
        )
        return ResumeResult(changes.shift_days, len(changes.moves), len(changes.cancels))

    async def learner_back(self, user_id: int, now: datetime) -> int:
        """The learner unblocked the bot: what could not reach them is planned again from now.

        Returns the number of rows planned again.
        """
        zones: dict[int, ZoneInfo] = {}
        for cohort in await self.cohorts.of_learner(user_id):
            zones[cohort.id] = ZoneInfo(cohort.timezone)

        def decide(rows: list[PendingRow]) -> Changes:
            known = [row for row in rows if row.cohort_id in zones]
            return catch_up(known, now, quiet=self.quiet, tz_of=zones, interval=self.catch_up_interval)

        changes = await self.repo.replan_unreachable(user_id, now, decide)
        return len(changes.moves)
