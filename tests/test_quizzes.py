"""Lesson quizzes below the chat: attempts, polls through the sender, answers, results, progress,
the completion rule, reminders and restarts. The real sender talks to the Bot API emulator; the
clock is frozen. Learners answer by the poll ids the emulator gave, as ``poll_answer`` carries
them."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.clock import FrozenClock
from bot.config import Settings
from bot.delivery.service import DeliveryService
from bot.i18n import Translator
from bot.quizzes.model import AnswerOutcome, StartOutcome
from bot.quizzes.service import QuizService
from bot.telegram.callbacks import QuizCb
from storage.db import Database
from tests.auxil.delivery_setup import add_learners, deliver, delivery_rig, import_version, make_cohort, write_course
from tests.auxil.emulator import BotAPIEmulator
from tests.auxil.emulator_models import BotMessage
from tests.auxil.emulator_users import FakeUser

KK, RU, EN, OTHER = 201, 202, 203, 204

COURSE = """\
code: quiz-course
languages: [kk, ru, en]
title: {kk: Оқу клубы, ru: Читательский клуб, en: Reading club}
hours: 2
lessons:
  - day: 1
    time: "10:00"
    title: {kk: Клубтың мақсаты, ru: Цель клуба, en: The club's aim}
    materials:
      - text: {kk: Сәлем, ru: Привет, en: Hello}
    quiz:
      pass_mark: 60
      attempts: %(attempts)s
      shuffle: %(shuffle)s
      questions:
        - question:
            kk: Клубқа неше адам керек?
            ru: Сколько людей нужно клубу?
            en: How many people does a club need?
          options: ["1", "5-15", "100"]
          correct: 2
          explanation:
            kk: Шағын топта бәрі сөйлейді.
            ru: В малой группе говорят все.
            en: In a small group everyone speaks.
        - question: {kk: "Кездесу қанша уақыт?", ru: "Сколько длится встреча?", en: "How long is a meeting?"}
          options: ["10 min", "1-1.5 h", "5 h"]
          correct: 2
        - question: {kk: "Кітапты кім таңдайды?", ru: "Кто выбирает книгу?", en: "Who picks the book?"}
          options: [{kk: Клуб, ru: Клуб, en: The club}, {kk: Директор, ru: Директор, en: The director}]
          correct: 1
  - day: 3
    time: "10:00"
    title: {kk: Екінші сабақ, ru: Второй урок, en: Lesson two}
    materials:
      - text: {kk: Сәлем, ru: Привет, en: Hello}
    quiz:
      questions:
        - question: {kk: "Иә ма?", ru: "Да?", en: "Yes?"}
          options: [{kk: Иә, ru: Да, en: "Yes"}, {kk: Жоқ, ru: Нет, en: "No"}]
          correct: 1
        - question: {kk: "Жоқ па?", ru: "Нет?", en: "No?"}
          options: [{kk: Иә, ru: Да, en: "Yes"}, {kk: Жоқ, ru: Нет, en: "No"}]
          correct: 2
completion:
  homework: []
  quiz_pass_mark: 60
"""


@pytest.fixture
def fast(settings: Settings) -> Settings:
    return settings.model_copy(update={"send_chat_interval": 0.01, "send_rate": 200})


async def cohort_with(
    db: Database, tmp_path: Path, clock: FrozenClock, *, attempts: int = 3, shuffle: bool = False
) -> int:
    folder = write_course(tmp_path / "course", COURSE % {"attempts": attempts, "shuffle": str(shuffle).lower()})
    version = await import_version(db, folder, tmp_path / "files")
    cohort_id = await make_cohort(db, version, date(2026, 4, 15), clock.now())  # lesson 1 is due now
    await add_learners(db, cohort_id, [KK, RU, EN], clock.now())
    return cohort_id


@asynccontextmanager
async def rig(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort_id: int, *, seed: int = 7
) -> AsyncIterator[tuple[QuizService, DeliveryService, BotAPIEmulator]]:
    """Lesson 1 delivered to everyone; a quiz service on the delivery service's sender."""
    async with delivery_rig(db, fast, clock, translator) as (delivery, emu):
        for uid in (KK, RU, EN, OTHER):
            emu.user(uid)
        await delivery.planner.plan_cohort(cohort_id, clock.now())
        await deliver(delivery)
        quizzes = new_service(db, fast, translator, clock, delivery, seed)
        yield quizzes, delivery, emu


def new_service(
    db: Database, fast: Settings, translator: Translator, clock: FrozenClock, delivery: DeliveryService, seed: int = 7
) -> QuizService:
    return QuizService(db, fast, translator, clock, delivery.courses, lambda: delivery.sender, rng=random.Random(seed))


def polls(user: FakeUser) -> list[BotMessage]:
    return [m for m in user.messages if m.kind == "poll"]


def right_place(message: BotMessage) -> int:
    assert message.poll is not None
    return int(message.poll["correct_option_id"])


def wrong_place(message: BotMessage) -> int:
    return 0 if right_place(message) else 1


async def answer(
    quizzes: QuizService, delivery: DeliveryService, user: FakeUser, place: int, message: BotMessage | None = None
) -> AnswerOutcome:
    message = message or polls(user)[-1]
    assert message.poll is not None
    result = await quizzes.answer(message.poll["id"], user.id, [place])
    await delivery.idle()
    return result.outcome


async def test_a_quiz_comes_one_question_at_a_time_and_ends_with_one_result_message(
    db: Database, tmp_path: Path, clock: FrozenClock, fast: Settings, translator: Translator
) -> None:
    cohort_id = await cohort_with(db, tmp_path, clock)
    async with rig(db, fast, clock, translator, cohort_id) as (quizzes, delivery, emu):
        aigul = emu.user(EN)
        started = await quizzes.start(cohort_id, EN, 1)
        await delivery.idle()

        assert started.outcome is StartOutcome.STARTED
        [first] = polls(aigul)
        assert first.poll is not None
        assert first.poll["type"] == "quiz" and first.poll["is_anonymous"] is False
        assert first.text == "1/3. How many people does a club need?"
        assert [o["text"] for o in first.poll["options"]] == ["1", "5-15", "100"]
        assert first.poll["correct_option_id"] == 1
        assert first.poll["explanation"] == "In a small group everyone speaks."

        assert await answer(quizzes, delivery, aigul, 0) is AnswerOutcome.NEXT  # wrong
        assert polls(aigul)[-1].text == "2/3. How long is a meeting?"
        assert await answer(quizzes, delivery, aigul, 1) is AnswerOutcome.NEXT  # right
        assert await answer(quizzes, delivery, aigul, 1) is AnswerOutcome.FINISHED  # wrong

        result = aigul.messages[-1]
        assert result.kind == "text"
        assert result.text == (
            "📝 Quiz for lesson 1 «The club's aim»: 1 of 3 right (33%).\n"
            "❌ Not passed: the pass mark is 60%.\n\n"
            "Where the answer was wrong:\n\n"
            "1. How many people does a club need?\n"
            "✅ Right answer: 5-15\n"
            "💡 In a small group everyone speaks.\n\n"
            "3. Who picks the book?\n"
            "✅ Right answer: The club\n\n"
            "2 attempts left."
        )
        assert len(polls(aigul)) == 3
    rows = await db.fetchall("SELECT question, option, correct FROM quiz_answers ORDER BY question")
    assert [tuple(r) for r in rows] == [(0, 0, 0), (1, 1, 1), (2, 1, 0)]
    attempt = await db.fetchone("SELECT state, right_answers, result_sent_at FROM quiz_attempts")
    assert attempt is not None and (attempt["state"], attempt["right_answers"]) == ("finished", 1)
    assert attempt["result_sent_at"] is not None


async def test_the_best_attempt_counts_and_the_attempts_run_out(
    db: Database, tmp_path: Path, clock: FrozenClock, fast: Settings, translator: Translator
) -> None:
    cohort_id = await cohort_with(db, tmp_path, clock, attempts=2)
    async with rig(db, fast, clock, translator, cohort_id) as (quizzes, delivery, emu):
        user = emu.user(RU)
        await quizzes.start(cohort_id, RU, 1)
        await delivery.idle()
        for _ in range(3):
            await answer(quizzes, delivery, user, right_place(polls(user)[-1]))
        assert "верно 3 из 3 (100%)" in user.messages[-1].text
        assert "✅ Тест пройден" in user.messages[-1].text
        assert user.messages[-1].text.endswith("Осталась 1 попытка.")

        assert (await quizzes.start(cohort_id, RU, 1)).outcome is StartOutcome.STARTED
        await delivery.idle()
        for _ in range(3):
            await answer(quizzes, delivery, user, wrong_place(polls(user)[-1]))
        assert "верно 0 из 3 (0%)" in user.messages[-1].text
        assert "Засчитывается лучший результат: 3 из 3." in user.messages[-1].text
        assert user.messages[-1].text.endswith("Попыток больше нет.")

        assert (await quizzes.start(cohort_id, RU, 1)).outcome is StartOutcome.NO_ATTEMPTS
        [first, second] = await quizzes.progress(cohort_id, RU)
        assert (first.attempts_used, first.attempts_left, first.best_right, first.passed) == (2, 0, 3, True)
        assert (second.lesson, second.attempts_used, second.best_right, second.passed) == (2, 0, None, False)
        standing = await quizzes.standing(cohort_id, RU)
        # 3 right of the course's 5 quiz questions: 60 %, the course's quiz_pass_mark.
        assert (standing.right, standing.total, standing.percent, standing.met) == (3, 5, 60, True)
        assert not (await quizzes.standing(cohort_id, KK)).met


async def test_who_may_start_which_quiz(
    db: Database, tmp_path: Path, clock: FrozenClock, fast: Settings, translator: Translator
) -> None:
    cohort_id = await cohort_with(db, tmp_path, clock)
    async with rig(db, fast, clock, translator, cohort_id) as (quizzes, delivery, emu):
        assert (await quizzes.start(cohort_id, KK, 2)).outcome is StartOutcome.NOT_YET  # lesson 2: day 3
        assert (await quizzes.start(cohort_id, KK, 9)).outcome is StartOutcome.UNKNOWN
        assert (await quizzes.start(cohort_id, OTHER, 1)).outcome is StartOutcome.NOT_ENROLLED
        assert (await quizzes.start(cohort_id + 1, KK, 1)).outcome is StartOutcome.NOT_ENROLLED
        await db.execute("UPDATE enrolments SET status = 'left' WHERE user_id = ?", (RU,))
        assert (await quizzes.start(cohort_id, RU, 1)).outcome is StartOutcome.NOT_ENROLLED
        await delivery.idle()
        assert not polls(emu.user(KK)) and not polls(emu.user(RU))


async def test_each_answer_counts_once_and_strangers_and_ended_attempts_are_ignored(
    db: Database, tmp_path: Path, clock: FrozenClock, fast: Settings, translator: Translator
) -> None:
    cohort_id = await cohort_with(db, tmp_path, clock)
    async with rig(db, fast, clock, translator, cohort_id) as (quizzes, delivery, emu):
        kk = emu.user(KK)
        await quizzes.start(cohort_id, KK, 1)
        await delivery.idle()
        first = polls(kk)[0]
        assert first.poll is not None
        poll_id = first.poll["id"]

        assert (await quizzes.answer("no-such-poll", KK, [0])).outcome is AnswerOutcome.IGNORED
        assert (await quizzes.answer(poll_id, RU, [1])).outcome is AnswerOutcome.IGNORED  # someone else's
        assert (await quizzes.answer(poll_id, KK, [])).outcome is AnswerOutcome.IGNORED  # retracted
        assert (await quizzes.answer(poll_id, KK, [7])).outcome is AnswerOutcome.IGNORED  # no such option
        assert await answer(quizzes, delivery, kk, 1, first) is AnswerOutcome.NEXT
        assert await answer(quizzes, delivery, kk, 0, first) is AnswerOutcome.DUPLICATE
        assert len(polls(kk)) == 2  # the repeat moved nothing

        # "Continue" sends the current question again: the first answer to either poll counts,
        # and an answer to the older one after that does not shift the sequence.
        assert (await quizzes.start(cohort_id, KK, 1)).outcome is StartOutcome.CONTINUED
        await delivery.idle()
        older, newer = polls(kk)[1], polls(kk)[2]
        assert older.text == newer.text == "2/3. Кездесу қанша уақыт?"
        assert await answer(quizzes, delivery, kk, 1, newer) is AnswerOutcome.NEXT
        assert await answer(quizzes, delivery, kk, 0, older) is AnswerOutcome.DUPLICATE
        assert len(polls(kk)) == 4
        assert await answer(quizzes, delivery, kk, 0) is AnswerOutcome.FINISHED
        assert await answer(quizzes, delivery, kk, 1, first) is AnswerOutcome.IGNORED  # the attempt ended
    rows = await db.fetchall("SELECT question, option FROM quiz_answers ORDER BY question")
    assert [tuple(r) for r in rows] == [(0, 1), (1, 1), (2, 0)]


async def test_shuffled_options_move_the_right_answer_and_keep_their_order_across_a_restart(
    db: Database, tmp_path: Path, clock: FrozenClock, fast: Settings, translator: Translator
) -> None:
    cohort_id = await cohort_with(db, tmp_path, clock, shuffle=True)
    async with rig(db, fast, clock, translator, cohort_id, seed=3) as (quizzes, delivery, emu):
        en = emu.user(EN)
        orders = []
        for uid in (EN, RU, KK):
            await quizzes.start(cohort_id, uid, 1)
        await delivery.idle()
        for uid in (EN, RU, KK):
            [poll] = polls(emu.user(uid))
            assert poll.poll is not None
            options = [o["text"] for o in poll.poll["options"]]
            assert sorted(options) == ["1", "100", "5-15"]
            assert options[right_place(poll)] == "5-15"  # the right answer moved with its option
            orders.append(options)
        assert len({tuple(o) for o in orders}) > 1, "three learners, one order: not shuffled"

        # A restart: a new service over the same database; "Continue" shows the same order, and
        # an answer to the poll sent before the restart still counts.
        again = new_service(db, fast, translator, clock, delivery, seed=99)
        assert (await again.start(cohort_id, EN, 1)).outcome is StartOutcome.CONTINUED
        await delivery.idle()
        before, after = polls(en)
        assert after.poll is not None and before.poll is not None
        assert [o["text"] for o in after.poll["options"]] == [o["text"] for o in before.poll["options"]]
        assert after.poll["correct_option_id"] == before.poll["correct_option_id"]
        assert await answer(again, delivery, en, right_place(before), before) is AnswerOutcome.NEXT
    row = await db.fetchone("SELECT option, correct FROM quiz_answers WHERE question = 0")
    assert row is not None and (row["option"], row["correct"]) == (1, 1)


async def test_what_a_stop_left_unsent_goes_at_the_first_tick(
    db: Database, tmp_path: Path, clock: FrozenClock, fast: Settings, translator: Translator
) -> None:
    """The attempt is written before its question is sent; a process that stops in between
    (here: no sender yet) leaves an attempt whose question has no poll: the tick sends it."""
    cohort_id = await cohort_with(db, tmp_path, clock)
    async with rig(db, fast, clock, translator, cohort_id) as (quizzes, delivery, emu):
        offline = QuizService(db, fast, translator, clock, delivery.courses, lambda: None)
        assert (await offline.start(cohort_id, KK, 1)).outcome is StartOutcome.STARTED
        await delivery.idle()
        kk = emu.user(KK)
        assert not polls(kk)

        await quizzes.tick()
        await delivery.idle()
        assert len(polls(kk)) == 1
        await quizzes.tick()  # nothing owed any more
        await delivery.idle()
        assert len(polls(kk)) == 1

        # The last answer recorded by a process that could not send the result: the tick sends it.
        for _ in range(3):
            message = polls(kk)[-1]
            assert message.poll is not None
            sender = offline if len(polls(kk)) == 3 else quizzes
            await sender.answer(message.poll["id"], KK, [right_place(message)])
            await delivery.idle()
        assert "3 сұрағына дұрыс" not in kk.messages[-1].text
        await quizzes.tick()
        await delivery.idle()
        assert "✅ Тест тапсырылды" in kk.messages[-1].text
        await quizzes.tick()
        await delivery.idle()
        assert sum("Тест тапсырылды" in m.text for m in kk.messages) == 1


async def test_an_unfinished_quiz_gets_one_reminder_after_a_day_never_at_night(
    db: Database, tmp_path: Path, clock: FrozenClock, fast: Settings, translator: Translator
) -> None:
    cohort_id = await cohort_with(db, tmp_path, clock)
    async with rig(db, fast, clock, translator, cohort_id) as (quizzes, delivery, emu):
        kk, ru = emu.user(KK), emu.user(RU)
        await quizzes.start(cohort_id, KK, 1)  # 10:00 Almaty
        await quizzes.start(cohort_id, RU, 1)
        await delivery.idle()
        await answer(quizzes, delivery, kk, 1)
        clock.advance(timedelta(hours=12))  # 22:00: quiet hours
        await answer(quizzes, delivery, ru, 1)
        for _ in range(2):
            await answer(quizzes, delivery, ru, 1)  # Ruslan finishes at 22:00

        clock.advance(timedelta(hours=11, minutes=59))  # 09:59 next day: not yet a day since her answer
        await quizzes.tick()
        await delivery.idle()
        assert "Еске салу" not in kk.messages[-1].text
        clock.advance(timedelta(minutes=1))
        await quizzes.tick()
        await quizzes.tick()
        await delivery.idle()
        reminders = [m for m in kk.messages if "Еске салу" in m.text]
        assert [m.text for m in reminders] == [
            "⏰ Еске салу: сіз 1-сабақтың тестін «Клубтың мақсаты» бастадыңыз, бірақ аяқтаған жоқсыз: "
            "3 сұрақтың 2 сұрағы қалды.\nЖоғарыдағы сұраққа жауап беріңіз немесе оны қайта алу үшін батырманы басыңыз."
        ]
        assert not any("Напоминание" in m.text for m in ru.messages)

        # Started at 23:00 and left: the reminder waits for the morning.
        await db.execute("UPDATE quiz_attempts SET reminded_at = NULL, active_at = '2026-04-15T18:00:00Z'")
        clock.set(clock.now().replace(day=16, hour=18))  # 23:00 Almaty
        await quizzes.tick()
        await delivery.idle()
        assert len([m for m in kk.messages if "Еске салу" in m.text]) == 1
        clock.advance(timedelta(hours=9))  # 08:00
        await quizzes.tick()
        await delivery.idle()
        assert len([m for m in kk.messages if "Еске салу" in m.text]) == 2


async def test_the_card_the_result_and_the_reminder_carry_buttons_the_chat_side_reads(
    db: Database, tmp_path: Path, clock: FrozenClock, fast: Settings, translator: Translator
) -> None:
    cohort_id = await cohort_with(db, tmp_path, clock)
    async with rig(db, fast, clock, translator, cohort_id) as (quizzes, delivery, emu):
        en = emu.user(EN)
        card = en.messages[-1]  # the lesson's last message
        assert card.text == (
            "📝 Quiz for lesson 1 «The club's aim»: 3 questions, pass mark 60%.\n"
            "You have 3 attempts; the best one counts."
        )
        assert buttons(card) == [("▶️ Start the quiz", QuizCb(action="start", cohort_id=cohort_id, lesson=1))]

        await quizzes.start(cohort_id, EN, 1)
        await delivery.idle()
        clock.advance(timedelta(hours=25))
        await quizzes.tick()
        await delivery.idle()
        reminder = en.messages[-1]
        assert buttons(reminder) == [("▶️ Continue the quiz", QuizCb(action="continue", cohort_id=cohort_id, lesson=1))]

        for _ in range(3):
            await answer(quizzes, delivery, en, 0)
        assert buttons(en.messages[-1]) == [("🔁 Try again", QuizCb(action="start", cohort_id=cohort_id, lesson=1))]


def buttons(message: BotMessage) -> list[tuple[str, QuizCb]]:
    markup = message.reply_markup or {}
    return [
        (button["text"], QuizCb.unpack(button["callback_data"]))
        for row in markup.get("inline_keyboard", [])
        for button in row
    ]
