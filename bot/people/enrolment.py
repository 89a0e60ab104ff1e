"""Joining a cohort by its invite code, and leaving it.

The capacity check and the insert run in one write transaction
(``CohortRepository.enrol_if_room``), so two librarians opening the link at the same moment
cannot both take the last place.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.people.model import Cohort
from storage.cohorts import CohortRepository

INVITE_PREFIX = "c_"

EnrolmentListener = Callable[[int, int], Awaitable[None]]  # (cohort id, user id)


class Outcome(StrEnum):
    ENROLLED = "enrolled"
    ALREADY = "already"
    FULL = "full"
    CLOSED = "closed"
    UNKNOWN = "unknown"
    REMOVED = "removed"


@dataclass(frozen=True)
class EnrolResult:
    outcome: Outcome
    cohort: Cohort | None = None


def new_invite_code() -> str:
    """Eight URL-safe characters: about 48 bits, unguessable, short enough for a QR code."""
    return secrets.token_urlsafe(6)


def invite_payload(code: str) -> str:
    return INVITE_PREFIX + code


def invite_code_from_payload(payload: str | None) -> str | None:
    if payload and payload.startswith(INVITE_PREFIX) and len(payload) > len(INVITE_PREFIX):
        return payload[len(INVITE_PREFIX) :]
    return None


def enrolment_is_open(cohort: Cohort, now: datetime) -> bool:
    if not cohort.enrolment_open or cohort.status == "finished":
        return False
    return cohort.enrol_until is None or now <= cohort.enrol_until


@dataclass
class EnrolmentService:
    cohorts: CohortRepository
    # Called after a learner joins or rejoins (the delivery planner listens here).
    listeners: list[EnrolmentListener] = field(default_factory=list)

    async def enrol(self, user_id: int, code: str, now: datetime) -> EnrolResult:
        cohort = await self.cohorts.by_invite(code)
        if cohort is None:
            return EnrolResult(Outcome.UNKNOWN)
        status = await self.cohorts.enrolment_status(cohort.id, user_id)
        if status == "active":
            return EnrolResult(Outcome.ALREADY, cohort)
        if status == "removed":
            return EnrolResult(Outcome.REMOVED, cohort)
        if not enrolment_is_open(cohort, now):
            return EnrolResult(Outcome.CLOSED, cohort)
        if not await self.cohorts.enrol_if_room(cohort.id, user_id, cohort.capacity, now):
            return EnrolResult(Outcome.FULL, cohort)
        for listener in self.listeners:
            await listener(cohort.id, user_id)
        return EnrolResult(Outcome.ENROLLED, await self.cohorts.get(cohort.id))

    async def newcomer_refusal(self, code: str, now: datetime) -> EnrolResult | None:
        """Why someone who is not enrolled could not join by ``code`` now (unknown link, enrolment
        closed, no place left), or None if they could.

        Said before the registration form, so nobody answers six questions for a door that is
        shut. A look, not a reservation: :meth:`enrol` checks again when they are registered.
        """
        cohort = await self.cohorts.by_invite(code)
        if cohort is None:
            return EnrolResult(Outcome.UNKNOWN)
        if not enrolment_is_open(cohort, now):
            return EnrolResult(Outcome.CLOSED, cohort)
        if cohort.capacity is not None and cohort.active_learners >= cohort.capacity:
            return EnrolResult(Outcome.FULL, cohort)
        return None

    async def leave(self, cohort_id: int, user_id: int, now: datetime) -> bool:
        return await self.cohorts.end_enrolment(cohort_id, user_id, "left", now)

    async def remove(self, cohort_id: int, user_id: int, now: datetime) -> bool:
        return await self.cohorts.end_enrolment(cohort_id, user_id, "removed", now)
