"""End to end (issue 13): an organizer broadcasts to the learners who have not handed in the
homework of lesson 2, 3 of 5, through ``python -m bot`` against the emulated Bot API; the bot
process is killed (SIGKILL) in the middle of the sending and started again. Exactly those 3 get
the message, once each; the 2 who handed in (one waiting for review, one accepted) get nothing."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import aiosqlite

from bot import PROJECT_ROOT
from bot.clock import to_db
from storage.db import Database
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort
from tests.auxil.emulator import BotAPIEmulator
from tests.test_delivery_kill import STOP_LIMIT, tail, until

ORGANIZER = 900001
MISSING, HANDED_IN = (701, 702, 703), (704, 705)
TEXT = "Lesson 2's homework is due on Friday: please hand it in."


async def prepare(tmp_path: Path) -> Path:
    """The sample course, a cohort starting next month, five learners; two have handed in the
    homework of lesson 2 (one waits for review, one was accepted), one had hers returned."""
    path = tmp_path / "bot.sqlite3"
    db = await Database.open(path)
    try:
        now = datetime.now(UTC)
        version = await import_version(db, SAMPLE, tmp_path / "files")
        cohort = await make_cohort(db, version, date(now.year + 1, 1, 15), now)
        await add_learners(db, cohort, [*MISSING, *HANDED_IN], now)
        stamp = to_db(now)
        for uid, version_no, state in ((704, 1, "waiting"), (705, 1, "accepted"), (701, 1, "returned")):
            await db.execute(
                "INSERT INTO submissions (cohort_id, user_id, item_key, version, state, opened_at, updated_at,"
                " submitted_at) VALUES (?, ?, 'L2.hw', ?, ?, ?, ?, ?)",
                (cohort, uid, version_no, state, stamp, stamp, stamp),
            )
        await db.execute(
            "UPDATE users SET language = 'en' WHERE telegram_id IN (?, ?, ?, ?, ?)", (*MISSING, *HANDED_IN)
        )
    finally:
        await db.close()
    return path


async def spawn(emu: BotAPIEmulator, database: Path, log: Path) -> asyncio.subprocess.Process:
    env = {
        k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "ADMIN_IDS", "TELEGRAM_API_URL", "DATABASE_PATH"}
    }
    env.update(
        PYTHONPATH=str(PROJECT_ROOT),
        BOT_TOKEN=emu.token,
        TELEGRAM_API_URL=emu.base_url,
        DATABASE_PATH=str(database),
        ADMIN_IDS=str(ORGANIZER),
        SEND_RATE="1",  # one message a second overall: the kill falls between two copies
        SEND_CONCURRENCY="1",
        QUIET_HOURS="off",
        POLLING_TIMEOUT="1",
        LOG_LEVEL="INFO",
    )
    with log.open("a") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", env=env, cwd=database.parent, stdout=out, stderr=out
        )


async def copies(database: Path, state: str) -> int:
    async with aiosqlite.connect(database) as conn:
        async with conn.execute(
            "SELECT COUNT(*) FROM deliveries WHERE kind = 'broadcast' AND state = ?", (state,)
        ) as cursor:
            return int((await cursor.fetchone())[0])


async def test_a_broadcast_to_those_who_have_not_handed_in_homework_2_survives_a_kill(tmp_path: Path) -> None:
    database = await prepare(tmp_path)
    log = tmp_path / "bot.log"
    async with BotAPIEmulator() as emu:
        learners = {uid: emu.user(uid) for uid in (*MISSING, *HANDED_IN)}
        organizer = emu.user(ORGANIZER, first_name="Dana", language_code="en")
        process = await spawn(emu, database, log)
        try:
            await organizer.send_text("/broadcast")
            listing = await organizer.expect("To the learners of which cohort?", timeout=60)
            await organizer.click(listing.button_labels[0])
            assert "It goes to 5 learners." in (await organizer.next_message(timeout=10)).text
            await organizer.click("📝 Has not handed in homework")
            choices = await organizer.next_message(timeout=10)
            assert choices.button_labels[:2] == ["homework of lesson 1", "homework of lesson 2"]
            await organizer.click("homework of lesson 2")
            audience = await organizer.next_message(timeout=10)
            assert "It goes to 3 learners." in audience.text
            assert "Has not handed in or answered: homework of lesson 2" in audience.text
            await organizer.click("✍️ Write the message")
            await organizer.expect("Send me the message", timeout=10)
            await organizer.send_text(TEXT)
            assert (await organizer.next_message(timeout=10)).text == TEXT  # the preview
            await organizer.expect("This is how learners will see it.", timeout=10)
            await organizer.click("📣 Send to 3")
            await organizer.expect("sent 0 of 3", timeout=10)

            async def one_sent() -> bool:
                return await copies(database, "sent") >= 1

            await until(one_sent, 30, "the first copy sent", log)
            process.kill()  # SIGKILL in the middle: the next copy is a second away
            await process.wait()
            sent_before = await copies(database, "sent")
            assert 1 <= sent_before < 3, sent_before

            process = await spawn(emu, database, log)

            async def all_sent() -> bool:
                return await copies(database, "sent") == 3

            await until(all_sent, 60, "every copy sent after the restart", log)
            await asyncio.sleep(1.5)  # anything doubled would have come by now
            process.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(process.wait(), STOP_LIMIT) == 0
        finally:
            if process.returncode is None:
                process.kill()
        for uid in MISSING:
            assert [m.text for m in learners[uid].messages] == [TEXT], (uid, tail(log))
        for uid in HANDED_IN:
            assert learners[uid].messages == []
    assert "Traceback" not in log.read_text()
