"""The last router: whatever nobody else understood gets a friendly hint, never silence."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.i18n import Localizer
from bot.people.model import User
from bot.telegram import keyboards
from bot.telegram.views import drop_buttons


def setup() -> Router:
    router = Router(name="fallback")

    @router.message()
    async def unknown_message(message: Message, l10n: Localizer, user: User | None) -> None:
        if message.chat.type != "private":
            return
        if user is not None and user.is_registered:
            await message.answer(l10n("fallback-hint"), reply_markup=keyboards.main_menu(l10n))
        else:
            await message.answer(
                l10n("fallback-hint-unregistered"), reply_markup=keyboards.restart_registration_keyboard(l10n)
            )

    @router.callback_query()
    async def unknown_button(query: CallbackQuery, callback_answer: CallbackAnswer, l10n: Localizer, bot: Bot) -> None:
        callback_answer.text = l10n("button-outdated")
        callback_answer.show_alert = True
        if query.message is not None:
            await drop_buttons(bot, query.from_user.id, query.message.message_id)

    return router
