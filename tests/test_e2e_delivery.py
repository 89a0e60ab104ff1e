"""End to end: the real bot, built as ``python -m bot`` builds it, delivering lessons through the
emulated Bot API while tests act as a librarian and an organizer."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import to_db
from bot.config import Settings
from bot.delivery.service import WAKE_JOB
from storage.db import Database
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort
from tests.auxil.emulator import BotAPIEmulator
from tests.auxil.running import RunningBot
from tests.test_e2e_registration import kazakh_registration

OWNER = 900001
ALMATY = ZoneInfo("Asia/Almaty")


@dataclass
class DeliveryBot(RunningBot):
    """The running bot with delivery settings of the test's choosing."""

    overrides: dict[str, Any] = field(default_factory=dict)

    def settings(self) -> Settings:
        return super().settings().model_copy(update=self.overrides)


@asynccontextmanager
async def bot_with_cohort(
    tmp_path: Path, start_days_ago: int, **overrides: Any
) -> AsyncIterator[tuple[DeliveryBot, int, str]]:
    """A database with the sample course and a cohort that started ``start_days_ago`` days ago
    (Almaty dates), then the bot running on it. Yields the bot, the cohort id, its invite code."""
    path = tmp_path / "bot.sqlite3"
    db = await Database.open(path)
    try:
        now = datetime.now(UTC)
        version = await import_version(db, SAMPLE, path.parent / "files")
        start = now.astimezone(ALMATY).date() - timedelta(days=start_days_ago)
        cohort = await make_cohort(db, version, start, now)
        code = await db.fetchval("SELECT invite_code FROM cohorts WHERE id = ?", (cohort,))
    finally:
        await db.close()
    setup = {"send_chat_interval": 0.05, "quiet_hours": "off", **overrides}
    async with BotAPIEmulator() as emu:
        runner = DeliveryBot(emu, path, str(OWNER), overrides=setup)
        await runner.start()
        try:
            yield runner, cohort, code
        finally:
            await runner.stop()


async def eventually(check: Callable[[], Awaitable[bool]], what: str, seconds: float = 10) -> None:
    """Poll the database (the bot writes it from its own tasks) until ``check`` holds."""
    for _ in range(int(seconds / 0.02)):
        if await check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"not within {seconds} s: {what}")


async def test_a_late_joiner_gets_the_lesson_asks_again_blocks_and_comes_back(tmp_path: Path) -> None:
    async with bot_with_cohort(tmp_path, start_days_ago=1) as (bot, _, code):
        db = bot.app.db
        aigul = bot.emu.user(4001, first_name="Айгүл", language_code="kk")
        await kazakh_registration(aigul)
        await aigul.send_text(f"/start c_{code}")
        await aigul.expect("Қайта оралуыңызбен")
        await aigul.expect("курсына жазылдыңыз")
        await aigul.expect("📊")  # the self-assessment before lesson 1
        # Lesson 1 came out yesterday: it arrives now, with its homework task.
        lesson = await aigul.expect("1-сабақ. Заманауи кітапхана")
        handout = await aigul.next_message()
        assert handout.kind == "document" and handout.file.file_name == "checklist-kk.pdf"
        task = await aigul.expect("1-үй тапсырмасы")
        assert "Тапсыру мерзімі" in task.text

        # On a weak connection the file did not open: she asks for the lesson again.
        answer = await aigul.click("🔁 Сабақты қайта жіберу", message=handout)
        assert (await aigul.wait_callback_answer(answer)).text == "🔁 Қайта жіберіп жатырмын: қазір келеді."
        assert (await aigul.next_message()).text == lesson.text
        assert (await aigul.next_message()).file.file_name == "checklist-kk.pdf"

        # She blocks the bot; lesson 2 falls due meanwhile and is recorded as unreachable.
        aigul.block_bot()

        async def blocked() -> bool:
            return await db.fetchval("SELECT blocked_at FROM users WHERE telegram_id = 4001") is not None

        await eventually(blocked, "my_chat_member marks her blocked")
        await db.execute(
            "UPDATE deliveries SET due_at = ? WHERE user_id = 4001 AND item_key LIKE 'L2%'"
            " AND kind IN ('lesson', 'homework')",
            (to_db(datetime.now(UTC)),),
        )
        bot.app.delivery.wake()

        async def unreachable() -> bool:
            return (
                await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE user_id = 4001 AND state = 'unreachable'") == 2
            )

        await eventually(unreachable, "lesson 2 recorded as unreachable")
        assert bot.emu.stats["error_403"] == 0  # known to be blocked: not even tried

        # The organizer sees whom to phone.
        owner = bot.emu.user(OWNER, first_name="Dana", language_code="en")
        await owner.send_text("/delivery")
        listing = await owner.expect("Lesson delivery")
        await owner.click(listing.button_labels[0])
        view = (await owner.next_edit(listing)).message
        assert "Lesson 2, " in view.text and "🚫 1" in view.text
        await owner.click("🚫 Unreachable (1)")
        who = (await owner.next_edit(listing)).message
        assert "Айгүл Серікова, Аягөз ауданы, Аягөз аудандық орталық кітапханасы" in who.text

        # She comes back: what she missed arrives.
        aigul.unblock_bot()
        again = await aigul.expect("2-сабақ")
        assert again.kind == "text"
        print("\n" + bot.emu.transcript(4001))


async def test_a_restart_while_nothing_is_due_sends_nothing_and_loses_nothing(tmp_path: Path) -> None:
    async with bot_with_cohort(tmp_path, start_days_ago=-30) as (bot, cohort, _):
        db = bot.app.db
        await add_learners(db, cohort, range(500, 510), datetime.now(UTC))
        bot.app.delivery.wake()
        await bot.app.delivery.tick()  # plans the learners who joined while nobody listened
        before = [
            tuple(r)
            for r in await db.fetchall(
                "SELECT id, user_id, item_key, kind, variant, state, due_at FROM deliveries ORDER BY id"
            )
        ]
        assert len(before) == 10 * 20 and {r[5] for r in before} == {"planned"}
        for _ in range(2):
            app = await bot.restart()
            await app.delivery.tick()
        after = [tuple(r) for r in await db_rows(bot)]
        assert after == before
        assert bot.emu.stats["sent"] == 0
        # The one wake-up waits for the first lesson, a month ahead.
        first = min(datetime.fromisoformat(r[6].replace("Z", "+00:00")) for r in before)

        async def wake_planned() -> bool:
            return bot.app.scheduler.has(WAKE_JOB)

        await eventually(wake_planned, "a wake-up at the next due moment")
        next_run = bot.app.scheduler.next_run(WAKE_JOB)
        assert next_run is not None and abs(next_run - first) < timedelta(seconds=30)


async def db_rows(bot: DeliveryBot) -> list[Any]:
    return await bot.app.db.fetchall(
        "SELECT id, user_id, item_key, kind, variant, state, due_at FROM deliveries ORDER BY id"
    )
