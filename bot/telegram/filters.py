"""Filters on the person's roles (set by PersonMiddleware)."""

from __future__ import annotations

from aiogram.filters import BaseFilter
from aiogram.types import TelegramObject

from bot.people import access


class HasRole(BaseFilter):
    def __init__(self, role: str) -> None:
        self.role = role

    async def __call__(self, event: TelegramObject, roles: frozenset[str] = frozenset()) -> bool:
        return access.allowed(roles, self.role)
