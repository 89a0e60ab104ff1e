"""Reply latency of the interactive path, against a bare aiogram echo bot, on the Bot API emulator.

    python -m bench.latency                    # both bots, 200 updates a second for 15 s, bursts of 3,000
    python -m bench.latency --profile out/     # also run Oqu under cProfile (out/oqu.prof)
    python -m bench.latency --in-process       # only Oqu's own CPU per update: the real Dispatcher
                                               # fed directly, replies recorded, no HTTP at all

Each bot runs in its own process (Oqu exactly as ``python -m bot``), polling the emulator in this
process; one bot at a time, so they do not share the two cores. For each of
``echo`` (bench/echo_bot.py answering every text), Oqu's ``/help`` and Oqu's "📚 My courses"
menu button pressed by a registered, enrolled learner:

- latency: from the moment the update is queued in the emulator until the bot's reply reaches
  it, at a steady ``--rate`` (1,000 learners take turns: one update per person every 5 s), p50,
  p95 and p99 in milliseconds;
- CPU: the bot process's user + system seconds per update in that steady phase;
- saturation: ``--burst`` updates queued at once, replies per second until the last one;
- memory: the bot's resident set (VmRSS) when idle after start-up, and its peak (VmHWM).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot import PROJECT_ROOT
from bot.i18n import Translator
from storage.db import Database
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort
from tests.auxil.emulator import BotAPIEmulator, ChatState
from tests.auxil.emulator_models import BotMessage

FIRST_USER = 2_000_000
CLOCK_TICK = os.sysconf("SC_CLK_TCK")


class TimedEmulator(BotAPIEmulator):
    """Notes when each chat's reply arrives; a reply answers the chat's oldest open update."""

    def __init__(self) -> None:
        super().__init__()
        self.open: dict[int, deque[float]] = defaultdict(deque)
        self.latencies: list[float] = []
        self.last_reply = 0.0
        self.answered = 0

    def _record_event(self, chat: ChatState, kind: str, message: BotMessage) -> None:
        super()._record_event(chat, kind, message)
        if kind == "message" and self.open[chat.id]:
            now = time.monotonic()
            self.latencies.append(now - self.open[chat.id].popleft())
            self.last_reply = now
            self.answered += 1

    async def say(self, user_id: int, text: str) -> None:
        self.open[user_id].append(time.monotonic())
        await self.user(user_id).send_text(text)

    def reset(self) -> None:
        self.latencies = []
        self.answered = 0
        # The emulator keeps every chat's history; the bench does not need it, and a growing heap
        # in this process would slow the emulator, not the bot.
        for chat in self.chats.values():
            chat.events.clear()
            chat.transcript.clear()
            chat.bot_messages.clear()
            chat.user_messages.clear()
        self.calls.clear()


def proc(pid: int, key: str) -> float:
    """VmRSS or VmHWM of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICK


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@dataclass
class Result:
    name: str
    idle_rss_mb: float = 0.0
    peak_rss_mb: float = 0.0
    phases: dict[str, dict[str, Any]] = field(default_factory=dict)


async def prepare(folder: Path, users: int) -> Path:
    """The sample course, a cohort starting in a month, and ``users`` registered learners in it."""
    database = folder / "bot.sqlite3"
    db = await Database.open(database)
    try:
        now = datetime.now(UTC)
        version = await import_version(db, SAMPLE, folder / "files")
        cohort = await make_cohort(db, version, (now + timedelta(days=30)).date(), now)
        await add_learners(db, cohort, range(FIRST_USER, FIRST_USER + users), now, languages=("kk",))
    finally:
        await db.close()
    return database


async def wait_for(predicate: Any, limit: float, what: str) -> None:
    began = time.monotonic()
    while not predicate():
        if time.monotonic() - began > limit:
            raise RuntimeError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def load(emu: TimedEmulator, pid: int, text: str, *, users: int, rate: int, seconds: float) -> dict[str, Any]:
    """``rate`` updates a second for ``seconds``; latency of each, CPU per update."""
    emu.reset()
    total = int(rate * seconds)
    cpu_before = cpu_seconds(pid)
    began = time.monotonic()
    for n in range(total):
        delay = began + n / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        await emu.say(FIRST_USER + n % users, text)
    await wait_for(lambda: emu.answered >= total, 60 + seconds, f"{total} replies to {text!r}")
    cpu = cpu_seconds(pid) - cpu_before
    ms = [value * 1000 for value in emu.latencies]
    return {
        "updates": total,
        "rate": rate,
        "p50_ms": round(percentile(ms, 0.50), 1),
        "p95_ms": round(percentile(ms, 0.95), 1),
        "p99_ms": round(percentile(ms, 0.99), 1),
        "max_ms": round(max(ms), 1),
        "mean_ms": round(statistics.fmean(ms), 1),
        "cpu_ms_per_update": round(1000 * cpu / total, 2),
    }


async def burst(emu: TimedEmulator, text: str, *, users: int, count: int) -> dict[str, Any]:
    """``count`` updates queued at once (one per person, as far as there are people)."""
    emu.reset()
    began = time.monotonic()
    for n in range(count):
        await emu.say(FIRST_USER + n % users, text)
    await wait_for(lambda: emu.answered >= count, 120, f"{count} replies to a burst")
    return {"updates": count, "replies_per_second": round(count / (emu.last_reply - began))}


