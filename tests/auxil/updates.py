"""Update factories for handler tests: one place that knows what Telegram sends."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from aiogram.types import (
    CallbackQuery,
    Chat,
    Message,
    MessageEntity,
    PhotoSize,
    Sticker,
    Update,
    User,
)

_update_ids = itertools.count(1)
_message_ids = itertools.count(1)


def tg_user(
    user_id: int, *, language_code: str | None = "kk", first_name: str = "Айгүл", username: str | None = None
) -> User:
    return User(id=user_id, is_bot=False, first_name=first_name, language_code=language_code, username=username)


def _chat(user: User) -> Chat:
    return Chat(id=user.id, type="private", first_name=user.first_name)


def message_update(
    user: User,
    text: str | None = None,
    *,
    photo: bool = False,
    sticker: bool = False,
    media_group_id: str | None = None,
) -> Update:
    entities = None
    if text and text.startswith("/"):
        command = text.split()[0]
        entities = [MessageEntity(type="bot_command", offset=0, length=len(command))]
    message = Message(
        message_id=next(_message_ids),
        date=datetime.now(UTC),
        chat=_chat(user),
        from_user=user,
        text=text,
        entities=entities,
        media_group_id=media_group_id,
        photo=[PhotoSize(file_id="photo-1", file_unique_id="p1", width=90, height=90)] if photo else None,
        sticker=Sticker(
            file_id="sticker-1",
            file_unique_id="s1",
            type="regular",
            width=512,
            height=512,
            is_animated=False,
            is_video=False,
        )
        if sticker
        else None,
    )
    return Update(update_id=next(_update_ids), message=message)


def callback_update(user: User, data: str, message_id: int, text: str = "…") -> Update:
    message = Message(message_id=message_id, date=datetime.now(UTC), chat=_chat(user), text=text)
    query = CallbackQuery(id=str(next(_update_ids)), from_user=user, chat_instance="ci", data=data, message=message)
    return Update(update_id=next(_update_ids), callback_query=query)
