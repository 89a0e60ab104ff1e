"""The emulator's quiz polls: what Telegram accepts and refuses, stopPoll, and poll answers."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import InputPollOption

from tests.auxil.emulator import BotAPIEmulator
from tests.auxil.emulator_users import FakeUser


@pytest.fixture
async def emu() -> AsyncIterator[BotAPIEmulator]:
    async with BotAPIEmulator() as emulator:
        yield emulator


@pytest.fixture
async def bot(emu: BotAPIEmulator) -> AsyncIterator[Bot]:
    bot = emu.create_bot()
    yield bot
    await bot.session.close()


@pytest.fixture
def aigul(emu: BotAPIEmulator) -> FakeUser:
    return emu.user(3001)


async def quiz(bot: Bot, chat_id: int, **fields: object) -> object:
    params: dict[str, object] = {
        "question": "Клубқа неше адам керек?",
        "options": [InputPollOption(text=t) for t in ("1", "5-15", "100")],
        "type": "quiz",
        "correct_option_id": 1,
        "is_anonymous": False,
    }
    params.update(fields)
    return await bot.send_poll(chat_id, **params)  # type: ignore[arg-type]


async def test_a_quiz_poll_carries_its_right_answer_explanation_and_timer(
    bot: Bot, emu: BotAPIEmulator, aigul: FakeUser
) -> None:
    sent = await quiz(
        bot, aigul.id, explanation="<b>Шағын</b> топта бәрі сөйлейді.", explanation_parse_mode="HTML", open_period=20
    )

    message = await aigul.next_message()
    assert message.poll is not None
    assert (message.poll["type"], message.poll["correct_option_id"], message.poll["is_anonymous"]) == ("quiz", 1, False)
    assert message.poll["explanation"] == "Шағын топта бәрі сөйлейді."
    assert message.poll["open_period"] == 20 and message.poll["close_date"] >= message.date + 20
    assert sent.poll is not None and sent.poll.id == message.poll["id"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"correct_option_id": None}, "correct_option_id must be specified"),
        ({"correct_option_id": 3}, "wrong correct_option_id"),
        ({"correct_option_id": -1}, "wrong correct_option_id"),
        ({"options": [InputPollOption(text=str(n)) for n in range(13)]}, "more than 12 options"),
        ({"question": "?" * 301}, "question length must not exceed 300"),
        ({"explanation": "ә" * 201}, "explanation length must not exceed 200"),
        ({"options": [InputPollOption(text="a" * 101), InputPollOption(text="b")]}, "must not exceed 100"),
        ({"open_period": 601}, "open_period"),
        ({"open_period": 4}, "open_period"),
        ({"type": "regular", "correct_option_id": 1}, "only for quiz polls"),
    ],
)
async def test_what_telegram_refuses_is_refused(
    bot: Bot, aigul: FakeUser, fields: dict[str, object], reason: str
) -> None:
    with pytest.raises(TelegramBadRequest, match=reason):
        await quiz(bot, aigul.id, **fields)
    assert aigul.messages == []


async def test_an_answer_reaches_the_bot_once_and_a_stopped_poll_takes_none(
    bot: Bot, emu: BotAPIEmulator, aigul: FakeUser
) -> None:
    await quiz(bot, aigul.id)
    message = await aigul.next_message()
    assert message.poll is not None

    with pytest.raises(AssertionError, match="no option"):
        await aigul.vote(message, 5)
    with pytest.raises(AssertionError, match="takes one option"):
        await aigul.vote(message, [0, 1])
    await aigul.vote(message, 1)
    with pytest.raises(AssertionError, match="already answered"):
        await aigul.vote(message, 0)  # a quiz takes one answer
    updates = await bot.get_updates(allowed_updates=["poll_answer"])
    answers = [u.poll_answer for u in updates if u.poll_answer is not None]
    assert [(a.poll_id, a.option_ids) for a in answers] == [(message.poll["id"], [1])]

    stopped = await bot.stop_poll(aigul.id, message.message_id)
    assert stopped.is_closed and stopped.options[1].voter_count == 1
    with pytest.raises(TelegramBadRequest, match="already been closed"):
        await bot.stop_poll(aigul.id, message.message_id)
    dana = emu.user(3002)
    await quiz(bot, dana.id)
    other = await dana.next_message()
    await bot.stop_poll(dana.id, other.message_id)
    with pytest.raises(AssertionError, match="closed"):
        await dana.vote(other, 1)
