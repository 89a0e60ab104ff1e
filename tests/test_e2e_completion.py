"""End to end: the real bot (as ``python -m bot`` builds it) against the emulated Bot API. A
Kazakh-speaking librarian meets the sample course's completion rules: three homework accepted
earlier, the lesson 4 quiz passed, the questionnaire (with the self-assessment after) answered;
/progress says what is still missing at each point; then a curator accepts her final work through
/review, and her completion is recorded once and she is told, in Kazakh, once; her certificate
(a PDF with her name, the course and its number) follows, once, and /verify says it is valid.

Set ``OQU_TRANSCRIPT`` to a folder to keep her chat's transcript (docs/completion.md quotes it).
"""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.clock import to_db
from bot.config import Settings
from bot.delivery.planning import Planner
from bot.delivery.render import fill_in_callback
from bot.homework.model import HandInOutcome, NewPart, text_kind
from bot.telegram.callbacks import HomeworkCb, QuizCb
from storage.cohorts import CohortRepository
from storage.db import Database
from storage.roles import RoleRepository
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort
from tests.auxil.emulator import BotAPIEmulator
from tests.auxil.emulator_models import BotMessage
from tests.auxil.emulator_users import FakeUser
from tests.test_certificates import text_of
from tests.test_e2e_delivery import DeliveryBot, eventually

ASEL, GULNAR = 4501, 4502
ALMATY = ZoneInfo("Asia/Almaty")
TOLD = "🎓 Құттықтаймыз! Сіз «Қазіргі жағдайда кітапхана жұмысын ұйымдастыру» курсын аяқтадыңыз (24 сағат оқу)."


def keep_transcript(folder: Path, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "completion-asel.txt").write_text(text, encoding="utf-8")


async def answer_on(user: FakeUser, form: BotMessage, label: str, then: str) -> None:
    """Press ``label`` on the questionnaire's message and wait until it shows ``then``."""
    await user.click(label, message=form)
    await user.wait_for(lambda m: m.message_id == form.message_id and then in m.text, timeout=10)


async def prepare(path: Path) -> int:
    """The sample course in a cohort that started 9 days ago, Әсел enrolled (her lessons and tasks
    came earlier; nothing else is due, so her chat stays quiet) and Гүлнар its curator. Written
    before the bot starts: a running bot's sender would race the test for her rows."""
    db = await Database.open(path)
    try:
        now = datetime.now(UTC)
        version = await import_version(db, SAMPLE, path.parent / "files")
        cohort = await make_cohort(db, version, now.astimezone(ALMATY).date() - timedelta(days=9), now)
        await add_learners(db, cohort, [ASEL], now, languages=("kk",))
        await db.execute(
            "INSERT INTO users (telegram_id, language, full_name, registered_at, created_at, updated_at)"
            " VALUES (?, 'kk', 'Гүлнар Сейітқызы', ?, ?, ?)",
            (GULNAR, to_db(now), to_db(now), to_db(now)),
        )
        await RoleRepository(db).grant(GULNAR, "curator", 1, now)
        await CohortRepository(db).add_curator(cohort, GULNAR)
        await Planner(db, Settings(quiet_hours="off")).plan_cohort(cohort, now)
        await db.execute(
            "UPDATE deliveries SET state = 'sent' WHERE user_id = ? AND kind IN ('lesson', 'homework')", (ASEL,)
        )
        await db.execute("UPDATE deliveries SET state = 'cancelled' WHERE user_id = ? AND state = 'planned'", (ASEL,))
        return cohort
    finally:
        await db.close()


