"""Homework benchmark: the deadline rush. Every learner presses "Hand in", sends a 2-photo album
and a text, and presses "Send to the curator", all within ``--window`` seconds.

    python -m bench.homework                       # 1,000 learners in 60 s, Telegram's limits
    python -m bench.homework --learners 200        # a quicker look

The bot runs as ``python -m bot`` in its own process against the Bot API emulator in this one,
with Telegram's limits enforced (30 sends a second overall, one a second per chat; edits are not
counted, as the emulator's limits say). Reported: parts stored (must be all), drafts handed in,
429s (must be 0), the learners' acknowledgement latency (from a part's arrival at the emulator
to the bot's edit of the status message that counts it) p50/p95/p99, the curator queue, and the
bot's peak memory (VmHWM).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import random
import shutil
import signal
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import aiosqlite

from bot import PROJECT_ROOT
from bot.config import Settings
from bot.delivery.planning import Planner
from bot.delivery.render import hand_in_callback
from storage.db import Database
from tests.auxil.delivery_setup import add_learners, import_version, make_cohort, write_course
from tests.auxil.emulator import BotAPIEmulator, FakeUser

FIRST_ID = 2_000_000
COURSE = """
code: bench-homework
languages: [kk]
title: Жүктеме сынағы
hours: 2
lessons:
  - day: 1
    time: "10:00"
    title: Бірінші сабақ
    materials:
      - text: Бірінші сабақ.
    homework:
      prompt: Көрменің екі суретін және қысқа сипаттамасын жіберіңіз.
      deadline: {hours_after_release: 720}
      accepts: [text, photo]
"""


async def prepare(folder: Path, learners: int) -> tuple[Path, int]:
    """A cohort that started yesterday; lesson 1 and its task already reached every learner."""
    database = folder / "bot.sqlite3"
    db = await Database.open(database)
    try:
        now = datetime.now(UTC)
        version = await import_version(db, write_course(folder / "course", COURSE), folder / "files")
        start = now.astimezone(ZoneInfo("Asia/Almaty")).date() - timedelta(days=1)
        cohort = await make_cohort(db, version, start, now)
        await add_learners(db, cohort, range(FIRST_ID, FIRST_ID + learners), now, languages=("kk",))
        await Planner(db, Settings(_env_file=None, database_path=database, quiet_hours="off")).plan_cohort(cohort, now)
        await db.execute("UPDATE deliveries SET state = 'sent' WHERE kind IN ('lesson', 'homework')")
    finally:
        await db.close()
    return database, cohort


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def learner(user: FakeUser, cohort: int, delay: float, latencies: list[float], failures: list[str]) -> None:
    """One librarian in the rush: Hand in, an album of two photos, a text, Send to the curator."""
    await asyncio.sleep(delay)
    try:
        await user.click_data(hand_in_callback(cohort, 1), 1)
        status = await user.wait_for(lambda m: "үй тапсырмасы" in m.text, timeout=120)
        sent = time.monotonic()
        await user.send_album(2)
        await status_counts(user, status.message_id, "2 бөлік", 120)
        latencies.append(time.monotonic() - sent)
        sent = time.monotonic()
        await user.send_text("Көрме «Туған өлкем»: 40 кітап, 3 сөре.")
        await status_counts(user, status.message_id, "3 бөлік", 120)
        latencies.append(time.monotonic() - sent)
        await user.click("✅ Кураторға жіберу")
        await status_counts(user, status.message_id, "Кураторға жіберілді", 120)
    except AssertionError as error:
        failures.append(f"{user.id}: {str(error).splitlines()[0]}")


async def status_counts(user: FakeUser, message_id: int, text: str, seconds: float) -> None:
    await user.wait_for(lambda m: m.message_id == message_id and text in m.text, timeout=seconds)


async def stored(database: Path) -> tuple[int, int]:
    async with aiosqlite.connect(database) as conn:
        async with conn.execute("SELECT COUNT(*) FROM submission_parts") as cursor:
            parts = (await cursor.fetchone())[0]
        async with conn.execute("SELECT COUNT(*) FROM submissions WHERE state = 'waiting'") as cursor:
            waiting = (await cursor.fetchone())[0]
    return parts, waiting


async def run(folder: Path, learners: int, window: float, seed: int) -> dict[str, object]:
    database, cohort = await prepare(folder, learners)
    async with BotAPIEmulator() as emu:
        people = [emu.user(FIRST_ID + n, language_code="kk") for n in range(learners)]
        emu.enforce_limits(per_second_overall=30, per_chat_interval=1.0)
        gc.freeze()
        gc.set_threshold(50_000, 50, 1000)
        env = {k: v for k, v in os.environ.items() if k not in {"ADMIN_IDS"}}
        env.update(
            PYTHONPATH=str(PROJECT_ROOT),
            BOT_TOKEN=emu.token,
            TELEGRAM_API_URL=emu.base_url,
            DATABASE_PATH=str(database),
            QUIET_HOURS="off",
            LOG_LEVEL="WARNING",
            POLLING_TIMEOUT="10",
        )
        log = (folder / "bot.log").open("w")
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", env=env, cwd=folder, stdout=log, stderr=log
        )
        latencies: list[float] = []
        failures: list[str] = []
        try:
            await asyncio.sleep(3)  # the bot connects and starts polling
            rng = random.Random(seed)
            began = time.monotonic()
            await asyncio.gather(
                *(learner(user, cohort, rng.uniform(0, window), latencies, failures) for user in people)
            )
            elapsed = time.monotonic() - began
            await asyncio.sleep(2)
            peak = peak_rss_mb(process.pid)
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), 30)
        finally:
            if process.returncode is None:
                process.kill()
            log.close()
        parts, waiting = await stored(database)
        ms = [1000 * value for value in latencies]
        return {
            "learners": learners,
            "window_seconds": window,
            "finished_seconds": round(elapsed, 1),
            "parts_stored": parts,
            "parts_expected": 3 * learners,
            "drafts_handed_in": waiting,
            "curator_queue": waiting,
            "http_429": emu.stats["rate_limited"],
            "ack_latency_ms_p50": round(percentile(ms, 0.50) or 0),
            "ack_latency_ms_p95": round(percentile(ms, 0.95) or 0),
            "ack_latency_ms_p99": round(percentile(ms, 0.99) or 0),
            "learners_stuck": len(failures),
            "first_failures": failures[:3],
            "bot_peak_rss_mb": round(peak, 1),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=1_000)
    parser.add_argument("--window", type=float, default=60.0, help="seconds over which learners start")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="oqu-bench-homework-"))
    result = asyncio.run(run(folder, args.learners, args.window, args.seed))
    if not result["learners_stuck"]:
        shutil.rmtree(folder)  # kept when something went wrong: bot.log is in it
    else:
        result["folder"] = str(folder)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
