"""End to end: the real bot (as ``python -m bot`` builds it) against the emulated Bot API.

A Kazakh-speaking librarian hands in a text, a 3-photo album and a PDF; the bot restarts in the
middle of her draft (the album is sent while it is down); she finishes. The curator returns the
work with a comment; she hands in again; two curators press Accept at the same moment; the score
and the comment reach her in Kazakh, once; the deadline reminder is not sent to her but is to a
colleague who has not handed in; a learner pressing a review button is refused.

Set ``OQU_TRANSCRIPT`` to a folder to keep the chats' transcripts (docs/homework.md quotes them).
"""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.clock import to_db
from storage.cohorts import CohortRepository
from storage.db import Database
from storage.roles import RoleRepository
from tests.auxil.delivery_setup import add_learners, import_version, make_cohort, write_course
from tests.auxil.emulator import BotAPIEmulator, FakeUser
from tests.test_e2e_delivery import DeliveryBot, eventually

ALMATY = ZoneInfo("Asia/Almaty")
ASEL, BOTA, GULNAR, MARIA = 4201, 4202, 4301, 4302

COURSE = """\
    code: exhibition
    languages: [kk, ru]
    title: {kk: Кітап көрмесі, ru: Книжная выставка}
    hours: 2
    reminders: [24]
    lessons:
      - day: 1
        time: "10:00"
        title: {kk: Көрме жоспары, ru: План выставки}
        materials:
          - text:
              kk: <b>1-сабақ.</b> Кітап көрмесін қалай ұйымдастыру керек.
              ru: <b>Урок 1.</b> Как устроить книжную выставку.
        homework:
          prompt: {kk: Көрмеңіздің суреттерін және жоспарын жіберіңіз., ru: Пришлите фото выставки и её план.}
          deadline: {hours_after_release: 720}
          accepts: [text, photo, document]
          max_score: 10
"""


async def prepare(path: Path) -> int:
    """The course, a cohort that started yesterday, two learners and two curators."""
    db = await Database.open(path)
    try:
        now = datetime.now(UTC)
        version = await import_version(db, write_course(path.parent / "course", COURSE), path.parent / "files")
        cohort = await make_cohort(db, version, now.astimezone(ALMATY).date() - timedelta(days=1), now)
        await add_learners(db, cohort, [ASEL], now, languages=("kk",))
        await add_learners(db, cohort, [BOTA], now, languages=("ru",))
        for person, language, name in ((GULNAR, "kk", "Гүлнар Сейітқызы"), (MARIA, "ru", "Мария Иванова")):
            await db.execute(
                "INSERT INTO users (telegram_id, language, full_name, registered_at, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (person, language, name, to_db(now), to_db(now), to_db(now)),
            )
            await RoleRepository(db).grant(person, "curator", 1, now)
            await CohortRepository(db).add_curator(cohort, person)
        await db.execute("UPDATE users SET full_name = 'Әсел Нұрланқызы', library = 'Аягөз аудандық кітапханасы',"
                         " district = 'Аягөз ауданы' WHERE telegram_id = ?", (ASEL,))  # fmt: skip
        return cohort
    finally:
        await db.close()


