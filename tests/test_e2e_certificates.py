"""End to end: the real bot and the emulated Bot API. A learner completes (completion's hook,
``on_completed``) and receives her certificate as a PDF document; its text has her Kazakh name,
the course title and the number, its QR code (decoded from the rendered page) is the bot's
verification link; /verify says valid, and after the organizer revokes it, revoked. A restart
sends nothing twice."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests.auxil.certificates import KAZAKH_NAME
from tests.auxil.delivery_setup import add_learners
from tests.test_certificates import qr_of, text_of
from tests.test_e2e_delivery import OWNER, bot_with_cohort, eventually

AIGERIM = 8101


async def test_a_learner_receives_her_certificate_and_anyone_can_verify_it(tmp_path: Path) -> None:
    async with bot_with_cohort(tmp_path, start_days_ago=-30) as (bot, cohort, _):
        db = bot.app.db
        await add_learners(db, cohort, [AIGERIM], datetime.now(UTC), languages=("kk",))
        await db.execute("UPDATE users SET full_name = ? WHERE telegram_id = ?", (KAZAKH_NAME, AIGERIM))
        aigerim = bot.emu.user(AIGERIM, first_name="Әйгерім", language_code="kk")

        await bot.app.dp["certificates"].on_completed(cohort, AIGERIM)

        document = await aigerim.next_message(timeout=15)
        number = await db.fetchval("SELECT number FROM certificates WHERE user_id = ?", (AIGERIM,))
        assert document.kind == "document" and document.file is not None
        assert document.file.file_name == f"{number}.pdf"
        title = "Қазіргі жағдайда кітапхана жұмысын ұйымдастыру"
        assert document.text.startswith(f"🎓 «{title}» курсы бойынша сертификатыңыз.")
        pdf = document.file.content
        assert pdf is not None and pdf.startswith(b"%PDF")
        text = text_of(pdf)
        assert KAZAKH_NAME in text
        assert "Қазіргі жағдайда кітапхана жұмысын ұйымдастыру" in text
        assert number in text
        assert qr_of(pdf) == [f"https://t.me/{bot.emu.bot_username}?start=v_{number}"]

        # The QR code's link, opened by someone who has never used the bot.
        employer = bot.emu.user(8102, first_name="Employer", language_code="en")
        await employer.send_text(f"/start v_{number}")
        valid = await employer.expect(f"Certificate {number} is valid.")
        assert f"Name: {KAZAKH_NAME}" in valid.text
        await aigerim.send_text(f"/verify {number}")
        await aigerim.expect(f"{number} сертификаты жарамды.")

        # A restart: the certificate was recorded as sent and is not sent again.
        async def sent() -> bool:
            state = await db.fetchval("SELECT state FROM deliveries WHERE kind = 'certificate'")
            return state == "sent"

        await eventually(sent, "the delivery recorded as sent")
        await bot.stop()
        await bot.start()
        organizer = bot.emu.user(OWNER, first_name="Dana", language_code="en")
        await organizer.send_text(f"/certrevoke {number} the hours were counted twice")
        await organizer.expect(f"Certificate {number} is revoked.")
        await employer.send_text(f"/verify {number}")
        revoked = await employer.expect(f"Certificate {number} was revoked.")
        assert "Reason: the hours were counted twice" in revoked.text
        documents = [m for m in aigerim.messages if m.kind == "document"]
        assert len(documents) == 1
