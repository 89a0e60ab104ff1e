"""Which updates are being handled right now, so that a shutdown can wait for them.

aiogram acknowledges a polled update before its handler runs and, when polling stops, does
not wait for the handlers still running: without this a SIGTERM could cut an answer in half
(the question recorded, its message never sent). Registered as the first outer middleware,
so an update waiting for its person's turn (``PerUserSerializer``) counts as in progress too.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject


class UpdatesInProgress(BaseMiddleware):
    def __init__(self) -> None:
        self._running = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        self._running += 1
        self._idle.clear()
        try:
            return await handler(event, data)
        finally:
            self._running -= 1
            if self._running == 0:
                self._idle.set()

    def __len__(self) -> int:
        return self._running

    async def wait_idle(self, grace: float) -> bool:
        """Wait until no update is being handled, at most ``grace`` seconds; True if none is."""
        try:
            await asyncio.wait_for(self._idle.wait(), grace)
        except TimeoutError:
            return False
        return True
