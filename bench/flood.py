"""Flood benchmark: other people's reply latency while one person floods the bot.

    python -m bench.flood                      # three runs of 30 s each, about two minutes
    python -m bench.flood --seconds 60 --flood-rate 100

The bot runs as ``python -m bot`` in its own process against the Bot API emulator in this
process, three times, each with a fresh database:

1. ``calm``: ``--people`` (50) people each send /help every two seconds (25 updates a second
   together, at random offsets) and wait for the answer;
2. ``flood, throttled``: the same, while one more person sends ``--flood-rate`` (30) messages a
   second, with the default throttling (THROTTLE_RATE=2, THROTTLE_BURST=20, THROTTLE_PAUSE=10);
3. ``flood, unthrottled``: the same flood with THROTTLE_RATE=0.

Reported per run: the calm people's reply latency (p50, p95, p99, max: from the update being
queued at the emulator to the answer arriving there), answers the flooder got, and the CPU
seconds the bot process used. The emulator enforces no flood limits here: the figures are the
bot's own work, not Telegram's 429s (which an unthrottled flood would add on top).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import signal
import statistics
import sys
import tempfile
from pathlib import Path

from bot import PROJECT_ROOT
from tests.auxil.emulator import BotAPIEmulator, FakeUser

CALM_INTERVAL = 2.0  # seconds between one calm person's messages
FLOODER_ID = 999_999


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def calm_person(user: FakeUser, until: float, latencies: list[float], misses: list[int]) -> None:
    loop = asyncio.get_running_loop()
    await asyncio.sleep(random.uniform(0, CALM_INTERVAL))
    while loop.time() < until:
        started = loop.time()
        await user.send_text("/help")
        try:
            await user.next_message(timeout=10)
        except AssertionError:
            misses.append(user.id)
        else:
            latencies.append(loop.time() - started)
        await asyncio.sleep(max(0.0, CALM_INTERVAL - (loop.time() - started)))


async def flooder(user: FakeUser, until: float, rate: float) -> int:
    loop = asyncio.get_running_loop()
    sent = 0
    next_at = loop.time()
    while loop.time() < until:
        await user.send_text(f"spam {sent}")
        sent += 1
        next_at += 1 / rate
        await asyncio.sleep(max(0.0, next_at - loop.time()))
    return sent


async def one_run(
    folder: Path, *, people: int, seconds: float, flood_rate: float | None, throttle: bool
) -> dict[str, object]:
    await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
    async with BotAPIEmulator() as emu:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ADMIN_", "THROTTLE_", "WEBHOOK_"))}
        env.update(
            PYTHONPATH=str(PROJECT_ROOT),
            BOT_TOKEN=emu.token,
            TELEGRAM_API_URL=emu.base_url,
            DATABASE_PATH=str(folder / "bot.sqlite3"),
            LOG_LEVEL="WARNING",
            POLLING_TIMEOUT="10",
        )
        if not throttle:
            env["THROTTLE_RATE"] = "0"
        log = (folder / "bot.log").open("w")
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", env=env, cwd=folder, stdout=log, stderr=log
        )
        try:
            calm = [emu.user(500_000 + n, language_code="ru") for n in range(people)]
            # Warm up: everyone is answered once (the bot is up, caches are filled).
            await asyncio.gather(*(u.send_text("/help") for u in calm))
            await asyncio.gather(*(u.next_message(timeout=60) for u in calm))
            cpu_before = cpu_seconds(process.pid)
            loop = asyncio.get_running_loop()
            until = loop.time() + seconds
            latencies: list[float] = []
            misses: list[int] = []
            tasks = [calm_person(u, until, latencies, misses) for u in calm]
            flood_user = emu.user(FLOODER_ID, language_code="ru")
            flood_task = asyncio.ensure_future(flooder(flood_user, until, flood_rate)) if flood_rate else None
            await asyncio.gather(*tasks)
            flooded = await flood_task if flood_task else 0
            await asyncio.sleep(1)
            cpu = cpu_seconds(process.pid) - cpu_before
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), 30)
        finally:
            if process.returncode is None:
                process.kill()
            log.close()
        answers_to_flooder = len(flood_user.messages)
        return {
            "run": "calm" if not flood_rate else ("flood, throttled" if throttle else "flood, unthrottled"),
            "calm_people": people,
            "calm_replies": len(latencies),
            "calm_unanswered": len(misses),
            "p50_ms": round(1000 * statistics.median(latencies), 1),
            "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
            "p99_ms": round(1000 * percentile(latencies, 0.99), 1),
            "max_ms": round(1000 * max(latencies), 1),
            "flood_messages": flooded,
            "answers_to_flooder": answers_to_flooder,
            "bot_cpu_seconds": round(cpu, 1),
            "seconds": seconds,
        }


async def run_all(people: int, seconds: float, flood_rate: float) -> list[dict[str, object]]:
    results = []
    root = Path(tempfile.mkdtemp(prefix="oqu-flood-"))
    try:
        for name, rate, throttle in (
            ("calm", None, True),
            ("throttled", flood_rate, True),
            ("unthrottled", flood_rate, False),
        ):
            result = await one_run(root / name, people=people, seconds=seconds, flood_rate=rate, throttle=throttle)
            print(json.dumps(result, ensure_ascii=False), file=sys.stderr)
            results.append(result)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=50, help="calm people, each sending /help every 2 s")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each run")
    parser.add_argument("--flood-rate", type=float, default=30.0, help="the flooder's messages per second")
    args = parser.parse_args()
    random.seed(14)
    results = asyncio.run(run_all(args.people, args.seconds, args.flood_rate))
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("| run | calm replies | p50 | p95 | p99 | max | flood msgs | answers to flooder | bot CPU s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        print(
            f"| {r['run']} | {r['calm_replies']} ({r['calm_unanswered']} unanswered) | {r['p50_ms']} ms"
            f" | {r['p95_ms']} ms | {r['p99_ms']} ms | {r['max_ms']} ms | {r['flood_messages']}"
            f" | {r['answers_to_flooder']} | {r['bot_cpu_seconds']} |"
        )


if __name__ == "__main__":
    main()
