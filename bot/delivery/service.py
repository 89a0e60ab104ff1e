"""The delivery dispatcher: takes what is due from the database and hands it to the sender.

The ``deliveries`` table is the only record of what is due. The scheduler (the port in
``bot.scheduling``; APScheduler in memory behind it) only wakes the dispatcher: a periodic tick
(which also plans enrolments nobody planned and cancels rows of learners who left) and one
wake-up at the next due moment. A wake-up that is lost, or a job
the scheduler skips, costs at most one tick of delay, never a message.

Crash safety (docs/delivery.md): a row becomes ``sending`` before its first request, each message
is recorded the moment Telegram answers, and the last one makes the row ``sent``. A row found in
``sending`` at start was interrupted; it goes on from the message that was in flight, which may
therefore arrive twice. The sender bounds those to ``SEND_CONCURRENCY`` at any moment.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.config import Settings
from bot.delivery.model import (
    CANCELLED,
    DONE,
    FAILED,
    HOMEWORK,
    LEFT,
    LESSON,
    QUESTIONNAIRE,
    REMINDER_KINDS,
    UNREACHABLE,
    Addressed,
    DueDelivery,
    Withdrawn,
)
from bot.delivery.outgoing import FileIds, Outcome, OutMessage, SenderPort, SendJob, SendReporter
from bot.delivery.planning import CourseCache, Planner, ResumeMode, ResumeResult
from bot.delivery.render import RenderContext, render
from bot.delivery.sender import Sender
from bot.i18n import Translator
from bot.scheduling import Scheduler
from storage.courses import CourseRepository
from storage.db import Database
from storage.deliveries import DeliveryRepository
from storage.users import UserRepository

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_ATTEMPTS = 10  # network errors and 5xx: then the row is failed, with the last error
CLAIM_BATCH = 500
STOP_GRACE = 10.0
WAKE_JOB = "delivery-wake"
TICK_JOB = "delivery-tick"

# (cohort id, user id, item key) -> whether the learner already did it (homework accepted,
# questionnaire answered): their reminders are then cancelled as "done", not sent.
DoneCheck = Callable[[int, int, str], Awaitable[bool]]
# A row kind's extra data for rendering (a curator's decision, say), read from its feature's tables
# just before rendering; None if it is gone, and the row fails with "render".
DetailLoader = Callable[[DueDelivery], Awaitable[object | None]]
# Run at every tick with the moment: other features' "send what is owed" (quiz questions a
# restart left, reminders; homework's digest), so they need no scheduler of their own.
TickHook = Callable[[datetime], Awaitable[object]]
SenderFactory = Callable[[FileIds, SendReporter], SenderPort]


class ResendOutcome(StrEnum):
    QUEUED = "queued"  # a copy is on its way
    ALREADY = "already"  # the item, or a copy, is being sent right now
    NOT_YET = "not-yet"  # not released to this learner yet
    NOT_ENROLLED = "not-enrolled"  # they left the course, or it has ended
    UNKNOWN = "unknown"  # no such delivery of theirs


def retry_delay(attempt: int) -> timedelta:
    """5 s, 15 s, 45 s ... at most 30 min: about two hours over MAX_ATTEMPTS."""
    return timedelta(seconds=min(5 * 3 ** (attempt - 1), 1800))


def kind_of(item_key: str) -> str | None:
    """The delivery kind a learner can ask again for, by the course item's key."""
    if item_key == "Q":
        return QUESTIONNAIRE
    if item_key.endswith(".hw"):
        return HOMEWORK
    if item_key.startswith("L") and item_key[1:].isdigit():
        return LESSON
    return None


class _Unrecorded:
    """The owner of screens sent through the sender without a deliveries row (send_screen)."""

    async def part_sent(self, job: SendJob, message_id: int, poll_id: str | None = None) -> None:
        return None

    async def ended(self, jobs: list[SendJob], outcome: Outcome) -> None:
        for job in jobs:
            log.info("a screen for chat %s was not sent in full (%s): %s", job.chat_id, outcome.state, outcome.reason)


_UNRECORDED = _Unrecorded()