async def run_one(
    name: str,
    command: list[str],
    env: dict[str, str],
    folder: Path,
    texts: dict[str, str],
    args: argparse.Namespace,
) -> Result:
    result = Result(name)
    async with TimedEmulator() as emu:
        for n in range(args.users):
            emu.user(FIRST_USER + n, language_code="kk")
        env = {**env, "BOT_TOKEN": emu.token, "TELEGRAM_API_URL": emu.base_url}
        log = (folder / f"{name}.log").open("w")
        process = await asyncio.create_subprocess_exec(*command, env=env, cwd=folder, stdout=log, stderr=log)
        try:
            await wait_for(lambda: emu.call_count("getUpdates") > 0, 60, f"{name} to start polling")
            await asyncio.sleep(3)  # start-up work (the delivery planner's first check) settles
            result.idle_rss_mb = round(proc(process.pid, "VmRSS"), 1)
            for phase, text in texts.items():
                await load(emu, process.pid, text, users=args.users, rate=20, seconds=2)  # warm-up
                steady = await load(emu, process.pid, text, users=args.users, rate=args.rate, seconds=args.seconds)
                steady["saturation"] = await burst(emu, text, users=args.users, count=args.burst)
                result.phases[phase] = steady
                print(f"{phase}: {json.dumps(steady)}", file=sys.stderr)
            result.peak_rss_mb = round(proc(process.pid, "VmHWM"), 1)
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), 30)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
            log.close()
    return result


async def main_async(args: argparse.Namespace) -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="oqu-latency-"))
    base_env = {k: v for k, v in os.environ.items() if k not in {"ADMIN_IDS", "BOT_TOKEN"}}
    base_env["PYTHONPATH"] = str(PROJECT_ROOT)
    results = []
    try:
        if "echo" in args.only:
            results.append(
                await run_one(
                    "echo", [sys.executable, "-m", "bench.echo_bot"], base_env, folder, {"echo": "/help"}, args
                )
            )
        if "oqu" in args.only:
            database = await prepare(folder, args.users)
            env = {
                **base_env,
                "DATABASE_PATH": str(database),
                "QUIET_HOURS": "off",
                "LOG_LEVEL": "WARNING",
                "POLLING_TIMEOUT": "10",
                "BACKUP_AT": "off",
            }
            command = [sys.executable, "-m", "bot"]
            if args.profile:
                args.profile.mkdir(parents=True, exist_ok=True)
                stats = str(args.profile.resolve() / "oqu.prof")
                command = [sys.executable, "-m", "cProfile", "-o", stats, "-m", "bot"]
            menu = Translator(default_locale="kk").get("kk", "menu-courses")
            results.append(await run_one("oqu", command, env, folder, {"/help": "/help", "menu": menu}, args))
    except BaseException:
        print(f"logs kept in {folder}", file=sys.stderr)
        raise
    shutil.rmtree(folder)
    return results


async def in_process(args: argparse.Namespace) -> dict[str, float]:
    """CPU per update of the Dispatcher alone (middlewares, handlers, database, Fluent), without
    polling or HTTP: what is ours to cut, apart from aiogram's and aiohttp's share."""
    from aiogram import Bot

    from bot.app import create_dispatcher
    from bot.clock import SystemClock
    from bot.config import Settings
    from tests.auxil.recording import RecordingSession
    from tests.auxil.updates import message_update, tg_user

    folder = Path(tempfile.mkdtemp(prefix="oqu-latency-"))
    figures: dict[str, float] = {}
    try:
        database = await prepare(folder, args.users)
        settings = Settings(_env_file=None, bot_token="123:bench", database_path=database, quiet_hours="off")
        db = await Database.open(database)
        translator = Translator(default_locale="kk")
        dp = create_dispatcher(settings, db, translator, SystemClock())
        bot = Bot("123:bench", session=RecordingSession())
        await dp.emit_startup(bot=bot)
        people = [tg_user(FIRST_USER + n) for n in range(args.users)]
        count = int(args.rate * args.seconds)
        for name, text in {"/help": "/help", "menu": translator.get("kk", "menu-courses")}.items():
            updates = [message_update(people[n % len(people)], text) for n in range(count + 100)]
            for update in updates[:100]:  # warm-up
                await dp.feed_update(bot, update)
            began = time.process_time()
            for update in updates[100:]:
                await dp.feed_update(bot, update)
            figures[f"{name}_cpu_ms_per_update"] = round(1000 * (time.process_time() - began) / count, 2)
        await dp.emit_shutdown(bot=bot)
        await db.close()
    finally:
        shutil.rmtree(folder)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=int, default=200, help="updates a second in the steady phase")
    parser.add_argument("--seconds", type=float, default=15.0, help="length of the steady phase")
    parser.add_argument("--burst", type=int, default=3000, help="updates queued at once for the saturation rate")
    parser.add_argument("--users", type=int, default=1000, help="people taking turns")
    parser.add_argument("--only", nargs="+", default=["echo", "oqu"], choices=["echo", "oqu"])
    parser.add_argument("--profile", type=Path, help="run Oqu under cProfile, stats into this folder")
    parser.add_argument("--in-process", action="store_true", help="only the Dispatcher's own CPU per update")
    args = parser.parse_args()
    if args.in_process:
        print(json.dumps(asyncio.run(in_process(args)), indent=2))
        return
    results = asyncio.run(main_async(args))
    print(
        json.dumps(
            {
                "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
                "results": [r.__dict__ for r in results],
            },
            ensure_ascii=False,
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
