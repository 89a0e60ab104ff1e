"""Webhook mode: Telegram posts updates to the bot's own HTTP server instead of being polled.

aiogram's ``SimpleRequestHandler`` does the work: it refuses (401) a request whose
``X-Telegram-Bot-Api-Secret-Token`` header is missing or wrong, so a stranger who finds the URL
cannot feed the bot updates, and it answers Telegram at once, handling the update in the
background (as polling does). ``GET /healthz`` answers 200 for load balancers and monitors.

The route is registered by hand, not with ``SimpleRequestHandler.register``: that would also
close the bot's HTTP session when the server shuts down, before the delivery sender has
finished the messages in flight. ``Application.close`` closes it last.
"""

from __future__ import annotations

import logging
import os
import secrets

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot.config import HEALTH_PATH, Settings

log = logging.getLogger(__name__)


def webhook_secret(settings: Settings) -> str:
    """WEBHOOK_SECRET, or the one generated on the first start and kept beside the database.

    Kept, not generated afresh at every start: Telegram keeps retrying updates it could not
    deliver with the secret it was given, and a restart must not turn them away.
    """
    if settings.webhook_secret is not None:
        return settings.webhook_secret.get_secret_value()
    path = settings.webhook_secret_path
    try:
        kept = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        kept = ""
    if kept:
        return kept
    secret = secrets.token_urlsafe(48)  # 64 characters of A-Z a-z 0-9 _ -
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created readable by the bot's user only: the secret is as good as a password.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as file:
        file.write(secret + "\n")
    log.info("generated a webhook secret and kept it in %s", path)
    return secret


async def _healthz(request: web.Request) -> web.Response:
    return web.Response(text="ok\n")


def create_webhook_app(dp: Dispatcher, bot: Bot, *, path: str, secret: str) -> web.Application:
    """The aiohttp application: the webhook at ``path`` and ``GET /healthz``.

    Starting it (``AppRunner.setup``) runs the dispatcher's startup hooks; cleaning it up runs
    the shutdown hooks after the server has stopped taking requests.
    """
    app = web.Application()
    handler = SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=secret)
    app.router.add_route("POST", path, handler.handle)
    app.router.add_get(HEALTH_PATH, _healthz)
    setup_application(app, dp, bot=bot)
    return app


__all__ = ["create_webhook_app", "webhook_secret"]
