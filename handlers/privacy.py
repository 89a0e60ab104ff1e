"""/mydata and "📄 My data" in the profile: everything the bot keeps about the person, as a file."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.clock import Clock
from bot.config import Settings
from bot.i18n import Localizer
from bot.people.model import User
from bot.people.personal_data import PersonalDataService
from bot.telegram.callbacks import ProfileCb
from bot.telegram.views.privacy import send_my_data


def setup() -> Router:
    router = Router(name="privacy")

    async def answer(
        bot: Bot,
        chat_id: int,
        l10n: Localizer,
        user: User | None,
        data: PersonalDataService,
        settings: Settings,
        clock: Clock,
    ) -> None:
        if user is None:
            # The middleware keeps no row for a stranger: there is nothing to send.
            await bot.send_message(chat_id, l10n("mydata-nothing"))
            return
        export = await data.export(user.telegram_id, l10n.locale)
        await send_my_data(bot, chat_id, l10n, export, timezone=settings.timezone, clock=clock)

    # Only in the private chat: personal data never goes to a group, even the person's own.
    @router.message(Command("mydata"), F.chat.type == "private")
    async def mydata_command(
        message: Message,
        l10n: Localizer,
        user: User | None,
        personal_data: PersonalDataService,
        settings: Settings,
        clock: Clock,
        bot: Bot,
    ) -> None:
        await answer(bot, message.chat.id, l10n, user, personal_data, settings, clock)

    @router.callback_query(ProfileCb.filter(F.action == "mydata"))
    async def mydata_button(
        query: CallbackQuery,
        l10n: Localizer,
        user: User | None,
        personal_data: PersonalDataService,
        settings: Settings,
        clock: Clock,
        bot: Bot,
    ) -> None:
        await answer(bot, query.from_user.id, l10n, user, personal_data, settings, clock)

    return router
