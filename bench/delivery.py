"""Delivery benchmark: one lesson of three messages to 10,000 learners through the emulator.

    python -m bench.delivery                       # 10,000 learners, limits raised tenfold (~2 min)
    python -m bench.delivery --rate 30             # Telegram's own limit (~17 min)

The bot runs as ``python -m bot`` in its own process, exactly as in production, against the Bot
API emulator in this process. The emulator enforces the overall limit (``--rate`` per second),
one message per second per chat, and answers 429 with ``retry_after`` when either is exceeded.
To keep the run short the overall limit is *raised* (the bot's SEND_RATE with it); the per-chat
limit stays Telegram's. Reported: messages per second against the limit, 429s, lost and
duplicated messages, the bot's peak memory (VmHWM), and the time to plan the cohort
(10,000 learners x 20 items, in this process, before the bot starts).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import aiosqlite

from bot import PROJECT_ROOT
from bot.config import Settings
from bot.delivery.planning import Planner
from storage.db import Database
from tests.auxil.delivery_setup import PDF, add_learners, import_version, make_cohort, write_course
from tests.auxil.emulator import BotAPIEmulator
from tests.auxil.emulator_core import Params

MESSAGES_PER_LEARNER = 3
LONG_TEXT = ("Кітапхана — ауылдың жүрегі. " * 60).strip()  # about 1,700 characters: no caption


def course_yaml() -> str:
    """Lesson 1 (due at once): text, file, text. Lessons 2-5 with homework and two reminders,
    and the questionnaire with two: 1 + 4 x 4 + 3 = 20 deliveries per learner."""
    later = "\n".join(
        f"""
  - day: {18 + 2 * n}
    time: "10:00"
    title: Сабақ {n}
    materials:
      - text: {n}-сабақ.
    homework:
      prompt: Тапсырма {n}.
      deadline: {{day: {20 + 2 * n}, time: "09:00"}}"""
        for n in range(2, 6)
    )
    return f"""
code: bench-course
languages: [kk]
title: Жүктеме сынағы
hours: 2
reminders: [24, 2]
lessons:
  - day: 1
    time: "10:00"
    title: Бірінші сабақ
    materials:
      - text: "{LONG_TEXT}"
      - file: files/handout.pdf
        caption: Үлестірме материал.
      - text: Сұрақтарыңызды кураторға жіберіңіз.
{later}
questionnaire:
  day: 40
  time: "12:00"
  items:
    - id: quality
      kind: scale
      question: Курс сапасы?
"""


class TimedEmulator(BotAPIEmulator):
    """The emulator, noting when each send was accepted and when each 429 was answered."""

    def __init__(self) -> None:
        super().__init__()
        self.accepted: list[float] = []
        self.refused: list[float] = []

    def _apply_limits(self, params: Params) -> None:
        now = time.monotonic()
        try:
            super()._apply_limits(params)
        except Exception:
            self.refused.append(now)
            raise
        self.accepted.append(now)


async def prepare(folder: Path, learners: int) -> tuple[Path, int, float]:
    database = folder / "bot.sqlite3"
    db = await Database.open(database)
    try:
        now = datetime.now(UTC)
        course = write_course(folder / "course", course_yaml(), {"files/handout.pdf": PDF * 200})
        version = await import_version(db, course, folder / "files")
        start = now.astimezone(ZoneInfo("Asia/Almaty")).date() - timedelta(days=1)
        cohort = await make_cohort(db, version, start, now)
        await add_learners(db, cohort, range(1_000_000, 1_000_000 + learners), now, languages=("kk",))
        settings = Settings(_env_file=None, database_path=database, quiet_hours="off")
        began = time.perf_counter()
        rows = await Planner(db, settings).plan_cohort(cohort, now)
        planning = time.perf_counter() - began
    finally:
        await db.close()
    return database, rows, planning


def peak_rss_mb(pid: int) -> float:
    """VmHWM: the most resident memory the process has had."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def unfinished(database: Path) -> int:
    async with aiosqlite.connect(database) as conn:
        async with conn.execute(
            "SELECT COUNT(*) FROM deliveries WHERE item_key = 'L1' AND kind = 'lesson'"
            " AND state IN ('planned', 'sending')"
        ) as cursor:
            return (await cursor.fetchone())[0]


