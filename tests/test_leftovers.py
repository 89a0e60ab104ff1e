"""What is left after the bot stopped is named in the log, so a stopped bot never hangs unseen."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.leftovers import leftovers


async def test_nothing_left_after_a_clean_stop() -> None:
    async def quiet() -> None:
        await asyncio.sleep(3600)

    task = asyncio.create_task(quiet(), name="a-polite-task")
    await asyncio.sleep(0)
    assert await leftovers(grace=1.0) == []
    assert task.cancelled()


async def test_a_task_that_ignores_cancellation_is_named(caplog: pytest.LogCaptureFixture) -> None:
    release = asyncio.Event()

    async def stubborn() -> None:
        while not release.is_set():
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                continue  # the kind of loop that would keep asyncio.run from returning

    task = asyncio.create_task(stubborn(), name="a-stubborn-task")
    await asyncio.sleep(0)
    with caplog.at_level(logging.WARNING, logger="bot"):
        stuck = await leftovers(grace=0.2)
    assert [line for line in stuck if "a-stubborn-task" in line]
    assert "still running after the bot stopped: task a-stubborn-task" in caplog.text
    release.set()
    task.cancel()
    await asyncio.wait([task], timeout=1)
