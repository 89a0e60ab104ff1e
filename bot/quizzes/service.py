"""Lesson quizzes: attempts, questions one at a time, answers, results, progress, reminders.

A learner starts a quiz (the button on the quiz card); the first question goes out as a quiz
poll through the one sender (:mod:`bot.delivery.sender`), under Telegram's limits, in order with
whatever else that learner is being sent. The poll id Telegram answers with is written the
moment it arrives (:meth:`QuizService.part_sent`), so an answer (``poll_answer``) finds its
attempt even after a restart. The answer to the current question brings the next one; the
answer to the last unanswered question finishes the attempt and brings the result.

What the database says is owed is the only record: an open attempt whose current question has
no recorded poll gets it (again), a finished attempt whose result was not sent gets it, an open
attempt silent for ``QUIZ_REMINDER_HOURS`` gets one reminder. The delivery service's tick runs
:meth:`QuizService.tick`, which sends what is owed and not on its way; the first tick after a
start takes up what a stop or a crash left. As for lessons, a SIGKILL can make the message that
was in flight arrive twice (a question sent twice is answered once: the first answer counts),
and loses nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.config import Settings
from bot.courses.model import SUPPORTED_LANGUAGES, Course, Quiz
from bot.delivery.outgoing import Outcome, OutMessage, SenderPort, SendJob
from bot.delivery.planning import CourseCache
from bot.delivery.quiet_hours import QuietHours
from bot.i18n import Translator
from bot.people.model import LearnerListener
from bot.quizzes import render
from bot.quizzes.model import (
    AnswerOutcome,
    AnswerResult,
    Attempt,
    NewAttempt,
    QuizProgress,
    QuizResult,
    QuizStanding,
    SentPoll,
    StartOutcome,
    StartResult,
    WrongAnswer,
)
from storage.db import Database
from storage.quizzes import QuizRepository
from storage.users import UserRepository

log = logging.getLogger(__name__)

QUESTION, RESULT, REMINDER = "question", "result", "reminder"
RECORD_WAIT = 3.0  # seconds an answer may wait for its poll's record (see answer)

# Where the quiz service finds the running sender (the delivery service starts and stops it).
SenderSource = Callable[[], SenderPort | None]


@dataclass
class QuizJob(SendJob):
    """A quiz message on its way: ``delivery_id`` is the attempt's id."""

    what: str = QUESTION
    question: int = 0

    @property
    def key(self) -> tuple[int, str, int]:
        return (self.delivery_id, self.what, self.question)


def quiz_key(lesson: int) -> str:
    return f"L{lesson}.quiz"


