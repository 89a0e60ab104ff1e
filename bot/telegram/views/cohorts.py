"""A cohort as staff see it: its card, its invitation, its learners list (shared by the cohort
screens and the /newcohort wizard)."""

from __future__ import annotations

from html import escape
from zoneinfo import ZoneInfo

from aiogram import Bot

from bot.clock import Clock
from bot.courses.catalog import course_for_version
from bot.i18n import Localizer
from bot.people import access, regions
from bot.people.enrolment import enrolment_is_open, invite_payload
from bot.people.invites import invite_link, qr_png
from bot.people.model import Cohort, Learner
from bot.telegram.keyboards import page_of
from bot.telegram.views.common import split_text
from bot.text import dates
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository


async def visible_cohorts(cohorts: CohortRepository, user_id: int, roles: frozenset[str]) -> list[Cohort]:
    if access.allowed(roles, access.ORGANIZER):
        return await cohorts.all()
    return await cohorts.curated_by(user_id)


async def may_see(cohorts: CohortRepository, cohort: Cohort, user_id: int, roles: frozenset[str]) -> bool:
    return access.allowed(roles, access.ORGANIZER) or user_id in await cohorts.curators(cohort.id)


async def invite_text_and_qr(bot: Bot, l10n: Localizer, cohort: Cohort) -> tuple[str, bytes, str]:
    me = await bot.me()
    link = invite_link(me.username or "", invite_payload(cohort.invite_code))
    return l10n("cohort-invite", name=escape(cohort.name), link=link), qr_png(link), link


async def card(l10n: Localizer, courses: CourseRepository, cohort: Cohort, clock: Clock) -> str:
    course = await course_for_version(courses, cohort.version_id)
    deadline = (
        dates.moment_label(l10n.locale, cohort.enrol_until.astimezone(ZoneInfo(cohort.timezone)))
        if cohort.enrol_until
        else l10n("cohort-no-deadline")
    )
    state = "cohort-enrolment-open" if enrolment_is_open(cohort, clock.now()) else "cohort-enrolment-closed"
    return l10n(
        "cohort-card",
        name=escape(cohort.name),
        course=escape(course.text(course.title, l10n.locale)),
        start=dates.date_label(l10n.locale, cohort.start_date),
        timezone=cohort.timezone,
        deadline=deadline,
        capacity=cohort.capacity if cohort.capacity else l10n("cohort-no-limit"),
        learners=cohort.active_learners,
        enrolment=l10n(state),
    )


def learners_page(l10n: Localizer, cohort: Cohort, people: list[Learner], page: int) -> tuple[str, int, int]:
    """One page (from 0, clamped) of a cohort's learners list, that page, and how many there are.

    A page holds as many learners as fit one message (about 35), so a cohort of any size is one
    message whose arrows turn the page, never a burst of messages to one chat.
    """
    lines = [
        l10n(
            "cohort-learner-line",
            number=n,
            name=escape(p.full_name or "—"),
            region=l10n(regions.message_id(p.region)) if p.region in regions.ALL else "—",
            district=escape(p.district or "—"),
            library=escape(p.library or "—"),
            settlement=l10n(f"settlement-{p.settlement}") if p.settlement else "—",
        )
        for n, p in enumerate(people, start=1)
    ]
    texts, page, pages = page_of(split_text(lines) or [""], page, 1)
    header = l10n("cohort-learners", name=escape(cohort.name), count=len(people))
    text = f"{header}\n\n{texts[0]}"
    if pages > 1:
        text += "\n\n" + l10n("page-of", page=page + 1, pages=pages)
    return text, page, pages
