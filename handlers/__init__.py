"""aiogram routers, one module per feature. Built fresh by ``get_routers`` for every dispatcher."""

from __future__ import annotations

from aiogram import Router

from bot.i18n import Translator
from bot.people import access
from bot.telegram.staff import StaffRouter
from handlers import (
    broadcasts,
    certificates,
    cohorts,
    completion,
    course_import,
    courses,
    delivery,
    delivery_report,
    fallback,
    help,
    homework,
    homework_group,
    homework_review,
    language,
    live_quiz,
    new_cohort,
    privacy,
    profile,
    quizzes,
    registration,
    reports,
    roles,
    staff_guard,
    start,
    status,
    surveys,
)


def staff_routers() -> list[StaffRouter]:
    """Every staff feature, under the router of the role it needs (see bot.telegram.staff)."""
    look_at_cohorts, change_cohorts = cohorts.setup()
    live_host, live_binding = live_quiz.staff_setup()
    return [
        StaffRouter(access.OWNER, roles.setup(), status.setup()),
        StaffRouter(
            access.ORGANIZER,
            change_cohorts,
            delivery_report.setup(),
            broadcasts.setup(),
            certificates.staff_setup(),
            new_cohort.setup(),
            course_import.setup(),
            live_binding,
            completion.finish_setup(),
        ),
        StaffRouter(
            access.CURATOR,
            look_at_cohorts,
            homework_review.setup(),
            homework_group.setup(),
            live_host,
            completion.results_setup(),
            reports.setup(),
        ),
    ]


def get_routers(translator: Translator) -> list[Router]:
    # Order matters. Commands and menu buttons win over a form waiting for an answer, so a
    # person can always reach /help, /language or /profile (forms take no /command as an
    # answer either). The staff guard refuses, right after the staff routers, what they turned
    # away. The fallback is last.
    staff = staff_routers()
    return [
        certificates.setup(),  # before /start: its verification deep link is not an invite
        start.setup(),
        help.setup(translator),
        language.setup(translator),
        profile.setup(translator),
        privacy.setup(),
        courses.setup(translator),
        homework.setup(),
        *staff,
        staff_guard.setup(staff),
        surveys.setup(),
        registration.setup(),
        delivery.setup(),
        homework.parts(),
        quizzes.setup(),
        live_quiz.setup(),
        fallback.setup(),
    ]
