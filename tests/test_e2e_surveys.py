"""End to end: the real bot delivers the sample course's questionnaire through the emulated Bot
API; a Russian-speaking librarian fills it in across a restart and sends it; its reminder then
never comes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.clock import to_db
from tests.auxil.delivery_setup import add_learners
from tests.test_e2e_delivery import bot_with_cohort, eventually

LEARNER = 4101


async def test_a_librarian_answers_the_questionnaire_across_a_restart(tmp_path: Path) -> None:
    async with bot_with_cohort(tmp_path, start_days_ago=9) as (bot, cohort, _):
        db = bot.app.db
        await add_learners(db, cohort, [LEARNER], datetime.now(UTC), languages=("ru",))
        # Plans her, without waking the sender (tick() wakes it, and her lessons would go out to a
        # chat the emulator does not know yet, which marks her unreachable).
        await bot.app.delivery.planner.plan_pending(datetime.now(UTC))
        # Everything before the questionnaire went out earlier; the invitation is due now.
        await db.execute(
            "UPDATE deliveries SET state = 'sent' WHERE user_id = ? AND kind NOT LIKE 'questionnaire%'", (LEARNER,)
        )
        await db.execute(
            "UPDATE deliveries SET due_at = ? WHERE user_id = ? AND kind = 'questionnaire'",
            (to_db(datetime.now(UTC)), LEARNER),
        )
        aliya = bot.emu.user(LEARNER, first_name="Алия", language_code="ru")
        bot.app.delivery.wake()
        invitation = await aliya.expect("курс подходит к концу")
        assert invitation.button_labels == ["📝 Заполнить"]

        await aliya.click("📝 Заполнить")
        form = await aliya.expect("1 из 12")
        assert "Как вы оцениваете общее качество курса? (1 — очень плохо, 5 — отлично)" in form.text
        assert form.button_labels == ["1", "2", "3", "4", "5"]
        for point, next_item in (("5", "2 из 12"), ("4", "3 из 12"), ("5", "4 из 12")):
            await aliya.click(point, message=form)
            assert next_item in (await aliya.next_edit(form)).message.text
        # Long options: listed in full in the message, numbered on the buttons.
        assert "\n1. Библиотека — центр сообщества\n" in form.text  # numbered by the course: not "1. 1."
        await aliya.click("3. Работа с детьми", message=form)
        assert "5 из 12" in (await aliya.next_edit(form)).message.text
        await aliya.click("▫️ Онлайн-встречи", message=form)
        await aliya.next_edit(form)
        await aliya.click("▫️ Практические задания", message=form)
        await aliya.next_edit(form)
        await aliya.click("✔️ Готово", message=form)
        assert "6 из 12" in (await aliya.next_edit(form)).message.text
        await aliya.click("В течение месяца", message=form)
        assert "7 из 12" in (await aliya.next_edit(form)).message.text
        # She types at once, as soon as she sees the question (the press may not be answered yet).
        await aliya.send_text("Больше примеров из сельских библиотек")
        last = await aliya.expect("8 из 12")

        # The bot restarts; Fill in goes on where she stopped.
        await bot.restart()
        db = bot.app.db
        await aliya.click("📝 Заполнить", message=invitation)
        again = await aliya.expect("8 из 12")
        assert again.button_labels == ["⬅️ Назад", "⏭ Пропустить"]
        await aliya.click("⏭ Пропустить", message=again)
        # The sample course's self-assessment comes after the questionnaire's own items: named.
        statement = (await aliya.next_edit(again)).message
        assert "9 из 12" in statement.text and "👤 Эта часть не анонимна" in statement.text
        for point, step in (("3", "10 из 12"), ("4", "11 из 12"), ("4", "12 из 12")):
            await aliya.click(point, message=again)
            assert step in (await aliya.next_edit(again)).message.text
        await aliya.click("5", message=again)
        check = (await aliya.next_edit(again)).message
        assert "Проверьте ответы" in check.text
        assert "Больше примеров из сельских библиотек" in check.text
        assert "Онлайн-встречи; Практические задания" in check.text
        await aliya.click("📤 Отправить", message=again)
        done = (await aliya.next_edit(again)).message
        assert done.text.startswith("✅ Спасибо! Ваши ответы отправлены анонимно.")
        assert "<b>Ваша самооценка</b>: сейчас — 4" in done.html or "Ваша самооценка: сейчас — 4" in done.text
        assert last.message_id != again.message_id

        # The reminders are cancelled as done, not sent.
        await db.execute(
            "UPDATE deliveries SET due_at = ? WHERE user_id = ? AND kind = 'questionnaire-reminder'",
            (to_db(datetime.now(UTC)), LEARNER),
        )
        bot.app.delivery.wake()

        async def reminders_done() -> bool:
            rows = await db.fetchall(
                "SELECT state, reason FROM deliveries WHERE user_id = ? AND kind = 'questionnaire-reminder'",
                (LEARNER,),
            )
            return bool(rows) and all((r["state"], r["reason"]) == ("cancelled", "done") for r in rows)

        await eventually(reminders_done, "the questionnaire reminders cancelled as done")
        assert await db.fetchval("SELECT COUNT(*) FROM survey_responses WHERE user_id IS NULL") == 1
        assert await db.fetchval("SELECT COUNT(*) FROM survey_drafts") == 0
        print("\n" + bot.emu.transcript(LEARNER))
