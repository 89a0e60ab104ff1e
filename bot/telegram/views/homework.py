"""Homework as people see it: a Telegram message read as a part, the learner's draft status,
progress, the curator's header and the parts re-sent as they were (albums as albums).

The draft has one status message, edited as parts arrive. :class:`StatusEdits` keeps that to at
most about one edit a second per chat, and an album (ten updates in a burst) to one edit: the
edit runs a moment after the last part, reading the draft afresh, so it always shows everything
stored so far. The parts themselves are committed before any of this, so a lost edit loses nothing.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from html import escape
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.types import (
    InlineKeyboardMarkup,
    Message,
)

from bot.delivery.outgoing import OutMessage
from bot.delivery.sender import send_one
from bot.homework.model import (
    Draft,
    HomeworkContext,
    HomeworkProgress,
    HomeworkStatus,
    NewPart,
    PartKind,
    Progress,
    Submission,
    text_kind,
)
from bot.homework.render import deadline_label, decision_line, lesson_title
from bot.i18n import Localizer, Translator
from bot.telegram import keyboards
from bot.text import dates

if TYPE_CHECKING:
    from bot.delivery.service import DeliveryService
    from bot.homework.service import HomeworkService

log = logging.getLogger(__name__)

EDIT_INTERVAL = 1.0  # seconds between two edits of one chat's status message (Telegram: ~1 msg/s)
ALBUM_SETTLE = 0.6  # an album's parts arrive within a fraction of a second: one edit for all
BAR_CELLS = 10
COMMENT_LIMIT = 3000  # a curator's comment, leaving room in the learner's 4096 for the bot's words


# -------------------------------------------------------------------------------- reading


def part_of(message: Message) -> NewPart | None:
    """What a learner's message brings as a part of homework; None for what cannot be one
    (a sticker, a location, a contact, a GIF, a poll)."""
    message_id, group, caption = message.message_id, message.media_group_id, message.caption
    if message.text is not None:
        return NewPart(text_kind(message.text), message_id, text=message.text, media_group_id=group)
    if message.animation is not None or message.sticker is not None:
        return None
    if message.photo:
        photo = message.photo[-1]
        return NewPart(
            "photo", message_id, file_id=photo.file_id, file_unique_id=photo.file_unique_id, size=photo.file_size,
            text=caption, media_group_id=group,
        )  # fmt: skip
    kinds: tuple[PartKind, ...] = ("document", "video", "voice", "audio", "video_note")
    for kind in kinds:
        media = getattr(message, kind)
        if media is not None:
            return NewPart(
                kind,
                message_id,
                file_id=media.file_id,
                file_unique_id=media.file_unique_id,
                size=media.file_size,
                name=getattr(media, "file_name", None),
                text=caption,
                media_group_id=group,
            )
    return None


# -------------------------------------------------------------------------------- the learner


def accepted_kinds(l10n: Localizer, accepts: Sequence[str]) -> str:
    return ", ".join(l10n(f"delivery-accepts-{kind}") for kind in accepts)


def parts_summary(l10n: Localizer, draft: Draft) -> str:
    if not draft.parts:
        return l10n("homework-draft-empty")
    summary = ", ".join(l10n(f"homework-count-{kind}", count=count) for kind, count in draft.counts.items())
    return l10n("homework-draft-parts", count=draft.parts, summary=summary)


def draft_status(
    l10n: Localizer, draft: Draft, context: HomeworkContext, *, late: bool
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The draft's one status message: what to send, until when, what is in it so far."""
    lines = [
        l10n("homework-draft-title", lesson=context.lesson_number, title=lesson_title(l10n, context)),
        l10n("homework-draft-how", kinds=accepted_kinds(l10n, context.accepts)),
        l10n("homework-draft-deadline", deadline=deadline_label(l10n, context)),
    ]
    if late:
        lines.append(l10n("homework-draft-late"))
    if draft.submission.version > 1:
        lines.append(l10n("homework-draft-version", version=draft.submission.version))
    lines.append("")
    lines.append(parts_summary(l10n, draft))
    markup = keyboards.draft_keyboard(l10n, draft.submission.id) if draft.parts else None
    return "\n".join(lines), markup