def keep_transcripts(folder: Path, chats: dict[int, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for chat_id, text in chats.items():
        (folder / f"homework-{chat_id}.txt").write_text(text, encoding="utf-8")


async def status_says(user: FakeUser, text: str) -> None:
    await user.wait_for(lambda m: text in m.text, timeout=10)


async def open_review(curator: FakeUser) -> None:
    await curator.send_text("/review")
    await curator.expect("Тексерілетін жұмыстар" if curator.id == GULNAR else "Работы на проверку")
    button = "Ауыл кітапханалары (1)"
    await curator.click(button)
    await curator.wait_for(lambda m: any("Қабылдау" in b or "Принять" in b for b in m.button_labels), timeout=10)
    curator.mark_read()


async def test_a_submission_returned_then_accepted_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    await prepare(path)
    async with BotAPIEmulator() as emu:
        bot = DeliveryBot(emu, path, "", overrides={"send_chat_interval": 0.05, "quiet_hours": "off"})
        asel, bota = emu.user(ASEL, first_name="Әсел"), emu.user(BOTA, first_name="Бота")
        gulnar, maria = emu.user(GULNAR, first_name="Гүлнар"), emu.user(MARIA, first_name="Мария")
        await bot.start()
        try:
            # The lesson and its task reach her (she joined a day late), the task with "Hand in".
            await asel.expect("1-сабақ. Кітап көрмесін", timeout=10)
            task = await asel.expect("Көрмеңіздің суреттерін", timeout=10)
            assert task.button_labels == ["📝 Тапсыру"]
            await bota.expect("Урок 1.", timeout=10)

            await asel.click("📝 Тапсыру")
            status = await asel.expect("1-сабақтың үй тапсырмасы")
            assert "мәтін, сурет, құжат" in status.text and "Әзірге ештеңе қосылған жоқ" in status.text
            await asel.send_text("Көрме «Туған өлкем» атты, 40 кітап қойылды.")
            await status_says(asel, "1 бөлік: 1 мәтін")

            # The bot goes down; she sends her album meanwhile; it comes back and takes it.
            await bot.stop()
            await asel.send_album(3, caption="Көрме суреттері")
            await bot.start()
            await status_says(asel, "4 бөлік: 1 мәтін, 3 сурет")
            await asel.send_document("көрме-жоспары.pdf", b"%PDF-1.4\n% plan\n%%EOF\n", "application/pdf")
            await status_says(asel, "5 бөлік: 1 мәтін, 3 сурет, 1 құжат")
            assert sum("үй тапсырмасы</b>" in m.html for m in asel.messages) == 1  # one status message
            await asel.click("✅ Кураторға жіберу")
            await status_says(asel, "Кураторға жіберілді")

            # Her reminder is cancelled as done; Бота's goes out.
            db = bot.app.db
            await db.execute("UPDATE deliveries SET due_at = ? WHERE kind = 'reminder'", (to_db(datetime.now(UTC)),))
            bot.app.delivery.wake()
            await bota.wait_for(lambda m: m.text.startswith("⏰ Напоминание"), timeout=10)

            async def reminder_done() -> bool:
                row = await db.fetchone("SELECT state, reason FROM deliveries WHERE kind = 'reminder' AND user_id = ?",
                                        (ASEL,))  # fmt: skip
                return row is not None and tuple(row) == ("cancelled", "done")

            await eventually(reminder_done, "her reminder cancelled as done")
            assert not any(m.text.startswith("⏰") for m in asel.messages)

            # The curator returns it with a comment.
            await open_review(gulnar)
            assert any("Әсел Нұрланқызы" in m.text and "1-нұсқа · 5 бөлік" in m.text for m in gulnar.messages)
            assert [m.kind for m in gulnar.messages].count("photo") == 3
            assert any(m.kind == "document" and m.file.file_name == "көрме-жоспары.pdf" for m in gulnar.messages)
            await gulnar.click("↩️ Пікірмен қайтару")
            await gulnar.expect("Нені түзету керектігін жазыңыз")
            await gulnar.send_text("Көрменің атауын суретке де түсіріңіз.")
            await gulnar.expect("↩️ Қайтарылды: Әсел Нұрланқызы, 1-сабақ")
            returned = await asel.wait_for(lambda m: "пысықтауға қайтарды" in m.text, timeout=10)
            assert "Куратордың пікірі: Көрменің атауын суретке де түсіріңіз." in returned.text

            # Version 2.
            await asel.click("📝 Қайта тапсыру")
            await status_says(asel, "бұл 2-нұсқа болады")
            await asel.send_photo(caption="Көрменің атауы")
            await status_says(asel, "1 бөлік: 1 сурет")
            await asel.click("✅ Кураторға жіберу")
            await status_says(asel, "Кураторға жіберілді: 1-сабақтың «Көрме жоспары» үй тапсырмасы, 1 бөлік")

            # Two curators on it at once: both score it and press "accept without a comment".
            await asyncio.gather(open_review(gulnar), open_review(maria))
            await asyncio.gather(gulnar.click("✅ Қабылдау"), maria.click("✅ Принять"))
            await gulnar.expect("Жұмысқа баға қойыңыз")
            await maria.expect("Оценка за работу")
            await asyncio.gather(gulnar.click("9"), maria.click("7"))
            await gulnar.expect("пікір қалдырыңыз")
            await maria.expect("Добавьте комментарий")
            await asyncio.gather(gulnar.click("✅ Пікірсіз қабылдау"), maria.click("✅ Принять без комментария"))
            outcomes = [await gulnar.next_message(timeout=10), await maria.next_message(timeout=10)]
            texts = [m.text for m in outcomes]
            assert sum(t.startswith(("✅ Қабылданды", "✅ Принято")) for t in texts) == 1, texts
            assert sum("уже есть решение" in t or "шешім қабылданып қойған" in t for t in texts) == 1, texts

            accepted = await asel.wait_for(lambda m: "үй тапсырмасын қабылдады" in m.text, timeout=10)
            assert "🏅 Баға: 10 ұпайдан" in accepted.text
            await asyncio.sleep(0.5)
            assert sum("қабылдады" in m.text for m in asel.messages) == 1  # told once

            # A learner pressing a review button is refused, and nothing changes.
            submission = await db.fetchval("SELECT id FROM submissions WHERE version = 2")
            press = await bota.click_data(f"rv:accept:1:{submission}:0")
            answer = await bota.wait_callback_answer(press)
            assert answer.text == bot.app.translator.get("ru", "not-allowed")
            assert await db.fetchval("SELECT COUNT(*) FROM submission_reviews") == 2

            keep = os.environ.get("OQU_TRANSCRIPT")
            if keep:
                keep_transcripts(Path(keep), {user.id: emu.transcript(user.id) for user in (asel, gulnar)})
        finally:
            await bot.stop()
