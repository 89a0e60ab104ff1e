"""Choosing the interface language: at the first /start, and at any moment with /language."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.clock import Clock
from bot.config import LOCALES
from bot.i18n import Localizer, Translator
from bot.people.model import User
from bot.telegram import keyboards
from bot.telegram.callbacks import LanguageCb, ProfileCb
from bot.telegram.commands import set_chat_commands
from bot.telegram.states import current_step
from bot.telegram.views import drop_buttons
from bot.telegram.views.registration import ask_again, start_registration
from storage.users import UserRepository


def setup(translator: Translator) -> Router:
    router = Router(name="language")

    async def offer(bot: Bot, chat_id: int, l10n: Localizer) -> None:
        await bot.send_message(
            chat_id, l10n("language-choose"), reply_markup=keyboards.language_keyboard(translator, "switch")
        )

    @router.message(Command("language"))
    @router.message(F.text.in_(translator.all_variants("menu-language")))
    async def language_command(message: Message, l10n: Localizer, bot: Bot) -> None:
        await offer(bot, message.chat.id, l10n)

    @router.callback_query(ProfileCb.filter(F.action == "language"))
    async def from_profile(query: CallbackQuery, l10n: Localizer, bot: Bot) -> None:
        await offer(bot, query.from_user.id, l10n)

    @router.callback_query(LanguageCb.filter())
    async def pick(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: LanguageCb,
        state: FSMContext,
        users: UserRepository,
        clock: Clock,
        roles: frozenset[str],
        user: User | None,
        bot: Bot,
        l10n: Localizer,
    ) -> None:
        chat_id = query.from_user.id
        if callback_data.code not in LOCALES:
            callback_answer.text = l10n("button-outdated")
            return
        await users.set_language(chat_id, callback_data.code, clock.now())
        l10n = l10n.with_locale(callback_data.code)
        callback_answer.text = l10n("language-set")
        if query.message is not None:
            await drop_buttons(bot, chat_id, query.message.message_id)
        await set_chat_commands(bot, translator, chat_id, l10n.locale, roles)
        step = current_step(await state.get_state(), await state.get_data())
        if step is not None:
            # In the middle of a form: the same question again, now in the new language.
            stored = getattr(user, step, None) if user else None
            await ask_again(bot, chat_id, state, l10n, step, stored_value=stored)
        elif user is not None and user.is_registered:
            await bot.send_message(chat_id, l10n("language-changed"), reply_markup=keyboards.main_menu(l10n))
        else:
            await start_registration(bot, chat_id, state, l10n)

    return router
