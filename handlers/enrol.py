"""Joining a cohort from its invite link, and telling the person how it went."""

from __future__ import annotations

from html import escape
from zoneinfo import ZoneInfo

from aiogram import Bot

from bot import keyboards
from bot.clock import Clock
from bot.i18n import Localizer
from bot.services import dates
from bot.services.catalog import course_for_version, next_lesson
from bot.services.enrolment import EnrolmentService, Outcome
from storage.courses import CourseRepository


async def enrol_and_tell(bot: Bot, chat_id: int, l10n: Localizer, code: str, enrolment: EnrolmentService,
                         courses: CourseRepository, clock: Clock) -> Outcome:
    result = await enrolment.enrol(chat_id, code, clock.now())
    if result.cohort is None:
        await bot.send_message(chat_id, l10n("enrol-unknown"), reply_markup=keyboards.main_menu(l10n))
        return result.outcome
    cohort = result.cohort
    course = await course_for_version(courses, cohort.version_id)
    title = escape(course.text(course.title, l10n.locale))
    if result.outcome is Outcome.ENROLLED:
        coming = next_lesson(course, cohort, clock.now())
        first = (dates.moment_label(l10n.locale, coming.at.astimezone(ZoneInfo(cohort.timezone)))
                 if coming else l10n("courses-all-released"))
        description = course.text(course.description, l10n.locale) if course.description else ""
        text = l10n("enrol-done", title=title, cohort=escape(cohort.name),
                    start=dates.date_label(l10n.locale, cohort.start_date), first=first,
                    lessons=len(course.lessons), hours=f"{course.hours:g}")
        if description:
            text += "\n\n" + escape(description)
    else:
        text = l10n(f"enrol-{result.outcome.value}", title=title, cohort=escape(cohort.name))
    await bot.send_message(chat_id, text, reply_markup=keyboards.main_menu(l10n))
    return result.outcome
