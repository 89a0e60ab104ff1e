"""/help: what the bot does and what to press, in plain words."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.i18n import Localizer, Translator
from bot.people import access
from bot.people.model import User
from bot.telegram import keyboards


def setup(translator: Translator) -> Router:
    router = Router(name="help")

    @router.message(Command("help"))
    @router.message(F.text.in_(translator.all_variants("menu-help")))
    async def help_command(
        message: Message, l10n: Localizer, user: User | None, roles: frozenset[str] = frozenset()
    ) -> None:
        registered = user is not None and user.is_registered
        text = l10n("help-text")
        if access.allowed(roles, access.CURATOR):  # staff also get their commands in a few words
            text += "\n\n" + l10n("help-staff")
        await message.answer(
            text,
            reply_markup=keyboards.main_menu(l10n) if registered else keyboards.restart_registration_keyboard(l10n),
        )

    return router
