"""Owners hear of failures that happen away from any update, too.

A failing update is caught by :func:`bot.telegram.errors.on_error`. Work the bot does by
itself (the delivery tick and dispatcher, a scheduler job, a daily backup, a live quiz's loop)
catches its own exceptions, logs them and tries again later, so the bot keeps running; but an
owner reading no log would never learn that, say, the daily backup has failed for a week.

:class:`BackgroundErrorAlerts` is a logging handler on the bot's own loggers and APScheduler's:
every ERROR record that carries an exception and no error id yet gets one (appended to the log
line and set as the record's ``error_id``, so the JSON log has it), and the owners get one alert
per kind of error per window, like failing updates (the same :class:`ErrorAlerts` budget).
"""

from __future__ import annotations

import asyncio
import html
import logging

from aiogram import Bot

from bot.config import Settings
from bot.i18n import Translator
from bot.telegram.errors import ErrorAlerts, error_kind, error_place, new_error_id, send_alert
from storage.users import UserRepository

# The loggers whose failures the owners hear of: our packages and the scheduler's job runner.
WATCHED_LOGGERS = ("bot", "handlers", "storage", "apscheduler")


class BackgroundErrorAlerts(logging.Handler):
    def __init__(
        self,
        settings: Settings,
        translator: Translator,
        users: UserRepository | None,
        alerts: ErrorAlerts,
    ) -> None:
        super().__init__(level=logging.ERROR)
        self.bot: Bot | None = None
        self.settings = settings
        self.translator = translator
        self.users = users
        self.alerts = alerts
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def attach(self, bot: Bot) -> None:
        """At startup (a dispatcher startup handler): alerts go out through this bot."""
        self.bot = bot
        self._loop = asyncio.get_running_loop()
        for name in WATCHED_LOGGERS:
            logging.getLogger(name).addHandler(self)

    async def detach(self) -> None:
        """At shutdown: no new alerts; the ones on their way are sent (each is one request)."""
        for name in WATCHED_LOGGERS:
            logging.getLogger(name).removeHandler(self)
        self._loop = None
        await self.drain()

    async def drain(self) -> None:
        """Wait for the alerts already on their way."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def emit(self, record: logging.LogRecord) -> None:
        loop = self._loop
        if loop is None or record.exc_info is None or record.exc_info[1] is None:
            return
        if getattr(record, "error_id", None) is not None:
            return  # a failing update: on_error has alerted already
        error = record.exc_info[1]
        error_id = new_error_id()
        # Handlers of the logger itself run before the root's: the line written there has the id.
        record.error_id = error_id
        record.msg = f"{record.msg} [error {error_id}]"
        kind = error_kind(error)
        held_back = self.alerts.admit(kind)
        if held_back is None:
            return
        args = {
            "error_id": error_id,
            "error_type": html.escape(kind),
            "place": html.escape(error_place(error)),
            "task": html.escape(record.name),
        }
        loop.call_soon_threadsafe(self._start, held_back, args)

    def _start(self, held_back: int, args: dict[str, str]) -> None:
        if self.bot is None:
            return
        alert = send_alert(
            self.bot, self.settings, self.translator, self.users, held_back, "error-alert-background", **args
        )
        task = asyncio.ensure_future(alert)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
