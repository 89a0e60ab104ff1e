"""aiogram routers, one module per feature. Built fresh by ``get_routers`` for every dispatcher."""

from __future__ import annotations

from aiogram import Router

from bot.i18n import Translator
from handlers import admin, fallback, help, language, profile, registration, start


def get_routers(translator: Translator) -> list[Router]:
    # Order matters: commands and menu buttons win over a form waiting for an answer, so a
    # person can always reach /help, /language or /profile; the fallback comes last.
    return [
        start.setup(),
        admin.setup(),
        help.setup(translator),
        language.setup(translator),
        profile.setup(translator),
        registration.setup(),
        fallback.setup(),
    ]
