"""The scheduler port: APScheduler behind it, and no domain package importing APScheduler."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.scheduling.aps import ApsScheduler


async def test_after_runs_once_and_a_new_registration_replaces_the_old() -> None:
    scheduler = ApsScheduler()
    scheduler.start()
    runs: list[str] = []

    async def first() -> None:
        runs.append("first")

    async def second() -> None:
        runs.append("second")

    try:
        scheduler.after("wake", timedelta(seconds=30), first)
        scheduler.after("wake", timedelta(milliseconds=20), second)
        for _ in range(100):
            if runs:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        assert runs == ["second"]
        assert not scheduler.has("wake")
    finally:
        scheduler.shutdown()


async def test_every_with_now_runs_at_once_and_cancel_forgets_it() -> None:
    scheduler = ApsScheduler()
    scheduler.start()
    runs: list[int] = []

    async def tick() -> None:
        runs.append(1)

    try:
        scheduler.every("tick", 3600, tick, now=True)
        for _ in range(100):
            if runs:
                break
            await asyncio.sleep(0.01)
        assert runs == [1]
        assert scheduler.has("tick")
        scheduler.cancel("tick")
        scheduler.cancel("tick")  # twice is harmless
        assert not scheduler.has("tick")
    finally:
        scheduler.shutdown()


async def test_cron_fires_at_the_local_hour_of_its_time_zone() -> None:
    scheduler = ApsScheduler()
    scheduler.start()

    async def digest() -> None:
        pass

    try:
        scheduler.cron("digest", digest, timezone="Asia/Almaty", hour=9, minute=30)
        moment = scheduler.next_run("digest")
        assert moment is not None and moment > datetime.now(UTC)
        local = moment.astimezone(UTC) + timedelta(hours=5)  # Asia/Almaty is UTC+5
        assert (local.hour, local.minute) == (9, 30)
    finally:
        scheduler.shutdown()
