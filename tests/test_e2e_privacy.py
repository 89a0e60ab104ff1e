"""End to end: a librarian asks the real bot, over the emulated Bot API, what it keeps about her."""

from __future__ import annotations

import json
from pathlib import Path

from tests.auxil.running import running_bot
from tests.test_e2e_registration import kazakh_registration


async def test_my_data_arrives_as_a_json_document_in_kazakh(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        user = bot.emu.user(1501, first_name="Айгүл", language_code="kk")
        await kazakh_registration(user)
        await user.send_text("👤 Менің профилім")
        await user.expect("Сіздің профиліңіз")
        await user.click("📄 Менің деректерім")
        summary = await user.expect("Сіз туралы не сақтаймын")
        assert "Аты-жөні: Айгүл Серікова" in summary.text
        document = await user.expect("Сіз туралы деректер")
        assert document.kind == "document" and document.file is not None
        assert document.file.file_name == "oqu-my-data.json"
        assert document.file.content is not None
        data = json.loads(document.file.content.decode("utf-8"))
        assert data["profile"]["library"] == "Аягөз аудандық орталық кітапханасы"
        assert data["profile"]["language"] == "kk"
