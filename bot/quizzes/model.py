"""The quiz vocabulary: attempts, answers, the polls that carry them, results and standings.

Nothing here knows aiogram or SQL. ``storage.quizzes`` stores these objects; the service
(:mod:`bot.quizzes.service`) decides with them. Question and option numbers are 0-based positions
in the quiz of the cohort's course version; a *place* is where an option is shown in a poll,
which differs from its number when the quiz shuffles options.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

OPEN, FINISHED = "open", "finished"


@dataclass(frozen=True)
class Attempt:
    id: int
    cohort_id: int
    user_id: int
    version_id: int
    quiz_key: str  # "L3.quiz"
    number: int  # 1 for the first attempt
    state: str  # OPEN | FINISHED
    questions: int
    option_order: tuple[tuple[int, ...], ...]  # per question: the option number shown at each place
    asked: int  # questions handed out; the current question is ``asked - 1``
    started_at: datetime
    active_at: datetime
    right_answers: int | None = None
    finished_at: datetime | None = None
    reminded_at: datetime | None = None
    result_sent_at: datetime | None = None

    @property
    def current(self) -> int:
        return self.asked - 1

    @property
    def is_open(self) -> bool:
        return self.state == OPEN

    def option_at(self, question: int, place: int) -> int:
        """The course's option number of what the learner saw at ``place``."""
        return self.option_order[question][place]

    def place_of(self, question: int, option: int) -> int:
        return self.option_order[question].index(option)


@dataclass(frozen=True)
class NewAttempt:
    cohort_id: int
    user_id: int
    version_id: int
    quiz_key: str
    option_order: tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class Answer:
    attempt_id: int
    question: int
    option: int  # the course's option number
    correct: bool
    poll_id: str
    answered_at: datetime


@dataclass(frozen=True)
class SentPoll:
    """A quiz poll Telegram accepted: its answers carry ``poll_id``."""

    poll_id: str
    attempt_id: int
    question: int
    message_id: int
    sent_at: datetime


class AnswerOutcome(StrEnum):
    NEXT = "next"  # recorded; the next question is due
    FINISHED = "finished"  # recorded; it was the last one unanswered: the attempt is finished
    RECORDED = "recorded"  # recorded (an earlier question): the sequence does not move
    DUPLICATE = "duplicate"  # the question already had an answer: nothing changes
    IGNORED = "ignored"  # an unknown poll, someone else's, or an attempt that has ended


@dataclass(frozen=True)
class AnswerResult:
    outcome: AnswerOutcome
    attempt: Attempt | None = None  # as it is after the answer


class StartOutcome(StrEnum):
    STARTED = "started"  # a new attempt; its first question is on its way
    CONTINUED = "continued"  # an attempt was open: its current question comes again
    NO_ATTEMPTS = "no-attempts"  # every attempt is used
    NOTHING_OPEN = "nothing-open"  # "continue" pressed, but the attempt has ended meanwhile
    NOT_ENROLLED = "not-enrolled"  # not (or no longer) a learner of the cohort
    NOT_YET = "not-yet"  # the lesson of the quiz has not reached them yet
    UNKNOWN = "unknown"  # the course has no such quiz


@dataclass(frozen=True)
class StartResult:
    outcome: StartOutcome
    attempt: Attempt | None = None


@dataclass(frozen=True)
class WrongAnswer:
    question: int
    chosen: int | None  # the option they picked; None: not answered
    correct: int


@dataclass(frozen=True)
class QuizResult:
    """One finished attempt as the learner sees it."""

    attempt: Attempt
    right: int
    total: int
    pass_mark: int
    wrong: tuple[WrongAnswer, ...]
    attempts_left: int
    best_right: int  # over every finished attempt, this one included

    @property
    def percent(self) -> int:
        return percent(self.right, self.total)

    @property
    def passed(self) -> bool:
        return passes(self.right, self.total, self.pass_mark)


@dataclass(frozen=True)
class QuizProgress:
    """Where a learner stands with one quiz."""

    quiz_key: str
    lesson: int
    questions: int
    pass_mark: int
    attempts_allowed: int
    attempts_used: int  # started, open or finished
    best_right: int | None  # None: no finished attempt
    open_attempt: Attempt | None

    @property
    def attempts_left(self) -> int:
        return max(0, self.attempts_allowed - self.attempts_used)

    @property
    def passed(self) -> bool:
        return self.best_right is not None and passes(self.best_right, self.questions, self.pass_mark)


@dataclass(frozen=True)
class QuizStanding:
    """The completion rule ``quiz_pass_mark``: right answers over all the course's quiz
    questions, each quiz counted by its best attempt (a quiz not taken counts 0 right)."""

    right: int
    total: int
    pass_mark: int | None  # None: the course does not require quizzes

    @property
    def percent(self) -> int:
        return percent(self.right, self.total)

    @property
    def met(self) -> bool:
        if self.pass_mark is None or self.total == 0:
            return True
        return passes(self.right, self.total, self.pass_mark)


@dataclass(frozen=True)
class Reminder:
    """An open attempt whose learner has been silent for the reminder's hours."""

    attempt: Attempt
    timezone: str
    language: str | None


def passes(right: int, total: int, pass_mark: int) -> bool:
    """``right`` of ``total`` reaches ``pass_mark`` percent (no rounding: 3 of 5 is 60 %)."""
    return total > 0 and right * 100 >= pass_mark * total


def percent(right: int, total: int) -> int:
    """Whole percent, rounded down, as shown to people (never shows a pass that is not one)."""
    return 0 if total == 0 else right * 100 // total
