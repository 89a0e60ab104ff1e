"""Filters on the person's roles (set by PersonMiddleware)."""

from __future__ import annotations

from aiogram.filters import BaseFilter
from aiogram.types import Message, TelegramObject

from bot.people import access


class HasRole(BaseFilter):
    def __init__(self, role: str) -> None:
        self.role = role

    async def __call__(self, event: TelegramObject, roles: frozenset[str] = frozenset()) -> bool:
        return access.allowed(roles, self.role)


class NotCommand(BaseFilter):
    """A message that is not a /command: what a form may take as an answer.

    A command typed in the middle of a form goes to its own handler (or cancels the form), so
    nobody is trapped in a question and no command becomes a cohort's name.
    """

    async def __call__(self, message: Message) -> bool:
        return not (message.text or "").startswith("/")
