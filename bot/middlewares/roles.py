"""Put the person's roles (owner, organizer, curator) into every handler's data as ``roles``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from aiogram.types import User as TelegramUser

from bot.config import Settings
from storage.roles import RoleRepository


class RolesMiddleware(BaseMiddleware):
    def __init__(self, roles: RoleRepository, settings: Settings) -> None:
        self._roles = roles
        self._settings = settings

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        from_user: TelegramUser | None = data.get("event_from_user")
        roles: frozenset[str] = frozenset()
        if from_user is not None:
            roles = await self._roles.roles_of(from_user.id)
            if self._settings.is_owner(from_user.id):
                roles |= {"owner"}
        data["roles"] = roles
        return await handler(event, data)
