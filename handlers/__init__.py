"""aiogram routers, one module per feature. Built fresh by ``get_routers`` for every dispatcher."""

from __future__ import annotations

from aiogram import Router

from bot.i18n import Translator
from handlers import (
    admin,
    cohorts,
    course_import,
    courses,
    delivery,
    delivery_report,
    fallback,
    help,
    language,
    new_cohort,
    profile,
    registration,
    roles,
    staff_guard,
    start,
)


def get_routers(translator: Translator) -> list[Router]:
    # Order matters. The staff guard refuses staff commands and buttons to everyone else before
    # any staff router sees them. Commands and menu buttons win over a form waiting for an
    # answer, so a person can always reach /help, /language or /profile. The fallback is last.
    return [
        staff_guard.setup(),
        start.setup(),
        admin.setup(),
        roles.setup(),
        help.setup(translator),
        language.setup(translator),
        profile.setup(translator),
        courses.setup(translator),
        cohorts.setup(),
        delivery_report.setup(),
        new_cohort.setup(),
        course_import.setup(),
        registration.setup(),
        delivery.setup(),
        fallback.setup(),
    ]
