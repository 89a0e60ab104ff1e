"""Joining a cohort from its invite link, and telling the person how it went."""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from aiogram import Bot

from bot.clock import Clock
from bot.courses.catalog import course_for_version
from bot.delivery.join_schedule import JoinSchedule, join_schedule
from bot.delivery.service import DeliveryService
from bot.i18n import Localizer
from bot.people.enrolment import EnrolmentService, EnrolResult, Outcome
from bot.people.model import Cohort
from bot.telegram import keyboards
from bot.telegram.views.surveys import before_invite
from bot.text import dates
from storage.courses import CourseRepository


def schedule_text(l10n: Localizer, schedule: JoinSchedule, cohort: Cohort, catch_up_minutes: int) -> str:
    tz = ZoneInfo(cohort.timezone)

    def moment(at: datetime) -> str:
        return dates.moment_label(l10n.locale, at.astimezone(tz))

    if schedule.first is None:
        return l10n("enrol-schedule-first", first=l10n("courses-all-released"))
    first = l10n("enrol-first-now") if schedule.first_is_now else moment(schedule.first)
    if not schedule.late:
        return l10n("enrol-schedule-first", first=first)
    if schedule.next_new is None:
        return l10n("enrol-schedule-late-all", given=schedule.given, minutes=catch_up_minutes, first=first)
    return l10n(
        "enrol-schedule-late",
        given=schedule.given,
        minutes=catch_up_minutes,
        first=first,
        next=moment(schedule.next_new),
    )


async def refusal_text(l10n: Localizer, courses: CourseRepository, result: EnrolResult) -> str:
    """Why the person cannot join the cohort of an invite link (closed, full, unknown link)."""
    if result.cohort is None:
        return l10n("enrol-unknown")
    course = await course_for_version(courses, result.cohort.version_id)
    title = escape(course.text(course.title, l10n.locale))
    return l10n(f"enrol-{result.outcome.value}", title=title, cohort=escape(result.cohort.name))


async def enrol_and_tell(
    bot: Bot,
    chat_id: int,
    l10n: Localizer,
    code: str,
    enrolment: EnrolmentService,
    courses: CourseRepository,
    delivery: DeliveryService,
    clock: Clock,
) -> Outcome:
    """Enrol, tell the person how it went and when their lessons come, then let delivery start:
    the confirmation comes before the first lesson, not after it."""
    result = await enrolment.enrol(chat_id, code, clock.now())
    if result.cohort is None:
        await bot.send_message(chat_id, l10n("enrol-unknown"), reply_markup=keyboards.main_menu(l10n))
        return result.outcome
    cohort = result.cohort
    course = await course_for_version(courses, cohort.version_id)
    title = escape(course.text(course.title, l10n.locale))
    if result.outcome is Outcome.ENROLLED:
        schedule = await join_schedule(delivery.repo, course, cohort, chat_id, clock.now())
        description = course.text(course.description, l10n.locale) if course.description else ""
        text = l10n(
            "enrol-done",
            title=title,
            cohort=escape(cohort.name),
            start=dates.date_label(l10n.locale, cohort.start_date),
            schedule=schedule_text(l10n, schedule, cohort, delivery.settings.catch_up_minutes),
            lessons=len(course.lessons),
            hours=f"{course.hours:g}",
        )
        if description:
            # Validated as Telegram HTML when the course was imported: inserted as it is.
            text += "\n\n" + description
    else:
        text = l10n(f"enrol-{result.outcome.value}", title=title, cohort=escape(cohort.name))
    await bot.send_message(chat_id, text, reply_markup=keyboards.main_menu(l10n))
    if result.outcome is Outcome.ENROLLED:
        # The self-assessment "before" is asked now, before the first lesson (a late joiner too).
        invite = before_invite(l10n, course, cohort.id)
        if invite is not None:
            await bot.send_message(chat_id, invite[0], reply_markup=invite[1])
        delivery.wake()
    return result.outcome
