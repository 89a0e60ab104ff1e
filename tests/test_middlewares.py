"""Middlewares, tested without Telegram."""

from __future__ import annotations

import asyncio

import pytest
from aiogram.methods import AnswerCallbackQuery

from bot.telegram.callbacks import LanguageCb
from bot.telegram.middlewares import PerUserSerializer
from tests.auxil.harness import Harness
from tests.auxil.updates import tg_user
from tests.conftest import OWNER_ID


async def test_updates_of_one_person_never_overlap_but_people_run_in_parallel() -> None:
    serializer = PerUserSerializer()
    running: dict[int, int] = {}
    overlaps: list[int] = []
    order: list[str] = []

    async def handler(event: str, data: dict) -> str:
        uid = data["event_from_user"].id
        running[uid] = running.get(uid, 0) + 1
        if running[uid] > 1:
            overlaps.append(uid)
        await asyncio.sleep(0.01)
        order.append(event)
        running[uid] -= 1
        return event

    events = [("a1", 1), ("b1", 2), ("a2", 1), ("b2", 2), ("a3", 1)]
    results = await asyncio.gather(
        *(serializer(handler, name, {"event_from_user": tg_user(uid)}) for name, uid in events)
    )
    assert results == ["a1", "b1", "a2", "b2", "a3"]
    assert overlaps == []
    assert [e for e in order if e.startswith("a")] == ["a1", "a2", "a3"]
    assert len(serializer) == 0


async def test_another_person_is_not_kept_waiting() -> None:
    serializer = PerUserSerializer()
    other_ran = asyncio.Event()

    async def first(event: str, data: dict) -> str:
        # Holds person 1's turn until person 2's update has run; a global lock would hang here.
        await asyncio.wait_for(other_ran.wait(), timeout=5)
        return event

    async def second(event: str, data: dict) -> str:
        other_ran.set()
        return event

    results = await asyncio.gather(
        serializer(first, "a", {"event_from_user": tg_user(1)}),
        serializer(second, "b", {"event_from_user": tg_user(2)}),
    )
    assert results == ["a", "b"]


async def test_an_update_without_a_person_passes_straight_through() -> None:
    serializer = PerUserSerializer()

    async def handler(event: str, data: dict) -> str:
        return event

    assert await serializer(handler, "x", {}) == "x"


async def test_an_answer_typed_the_instant_a_question_appears_meets_the_new_state() -> None:
    """aiogram reads a person's form state (``raw_state``) before our serializer runs. An answer
    that waited for its turn behind the update that asked the question must still be routed by
    the state that update set, not the one read while it waited (it reached the fallback)."""
    from aiogram import Bot, Dispatcher, Router
    from aiogram.filters import Command, StateFilter
    from aiogram.fsm.context import FSMContext
    from aiogram.fsm.state import State, StatesGroup
    from aiogram.types import Message

    from tests.auxil.updates import message_update

    class Form(StatesGroup):
        name = State()

    routed: list[str] = []
    router = Router()

    @router.message(Command("go"))
    async def ask(message: Message, state: FSMContext) -> None:
        await asyncio.sleep(0.05)  # the question goes out; meanwhile the answer arrives
        await state.set_state(Form.name)

    @router.message(StateFilter(Form.name))
    async def name(message: Message, state: FSMContext) -> None:
        routed.append(f"name:{message.text}")

    @router.message()
    async def fallback(message: Message) -> None:
        routed.append(f"fallback:{message.text}")

    dp = Dispatcher()
    dp.update.outer_middleware(PerUserSerializer())
    dp.include_router(router)
    bot = Bot("42:TEST")
    person = tg_user(5)
    try:
        await asyncio.gather(
            dp.feed_update(bot, message_update(person, "/go")),
            dp.feed_update(bot, message_update(person, "Айгүл")),
        )
    finally:
        await bot.session.close()
    assert routed == ["name:Айгүл"]


async def test_a_button_whose_handler_fails_is_answered_once_and_the_person_is_told(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CallbackAnswerMiddleware answers every press once, also when its handler raises; the error
    handler only tells the person (a second answer would be refused by Telegram)."""
    user = tg_user(41, language_code="en")

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the database is gone")

    monkeypatch.setattr(harness.dp["users"], "set_language", broken)
    since = len(harness.session.requests)
    sent = await harness.click_data(user, LanguageCb(code="ru", origin="switch").pack(), 7)
    answers = [r for r in harness.session.requests[since:] if isinstance(r, AnswerCallbackQuery)]
    assert len(answers) == 1
    assert [m.text for m in sent if int(m.chat_id) == user.id] == [harness.translator.get("en", "error-generic")]
    # ... and the owners get one alert (bot/telegram/errors.py).
    assert [int(m.chat_id) for m in sent if int(m.chat_id) != user.id] == [OWNER_ID]
