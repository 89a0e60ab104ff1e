"""/profile: see what the bot keeps about you, change any of it, or delete it."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove
from aiogram.utils.callback_answer import CallbackAnswer

from bot.clock import Clock
from bot.i18n import Localizer, Translator
from bot.people.erasure import ErasureService
from bot.people.model import User
from bot.people.registration import FIELDS, Step
from bot.telegram import keyboards
from bot.telegram.callbacks import ProfileCb
from bot.telegram.views import drop_buttons
from bot.telegram.views.registration import ask_edit, not_registered, show_profile


def setup(translator: Translator) -> Router:
    router = Router(name="profile")

    @router.message(Command("profile"))
    @router.message(F.text.in_(translator.all_variants("menu-profile")))
    async def profile_command(message: Message, l10n: Localizer, user: User | None, bot: Bot) -> None:
        if user is None or not user.is_registered:
            await not_registered(bot, message.chat.id, l10n)
            return
        await show_profile(bot, message.chat.id, l10n, user)

    @router.callback_query(ProfileCb.filter(F.action == "edit"))
    async def edit_field(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: ProfileCb,
        state: FSMContext,
        l10n: Localizer,
        user: User | None,
        bot: Bot,
    ) -> None:
        if user is None or not user.is_registered:
            await not_registered(bot, query.from_user.id, l10n)
            return
        if callback_data.field not in FIELDS:
            callback_answer.text = l10n("button-outdated")
            return
        field = Step(callback_data.field)
        await state.set_data({})
        await ask_edit(bot, query.from_user.id, state, l10n, field, getattr(user, field.value))

    @router.callback_query(ProfileCb.filter(F.action == "delete"))
    async def delete_ask(query: CallbackQuery, l10n: Localizer, user: User | None, bot: Bot) -> None:
        if user is None or not user.is_registered:
            await not_registered(bot, query.from_user.id, l10n)
            return
        await bot.send_message(
            query.from_user.id, l10n("profile-delete-confirm"), reply_markup=keyboards.delete_confirm_keyboard(l10n)
        )

    @router.callback_query(ProfileCb.filter(F.action.in_({"delete-yes", "delete-no"})))
    async def delete_answer(
        query: CallbackQuery,
        callback_data: ProfileCb,
        state: FSMContext,
        l10n: Localizer,
        erasure: ErasureService,
        clock: Clock,
        user: User | None,
        bot: Bot,
    ) -> None:
        chat_id = query.from_user.id
        if query.message is not None:
            await drop_buttons(bot, chat_id, query.message.message_id)
        if user is None or not user.is_registered:
            await not_registered(bot, chat_id, l10n)
            return
        if callback_data.action == "delete-no":
            await bot.send_message(chat_id, l10n("profile-delete-kept"))
            return
        # Cleared first: clearing writes an empty row under their key, which the erasure deletes.
        await state.clear()
        await erasure.erase(chat_id, clock.now())
        await bot.send_message(chat_id, l10n("profile-deleted"), reply_markup=ReplyKeyboardRemove())
        await bot.send_message(
            chat_id, l10n("profile-deleted-next"), reply_markup=keyboards.restart_registration_keyboard(l10n)
        )

    return router
