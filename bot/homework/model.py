"""The homework vocabulary: submissions and their states, parts, reviews, a learner's progress.

A *submission* is one version of a learner's work on one homework in one cohort. It starts as a
``draft`` that collects parts; handing it in makes it ``waiting``; a curator's decision makes it
``accepted`` (final) or ``returned`` (the learner may hand in a new version; earlier ones are kept).
At most one submission per learner and homework is ever a draft, waiting or accepted at a time.

Plain data; ``storage.homework`` stores it and ``bot.homework.service`` holds the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Literal

from bot.courses.model import Course

# -- submission states

DRAFT, WAITING, ACCEPTED, RETURNED = "draft", "waiting", "accepted", "returned"
SubmissionState = Literal["draft", "waiting", "accepted", "returned"]
HANDED_IN_STATES = (WAITING, ACCEPTED)  # the learner has done their part: no deadline reminders

Decision = Literal["accepted", "returned"]
DECISIONS: tuple[str, ...] = (ACCEPTED, RETURNED)

# -- parts

PartKind = Literal["text", "link", "photo", "document", "video", "voice", "audio", "video_note"]
PART_KINDS: tuple[str, ...] = ("text", "link", "photo", "document", "video", "voice", "audio", "video_note")
FILE_KINDS: tuple[str, ...] = ("photo", "document", "video", "voice", "audio", "video_note")

# The course format's ``accepts`` words (bot.courses.model.HOMEWORK_KINDS) name fewer kinds than
# Telegram has: an audio file is taken where a voice message is, a round video note where a video is.
ADMITTED_BY: Mapping[str, str] = {"audio": "voice", "video_note": "video"}

# A web address in a text: "https://...", "http://..." or "www....".
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>]+")


def text_kind(text: str) -> PartKind:
    """A text with a web address in it is a link; any other text is text."""
    return "link" if _URL.search(text) else "text"


def admitted(kind: str, accepts: Iterable[str]) -> bool:
    """Whether a part of ``kind`` may be added to a homework that accepts ``accepts``.

    A link is a text too, so a homework that accepts text takes it.
    """
    allowed = set(accepts)
    if kind == "link":
        return "link" in allowed or "text" in allowed
    return ADMITTED_BY.get(kind, kind) in allowed


@dataclass(frozen=True)
class NewPart:
    """What a learner's message brings, as the handler read it from Telegram.

    Files are kept by Telegram's ``file_id``: the bot never downloads them, so files over the
    Bot API's 20 MB download limit work too. ``text`` is the message's text or the file's caption.
    ``message_id`` (in the learner's chat) makes a repeated update add nothing.
    """

    kind: PartKind
    message_id: int
    file_id: str | None = None
    file_unique_id: str | None = None
    size: int | None = None
    name: str | None = None
    text: str | None = None
    media_group_id: str | None = None


@dataclass(frozen=True)
class Part:
    id: int
    submission_id: int
    position: int  # 1, 2, ... in the order they arrived
    kind: PartKind
    message_id: int
    file_id: str | None
    file_unique_id: str | None
    size: int | None
    name: str | None
    text: str | None
    media_group_id: str | None
    added_at: datetime


@dataclass(frozen=True)
class Submission:
    id: int
    cohort_id: int
    user_id: int
    item_key: str  # the homework's key in the course: "L3.hw"
    version: int  # 1, 2, ...: a returned submission handed in again is the next version
    state: SubmissionState
    late: bool  # handed in after the deadline
    opened_at: datetime
    submitted_at: datetime | None
    decided_at: datetime | None
    status_message_id: int | None  # the draft's one status message in the learner's chat

    @property
    def lesson_number(self) -> int:
        return int(self.item_key.split(".", 1)[0].lstrip("L"))


@dataclass(frozen=True)
class Review:
    """A curator's decision on one submission. Each submission has at most one: the first."""

    submission_id: int
    reviewer_id: int
    decision: Decision
    score: int | None
    comment: str | None
    comment_voice_file_id: str | None
    decided_at: datetime
    reviewer_name: str | None = None


@dataclass(frozen=True)
class Learner:
    """Who handed a submission in, for the curator's header."""

    user_id: int
    full_name: str | None
    library: str | None
    district: str | None
    language: str | None


@dataclass(frozen=True)
class QueuedSubmission:
    submission: Submission
    learner: Learner


@dataclass(frozen=True)
class Draft:
    """A draft with what it holds so far, for the learner's status message."""

    submission: Submission
    counts: Mapping[str, int] = field(default_factory=dict)  # part kind -> how many

    @property
    def parts(self) -> int:
        return sum(self.counts.values())


# -- outcomes of the service's operations


class OpenOutcome(StrEnum):
    OPENED = "opened"  # a new draft
    RESUMED = "resumed"  # the draft that was already open
    WAITING = "waiting"  # handed in, the curator has not decided yet
    ACCEPTED = "accepted"  # accepted work is final
    CLOSED = "closed"  # late: refuse, and the deadline has passed
    NOT_YET = "not-yet"  # the homework has not been given to this learner
    NOT_ENROLLED = "not-enrolled"
    UNKNOWN = "unknown"  # no such homework in the cohort's course


class AddOutcome(StrEnum):
    ADDED = "added"
    DUPLICATE = "duplicate"  # the same message again (a repeated update): nothing changed
    NOT_ACCEPTED = "not-accepted"  # a kind the homework does not take: nothing stored
    CLOSED = "closed"
    NO_DRAFT = "no-draft"  # sent outside a draft


class HandInOutcome(StrEnum):
    HANDED_IN = "handed-in"
    EMPTY = "empty"  # nothing to hand in yet
    CLOSED = "closed"
    ALREADY = "already"  # pressed twice, or the draft is gone


class DecideOutcome(StrEnum):
    DECIDED = "decided"  # this decision is the one
    ALREADY = "already"  # someone decided first: ``review`` is theirs
    BAD_SCORE = "bad-score"  # out of 0..max_score, or a score for a homework without one
    UNKNOWN = "unknown"  # no such submission, or it is not handed in


@dataclass(frozen=True)
class HomeworkContext:
    """One homework as it stands for a cohort: the course's words and the cohort's deadline."""

    course: Course
    item_key: str
    lesson_number: int
    accepts: tuple[str, ...]
    deadline: datetime  # aware, in the cohort's time zone
    refuses_late: bool
    max_score: int | None
    timezone: str


@dataclass(frozen=True)
class OpenResult:
    outcome: OpenOutcome
    context: HomeworkContext | None = None
    draft: Draft | None = None


@dataclass(frozen=True)
class AddResult:
    outcome: AddOutcome
    draft: Draft | None = None
    context: HomeworkContext | None = None
    # False for the second and later parts of an album: an album is acknowledged once.
    first_of_group: bool = True


@dataclass(frozen=True)
class HandInResult:
    outcome: HandInOutcome
    submission: Submission | None = None
    context: HomeworkContext | None = None


@dataclass(frozen=True)
class DecideResult:
    outcome: DecideOutcome
    submission: Submission | None = None
    review: Review | None = None
    context: HomeworkContext | None = None


@dataclass(frozen=True)
class ResultNotice:
    """What a 'homework-result' delivery tells the learner: the decision on their submission."""

    submission: Submission
    review: Review
    max_score: int | None


@dataclass(frozen=True)
class ReviewPost:
    """A new submission as the cohort's review group gets it (a 'review-post' delivery): the
    header, the parts, the decision buttons; in the language of the organizer who bound the group."""

    chat_id: int  # the group (bot.delivery.model.Addressed: the row goes there, not to the learner)
    entry: QueuedSubmission
    context: HomeworkContext
    parts: tuple[Part, ...]
    language: str | None


@dataclass(frozen=True)
class GroupPost:
    """Where a submission's review-group post is: the message with its buttons, to edit."""

    chat_id: int
    message_id: int
    language: str | None


@dataclass(frozen=True)
class DigestNotice:
    """What a curator's daily digest says: the cohort, how much waits too long, since when."""

    cohort_id: int
    cohort_name: str
    count: int
    oldest: datetime | None
    timezone: str
    hours: int  # "waiting longer than": REVIEW_REMINDER_HOURS


# -- progress


class HomeworkStatus(StrEnum):
    ACCEPTED = "accepted"
    WAITING = "waiting"  # handed in, waiting for review
    RETURNED = "returned"  # to be handed in again
    LATE = "late"  # the deadline passed and nothing was handed in
    NOT_HANDED_IN = "not-handed-in"  # given, deadline still ahead
    NOT_YET = "not-yet"  # not given to the learner yet


@dataclass(frozen=True)
class HomeworkProgress:
    item_key: str
    lesson_number: int
    status: HomeworkStatus
    deadline: datetime  # the cohort's local time
    required: bool  # counts for completion
    can_hand_in: bool  # a Hand in button makes sense now
    late: bool = False  # the latest version was handed in late
    score: int | None = None
    max_score: int | None = None
    version: int = 0  # the latest version handed in, 0 for none


@dataclass(frozen=True)
class Progress:
    """Where a learner stands in one cohort's course."""

    cohort_id: int
    course: Course
    lessons_received: int
    lessons_total: int
    homework: tuple[HomeworkProgress, ...]
    quiz_pass_mark: int | None  # completion asks for this percent over the quizzes; None: optional
    questionnaire_required: bool

    @property
    def missing_homework(self) -> tuple[HomeworkProgress, ...]:
        """Required homework not accepted yet: what is still needed for completion."""
        return tuple(item for item in self.homework if item.required and item.status is not HomeworkStatus.ACCEPTED)

    @property
    def required_count(self) -> int:
        return sum(1 for item in self.homework if item.required)

    @property
    def accepted_required(self) -> int:
        return self.required_count - len(self.missing_homework)
