"""The recording session fails loudly, like aiogram's MockedBot: no test passes on a call that
Telegram would refuse or that the session cannot answer truthfully."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

from tests.auxil.recording import RecordingSession
from tests.conftest import TEST_TOKEN


@pytest.fixture
def bot() -> Bot:
    return Bot(TEST_TOKEN, session=RecordingSession())


def session_of(bot: Bot) -> RecordingSession:
    assert isinstance(bot.session, RecordingSession)
    return bot.session


async def test_a_method_it_does_not_know_fails_instead_of_answering_true(bot: Bot) -> None:
    """Failed before: ``ban_chat_member`` (or any method) was answered True."""
    with pytest.raises(AssertionError, match="does not know BanChatMember"):
        await bot.ban_chat_member(chat_id=-100, user_id=5)
    assert [type(m).__name__ for m in session_of(bot).unknown] == ["BanChatMember"]


async def test_a_second_answer_to_one_callback_is_refused_as_telegram_does(bot: Bot) -> None:
    assert await bot.answer_callback_query("q-1") is True
    with pytest.raises(TelegramBadRequest, match="query ID is invalid"):
        await bot.answer_callback_query("q-1", text="again")
    assert len(session_of(bot).refused) == 1


async def test_texts_and_callback_data_over_telegrams_limits_are_refused(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(1, "я" * 4097)
    too_long = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="x", callback_data="d" * 65)]])
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(1, "ok", reply_markup=too_long)
    sent = await bot.send_message(1, "я" * 4096)
    assert sent.text == "я" * 4096 and session_of(bot).sent_messages()[-1].text == sent.text


async def test_media_come_back_as_messages_with_file_ids(bot: Bot) -> None:
    photo = await bot.send_photo(1, BufferedInputFile(b"\x89PNG", "qr.png"), caption="invite")
    assert photo.photo is not None and photo.photo[0].file_id.startswith("photo-") and photo.caption == "invite"
