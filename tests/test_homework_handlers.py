"""Homework through the real Dispatcher: a Kazakh-speaking learner's draft (one status message,
an album acknowledged once, a refused kind, hand-in), something sent outside a draft, /progress,
a closed homework; the curator's /review (parts as sent, return with a comment, a score, the
first decision wins); a learner pressing a review button is refused."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMediaGroup, SendMessage
from aiogram.types import Chat, Document, Message, PhotoSize, Update, User, Voice

from bot.clock import to_db
from bot.delivery.planning import Planner
from bot.delivery.render import hand_in_callback
from bot.telegram.callbacks import DraftCb, HomeworkCb, ReviewCb
from storage.cohorts import CohortRepository
from storage.roles import RoleRepository
from tests.auxil.delivery_setup import add_learners, import_version, make_cohort, write_course
from tests.auxil.harness import Harness, plain_buttons
from tests.auxil.updates import tg_user
from tests.test_homework_service import COURSE, local

ASEL = tg_user(201, language_code="kk", first_name="Әсел")
BOTA = tg_user(202, language_code="ru", first_name="Бота")
CURATOR = tg_user(301, language_code="kk", first_name="Гүлнар")
SECOND = tg_user(302, language_code="ru", first_name="Мария")
_ids = itertools.count(7000)


def update(user: User, **fields: Any) -> Update:
    message = Message(
        message_id=next(_ids),
        date=datetime.now(UTC),
        chat=Chat(id=user.id, type="private", first_name=user.first_name),
        from_user=user,
        **fields,
    )
    return Update(update_id=next(_ids), message=message)


def photo(number: int) -> list[PhotoSize]:
    return [PhotoSize(file_id=f"AgAC-{number}", file_unique_id=f"u{number}", width=1280, height=960, file_size=200_000)]


@pytest.fixture
async def world(harness: Harness, tmp_path: Path) -> int:
    """The homework course from 15 April: Әсел (kk) and Бота (ru) got lesson 1 and its task;
    Гүлнар curates the cohort, Мария curates it too."""
    now = harness.clock.now()
    version = await import_version(harness.db, write_course(tmp_path / "course", COURSE), tmp_path / "files")
    cohort = await make_cohort(harness.db, version, date(2026, 4, 15), now)
    await add_learners(harness.db, cohort, [ASEL.id], now, languages=("kk",))
    await add_learners(harness.db, cohort, [BOTA.id], now, languages=("ru",))
    await Planner(harness.db, harness.dp["settings"]).plan_cohort(cohort, now)
    await harness.db.execute("UPDATE deliveries SET state = 'sent' WHERE due_at <= ?", (to_db(now),))
    for person, name in ((CURATOR, "Гүлнар Сейітқызы"), (SECOND, "Мария Иванова")):
        await harness.db.execute(
            "INSERT INTO users (telegram_id, language, full_name, registered_at, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (person.id, person.language_code, name, to_db(now), to_db(now), to_db(now)),
        )
        await RoleRepository(harness.db).grant(person.id, "curator", 1, now)
        await CohortRepository(harness.db).add_curator(cohort, person.id)
    return cohort


async def feed(h: Harness, upd: Update) -> None:
    await h.dp.feed_update(h.bot, upd)


async def settle(h: Harness) -> None:
    """Let the paced status edits run now instead of a second later."""
    await h.dp["draft_status"].drain()


def to(h: Harness, user: User, kind: type = SendMessage) -> list[Any]:
    return [r for r in h.session.requests if isinstance(r, kind) and int(r.chat_id) == user.id]


def alerts(h: Harness) -> list[str]:
    return [r.text or "" for r in h.session.requests if isinstance(r, AnswerCallbackQuery) and r.text]


async def press(h: Harness, user: User, data: str) -> None:
    await h.click_data(user, data, 1)


async def hand_in_album(h: Harness, cohort: int) -> int:
    await press(h, ASEL, hand_in_callback(cohort, 1))
    await feed(h, update(ASEL, text="Менің жұмысым: кітап көрмесі"))
    for number in range(3):
        await feed(
            h, update(ASEL, photo=photo(number), media_group_id="album-1", caption="Көрме" if number == 0 else None)
        )
    await feed(
        h,
        update(
            ASEL,
            document=Document(file_id="BQAC-pdf", file_unique_id="pdf", file_name="жоспар.pdf", file_size=25_000_000),
        ),
    )
    await settle(h)
    submission_id = int(await h.db.fetchval("SELECT id FROM submissions WHERE user_id = ?", (ASEL.id,)))
    await press(h, ASEL, DraftCb(action="send", submission_id=submission_id).pack())
    return submission_id


async def test_the_hand_in_button_packs_as_the_renderer_writes_it() -> None:
    assert HomeworkCb(action="open", cohort_id=12, lesson=3).pack() == hand_in_callback(12, 3)


async def test_a_draft_has_one_status_message_and_an_album_is_acknowledged_once(harness: Harness, world: int) -> None:
    h = harness
    await press(h, ASEL, hand_in_callback(world, 1))
    [status] = to(h, ASEL)
    assert status.text.startswith("📝 <b>1-сабақтың үй тапсырмасы</b> «Бір»")
    assert "мәтін, сурет, құжат" in status.text and "⏰ Тапсыру мерзімі: 16 сәуір, бейсенбі, 20:00" in status.text
    assert "Әзірге ештеңе қосылған жоқ" in status.text and plain_buttons(status.reply_markup) == []

    await feed(h, update(ASEL, text="Менің жұмысым"))
    await settle(h)
    [first] = to(h, ASEL, EditMessageText)
    assert "📎 1 бөлік: 1 мәтін" in first.text
    assert plain_buttons(first.reply_markup) == ["✅ Кураторға жіберу", "🗑 Қайта бастау"]

    for number in range(3):
        await feed(h, update(ASEL, photo=photo(number), media_group_id="album-1"))
    await settle(h)
    edits = to(h, ASEL, EditMessageText)
    assert len(edits) == 2  # the album: one edit for three photos
    assert "📎 4 бөлік: 1 мәтін, 3 сурет" in edits[-1].text
    assert len(to(h, ASEL)) == 1  # and no new message for any of it

    await feed(h, update(ASEL, voice=Voice(file_id="AwAC", file_unique_id="v", duration=4)))
    refusal = to(h, ASEL)[-1].text
    assert refusal == (
        "⛔ Бұл тапсырмаға тек мыналар қабылданады: мәтін, сурет, құжат. Сіз дауыстық хабар жібердіңіз, ол қосылмады."
    )
    assert await h.db.fetchval("SELECT COUNT(*) FROM submission_parts") == 4

    submission_id = int(await h.db.fetchval("SELECT id FROM submissions"))
    await press(h, ASEL, DraftCb(action="send", submission_id=submission_id).pack())
    sent = to(h, ASEL, EditMessageText)[-1]
    assert sent.text.startswith("✅ <b>Кураторға жіберілді</b>: 1-сабақтың «Бір» үй тапсырмасы, 4 бөлік.")
    assert sent.reply_markup is None
    assert await h.db.fetchval("SELECT state FROM submissions") == "waiting"

    # Pressed again (a double tap): nothing changes, a short notice.
    await press(h, ASEL, DraftCb(action="send", submission_id=submission_id).pack())
    assert alerts(h)[-1] == "Бұл жұмыс кураторға жіберіліп қойған."
    # Hand in pressed again while the curator has it.
    await press(h, ASEL, hand_in_callback(world, 1))
    assert to(h, ASEL)[-1].text.startswith("⏳ 1-сабақтың үй тапсырмасы куратордың тексеруінде.")


async def test_start_over_and_an_empty_hand_in(harness: Harness, world: int) -> None:
    h = harness
    await press(h, ASEL, hand_in_callback(world, 1))
    await feed(h, update(ASEL, text="Қате жауап"))
    await settle(h)
    submission_id = int(await h.db.fetchval("SELECT id FROM submissions"))
    await press(h, BOTA, DraftCb(action="over", submission_id=submission_id).pack())  # not hers
    assert await h.db.fetchval("SELECT COUNT(*) FROM submission_parts") == 1
    await press(h, ASEL, DraftCb(action="over", submission_id=submission_id).pack())
    assert "Әзірге ештеңе қосылған жоқ" in to(h, ASEL, EditMessageText)[-1].text
    assert await h.db.fetchval("SELECT COUNT(*) FROM submission_parts") == 0
    await press(h, ASEL, DraftCb(action="send", submission_id=submission_id).pack())
    assert alerts(h)[-1].startswith("Әзірге жіберетін ештеңе жоқ")


async def test_something_sent_outside_a_draft_is_asked_about(harness: Harness, world: int) -> None:
    h = harness
    await feed(h, update(ASEL, photo=photo(9), caption="Көрме"))
    question = to(h, ASEL)[-1]
    assert question.text.startswith("📝 Бұл қай тапсырмаға жатады?")
    assert plain_buttons(question.reply_markup) == ["📝 1. Бір"]
    await h.click(ASEL, "📝 1. Бір")
    status = to(h, ASEL)[-1]
    assert "📎 1 бөлік: 1 сурет" in status.text
    assert await h.db.fetchval("SELECT text FROM submission_parts") == "Көрме"
    # With nothing open (handed in), a photo is not silently dropped either.
    submission_id = int(await h.db.fetchval("SELECT id FROM submissions"))
    await press(h, ASEL, DraftCb(action="send", submission_id=submission_id).pack())
    await feed(h, update(ASEL, photo=photo(10)))
    assert to(h, ASEL)[-1].text.startswith("Қазір тапсыруға болатын тапсырмаңыз жоқ")
    # A plain question with nothing open is the fallback's, not homework's.
    await feed(h, update(ASEL, text="Сәлеметсіз бе"))
    assert to(h, ASEL)[-1].text == h.translator.get("kk", "fallback-hint")


async def test_progress_shows_lessons_homework_and_what_is_needed(harness: Harness, world: int) -> None:
    h = harness
    await feed(h, update(BOTA, text="/progress", entities=None))
    [card] = to(h, BOTA)
    assert "📘 Получено уроков: 1 из 3" in card.text
    assert "░░░░░░░░░░ принято заданий: 0 из 2" in card.text
    assert "▫️ Урок 1: ещё не сдано, срок до 16 апреля, четверг, 20:00" in card.text
    assert "🔒 Урок 2: будет позже" in card.text
    assert "• принятые домашние задания к урокам 1, 2" in card.text
    assert plain_buttons(card.reply_markup) == ["📝 Сдать: урок 1"]


async def test_a_refusing_homework_is_closed_after_its_deadline(harness: Harness, world: int) -> None:
    h = harness
    h.clock.set(local(3, 20, 30))
    await h.db.execute("UPDATE deliveries SET state = 'sent' WHERE due_at <= ?", (to_db(h.clock.now()),))
    await press(h, ASEL, hand_in_callback(world, 2))
    closed = to(h, ASEL)[-1].text
    assert closed.startswith("⛔ 2-сабақтың үй тапсырмасын қабылдау мерзімі 17 сәуір, жұма, 20:00 аяқталды")
    assert "кураторыңызға жазыңыз: Гүлнар Сейітқызы, Мария Иванова." in closed


async def test_the_curator_reviews_returns_and_accepts_with_a_score(harness: Harness, world: int) -> None:
    h = harness
    first = await hand_in_album(h, world)

    await feed(h, update(CURATOR, text="/review", entities=None))
    choose = to(h, CURATOR)[-1]
    assert plain_buttons(choose.reply_markup) == ["Ауыл кітапханалары (1)"]
    await h.click(CURATOR, "Ауыл кітапханалары (1)")
    header, text_part, controls = to(h, CURATOR)[-3:]
    assert header.text.startswith("📥 <b>1-сабақтың үй тапсырмасы</b> «Бір»\n👤 Кітапханашы 201\n🏛 Кітапхана № 201")
    assert "📄 1-нұсқа · 5 бөлік" in header.text
    assert text_part.text == "💬 Менің жұмысым: кітап көрмесі"
    [album] = to(h, CURATOR, SendMediaGroup)
    assert [item.media for item in album.media] == ["AgAC-0", "AgAC-1", "AgAC-2"] and album.media[0].caption == "Көрме"
    assert [d.document for d in h.session.requests if type(d).__name__ == "SendDocument"] == ["BQAC-pdf"]
    assert plain_buttons(controls.reply_markup) == ["✅ Қабылдау", "↩️ Пікірмен қайтару", "⏭ Келесі"]

    await h.click(CURATOR, "↩️ Пікірмен қайтару")
    assert to(h, CURATOR)[-1].text.startswith("✍️ Нені түзету керектігін жазыңыз")
    await feed(h, update(CURATOR, text="Көрменің атауын қосыңыз"))
    assert to(h, CURATOR)[-1].text.startswith("↩️ Қайтарылды: Кітапханашы 201, 1-сабақ, пікіріңізбен бірге.")
    notice = await h.db.fetchone("SELECT kind, variant, state FROM deliveries WHERE kind = 'homework-result'")
    assert tuple(notice) == ("homework-result", f"review-{first}", "planned")
    review = await h.db.fetchone("SELECT decision, comment, reviewer_id FROM submission_reviews")
    assert tuple(review) == ("returned", "Көрменің атауын қосыңыз", CURATOR.id)

    # She hands in version 2; Гүлнар accepts it with 9 of 10, Мария presses Accept too late.
    await press(h, ASEL, hand_in_callback(world, 1))
    assert "бұл 2-нұсқа болады" in to(h, ASEL)[-1].text
    await feed(h, update(ASEL, photo=photo(20)))
    second = int(await h.db.fetchval("SELECT id FROM submissions WHERE version = 2"))
    await press(h, ASEL, DraftCb(action="send", submission_id=second).pack())
    accept = ReviewCb(action="accept", cohort_id=world, submission_id=second).pack()
    await press(h, CURATOR, accept)
    score = to(h, CURATOR)[-1]
    assert score.text.startswith("🏅 Жұмысқа баға қойыңыз: 0 мен 10 аралығындағы сан.")
    assert plain_buttons(score.reply_markup)[:11] == [str(n) for n in range(11)]
    await feed(h, update(CURATOR, text="11"))
    assert to(h, CURATOR)[-1].text == "0 мен 10 аралығындағы бүтін санды жазыңыз."
    await h.click(CURATOR, "9")
    await h.click(CURATOR, "✅ Пікірсіз қабылдау")
    assert to(h, CURATOR)[-1].text == "✅ Қабылданды: Кітапханашы 201, 1-сабақ, 10 ұпайдан 9. Тыңдаушыға хабар барады."
    await press(h, SECOND, accept)
    assert to(h, SECOND)[-1].text == "По этой работе уже есть решение: принята (Гүлнар Сейітқызы)."
    assert await h.db.fetchval("SELECT COUNT(*) FROM deliveries WHERE kind = 'homework-result'") == 2
    assert tuple(await h.db.fetchone("SELECT state, version FROM submissions WHERE id = ?", (second,))) == (
        "accepted",
        2,
    )
    # Accepted is final.
    await press(h, ASEL, hand_in_callback(world, 1))
    assert to(h, ASEL)[-1].text.startswith("✅ 1-сабақтың үй тапсырмасы қабылданды")


async def test_review_buttons_pressed_by_a_learner_or_forged_change_nothing(harness: Harness, world: int) -> None:
    h = harness
    submission = await hand_in_album(h, world)
    before = len(to(h, BOTA))
    await press(h, BOTA, ReviewCb(action="accept", cohort_id=world, submission_id=submission).pack())
    assert alerts(h)[-1] == h.translator.get("ru", "not-allowed")
    await feed(h, update(BOTA, text="/review", entities=None))
    assert to(h, BOTA)[-1].text == h.translator.get("ru", "not-allowed")
    assert len(to(h, BOTA)) == before + 1
    # A forged id too large for SQLite, and a submission of another cohort: refused, nothing changes.
    await press(h, CURATOR, f"rv:accept:{world}:{10**30}:0")
    await press(h, CURATOR, ReviewCb(action="accept", cohort_id=world + 1, submission_id=submission).pack())
    assert await h.db.fetchval("SELECT state FROM submissions") == "waiting"
    assert await h.db.fetchval("SELECT COUNT(*) FROM submission_reviews") == 0


async def test_the_course_card_shows_homework_and_hand_in_buttons(harness: Harness, world: int) -> None:
    h = harness
    await feed(h, update(BOTA, text="/courses", entities=None))
    card = to(h, BOTA)[-1]
    assert "░░░░░░░░░░ принято заданий: 0 из 2" in card.text
    assert plain_buttons(card.reply_markup)[0] == "📝 Сдать: урок 1"
    await h.click(BOTA, "📝 Сдать: урок 1")
    assert to(h, BOTA)[-1].text.startswith("📝 <b>Домашнее задание к уроку 1</b> «Один»")


async def test_an_organizer_who_is_a_learner_hands_in_a_document(harness: Harness, world: int) -> None:
    """Before the fix the course importer took every document an organizer sent: Әсел, an
    organizer learning in the cohort, got "жоспар.pdf is not a course file" and her draft stayed
    empty. Now the importer takes a document only after /import (or with it as the caption)."""
    h = harness
    await RoleRepository(h.db).grant(ASEL.id, "organizer", 1, h.clock.now())
    await press(h, ASEL, hand_in_callback(world, 1))
    pdf = Document(file_id="BQAC-plan", file_unique_id="plan", file_name="жоспар.pdf", file_size=30_000)
    await feed(h, update(ASEL, document=pdf))
    yaml = Document(file_id="BQAC-yaml", file_unique_id="yaml", file_name="course.yaml", file_size=300)
    await feed(h, update(ASEL, document=yaml))  # a file named like a course, but her draft is open
    await settle(h)

    kinds = await h.db.fetchall("SELECT kind, name FROM submission_parts ORDER BY position")
    assert [(row[0], row[1]) for row in kinds] == [("document", "жоспар.pdf"), ("document", "course.yaml")]
    importer = [h.translator.get("kk", key) for key in ("import-checking",)]
    said = [m.text for m in to(h, ASEL)]
    assert not any(text in importer or "course file" in text or "курс файлы" in text for text in said)
    assert "📎 2 бөлік: 2 құжат" in to(h, ASEL, EditMessageText)[-1].text


async def test_the_importer_waits_for_a_file_after_import_and_hints_without_it(harness: Harness, world: int) -> None:
    h = harness
    await RoleRepository(h.db).grant(ASEL.id, "organizer", 1, h.clock.now())
    notes = Document(file_id="BQAC-n", file_unique_id="n", file_name="notes.txt", file_size=10)
    yaml = Document(file_id="BQAC-y", file_unique_id="y", file_name="course.yaml", file_size=10)

    await feed(h, update(ASEL, document=yaml))  # no draft open, no /import: a hint, nothing imported
    assert to(h, ASEL)[-1].text == h.translator.get("kk", "import-use-command")

    await feed(h, update(ASEL, text="/import"))
    assert to(h, ASEL)[-1].text == h.translator.get("kk", "import-how")
    await feed(h, update(ASEL, text="сәлем"))
    assert to(h, ASEL)[-1].text == h.translator.get("kk", "import-waiting-file")
    await feed(h, update(ASEL, document=notes))
    assert to(h, ASEL)[-1].text == h.translator.get("kk", "import-wrong-type", name="notes.txt")
    await feed(h, update(ASEL, text="/cancel"))
    assert to(h, ASEL)[-1].text == h.translator.get("kk", "import-cancelled")
    await feed(h, update(ASEL, document=notes))  # the form is over: not the importer's any more
    assert to(h, ASEL)[-1].text != h.translator.get("kk", "import-wrong-type", name="notes.txt")
    assert await h.db.fetchval("SELECT COUNT(*) FROM submission_parts") == 0


async def test_the_review_groups_buttons_pack_as_the_renderer_writes_them() -> None:
    from bot.homework.render import group_callback
    from bot.telegram.callbacks import GroupReviewCb

    for action in ("accept", "return"):
        assert GroupReviewCb(action=action, submission_id=12).pack() == group_callback(action, 12)