async def test_a_librarian_completes_the_sample_course_and_is_told_once(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    cohort = await prepare(path)
    async with BotAPIEmulator() as emu:
        bot = DeliveryBot(emu, path, "", overrides={"send_chat_interval": 0.05, "quiet_hours": "off"})
        await bot.start()
        try:
            await run(bot, emu, cohort)
        finally:
            await bot.stop()


async def run(bot: DeliveryBot, emu: BotAPIEmulator, cohort: int) -> None:
    db = bot.app.db
    asel = emu.user(ASEL, first_name="Әсел", language_code="kk")
    gulnar = emu.user(GULNAR, first_name="Гүлнар", language_code="kk")

    # Homework 1-3 were accepted earlier.
    homework = bot.app.dp["homework"]
    for lesson in (1, 2, 3):
        await homework.open_draft(cohort, ASEL, f"L{lesson}.hw")
        await homework.add_part(ASEL, NewPart(text_kind("Жауабым"), 100 + lesson, text="Жауабым"))
        draft = await homework.focused_draft(ASEL)
        assert (await homework.hand_in(ASEL, draft.submission.id)).outcome is HandInOutcome.HANDED_IN
        await homework.decide(draft.submission.id, GULNAR, "accepted")

    await asel.send_text("/progress")
    before = await asel.expect("Курсты аяқтау үшін тағы не керек:", timeout=10)
    assert before.text.endswith(
        "Курсты аяқтау үшін тағы не керек:\n"
        "• 5-сабақтың қабылданған үй тапсырмасы\n"
        "• тесттерде кемінде 60% дұрыс жауап (қазір 0%)\n"
        "• курс соңындағы сауалнама"
    )

    # The lesson 4 quiz, every answer right.
    await asel.click_data(QuizCb(action="start", cohort_id=cohort, lesson=4).pack())
    for _ in range(6):
        poll = await asel.wait_for(lambda m: m.kind == "poll" and not m.poll.get("answered_by_test"), timeout=10)
        poll.poll["answered_by_test"] = True
        await asel.vote(poll, int(poll.poll["correct_option_id"]))
    await asel.wait_for(lambda m: "✅ Тест тапсырылды" in m.text, timeout=10)

    # The questionnaire, then the self-assessment after it, then Send.
    await asel.click_data(fill_in_callback(cohort))
    form = await asel.wait_for(lambda m: "1 / 12" in m.text, timeout=10)
    await answer_on(asel, form, "5", "2 / 12")
    await answer_on(asel, form, "4", "3 / 12")
    await answer_on(asel, form, "5", "4 / 12")
    form = await asel.wait_for(lambda m: m.message_id == form.message_id, timeout=10)
    await answer_on(asel, form, form.button_labels[2], "5 / 12")
    form = await asel.wait_for(lambda m: m.message_id == form.message_id, timeout=10)
    await asel.click(form.button_labels[2], message=form)  # a toggle: one format
    await asel.wait_for(lambda m: m.message_id == form.message_id and "✅" in " ".join(m.button_labels))
    await answer_on(asel, form, "✔️ Дайын", "6 / 12")
    form = await asel.wait_for(lambda m: m.message_id == form.message_id, timeout=10)
    await answer_on(asel, form, form.button_labels[1], "7 / 12")
    await answer_on(asel, form, "⏭ Өткізіп жіберу", "8 / 12")
    await answer_on(asel, form, "⏭ Өткізіп жіберу", "9 / 12")
    for step in (10, 11, 12):
        await answer_on(asel, form, "4", f"{step} / 12")
    await answer_on(asel, form, "5", "Жауаптарыңызды тексеріңіз")
    await answer_on(asel, form, "📤 Жіберу", "Рақмет!")
    assert await db.fetchval("SELECT COUNT(*) FROM completions") == 0  # homework 5 is missing

    asel.mark_read()
    await asel.send_text("/progress")
    now_missing = await asel.expect("Курсты аяқтау үшін тағы не керек:", timeout=10)
    assert now_missing.text.endswith("Курсты аяқтау үшін тағы не керек:\n• 5-сабақтың қабылданған үй тапсырмасы")

    # The final work, handed in through the bot and accepted by the curator through /review.
    await asel.click_data(HomeworkCb(action="open", cohort_id=cohort, lesson=5).pack())
    await asel.wait_for(lambda m: "5-сабақтың үй тапсырмасы" in m.text, timeout=10)
    await asel.send_text("Жобам: ауылдағы балалар оқу клубы.")
    await asel.wait_for(lambda m: "1 бөлік" in m.text, timeout=10)
    await asel.click("✅ Кураторға жіберу")
    await asel.wait_for(lambda m: "Кураторға жіберілді" in m.text, timeout=10)
    await gulnar.send_text("/review")
    await gulnar.expect("Тексерілетін жұмыстар", timeout=10)
    await gulnar.click("Ауыл кітапханалары (1)")
    await gulnar.wait_for(lambda m: "✅ Қабылдау" in m.button_labels, timeout=10)
    await gulnar.click("✅ Қабылдау")
    await gulnar.wait_for(lambda m: "✅ Пікірсіз қабылдау" in m.button_labels, timeout=10)
    await gulnar.click("✅ Пікірсіз қабылдау")
    await gulnar.wait_for(lambda m: m.text.startswith("✅ Қабылданды"), timeout=10)

    told = await asel.wait_for(lambda m: m.text == TOLD, timeout=10)
    assert told.kind == "text"

    async def notified() -> bool:
        return await db.fetchval("SELECT notified_at FROM completions WHERE user_id = ?", (ASEL,)) is not None

    await eventually(notified, "her completion recorded, its hooks done")
    await asyncio.sleep(0.5)
    assert sum(m.text == TOLD for m in asel.messages) == 1  # told once
    assert await db.fetchval("SELECT COUNT(*) FROM completions") == 1

    # Completing earns the certificate: a PDF with her registered name and the course, and its
    # number verifies.
    certificate = await asel.wait_for(lambda m: m.kind == "document", timeout=20)
    number = await db.fetchval("SELECT number FROM certificates WHERE user_id = ?", (ASEL,))
    assert certificate.file is not None and certificate.file.file_name == f"{number}.pdf"
    assert certificate.file.content is not None
    pdf_text = text_of(certificate.file.content)
    name = await db.fetchval("SELECT full_name FROM users WHERE telegram_id = ?", (ASEL,))
    assert name and name in pdf_text and number in pdf_text
    assert "Қазіргі жағдайда кітапхана жұмысын ұйымдастыру" in pdf_text
    asel.mark_read()
    await asel.send_text(f"/verify {number}")
    await asel.expect(f"{number} сертификаты жарамды.", timeout=10)

    asel.mark_read()
    await asel.send_text("/progress")
    after = await asel.expect("Сіз курсты аяқтадыңыз", timeout=10)
    assert "тағы не керек" not in after.text
    assert sum(m.kind == "document" for m in asel.messages) == 1  # one certificate

    keep = os.environ.get("OQU_TRANSCRIPT")
    if keep:
        keep_transcript(Path(keep), emu.transcript(ASEL))
