"""The one outgoing queue for fan-out: every lesson, prompt and reminder goes through it.

Telegram's limits, and how each is kept (the numbers come from the settings):

* **Overall** at most ``rate`` messages per second. Telegram counts a message when it arrives,
  somewhere between our request's start and its answer, so a new request may start only after
  the request ``rate`` places back has been *answered* and a full second has passed since. Then
  no window of one second can hold ``rate + 1`` arrivals, whatever the network does; the cost is
  one round trip per second of throughput (about 1-2 % at local latencies).
* **Per chat** one message a second in a private chat, ``60 / group_per_minute`` seconds apart in
  a group, counted from the previous message's answer: each chat is a lane, sent in order, one
  message at a time. Many lanes run side by side.
* **429** pauses the whole sender for ``retry_after`` seconds; the message is sent again after.
* **Network errors and 5xx** give the job back to its owner to try later with a backoff, and
  pause the sender for a moment that grows while they keep coming (a dead API is not hammered).
* **403** (blocked, deactivated) ends the job as unreachable, with the other jobs queued for the
  same chat. **400** ends it as failed with Telegram's reason, never retried.

Files go up once: the first job that needs a file uploads it while the chats that need the same
file wait; everybody else sends its ``file_id``. A ``file_id`` Telegram no longer knows is
forgotten and the file uploaded again.

Crash safety is the owner's (:mod:`bot.delivery.service`): it hears of each message the moment
it is answered (``part_sent``), and the sender does not start another request in that slot before
the record is written. So at any moment at most ``concurrency`` messages are sent but not
recorded: the messages a SIGKILL can duplicate.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from aiogram import Bot
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramBadRequest,
    TelegramEntityTooLarge,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.types import (
    FSInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaAudio,
    InputMediaDocument,
    InputMediaPhoto,
    InputMediaVideo,
    InputPollOption,
    Message,
)

from bot.config import Settings
from bot.delivery.outgoing import (
    AlbumItem,
    FileIds,
    KnownFile,
    Outcome,
    OutFile,
    OutMessage,
    OutPoll,
    SendJob,
    SendReporter,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_PAUSE = 60.0
# 400s that mean "this person cannot be reached", not "this message is wrong".
_UNREACHABLE_400 = ("chat not found", "user is deactivated", "peer_id_invalid", "user not found")
# 400s that mean "that file_id is no good here": upload the file again.
_STALE_FILE = ("wrong file identifier", "file reference", "wrong remote file", "can't use file of type")


@dataclass
class _Slot:
    """One request, for the overall window: when it was answered (None while in flight)."""

    done_at: float | None = None
    answered: asyncio.Event = field(default_factory=asyncio.Event)

    def finish(self, at: float) -> None:
        if self.done_at is None:
            self.done_at = at
            self.answered.set()


class WindowLimiter:
    """At most ``rate`` requests per ``window`` seconds, counted from answers (see module doc),
    plus a pause everyone waits out (429, a failing API)."""

    def __init__(self, rate: int, window: float = 1.0, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.window = window
        self._now = monotonic
        self._recent: deque[_Slot] = deque()
        self.paused_until = 0.0

    def pause(self, seconds: float) -> None:
        self.paused_until = max(self.paused_until, self._now() + seconds)

    def delay(self) -> float | None:
        """Seconds to wait before the next request may start; None: wait for an answer."""
        now = self._now()
        if self.paused_until > now:
            return self.paused_until - now
        if len(self._recent) < self.rate:
            return 0.0
        oldest = self._recent[0]
        if oldest.done_at is None:
            return None
        return max(0.0, oldest.done_at + self.window - now)

    async def acquire(self) -> _Slot:
        while True:
            wait = self.delay()
            if wait == 0.0:
                break
            if wait is None:
                # The request ``rate`` places back is still in flight (a slow upload): wait for
                # its answer, but not forever; after a window, stop counting it.
                oldest = self._recent[0]
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(oldest.answered.wait(), self.window)
                if oldest.done_at is None and self._recent and self._recent[0] is oldest:
                    self._recent.popleft()
                continue
            await asyncio.sleep(wait)
        if len(self._recent) >= self.rate:
            self._recent.popleft()
        slot = _Slot()
        self._recent.append(slot)
        return slot


class ChatPacer:
    """When each chat may get its next message."""

    def __init__(self, private_interval: float, group_interval: float) -> None:
        self.private_interval = private_interval
        self.group_interval = group_interval
        self._last: dict[int, float] = {}

    def interval(self, chat_id: int) -> float:
        return self.group_interval if chat_id < 0 else self.private_interval

    def ready_at(self, chat_id: int) -> float:
        last = self._last.get(chat_id)
        return 0.0 if last is None else last + self.interval(chat_id)

    def answered(self, chat_id: int, at: float) -> None:
        self._last[chat_id] = at

    def forget_before(self, moment: float) -> None:
        """Drop chats whose spacing has long passed, so the map stays small."""
        horizon = max(self.private_interval, self.group_interval)
        for chat_id in [c for c, at in self._last.items() if at + horizon < moment]:
            del self._last[chat_id]


@dataclass
class SenderStats:
    sent: int = 0
    retry_after: int = 0  # 429s received
    transient: int = 0  # network errors and 5xx
    unreachable: int = 0
    failed: int = 0
    uploads: int = 0


class Sender:
    """Lanes per chat, one overall window, a bounded number of requests in flight."""

    def __init__(
        self,
        bot: Bot,
        files: FileIds,
        reporter: SendReporter,
        *,
        rate: int,
        chat_interval: float,
        group_per_minute: int,
        concurrency: int,
        error_pause: float = 0.5,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._bot = bot
        self._files = files
        self._reporter = reporter
        self._now = monotonic
        self.limiter = WindowLimiter(rate, monotonic=monotonic)
        self.pacer = ChatPacer(chat_interval, 60.0 / group_per_minute)
        self.concurrency = concurrency
        self.error_pause = error_pause  # the first pause after a network error or 5xx; it doubles
        self.stats = SenderStats()
        self._slots = asyncio.Semaphore(concurrency)
        self._lanes: dict[int, deque[SendJob]] = {}
        self._busy: set[int] = set()  # chats with a request in flight (or parked for an upload)
        self._heap: list[tuple[float, int, int]] = []  # (ready at, tie-breaker, chat id)
        self._order = itertools.count()
        self._uploading: dict[str, list[int]] = {}  # sha256 -> chats parked until it is up
        self._changed = asyncio.Event()
        self._room = asyncio.Event()
        self._tasks: set[asyncio.Task[None]] = set()
        self._loop_task: asyncio.Task[None] | None = None
        self._transient_streak = 0
        self._jobs = 0
        self._interrupts = 0

    # ------------------------------------------------------------------ the owner's side

    @property
    def pending(self) -> int:
        """Jobs queued or being sent."""
        return self._jobs

    def start(self) -> None:
        if self._loop_task is None:
            self._loop_task = asyncio.create_task(self._run(), name="sender")

    def submit(self, job: SendJob) -> None:
        lane = self._lanes.setdefault(job.chat_id, deque())
        lane.append(job)
        self._jobs += 1
        if len(lane) == 1 and job.chat_id not in self._busy:
            self._schedule(job.chat_id)

    async def wait_for_room(self, below: int) -> None:
        """Until fewer than ``below`` jobs are queued, or :meth:`interrupt_waits` is called."""
        interrupted = self._interrupts
        while self._jobs >= below and self._interrupts == interrupted:
            self._room.clear()
            await self._room.wait()

    def interrupt_waits(self) -> None:
        """Let everyone waiting for room go on (the owner is stopping)."""
        self._interrupts += 1
        self._room.set()

    def withdraw(self, match: Callable[[SendJob], bool]) -> list[SendJob]:
        """Take back queued jobs that ``match`` (a paused cohort); jobs in flight go on."""
        taken: list[SendJob] = []
        for chat_id, lane in self._lanes.items():
            start = 1 if chat_id in self._busy else 0  # the head of a busy lane is in flight
            keep = [job for i, job in enumerate(lane) if i < start or not match(job)]
            taken.extend(job for i, job in enumerate(lane) if i >= start and match(job))
            lane.clear()
            lane.extend(keep)
        self._jobs -= len(taken)
        self._room.set()
        return taken

    async def stop(self, grace: float) -> list[SendJob]:
        """Stop taking new messages, let those in flight finish (up to ``grace`` s) and record
        them; return the jobs that did not finish (the owner puts them back)."""
        if self._loop_task is not None:
            self._loop_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop_task
            self._loop_task = None
        if self._tasks:
            _, late = await asyncio.wait(set(self._tasks), timeout=grace)
            for task in late:
                task.cancel()
            if late:
                log.warning("%d request(s) still running after %.0f s were cut short", len(late), grace)
                await asyncio.wait(late)
        left = [job for lane in self._lanes.values() for job in lane]
        self._lanes.clear()
        self._heap.clear()
        self._jobs = 0
        return left

    async def abort(self) -> None:
        """Drop everything at once, recording nothing (what a killed process does)."""
        tasks = list(self._tasks)
        if self._loop_task is not None:
            tasks.append(self._loop_task)
            self._loop_task = None
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._lanes.clear()
        self._heap.clear()
        self._jobs = 0

    # ------------------------------------------------------------------ lanes

    def _schedule(self, chat_id: int, not_before: float = 0.0) -> None:
        ready = max(self.pacer.ready_at(chat_id), not_before)
        heapq.heappush(self._heap, (ready, next(self._order), chat_id))
        self._changed.set()

    async def _run(self) -> None:
        swept = self._now()
        while True:
            if not self._heap:
                self._changed.clear()
                await self._changed.wait()
                continue
            ready, _, chat_id = self._heap[0]
            wait = ready - self._now()
            if wait > 0:
                self._changed.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), wait)
                continue
            heapq.heappop(self._heap)
            lane = self._lanes.get(chat_id)
            if not lane or chat_id in self._busy:
                continue
            if self.pacer.ready_at(chat_id) > self._now():  # a reply to this chat went out meanwhile
                self._schedule(chat_id)
                continue
            message = lane[0].messages[lane[0].next]
            if message.file is not None and message.file.sha256 in self._uploading:
                self._uploading[message.file.sha256].append(chat_id)
                self._busy.add(chat_id)
                continue
            self._busy.add(chat_id)
            await self._slots.acquire()
            slot = await self.limiter.acquire()
            upload = message.file is not None and await self._files.get(message.file.sha256) is None
            if upload:
                assert message.file is not None
                self._uploading[message.file.sha256] = []
            task = asyncio.create_task(self._send(chat_id, lane[0], message, slot, upload))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            if self._now() - swept > 60:
                swept = self._now()
                self.pacer.forget_before(swept)

    async def _send(self, chat_id: int, job: SendJob, message: OutMessage, slot: _Slot, upload: bool) -> None:
        try:
            outcome, again_after = await self._attempt(chat_id, job, message, slot, upload)
            await self._after(chat_id, job, outcome, again_after)
        except Exception:
            # The database refused the record: the row stays "sending" and is taken up again at
            # the next start. The lane must not stay blocked meanwhile.
            log.exception("could not record a delivery to %s; it is taken up again at the next start", chat_id)
            self._drop(chat_id, job)
        finally:
            # Released only now: a message answered but not yet recorded still holds its slot,
            # which is what bounds the duplicates a SIGKILL can cause.
            self._slots.release()

    async def _attempt(
        self, chat_id: int, job: SendJob, message: OutMessage, slot: _Slot, upload: bool
    ) -> tuple[Outcome | None, float | None]:
        """Send one message and record it. (None, None): sent; (None, t): send it again at t;
        (outcome, None): the job ends so."""
        try:
            message_id, poll_id = await self._call(chat_id, message)
        except TelegramRetryAfter as error:
            self.stats.retry_after += 1
            log.warning("Telegram asks to wait %s s (429); the sender pauses", error.retry_after)
            self.limiter.pause(error.retry_after)
            return None, self.limiter.paused_until
        except TelegramForbiddenError as error:
            return Outcome("unreachable", error.message), None
        except (TelegramBadRequest, TelegramNotFound) as error:
            text = error.message.lower()
            if message.file is not None and not upload and any(s in text for s in _STALE_FILE):
                log.warning("Telegram does not know the file_id of %s any more; uploading it again", message.file.name)
                await self._files.forget(message.file.sha256)
                return None, 0.0
            if any(s in text for s in _UNREACHABLE_400):
                return Outcome("unreachable", error.message), None
            return Outcome("failed", error.message), None
        except TelegramEntityTooLarge as error:  # a subclass of the network error: check it first
            return Outcome("failed", error.message), None
        except (TelegramServerError, TelegramNetworkError, TelegramUnauthorizedError, ClientDecodeError) as error:
            self._transient_streak += 1
            self.stats.transient += 1
            pause = min(MAX_PAUSE, self.error_pause * 2 ** (self._transient_streak - 1))
            log.warning("sending to %s failed (%s); the sender pauses %.1f s", chat_id, error, pause)
            self.limiter.pause(pause)
            return Outcome("retry", f"{type(error).__name__}: {error}"), None
        except TelegramAPIError as error:
            return Outcome("failed", error.message), None
        except OSError as error:  # the stored copy of a file is gone
            name = message.file.name if message.file else ""
            return Outcome("failed", f"file {name}: {error.strerror or error}"), None
        except Exception as error:  # a bug must not pass silently: the organizer sees it as failed
            log.exception("unexpected error sending to %s", chat_id)
            return Outcome("failed", f"{type(error).__name__}: {error}"), None
        finally:
            answered = self._now()
            slot.finish(answered)
            self.pacer.answered(chat_id, answered)
            if upload and message.file is not None:
                for parked in self._uploading.pop(message.file.sha256, []):
                    self._busy.discard(parked)
                    self._schedule(parked)
        self._transient_streak = 0
        self.stats.sent += 1
        await self._reporter_of(job).part_sent(job, message_id, poll_id)
        job.message_ids.append(message_id)
        job.next += 1
        return None, None

    async def _after(self, chat_id: int, job: SendJob, outcome: Outcome | None, again_after: float | None) -> None:
        lane = self._lanes.get(chat_id, deque())
        ended: list[SendJob] = []
        if outcome is None:
            if job.done and job in lane:
                lane.remove(job)
                self._jobs -= 1
        elif outcome.state in ("unreachable", "retry"):
            # Everything queued for this chat would meet the same 403; after a network error the
            # chat's jobs go back together, so they come again in the same order.
            ended = list(lane)
            lane.clear()
        else:
            ended = [job]
            if job in lane:
                lane.remove(job)
        if outcome is not None:
            if outcome.state == "unreachable":
                self.stats.unreachable += 1
            elif outcome.state == "failed":
                self.stats.failed += 1
            try:
                # A lane may hold jobs of several owners (a lesson and a quiz question): each
                # hears of its own, in order.
                owners: dict[int, tuple[SendReporter, list[SendJob]]] = {}
                for one in ended:
                    reporter = self._reporter_of(one)
                    owners.setdefault(id(reporter), (reporter, []))[1].append(one)
                for reporter, jobs in owners.values():
                    await reporter.ended(jobs, outcome)
            finally:
                self._jobs -= len(ended)  # only once recorded: idle means written
        self._release_chat(chat_id, again_after or 0.0)

    def _reporter_of(self, job: SendJob) -> SendReporter:
        return job.owner if job.owner is not None else self._reporter

    def _drop(self, chat_id: int, job: SendJob) -> None:
        lane = self._lanes.get(chat_id)
        if lane is not None and job in lane:
            lane.remove(job)
            self._jobs -= 1
        self._release_chat(chat_id, 0.0)

    def _release_chat(self, chat_id: int, not_before: float) -> None:
        self._busy.discard(chat_id)
        lane = self._lanes.get(chat_id)
        if lane:
            self._schedule(chat_id, not_before)
        elif lane is not None:
            del self._lanes[chat_id]
        self._room.set()

    # ------------------------------------------------------------------ replies outside the lanes

    @contextlib.asynccontextmanager
    async def direct(self) -> AsyncIterator[None]:
        """A reply a handler sends itself (a draft's status message) takes a place in the same
        overall window as the lanes, so a rush of replies and the deliveries together stay
        within Telegram's limit."""
        slot = await self.limiter.acquire()
        try:
            yield
        finally:
            slot.finish(self._now())

    async def send_direct(
        self, call: Callable[[], Awaitable[T]], attempts: int = 3, *, chat_id: int | None = None
    ) -> T:
        """``call`` (a handler's reply) within the overall window; a 429 pauses everyone and the
        reply is tried again, at most ``attempts`` times. With ``chat_id`` the reply also keeps
        that chat's pace with the lane's messages (a review group's 20 a minute): it waits its
        turn, and the lane's next message waits after it."""
        for attempt in range(1, attempts + 1):
            try:
                if chat_id is not None and (wait := self.pacer.ready_at(chat_id) - self._now()) > 0:
                    await asyncio.sleep(wait)
                async with self.direct():
                    result = await call()
                if chat_id is not None:
                    self.pacer.answered(chat_id, self._now())
                return result
            except TelegramRetryAfter as error:
                self.stats.retry_after += 1
                self.limiter.pause(error.retry_after)
                if attempt == attempts:
                    raise
        raise AssertionError("unreachable")

    # ------------------------------------------------------------------ Telegram

    async def _call(self, chat_id: int, message: OutMessage) -> tuple[int, str | None]:
        """Send one message; its id, and the poll's id for a poll."""
        markup = _markup(message)
        if message.album:
            return (await _send_album(self._bot, chat_id, message.album)).message_id, None
        if message.poll is not None:
            sent = await self._send_poll(chat_id, message.poll, markup)
            return sent.message_id, sent.poll.id if sent.poll is not None else None
        if message.known is not None:
            sent = await _send_known(self._bot, chat_id, message.known, message.text or None, markup)
            return sent.message_id, None
        if message.file is None:
            sent = await self._bot.send_message(chat_id, message.text, reply_markup=markup)
            return sent.message_id, None
        file = message.file
        file_id = await self._files.get(file.sha256)
        media = file_id or FSInputFile(file.path, filename=file.name)
        if file_id is None:
            self.stats.uploads += 1
        sent = await self._send_file(chat_id, file, media, message.text or None, markup)
        if file_id is None:
            new_id = _file_id(sent, file)
            if new_id:
                await self._files.remember(file.sha256, new_id)
        return sent.message_id, None

    async def _send_poll(self, chat_id: int, poll: OutPoll, markup: InlineKeyboardMarkup | None) -> Message:
        # The question and options are plain text: no parse mode, so a "<" in them is just a
        # character. The explanation is the course's formatted text (Telegram's HTML).
        return await self._bot.send_poll(
            chat_id,
            poll.question,
            [InputPollOption(text=option, text_parse_mode=None) for option in poll.options],
            question_parse_mode=None,
            is_anonymous=False,
            type="quiz",
            correct_option_id=poll.correct,
            explanation=poll.explanation,
            explanation_parse_mode="HTML" if poll.explanation else None,
            open_period=poll.open_period,
            reply_markup=markup,
        )

    async def _send_file(
        self,
        chat_id: int,
        file: OutFile,
        media: str | FSInputFile,
        caption: str | None,
        markup: InlineKeyboardMarkup | None,
    ) -> Message:
        if file.kind == "photo":
            return await self._bot.send_photo(chat_id, media, caption=caption, reply_markup=markup)
        if file.kind == "video":
            return await self._bot.send_video(chat_id, media, caption=caption, reply_markup=markup)
        if file.kind == "audio":
            return await self._bot.send_audio(chat_id, media, caption=caption, reply_markup=markup)
        return await self._bot.send_document(chat_id, media, caption=caption, reply_markup=markup)


async def _send_known(
    bot: Bot, chat_id: int, file: KnownFile, caption: str | None, markup: InlineKeyboardMarkup | None
) -> Message:
    if file.kind == "photo":
        return await bot.send_photo(chat_id, file.file_id, caption=caption, reply_markup=markup)
    if file.kind == "video":
        return await bot.send_video(chat_id, file.file_id, caption=caption, reply_markup=markup)
    if file.kind == "voice":
        return await bot.send_voice(chat_id, file.file_id, caption=caption, reply_markup=markup)
    if file.kind == "audio":
        return await bot.send_audio(chat_id, file.file_id, caption=caption, reply_markup=markup)
    if file.kind == "video_note":  # a round video has no caption
        return await bot.send_video_note(chat_id, file.file_id, reply_markup=markup)
    return await bot.send_document(chat_id, file.file_id, caption=caption, reply_markup=markup)


_ALBUM_MEDIA = {
    "photo": InputMediaPhoto,
    "video": InputMediaVideo,
    "document": InputMediaDocument,
    "audio": InputMediaAudio,
}


async def _send_album(bot: Bot, chat_id: int, album: tuple[AlbumItem, ...]) -> Message:
    """Files Telegram holds, again as one album; the first message stands for it."""
    media = [
        _ALBUM_MEDIA.get(item.file.kind, InputMediaDocument)(media=item.file.file_id, caption=item.caption or None)
        for item in album
    ]
    sent = await bot.send_media_group(chat_id, media)
    return sent[0]


async def send_one(bot: Bot, chat_id: int, message: OutMessage) -> Message:
    """Send one message of text or of a file Telegram holds, as the sender would, at once and
    outside its queue: a preview for the one person who asked for it."""
    markup = _markup(message)
    if message.album:
        return await _send_album(bot, chat_id, message.album)
    if message.known is not None:
        return await _send_known(bot, chat_id, message.known, message.text or None, markup)
    if message.file is not None:
        raise ValueError("a course file goes through the sender")
    return await bot.send_message(chat_id, message.text, reply_markup=markup)


def _markup(message: OutMessage) -> InlineKeyboardMarkup | None:
    if not message.buttons:
        return None
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=b.text, url=b.url, callback_data=b.callback_data) for b in row]
            for row in message.buttons
        ]
    )


def _file_id(sent: Message, file: OutFile) -> str | None:
    if file.kind == "photo" and sent.photo:
        return sent.photo[-1].file_id
    media = {"video": sent.video, "audio": sent.audio}.get(file.kind) or sent.document
    return media.file_id if media is not None else None


def sender_factory(bot: Bot, settings: Settings) -> Callable[[FileIds, SendReporter], Sender]:
    """How the application builds its sender once the delivery service is ready to report."""

    def build(files: FileIds, reporter: SendReporter) -> Sender:
        return Sender(
            bot,
            files,
            reporter,
            rate=settings.send_rate,
            chat_interval=settings.send_chat_interval,
            group_per_minute=settings.send_group_per_minute,
            concurrency=settings.send_concurrency,
        )

    return build
