"""Filling in the questionnaire and the self-assessment, step by step, and what comes of them.

Every answer is written to the person's draft at once (a restart or a pause of days loses
nothing; the Fill in button goes on where they stopped). Send writes everything in one
transaction: the response, the "has answered" mark, the self-assessment, and the draft's deletion.
An anonymous response keeps no user id, no enrolment and only the date (storage/surveys.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from bot.broadcasts.model import FilterChoice, LearnerFilter
from bot.clock import Clock
from bot.courses.model import SCALE_POINTS, Course
from bot.delivery.planning import CourseCache
from bot.people.model import Cohort, LearnerListener
from bot.surveys.model import (
    QUESTIONNAIRE_KEY,
    STATEMENT_PREFIX,
    Answer,
    BeforeAfter,
    Change,
    Draft,
    Form,
    ItemResult,
    QuestionnaireResults,
    StatementMeans,
    Step,
    statement_steps,
    steps_of,
)
from storage.cohorts import CohortRepository
from storage.surveys import SurveyRepository

QUESTIONNAIRE_FILTER = "questionnaire"  # the broadcast filter's key (its one value: the questionnaire)


class Status(StrEnum):
    OK = "ok"
    ANSWERED = "answered"  # submitted before: nothing to fill in
    NOT_ENROLLED = "not-enrolled"  # not (or no longer) a learner of the cohort
    NO_FORM = "no-form"  # the course has no such form
    STALE = "stale"  # a button of an earlier step, or of a form already sent
    INVALID = "invalid"  # not an answer to this step (a forged button, an empty multiple choice)
    INCOMPLETE = "incomplete"  # Send before every required item was answered


@dataclass
class Session:
    """A form in progress: what the screen shows comes from here."""

    course: Course
    cohort: Cohort
    steps: tuple[Step, ...]
    draft: Draft

    @property
    def step(self) -> Step | None:
        """The step shown, or None on the check screen."""
        return self.steps[self.draft.position] if self.draft.position < len(self.steps) else None

    @property
    def anonymous(self) -> bool:
        return self.draft.form is Form.QUESTIONNAIRE and bool(
            self.course.questionnaire and self.course.questionnaire.anonymous
        )

    def missing(self) -> list[int]:
        """Positions (0-based) of required steps without an answer."""
        return [
            index
            for index, step in enumerate(self.steps)
            if step.required and self.draft.answers.get(step.id) in (None, [])
        ]


@dataclass(frozen=True)
class Result:
    status: Status
    session: Session | None = None
    before_after: BeforeAfter | None = None  # after a questionnaire sent with a self-assessment


class SurveyService:
    def __init__(self, repo: SurveyRepository, cohorts: CohortRepository, courses: CourseCache, clock: Clock) -> None:
        self.repo = repo
        self.cohorts = cohorts
        self.courses = courses
        self.clock = clock
        self.answered: list[LearnerListener] = []  # after a questionnaire is sent (completion listens)

    async def _course(self, cohort: Cohort) -> Course:
        course, _ = await self.courses.get(cohort.version_id)
        return course

    # ------------------------------------------------------------------ filling in

    async def open(self, cohort_id: int, user_id: int, form: Form) -> Result:
        """Start the form, or go on where the person stopped."""
        found = await self._session(cohort_id, user_id, form, create=True)
        if isinstance(found, Status):
            return Result(found)
        return Result(Status.OK, found)

    async def answer(self, cohort_id: int, user_id: int, form: Form, position: int, value: Answer) -> Result:
        """A scale point, an option (single choice) or a typed text for the step at ``position``."""
        return await self._change(cohort_id, user_id, form, position, lambda s, step: self._set(s, step, value))

    async def toggle(self, cohort_id: int, user_id: int, form: Form, position: int, option: int) -> Result:
        """A multiple-choice option on or off; the step stays until Done."""

        def toggle(session: Session, step: Step) -> Status:
            if step.kind != "multiple" or not 0 <= option < len(step.options):
                return Status.INVALID
            chosen = session.draft.answers.get(step.id)
            chosen = list(chosen) if isinstance(chosen, list) else []
            if option in chosen:
                chosen.remove(option)
            else:
                chosen.append(option)
            session.draft.answers[step.id] = sorted(chosen)
            return Status.OK

        return await self._change(cohort_id, user_id, form, position, toggle)

    async def done(self, cohort_id: int, user_id: int, form: Form, position: int) -> Result:
        """Done with a multiple choice: at least one option if the item is required."""

        def done(session: Session, step: Step) -> Status:
            chosen = session.draft.answers.get(step.id)
            chosen = chosen if isinstance(chosen, list) else []
            if step.kind != "multiple" or not step.accepts(chosen):
                return Status.INVALID
            session.draft.answers[step.id] = chosen if chosen else None
            session.draft.position += 1
            return Status.OK

        return await self._change(cohort_id, user_id, form, position, done)

    async def skip(self, cohort_id: int, user_id: int, form: Form, position: int) -> Result:
        def skip(session: Session, step: Step) -> Status:
            if step.required:
                return Status.INVALID
            session.draft.answers[step.id] = None
            session.draft.position += 1
            return Status.OK

        return await self._change(cohort_id, user_id, form, position, skip)

    async def back(self, cohort_id: int, user_id: int, form: Form, position: int) -> Result:
        """To the previous step (from the check screen: the last one), its answer kept to change."""

        def back(session: Session, _: Step | None) -> Status:
            session.draft.position = max(0, session.draft.position - 1)
            return Status.OK

        return await self._change(cohort_id, user_id, form, position, back, on_check_screen=True)

    async def remember_message(self, session: Session, message_id: int) -> None:
        """The message now showing the form, to edit in place."""
        session.draft.message_id = message_id
        await self.repo.save_draft(session.draft, self.clock.now())

    async def submit(self, cohort_id: int, user_id: int, form: Form) -> Result:
        """Send: all answers at once, or nothing (a required item unanswered, already sent)."""
        found = await self._session(cohort_id, user_id, form, create=False)
        if isinstance(found, Status):
            return Result(found)
        session = found
        if session.step is not None:
            return Result(Status.STALE, session)
        if session.missing():
            session.draft.position = session.missing()[0]
            await self.repo.save_draft(session.draft, self.clock.now())
            return Result(Status.INCOMPLETE, session)
        answers = {step.id: session.draft.answers.get(step.id) for step in session.steps}
        now = self.clock.now()
        statements = {k.removeprefix(STATEMENT_PREFIX): v for k, v in answers.items() if k.startswith(STATEMENT_PREFIX)}
        if form is Form.BEFORE:
            written = await self.repo.submit_before(session.draft, statements, now)
            return Result(Status.OK if written else Status.ANSWERED, session)
        items = {k: v for k, v in answers.items() if not k.startswith(STATEMENT_PREFIX)}
        written = await self.repo.submit_questionnaire(
            session.draft,
            QUESTIONNAIRE_KEY,
            items,
            anonymous=session.anonymous,
            after=statements if session.course.self_assessment else None,
            now=now,
        )
        if not written:
            return Result(Status.ANSWERED, session)
        for listener in self.answered:
            await listener(cohort_id, user_id)
        return Result(Status.OK, session, await self.before_after(cohort_id, user_id))

    # ------------------------------------------------------------------ what comes of it

    async def has_answered(self, cohort_id: int, user_id: int, item_key: str) -> bool:
        """The delivery service's DoneCheck: no questionnaire reminder once it is answered."""
        return item_key == QUESTIONNAIRE_KEY and await self.repo.has_answered(cohort_id, user_id, item_key)

    def broadcast_filter(self) -> LearnerFilter:
        """ "Has not answered the questionnaire", for ``BroadcastService.filters`` (only who has
        answered is known, never what: an anonymous questionnaire stays anonymous)."""
        return LearnerFilter(
            QUESTIONNAIRE_FILTER, "broadcast-filter-questionnaire", self._filter_choices, self._not_answered
        )

    async def _filter_choices(self, cohort_id: int) -> list[FilterChoice]:
        cohort = await self.cohorts.get(cohort_id)
        if cohort is None or (await self._course(cohort)).questionnaire is None:
            return []
        return [FilterChoice(QUESTIONNAIRE_KEY, "broadcast-filter-questionnaire-choice")]

    async def _not_answered(self, cohort_id: int, value: str) -> set[int]:
        return await self.repo.not_answered(cohort_id, QUESTIONNAIRE_KEY)

    async def before_after(self, cohort_id: int, user_id: int) -> BeforeAfter | None:
        """The learner's own ratings, before and after; None when the course asks none."""
        cohort = await self.cohorts.get(cohort_id)
        if cohort is None:
            return None
        course = await self._course(cohort)
        if course.self_assessment is None:
            return None
        before = await self.repo.assessment(cohort_id, user_id, "before") or {}
        after = await self.repo.assessment(cohort_id, user_id, "after") or {}
        return BeforeAfter(
            tuple(
                Change(step.question, _rating(before, _key(step)), _rating(after, _key(step)))
                for step in statement_steps(course.self_assessment)
            )
        )

    async def results(self, cohort_id: int) -> QuestionnaireResults | None:
        """The questionnaire's results for the cohort's report; None without a questionnaire.

        An anonymous questionnaire with fewer than MIN_ANONYMOUS_RESULTS responses gives only the
        count (``withheld``): with three answers, a district's organizer could tell who said what.
        """
        cohort = await self.cohorts.get(cohort_id)
        if cohort is None:
            return None
        course = await self._course(cohort)
        questionnaire = course.questionnaire
        if questionnaire is None:
            return None
        responses = await self.repo.responses(cohort_id, QUESTIONNAIRE_KEY)
        results = QuestionnaireResults(len(responses), questionnaire.anonymous)
        if results.withheld:
            return results
        items = []
        for item in questionnaire.items:
            given = [r.get(item.id) for r in responses if r.get(item.id) not in (None, [])]
            if item.kind == "scale":
                points = [v for v in given if isinstance(v, int)]
                counts = tuple(points.count(p) for p in SCALE_POINTS)
                mean = sum(points) / len(points) if points else None
                items.append(ItemResult(item.id, item.kind, len(points), mean=mean, counts=counts))
            elif item.kind in ("single", "multiple"):
                chosen = [i for v in given for i in (v if isinstance(v, list) else [v]) if isinstance(i, int)]
                counts = tuple(chosen.count(i) for i in range(len(item.options)))
                items.append(ItemResult(item.id, item.kind, len(given), counts=counts))
            else:
                texts = tuple(sorted(v for v in given if isinstance(v, str)))
                items.append(ItemResult(item.id, item.kind, len(texts), texts=texts))
        return QuestionnaireResults(len(responses), questionnaire.anonymous, tuple(items))

    async def self_assessment_means(self, cohort_id: int) -> list[StatementMeans]:
        """The cohort's mean rating per statement, before and after (for the organizer's report)."""
        cohort = await self.cohorts.get(cohort_id)
        if cohort is None:
            return []
        course = await self._course(cohort)
        if course.self_assessment is None:
            return []
        before = await self.repo.assessments(cohort_id, "before")
        after = await self.repo.assessments(cohort_id, "after")
        means = []
        for step in statement_steps(course.self_assessment):
            key = _key(step)
            b = [x for x in (_rating(r, key) for r in before) if x is not None]
            a = [x for x in (_rating(r, key) for r in after) if x is not None]
            means.append(
                StatementMeans(
                    step.question,
                    sum(b) / len(b) if b else None,
                    sum(a) / len(a) if a else None,
                    len(b),
                    len(a),
                )
            )
        return means

    # ------------------------------------------------------------------ inside

    async def _session(self, cohort_id: int, user_id: int, form: Form, *, create: bool) -> Session | Status:
        cohort = await self.cohorts.get(cohort_id)
        if cohort is None or await self.cohorts.enrolment_status(cohort_id, user_id) != "active":
            return Status.NOT_ENROLLED
        course = await self._course(cohort)
        steps = steps_of(course, form)
        if not steps:
            return Status.NO_FORM
        if await self._answered(cohort_id, user_id, form):
            return Status.ANSWERED
        draft = await self.repo.draft(cohort_id, user_id, form)
        if draft is None:
            if not create:
                return Status.STALE
            draft = Draft(cohort_id, user_id, form)
            await self.repo.save_draft(draft, self.clock.now())
        draft.position = min(draft.position, len(steps))
        return Session(course, cohort, steps, draft)

    async def _answered(self, cohort_id: int, user_id: int, form: Form) -> bool:
        if form is Form.BEFORE:
            return await self.repo.assessment(cohort_id, user_id, "before") is not None
        return await self.repo.has_answered(cohort_id, user_id, QUESTIONNAIRE_KEY)

    async def _change(
        self,
        cohort_id: int,
        user_id: int,
        form: Form,
        position: int,
        change: Callable[[Session, Step], Status],  # on the check screen the step is None
        *,
        on_check_screen: bool = False,
    ) -> Result:
        found = await self._session(cohort_id, user_id, form, create=False)
        if isinstance(found, Status):
            return Result(found)
        session = found
        step = session.step
        if position != session.draft.position or (step is None and not on_check_screen):
            return Result(Status.STALE, session)
        status = change(session, step)  # type: ignore[arg-type]
        if status is Status.OK:
            await self.repo.save_draft(session.draft, self.clock.now())
        return Result(status, session)

    @staticmethod
    def _set(session: Session, step: Step, value: Answer) -> Status:
        if step.kind == "multiple" or value is None or not step.accepts(value):
            return Status.INVALID
        session.draft.answers[step.id] = value
        session.draft.position += 1
        return Status.OK


def _rating(ratings: dict[str, Answer], key: str) -> int | None:
    value = ratings.get(key)
    return value if isinstance(value, int) and value in SCALE_POINTS else None


def _key(step: Step) -> str:
    """A statement's key in the stored ratings: "s1"."""
    return step.id.removeprefix(STATEMENT_PREFIX)
