"""The rules of homework: drafts, parts, handing in, late work, decisions, and progress.

Everything a learner may do takes their own user id and checks that the submission is theirs, so
a forged id can never show or change another learner's work. Times are UTC in and out of storage;
deadlines are computed in the cohort's calendar (its start date, moved by any "resume and shift"
pause, and its time zone) by :func:`bot.courses.schedule.homework_deadline`, exactly as the
delivery's prompt and reminders show them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.broadcasts.model import FilterChoice, LearnerFilter
from bot.clock import Clock
from bot.courses.model import Course, Lesson
from bot.courses.schedule import homework_deadline
from bot.delivery.model import DONE, HOMEWORK, LESSON, POST_VARIANT, DueDelivery, Withdrawn
from bot.delivery.plan import calendar_start
from bot.delivery.planning import CourseCache
from bot.homework.model import (
    ACCEPTED,
    DECISIONS,
    DRAFT,
    RETURNED,
    WAITING,
    AddOutcome,
    AddResult,
    DecideOutcome,
    DecideResult,
    Decision,
    DigestNotice,
    Draft,
    GroupPost,
    HandInOutcome,
    HandInResult,
    HomeworkContext,
    HomeworkProgress,
    HomeworkStatus,
    Learner,
    NewPart,
    OpenOutcome,
    OpenResult,
    Part,
    Progress,
    QueuedSubmission,
    ResultNotice,
    Review,
    ReviewPost,
    Submission,
    admitted,
)
from bot.people.model import Cohort, LearnerListener
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository
from storage.db import Database
from storage.deliveries import DeliveryRepository
from storage.homework import HomeworkRepository

DIGEST_AT = time(10, 0)  # the curators' digest goes out at this local time of the cohort
NO_GROUP = "no-review-group"  # why a review-group post was withdrawn: the group was unbound
HOMEWORK_FILTER = "homework"  # the broadcast filter's key; its value is the homework's item key


class HomeworkService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        courses: CourseCache | None = None,
        *,
        review_after: timedelta = timedelta(hours=24),
    ) -> None:
        self.clock = clock
        self.review_after = review_after
        self.repo = HomeworkRepository(db)
        self.cohorts = CohortRepository(db)
        self.deliveries = DeliveryRepository(db)
        self.courses = courses or CourseCache(CourseRepository(db))
        self.decided: list[LearnerListener] = []  # after a decision (completion listens)

    # ------------------------------------------------------------------ what a homework is, for a cohort

    async def context(self, cohort: Cohort | int, item_key: str) -> HomeworkContext | None:
        """The homework ``item_key`` of the cohort's course with its deadline; None if none."""
        if isinstance(cohort, int):
            found = await self.cohorts.get(cohort)
            if found is None:
                return None
            cohort = found
        course, _ = await self.courses.get(cohort.version_id)
        lesson = _lesson_of(course, item_key)
        if lesson is None or lesson.homework is None:
            return None
        tz = ZoneInfo(cohort.timezone)
        start = calendar_start(cohort.start_date, await self.deliveries.shift_days(cohort.id))
        homework = lesson.homework
        return HomeworkContext(
            course=course,
            item_key=item_key,
            lesson_number=lesson.number,
            accepts=homework.accepts,
            deadline=homework_deadline(start, lesson, homework, tz),
            refuses_late=homework.refuses_late,
            max_score=homework.max_score,
            timezone=cohort.timezone,
        )

    def _closed(self, context: HomeworkContext, versions: Sequence[Submission]) -> bool:
        """``late: refuse`` closes a homework at its deadline, except for work the curator returned."""
        if not context.refuses_late or self.clock.now() <= context.deadline:
            return False
        return not any(version.state == RETURNED for version in versions)

    # ------------------------------------------------------------------ the learner

    async def open_draft(self, cohort_id: int, user_id: int, item_key: str) -> OpenResult:
        """The learner pressed "Hand in": their draft of this homework (new or the one open)."""
        cohort = await self.cohorts.get(cohort_id)
        if cohort is None:
            return OpenResult(OpenOutcome.UNKNOWN)
        if await self.cohorts.enrolment_status(cohort_id, user_id) != "active":
            return OpenResult(OpenOutcome.NOT_ENROLLED)
        context = await self.context(cohort, item_key)
        if context is None:
            return OpenResult(OpenOutcome.UNKNOWN)
        if (item_key, HOMEWORK) not in await self.deliveries.sent_items(cohort_id, user_id):
            return OpenResult(OpenOutcome.NOT_YET, context)
        versions = await self.repo.versions(cohort_id, user_id, item_key)
        latest = versions[-1] if versions else None
        if latest is not None and latest.state == ACCEPTED:
            return OpenResult(OpenOutcome.ACCEPTED, context)
        if latest is not None and latest.state == WAITING:
            return OpenResult(OpenOutcome.WAITING, context)
        if self._closed(context, versions):
            return OpenResult(OpenOutcome.CLOSED, context)
        resumed = latest is not None and latest.state == DRAFT
        try:
            submission = await self.repo.open_draft(cohort_id, user_id, item_key, self.clock.now())
        except LookupError as state:  # handed in meanwhile, from another device
            outcome = OpenOutcome.ACCEPTED if str(state) == ACCEPTED else OpenOutcome.WAITING
            return OpenResult(outcome, context)
        draft = Draft(submission, await self.repo.part_counts(submission.id))
        return OpenResult(OpenOutcome.RESUMED if resumed else OpenOutcome.OPENED, context, draft)

    async def focused_draft(self, user_id: int) -> Draft | None:
        """The draft that receives what the learner sends, if they have one open."""
        submission = await self.repo.focus(user_id)
        if submission is None:
            return None
        return Draft(submission, await self.repo.part_counts(submission.id))

    async def add_part(self, user_id: int, part: NewPart) -> AddResult:
        """Something the learner sent: added to their open draft if the homework accepts its kind."""
        submission = await self.repo.focus(user_id)
        if submission is None:
            return AddResult(AddOutcome.NO_DRAFT)
        context = await self.context(submission.cohort_id, submission.item_key)
        if context is None:
            return AddResult(AddOutcome.NO_DRAFT)
        if not admitted(part.kind, context.accepts):
            return AddResult(AddOutcome.NOT_ACCEPTED, await self._draft(submission), context)
        if self._closed(context, await self.repo.versions(submission.cohort_id, user_id, submission.item_key)):
            return AddResult(AddOutcome.CLOSED, await self._draft(submission), context)
        added, first = await self.repo.add_part(submission.id, part, self.clock.now())
        outcome = AddOutcome.ADDED if added else AddOutcome.DUPLICATE
        return AddResult(outcome, await self._draft(submission), context, first_of_group=first)

    async def draft(self, user_id: int, submission_id: int) -> Draft | None:
        """The learner's own submission with its part counts (None if it is not theirs)."""
        submission = await self.repo.get(submission_id)
        if submission is None or submission.user_id != user_id:
            return None
        return await self._draft(submission)

    async def curator_names(self, cohort_id: int) -> list[str]:
        """Whom a learner can ask about a closed homework."""
        names = []
        for user_id in await self.cohorts.curators(cohort_id):
            person = await self.repo.learner(user_id)
            if person is not None and person.full_name:
                names.append(person.full_name)
        return names

    async def set_status_message(self, user_id: int, submission_id: int, message_id: int | None) -> None:
        submission = await self.repo.get(submission_id)
        if submission is not None and submission.user_id == user_id:
            await self.repo.set_status_message(submission_id, message_id)

    async def start_over(self, user_id: int, submission_id: int) -> Draft | None:
        """Empty the learner's draft. None if it is not theirs or no longer a draft."""
        submission = await self.repo.get(submission_id)
        if submission is None or submission.user_id != user_id:
            return None
        if not await self.repo.clear_parts(submission_id, self.clock.now()):
            return None
        return await self._draft(submission)

    async def hand_in(self, user_id: int, submission_id: int) -> HandInResult:
        """ "Send to the curator": the draft becomes a version waiting for review, maybe late."""
        submission = await self.repo.get(submission_id)
        if submission is None or submission.user_id != user_id:
            return HandInResult(HandInOutcome.ALREADY)
        context = await self.context(submission.cohort_id, submission.item_key)
        if context is None or submission.state != DRAFT:
            return HandInResult(HandInOutcome.ALREADY, submission, context)
        if not await self.repo.part_counts(submission_id):
            return HandInResult(HandInOutcome.EMPTY, submission, context)
        versions = await self.repo.versions(submission.cohort_id, user_id, submission.item_key)
        if self._closed(context, versions):
            return HandInResult(HandInOutcome.CLOSED, submission, context)
        now = self.clock.now()
        late = now > context.deadline
        if not await self.repo.hand_in(submission_id, late, now):
            return HandInResult(HandInOutcome.ALREADY, await self.repo.get(submission_id), context)
        return HandInResult(HandInOutcome.HANDED_IN, await self.repo.get(submission_id), context)

    async def result_notice(self, row: DueDelivery) -> ResultNotice | None:
        """The delivery's detail loader for 'homework-result' rows: the decision to tell."""
        found = await self.repo.notice(row.cohort_id, row.user_id, row.variant)
        if found is None:
            return None
        submission, review = found
        context = await self.context(submission.cohort_id, submission.item_key)
        return ResultNotice(submission, review, context.max_score if context else None)

    async def review_post(self, row: DueDelivery) -> ReviewPost | None:
        """The delivery's detail loader for 'review-post' rows: the submission as the review
        group gets it. Work decided (in a private chat) before its post went out, or a cohort
        whose group was unbound meanwhile, is not posted: the row is withdrawn."""
        number = row.variant.removeprefix(POST_VARIANT)
        submission = await self.repo.get(int(number)) if number.isdigit() else None
        if submission is None or (submission.cohort_id, submission.user_id) != (row.cohort_id, row.user_id):
            return None
        if submission.state != WAITING:
            raise Withdrawn(DONE)
        group = await self.repo.review_group(submission.cohort_id)
        if group is None:
            raise Withdrawn(NO_GROUP)
        context = await self.context(submission.cohort_id, submission.item_key)
        learner = await self.repo.learner(submission.user_id)
        if context is None or learner is None:
            return None
        parts = tuple(await self.repo.parts(submission.id))
        chat_id, language = group
        return ReviewPost(chat_id, QueuedSubmission(submission, learner), context, parts, language)

    async def review_group(self, cohort_id: int) -> int | None:
        """The chat id of the cohort's review group, if it has one."""
        group = await self.repo.review_group(cohort_id)
        return None if group is None else group[0]

    async def group_post(self, submission_id: int) -> GroupPost | None:
        """The review group's post of this submission (to show the decision on it), if sent."""
        return await self.repo.group_post(submission_id)

    async def plan_digests(self, now: datetime) -> int:
        """The delivery tick's hook: every curator of a cohort with work waiting longer than
        ``review_after`` gets one digest, at the next 10:00 of the cohort's time zone, one a day.
        Returns the rows planned."""
        planned = 0
        for cohort_id, zone in await self.repo.waiting_too_long(now - self.review_after):
            curators = await self.cohorts.curators(cohort_id)
            if not curators:
                continue
            tz = ZoneInfo(zone)
            local = now.astimezone(tz)
            day = local.date() if local.time() < DIGEST_AT else local.date() + timedelta(days=1)
            due = datetime.combine(day, DIGEST_AT, tzinfo=tz)
            planned += await self.repo.plan_digests(cohort_id, curators, day.isoformat(), due, now)
        return planned

    async def digest_notice(self, row: DueDelivery) -> DigestNotice | None:
        """The delivery's detail loader for 'review-digest' rows: what waits too long, counted now."""
        cohort = await self.cohorts.get(row.cohort_id)
        if cohort is None:
            return None
        count, oldest = await self.repo.waiting_since(cohort.id, self.clock.now() - self.review_after)
        hours = int(self.review_after.total_seconds() // 3600)
        return DigestNotice(cohort.id, cohort.name, count, oldest, cohort.timezone, hours)

    # ------------------------------------------------------------------ the broadcast filter

    def broadcast_filter(self) -> LearnerFilter:
        """ "Has not handed in the homework of lesson N", for ``BroadcastService.filters``."""
        return LearnerFilter(
            HOMEWORK_FILTER, "broadcast-filter-homework", self._filter_choices, self.repo.not_handed_in
        )

    async def _filter_choices(self, cohort_id: int) -> list[FilterChoice]:
        cohort = await self.cohorts.get(cohort_id)
        if cohort is None:
            return []
        course, _ = await self.courses.get(cohort.version_id)
        return [
            FilterChoice(lesson.homework.key, "broadcast-filter-homework-choice", {"lesson": lesson.number})
            for lesson in course.lessons
            if lesson.homework is not None
        ]

    async def handed_in(self, cohort_id: int, user_id: int, item_key: str) -> bool:
        """The delivery's done check: no deadline reminders once the work is handed in."""
        return await self.repo.handed_in(cohort_id, user_id, item_key)

    async def open_homework(self, cohort_id: int, user_id: int) -> list[HomeworkProgress]:
        """Homework the learner may hand in now (given to them, not handed in, not closed)."""
        progress = await self.progress(cohort_id, user_id)
        return [] if progress is None else [item for item in progress.homework if item.can_hand_in]

    async def _draft(self, submission: Submission) -> Draft:
        fresh = await self.repo.get(submission.id) or submission
        return Draft(fresh, await self.repo.part_counts(submission.id))

    # ------------------------------------------------------------------ the curator

    async def queue(self, cohort_ids: Iterable[int], limit: int = 50) -> list[QueuedSubmission]:
        """Waiting submissions of these cohorts, oldest first."""
        return await self.repo.queue(sorted(set(cohort_ids)), limit)

    async def waiting_counts(self, cohort_ids: Iterable[int]) -> dict[int, int]:
        return await self.repo.waiting_counts(sorted(set(cohort_ids)))

    async def submission(self, submission_id: int) -> Submission | None:
        return await self.repo.get(submission_id)

    async def parts(self, submission_id: int) -> list[Part]:
        return await self.repo.parts(submission_id)

    async def learner(self, user_id: int) -> Learner | None:
        return await self.repo.learner(user_id)

    async def review(self, submission_id: int) -> Review | None:
        return await self.repo.review(submission_id)

    async def decide(
        self,
        submission_id: int,
        reviewer_id: int,
        decision: Decision,
        *,
        score: int | None = None,
        comment: str | None = None,
        comment_voice_file_id: str | None = None,
    ) -> DecideResult:
        """Accept or return a submission. The first decision wins; a later one gets the first's
        review back (``ALREADY``) and changes nothing. Who may decide is the caller's check."""
        if decision not in DECISIONS:
            raise ValueError(decision)
        submission = await self.repo.get(submission_id)
        if submission is None or submission.state == DRAFT:
            return DecideResult(DecideOutcome.UNKNOWN)
        context = await self.context(submission.cohort_id, submission.item_key)
        if submission.state != WAITING:
            return DecideResult(DecideOutcome.ALREADY, submission, await self.repo.review(submission_id), context)
        if score is not None and (context is None or context.max_score is None or not 0 <= score <= context.max_score):
            return DecideResult(DecideOutcome.BAD_SCORE, submission, None, context)
        won = await self.repo.decide(
            submission_id,
            reviewer_id,
            decision,
            self.clock.now(),
            score=score,
            comment=comment,
            comment_voice_file_id=comment_voice_file_id,
        )
        outcome = DecideOutcome.DECIDED if won else DecideOutcome.ALREADY
        if won:
            for listener in self.decided:
                await listener(submission.cohort_id, submission.user_id)
        return DecideResult(outcome, await self.repo.get(submission_id), await self.repo.review(submission_id), context)

    # ------------------------------------------------------------------ progress

    async def progress(self, cohort_id: int, user_id: int) -> Progress | None:
        """Lessons received, each homework's status, and what completion still needs."""
        cohort = await self.cohorts.get(cohort_id)
        if cohort is None:
            return None
        course, _ = await self.courses.get(cohort.version_id)
        sent = await self.deliveries.sent_items(cohort_id, user_id)
        latest = await self.repo.latest_of_learner(cohort_id, user_id)
        reviews: dict[str, Review | None] = {}
        for key, submission in latest.items():
            if submission.state == ACCEPTED:
                reviews[key] = await self.repo.review(submission.id)
        required = set(course.completion.required_homework(course.lessons))
        now = self.clock.now()
        items = []
        for lesson in course.lessons:
            if lesson.homework is None:
                continue
            key = lesson.homework.key
            context = await self.context(cohort, key)
            assert context is not None
            newest = latest.get(key)
            handed = await self._last_handed_in(cohort_id, user_id, key, newest)
            status = _status(newest, handed, given=(key, HOMEWORK) in sent, overdue=now > context.deadline)
            closed = (
                status in (HomeworkStatus.LATE, HomeworkStatus.NOT_HANDED_IN)
                and context.refuses_late
                and (now > context.deadline)
            )
            review = reviews.get(key)
            items.append(
                HomeworkProgress(
                    item_key=key,
                    lesson_number=lesson.number,
                    status=status,
                    deadline=context.deadline,
                    required=key in required,
                    can_hand_in=status in (HomeworkStatus.NOT_HANDED_IN, HomeworkStatus.LATE, HomeworkStatus.RETURNED)
                    and not closed,
                    late=handed.late if handed is not None else False,
                    score=review.score if review is not None else None,
                    max_score=context.max_score,
                    version=handed.version if handed is not None else 0,
                )
            )
        return Progress(
            cohort_id=cohort_id,
            course=course,
            lessons_received=sum(1 for lesson in course.lessons if (lesson.key, LESSON) in sent),
            lessons_total=len(course.lessons),
            homework=tuple(items),
            quiz_pass_mark=course.completion.quiz_pass_mark,
            questionnaire_required=course.completion.questionnaire and course.questionnaire is not None,
        )

    async def _last_handed_in(
        self, cohort_id: int, user_id: int, item_key: str, latest: Submission | None
    ) -> Submission | None:
        """The latest version that was handed in (a draft after a return is not)."""
        if latest is None:
            return None
        if latest.state != DRAFT:
            return latest
        if latest.version == 1:
            return None
        versions = await self.repo.versions(cohort_id, user_id, item_key)
        handed = [version for version in versions if version.state != DRAFT]
        return handed[-1] if handed else None

    async def course_of(self, cohort: Cohort) -> Course:
        course, _ = await self.courses.get(cohort.version_id)
        return course


def _lesson_of(course: Course, item_key: str) -> Lesson | None:
    for lesson in course.lessons:
        if lesson.homework is not None and lesson.homework.key == item_key:
            return lesson
    return None


def _status(latest: Submission | None, handed: Submission | None, *, given: bool, overdue: bool) -> HomeworkStatus:
    if handed is not None:
        if handed.state == ACCEPTED:
            return HomeworkStatus.ACCEPTED
        if handed.state == WAITING:
            return HomeworkStatus.WAITING
        return HomeworkStatus.RETURNED
    if not given and latest is None:
        return HomeworkStatus.NOT_YET
    return HomeworkStatus.LATE if overdue else HomeworkStatus.NOT_HANDED_IN
