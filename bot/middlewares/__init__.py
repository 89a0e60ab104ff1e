"""Middlewares: one update at a time per person; then load the person (language, roles)."""

from bot.middlewares.person import PersonMiddleware
from bot.middlewares.serialize import PerUserSerializer

__all__ = ["PerUserSerializer", "PersonMiddleware"]
