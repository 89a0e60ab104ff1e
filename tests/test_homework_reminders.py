"""Deadline reminders go only to learners who have not handed their work in, through the
dispatcher's own delivery and homework services (as ``create_dispatcher`` wires them)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode

from bot.app import create_dispatcher
from bot.clock import FrozenClock
from bot.config import Settings
from bot.delivery.sender import sender_factory
from bot.homework.model import NewPart
from bot.i18n import Translator
from storage.db import Database
from tests.auxil.delivery_setup import add_learners, deliver, import_version, make_cohort, write_course
from tests.auxil.emulator import BotAPIEmulator
from tests.test_homework_service import ASEL, BOTA, COURSE, CURATOR, local


async def test_no_reminder_for_handed_in_work_and_one_again_after_a_return(
    db: Database, tmp_path: Path, settings: Settings, clock: FrozenClock, translator: Translator
) -> None:
    fast = settings.model_copy(update={"send_chat_interval": 0.02, "send_rate": 200})
    dp = create_dispatcher(fast, db, translator, clock)
    delivery, homework = dp["delivery"], dp["homework"]
    version = await import_version(db, write_course(tmp_path / "course", COURSE), tmp_path / "files")
    cohort = await make_cohort(db, version, date(2026, 4, 15), clock.now())
    await add_learners(db, cohort, [ASEL, BOTA], clock.now(), languages=("kk",))
    await delivery.planner.plan_cohort(cohort, clock.now())
    async with BotAPIEmulator() as emu:
        bot = emu.create_bot(default=DefaultBotProperties(parse_mode=ParseMode.HTML))
        await delivery.start(sender_factory(bot, fast), automatic=False)
        try:
            asel, bota = emu.user(ASEL), emu.user(BOTA)
            await deliver(delivery)  # lesson 1 and its homework
            assert len(asel.messages) == len(bota.messages) == 2

            opened = await homework.open_draft(cohort, ASEL, "L1.hw")
            await homework.add_part(ASEL, NewPart("text", 50, text="Жауабым"))
            handed = await homework.hand_in(ASEL, opened.draft.submission.id)
            clock.set(local(1, 20))  # 24 h before the deadline
            await deliver(delivery)
            assert len(asel.messages) == 2  # handed in: no reminder
            assert bota.messages[-1].text.startswith("⏰")
            assert "19:00" not in bota.messages[-1].text and "16.04.2026 20:00" in bota.messages[-1].text

            # Returned: she has to hand in again, so the 2-hour reminder reaches her.
            await homework.decide(handed.submission.id, CURATOR, "returned", comment="Толықтырыңыз")
            clock.set(local(2, 18))
            await deliver(delivery)
            assert asel.messages[-1].text.startswith("⏰") and "16.04.2026 20:00" in asel.messages[-1].text
        finally:
            await delivery.stop(grace=2)
            await bot.session.close()