def sent_text(l10n: Localizer, submission: Submission, context: HomeworkContext, parts: int) -> str:
    text = l10n("homework-sent", lesson=context.lesson_number, title=lesson_title(l10n, context), count=parts)
    if submission.late:
        text += "\n" + l10n("homework-sent-late", deadline=deadline_label(l10n, context))
    return text


def closed_text(l10n: Localizer, context: HomeworkContext, curators: Sequence[str]) -> str:
    ask = (
        l10n("homework-closed-ask-curators", curators=escape(", ".join(curators)))
        if curators
        else l10n("homework-closed-ask-organizer")
    )
    return l10n("homework-closed", lesson=context.lesson_number, deadline=deadline_label(l10n, context)) + "\n" + ask


def progress_text(l10n: Localizer, progress: Progress, timezone: str, completion: list[str] | None = None) -> str:
    """Per course: lessons received, a bar of required homework accepted, each homework's status,
    and what is still needed for completion (``completion``: those lines as bot/completion says
    them, with where she stands; without them, the course's rules as homework knows them)."""
    course = progress.course
    lines = [
        l10n("homework-progress-title", course=escape(course.text(course.title, l10n.locale))),
        l10n("homework-progress-lessons", received=progress.lessons_received, total=progress.lessons_total),
    ]
    if progress.required_count:
        lines.append(homework_line(l10n, progress))
    if progress.homework:
        lines.append("")
        lines.append(l10n("homework-progress-homework"))
        lines.extend(_status_line(l10n, item, timezone) for item in progress.homework)
    if completion is not None:
        if completion:
            lines.append("")
            lines.extend(completion)
        return "\n".join(lines).strip()
    needed: list[str] = []
    missing = progress.missing_homework
    if missing:
        numbers = ", ".join(str(item.lesson_number) for item in missing)
        needed.append(l10n("homework-needed-homework", lessons=numbers, count=len(missing)))
    if progress.quiz_pass_mark is not None:
        needed.append(l10n("homework-needed-quiz", mark=progress.quiz_pass_mark))
    if progress.questionnaire_required:
        needed.append(l10n("homework-needed-questionnaire"))
    lines.append("")
    if needed:
        lines.append(l10n("homework-progress-needed"))
        lines.extend(needed)
    elif progress.required_count:
        lines.append(l10n("homework-progress-done"))
    return "\n".join(lines).strip()


def progress_bar(done: int, total: int) -> str:
    filled = round(BAR_CELLS * done / total) if total else 0
    return "▓" * filled + "░" * (BAR_CELLS - filled)


def homework_line(l10n: Localizer, progress: Progress) -> str:
    """One line for the course card: the bar of required homework accepted, or what there is."""
    if progress.required_count:
        bar = progress_bar(progress.accepted_required, progress.required_count)
        return l10n("homework-progress-bar", bar=bar, done=progress.accepted_required, total=progress.required_count)
    return ""


def _status_line(l10n: Localizer, item: HomeworkProgress, timezone: str) -> str:
    status = item.status
    if status is HomeworkStatus.ACCEPTED and item.score is not None and item.max_score is not None:
        line = l10n("homework-status-accepted-score", lesson=item.lesson_number, score=item.score, max=item.max_score)
    elif status is HomeworkStatus.NOT_HANDED_IN:
        deadline = dates.moment_label(l10n.locale, item.deadline.astimezone(ZoneInfo(timezone)))
        line = l10n("homework-status-not-handed-in", lesson=item.lesson_number, deadline=deadline)
    else:
        line = l10n(f"homework-status-{status.value}", lesson=item.lesson_number)
    if item.late and status in (HomeworkStatus.ACCEPTED, HomeworkStatus.WAITING):
        line += " " + l10n("homework-status-was-late")
    return line


# -------------------------------------------------------------------------------- the curator


# -------------------------------------------------------------------------------- editing, paced


