"""People: who they are (profile, language, consent) and the cohorts they join.

Plain data; ``storage.users`` and ``storage.cohorts`` store it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime

PROFILE_FIELDS = ("full_name", "region", "district", "library", "position", "settlement")


@dataclass(frozen=True)
class User:
    telegram_id: int
    language: str | None
    full_name: str | None = None
    region: str | None = None
    district: str | None = None
    library: str | None = None
    position: str | None = None
    settlement: str | None = None
    username: str | None = None
    consent_at: str | None = None
    registered_at: str | None = None
    pending_payload: str | None = None
    blocked_at: str | None = None  # Telegram refused to deliver to them (they blocked the bot)

    @property
    def is_registered(self) -> bool:
        return self.registered_at is not None

    @property
    def reachable(self) -> bool:
        return self.blocked_at is None


@dataclass(frozen=True)
class Profile:
    """What registration collects; saved only all at once, with consent."""

    full_name: str
    region: str
    district: str
    library: str
    position: str
    settlement: str


@dataclass(frozen=True)
class Cohort:
    id: int
    course_id: int
    course_code: str
    version_id: int
    name: str
    start_date: date
    timezone: str
    enrol_until: datetime | None
    capacity: int | None
    invite_code: str
    enrolment_open: bool
    status: str
    created_by: int
    active_learners: int


@dataclass(frozen=True)
class NewCohort:
    course_id: int
    version_id: int
    name: str
    start_date: date
    timezone: str
    enrol_until: datetime | None
    capacity: int | None
    invite_code: str
    created_by: int


@dataclass(frozen=True)
class Learner:
    user_id: int
    full_name: str | None
    region: str | None
    district: str | None
    library: str | None
    position: str | None
    settlement: str | None
    language: str | None
    enrolled_at: str


@dataclass(frozen=True)
class Erased:
    """What deleting a person's data changed, by kind (``enrolments ended``: 2, ...)."""

    changed: dict[str, int]

    @property
    def enrolments(self) -> int:
        return self.changed.get("enrolments ended", 0)

    @property
    def deliveries(self) -> int:
        return self.changed.get("deliveries cancelled", 0)


# Told (cohort id, user id) after something that can change where a learner stands in her course:
# a curator's decision, a finished quiz attempt, a questionnaire sent (completion listens).
LearnerListener = Callable[[int, int], Awaitable[object]]