class StoredFileIds:
    """Telegram file ids of course files: in the database, and in memory for the fan-out."""

    def __init__(self, courses: CourseRepository) -> None:
        self._courses = courses
        self._known: dict[str, str | None] = {}

    async def get(self, sha256: str) -> str | None:
        if sha256 not in self._known:
            self._known[sha256] = await self._courses.telegram_file_id(sha256)
        return self._known[sha256]

    async def remember(self, sha256: str, file_id: str) -> None:
        await self._courses.remember_telegram_file_id(sha256, file_id)
        self._known[sha256] = file_id

    async def forget(self, sha256: str) -> None:
        await self._courses.remember_telegram_file_id(sha256, None)  # type: ignore[arg-type]
        self._known[sha256] = None


class DeliveryService:
    """Planning, dispatching and recording of deliveries; the sender's reporter."""

    def __init__(self, db: Database, settings: Settings, translator: Translator, clock: Clock) -> None:
        self.settings = settings
        self.translator = translator
        self.clock = clock
        self.repo = DeliveryRepository(db)
        self.users = UserRepository(db)
        self.courses = CourseCache(CourseRepository(db))
        self.planner = Planner(db, settings, self.courses)
        self.file_ids = StoredFileIds(CourseRepository(db))
        self.done_checks: list[DoneCheck] = []
        self.details: dict[str, DetailLoader] = {}
        # Run on every tick, after planning: other features plan or send what they owe.
        self.tick_hooks: list[TickHook] = []
        # Enough claimed work to keep every lane busy: each learner's messages are a second
        # apart, so about four seconds' worth of the overall rate.
        self.queue_target = max(4 * settings.send_rate, 64)
        self.sender: SenderPort | None = None
        self._scheduler: Scheduler | None = None
        self._pump_task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        # Cohorts paused by this process: rows a claim took just before the pause are put back
        # instead of being sent.
        self._paused: set[int] = set()
        self._stopping = False
        self._tick_due = False

    # ------------------------------------------------------------------ lifecycle

    async def start(self, make_sender: SenderFactory, *, scheduler: Scheduler | None = None) -> None:
        """Take up interrupted rows, start the sender and, given a ``scheduler``, the periodic
        tick and the dispatcher.

        Without a scheduler nothing runs by itself: tests call :meth:`run_due` and :meth:`idle`
        with a frozen clock.
        """
        recovered = await self.repo.recover_interrupted(self.clock.now())
        if recovered:
            log.warning(
                "%d delivery(ies) were taken for sending when the bot stopped; each goes on "
                "from where it was. At most %d message(s) were in flight and may arrive twice",
                recovered,
                self.settings.send_concurrency,
            )
        self._stopping = False
        self.sender = make_sender(self.file_ids, self)
        self.sender.start()
        if scheduler is None:
            return
        self._scheduler = scheduler
        scheduler.every(TICK_JOB, self.settings.delivery_tick, self._tick_job, now=True)
        self._pump_task = asyncio.create_task(self._pump(), name="delivery-pump")

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """SIGTERM: take nothing new; messages in flight finish (up to ``grace`` s) and are
        recorded; what was taken but not sent goes back to planned.

        Never raises: it runs in aiogram's shutdown hook, and an exception there would leave
        ``stop_polling`` waiting forever.
        """
        try:
            await self._stop_automatic(grace)
            if self.sender is None:
                return
            await self.sender.stop(grace)
            self.sender = None
            # Nothing is in flight any more, so every row still "sending" (queued in a lane, or
            # taken by the last claim) goes back to planned, with its progress.
            put_back = await self.repo.recover_interrupted(self.clock.now())
            if put_back:
                log.info("stopped: %d delivery(ies) put back for the next start", put_back)
        except Exception:
            log.exception("delivery did not stop cleanly; the next start takes up what is left")

    async def abort(self) -> None:
        """Stop at once without recording anything, as a killed process would."""
        await self._stop_automatic(0)
        if self.sender is not None:
            await self.sender.abort()
            self.sender = None

    async def _stop_automatic(self, grace: float) -> None:
        """Cancel our scheduled jobs and let the dispatcher finish the step it is in.

        The dispatcher is asked to stop rather than cancelled: a task cancelled in the middle of
        a database call can leave the shared connection inside a transaction. The scheduler's
        jobs only set flags, so cancelling them is harmless.
        """
        self._stopping = True
        if self._scheduler is not None:
            self._scheduler.cancel(TICK_JOB)
            self._scheduler.cancel(WAKE_JOB)
            self._scheduler = None
        task, self._pump_task = self._pump_task, None
        if task is None:
            return
        self._wake.set()
        if self.sender is not None:
            self.sender.interrupt_waits()
        done, _ = await asyncio.wait({task}, timeout=grace)
        if not done:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def wake(self) -> None:
        """Look for due rows now (a join, a resend, an unblock, the scheduler)."""
        self._wake.set()

    async def _wake_job(self) -> None:
        self.wake()

    async def _tick_job(self) -> None:
        # The work is done by the dispatcher's own task, never by a job the scheduler may cancel.
        self._tick_due = True
        self.wake()

    async def tick(self) -> None:
        """Plan enrolments nobody planned; cancel rows of learners who left and of finished
        cohorts."""
        now = self.clock.now()
        try:
            await self.planner.plan_pending(now)
            await self.repo.sweep_ended(now)
        except Exception:
            log.exception("the delivery tick failed; the next one tries again")
        for hook in self.tick_hooks:
            try:
                await hook(now)
            except Exception:
                log.exception("a tick hook (%s) failed; the next tick tries again", getattr(hook, "__qualname__", hook))
        self.wake()

    # ------------------------------------------------------------------ dispatching

    async def _pump(self) -> None:
        while not self._stopping:
            await self._wake.wait()
            self._wake.clear()
            if self._stopping:
                return
            try:
                if self._tick_due:
                    self._tick_due = False
                    await self.tick()
                    self._wake.clear()
                await self._drain_due()
                if not self._stopping:
                    await self._plan_wake()
            except Exception:
                log.exception("the delivery dispatcher failed; trying again in a few seconds")
                self._schedule_wake(timedelta(seconds=5))

    async def _drain_due(self) -> None:
        assert self.sender is not None
        while not self._stopping:
            if self.sender.pending >= self.queue_target:
                await self.sender.wait_for_room(self.queue_target // 2)
                continue
            room = self.queue_target - self.sender.pending
            if await self.run_due(min(room, CLAIM_BATCH)) == 0:
                return

    async def _plan_wake(self) -> None:
        upcoming = await self.repo.next_due()
        if upcoming is None:
            if self._scheduler is not None:
                self._scheduler.cancel(WAKE_JOB)
            return
        # Something due but not taken (a race with a pause, say) is looked at again in a second.
        self._schedule_wake(max(upcoming - self.clock.now(), timedelta(seconds=1)))

    def _schedule_wake(self, delay: timedelta) -> None:
        if self._scheduler is None:
            return
        # The scheduler runs on real time and the clock may be a test's: wake after the delay.
        self._scheduler.after(WAKE_JOB, delay, self._wake_job)

    async def run_due(self, limit: int = CLAIM_BATCH) -> int:
        """Take what is due now (up to ``limit`` rows) and hand it to the sender."""
        assert self.sender is not None, "start() first"
        now = self.clock.now()
        quiet_until: dict[int, datetime] = {}
        if self.planner.quiet is not None:
            for cohort_id, zone in await self.repo.active_cohorts():
                tz = ZoneInfo(zone)
                if self.planner.quiet.contains(now, tz):
                    quiet_until[cohort_id] = self.planner.quiet.end_of(now, tz)
        await self.repo.prepare_due(now, quiet_until)
        rows = await self.repo.claim(now, limit)
        for number, row in enumerate(rows, start=1):
            await self._dispatch(row, now)
            if number % 50 == 0:
                await asyncio.sleep(0)  # rendering a batch must not stall the sender's pacing
        return len(rows)

    async def idle(self) -> None:
        """Wait until the sender has nothing left (tests)."""
        if self.sender is not None:
            await self.sender.wait_for_room(1)

    async def _dispatch(self, row: DueDelivery, now: datetime) -> None:
        assert self.sender is not None
        if row.cohort_id in self._paused:
            await self.repo.release([row.id], now)
            return
        if row.kind in REMINDER_KINDS and await self._already_done(row):
            await self.repo.finish(row.id, CANCELLED, DONE, now)
            return
        try:
            course, files_dir = await self.courses.get(row.version_id)
            loader = self.details.get(row.kind)
            detail = None if loader is None else await loader(row)
            messages = render(row, RenderContext(course, Path(files_dir), self.translator, detail))
        except Withdrawn as gone:  # stopped between the claim and now: never sent
            await self.repo.finish(row.id, CANCELLED, gone.reason, now)
            return
        except Exception as error:
            log.exception("delivery %s (%s) cannot be rendered", row.id, row.item_key)
            await self.repo.finish(row.id, FAILED, f"render: {error}", now)
            return
        if row.parts_done >= len(messages):  # everything went out just before a stop
            await self.repo.record_part(row.id, row.parts_done, row.message_ids, final=True, now=now)
            return
        # A review group's post goes to the group (its lane keeps the group's pace), not to the
        # learner the row is about.
        chat_id = detail.chat_id if isinstance(detail, Addressed) else row.user_id
        self.sender.submit(
            SendJob(row.id, chat_id, row.cohort_id, messages, row.parts_done, list(row.message_ids), row.attempts)
        )

    async def _already_done(self, row: DueDelivery) -> bool:
        for check in self.done_checks:
            try:
                if await check(row.cohort_id, row.user_id, row.item_key):
                    return True
            except Exception:
                log.exception("done check failed for delivery %s; sending the reminder", row.id)
        return False

    # ------------------------------------------------------------------ the sender's reports

    async def part_sent(self, job: SendJob, message_id: int, poll_id: str | None = None) -> None:
        done = job.next + 1
        await self.repo.record_part(
            job.delivery_id, done, [*job.message_ids, message_id], final=done >= len(job.messages), now=self.clock.now()
        )

    async def ended(self, jobs: list[SendJob], outcome: Outcome) -> None:
        now = self.clock.now()
        # After a network error a chat's jobs come back together and keep their order: one due
        # moment for all of them.
        due = now + retry_delay(max((job.attempt for job in jobs), default=1))
        for job in jobs:
            if outcome.state == "unreachable":
                await self.repo.finish(job.delivery_id, UNREACHABLE, outcome.reason, now)
            elif outcome.state == "failed" or (outcome.state == "retry" and job.attempt >= MAX_ATTEMPTS):
                log.warning(
                    "delivery %s to %s failed (attempt %d): %s",
                    job.delivery_id,
                    job.chat_id,
                    job.attempt,
                    outcome.reason,
                )
                await self.repo.finish(job.delivery_id, FAILED, outcome.reason, now)
            else:
                await self.repo.retry_later(job.delivery_id, due, outcome.reason or "", now)
        if outcome.state == "unreachable" and jobs and jobs[0].chat_id > 0:  # a person, not a group
            await self.users.mark_blocked(jobs[0].chat_id, now)
        if outcome.state == "retry":
            self.wake()  # so the next wake-up covers the retry

    # ------------------------------------------------------------------ replies outside the lanes

    async def send_direct(self, call: Callable[[], Awaitable[T]], *, chat_id: int | None = None) -> T:
        """Send a handler's own reply (``call``) within the sender's overall window, waiting out
        a 429 (see ``Sender.send_direct``; with ``chat_id``, also at that chat's pace). Without a
        running sender (handler tests) it is just the call."""
        if isinstance(self.sender, Sender):
            return await self.sender.send_direct(call, chat_id=chat_id)
        return await call()

    def send_screen(self, chat_id: int, cohort_id: int, messages: tuple[OutMessage, ...]) -> bool:
        """Several messages a person asked for at once (a submission's header, parts and buttons
        for a curator) through the sender's lane for that chat: one a second, within the overall
        window, a 429 waited out, never a burst of ten. Not recorded in the deliveries table: it
        answers a press, and pressing again shows it again. False without a running sender
        (handler tests): the caller sends it itself."""
        if self.sender is None:
            return False
        self.sender.submit(SendJob(0, chat_id, cohort_id, messages, owner=_UNRECORDED))
        return True

    # ------------------------------------------------------------------ events

    async def on_enrolled(self, cohort_id: int, user_id: int) -> None:
        """EnrolmentService listener: plan the new learner (the tick catches up if this fails).

        It does not wake the dispatcher: the handler that enrolled the person does, once it has
        told them, so that a late joiner's first lesson does not overtake "you are enrolled".
        """
        try:
            await self.planner.plan_learner(cohort_id, user_id, self.clock.now())
        except Exception:
            log.exception("planning learner %s in cohort %s failed; the next tick plans them", user_id, cohort_id)

    async def person_erased(self, user_id: int) -> None:
        """ErasureService listener: their planned rows are cancelled already; take back what the
        sender holds for them too (a message in flight still finishes)."""
        if self.sender is None:
            return
        now = self.clock.now()
        for job in self.sender.withdraw(lambda job: job.chat_id == user_id and job.owner is None):
            await self.repo.finish(job.delivery_id, CANCELLED, LEFT, now)

    async def withdraw(self, delivery_ids: set[int], reason: str) -> int:
        """Take back what the sender holds of these rows and cancel them (a message in flight
        still finishes). Returns how many were taken back."""
        if self.sender is None or not delivery_ids:
            return 0
        now = self.clock.now()
        taken = self.sender.withdraw(lambda job: job.delivery_id in delivery_ids)
        for job in taken:
            await self.repo.finish(job.delivery_id, CANCELLED, reason, now)
        return len(taken)

    async def learner_blocked(self, user_id: int) -> None:
        await self.users.mark_blocked(user_id, self.clock.now())

    async def learner_unblocked(self, user_id: int) -> int:
        """They get what they missed, spaced out from now. Returns the rows planned again."""
        now = self.clock.now()
        await self.users.mark_reachable(user_id)
        again = await self.planner.learner_back(user_id, now)
        if again:
            log.info("learner %s is reachable again: %d delivery(ies) planned anew", user_id, again)
            self.wake()
        return again

    async def resend_item(self, cohort_id: int, user_id: int, item_key: str) -> ResendOutcome:
        """Send a lesson (``"L3"``), a homework prompt (``"L3.hw"``) or the questionnaire
        invitation (``"Q"``) to the learner once more, ahead of the calendar's fan-out."""
        kind = kind_of(item_key)
        if kind is None:
            return ResendOutcome.UNKNOWN
        outcome = ResendOutcome(await self.repo.add_copy(cohort_id, user_id, item_key, kind, self.clock.now()))
        if outcome is ResendOutcome.QUEUED:
            self.wake()
        return outcome

    async def resend_delivery(self, delivery_id: int, user_id: int) -> ResendOutcome:
        """The "send again" button under a delivered lesson."""
        row = await self.repo.get(delivery_id)
        if row is None or row["user_id"] != user_id:
            return ResendOutcome.UNKNOWN
        return await self.resend_item(row["cohort_id"], user_id, row["item_key"])

    async def pause(self, cohort_id: int) -> bool:
        self._paused.add(cohort_id)
        paused = await self.planner.pause(cohort_id, self.clock.now())
        if not paused:
            self._paused.discard(cohort_id)
        elif self.sender is not None:
            # Only its own rows: another feature's jobs (a quiz question the learner asked for)
            # are that feature's to keep.
            taken = self.sender.withdraw(lambda job: job.cohort_id == cohort_id and job.owner is None)
            await self.repo.release([job.delivery_id for job in taken], self.clock.now())
        return paused

    async def resume(self, cohort_id: int, mode: ResumeMode) -> ResumeResult | None:
        result = await self.planner.resume(cohort_id, mode, self.clock.now())
        if result is not None:
            self._paused.discard(cohort_id)
            self.wake()
        return result
