"""Staff commands and buttons pressed by someone without the role: a polite refusal, no change.

The staff routers themselves let nobody else in (bot.telegram.staff.StaffRouter); this router
comes right after them and answers what they turned away. What counts as a staff command or
button is read from the staff routers, so a new staff handler is refused without being listed.
A staff button that reaches this router from someone who does hold the role matched no handler:
its data is stale or forged (say, an id too large for the database), and it gets the
stale-button answer instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.i18n import Localizer
from bot.people import access
from bot.telegram.staff import StaffRouter, staff_callbacks, staff_commands


def setup(staff: Iterable[StaffRouter]) -> Router:
    staff = list(staff)
    router = Router(name="staff-guard")
    commands = sorted(staff_commands(staff))
    needed = {cls.__prefix__: role for cls, role in staff_callbacks(staff).items()}
    separator = ":"

    @router.message(Command(*commands))
    async def refuse_command(message: Message, l10n: Localizer) -> None:
        await message.answer(l10n("not-allowed"))

    @router.callback_query(F.data.func(lambda data: (data or "").split(separator, 1)[0] in needed))
    async def refuse_button(
        query: CallbackQuery, callback_answer: CallbackAnswer, l10n: Localizer, roles: frozenset[str]
    ) -> None:
        if access.allowed(roles, needed[(query.data or "").split(separator, 1)[0]]):
            callback_answer.text = l10n("button-outdated")
            return
        callback_answer.text = l10n("not-allowed")
        # In a group (a review group's post) a short toast: the others there see nothing anyway.
        callback_answer.show_alert = query.message is None or query.message.chat.type == "private"

    return router
