"""Completion: evaluating the rules, recording the first completion once, finishing cohorts.

The rules are read from what the features already compute: homework's progress (which homework
is required and accepted), the quizzes' ``quiz_pass_mark`` standing, the surveys' "has answered"
mark. Nothing is computed twice here.

``evaluate`` is called after every event that can change a learner's standing (a curator's
decision, a finished quiz attempt, a submitted questionnaire, a cohort finished by hand). The
first time every rule is met, the completion and the message telling the learner are written in
one transaction (storage/completions.py); then the ``on_completed`` hooks run (certificates).
``notified_at`` is set only once they all ran, and the delivery tick runs them again for rows
still without it, so a hook must be idempotent (called again after a crash or its own failure).
After a start, the first ticks evaluate every active learner once more (``SWEEP_BATCH`` a tick),
for an event whose evaluation a crash cut off.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.completion.model import CohortResults, Rule, Standing
from bot.courses.schedule import homework_deadline
from bot.delivery.plan import calendar_start, course_slots
from bot.delivery.planning import CourseCache
from bot.homework.model import Progress
from bot.homework.service import HomeworkService
from bot.people.model import Cohort
from bot.quizzes.service import QuizService
from bot.surveys.model import QUESTIONNAIRE_KEY
from bot.surveys.service import SurveyService
from storage.cohorts import CohortRepository
from storage.completions import CompletionRepository
from storage.deliveries import DeliveryRepository

log = logging.getLogger(__name__)

# (cohort id, user id): called once per learner when she first completes (and again only if it
# failed, or a crash came before it was recorded as done).
CompletedHook = Callable[[int, int], Awaitable[None]]
SWEEP_BATCH = 200  # enrolments evaluated per tick by the sweep after a start


class CompletionService:
    def __init__(
        self,
        repo: CompletionRepository,
        *,
        cohorts: CohortRepository,
        deliveries: DeliveryRepository,
        courses: CourseCache,
        homework: HomeworkService,
        quizzes: QuizService,
        surveys: SurveyService,
        clock: Clock,
        finish_after: timedelta = timedelta(days=7),
        questionnaire_reminders: tuple[int, ...] = (),
        wake: Callable[[], None] | None = None,
    ) -> None:
        self.repo = repo
        self.cohorts = cohorts
        self.deliveries = deliveries
        self.courses = courses
        self.homework = homework
        self.quizzes = quizzes
        self.surveys = surveys
        self.clock = clock
        self.finish_after = finish_after
        self.questionnaire_reminders = questionnaire_reminders
        self.on_completed: list[CompletedHook] = []
        self._wake = wake  # the delivery service's: the message telling her goes out now
        self._notifying: set[tuple[int, int]] = set()
        # Enrolments left to evaluate once after the start (None: not listed yet).
        self._to_sweep: list[tuple[int, int]] | None = None

    # ------------------------------------------------------------------ a learner's standing

    async def standing(self, cohort_id: int, user_id: int, progress: Progress | None = None) -> Standing | None:
        """What is done and what is missing; None if the cohort is not there. ``progress``: the
        learner's homework progress, if the caller has it already."""
        if progress is None or progress.cohort_id != cohort_id:
            progress = await self.homework.progress(cohort_id, user_id)
        if progress is None:
            return None
        required = tuple(item.lesson_number for item in progress.homework if item.required)
        missing = tuple(item.lesson_number for item in progress.missing_homework)
        answered = progress.questionnaire_required and await self.surveys.has_answered(
            cohort_id, user_id, QUESTIONNAIRE_KEY
        )
        return Standing(
            cohort_id=cohort_id,
            user_id=user_id,
            homework_required=required,
            homework_missing=missing,
            quiz=await self.quizzes.standing(cohort_id, user_id),
            questionnaire_required=progress.questionnaire_required,
            questionnaire_answered=answered,
            completed_at=await self.repo.completed_at(cohort_id, user_id),
        )

    async def evaluate(self, cohort_id: int, user_id: int) -> Standing | None:
        """The standing after an event; records the completion the first time every rule is met.

        A course without rules completes when its cohort is finished (the learner stayed to the
        end). Only an active learner completes; a recorded completion is never taken back.
        """
        standing = await self.standing(cohort_id, user_id)
        if standing is None or standing.completed_at is not None:
            return standing
        if not standing.rules_met:
            return standing
        cohort = await self.cohorts.get(cohort_id)
        if cohort is None or await self.cohorts.enrolment_status(cohort_id, user_id) != "active":
            return standing
        if not standing.rules and cohort.status != "finished":
            return standing
        now = self.clock.now()
        if await self.repo.record(cohort_id, user_id, now):
            log.info("cohort %s: learner %s completed the course", cohort_id, user_id)
            if self._wake is not None:
                self._wake()
            await self._notify(cohort_id, user_id)
        return replace(standing, completed_at=await self.repo.completed_at(cohort_id, user_id))

    async def after_event(self, cohort_id: int, user_id: int) -> Standing | None:
        """``evaluate`` for a handler that has already done its own work: a failure is logged, not
        raised (the person's action stands; the sweep after the next start evaluates again)."""
        try:
            return await self.evaluate(cohort_id, user_id)
        except Exception:
            log.exception("evaluating the completion of %s in cohort %s failed", user_id, cohort_id)
            return None

    async def _notify(self, cohort_id: int, user_id: int) -> None:
        """Run every hook; mark the completion notified only when none failed."""
        key = (cohort_id, user_id)
        if key in self._notifying:
            return  # the tick and an event at the same moment: one of them runs the hooks
        self._notifying.add(key)
        try:
            failed = False
            for hook in self.on_completed:
                try:
                    await hook(cohort_id, user_id)
                except Exception:
                    failed = True
                    log.exception(
                        "an on_completed hook (%s) failed for cohort %s, learner %s; the next tick tries again",
                        getattr(hook, "__qualname__", hook),
                        cohort_id,
                        user_id,
                    )
            if not failed:
                await self.repo.notified(cohort_id, user_id, self.clock.now())
        finally:
            self._notifying.discard(key)

    # ------------------------------------------------------------------ at the delivery tick

    async def tick(self, now: datetime) -> None:
        """Hooks owed (a crash, a failure), the one sweep after a start, cohorts due to finish."""
        for cohort_id, user_id in await self.repo.unnotified():
            await self._notify(cohort_id, user_id)
        if self._to_sweep is None:
            self._to_sweep = await self.repo.unevaluated()
        # A few hundred per tick: a restart of a bot with thousands of learners stays responsive.
        batch, self._to_sweep = self._to_sweep[:SWEEP_BATCH], self._to_sweep[SWEEP_BATCH:]
        for cohort_id, user_id in batch:
            await self.after_event(cohort_id, user_id)
        for cohort_id in await self.repo.running_cohorts():
            try:
                cohort = await self.cohorts.get(cohort_id)
                if cohort is None:
                    continue
                last = await self.last_item(cohort)
                if last is not None and now >= last + self.finish_after:
                    await self.finish(cohort_id)
            except Exception:
                log.exception("checking whether cohort %s is over failed; the next tick tries again", cohort_id)

    async def last_item(self, cohort: Cohort) -> datetime | None:
        """The moment of the cohort's last item: a lesson, a deadline, the questionnaire and its
        reminders on the cohort's calendar (moved by pauses), or a late joiner's row still due."""
        course, _ = await self.courses.get(cohort.version_id)
        tz = ZoneInfo(cohort.timezone)
        start = calendar_start(cohort.start_date, await self.deliveries.shift_days(cohort.id))
        moments = [slot.moment for slot in course_slots(course, start, tz, self.questionnaire_reminders)]
        moments += [
            homework_deadline(start, lesson, lesson.homework, tz)
            for lesson in course.lessons
            if lesson.homework is not None
        ]
        planned = await self.repo.last_planned(cohort.id)
        if planned is not None:
            moments.append(planned)
        return max(moments, default=None)

    async def finish(self, cohort_id: int) -> bool:
        """Finish the cohort now (by hand, or at the tick): nothing more is sent to its learners
        but what is already written (a decision, a completion); reminders stop. False if it was
        finished already."""
        if not await self.repo.finish(cohort_id, self.clock.now()):
            return False
        log.info("cohort %s finished", cohort_id)
        # A course without rules completes now for everyone who stayed.
        for user_id in await self.repo.active_learners(cohort_id):
            try:
                await self.evaluate(cohort_id, user_id)
            except Exception:
                log.exception("evaluating the completion of %s in cohort %s failed", user_id, cohort_id)
        return True

    # ------------------------------------------------------------------ the organizer's results

    async def results(self, cohort_id: int) -> CohortResults | None:
        cohort = await self.cohorts.get(cohort_id)
        if cohort is None:
            return None
        learners = await self.repo.active_learners(cohort_id)
        completed = await self.repo.completed_learners(cohort_id)
        standings = [s for s in [await self.standing(cohort_id, user) for user in learners] if s is not None]
        rules: tuple[Rule, ...] = standings[0].rules if standings else await self._rules(cohort)
        return CohortResults(
            cohort_id=cohort_id,
            enrolled=len(learners),
            completed=len(completed),
            rules=tuple((rule, sum(1 for s in standings if s.met(rule))) for rule in rules),
            self_assessment=tuple(await self.surveys.self_assessment_means(cohort_id)),
            questionnaire=await self.surveys.results(cohort_id),
        )

    async def _rules(self, cohort: Cohort) -> tuple[Rule, ...]:
        """The course's rules when nobody is enrolled to read them from."""
        course, _ = await self.courses.get(cohort.version_id)
        found = []
        if course.completion.required_homework(course.lessons):
            found.append(Rule.HOMEWORK)
        if course.completion.quiz_pass_mark is not None and any(lesson.quiz for lesson in course.lessons):
            found.append(Rule.QUIZZES)
        if course.completion.questionnaire and course.questionnaire is not None:
            found.append(Rule.QUESTIONNAIRE)
        return tuple(found)
