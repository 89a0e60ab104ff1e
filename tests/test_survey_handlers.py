"""The questionnaire and the self-assessment through the real Dispatcher: what a librarian sees
and presses, in her language, and what the database keeps."""

from __future__ import annotations

from pathlib import Path

from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup, EditMessageText, SendMessage
from aiogram.types import InlineKeyboardMarkup

from bot.delivery.render import fill_in_callback
from tests.auxil.harness import Harness
from tests.auxil.survey_course import survey_cohort
from tests.auxil.updates import tg_user

RU = tg_user(201, language_code="ru", first_name="Алия")
INVITATION = 424242  # the id of the delivered invitation, which carries Fill in


def screens(h: Harness, user_id: int) -> list[tuple[int, str, InlineKeyboardMarkup | None]]:
    """(message id, text, buttons) of every message sent or edited for the user, oldest first."""
    shown = []
    for method, result in zip(h.session.requests, h.session.results, strict=True):
        if isinstance(method, SendMessage | EditMessageText) and int(method.chat_id or 0) == user_id:
            markup = method.reply_markup if isinstance(method.reply_markup, InlineKeyboardMarkup) else None
            shown.append((result.message_id, method.text, markup))
    return shown


def last_screen(h: Harness, user_id: int) -> tuple[int, str, list[str]]:
    message_id, text, markup = screens(h, user_id)[-1]
    labels = [b.text for row in markup.inline_keyboard for b in row] if markup else []
    return message_id, text, labels


async def press(h: Harness, user, label: str) -> None:
    """Press ``label`` on the newest screen that shows it (sent or edited in place)."""
    for message_id, _, markup in reversed(screens(h, user.id)):
        for row in markup.inline_keyboard if markup else []:
            for button in row:
                if button.text == label:
                    await h.click_data(user, str(button.callback_data), message_id)
                    return
    raise AssertionError(f"no button {label!r}")


def alerts(h: Harness) -> list[str]:
    return [r.text or "" for r in h.session.requests if isinstance(r, AnswerCallbackQuery) and r.text]


async def test_a_librarian_fills_in_the_questionnaire_in_russian(harness: Harness, tmp_path: Path) -> None:
    h = harness
    cohort = await survey_cohort(h.db, tmp_path, h.clock.now(), [RU.id])
    await h.db.execute("UPDATE users SET language = 'ru' WHERE telegram_id = ?", (RU.id,))
    await h.click_data(RU, fill_in_callback(cohort), INVITATION)
    question, text, labels = last_screen(h, RU.id)
    assert question != INVITATION  # a new message; the invitation stays as it was
    assert text.startswith("<b>1 из 6</b>\nКачество курса? (1 — очень плохо, 5 — отлично)")
    assert labels == ["1", "2", "3", "4", "5"]

    await press(h, RU, "4")
    same, text, labels = last_screen(h, RU.id)
    assert same == question  # edited in place
    assert text.startswith("<b>2 из 6</b>\nСамая полезная часть?")
    assert "Выберите один ответ." in text
    assert labels == ["Лекции", "Задания", "⬅️ Назад"]

    # Back shows the previous item with its answer marked; a new answer replaces it.
    await press(h, RU, "⬅️ Назад")
    assert last_screen(h, RU.id)[2] == ["1", "2", "3", "✅4", "5"]
    await press(h, RU, "5")
    await press(h, RU, "Задания")
    _, text, labels = last_screen(h, RU.id)
    assert text.startswith("<b>3 из 6</b>")
    assert labels == ["▫️ Видео", "▫️ Чат", "▫️ Игры", "✔️ Готово", "⬅️ Назад"]
    await press(h, RU, "✔️ Готово")
    assert alerts(h)[-1] == "Выберите хотя бы один вариант."
    await press(h, RU, "▫️ Видео")
    await press(h, RU, "▫️ Игры")
    assert last_screen(h, RU.id)[2][:3] == ["✅ Видео", "▫️ Чат", "✅ Игры"]
    await press(h, RU, "✔️ Готово")

    # A typed answer, optional: /help in between changes nothing.
    _, text, labels = last_screen(h, RU.id)
    assert text.startswith("<b>4 из 6</b>\nЧто улучшить? (необязательно)")
    assert "Напишите ответ сообщением (до 1\xa0000 символов)." in text
    assert labels == ["⬅️ Назад", "⏭ Пропустить"]
    await h.send(RU, "/help")
    sent = await h.send(RU, "Больше практики, пожалуйста")
    assert isinstance(h.session.requests[-2], EditMessageReplyMarkup)  # the old buttons go
    assert sent[-1].text.startswith("📊 <b>Самооценка</b> сейчас, в конце курса\n👤 Эта часть не анонимна")
    assert "<b>5 из 6</b>\nЯ умею планировать мероприятие для детей" in sent[-1].text
    assert "1 — совсем не уверен(а), 5 — полностью уверен(а)" in sent[-1].text
    await press(h, RU, "4")
    await press(h, RU, "3")

    _, text, labels = last_screen(h, RU.id)
    assert text.startswith("<b>Проверьте ответы.</b>")
    assert "1. Качество курса? (1 — очень плохо, 5 — отлично)\n<b>5</b>" in text
    assert "3. Какие форматы?\n<b>Видео; Игры</b>" in text
    assert "4. Что улучшить?\n<b>Больше практики, пожалуйста</b>" in text
    assert labels == ["📤 Отправить", "⬅️ Назад"]
    await press(h, RU, "📤 Отправить")
    _, text, labels = last_screen(h, RU.id)
    assert text.startswith("✅ Спасибо! Ваши ответы отправлены анонимно.")
    assert "<b>Ваша самооценка</b>: сейчас — 3,5." in text
    assert "• Я умею планировать мероприятие для детей: — → 4" in text
    assert labels == []
    assert await h.db.fetchval("SELECT user_id FROM survey_responses") is None

    # Again: nothing to fill in.
    await h.click_data(RU, fill_in_callback(cohort), INVITATION)
    assert alerts(h)[-1] == "Вы уже ответили. Спасибо!"


