"""Middlewares: load the person, then pick their language."""

from bot.middlewares.locale import LocaleMiddleware

__all__ = ["LocaleMiddleware"]
