"""Deleting what the bot keeps about a person ("Delete my data" in /profile).

The law on personal data lets a person withdraw consent. Deleting then means more than blanking
the profile: their enrolments end and their planned lessons are cancelled in the same transaction
(``UserRepository.forget_personal_data``), and listeners (the delivery service) take back what
was already queued for them, so nothing more reaches someone just told they are not registered.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.people.model import Erased
from storage.users import UserRepository

log = logging.getLogger(__name__)

ErasureListener = Callable[[int], Awaitable[None]]  # (user id)


@dataclass
class ErasureService:
    users: UserRepository
    listeners: list[ErasureListener] = field(default_factory=list)

    async def erase(self, user_id: int, now: datetime) -> Erased:
        """Keep only the person's language; end their enrolments and cancel their deliveries."""
        erased = await self.users.forget_personal_data(user_id, now)
        log.info(
            "person %s deleted their data: %d enrolment(s) ended, %d delivery(ies) cancelled",
            user_id,
            erased.enrolments,
            erased.deliveries,
        )
        for listener in self.listeners:
            try:
                await listener(user_id)
            except Exception:
                # The rows are cancelled already; a queued copy is the worst that can follow.
                log.exception("erasure listener failed for person %s", user_id)
        return erased
