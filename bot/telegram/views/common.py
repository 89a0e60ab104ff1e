"""Sending and editing, the same way in every feature."""

from __future__ import annotations

import contextlib

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

MESSAGE_BUDGET = 3800  # under Telegram's 4096 characters, leaving room for a header
QUESTION_MESSAGE = "question_message_id"  # FSM data: the message of the question being asked


def split_text(lines: list[str], budget: int = MESSAGE_BUDGET) -> list[str]:
    """Join lines into as few texts as fit ``budget`` characters, never splitting a line."""
    texts: list[str] = []
    current = ""
    for line in lines:
        if current and len(current) + 1 + len(line) > budget:
            texts.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        texts.append(current)
    return texts


async def drop_buttons(bot: Bot, chat_id: int, message_id: int | None) -> None:
    """Take the buttons off a message. Best effort: a failure here must not stop the conversation."""
    if message_id is None:
        return
    with contextlib.suppress(TelegramBadRequest):
        await bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id, reply_markup=None)


async def ask_question(
    bot: Bot, chat_id: int, state: FSMContext, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Ask a form's question as one message with its buttons (Back, Cancel, choices).

    The buttons of the previous question are taken away, so an old message cannot be pressed by
    mistake; the new message's id is remembered, so a handler can tell a press on the current
    question from a stale one.
    """
    data = await state.get_data()
    await drop_buttons(bot, chat_id, data.get(QUESTION_MESSAGE))
    sent = await bot.send_message(chat_id, text, reply_markup=markup)
    await state.update_data({QUESTION_MESSAGE: sent.message_id})


async def send_or_edit(
    bot: Bot, query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None, *, in_place: bool = True
) -> None:
    """Show a view in answer to a button: edit the pressed message in place (turning a page,
    refreshing a report), or send it as a new message when ``in_place`` is false."""
    chat_id = query.from_user.id
    if in_place and isinstance(query.message, Message):
        # Refreshing an unchanged view: Telegram answers "message is not modified"; nothing to do.
        with contextlib.suppress(TelegramBadRequest):
            await bot.edit_message_text(text, chat_id=chat_id, message_id=query.message.message_id, reply_markup=markup)
        return
    await bot.send_message(chat_id, text, reply_markup=markup)
