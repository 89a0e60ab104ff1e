"""One update at a time per person.

aiogram handles polled updates as concurrent tasks. For one person that is a race: a quick
tap on the button of a question whose message has just arrived can be handled before the
handler that sent it has recorded the question, and two quick answers can overwrite each
other's draft. Telegram delivers a person's updates in order; this middleware keeps that
order through the handlers, while different people are still served in parallel.

aiogram's own FSM middleware runs before this one and has already read the person's form state
(``raw_state``) when an update starts waiting here. An update that waited reads it again once its
turn comes, so an answer typed the instant a question appeared meets the state that question set.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.fsm.context import FSMContext
from aiogram.types import TelegramObject
from aiogram.types import User as TelegramUser


class PerUserSerializer(BaseMiddleware):
    def __init__(self) -> None:
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        from_user: TelegramUser | None = data.get("event_from_user")
        if from_user is None:
            return await handler(event, data)
        key = from_user.id
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        waited = lock.locked()
        try:
            async with lock:
                state: FSMContext | None = data.get("state")
                if waited and state is not None:
                    data["raw_state"] = await state.get_state()
                return await handler(event, data)
        finally:
            # Forget the lock once nobody holds or waits for it, so the dict stays small.
            self._waiting[key] -= 1
            if self._waiting[key] == 0:
                del self._waiting[key]
                del self._locks[key]

    def __len__(self) -> int:
        return len(self._locks)
