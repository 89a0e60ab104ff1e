"""End to end: a cohort's review group. The organizer binds a Telegram group to the cohort for
homework review (/bindgroup there, the cohort, "Homework review"); a learner's new submission is
posted there through the sender (header, parts by file_id, Accept / Return), paced to the
group's 20 messages a minute with the emulator enforcing Telegram's limits; a learner's press is
refused with a toast; a curator returns it with a comment written as a reply in the group; the
learner hears it once, in Kazakh; version 2 is posted again and two curators score it at the
same moment: the first wins, the second is told who decided, and the post shows the decision."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from bot.clock import to_db
from storage.roles import RoleRepository
from tests.auxil.emulator import BotAPIEmulator
from tests.test_e2e_delivery import DeliveryBot, eventually
from tests.test_homework_e2e import ASEL, BOTA, GULNAR, MARIA, prepare, status_says
from tests.test_quiz_live_e2e import until

ORGANIZER = 4401
OTHER_CURATOR = 4402  # a curator, but not of this cohort
GROUP = -1004000000001


async def test_a_review_group_receives_and_decides_submissions(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    await prepare(path)
    async with BotAPIEmulator() as emu:
        # Telegram's limits on: 30 a second overall, 20 a minute in a group (private chats are
        # paced by the test's short interval, so their 1-a-second rule is left off here).
        emu.enforce_limits(per_second_overall=30, per_chat_interval=None, per_group_per_minute=20)
        bot = DeliveryBot(emu, path, str(ORGANIZER), overrides={"send_chat_interval": 0.05, "quiet_hours": "off"})
        asel, bota = emu.user(ASEL, first_name="Әсел"), emu.user(BOTA, first_name="Бота")
        gulnar, maria = emu.user(GULNAR, first_name="Гүлнар"), emu.user(MARIA, first_name="Мария")
        organizer = emu.user(ORGANIZER, first_name="Дана", language_code="kk")
        group = emu.group(GROUP, "Тексеру тобы")
        await bot.start()
        try:
            db = bot.app.db
            await db.execute("UPDATE users SET language = 'kk' WHERE telegram_id = ?", (ORGANIZER,))
            await asel.expect("1-сабақ. Кітап көрмесін", timeout=10)
            await asel.expect("Көрмеңіздің суреттерін", timeout=10)

            # The organizer binds the group for homework review.
            await group.send_text(organizer, "/bindgroup")
            await until(
                lambda: bool(group.messages) and group.messages[-1].button_labels == ["Ауыл кітапханалары"],
                "the cohorts",
            )
            await organizer.click("Ауыл кітапханалары", message=group.messages[-1])
            await until(lambda: "📥 Үй тапсырмасын тексеру" in group.messages[-1].button_labels, "the purposes")
            await organizer.click("📥 Үй тапсырмасын тексеру", message=group.messages[-1])
            await until(lambda: "үй тапсырмалары тексеріледі" in group.messages[-1].text, "bound for review")
            assert await db.fetchval("SELECT purpose FROM cohort_groups WHERE chat_id = ?", (GROUP,)) == "review"

            # Әсел hands in a text and a photo: the group gets the post.
            await asel.click("📝 Тапсыру")
            await asel.expect("1-сабақтың үй тапсырмасы")
            await asel.send_text("Көрме «Туған өлкем» атты, 40 кітап қойылды.")
            await status_says(asel, "1 бөлік: 1 мәтін")
            await asel.send_photo(caption="Көрме")
            await status_says(asel, "2 бөлік: 1 мәтін, 1 сурет")
            before = len(group.messages)
            await asel.click("✅ Кураторға жіберу")
            await status_says(asel, "Кураторға жіберілді")
            await until(
                lambda: any(m.button_labels == ["✅ Қабылдау", "↩️ Қайтару"] for m in group.messages), "the post", 30
            )
            post = group.messages[before:]
            assert "Әсел Нұрланқызы" in post[0].text and "1-нұсқа · 2 бөлік" in post[0].text
            assert "Көрме «Туған өлкем» атты" in post[1].text
            assert post[2].kind == "photo" and post[2].text == "Көрме"
            controls = post[3]
            assert post[3].date - post[0].date >= 6  # the group's lane: about 3 s between messages

            async def post_recorded() -> bool:  # recorded the moment Telegram answered the last message
                return await db.fetchval("SELECT state FROM deliveries WHERE kind = 'review-post'") == "sent"

            await eventually(post_recorded, "the post recorded as sent")

            # A learner's press is refused with a toast; nothing changes.
            press = await bota.click("✅ Қабылдау", message=controls)
            answer = await bota.wait_callback_answer(press)
            assert answer.text == bot.app.translator.get("ru", "not-allowed") and not answer.show_alert
            assert await db.fetchval("SELECT COUNT(*) FROM submission_reviews") == 0
            # So is a curator of another cohort.
            other = emu.user(OTHER_CURATOR, first_name="Ержан", language_code="kk")
            now = datetime.now(UTC)
            await db.execute(
                "INSERT INTO users (telegram_id, language, full_name, registered_at, created_at, updated_at)"
                " VALUES (?, 'kk', 'Ержан Қалиев', ?, ?, ?)",
                (OTHER_CURATOR, to_db(now), to_db(now), to_db(now)),
            )
            await RoleRepository(db).grant(OTHER_CURATOR, "curator", 1, now)
            press = await other.click("✅ Қабылдау", message=controls)
            answer = await other.wait_callback_answer(press)
            assert answer.text == bot.app.translator.get("kk", "review-group-not-curator") and not answer.show_alert
            assert await db.fetchval("SELECT COUNT(*) FROM submission_reviews") == 0

            # Мария returns it: the comment is asked in the group and given as a reply.
            await maria.click("↩️ Қайтару", message=controls)
            # (the question is addressed to her, in her language)
            await until(lambda: "Мария, ответьте на это сообщение" in group.messages[-1].text, "the question")
            ask = group.messages[-1]
            assert ask.reply_markup is not None and ask.reply_markup.get("force_reply") is True
            await group.send_text(gulnar, "Бұл жауап емес")  # not a reply: the group's own talk
            await group.reply_text(maria, "Көрменің атауын суретке де түсіріңіз.", to=ask)
            returned = await asel.wait_for(lambda m: "пысықтауға қайтарды" in m.text, timeout=10)
            assert "Куратордың пікірі: Көрменің атауын суретке де түсіріңіз." in returned.text
            await until(lambda: "↩️ Мария Иванова қайтарды: Әсел Нұрланқызы." in controls.text, "the post edited")
            assert controls.buttons == [] or not controls.button_labels

            # Version 2, posted again; both curators score it at once: the first decision wins.
            await asel.click("📝 Қайта тапсыру")
            await status_says(asel, "бұл 2-нұсқа болады")
            await asel.send_photo(caption="Көрменің атауы")
            await status_says(asel, "1 бөлік: 1 сурет")
            before = len(group.messages)
            await asel.click("✅ Кураторға жіберу")
            await until(
                lambda: any(m.button_labels == ["✅ Қабылдау", "↩️ Қайтару"] for m in group.messages[before:]),
                "the second post",
                30,
            )
            second = group.messages[-1]
            assert "2-нұсқа · 1 бөлік" in group.messages[before].text
            # Гүлнар starts a return, then thinks better of it: /cancel in the group.
            await gulnar.click("↩️ Қайтару", message=second)
            await until(lambda: "Гүлнар, осы хабарламаға жауап беріп" in group.messages[-1].text, "her question")
            await group.send_text(gulnar, "/cancel")
            cancelled = bot.app.translator.get("kk", "review-cancelled")
            await until(lambda: group.messages[-1].text == cancelled, "cancelled")
            assert await db.fetchval("SELECT state FROM submissions WHERE version = 2") == "waiting"
            await gulnar.click("✅ Қабылдау", message=second)
            await until(lambda: "9" in second.button_labels, "the scores")
            presses = await asyncio.gather(gulnar.click("9", message=second), maria.click("7", message=second))
            answers = [await gulnar.wait_callback_answer(presses[0]), await maria.wait_callback_answer(presses[1])]
            texts = [a.text or "" for a in answers]
            assert sum(t.startswith(("Дайын", "Готово")) for t in texts) == 1, texts
            assert sum("уже есть решение" in t or "шешім қабылданып қойған" in t for t in texts) == 1, texts
            accepted = await asel.wait_for(lambda m: "үй тапсырмасын қабылдады" in m.text, timeout=10)
            assert "🏅 Баға: 10 ұпайдан" in accepted.text
            await until(lambda: "қабылдады: Әсел Нұрланқызы, 10 ұпайдан" in second.text, "the second post edited")

            async def told_once() -> bool:
                return sum("қабылдады" in m.text for m in asel.messages) == 1

            await asyncio.sleep(0.5)
            await eventually(told_once, "the learner told once")
            assert await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE kind = 'review-post'") == 2
            assert emu.stats["rate_limited"] == 0
        finally:
            await bot.stop()
