"""End to end: from /courses a learner asks for an earlier lesson again."""

from __future__ import annotations

from pathlib import Path

from tests.test_e2e_delivery import bot_with_cohort
from tests.test_e2e_registration import kazakh_registration


async def test_a_lesson_again_from_my_courses(tmp_path: Path) -> None:
    async with bot_with_cohort(tmp_path, start_days_ago=1) as (bot, _, code):
        aigul = bot.emu.user(4101, first_name="Айгүл", language_code="kk")
        await kazakh_registration(aigul)
        await aigul.send_text(f"/start c_{code}")
        await aigul.expect("Қайта оралуыңызбен")
        await aigul.expect("курсына жазылдыңыз")
        await aigul.expect("📊")  # the self-assessment before lesson 1
        lesson = await aigul.expect("1-сабақ. Заманауи кітапхана")
        await aigul.next_message()  # the handout
        await aigul.expect("1-үй тапсырмасы")

        await aigul.press("📚 Менің курстарым")
        mine = await aigul.expect("Сіздің курстарыңыз")
        assert "Келесі: 2-сабақ" in mine.text
        await aigul.click(next(label for label in mine.button_labels if label.startswith("🔁")))
        which = await aigul.expect("Қай сабақты қайта жіберейін?")
        # Only the released lesson is offered.
        assert len(which.button_labels) == 1 and which.button_labels[0].startswith("1-сабақ: ")
        answer = await aigul.click(which.button_labels[0])
        assert (await aigul.wait_callback_answer(answer)).text == "🔁 Қайта жіберіп жатырмын: қазір келеді."
        assert (await aigul.next_message()).text == lesson.text
