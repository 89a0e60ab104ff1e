"""Delivery's chat side through the real Dispatcher: the "send again" button, blocking and
unblocking the bot, and the organizer's /delivery view with pause and resume."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText
from aiogram.types import ChatMemberBanned, ChatMemberMember, ChatMemberUpdated, Update

from bot.clock import to_db
from bot.delivery.planning import Planner
from bot.delivery.render import again_callback
from bot.telegram.callbacks import DeliveryCb, DeliveryReportCb
from storage.cohorts import CohortRepository
from storage.roles import RoleRepository
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort
from tests.auxil.harness import Harness
from tests.auxil.updates import _chat, tg_user
from tests.conftest import OWNER_ID
from tests.test_registration_handlers import register

LEARNER = tg_user(101, language_code="kk")
OTHER = tg_user(102, language_code="ru")
OWNER = tg_user(OWNER_ID, language_code="ru")
ORGANIZER = tg_user(55, language_code="en")


@pytest.fixture
async def world(harness: Harness, tmp_path: Path) -> int:
    """A cohort of the sample course with learners 101 (kk) and 102 (ru); lesson 1 delivered."""
    now = harness.clock.now()
    version = await import_version(harness.db, SAMPLE, tmp_path / "files")
    cohort = await make_cohort(harness.db, version, date(2026, 4, 15), now, name="Аудан <1>")
    await add_learners(harness.db, cohort, [101, 102], now)
    await Planner(harness.db, harness.dp["settings"]).plan_cohort(cohort, now)
    await harness.db.execute(
        "UPDATE deliveries SET state = 'sent', message_ids = '7,8' WHERE due_at <= ?", (to_db(now),)
    )
    return cohort


def answers(h: Harness) -> list[AnswerCallbackQuery]:
    return [r for r in h.session.requests if isinstance(r, AnswerCallbackQuery)]


def edits(h: Harness) -> list[EditMessageText]:
    return [r for r in h.session.requests if isinstance(r, EditMessageText)]


def member_update(user_id: int, old: str, new: str) -> Update:
    bot = tg_user(123456, first_name="Oqu")
    bot = bot.model_copy(update={"is_bot": True})
    states = {
        "member": ChatMemberMember(user=bot),
        "kicked": ChatMemberBanned(user=bot, until_date=datetime(1970, 1, 1, tzinfo=UTC)),
    }
    person = tg_user(user_id)
    return Update(
        update_id=90000 + user_id,
        my_chat_member=ChatMemberUpdated(
            chat=_chat(person),
            from_user=person,
            date=datetime.now(UTC),
            old_chat_member=states[old],
            new_chat_member=states[new],
        ),
    )


async def test_the_button_under_a_lesson_sends_it_again(harness: Harness, world: int) -> None:
    lesson = await harness.db.fetchval(
        "SELECT id FROM deliveries WHERE user_id = 101 AND item_key = 'L1' AND variant = ''"
    )
    data = DeliveryCb(action="again", delivery_id=lesson).pack()
    assert data == again_callback(lesson)  # what the renderer puts under the lesson
    await harness.click_data(LEARNER, data, 8)
    await harness.click_data(LEARNER, data, 8)
    await harness.click_data(OTHER, data, 8)  # somebody else's button does nothing
    assert [(a.text, a.show_alert) for a in answers(harness)] == [
        ("🔁 Қайта жіберіп жатырмын: қазір келеді.", False),
        ("⏳ Жіберіліп жатыр, сәл күте тұрыңыз.", True),
        ("Эта кнопка больше не действует.", True),
    ]
    rows = await harness.db.fetchall(
        "SELECT user_id, variant, urgent, state FROM deliveries WHERE variant LIKE 'again-%'"
    )
    assert [tuple(r) for r in rows] == [(101, "again-1", 1, "planned")]


async def test_blocking_and_unblocking_the_bot(harness: Harness, world: int) -> None:
    await harness.dp.feed_update(harness.bot, member_update(102, "member", "kicked"))
    assert not (await harness.users.get(102)).reachable
    await harness.db.execute(
        "UPDATE deliveries SET state = 'unreachable' WHERE user_id = 102 AND item_key IN ('L1', 'L1.hw')"
    )
    await harness.dp.feed_update(harness.bot, member_update(102, "kicked", "member"))
    assert (await harness.users.get(102)).reachable
    again = await harness.db.fetchall(
        "SELECT item_key, state, due_at FROM deliveries WHERE user_id = 102"
        " AND kind IN ('lesson', 'homework') AND item_key LIKE 'L1%'"
    )
    assert {(r["item_key"], r["state"], r["due_at"]) for r in again} == {
        ("L1", "planned", to_db(harness.clock.now())),
        ("L1.hw", "planned", to_db(harness.clock.now())),
    }


async def test_a_learner_may_not_see_deliveries(harness: Harness, world: int) -> None:
    sent = await harness.send(LEARNER, "/delivery")
    assert [m.text for m in sent] == [harness.translator.get("kk", "not-allowed")]
    await harness.click_data(LEARNER, DeliveryReportCb(action="pause", cohort_id=world).pack(), 1)
    assert answers(harness)[-1].text == harness.translator.get("kk", "not-allowed")
    assert await harness.db.fetchval("SELECT status FROM cohorts") == "active"


async def test_the_organizer_sees_each_lesson_and_who_to_phone(harness: Harness, world: int) -> None:
    await harness.db.execute(
        "INSERT INTO users (telegram_id, language, created_at, updated_at) VALUES (55, 'en', 'x', 'x')"
    )
    await RoleRepository(harness.db).grant(55, "organizer", OWNER_ID, harness.clock.now())
    await harness.db.execute(
        "UPDATE deliveries SET state = 'unreachable', reason = 'Forbidden: bot was "
        "blocked by the user' WHERE user_id = 102 AND item_key = 'L1'"
    )
    await harness.db.execute(
        "UPDATE deliveries SET state = 'failed', reason = 'Bad Request: <oops>' "
        "WHERE user_id = 101 AND item_key = 'L1.hw'"
    )
    listing = await harness.send(ORGANIZER, "/delivery")
    assert listing[0].text == "📬 <b>Lesson delivery</b>: choose a cohort."
    assert [b.text for row in listing[0].reply_markup.inline_keyboard for b in row] == ["Аудан <1> · 2"]
    await harness.click_data(ORGANIZER, DeliveryReportCb(action="cohort", cohort_id=world).pack(), 1)
    view = edits(harness)[-1]
    assert view.text.startswith("📬 <b>Аудан &lt;1&gt;</b>\nOrganization of library work")
    lines = view.text.splitlines()
    assert "<b>Lesson 1</b>, 15.04 10:00: 🕓 0 · ✅ 1 · 🚫 1 · ⚠️ 0" in lines
    assert "<b>Lesson 2</b>, 17.04 10:00: 🕓 2 · ✅ 0 · 🚫 0 · ⚠️ 0" in lines
    assert "<b>Questionnaire</b>, 24.04 12:00: 🕓 2 · ✅ 0 · 🚫 0 · ⚠️ 0" in lines
    labels = [b.text for row in view.reply_markup.inline_keyboard for b in row]
    assert labels[:5] == [f"Lesson {n}" for n in range(1, 6)]
    assert "🚫 Unreachable (1)" in labels and "⏸ Pause" in labels
    await harness.click_data(ORGANIZER, DeliveryReportCb(action="lesson", cohort_id=world, item="L1").pack(), 1)
    detail = edits(harness)[-1].text
    assert "Homework task: 🕓 0 · ✅ 1 · 🚫 0 · ⚠️ 1" in detail
    assert "• Кітапханашы 102, Аудан 12, Кітапхана № 102" in detail
    assert "• Кітапханашы 101: another error" in detail  # never Telegram's raw text
    await harness.click_data(ORGANIZER, DeliveryReportCb(action="unreachable", cohort_id=world).pack(), 1)
    assert "• Кітапханашы 102, Аудан 12, Кітапхана № 102" in edits(harness)[-1].text


async def test_the_owner_pauses_and_resumes_a_cohort(harness: Harness, world: int) -> None:
    await harness.db.execute("UPDATE users SET language = 'ru' WHERE telegram_id = ?", (OWNER_ID,))
    await harness.db.execute(
        "INSERT OR IGNORE INTO users (telegram_id, language, created_at, updated_at) VALUES (?, 'ru', 'x', 'x')",
        (OWNER_ID,),
    )
    await harness.click_data(OWNER, DeliveryReportCb(action="pause", cohort_id=world).pack(), 1)
    assert answers(harness)[-1].text == "⏸ Приостановлено: ничего не отправляется, пока вы не возобновите."
    view = edits(harness)[-1]
    assert "⏸ приостановлен" in view.text and "⏸ Поток приостановлен" in view.text
    labels = [b.text for row in view.reply_markup.inline_keyboard for b in row]
    assert "▶️ Сдвинуть расписание" in labels
    harness.clock.set(datetime(2026, 4, 19, 4, 0, tzinfo=UTC))  # day 5, 09:00: lesson 2 was missed
    await harness.click_data(OWNER, DeliveryReportCb(action="shift", cohort_id=world).pack(), 1)
    assert answers(harness)[-1].text == "▶️ Возобновлено: расписание сдвинулось на 3 дня."
    assert "<b>Урок 2</b>, 20.04 10:00" in edits(harness)[-1].text
    await harness.click_data(OWNER, DeliveryReportCb(action="missed", cohort_id=world).pack(), 1)
    assert answers(harness)[-1].text == "Ничего не изменилось: поток уже не в этом состоянии."


JOINER = tg_user(103, language_code="ru")


async def join_late(harness: Harness, tmp_path: Path, user=JOINER) -> list[str]:
    """A registered librarian opens the invite link of a cohort that started on 10 April."""
    version = await import_version(harness.db, SAMPLE, tmp_path / "files")
    cohort_id = await make_cohort(harness.db, version, date(2026, 4, 10), harness.clock.now(), name="Апрель")
    cohort = await CohortRepository(harness.db).get(cohort_id)
    await register(harness, user, language_label="Русский")
    sent = await harness.send(user, f"/start c_{cohort.invite_code}")
    texts = [m.text for m in sent]
    # The sample course asks for its self-assessment right after the enrolment message.
    assert texts[-1].startswith("📊")
    return texts[:-1]


async def test_a_late_joiner_is_told_the_missed_lessons_come_now(harness: Harness, tmp_path: Path) -> None:
    # 15 April, 10:00 in Almaty: lessons 1-3 (10, 12 and 14 April) are out, lesson 4 comes on the 16th.
    texts = await join_late(harness, tmp_path)
    assert (
        "📬 Уже прошло уроков: 3. Я пришлю их вам по одному, каждые 30 минут (ночью не отправляю — пришлю утром). "
        "Первый — прямо сейчас.\nСледующий новый урок: 16 апреля, четверг, 10:00"
    ) in texts[-1]
    assert "Первый урок:" not in texts[-1]


async def test_a_late_joiner_at_night_is_told_the_morning(harness: Harness, tmp_path: Path) -> None:
    harness.clock.set(datetime(2026, 4, 15, 18, 30, tzinfo=UTC))  # 23:30 in Almaty: quiet hours
    texts = await join_late(harness, tmp_path)
    assert "Первый — 16 апреля, четверг, 08:00." in texts[-1]


async def test_an_early_joiner_is_told_the_first_lesson_date(harness: Harness, tmp_path: Path) -> None:
    harness.clock.set(datetime(2026, 4, 1, 5, 0, tzinfo=UTC))
    texts = await join_late(harness, tmp_path)
    assert "Первый урок: 10 апреля, пятница, 10:00" in texts[-1]
    assert "Уже прошло" not in texts[-1]
