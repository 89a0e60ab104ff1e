"""Start the bot for real: check the token, open the database, poll, and stop cleanly."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from aiogram.exceptions import TelegramUnauthorizedError
from aiogram.utils.token import TokenValidationError, validate_token

from bot.app import Application
from bot.config import Settings

log = logging.getLogger("bot")

EXIT_CONFIG = 2

TOKEN_HELP = (
    "Get a token from @BotFather in Telegram (send /newbot, or /token for an existing bot) "
    "and put it in .env as BOT_TOKEN=123456789:AA... (see .env.example)."
)


def check_token(settings: Settings) -> str | None:
    """A one-line problem with the token, or None if it looks right."""
    token = settings.bot_token.get_secret_value().strip()
    if not token:
        return f"BOT_TOKEN is not set. {TOKEN_HELP}"
    try:
        validate_token(token)
    except TokenValidationError:
        return f"BOT_TOKEN does not look like a bot token. {TOKEN_HELP}"
    return None


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


async def run_bot(settings: Settings) -> int:
    problem = check_token(settings)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_CONFIG
    app = await Application.build(settings)
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
    return 0
