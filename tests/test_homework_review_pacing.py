"""End to end with Telegram's limits enforced by the emulator (one message a second per chat): a
curator opens a submission of a text, a 3-photo album and a PDF. The review screen (header, text,
album, document, buttons: five messages) goes through the sender's lane for the curator's chat,
so Telegram never answers 429. Before, the handler sent the five at once and the second one was
refused with 429 (aiogram raises it; the curator saw half a screen)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.auxil.emulator import BotAPIEmulator
from tests.test_e2e_delivery import DeliveryBot
from tests.test_homework_e2e import ASEL, GULNAR, prepare, status_says


async def test_the_review_screen_keeps_the_chat_limit(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    await prepare(path)
    async with BotAPIEmulator() as emu:
        emu.enforce_limits(per_second_overall=30, per_chat_interval=1.0, per_group_per_minute=20)
        bot = DeliveryBot(emu, path, "", overrides={"quiet_hours": "off"})  # SEND_CHAT_INTERVAL: 1 s
        asel, gulnar = emu.user(ASEL, first_name="Әсел"), emu.user(GULNAR, first_name="Гүлнар")
        await bot.start()
        try:
            await asel.expect("1-сабақ. Кітап көрмесін", timeout=15)
            await asel.expect("Көрмеңіздің суреттерін", timeout=15)
            await asyncio.sleep(1.1)  # people do not press within a second of a message
            await asel.click("📝 Тапсыру")
            await asel.expect("1-сабақтың үй тапсырмасы", timeout=10)
            await asel.send_text("Көрме жоспары")
            await status_says(asel, "1 бөлік")
            await asel.send_album(3, caption="Көрме суреттері")
            await status_says(asel, "4 бөлік")
            await asel.send_document("жоспар.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
            await status_says(asel, "5 бөлік")
            await asel.click("✅ Кураторға жіберу")
            await status_says(asel, "Кураторға жіберілді")

            await gulnar.send_text("/review")
            await gulnar.expect("Тексерілетін жұмыстар", timeout=10)
            await asyncio.sleep(1.1)
            await gulnar.click("Ауыл кітапханалары (1)")
            controls = await gulnar.wait_for(lambda m: "✅ Қабылдау" in m.button_labels, timeout=20)
            shown = [m for m in gulnar.messages if m.message_id <= controls.message_id][-7:]
            kinds = [m.kind for m in shown]
            assert kinds[-7:] == ["text", "text", "photo", "photo", "photo", "document", "text"], kinds
            assert "1-нұсқа · 5 бөлік" in shown[0].text and shown[2].text == "Көрме суреттері"
            assert emu.stats["rate_limited"] == 0
        finally:
            await bot.stop()
