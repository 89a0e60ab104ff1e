"""Deleting what the bot keeps about a person ("Delete my data" in /profile).

The law on personal data lets a person withdraw consent. Deleting then means more than blanking
the profile: every source in the personal-data registry (``bot.people.personal_data``) erases
or anonymizes its rows in one transaction: the profile keeps only the language, enrolments end,
planned lessons are cancelled, and rows kept for counts move to an alias. Then listeners (the
delivery service) take back what was already queued for them, so nothing more reaches someone
just told they are not registered.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.people.model import Erased
from bot.people.personal_data import PersonalDataRegistry
from storage.personal_data import PersonalDataStore, core_sources
from storage.users import UserRepository

log = logging.getLogger(__name__)

ErasureListener = Callable[[int], Awaitable[None]]  # (user id)


@dataclass
class ErasureService:
    users: UserRepository
    listeners: list[ErasureListener] = field(default_factory=list)
    # None: the sources every installation has (people, roles, cohorts, deliveries, forms).
    registry: PersonalDataRegistry | None = None

    def __post_init__(self) -> None:
        if self.registry is None:
            self.registry = PersonalDataRegistry(core_sources(self.users.db))
        self._store = PersonalDataStore(self.users.db)

    async def erase(self, user_id: int, now: datetime) -> Erased:
        """Only the language stays; everything else of theirs is deleted or anonymized."""
        assert self.registry is not None
        erased = Erased(await self._store.erase(user_id, now, self.registry.sources))
        log.info(
            "person %s deleted their data: %s",
            user_id,
            ", ".join(f"{count} {what}" for what, count in erased.changed.items() if count) or "only the profile",
        )
        for listener in self.listeners:
            try:
                await listener(user_id)
            except Exception:
                # The rows are cancelled already; a queued copy is the worst that can follow.
                log.exception("erasure listener failed for person %s", user_id)
        return erased