class QuizService:
    """The quiz rules, and the sender's reporter for quiz messages."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        translator: Translator,
        clock: Clock,
        courses: CourseCache,
        sender: SenderSource,
        *,
        rng: random.Random | None = None,
    ) -> None:
        self.repo = QuizRepository(db)
        self.users = UserRepository(db)
        self.settings = settings
        self.translator = translator
        self.clock = clock
        self.courses = courses
        self._sender = sender
        self._rng = rng or random.SystemRandom()
        self.quiet = QuietHours.parse(settings.quiet_hours)
        # Quiz messages handed to the sender and not yet reported back. The lock makes "is it
        # owed and not on its way?" and "it went out" one step each, so nothing goes twice.
        self._in_flight: set[tuple[int, str, int]] = set()
        self._failed: set[tuple[int, str, int]] = set()
        self._lock = asyncio.Lock()
        self._recorded = asyncio.Event()  # set (and cleared) each time a poll id is written
        self.finished: list[LearnerListener] = []  # after an attempt's last answer (completion listens)

    # ------------------------------------------------------------------ the learner's steps

    async def start(self, cohort_id: int, user_id: int, lesson: int, *, resume_only: bool = False) -> StartResult:
        """Start the quiz of ``lesson`` (or go on with the open attempt: its current question
        comes again). The first question is handed to the sender. ``resume_only`` (the
        reminder's Continue): never open a new attempt."""
        found = await self.repo.enrolment(cohort_id, user_id)
        if found is None or found[0] != "active":
            return StartResult(StartOutcome.NOT_ENROLLED)
        _, version_id, _ = found
        course, _ = await self.courses.get(version_id)
        key = quiz_key(lesson)
        try:
            quiz = render.quiz_of(course, key)
        except LookupError:
            return StartResult(StartOutcome.UNKNOWN)
        if not await self.repo.lesson_reached(cohort_id, user_id, f"L{lesson}"):
            return StartResult(StartOutcome.NOT_YET)
        new = NewAttempt(cohort_id, user_id, version_id, key, self._option_order(quiz))
        async with self._lock:
            if resume_only and not any(a.is_open for a in await self.repo.attempts(cohort_id, user_id, key)):
                return StartResult(StartOutcome.NOTHING_OPEN)
            attempt, created = await self.repo.start(new, quiz.attempts, self.clock.now())
            if attempt is None:
                return StartResult(StartOutcome.NO_ATTEMPTS)
            if created:
                await self._ask(attempt, course, attempt.current)
                return StartResult(StartOutcome.STARTED, attempt)
            # Continue: the current question again, unless it is on its way right now.
            if (attempt.id, QUESTION, attempt.current) not in self._in_flight:
                await self._ask(attempt, course, attempt.current)
            return StartResult(StartOutcome.CONTINUED, attempt)

    def _option_order(self, quiz: Quiz) -> tuple[tuple[int, ...], ...]:
        order = []
        for question in quiz.questions:
            places = list(range(len(question.options)))
            if quiz.shuffle:
                self._rng.shuffle(places)
            order.append(tuple(places))
        return tuple(order)

    async def answer(self, poll_id: str, user_id: int, option_ids: Iterable[int]) -> AnswerResult:
        """A ``poll_answer``: record it once; send the next question, or the result."""
        chosen = list(option_ids)
        if len(chosen) != 1:  # a quiz poll takes exactly one option; an empty list is a retraction
            return AnswerResult(AnswerOutcome.IGNORED)
        poll = await self.repo.poll(poll_id)
        if poll is None and any(job[1] == QUESTION for job in self._in_flight):
            # A fast answer can come in while its poll's record is still being written.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._recorded.wait(), RECORD_WAIT)
            poll = await self.repo.poll(poll_id)
        if poll is None:
            return AnswerResult(AnswerOutcome.IGNORED)
        attempt = await self.repo.get(poll.attempt_id)
        if attempt is None or attempt.user_id != user_id or not attempt.is_open:
            return AnswerResult(AnswerOutcome.IGNORED)
        course, _ = await self.courses.get(attempt.version_id)
        quiz = render.quiz_of(course, attempt.quiz_key)
        right = {number: question.correct for number, question in enumerate(quiz.questions)}
        async with self._lock:
            result = await self.repo.record_answer(poll_id, user_id, chosen[0], right, self.clock.now())
            if result.attempt is not None:
                if result.outcome is AnswerOutcome.NEXT:
                    await self._ask(result.attempt, course, result.attempt.current)
                elif result.outcome is AnswerOutcome.FINISHED:
                    await self._send_result(result.attempt, course)
        if result.outcome is AnswerOutcome.FINISHED and result.attempt is not None:
            for listener in self.finished:
                await listener(result.attempt.cohort_id, result.attempt.user_id)
        return result

    # ------------------------------------------------------------------ what the learner sees

    async def result(self, attempt: Attempt) -> QuizResult:
        course, _ = await self.courses.get(attempt.version_id)
        quiz = render.quiz_of(course, attempt.quiz_key)
        answers = {answer.question: answer for answer in await self.repo.answers(attempt.id)}
        wrong = tuple(
            WrongAnswer(number, answers[number].option if number in answers else None, question.correct)
            for number, question in enumerate(quiz.questions)
            if number not in answers or not answers[number].correct
        )
        right = sum(1 for answer in answers.values() if answer.correct)
        attempts = await self.repo.attempts(attempt.cohort_id, attempt.user_id, attempt.quiz_key)
        finished = [a.right_answers for a in attempts if a.right_answers is not None]
        return QuizResult(
            attempt=attempt,
            right=right,
            total=len(quiz.questions),
            pass_mark=quiz.pass_mark,
            wrong=wrong,
            attempts_left=max(0, quiz.attempts - len(attempts)),
            best_right=max([right, *finished]),
        )

    async def progress(self, cohort_id: int, user_id: int) -> list[QuizProgress]:
        """Each quiz of the cohort's course, in lesson order, with this learner's attempts."""
        course = await self._course_of(cohort_id, user_id)
        if course is None:
            return []
        attempts = await self.repo.attempts(cohort_id, user_id)
        rows = []
        for lesson in course.lessons:
            quiz = lesson.quiz
            if quiz is None:
                continue
            mine = [a for a in attempts if a.quiz_key == quiz.key]
            finished = [a.right_answers for a in mine if a.right_answers is not None]
            rows.append(
                QuizProgress(
                    quiz_key=quiz.key,
                    lesson=lesson.number,
                    questions=len(quiz.questions),
                    pass_mark=quiz.pass_mark,
                    attempts_allowed=quiz.attempts,
                    attempts_used=len(mine),
                    best_right=max(finished) if finished else None,
                    open_attempt=next((a for a in mine if a.is_open), None),
                )
            )
        return rows

    async def standing(self, cohort_id: int, user_id: int) -> QuizStanding:
        """The completion rule ``quiz_pass_mark`` for this learner."""
        course = await self._course_of(cohort_id, user_id)
        if course is None:
            return QuizStanding(0, 0, None)
        progress = await self.progress(cohort_id, user_id)
        return QuizStanding(
            right=sum(p.best_right or 0 for p in progress),
            total=sum(p.questions for p in progress),
            pass_mark=course.completion.quiz_pass_mark,
        )

    async def _course_of(self, cohort_id: int, user_id: int) -> Course | None:
        found = await self.repo.enrolment(cohort_id, user_id)
        if found is None:
            return None
        course, _ = await self.courses.get(found[1])
        return course

    def card(self, course: Course, lesson_number: int, language: str, cohort_id: int) -> OutMessage:
        """The quiz card that comes with a lesson."""
        lesson = render.lesson_of(course, quiz_key(lesson_number))
        return render.card(course, lesson, language, self.translator, cohort_id)

    # ------------------------------------------------------------------ what is owed

    async def tick(self, now: datetime | None = None) -> None:
        """Send what the database says is owed and is not on its way: questions and results a
        stop, a crash or a network error left, and reminders of attempts left unfinished."""
        now = now or self.clock.now()
        async with self._lock:
            for attempt in await self.repo.unasked():
                if self._free((attempt.id, QUESTION, attempt.current)):
                    course, _ = await self.courses.get(attempt.version_id)
                    await self._ask(attempt, course, attempt.current)
            for attempt in await self.repo.results_unsent():
                if self._free((attempt.id, RESULT, 0)):
                    course, _ = await self.courses.get(attempt.version_id)
                    await self._send_result(attempt, course)
            silent_since = now - timedelta(hours=self.settings.quiz_reminder_hours)
            for due in await self.repo.due_reminders(silent_since):
                attempt = due.attempt
                if not self._free((attempt.id, REMINDER, 0)):
                    continue
                if self.quiet is not None and self.quiet.contains(now, ZoneInfo(due.timezone)):
                    continue  # the morning's tick sends it
                course, _ = await self.courses.get(attempt.version_id)
                answered = len(await self.repo.answers(attempt.id))
                message = render.reminder_message(
                    course,
                    attempt,
                    answered,
                    self._language(due.language),
                    self.translator,
                )
                self._submit(attempt, REMINDER, 0, (message,))

    def _free(self, key: tuple[int, str, int]) -> bool:
        return key not in self._in_flight and key not in self._failed

    # ------------------------------------------------------------------ sending

    def _language(self, language: str | None) -> str:
        return language if language in SUPPORTED_LANGUAGES else self.translator.default_locale

    async def _ask(self, attempt: Attempt, course: Course, question: int) -> None:
        language = self._language(await self.repo.language(attempt.user_id))
        quiz = render.quiz_of(course, attempt.quiz_key)
        self._submit(attempt, QUESTION, question, (render.question_poll(course, quiz, attempt, question, language),))

    async def _send_result(self, attempt: Attempt, course: Course) -> None:
        language = self._language(await self.repo.language(attempt.user_id))
        result = await self.result(attempt)
        messages = render.result_messages(course, result, language, self.translator)
        self._submit(attempt, RESULT, 0, messages)

    def _submit(self, attempt: Attempt, what: str, question: int, messages: tuple[OutMessage, ...]) -> None:
        sender = self._sender()
        if sender is None:
            return  # not started yet: the first tick sends it
        job = QuizJob(
            attempt.id, attempt.user_id, attempt.cohort_id, messages, owner=self, what=what, question=question
        )
        self._in_flight.add(job.key)
        sender.submit(job)

    async def person_erased(self, user_id: int) -> None:
        """ErasureService listener: quiz messages queued for them are not sent. (Their
        enrolments have ended, so nothing more is owed to them.)"""
        sender = self._sender()
        if sender is None:
            return
        async with self._lock:
            for job in sender.withdraw(lambda job: job.chat_id == user_id and job.owner is self):
                assert isinstance(job, QuizJob)
                self._in_flight.discard(job.key)

    # ------------------------------------------------------------------ the sender's reports

    async def part_sent(self, job: SendJob, message_id: int, poll_id: str | None = None) -> None:
        assert isinstance(job, QuizJob)
        now = self.clock.now()
        async with self._lock:
            last = job.next + 1 >= len(job.messages)
            if job.what == QUESTION and poll_id is not None:
                await self.repo.poll_sent(SentPoll(poll_id, job.delivery_id, job.question, message_id, now))
                self._recorded.set()
                self._recorded = asyncio.Event()
            elif job.what == RESULT and last:
                await self.repo.result_sent(job.delivery_id, now)
            elif job.what == REMINDER:
                await self.repo.reminded(job.delivery_id, now)
            if last:
                self._in_flight.discard(job.key)

    async def ended(self, jobs: list[SendJob], outcome: Outcome) -> None:
        now = self.clock.now()
        async with self._lock:
            for job in jobs:
                assert isinstance(job, QuizJob)
                self._in_flight.discard(job.key)
                if outcome.state == "failed":
                    # A message Telegram refuses is refused again: not retried in this process.
                    log.warning("quiz %s of attempt %s was refused: %s", job.what, job.delivery_id, outcome.reason)
                    self._failed.add(job.key)
                    if job.what == REMINDER:
                        await self.repo.reminded(job.delivery_id, now)
            # "retry": the next tick sends it again. "unreachable": they blocked the bot.
            if outcome.state == "unreachable" and jobs:
                await self.users.mark_blocked(jobs[0].chat_id, now)
