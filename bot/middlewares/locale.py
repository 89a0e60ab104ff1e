"""Load the person behind an update and choose the language to answer in.

Registered as an outer middleware on updates, after aiogram's own user-context middleware
(which sets ``event_from_user``), so every handler, filter and error handler sees ``user``
and ``l10n``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from aiogram.types import User as TelegramUser

from bot.i18n import Localizer, Translator, normalize_locale
from storage.users import UserRepository


class LocaleMiddleware(BaseMiddleware):
    """The chosen language first; before a choice, Telegram's language; else the default."""

    def __init__(self, users: UserRepository, translator: Translator) -> None:
        self._users = users
        self._translator = translator

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        from_user: TelegramUser | None = data.get("event_from_user")
        user = await self._users.get(from_user.id) if from_user else None
        locale = (
            (user.language if user else None)
            or normalize_locale(from_user.language_code if from_user else None)
            or self._translator.default_locale
        )
        data["user"] = user
        data["l10n"] = Localizer(self._translator, locale)
        return await handler(event, data)
