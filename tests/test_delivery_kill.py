"""``python -m bot`` killed in the middle of a fan-out, then started again.

The bot runs as a real process against the emulator (which enforces the overall and per-chat
limits, raised overall so the test stays short). The lesson is the sample course's lesson 1 with
its homework task: three messages per learner (text, the checklist PDF with its links, the task).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import aiosqlite

from bot import PROJECT_ROOT
from bot.config import Settings
from bot.delivery.planning import Planner
from storage.db import Database
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort
from tests.auxil.emulator import BotAPIEmulator, FakeUser, Upload

RATE = 400  # raised from Telegram's 30 so that 3,000 messages take seconds, not minutes
CONCURRENCY = 16  # SEND_CONCURRENCY: the most messages sent but not yet recorded at any moment
PER_LEARNER = 3

# A clean stop takes well under a second here; the bot's own bound is SHUTDOWN_GRACE (10 s) for what
# is in flight. The limit leaves room for a machine under heavy load: it tells a clean exit from a
# hang, it is not a timing target.
STOP_LIMIT = 45


async def prepare(tmp_path: Path, learners: range) -> Path:
    """A database where lesson 1 and its task are due now for every learner."""
    path = tmp_path / "bot.sqlite3"
    db = await Database.open(path)
    try:
        now = datetime.now(UTC)
        version = await import_version(db, SAMPLE, tmp_path / "files")
        start = now.astimezone(ZoneInfo("Asia/Almaty")).date() - timedelta(days=1)
        cohort = await make_cohort(db, version, start, now)
        await add_learners(db, cohort, learners, now)
        settings = Settings(_env_file=None, database_path=path, quiet_hours="off")
        await Planner(db, settings).plan_cohort(cohort, now)
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
        SEND_RATE=str(RATE),
        SEND_CONCURRENCY=str(CONCURRENCY),
        QUIET_HOURS="off",
        POLLING_TIMEOUT="1",
        LOG_LEVEL="INFO",
    )
    with log.open("a") as out:  # a file, not a pipe: a full pipe would stall the bot
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", env=env, cwd=database.parent, stdout=out, stderr=out
        )


async def until(condition: object, seconds: float, what: str, log: Path) -> None:
    for _ in range(int(seconds * 20)):
        if await condition():  # type: ignore[operator]
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{what} not within {seconds} s; bot log:\n{tail(log)}")


def tail(log: Path) -> str:
    return log.read_text()[-3000:]


async def unfinished(database: Path) -> int:
    async with aiosqlite.connect(database) as conn:
        async with conn.execute(
            "SELECT COUNT(*) FROM deliveries WHERE item_key IN ('L1', 'L1.hw')"
            " AND kind IN ('lesson', 'homework') AND state IN ('planned', 'sending')"
        ) as cursor:
            return (await cursor.fetchone())[0]


def tally(people: list[FakeUser]) -> tuple[int, int]:
    """(messages missing, messages duplicated) over everyone, by what each message says."""
    lost = doubled = 0
    for person in people:
        seen = Counter((m.kind, m.text) for m in person.messages)
        lost += max(0, PER_LEARNER - len(seen))
        doubled += sum(seen.values()) - len(seen)
    return lost, doubled


async def test_sigkill_mid_lesson_then_restart_each_learner_gets_it_once(tmp_path: Path) -> None:
    learners = range(10_000, 11_000)
    database = await prepare(tmp_path, learners)
    log = tmp_path / "bot.log"
    async with BotAPIEmulator() as emu:
        people = [emu.user(uid) for uid in learners]
        emu.enforce_limits(per_second_overall=RATE, per_chat_interval=1.0)
        process = await spawn(emu, database, log)
        try:
            await until(lambda: _at_least(emu, 1000), 60, "1,000 messages out", log)
            process.kill()  # SIGKILL: no handler runs, nothing is flushed
            await process.wait()
            sent_before = emu.stats["sent"]
            assert 1000 <= sent_before < len(learners) * PER_LEARNER
            process = await spawn(emu, database, log)
            await finish_then_stop(process, database, log, 90)
        finally:
            if process.returncode is None:
                process.kill()
        lost, doubled = tally(people)
        uploads = sum(isinstance(c.params.get("document"), Upload) for c in emu.calls if c.method == "sendDocument")
    text = log.read_text()
    print(
        f"\nkilled after {sent_before} of {len(learners) * PER_LEARNER} messages; "
        f"lost {lost}, duplicated {doubled} (bound: {CONCURRENCY}); 429s: {emu.stats['rate_limited']}"
    )
    print(next(line for line in text.splitlines() if "taken for sending when the bot stopped" in line))
    assert lost == 0
    assert doubled <= CONCURRENCY
    assert uploads == 3  # one checklist per language, uploaded once across both runs
    assert "Traceback" not in text


async def test_sigterm_finishes_what_is_in_flight_and_a_restart_duplicates_nothing(tmp_path: Path) -> None:
    learners = range(20_000, 20_300)
    database = await prepare(tmp_path, learners)
    log = tmp_path / "bot.log"
    async with BotAPIEmulator() as emu:
        people = [emu.user(uid) for uid in learners]
        emu.enforce_limits(per_second_overall=RATE, per_chat_interval=1.0)
        process = await spawn(emu, database, log)
        try:
            await until(lambda: _at_least(emu, 300), 60, "300 messages out", log)
            process.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(process.wait(), STOP_LIMIT) == 0
            async with aiosqlite.connect(database) as conn:
                async with conn.execute("SELECT COUNT(*) FROM deliveries WHERE state = 'sending'") as cursor:
                    assert (await cursor.fetchone())[0] == 0  # everything recorded or put back
            process = await spawn(emu, database, log)
            await finish_then_stop(process, database, log, 60)
        finally:
            if process.returncode is None:
                process.kill()
        assert tally(people) == (0, 0)
    assert "Traceback" not in log.read_text()


async def finish_then_stop(process: asyncio.subprocess.Process, database: Path, log: Path, limit: float) -> None:
    """Wait until every delivery has ended, then stop the bot with SIGTERM: it exits cleanly."""

    async def done() -> bool:
        return await unfinished(database) == 0

    await until(done, limit, "every delivery finished", log)
    process.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(process.wait(), STOP_LIMIT) == 0


async def _at_least(emu: BotAPIEmulator, count: int) -> bool:
    return emu.stats["sent"] >= count
