"""The real bot, built exactly as ``python -m bot`` builds it, polling the emulator."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.app import Application
from bot.config import Settings
from tests.auxil.emulator import BotAPIEmulator

STOP_LIMIT = 15.0


@dataclass
class RunningBot:
    """Start, stop and restart the bot against one emulator and one database file."""

    emu: BotAPIEmulator
    database_path: Path
    admin_ids: str = ""
    #: More settings, e.g. ``{"webhook_url": ...}`` for webhook mode.
    extra: dict[str, Any] = field(default_factory=dict)
    app: Application | None = None
    _task: asyncio.Task | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        return Settings(
            _env_file=None,
            bot_token=self.emu.token,
            admin_ids=self.admin_ids,
            database_path=self.database_path,
            telegram_api_url=self.emu.base_url,
            polling_timeout=5,
            # Fake users click at machine speed, faster than any person: no throttling unless asked.
            **{"throttle_rate": 0, **self.extra},
        )

    async def start(self) -> Application:
        self.app = await Application.build(self.settings(), strict_i18n=True)
        self._task = asyncio.create_task(self.app.run(handle_signals=False))
        # Ready when polling has begun: the startup hook sets ``polling``.
        for _ in range(500):
            if self.app.polling:
                return self.app
            if self._task.done():
                self._task.result()
            await asyncio.sleep(0.01)
        raise AssertionError("the bot did not start polling")

    async def stop(self) -> None:
        if self.app is None or self._task is None:
            return
        try:
            await asyncio.wait_for(asyncio.shield(self.app.stop()), STOP_LIMIT)
            await asyncio.wait_for(asyncio.shield(self._task), STOP_LIMIT)
        except TimeoutError:
            # A graceful stop that hangs is a bug (it once did: a cancelled write left the
            # connection inside a transaction). Fail the test loudly, without hanging the suite.
            await self.crash()
            raise AssertionError(f"the bot did not stop within {STOP_LIMIT} s of a graceful stop") from None
        await self.app.close()
        self.app, self._task = None, None

    async def crash(self) -> None:
        """Stop without any grace, as a killed process would.

        Cancelling ``app.run`` alone is not enough: aiogram's ``start_polling`` waits for its
        polling tasks with ``asyncio.wait``, which does not cancel them, so the old instance kept
        polling (with the next instance getting "Conflict") and handled updates with a closed
        database. A killed process leaves nothing behind, so neither may this.
        """
        if self.app is None or self._task is None:
            return
        for task in dispatcher_tasks(self.app):
            task.cancel()
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        await self.app.close()
        self.app, self._task = None, None

    async def restart(self) -> Application:
        await self.stop()
        return await self.start()


def dispatcher_tasks(app: Application) -> list[asyncio.Task]:
    """The tasks aiogram's dispatcher started for this app: its pollers and update handlers."""
    owners = (app.dp, getattr(app.dp, "_stop_signal", None))
    found = []
    for task in asyncio.all_tasks():
        frame = getattr(task.get_coro(), "cr_frame", None)
        owner = frame.f_locals.get("self") if frame is not None else None
        if owner is not None and any(owner is o for o in owners) and not task.done():
            found.append(task)
    return found


@contextlib.asynccontextmanager
async def running_bot(tmp_path: Path, *, admin_ids: str = "", **extra: Any) -> AsyncIterator[RunningBot]:
    async with BotAPIEmulator() as emu:
        runner = RunningBot(emu, tmp_path / "bot.sqlite3", admin_ids, extra)
        await runner.start()
        try:
            yield runner
        finally:
            await runner.stop()
