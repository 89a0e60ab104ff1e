"""/start, with or without a deep-link payload: greet, and let the person pick a language."""

from __future__ import annotations

from html import escape

from aiogram import Bot, Router
from aiogram.filters import CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot import keyboards
from bot.clock import Clock
from bot.i18n import Localizer, Translator
from storage.users import User, UserRepository

MAX_PAYLOAD = 64  # Telegram's own limit for a start parameter


def setup() -> Router:
    router = Router(name="start")

    @router.message(CommandStart())
    async def start(message: Message, command: CommandObject, state: FSMContext,
                    l10n: Localizer, translator: Translator, users: UserRepository,
                    clock: Clock, user: User | None, bot: Bot) -> None:
        payload = (command.args or "").strip()
        if payload and len(payload) <= MAX_PAYLOAD:
            # Kept for the cohort invites: enrolment happens once the person is registered.
            await users.remember_payload(message.chat.id, payload, clock.now())
        if user is not None and user.is_registered:
            await message.answer(l10n("start-welcome-back", name=escape(user.full_name or "")),
                                 reply_markup=keyboards.main_menu(l10n))
            return
        await message.answer(l10n("start-greeting"),
                             reply_markup=keyboards.language_keyboard(translator, "start"))

    return router
