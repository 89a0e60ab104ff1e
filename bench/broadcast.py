"""Broadcast benchmark: a message to the rural half of a cohort of 10,000 (5,000 copies).

    python -m bench.broadcast               # overall limit raised to 300/s (~20 s)
    python -m bench.broadcast --rate 30     # Telegram's own limit (~3 min)

Everything runs in this process: the database (the sample course planned for every learner, so
the deliveries table holds 200,000 other rows), the delivery service with the real sender and its
dispatcher on the real scheduler, and the Bot API emulator enforcing the overall limit and one
message per second per chat. Reported: counting the recipients, writing the broadcast and its
copies, one progress query (what the progress message reads every 3 s), messages per second
against the limit, 429s, lost and duplicated copies, and how often the progress message changed.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode

from bot.broadcasts.model import Audience, Broadcast, BroadcastContent, Progress
from bot.broadcasts.service import BroadcastService
from bot.clock import SystemClock
from bot.config import Settings
from bot.delivery.sender import sender_factory
from bot.delivery.service import DeliveryService
from bot.i18n import Translator
from bot.scheduling.aps import ApsScheduler
from storage.db import Database
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort
from tests.auxil.emulator import BotAPIEmulator

TEXT = "<b>Zoom</b>: бүгінгі кездесу 15:00-де басталады. Сілтеме: <a href='https://example.org/z'>кіру</a>"


class Timeline:
    """The progress view: when each change would have been shown."""

    def __init__(self) -> None:
        self.shown: list[tuple[float, Progress]] = []
        self.done = asyncio.Event()

    async def show(self, broadcast: Broadcast, progress: Progress) -> None:
        self.shown.append((time.monotonic(), progress))
        if broadcast.status != "sending" and progress.finished:
            self.done.set()


async def run(learners: int, rate: int, folder: Path) -> None:
    settings = Settings(
        _env_file=None,
        bot_token="123456:BENCH-token-abcdefghijklmnopqrstuvwxyz",
        database_path=folder / "bot.sqlite3",
        quiet_hours="off",
        send_rate=rate,
    )
    clock = SystemClock()
    db = await Database.open(settings.database_path)
    translator = Translator(default_locale="kk")
    now = clock.now()
    version = await import_version(db, SAMPLE, folder / "files")
    cohort = await make_cohort(db, version, date(2030, 1, 1), now)  # far ahead: no lesson is due
    people = range(1_000_000, 1_000_000 + learners)
    await add_learners(db, cohort, people, now)
    delivery = DeliveryService(db, settings, translator, clock)
    await delivery.planner.plan_cohort(cohort, now)
    other_rows = await db.fetchval("SELECT COUNT(*) FROM deliveries")

    async with BotAPIEmulator() as emu:
        for uid in people:
            emu.user(uid)
        emu.enforce_limits(per_second_overall=rate, per_chat_interval=1.0)
        bot = emu.create_bot(default=DefaultBotProperties(parse_mode=ParseMode.HTML))
        scheduler = ApsScheduler()
        scheduler.start()
        broadcasts = BroadcastService(db, delivery, clock)
        timeline = Timeline()
        await broadcasts.start(timeline)

        started = time.perf_counter()
        recipients = await broadcasts.recipients(cohort, Audience(settlement="rural"))
        counted = time.perf_counter() - started

        await delivery.start(sender_factory(bot, settings), scheduler=scheduler)
        t0 = time.monotonic()
        started = time.perf_counter()
        broadcast = await broadcasts.send(cohort, 1, "kk", BroadcastContent("text", TEXT), Audience(settlement="rural"))
        written = time.perf_counter() - started
        broadcasts.watch(broadcast.id)
        queries = []
        for _ in range(20):
            started = time.perf_counter()
            await broadcasts.repo.progress(broadcast)
            queries.append(time.perf_counter() - started)
        await asyncio.wait_for(timeline.done.wait(), 3600)
        elapsed = time.monotonic() - t0
        await delivery.stop()
        await broadcasts.stop()
        scheduler.shutdown()
        await bot.session.close()

        got = Counter(len(emu.user(uid).messages) for uid in people)
        expected = len(recipients.user_ids)
        gaps = [b[0] - a[0] for a, b in zip(timeline.shown, timeline.shown[1:], strict=False)]
        print(f"learners {learners:,}; other delivery rows {other_rows:,}; copies {expected:,}; limit {rate}/s")
        print(f"count the recipients: {counted * 1000:.0f} ms")
        print(f"write the broadcast and its copies: {written * 1000:.0f} ms")
        print(f"one progress query: median {statistics.median(queries) * 1000:.1f} ms")
        print(
            f"all sent in {elapsed:.1f} s: {expected / elapsed:.1f} messages/s"
            f" ({expected / elapsed / rate:.1%} of the limit)"
        )
        print(
            f"429s: {emu.stats['rate_limited']}; learners with 1 copy: {got[1]:,}, with 0: {got[0]:,}, with 2+: "
            f"{sum(n for k, n in got.items() if k >= 2)}"
        )
        print(f"progress shown {len(timeline.shown)} times; shortest gap {min(gaps, default=0):.1f} s")
        print(f"last: {timeline.shown[-1][1]}")
    await db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--rate", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(run(args.learners, args.rate, Path(folder)))


if __name__ == "__main__":
    main()
