"""Load the person behind an update: their row, the language to answer in, and their roles.

Registered as an outer middleware on updates, after aiogram's own user-context middleware
(which sets ``event_from_user``), so every handler, filter and error handler sees ``user``,
``l10n`` and ``roles``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from aiogram.types import User as TelegramUser

from bot.config import Settings
from bot.i18n import Localizer, Translator, normalize_locale
from bot.people import access
from storage.users import UserRepository


class PersonMiddleware(BaseMiddleware):
    """Language: the chosen one first; before a choice, Telegram's; else the default."""

    def __init__(self, users: UserRepository, translator: Translator, settings: Settings) -> None:
        self._users = users
        self._translator = translator
        self._settings = settings

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        from_user: TelegramUser | None = data.get("event_from_user")
        user = None
        roles: frozenset[str] = frozenset()
        if from_user is not None:
            user, roles = await self._users.get_with_roles(from_user.id)  # one query: this runs on every update
            if self._settings.is_owner(from_user.id):
                roles |= {access.OWNER}
        locale = (
            (user.language if user else None)
            or normalize_locale(from_user.language_code if from_user else None)
            or self._translator.default_locale
        )
        data["user"] = user
        data["roles"] = roles
        data["l10n"] = Localizer(self._translator, locale)
        return await handler(event, data)
