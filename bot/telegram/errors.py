"""The last line of defence: an unexpected error is logged and the person is told, politely."""

from __future__ import annotations

import contextlib
import logging

from aiogram.exceptions import TelegramAPIError
from aiogram.types import ErrorEvent

from bot.i18n import Localizer

log = logging.getLogger(__name__)


async def on_error(event: ErrorEvent, l10n: Localizer | None = None) -> bool:
    log.exception("update %s failed", event.update.update_id, exc_info=event.exception)
    if l10n is None:
        return True
    update = event.update
    chat_id = None
    if update.message is not None:
        chat_id = update.message.chat.id
    elif update.callback_query is not None:
        # The press itself is answered by CallbackAnswerMiddleware, also when its handler failed.
        chat_id = update.callback_query.from_user.id
    if chat_id is not None and update.bot is not None:
        with contextlib.suppress(TelegramAPIError):
            await update.bot.send_message(chat_id, l10n("error-generic"))
    return True
