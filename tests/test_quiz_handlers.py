"""Lesson quizzes through the real Dispatcher: the card's Start button, polls, poll answers, the
result with its retake button, refusals, /courses. The bot's session records what it sends; the
delivery service's sender runs on it, as in the application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage, SendPoll
from aiogram.types import Message, User

from bot.clock import FrozenClock
from bot.config import Settings
from bot.delivery.sender import sender_factory
from bot.delivery.service import DeliveryService
from storage.db import Database
from tests.auxil.delivery_setup import add_learners, deliver, import_version, make_cohort, write_course
from tests.auxil.harness import Harness, plain_buttons
from tests.auxil.updates import poll_answer_update, tg_user
from tests.test_quizzes import COURSE

KK, RU, EN = 201, 202, 203
HUGE = "9" * 20


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    from tests.conftest import OWNER_ID, TEST_TOKEN

    return Settings(
        _env_file=None,
        bot_token=TEST_TOKEN,
        admin_ids=str(OWNER_ID),
        database_path=tmp_path / "bot.sqlite3",
        send_chat_interval=0.01,
        send_rate=200,
    )


@pytest.fixture
async def cohort(
    harness: Harness, db: Database, tmp_path: Path, clock: FrozenClock, settings: Settings
) -> AsyncIterator[int]:
    """Lesson 1 (with its quiz: 3 questions, 2 attempts) delivered to three learners."""
    folder = write_course(tmp_path / "course", COURSE % {"attempts": 2, "shuffle": "false"})
    version = await import_version(db, folder, tmp_path / "files")
    cohort_id = await make_cohort(db, version, date(2026, 4, 15), clock.now())
    await add_learners(db, cohort_id, [KK, RU, EN], clock.now())
    delivery: DeliveryService = harness.dp["delivery"]
    await delivery.start(sender_factory(harness.bot, settings))
    await delivery.planner.plan_cohort(cohort_id, clock.now())
    await deliver(delivery)
    yield cohort_id
    await delivery.stop(grace=1)


def polls(harness: Harness, user: User) -> list[tuple[SendPoll, Message]]:
    pairs = zip(harness.session.requests, harness.session.results, strict=True)
    return [(m, r) for m, r in pairs if isinstance(m, SendPoll) and int(m.chat_id) == user.id]


def toast(harness: Harness) -> AnswerCallbackQuery:
    return [r for r in harness.session.requests if isinstance(r, AnswerCallbackQuery)][-1]


async def press(harness: Harness, user: User, label: str) -> None:
    await harness.click(user, label)
    await harness.dp["delivery"].idle()


async def answer(harness: Harness, user: User, place: int) -> None:
    _, sent = polls(harness, user)[-1]
    assert sent.poll is not None
    await harness.dp.feed_update(harness.bot, poll_answer_update(user, sent.poll.id, [place]))
    await harness.dp["delivery"].idle()


def last_text(harness: Harness, user: User) -> SendMessage:
    return harness.all_sent(user)[-1]


async def test_a_learner_takes_the_quiz_fails_retakes_and_passes(harness: Harness, cohort: int) -> None:
    en = tg_user(EN, language_code="en")
    card = last_text(harness, en)
    assert card.text.startswith("📝 <b>Quiz for lesson 1</b> «The club's aim»: 3 questions, pass mark 60%.")
    assert plain_buttons(card.reply_markup) == ["▶️ Start the quiz"]

    await press(harness, en, "▶️ Start the quiz")

    assert toast(harness).text == "📝 The first question is coming."
    [(poll, _)] = polls(harness, en)
    assert (poll.type, poll.is_anonymous, poll.correct_option_id) == ("quiz", False, 1)
    assert poll.question == "1/3. How many people does a club need?"
    assert poll.explanation == "In a small group everyone speaks."

    await answer(harness, en, 1)
    assert polls(harness, en)[-1][0].question == "2/3. How long is a meeting?"
    await answer(harness, en, 0)
    await answer(harness, en, 1)
    result = last_text(harness, en)
    assert "1 of 3 right (33%)" in result.text and "❌ Not passed" in result.text
    assert "2. How long is a meeting?\n✅ Right answer: 1-1.5 h" in result.text
    assert result.text.endswith("One attempt left.")
    assert plain_buttons(result.reply_markup) == ["🔁 Try again"]

    await press(harness, en, "🔁 Try again")
    for _ in range(3):
        poll, _ = polls(harness, en)[-1]
        assert poll.correct_option_id is not None
        await answer(harness, en, poll.correct_option_id)
    result = last_text(harness, en)
    assert "3 of 3 right (100%)" in result.text and "✅ Passed" in result.text
    assert "Your best result counts: 3 of 3." in result.text and result.text.endswith("No attempts left.")
    assert plain_buttons(result.reply_markup) == []

    await press(harness, en, "▶️ Start the quiz")  # the card's button, once more
    assert toast(harness).show_alert
    assert toast(harness).text == "You have used every attempt at this quiz. Your best result counts."
    assert len(polls(harness, en)) == 6


async def test_courses_shows_each_quiz_and_the_share_the_course_requires(harness: Harness, cohort: int) -> None:
    ru = tg_user(RU, language_code="ru")
    await press(harness, ru, "▶️ Начать тест")
    for _ in range(3):
        poll, _ = polls(harness, ru)[-1]
        assert poll.correct_option_id is not None
        await answer(harness, ru, poll.correct_option_id)

    [shown] = await harness.send(ru, "/courses")

    assert "📝 Тесты:\n• урок 1: 3 из 3 ✅\n• урок 2: ещё не пройден\n" in shown.text
    assert shown.text.rstrip().endswith(
        "Верные ответы во всех тестах: 60% (курс требует 60%) ✅\n🎓 Вы завершили курс."
    )
    # The quiz was the course's only rule: the finished attempt recorded her completion.
    assert await harness.db.fetchval("SELECT user_id FROM completions") == RU


async def test_answers_from_strangers_and_to_unknown_polls_change_nothing(harness: Harness, cohort: int) -> None:
    kk, stranger = tg_user(KK), tg_user(999, language_code="ru")
    await press(harness, kk, "▶️ Тестті бастау")
    assert toast(harness).text == "📝 Бірінші сұрақ жіберілді."
    _, sent = polls(harness, kk)[-1]
    assert sent.poll is not None
    before = len(harness.session.requests)

    await harness.dp.feed_update(harness.bot, poll_answer_update(stranger, sent.poll.id, [1]))
    await harness.dp.feed_update(harness.bot, poll_answer_update(kk, "no-such-poll", [1]))
    await harness.dp["delivery"].idle()

    assert harness.session.requests[before:] == []
    assert await harness.db.fetchval("SELECT count(*) FROM quiz_answers") == 0


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (f"quiz:start:{HUGE}:1", "button-outdated"),  # an id too large for SQLite: no handler matches
        (f"quiz:start:1:{HUGE}", "button-outdated"),
        ("quiz:delete:1:1", "button-outdated"),
        ("quiz:start:1:2", "quiz-start-not-yet"),  # lesson 2 comes on day 3
        ("quiz:start:1:7", "quiz-start-unknown"),
        ("quiz:start:2:1", "quiz-start-not-enrolled"),
        ("quiz:continue:1:1", "quiz-start-nothing-open"),  # an old reminder's Continue opens nothing new
    ],
)
async def test_forged_and_early_presses_are_refused_politely(
    harness: Harness, cohort: int, data: str, expected: str
) -> None:
    kk = tg_user(KK)
    await harness.click_data(kk, data, 1)

    assert toast(harness).text == harness.translator.get("kk", expected)
    assert toast(harness).show_alert
    assert polls(harness, kk) == []
    assert harness.session.unknown == [] and harness.session.refused == []


def test_every_quiz_button_label_fits_in_30_characters(harness: Harness) -> None:
    for key in ("quiz-button-start", "quiz-button-retake", "quiz-button-continue"):
        for language in ("kk", "ru", "en"):
            assert len(harness.translator.get(language, key)) <= 30, (key, language)
