"""A Bot session that records what the bot sends and never touches the network.

Handler tests feed updates through the real Dispatcher (``dp.feed_update``) and then read the
recorded methods in the order they were sent (first in, first out).

Like aiogram's own ``MockedBot`` it fails loudly: a method it does not know is recorded in
``unknown`` and raises (the ``harness`` fixture fails the test at teardown, even when the bot's
error handler swallowed the exception), and a call Telegram would refuse is refused with the
exception aiogram raises for Telegram's answer (a second answer to one callback query, an empty
or too long text, callback data over 64 bytes). So a test cannot pass on a call Telegram would
refuse.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import (
    AnswerCallbackQuery,
    DeleteMessage,
    DeleteMyCommands,
    EditMessageReplyMarkup,
    EditMessageText,
    GetMe,
    SendAudio,
    SendChatAction,
    SendDocument,
    SendMediaGroup,
    SendMessage,
    SendPhoto,
    SendVideo,
    SendVoice,
    SetMyCommands,
    TelegramMethod,
)
from aiogram.types import Audio, Chat, Document, InlineKeyboardMarkup, Message, PhotoSize, User, Video, Voice

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
TRUE_METHODS = (AnswerCallbackQuery, DeleteMessage, DeleteMyCommands, SendChatAction, SetMyCommands)
MEDIA_METHODS = (SendPhoto, SendDocument, SendVideo, SendAudio, SendVoice)
KNOWN_METHODS = (
    GetMe,
    SendMessage,
    EditMessageText,
    EditMessageReplyMarkup,
    SendMediaGroup,
    *TRUE_METHODS,
    *MEDIA_METHODS,
)


class RecordingSession(BaseSession):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self.results: list[Any] = []
        self.unknown: list[TelegramMethod[Any]] = []  # methods this session cannot answer
        self.refused: list[tuple[TelegramMethod[Any], str]] = []  # what Telegram would refuse, and why
        self._answered: set[str] = set()
        self._message_ids = itertools.count(5000)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        if not isinstance(method, KNOWN_METHODS):
            self.unknown.append(method)
            raise AssertionError(
                f"the recording session does not know {type(method).__name__}: teach it what Telegram answers"
            )
        problem = self._refusal(method)
        if problem is not None:
            # Recorded as sent (the bot did send it), then refused as Telegram would refuse it.
            self.requests.append(method)
            self.results.append(None)
            self.refused.append((method, problem))
            body = json.dumps({"ok": False, "error_code": 400, "description": f"Bad Request: {problem}"})
            self.check_response(bot, method, 400, body)  # raises TelegramBadRequest, as aiogram would
        result = self._answer(bot, method)
        self.requests.append(method)
        self.results.append(result)
        return result

    def _refusal(self, method: TelegramMethod[Any]) -> str | None:
        """Telegram's description of why it would refuse ``method``, or None."""
        if isinstance(method, AnswerCallbackQuery):
            if method.callback_query_id in self._answered:
                return "query is too old and response timeout expired or query ID is invalid"
            self._answered.add(method.callback_query_id)
        if isinstance(method, SendMessage | EditMessageText):
            if not method.text or not method.text.strip():
                return "message text is empty"
            if len(method.text) > MAX_TEXT:
                return "message is too long"
        if isinstance(method, MEDIA_METHODS) and method.caption and len(method.caption) > MAX_CAPTION:
            return "message caption is too long"
        if isinstance(method, SendMediaGroup):
            if not 2 <= len(method.media) <= 10:
                return "wrong number of media specified"
            if any(item.caption and len(item.caption) > MAX_CAPTION for item in method.media):
                return "message caption is too long"
        markup = getattr(method, "reply_markup", None)
        if isinstance(markup, InlineKeyboardMarkup):
            for row in markup.inline_keyboard:
                for button in row:
                    if button.callback_data is not None and not 1 <= len(button.callback_data.encode()) <= 64:
                        return "BUTTON_DATA_INVALID"
        return None

    def _answer(self, bot: Bot, method: TelegramMethod[Any]) -> Any:
        if isinstance(method, GetMe):
            return User(id=bot.id, is_bot=True, first_name="Oqu", username="oqu_test_bot")
        if isinstance(method, TRUE_METHODS):
            return True
        if isinstance(method, EditMessageReplyMarkup):
            return self._message(method.chat_id, method.message_id, reply_markup=method.reply_markup)
        if isinstance(method, SendMessage | EditMessageText):
            message_id = method.message_id if isinstance(method, EditMessageText) else None
            return self._message(method.chat_id, message_id, text=method.text, reply_markup=method.reply_markup)
        if isinstance(method, SendMediaGroup):
            group = f"group-{next(self._message_ids)}"
            return [
                self._message(method.chat_id, None, caption=item.caption, media_group_id=group) for item in method.media
            ]
        assert isinstance(method, MEDIA_METHODS)
        number = next(self._message_ids)
        media: dict[str, Any] = {}
        if isinstance(method, SendPhoto):
            media["photo"] = [PhotoSize(file_id=f"photo-{number}", file_unique_id=f"p{number}", width=512, height=512)]
        elif isinstance(method, SendDocument):
            media["document"] = Document(file_id=f"document-{number}", file_unique_id=f"d{number}")
        elif isinstance(method, SendVideo):
            media["video"] = Video(
                file_id=f"video-{number}", file_unique_id=f"v{number}", width=640, height=360, duration=1
            )
        elif isinstance(method, SendVoice):
            media["voice"] = Voice(file_id=f"voice-{number}", file_unique_id=f"o{number}", duration=1)
        else:
            media["audio"] = Audio(file_id=f"audio-{number}", file_unique_id=f"a{number}", duration=1)
        return self._message(method.chat_id, number, caption=method.caption, reply_markup=method.reply_markup, **media)

    def _message(self, chat_id: int | str | None, message_id: int | None, **fields: Any) -> Message:
        markup = fields.pop("reply_markup", None)
        return Message(
            message_id=message_id or next(self._message_ids),
            date=datetime.now(UTC),
            chat=Chat(id=int(chat_id) if chat_id is not None else 0, type="private"),
            reply_markup=markup if isinstance(markup, InlineKeyboardMarkup) else None,
            **fields,
        )

    async def stream_content(self, *args: Any, **kwargs: Any) -> AsyncGenerator[bytes, None]:
        raise AssertionError("tests must not download anything")
        yield b""  # pragma: no cover

    async def close(self) -> None:
        pass

    def sent_messages(self) -> list[SendMessage]:
        return [r for r in self.requests if isinstance(r, SendMessage)]
