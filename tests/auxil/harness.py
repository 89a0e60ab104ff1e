"""Drive the real Dispatcher with updates and read back what the bot sent (no network)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.methods import SendMessage
from aiogram.types import InlineKeyboardMarkup, ReplyKeyboardMarkup, User

from bot.clock import FrozenClock
from bot.i18n import Translator
from storage.db import Database
from storage.users import UserRepository
from tests.auxil.recording import RecordingSession
from tests.auxil.updates import callback_update, message_update


def plain_buttons(markup: Any) -> list[str]:
    if isinstance(markup, InlineKeyboardMarkup):
        return [button.text for row in markup.inline_keyboard for button in row]
    if isinstance(markup, ReplyKeyboardMarkup):
        return [button.text for row in markup.keyboard for button in row]
    return []


@dataclass
class Harness:
    dp: Dispatcher
    bot: Bot
    session: RecordingSession
    db: Database
    users: UserRepository
    clock: FrozenClock
    translator: Translator

    async def send(self, user: User, text: str | None = None, **kind: bool) -> list[SendMessage]:
        before = len(self.session.requests)
        await self.dp.feed_update(self.bot, message_update(user, text, **kind))
        return self._sent_since(before)

    async def click(self, user: User, label: str) -> list[SendMessage]:
        data, message_id = self.find_button(user, label)
        return await self.click_data(user, data, message_id)

    async def click_data(self, user: User, data: str, message_id: int) -> list[SendMessage]:
        before = len(self.session.requests)
        await self.dp.feed_update(self.bot, callback_update(user, data, message_id))
        return self._sent_since(before)

    def find_button(self, user: User, label: str) -> tuple[str, int]:
        """The newest message to this user with an inline button labelled ``label``."""
        pairs = list(zip(self.session.requests, self.session.results, strict=True))
        seen: list[str] = []
        for method, result in reversed(pairs):
            if not isinstance(method, SendMessage) or int(method.chat_id) != user.id:
                continue
            markup = method.reply_markup
            if isinstance(markup, InlineKeyboardMarkup):
                for row in markup.inline_keyboard:
                    for button in row:
                        if button.text == label:
                            return str(button.callback_data), result.message_id
                        seen.append(button.text)
        raise AssertionError(f"no button {label!r}; buttons seen: {seen}")

    def _sent_since(self, index: int) -> list[SendMessage]:
        return [r for r in self.session.requests[index:] if isinstance(r, SendMessage)]

    def all_sent(self, user: User) -> list[SendMessage]:
        return [r for r in self.session.sent_messages() if int(r.chat_id) == user.id]
