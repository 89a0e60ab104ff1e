"""A broadcast as its organizer sees it: whom it goes to, and its progress message."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from html import escape

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramRetryAfter

from bot.broadcasts.model import CANCELLED, DONE, Audience, Broadcast, Progress, Recipients
from bot.i18n import Localizer, Translator
from bot.people import regions
from bot.telegram.keyboards import broadcast_stop_keyboard
from storage.cohorts import CohortRepository

log = logging.getLogger(__name__)


def region_name(l10n: Localizer, code: str) -> str:
    return l10n(regions.message_id(code)) if code in regions.ALL else escape(code)


def audience_lines(l10n: Localizer, audience: Audience, chosen: Sequence[str] = ()) -> str:
    """Region and libraries, then each other filter chosen (as its choice is named)."""
    region = region_name(l10n, audience.region) if audience.region else l10n("broadcast-region-all")
    settlement = l10n(f"settlement-{audience.settlement}") if audience.settlement else l10n("broadcast-settlement-all")
    lines = [l10n("broadcast-audience-lines", region=region, settlement=settlement)]
    lines += [l10n("broadcast-filter-line", choice=choice) for choice in chosen]
    return "\n".join(lines)


def audience_text(
    l10n: Localizer, cohort_name: str, audience: Audience, recipients: Recipients, chosen: Sequence[str] = ()
) -> str:
    text = l10n("broadcast-audience", name=escape(cohort_name)) + "\n" + audience_lines(l10n, audience, chosen) + "\n\n"
    if recipients.user_ids:
        text += l10n("broadcast-recipients", count=len(recipients.user_ids))
    else:
        text += l10n("broadcast-recipients-none")
    if recipients.blocked:
        text += "\n" + l10n("broadcast-blocked-left-out", count=recipients.blocked)
    return text


def progress_text(l10n: Localizer, cohort_name: str, broadcast: Broadcast, progress: Progress) -> str:
    name = escape(cohort_name)
    if broadcast.status == DONE or (broadcast.status == CANCELLED and progress.finished):
        key = "broadcast-report-done" if broadcast.status == DONE else "broadcast-report-stopped"
        return l10n(
            key,
            name=name,
            total=progress.total,
            sent=progress.sent,
            unreachable=progress.unreachable,
            failed=progress.failed,
            cancelled=progress.cancelled,
        )
    if broadcast.status == CANCELLED:
        return l10n("broadcast-progress-stopping", name=name, sent=progress.sent, total=progress.total)
    text = l10n("broadcast-progress", name=name, sent=progress.sent, total=progress.total)
    if progress.unreachable or progress.failed:
        text += "\n" + l10n("broadcast-progress-problems", unreachable=progress.unreachable, failed=progress.failed)
    return text


class ProgressMessages:
    """The broadcast service's view: edits the one progress message, in the organizer's language.

    Best effort: an edit Telegram refuses or delays is skipped, the next one shows the newer count.
    """

    def __init__(self, bot: Bot, translator: Translator, cohorts: CohortRepository) -> None:
        self._bot = bot
        self._translator = translator
        self._cohorts = cohorts

    async def show(self, broadcast: Broadcast, progress: Progress) -> None:
        if broadcast.progress_chat is None or broadcast.progress_message is None:
            return
        l10n = Localizer(self._translator, broadcast.language)
        cohort = await self._cohorts.get(broadcast.cohort_id)
        text = progress_text(l10n, cohort.name if cohort else "", broadcast, progress)
        running = broadcast.status not in (DONE, CANCELLED)
        markup = broadcast_stop_keyboard(l10n, broadcast.id) if running else None
        try:
            await self._bot.edit_message_text(
                text, chat_id=broadcast.progress_chat, message_id=broadcast.progress_message, reply_markup=markup
            )
        except TelegramRetryAfter as error:
            log.info("progress of broadcast %s: Telegram asks to wait %s s", broadcast.id, error.retry_after)
        except TelegramBadRequest as error:
            if "not modified" in error.message:
                return
            # The organizer deleted the message: the end report comes as a new one.
            if not running:
                with contextlib.suppress(TelegramBadRequest):
                    await self._bot.send_message(broadcast.progress_chat, text)
