"""A Bot session that records what the bot sends and never touches the network.

Handler tests feed updates through the real Dispatcher (``dp.feed_update``) and then read the
recorded methods in the order they were sent (first in, first out).
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageText,
    GetMe,
    SendMessage,
    TelegramMethod,
)
from aiogram.types import Chat, InlineKeyboardMarkup, Message, User


class RecordingSession(BaseSession):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self.results: list[Any] = []
        self._message_ids = itertools.count(5000)
        self._answered: set[str] = set()

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        self.requests.append(method)
        if isinstance(method, AnswerCallbackQuery):
            # Telegram accepts one answer per callback query and refuses the next one.
            if method.callback_query_id in self._answered:
                self.results.append(None)
                raise TelegramBadRequest(method, "Bad Request: query is too old and response timeout expired")
            self._answered.add(method.callback_query_id)
        result = self._answer(bot, method)
        self.results.append(result)
        return result

    def _answer(self, bot: Bot, method: TelegramMethod[Any]) -> Any:
        if isinstance(method, GetMe):
            return User(id=bot.id, is_bot=True, first_name="Oqu", username="oqu_test_bot")
        if isinstance(method, SendMessage | EditMessageText):
            chat_id = int(method.chat_id) if method.chat_id is not None else 0
            markup = method.reply_markup if isinstance(method.reply_markup, InlineKeyboardMarkup) else None
            message_id = (
                method.message_id
                if isinstance(method, EditMessageText) and method.message_id
                else next(self._message_ids)
            )
            return Message(
                message_id=message_id,
                date=datetime.now(UTC),
                chat=Chat(id=chat_id, type="private"),
                text=method.text,
                reply_markup=markup,
            )
        return True

    async def stream_content(self, *args: Any, **kwargs: Any) -> AsyncGenerator[bytes, None]:
        raise AssertionError("tests must not download anything")
        yield b""  # pragma: no cover

    async def close(self) -> None:
        pass

    def sent_messages(self) -> list[SendMessage]:
        return [r for r in self.requests if isinstance(r, SendMessage)]
