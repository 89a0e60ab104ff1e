"""Start the bot for real: check the token, open the database, poll, and stop cleanly."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys

from aiogram.exceptions import TelegramUnauthorizedError

from bot.app import Application
from bot.config import TOKEN_HELP, Settings, check_token
from bot.leftovers import leftovers
from storage.lock import DatabaseInUseError

log = logging.getLogger("bot")

EXIT_CONFIG = 2  # also in bot/__main__.py, which answers before importing aiogram


async def run_bot(settings: Settings) -> int:
    problem = check_token(settings)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_CONFIG
    try:
        app = await Application.build(settings)
    except DatabaseInUseError as exc:
        who = f" (process {exc.holder})" if exc.holder else ""
        print(
            f"The database {settings.database_path} is in use by another process{who}: the bot is "
            "already running on it, or a restore is under way.",
            file=sys.stderr,
        )
        return EXIT_CONFIG
    main_task = asyncio.current_task()
    loop = asyncio.get_running_loop()

    stopping: set[asyncio.Task] = set()

    def on_signal(signum: int) -> None:
        log.info("%s received, stopping", signal.Signals(signum).name)
        if app.polling:
            task = loop.create_task(app.stop())
            stopping.add(task)
            task.add_done_callback(stopping.discard)
        elif main_task is not None:
            main_task.cancel()

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, on_signal, signum)
    try:
        await app.run(handle_signals=False)
    except TelegramUnauthorizedError:
        print(
            "The Telegram Bot API rejected BOT_TOKEN (401 Unauthorized): the token is wrong or "
            f"was revoked. {TOKEN_HELP}",
            file=sys.stderr,
        )
        return EXIT_CONFIG
    except asyncio.CancelledError:
        log.info("stopped before polling started")
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        await app.close()
        log.info("stopped; database closed")
    if await leftovers():
        # Everything is recorded and the database is closed; what is left would only keep the
        # process from exiting (see bot/leftovers.py), so leave now.
        logging.shutdown()
        os._exit(0)
    return 0
