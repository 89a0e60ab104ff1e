"""Middlewares: one update at a time per person; load the person, then pick their language."""

from bot.middlewares.locale import LocaleMiddleware
from bot.middlewares.serialize import PerUserSerializer

__all__ = ["LocaleMiddleware", "PerUserSerializer"]
