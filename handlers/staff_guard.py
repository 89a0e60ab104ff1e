"""Staff commands and buttons pressed by someone without the role: a polite refusal, no change.

This router comes before every staff router, so a feature module never has to remember the
check: what reaches it has passed here (``SkipHandler`` hands the update on).
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.i18n import Localizer
from bot.people import access
from bot.telegram.callbacks import STAFF_CALLBACKS


def _prefix(data: str | None) -> str:
    return (data or "").split(":", 1)[0]


def setup() -> Router:
    router = Router(name="staff-guard")

    @router.message(Command(*access.STAFF_COMMANDS))
    async def guard_command(message: Message, command: CommandObject, roles: frozenset[str], l10n: Localizer) -> None:
        if access.allowed(roles, access.STAFF_COMMANDS[command.command]):
            raise SkipHandler
        await message.answer(l10n("not-allowed"))

    @router.callback_query(F.data.func(lambda data: _prefix(data) in STAFF_CALLBACKS))
    async def guard_button(query: CallbackQuery, roles: frozenset[str], l10n: Localizer) -> None:
        if access.allowed(roles, STAFF_CALLBACKS[_prefix(query.data)]):
            raise SkipHandler
        await query.answer(l10n("not-allowed"), show_alert=True)

    return router
