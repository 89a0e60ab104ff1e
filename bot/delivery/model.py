"""The delivery vocabulary: the states of a row, the kinds of item, and the plain rows planning
and sending pass around. ``storage.deliveries`` stores them; nothing here knows SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol, runtime_checkable

PLANNED, SENDING, SENT = "planned", "sending", "sent"
UNREACHABLE, FAILED, CANCELLED = "unreachable", "failed", "cancelled"
FINAL_STATES = (SENT, UNREACHABLE, FAILED, CANCELLED)

LESSON, HOMEWORK, REMINDER = "lesson", "homework", "reminder"
QUESTIONNAIRE, QUESTIONNAIRE_REMINDER = "questionnaire", "questionnaire-reminder"
REMINDER_KINDS = (REMINDER, QUESTIONNAIRE_REMINDER)
# An organizer's message to some of a cohort's learners (item_key "B<broadcast id>"; bot/broadcasts).
BROADCAST = "broadcast"
# A curator's decision on a learner's homework (variant "review-<submission id>": one per submission).
HOMEWORK_RESULT = "homework-result"
REVIEW_VARIANT = "review-"
# A learner's certificate (item_key: its number; variant "" or "again-<time>" for a copy asked for;
# bot/certificates). Sent whatever the cohort's or the enrolment's state: it comes at the end.
CERTIFICATE = "certificate"
REVOKED_REASON = "revoked"  # a certificate revoked or replaced before its copy went out
# A curator's daily digest of work waiting too long (variant "digest-<local date>": one a day).
REVIEW_DIGEST = "review-digest"
DIGEST_VARIANT = "digest-"
# A learner's new submission posted to the cohort's review group (variant "post-<submission id>";
# user_id is the learner, the chat is the group: the row's detail names it, see Addressed).
REVIEW_POST = "review-post"
POST_VARIANT = "post-"
# A learner is told she completed the course (item_key "C", variant "completed"; bot/completion).
COMPLETION = "completion"

# Why a row was cancelled or found unreachable (the ``reason`` column).
LEFT = "left"
COHORT_FINISHED = "cohort-finished"
EXPIRED = "expired"
DONE = "done"
SUPERSEDED = "superseded"
BLOCKED = "blocked"
WITHDRAWN = "withdrawn"  # the organizer stopped the broadcast before this copy went out

AGAIN = "again-"  # variant prefix of the copies a learner asks for


@dataclass(frozen=True)
class PlannedRow:
    """One row of a plan, the same for every learner planned at the same moment."""

    item_key: str
    kind: str
    variant: str
    position: int
    due_at: datetime
    expires_at: datetime | None = None


@dataclass(frozen=True)
class DueDelivery:
    """A row taken for sending, with what rendering it needs."""

    id: int
    cohort_id: int
    user_id: int
    item_key: str
    kind: str
    variant: str
    parts_done: int
    message_ids: tuple[int, ...]
    attempts: int
    version_id: int
    timezone: str
    start_date: date
    shift_days: int
    language: str | None


@dataclass(frozen=True)
class PendingRow:
    """A row to be moved in time (resume after a pause, a learner back after blocking)."""

    id: int
    cohort_id: int
    item_key: str
    kind: str
    variant: str
    position: int
    due_at: datetime
    expires_at: datetime | None


@dataclass(frozen=True)
class Changes:
    """What a re-planning decided: new due times, and rows to cancel with a reason."""

    moves: Sequence[tuple[int, datetime]] = ()
    cancels: Sequence[tuple[int, str]] = ()
    expiries: Sequence[tuple[int, datetime]] = ()  # deadlines that moved with a shifted calendar
    shift_days: int = 0


@dataclass(frozen=True)
class StateCount:
    item_key: str
    kind: str
    state: str
    count: int


@dataclass(frozen=True)
class LearnerIssue:
    """A learner a delivery could not reach, for the organizer to phone."""

    user_id: int
    full_name: str | None
    district: str | None
    library: str | None
    reason: str | None


@runtime_checkable
class Addressed(Protocol):
    """A row's detail that goes to another chat than the row's person (a review group's post):
    the delivery service sends the row's messages to ``chat_id``."""

    @property
    def chat_id(self) -> int: ...


class Withdrawn(Exception):
    """Raised by a row kind's detail loader: the row is no longer wanted (a broadcast stopped
    midway); it is cancelled with ``reason`` instead of being sent."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_ids(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part)


def format_ids(ids: Iterable[int]) -> str:
    return ",".join(str(i) for i in ids)
