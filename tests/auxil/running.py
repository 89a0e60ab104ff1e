"""The real bot, built exactly as ``python -m bot`` builds it, polling the emulator."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

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
        """Stop without any grace, as a killed process would: no shutdown hooks run."""
        if self.app is None or self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        await self.app.close()
        self.app, self._task = None, None

    async def restart(self) -> Application:
        await self.stop()
        return await self.start()


@contextlib.asynccontextmanager
async def running_bot(tmp_path: Path, *, admin_ids: str = "") -> AsyncIterator[RunningBot]:
    async with BotAPIEmulator() as emu:
        runner = RunningBot(emu, tmp_path / "bot.sqlite3", admin_ids)
        await runner.start()
        try:
            yield runner
        finally:
            await runner.stop()