async def test_fill_in_goes_on_where_she_stopped_and_cancel_keeps_the_answers(harness: Harness, tmp_path: Path) -> None:
    h = harness
    kk = tg_user(202, language_code="kk")
    cohort = await survey_cohort(h.db, tmp_path, h.clock.now(), [kk.id])  # languages: kk first
    await h.click_data(kk, fill_in_callback(cohort), INVITATION)
    assert last_screen(h, kk.id)[1].startswith("<b>1 / 6</b>\nКурстың сапасы?")
    await press(h, kk, "3")
    await press(h, kk, "Дәрістер")
    await press(h, kk, "▫️ Чат")
    await press(h, kk, "✔️ Дайын")
    sent = await h.send(kk, "/cancel")
    assert sent[-1].text == "Жауаптарыңыз сақталды. Ыңғайлы кезде жалғастыру үшін 📝 Толтыру түймесін басыңыз."
    await h.click_data(kk, fill_in_callback(cohort), INVITATION)
    text = last_screen(h, kk.id)[1]
    assert text.startswith("<b>4 / 6</b>\nНені жақсартуға болады? (міндетті емес)")
    await h.send(kk, "", photo=True)
    assert screens(h, kk.id)[-1][1] == "Жауапты мәтінмен жазыңыз."
    await press(h, kk, "⏭ Өткізіп жіберу")
    assert last_screen(h, kk.id)[1].startswith("📊 <b>Өзін-өзі бағалау</b>, қазір, курс соңында")
    # A button of an earlier item changes nothing.
    await press(h, kk, "2")  # on the statement: fine
    first_question = screens(h, kk.id)[-1][0]
    await h.click_data(kk, f"sv:pick:q:{cohort}:0:5", first_question)
    assert alerts(h)[-1] == "Бұл түйме алдыңғы сұрақтан қалған."
    # Someone not in the cohort.
    stranger = tg_user(203, language_code="en")
    await h.click_data(stranger, fill_in_callback(cohort), INVITATION)
    assert alerts(h)[-1] == "This is for the learners of the course."


async def test_the_self_assessment_before_after_joining(harness: Harness, tmp_path: Path) -> None:
    h = harness
    en = tg_user(204, language_code="en")
    cohort = await survey_cohort(h.db, tmp_path, h.clock.now(), [en.id])
    await h.db.execute("UPDATE users SET language = 'en' WHERE telegram_id = ?", (en.id,))
    await h.click_data(en, f"sv:open:b:{cohort}:0:0", INVITATION)
    text = last_screen(h, en.id)[1]
    assert text.startswith("📊 <b>Self-assessment</b>, before the course\n\n<b>1 of 2</b>\nI can plan a library event")
    await press(h, en, "2")
    await press(h, en, "3")
    await press(h, en, "📤 Send")
    assert last_screen(h, en.id)[1] == (
        "✅ Thank you! At the end of the course you will rate yourself again and see the change."
    )
    rows = await h.db.fetchall("SELECT user_id, phase, ratings FROM self_assessments")
    assert [tuple(r) for r in rows] == [(204, "before", '{"s1":2,"s2":3}')]


async def test_joining_a_course_with_a_self_assessment_asks_for_it_and_says_it_is_named(
    harness: Harness, tmp_path: Path
) -> None:
    from tests.test_registration_handlers import register

    h = harness
    user = tg_user(205, language_code="kk")
    cohort = await survey_cohort(h.db, tmp_path, h.clock.now(), [])
    code = await h.db.fetchval("SELECT invite_code FROM cohorts WHERE id = ?", (cohort,))
    await register(h, user)
    sent = await h.send(user, f"/start c_{code}")
    invite = sent[-1]
    assert invite.text.startswith("📊 <b>Балалар кітапханасындағы іс-шаралар</b>: бірінші сабаққа дейін")
    assert "👤 Бұл анонимді емес" in invite.text
    assert "курсына жазылдыңыз" in sent[-2].text  # the enrolment message comes first
    await h.click(user, "📊 Өзімді бағалау")
    assert last_screen(h, user.id)[1].startswith("📊 <b>Өзін-өзі бағалау</b>, курс басталар алдында\n\n<b>1 / 2</b>")
