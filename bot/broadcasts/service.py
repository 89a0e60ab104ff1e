"""Broadcasts: choose the recipients, write the copies, watch them go, stop them midway.

The copies are rows of the delivery table (kind ``broadcast``), so the one sender delivers them
within Telegram's limits, a restart goes on where it stopped, and nobody gets one twice (see
docs/delivery.md). This module adds what is particular to a broadcast: the filters, one
progress message edited as it goes (at most every ``interval`` seconds), and the stop button.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import replace
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.broadcasts.model import (
    CANCELLED,
    DONE,
    SENDING,
    Audience,
    Broadcast,
    BroadcastContent,
    LearnerFilter,
    Progress,
    Recipients,
    broadcast_id_of,
)
from bot.clock import Clock
from bot.delivery.model import BROADCAST, WITHDRAWN, DueDelivery, Withdrawn
from bot.delivery.service import DeliveryService
from storage.broadcasts import BroadcastRepository
from storage.db import Database

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 3.0  # seconds between two edits of the progress message


class ProgressView(Protocol):
    """Shows a broadcast's progress to its organizer (bot.telegram.views.broadcasts)."""

    async def show(self, broadcast: Broadcast, progress: Progress) -> None: ...


class NoRecipients(Exception):
    """The filters pick nobody who can be reached (any more)."""


class BroadcastService:
    def __init__(
        self, db: Database, delivery: DeliveryService, clock: Clock, *, interval: float = PROGRESS_INTERVAL
    ) -> None:
        self.repo = BroadcastRepository(db)
        self.delivery = delivery
        self.clock = clock
        self.interval = interval
        # Filters other features add, by key (see LearnerFilter); region and rural / urban are built in.
        self.filters: dict[str, LearnerFilter] = {}
        self.view: ProgressView | None = None
        self._watchers: dict[int, asyncio.Task[None]] = {}
        # The dispatcher's cache: each broadcast's message, and the broadcasts stopped by cancel().
        self._contents: dict[int, BroadcastContent] = {}
        self._stopped: set[int] = set()
        delivery.details[BROADCAST] = self._content

    # ------------------------------------------------------------------ recipients

    async def recipients(self, cohort_id: int, audience: Audience) -> Recipients:
        """The active learners the filters pick, those who blocked the bot left out (and counted)."""
        picked = await self.repo.learners(cohort_id, audience)
        for key, value in audience.extra:
            flt = self.filters.get(key)
            if flt is None:
                raise LookupError(f"no broadcast filter {key!r}")
            matching = await flt.matching(cohort_id, value)
            picked = [(uid, blocked) for uid, blocked in picked if uid in matching]
        return Recipients(tuple(uid for uid, blocked in picked if not blocked), sum(1 for _, b in picked if b))

    def held_until(self, timezone: str) -> datetime | None:
        """When copies written now would start going: the end of the cohort's quiet hours if
        they are on now, else None (at once)."""
        quiet = self.delivery.planner.quiet
        now = self.clock.now()
        tz = ZoneInfo(timezone)
        if quiet is None or not quiet.contains(now, tz):
            return None
        return quiet.end_of(now, tz).astimezone(tz)

    async def regions(self, cohort_id: int) -> list[tuple[str, int]]:
        return await self.repo.regions(cohort_id)

    # ------------------------------------------------------------------ sending

    async def send(
        self, cohort_id: int, author: int, language: str, content: BroadcastContent, audience: Audience
    ) -> Broadcast:
        """Write the broadcast and its copies (recipients counted afresh) and wake the sender.
        Raises NoRecipients if nobody is left to send to."""
        recipients = await self.recipients(cohort_id, audience)
        if not recipients.user_ids:
            raise NoRecipients
        broadcast_id = await self.repo.create(
            cohort_id, author, language, content, audience, recipients.user_ids, self.clock.now()
        )
        self.delivery.wake()
        broadcast = await self.repo.get(broadcast_id)
        assert broadcast is not None
        return broadcast

    async def _content(self, row: DueDelivery) -> BroadcastContent | None:
        """The delivery service's detail loader for ``broadcast`` rows: read once per broadcast
        (a fan-out renders thousands of rows of one), stopped ones known from ``cancel``."""
        broadcast_id = broadcast_id_of(row.item_key)
        if broadcast_id is None:
            return None
        if broadcast_id in self._stopped:
            raise Withdrawn(WITHDRAWN)
        content = self._contents.get(broadcast_id)
        if content is None:
            broadcast = await self.repo.get(broadcast_id)
            if broadcast is None:
                return None
            if broadcast.status == CANCELLED:
                self._stopped.add(broadcast_id)
                raise Withdrawn(WITHDRAWN)
            content = self._contents[broadcast_id] = broadcast.content
        return content

    async def cancel(self, broadcast_id: int) -> bool:
        """Stop a broadcast midway: copies not yet sent are cancelled (one in flight still
        arrives). False if it had already finished or been stopped."""
        broadcast = await self.repo.get(broadcast_id)
        if broadcast is None:
            return False
        # Known stopped before the database says so: a row the dispatcher renders meanwhile is
        # cancelled, not sent.
        self._stopped.add(broadcast_id)
        stopped, taken = await self.repo.cancel(broadcast, WITHDRAWN, self.clock.now())
        if stopped:
            await self.delivery.withdraw(set(taken), WITHDRAWN)
            log.info("broadcast %s stopped by its organizer", broadcast_id)
        return stopped

    async def progress(self, broadcast_id: int) -> tuple[Broadcast, Progress] | None:
        broadcast = await self.repo.get(broadcast_id)
        if broadcast is None:
            return None
        return broadcast, await self.repo.progress(broadcast)

    # ------------------------------------------------------------------ the progress message

    async def start(self, view: ProgressView) -> None:
        """Show progress through ``view``; broadcasts a restart interrupted are watched again."""
        self.view = view
        for broadcast in await self.repo.running():
            self.watch(broadcast.id)

    async def stop(self) -> None:
        tasks = list(self._watchers.values())
        self._watchers.clear()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def watch(self, broadcast_id: int) -> None:
        """Edit the broadcast's progress message as its copies go, and report at the end."""
        if self.view is None or broadcast_id in self._watchers:
            return
        task = asyncio.create_task(self._watch(broadcast_id, self.view), name=f"broadcast-{broadcast_id}")
        self._watchers[broadcast_id] = task
        task.add_done_callback(lambda _: self._watchers.pop(broadcast_id, None))

    async def _watch(self, broadcast_id: int, view: ProgressView) -> None:
        shown: tuple[str, Progress] | None = None
        while True:
            try:
                found = await self.progress(broadcast_id)
                if found is None:
                    return
                broadcast, progress = found
                if broadcast.status == SENDING and progress.finished:
                    await self.repo.finish(broadcast_id, DONE, self.clock.now())
                    broadcast = replace(broadcast, status=DONE)
                if shown != (broadcast.status, progress):
                    await view.show(broadcast, progress)
                    shown = (broadcast.status, progress)
                if broadcast.status != SENDING and progress.finished:
                    self._contents.pop(broadcast_id, None)
                    return
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("the progress of broadcast %s could not be shown; trying again", broadcast_id)
            await asyncio.sleep(self.interval)

    async def idle(self) -> None:
        """Until every watched broadcast has reported its end (tests)."""
        while self._watchers:
            await asyncio.gather(*list(self._watchers.values()), return_exceptions=True)