async def run(folder: Path, learners: int, rate: int, chat_interval: float) -> dict[str, object]:
    database, rows, planning = await prepare(folder, learners)
    expected = learners * MESSAGES_PER_LEARNER
    async with TimedEmulator() as emu:
        people = [emu.user(1_000_000 + n, language_code="kk") for n in range(learners)]
        emu.enforce_limits(per_second_overall=rate, per_chat_interval=chat_interval)
        # The emulator keeps every message; Python's full collections over that growing heap
        # would pause *it* and show up as dips that are not the bot's. Collect less often.
        gc.freeze()
        gc.set_threshold(50_000, 50, 1000)
        env = {k: v for k, v in os.environ.items() if k not in {"ADMIN_IDS"}}
        env.update(
            PYTHONPATH=str(PROJECT_ROOT),
            BOT_TOKEN=emu.token,
            TELEGRAM_API_URL=emu.base_url,
            DATABASE_PATH=str(database),
            SEND_RATE=str(rate),
            SEND_CHAT_INTERVAL=str(chat_interval),
            QUIET_HOURS="off",
            LOG_LEVEL="WARNING",
            POLLING_TIMEOUT="10",
        )
        log = (folder / "bot.log").open("w")
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", env=env, cwd=folder, stdout=log, stderr=log
        )
        began = time.monotonic()
        try:
            while await unfinished(database) or emu.stats["sent"] < expected:
                if process.returncode is not None:
                    raise RuntimeError(f"the bot stopped; see {folder / 'bot.log'}")
                if time.monotonic() - began > 3 * expected / rate + 120:
                    raise RuntimeError(f"too slow: {emu.stats['sent']} of {expected}")
                print(f"\r{emu.stats['sent']:>7} / {expected} sent", end="", file=sys.stderr, flush=True)
                await asyncio.sleep(1)
            print(file=sys.stderr)
            await asyncio.sleep(2)  # anything late (a duplicate) would show up now
            peak = peak_rss_mb(process.pid)
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), 30)
        finally:
            if process.returncode is None:
                process.kill()
            log.close()
        lost = duplicated = 0
        for person in people:
            seen = Counter((m.kind, m.text) for m in person.messages)
            lost += max(0, MESSAGES_PER_LEARNER - len(seen))
            duplicated += sum(seen.values()) - len(seen)
        accepted = sorted(emu.accepted)
        duration = accepted[-1] - accepted[0]
        # Steady state: after the first and before the last five seconds. A one-second window
        # lets a burst of ``rate`` through at the very start, so the whole-run average flatters;
        # the steady rate is the honest figure.
        first, last = accepted[0] + 5, accepted[-1] - 5
        if last - first < 10:  # a short run has no steady state to speak of: take it whole
            first, last = accepted[0], accepted[-1] + 1
        steady_count = sum(1 for t in accepted if first <= t < last)
        achieved = steady_count / (last - first)
        steady = [t for t in emu.refused if first < t < last]
        per_second = Counter(int(t - accepted[0]) for t in accepted)
        middle = [per_second[s] for s in range(5, int(duration) - 5)]
        return {
            "learners": learners,
            "messages": len(accepted),
            "expected": expected,
            "limit_per_second": rate,
            "per_chat_interval_s": chat_interval,
            "seconds": round(duration, 1),
            "overall_per_second": round(len(accepted) / duration, 1),
            "steady_per_second": round(achieved, 2),
            "percent_of_limit": round(100 * achieved / rate, 1),
            "slowest_full_second": min(middle) if middle else None,
            "slow_seconds": {s: per_second[s] for s in range(5, int(duration) - 5) if per_second[s] < 0.9 * rate},
            "http_429": emu.stats["rate_limited"],
            "http_429_steady_state": len(steady),
            "lost": lost,
            "duplicated": duplicated,
            "bot_peak_rss_mb": round(peak, 1),
            "planned_rows": rows,
            "planning_seconds": round(planning, 2),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--rate", type=int, default=300, help="overall limit, messages per second (30 = Telegram)")
    parser.add_argument("--chat-interval", type=float, default=1.0, help="seconds between messages to one chat")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="oqu-bench-"))
    result = asyncio.run(run(folder, args.learners, args.rate, args.chat_interval))
    shutil.rmtree(folder)  # kept only when the run fails: bot.log is in it
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
