"""Middlewares: hold back floods; one update at a time per person; then load the person (language, roles)."""

from bot.telegram.middlewares.in_progress import UpdatesInProgress
from bot.telegram.middlewares.person import PersonMiddleware
from bot.telegram.middlewares.serialize import PerUserSerializer
from bot.telegram.middlewares.throttle import Throttle

__all__ = ["PerUserSerializer", "PersonMiddleware", "Throttle", "UpdatesInProgress"]
