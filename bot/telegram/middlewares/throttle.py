"""Per-person throttling: someone who floods the bot is told once and ignored for a moment.

Each person has a bucket of ``burst`` updates that refills at ``rate`` per second. A person
who empties it gets one localized "slow down" notice (at most one a minute) and nothing they
send is handled for ``pause`` seconds. The defaults (20 at once, 2 a second after that) never
touch a person tapping buttons and typing answers, or forwarding a dozen messages; 30 messages
a second trip it within a second.

Registered before the per-person serializer and the person middleware: an ignored update
costs a dictionary lookup, no database read and no place in the person's queue, so the
others' answers stay fast (bench/flood.py measures it).

Counted: messages, edits, button presses and inline queries. An album (a media group) counts
once however many photos it holds. Membership changes (a person blocking or unblocking the
bot), poll answers and everything without a person are never held back.
"""

from __future__ import annotations

import contextlib
import logging
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.exceptions import TelegramAPIError
from aiogram.types import TelegramObject, Update
from aiogram.types import User as TelegramUser

from bot.clock import Clock
from bot.config import Settings
from bot.i18n import Translator, normalize_locale
from storage.users import UserRepository

log = logging.getLogger(__name__)

COUNTED = frozenset({"message", "edited_message", "callback_query", "inline_query"})
NOTICE_INTERVAL = 60.0  # seconds: a person who keeps flooding is told again at most this often
_SWEEP_AT = 10_000  # people tracked before idle buckets are forgotten


@dataclass
class _Bucket:
    tokens: float
    at: float
    paused_until: float = 0.0
    noticed_at: float = -math.inf
    album: str | None = None


class Throttle(BaseMiddleware):
    def __init__(
        self,
        *,
        rate: float,
        burst: int,
        pause: float,
        clock: Clock,
        translator: Translator,
        users: UserRepository,
    ) -> None:
        self.rate = rate
        self.burst = burst
        self.pause = pause
        self._clock = clock
        self._translator = translator
        self._users = users
        self._buckets: dict[int, _Bucket] = {}
        self.ignored = 0  # updates dropped since start, for /status and the benchmark

    @classmethod
    def from_settings(cls, settings: Settings, clock: Clock, translator: Translator, users: UserRepository) -> Throttle:
        return cls(
            rate=settings.throttle_rate,
            burst=settings.throttle_burst,
            pause=settings.throttle_pause,
            clock=clock,
            translator=translator,
            users=users,
        )

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        person: TelegramUser | None = data.get("event_from_user")
        if self.rate <= 0 or person is None or not isinstance(event, Update) or event.event_type not in COUNTED:
            return await handler(event, data)
        now = self._clock.now().timestamp()
        bucket = self._buckets.get(person.id)
        if bucket is None:
            if len(self._buckets) >= _SWEEP_AT:
                self._sweep(now)
            bucket = self._buckets[person.id] = _Bucket(tokens=float(self.burst), at=now)
        if now < bucket.paused_until:
            self.ignored += 1
            await self._answer_press(event, data)
            return UNHANDLED
        album = event.message.media_group_id if event.message is not None else None
        if album is None or album != bucket.album:
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) * self.rate)
            bucket.at = now
            if bucket.tokens < 1:
                bucket.paused_until = now + self.pause
                self.ignored += 1
                log.info("person %s sends too fast: ignored for %.0f s", person.id, self.pause)
                if now - bucket.noticed_at >= NOTICE_INTERVAL:
                    bucket.noticed_at = now
                    await self._notice(event, data, person)
                else:
                    await self._answer_press(event, data)
                return UNHANDLED
            bucket.tokens -= 1
        bucket.album = album
        return await handler(event, data)

    def _sweep(self, now: float) -> None:
        """Forget people whose bucket is full again and who are neither paused nor recently told."""
        refill = self.burst / self.rate
        for user_id, bucket in list(self._buckets.items()):
            idle = now - bucket.at
            if idle >= refill and now >= bucket.paused_until and now - bucket.noticed_at >= NOTICE_INTERVAL:
                del self._buckets[user_id]

    async def _notice(self, update: Update, data: dict[str, Any], person: TelegramUser) -> None:
        bot: Bot | None = data.get("bot")
        if bot is None:
            return
        text = self._translator.get(await self._locale(person), "throttle-slow-down")
        with contextlib.suppress(TelegramAPIError):
            if update.callback_query is not None:
                await bot.answer_callback_query(update.callback_query.id, text, show_alert=True)
                return
            chat = data.get("event_chat")
            if chat is not None and chat.type == "private":
                await bot.send_message(chat.id, text)

    @staticmethod
    async def _answer_press(update: Update, data: dict[str, Any]) -> None:
        """An ignored press still gets an (empty) answer: unanswered, the button spins for seconds."""
        bot: Bot | None = data.get("bot")
        if bot is not None and update.callback_query is not None:
            with contextlib.suppress(TelegramAPIError):
                await bot.answer_callback_query(update.callback_query.id)

    async def _locale(self, person: TelegramUser) -> str:
        stored = await self._users.get(person.id)
        return (
            (stored.language if stored else None)
            or normalize_locale(person.language_code)
            or self._translator.default_locale
        )
