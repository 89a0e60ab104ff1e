"""Homework through the delivery table and the sender, with the dispatcher's own delivery and
homework services (as ``create_dispatcher`` wires them): deadline reminders go only to learners
who have not handed their work in; a curator's decision reaches the learner once, in her language."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode

from bot.app import create_dispatcher
from bot.clock import FrozenClock
from bot.config import Settings
from bot.delivery.sender import sender_factory
from bot.delivery.service import DeliveryService
from bot.homework.model import NewPart
from bot.homework.service import HomeworkService
from bot.i18n import Translator
from bot.telegram.callbacks import ReviewCb
from storage.cohorts import CohortRepository
from storage.db import Database
from tests.auxil.delivery_setup import add_learners, deliver, import_version, make_cohort, write_course
from tests.auxil.emulator import BotAPIEmulator
from tests.test_homework_service import ASEL, BOTA, COURSE, CURATOR, OTHER_CURATOR, local


@contextlib.asynccontextmanager
async def rig(
    db: Database, tmp_path: Path, settings: Settings, clock: FrozenClock, translator: Translator
) -> AsyncIterator[tuple[DeliveryService, HomeworkService, BotAPIEmulator, int]]:
    """The sample of test_homework_service (lesson 1 due now) for Asel (kk) and Bota (ru)."""
    fast = settings.model_copy(update={"send_chat_interval": 0.02, "send_rate": 200})
    dp = create_dispatcher(fast, db, translator, clock)
    delivery, homework = dp["delivery"], dp["homework"]
    version = await import_version(db, write_course(tmp_path / "course", COURSE), tmp_path / "files")
    cohort = await make_cohort(db, version, date(2026, 4, 15), clock.now())
    await add_learners(db, cohort, [ASEL], clock.now(), languages=("kk",))
    await add_learners(db, cohort, [BOTA], clock.now(), languages=("ru",))
    await delivery.planner.plan_cohort(cohort, clock.now())
    async with BotAPIEmulator() as emu:
        bot = emu.create_bot(default=DefaultBotProperties(parse_mode=ParseMode.HTML))
        await delivery.start(sender_factory(bot, fast))
        try:
            yield delivery, homework, emu, cohort
        finally:
            await delivery.stop(grace=2)
            await bot.session.close()


async def hand_in(homework: HomeworkService, cohort: int, user: int) -> int:
    opened = await homework.open_draft(cohort, user, "L1.hw")
    assert opened.draft is not None
    await homework.add_part(user, NewPart("text", 50, text="Жауабым"))
    handed = await homework.hand_in(user, opened.draft.submission.id)
    assert handed.submission is not None
    return handed.submission.id


async def test_no_reminder_for_handed_in_work_and_one_again_after_a_return(
    db: Database, tmp_path: Path, settings: Settings, clock: FrozenClock, translator: Translator
) -> None:
    async with rig(db, tmp_path, settings, clock, translator) as (delivery, homework, emu, cohort):
        asel, bota = emu.user(ASEL), emu.user(BOTA)
        await deliver(delivery)  # lesson 1 and its homework
        assert len(asel.messages) == len(bota.messages) == 2

        submission_id = await hand_in(homework, cohort, ASEL)
        clock.set(local(1, 20))  # 24 h before the deadline
        await deliver(delivery)
        assert len(asel.messages) == 2  # handed in: no reminder
        assert bota.messages[-1].text.startswith("⏰")
        assert "19:00" not in bota.messages[-1].text and "16.04.2026 20:00" in bota.messages[-1].text

        # Returned: she has to hand in again, so the 2-hour reminder reaches her.
        await homework.decide(submission_id, CURATOR, "returned", comment="Толықтырыңыз")
        clock.set(local(2, 18))
        await deliver(delivery)
        assert asel.messages[-1].text.startswith("⏰") and "16.04.2026 20:00" in asel.messages[-1].text


async def test_the_decision_reaches_the_learner_once_in_her_language(
    db: Database, tmp_path: Path, settings: Settings, clock: FrozenClock, translator: Translator
) -> None:
    async with rig(db, tmp_path, settings, clock, translator) as (delivery, homework, emu, cohort):
        asel, bota = emu.user(ASEL), emu.user(BOTA)
        await deliver(delivery)
        first = await hand_in(homework, cohort, ASEL)
        await asyncio.gather(
            homework.decide(first, CURATOR, "returned", comment="Суреттер <анық> емес", comment_voice_file_id=None),
            homework.decide(first, OTHER_CURATOR, "accepted", score=10),
        )
        await deliver(delivery)
        result = asel.messages[-1]
        assert result.text.splitlines()[0] == "↩️ Куратор 1-сабақтың «Бір» үй тапсырмасын пысықтауға қайтарды."
        assert "Куратордың пікірі: Суреттер <анық> емес" in result.text
        assert result.button_labels == ["📝 Қайта тапсыру"]
        assert len(asel.messages) == 3  # lesson, task, one result: the second curator changed nothing

        # Hand in again; accepted with a score and a spoken comment.
        opened = await homework.open_draft(cohort, ASEL, "L1.hw")
        assert opened.draft is not None
        await homework.add_part(ASEL, NewPart("photo", 60, file_id="AgAC-photo", file_unique_id="p60"))
        handed = await homework.hand_in(ASEL, opened.draft.submission.id)
        assert handed.submission is not None
        spoken = (await emu.user(CURATOR).send_voice())["voice"]["file_id"]
        await homework.decide(handed.submission.id, CURATOR, "accepted", score=9, comment_voice_file_id=spoken)
        await deliver(delivery)
        text, voice = asel.messages[-2:]
        assert text.text.splitlines()[0] == "✅ Куратор 1-сабақтың «Бір» үй тапсырмасын қабылдады."
        assert "🏅 Баға: 10 ұпайдан 9" in text.text and "дауыстық хабарда" in text.text
        assert voice.kind == "voice" and voice.button_labels == [] and voice.file.file_id == spoken
        assert len(bota.messages) == 2  # nothing of Asel's reaches Bota


async def test_a_curator_gets_one_digest_a_day_at_ten_of_what_waits_too_long(
    db: Database, tmp_path: Path, settings: Settings, clock: FrozenClock, translator: Translator
) -> None:
    async with rig(db, tmp_path, settings, clock, translator) as (delivery, homework, emu, cohort):
        await db.execute(
            "INSERT INTO users (telegram_id, language, full_name, created_at, updated_at) VALUES (?, 'kk', ?, '', '')",
            (CURATOR, "Гүлнар Сейітқызы"),
        )
        await CohortRepository(db).add_curator(cohort, CURATOR)
        curator = emu.user(CURATOR)
        emu.user(ASEL), emu.user(BOTA)
        await deliver(delivery)
        submission = await hand_in(homework, cohort, ASEL)  # 15 April, 10:00 in Almaty

        async def digests() -> list[tuple[str, str, str]]:
            rows = await db.fetchall(
                "SELECT variant, due_at, state FROM deliveries WHERE kind = 'review-digest' ORDER BY id"
            )
            return [tuple(row) for row in rows]

        await delivery.tick()
        assert await digests() == []  # not waiting for 24 hours yet
        clock.set(local(2, 11))  # 25 hours later, after ten o'clock: the digest is for tomorrow
        await delivery.tick()
        await delivery.tick()
        assert await digests() == [("digest-2026-04-17", "2026-04-17T05:00:00Z", "planned")]
        await deliver(delivery)
        assert curator.messages == []

        clock.set(local(3, 10))
        await deliver(delivery)
        [digest] = curator.messages
        assert digest.text == (
            "📥 Ауыл кітапханалары: 1 жұмыс 24 сағаттан астам уақыт бойы тексеруіңізді күтіп тұр; "
            "ең ертесінің тапсырылған уақыты: 15.04.2026 10:00."
        )
        assert digest.button_labels == ["📥 Тексеру"]
        assert digest.button("📥 Тексеру")["callback_data"] == ReviewCb(action="cohort", cohort_id=cohort).pack()

        # Reviewed before the next morning: that digest says nothing at all.
        await delivery.tick()
        await homework.decide(submission, CURATOR, "accepted", score=8)
        clock.set(local(4, 10))
        await deliver(delivery)
        assert len(curator.messages) == 1
        assert [state for _, _, state in await digests()] == ["sent", "sent"]
