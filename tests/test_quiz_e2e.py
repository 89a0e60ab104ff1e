"""End to end: the real bot (as ``python -m bot`` builds it) polling the emulated Bot API; a
librarian takes a lesson quiz, the bot is killed in the middle, she answers while it is down,
finishes after the restart, fails, takes it again and passes, and the completion rule follows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from storage.db import Database
from tests.auxil.delivery_setup import add_learners, import_version, make_cohort, write_course
from tests.auxil.emulator import BotAPIEmulator
from tests.auxil.emulator_models import BotMessage
from tests.test_e2e_delivery import DeliveryBot, eventually
from tests.test_quizzes import COURSE

ALMATY = ZoneInfo("Asia/Almaty")
AIGUL = 4101


def right(message: BotMessage) -> int:
    assert message.kind == "poll" and message.poll is not None
    return int(message.poll["correct_option_id"])


async def test_a_quiz_survives_a_crash_is_failed_retaken_and_passed(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    db = await Database.open(path)
    try:
        now = datetime.now(UTC)
        folder = write_course(tmp_path / "course", COURSE % {"attempts": 3, "shuffle": "true"})
        version = await import_version(db, folder, path.parent / "files")
        # Day 1 was yesterday: lesson 1 and its quiz are due; lesson 2 comes the day after tomorrow.
        cohort = await make_cohort(db, version, now.astimezone(ALMATY).date() - timedelta(days=1), now)
        await add_learners(db, cohort, [AIGUL], now, languages=("kk",))
    finally:
        await db.close()

    async with BotAPIEmulator() as emu:
        bot = DeliveryBot(
            emu, path, "", overrides={"send_chat_interval": 0.05, "quiet_hours": "off", "delivery_tick": 0.5}
        )
        await bot.start()
        try:
            aigul = emu.user(AIGUL, first_name="Айгүл", language_code="kk")
            await aigul.expect("Сәлем", timeout=20)  # lesson 1 (planned at the first tick); its quiz card next
            card = await aigul.expect("1-сабақтың тесті")
            assert "3 сұрақ, өту шегі 60%" in card.text and card.button_labels == ["▶️ Тестті бастау"]

            answer = await aigul.click("▶️ Тестті бастау", message=card)
            assert (await aigul.wait_callback_answer(answer)).text == "📝 Бірінші сұрақ жіберілді."
            first = await aigul.next_message()
            assert first.kind == "poll" and first.text == "1/3. Клубқа неше адам керек?"
            await aigul.vote(first, right(first))
            second = await aigul.next_message()
            assert second.text == "2/3. Кездесу қанша уақыт?"

            # Killed with the second question on her screen; she answers it while the bot is down.
            async def recorded() -> bool:
                return await bot.app.db.fetchval("SELECT count(*) FROM quiz_polls") == 2

            await eventually(recorded, "the second poll's id is stored")
            await bot.crash()
            await aigul.vote(second, 1 - right(second) if right(second) < 2 else 0)  # wrong
            await bot.start()

            third = await aigul.next_message()
            assert third.text == "3/3. Кітапты кім таңдайды?"
            await aigul.vote(third, 1 - right(third))  # wrong
            result = await aigul.expect("тапсырылмады")
            assert "3 сұрақтың 1 сұрағына дұрыс жауап бердіңіз (33%)" in result.text
            assert "2. Кездесу қанша уақыт?\n✅ Дұрыс жауап: 1-1.5 h" in result.text
            assert result.text.endswith("Тағы 2 әрекет қалды.")
            quizzes = bot.app.dp["quizzes"]
            assert not (await quizzes.standing(cohort, AIGUL)).met

            await aigul.click("🔁 Қайта тапсыру", message=result)
            for _ in range(3):
                question = await aigul.next_message()
                await aigul.vote(question, right(question))
            passed = await aigul.expect("✅ Тест тапсырылды")
            assert "3 сұрақтың 3 сұрағына дұрыс жауап бердіңіз (100%)" in passed.text
            assert "Ең жақсы нәтижеңіз есептеледі: 3 сұрақтың 3 сұрағы." in passed.text

            # 3 right of the course's 5 quiz questions: the course's 60 % is reached.
            standing = await quizzes.standing(cohort, AIGUL)
            assert (standing.right, standing.total, standing.met) == (3, 5, True)
            # The quiz was this course's only completion rule: she is told she completed it (and
            # her certificate follows, on its own schedule), whatever order that and /courses take.
            await aigul.wait_for(lambda m: m.text.startswith("🎓 Құттықтаймыз!"), timeout=15)
            await aigul.send_text("/courses")
            courses = await aigul.wait_for(lambda m: "Тесттер:" in m.text, timeout=15)
            assert "• 1-сабақ: 3 сұрақтың 3 сұрағы ✅" in courses.text
            assert "Барлық тесттердегі дұрыс жауаптар: 60% (курс талабы: 60%) ✅" in courses.text
            answers = await bot.app.db.fetchall("SELECT attempt_id, question, correct FROM quiz_answers ORDER BY 1, 2")
            assert [tuple(r) for r in answers] == [(1, 0, 1), (1, 1, 0), (1, 2, 0), (2, 0, 1), (2, 1, 1), (2, 2, 1)]
            print("\n" + emu.transcript(AIGUL))
        finally:
            await bot.stop()