class StatusEdits:
    """At most one edit of a chat's status message per :data:`EDIT_INTERVAL`, the last request
    winning: a burst of parts (an album) costs one edit, made after it settles."""

    def __init__(self, interval: float = EDIT_INTERVAL, settle: float = ALBUM_SETTLE) -> None:
        self.interval = interval
        self.settle = settle
        self._last: dict[int, float] = {}
        self._jobs: dict[int, Callable[[], Awaitable[None]]] = {}
        self._tasks: dict[int, asyncio.Task[None]] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    def lock(self, chat_id: int) -> asyncio.Lock:
        """Held by a paced edit and by whatever else rewrites the status message (handing in,
        starting over), so an edit begun a moment before cannot undo "sent to the curator"."""
        return self._locks.setdefault(chat_id, asyncio.Lock())

    def request(self, chat_id: int, job: Callable[[], Awaitable[None]], *, album: bool = False) -> None:
        self._jobs[chat_id] = job
        if chat_id in self._tasks:
            return
        loop = asyncio.get_running_loop()
        wait = max(self._last.get(chat_id, float("-inf")) + self.interval - loop.time(), 0.0)
        if album:
            wait = max(wait, self.settle)
        self._tasks[chat_id] = loop.create_task(self._run(chat_id, wait), name=f"status-edit-{chat_id}")

    def cancel(self, chat_id: int) -> None:
        """Forget a pending edit (the draft was handed in: its message now says so)."""
        self._jobs.pop(chat_id, None)
        task = self._tasks.pop(chat_id, None)
        if task is not None:
            task.cancel()

    async def _run(self, chat_id: int, wait: float) -> None:
        try:
            if wait:
                await asyncio.sleep(wait)
        finally:
            if self._tasks.get(chat_id) is asyncio.current_task():
                del self._tasks[chat_id]
        job = self._jobs.pop(chat_id, None)
        if job is not None:
            await self._do(chat_id, job)

    async def _do(self, chat_id: int, job: Callable[[], Awaitable[None]]) -> None:
        self._last[chat_id] = asyncio.get_running_loop().time()
        try:
            async with self.lock(chat_id):
                await job()
        except Exception:  # an edit is a courtesy: the parts are stored whatever happens here
            log.exception("could not update the draft status in chat %s", chat_id)

    async def drain(self) -> None:
        """Run what is pending now, without waiting out the pace (tests, and a graceful stop)."""
        tasks = list(self._tasks.values())
        self._tasks.clear()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        jobs, self._jobs = self._jobs, {}
        for chat_id, job in jobs.items():
            await self._do(chat_id, job)


async def edit_or_send(
    bot: Bot, chat_id: int, message_id: int | None, text: str, markup: InlineKeyboardMarkup | None
) -> int:
    """Edit the status message in place; send a new one if it is gone. Returns its id."""
    if message_id is not None:
        try:
            await bot.edit_message_text(text, chat_id=chat_id, message_id=message_id, reply_markup=markup)
            return message_id
        except TelegramBadRequest as error:
            if "not modified" in error.message:
                return message_id
        except TelegramAPIError:
            log.warning("status message %s in chat %s could not be edited; sending it anew", message_id, chat_id)
    sent = await bot.send_message(chat_id, text, reply_markup=markup)
    return sent.message_id


# -------------------------------------------------------------------------------- the review group


async def show_group_decision(
    bot: Bot, translator: Translator, homework: HomeworkService, delivery: DeliveryService, submission_id: int
) -> None:
    """Edit the review group's post of a decided submission (made in the group or in a private
    chat): its buttons give way to who decided what. Nothing if the work was never posted."""
    post = await homework.group_post(submission_id)
    review = await homework.review(submission_id)
    submission = await homework.submission(submission_id)
    if post is None or review is None or submission is None:
        return
    l10n = Localizer(translator, post.language or translator.default_locale)
    context = await homework.context(submission.cohort_id, submission.item_key)
    learner = await homework.learner(submission.user_id)
    name = (learner.full_name if learner else None) or l10n("review-unknown")
    text = decision_line(l10n, review, context.max_score if context else None, name)
    try:
        await delivery.send_direct(
            lambda: bot.edit_message_text(text, chat_id=post.chat_id, message_id=post.message_id, reply_markup=None),
            chat_id=post.chat_id,  # the group's pace
        )
    except TelegramAPIError as error:  # the post was deleted, the bot left the group: the decision stands
        log.info("the review group's post of submission %s was not edited: %s", submission_id, error)


async def send_screen(
    bot: Bot, delivery: DeliveryService, chat_id: int, cohort_id: int, messages: tuple[OutMessage, ...]
) -> None:
    """A curator's screen of several messages through the sender's lane for their chat (see
    ``DeliveryService.send_screen``); at once and in order where no sender runs."""
    if not delivery.send_screen(chat_id, cohort_id, messages):
        for message in messages:
            await send_one(bot, chat_id, message)
