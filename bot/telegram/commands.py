"""The command menu (setMyCommands) in each language, with the owners' extras per chat."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault

from bot.config import Settings
from bot.i18n import Translator
from bot.people import access

log = logging.getLogger(__name__)

LEARNER_COMMANDS = (
    "start",
    "courses",
    "profile",
    "progress",
    "certificate",
    "verify",
    "mydata",
    "language",
    "help",
    "cancel",
)


def command_list(translator: Translator, locale: str, roles: Iterable[str] = ()) -> list[BotCommand]:
    names = LEARNER_COMMANDS + access.commands_for(roles)
    return [BotCommand(command=name, description=translator.get(locale, f"cmd-{name}")) for name in names]


async def set_commands(bot: Bot, translator: Translator, settings: Settings) -> None:
    """Learners' commands for everyone, per language; owners' on their own chats."""
    await bot.set_my_commands(command_list(translator, translator.default_locale), scope=BotCommandScopeDefault())
    for locale in translator.locales:
        await bot.set_my_commands(
            command_list(translator, locale),
            scope=BotCommandScopeDefault(),
            language_code=locale,
        )
    for owner_id in sorted(settings.admin_ids):
        for language in (None, *translator.locales):
            try:
                await bot.set_my_commands(
                    command_list(translator, language or translator.default_locale, {access.OWNER}),
                    scope=BotCommandScopeChat(chat_id=owner_id),
                    language_code=language,
                )
            except TelegramAPIError as error:
                # An owner who has never opened the bot has no chat yet; that must not stop it.
                log.warning("could not set owner commands for %s: %s", owner_id, error)
                break


async def set_chat_commands(
    bot: Bot, translator: Translator, chat_id: int, locale: str, roles: Iterable[str] = ()
) -> None:
    """A person's own menu: in the language they chose, with the commands of their roles."""
    try:
        await bot.set_my_commands(command_list(translator, locale, roles), scope=BotCommandScopeChat(chat_id=chat_id))
    except TelegramAPIError as error:
        log.warning("could not set commands for chat %s: %s", chat_id, error)
