"""Statistics with charts (/stats) and the Excel export (/export) for staff: curators see the
cohorts they curate, organizers and owners all. Hangs under the curators' StaffRouter, so a
learner never gets here (the staff guard answers them).

Owners' /stats starts with the registrations by region across the whole bot, as it always did.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
from html import escape
from pathlib import Path

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, FSInputFile, InputMediaPhoto, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.i18n import Localizer
from bot.people import access, regions
from bot.people.model import Cohort
from bot.reports.model import CohortStats
from bot.reports.service import ReportService
from bot.reports.stats import calls_text, summary_text
from bot.telegram import keyboards
from bot.telegram.callbacks import ReportCb
from bot.telegram.views.cohorts import may_see, visible_cohorts
from bot.telegram.views.common import split_text
from storage.cohorts import CohortRepository
from storage.users import UserRepository

ALBUM_MAX = 10  # photos in one sendMediaGroup


async def registrations_text(l10n: Localizer, users: UserRepository) -> str:
    """Owners: registered librarians per region, rural and urban."""
    rows = await users.count_by_region()
    if not rows:
        return l10n("stats-empty")
    per_region: dict[str, dict[str, int]] = {}
    for region, settlement, count in rows:
        per_region.setdefault(region, {})[settlement] = count
    lines = [
        l10n(
            "stats-line",
            region=l10n(regions.message_id(code)),
            rural=counts.get("rural", 0),
            urban=counts.get("urban", 0),
        )
        for code, counts in sorted(
            per_region.items(),
            key=lambda item: regions.ALL.index(item[0]) if item[0] in regions.ALL else len(regions.ALL),
        )
    ]
    total = sum(count for _, _, count in rows)
    return l10n("stats-header", total=total) + "\n" + "\n".join(lines)


async def send_stats(bot: Bot, chat_id: int, l10n: Localizer, stats: CohortStats) -> None:
    """The summary, the charts as one album, then who needs a call."""
    await bot.send_message(chat_id, summary_text(l10n, stats))
    if stats.empty:
        return
    # matplotlib loads on the first /stats, not at every start (about 0.5 s and 30 MB).
    from bot.reports.charts import rendered

    pictures = await asyncio.to_thread(rendered, l10n, stats)  # drawing is CPU work: off the loop
    for start in range(0, len(pictures), ALBUM_MAX):
        chunk = pictures[start : start + ALBUM_MAX]
        if len(chunk) == 1:
            name, data = chunk[0]
            await bot.send_photo(chat_id, BufferedInputFile(data, name))
        else:
            await bot.send_media_group(
                chat_id, [InputMediaPhoto(media=BufferedInputFile(data, name)) for name, data in chunk]
            )
    for text in split_text(calls_text(l10n, stats.calls).split("\n")):
        await bot.send_message(chat_id, text)


def file_name(cohort: Cohort) -> str:
    """A file name Telegram and every system accept: letters (any script), digits and dashes."""
    stem = re.sub(r"[^\w]+", "-", cohort.name, flags=re.UNICODE).strip("-_")[:60] or "cohort"
    return f"{stem}-{cohort.id}.xlsx"


async def export_to_chat(bot: Bot, chat_id: int, l10n: Localizer, reports: ReportService, cohort: Cohort) -> None:
    await bot.send_message(chat_id, l10n("reports-export-working", name=escape(cohort.name)))
    with tempfile.TemporaryDirectory(prefix="oqu-export-") as folder:
        path = Path(folder) / file_name(cohort)
        sheets = await reports.export(cohort, l10n, path)
        caption = l10n(
            "reports-export-caption",
            name=escape(cohort.name),
            learners=cohort.active_learners,
            sheets=escape(", ".join(sheets)),
        )
        await bot.send_document(chat_id, FSInputFile(path, filename=path.name), caption=caption[:1024])


def _courses_to_add_up(cohorts: list[Cohort], titles: dict[int, str]) -> list[tuple[int, str]]:
    counts: dict[int, int] = {}
    for cohort in cohorts:
        counts[cohort.course_id] = counts.get(cohort.course_id, 0) + 1
    return [(cid, titles.get(cid, str(cid))) for cid, n in counts.items() if n > 1]


def setup() -> Router:
    router = Router(name="reports")

    async def course_titles(reports: ReportService, cohorts: list[Cohort], language: str) -> dict[int, str]:
        titles: dict[int, str] = {}
        for cohort in cohorts:
            if cohort.course_id not in titles:
                course = await reports.course_of(cohort)
                titles[cohort.course_id] = course.button_title(language)
        return titles

    @router.message(Command("stats"))
    async def stats_command(
        message: Message,
        l10n: Localizer,
        cohorts: CohortRepository,
        users: UserRepository,
        reports: ReportService,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        chat_id = message.chat.id
        if access.allowed(roles, access.OWNER):
            await message.answer(await registrations_text(l10n, users))
        found = await visible_cohorts(cohorts, message.from_user.id if message.from_user else chat_id, roles)
        if not found:
            await message.answer(l10n("reports-no-cohorts"))
            return
        if len(found) == 1:
            await send_stats(bot, chat_id, l10n, await reports.cohort_stats(found[0], l10n.locale))
            return
        courses = _courses_to_add_up(found, await course_titles(reports, found, l10n.locale))
        await message.answer(
            l10n("reports-pick-stats"), reply_markup=keyboards.report_cohorts_keyboard(l10n, found, "stats", courses)
        )

    @router.message(Command("export"))
    async def export_command(
        message: Message,
        l10n: Localizer,
        cohorts: CohortRepository,
        reports: ReportService,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        found = await visible_cohorts(cohorts, message.from_user.id if message.from_user else message.chat.id, roles)
        if not found:
            await message.answer(l10n("reports-no-cohorts"))
        elif len(found) == 1:
            await export_to_chat(bot, message.chat.id, l10n, reports, found[0])
        else:
            await message.answer(
                l10n("reports-pick-export"), reply_markup=keyboards.report_cohorts_keyboard(l10n, found, "export")
            )

    @router.callback_query(ReportCb.filter(F.action.in_({"stats", "export"})))
    async def cohort_button(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: ReportCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        reports: ReportService,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        cohort = await cohorts.get(callback_data.cohort_id)
        if cohort is None or not await may_see(cohorts, cohort, query.from_user.id, roles):
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        if callback_data.action == "stats":
            await send_stats(bot, query.from_user.id, l10n, await reports.cohort_stats(cohort, l10n.locale))
        else:
            await export_to_chat(bot, query.from_user.id, l10n, reports, cohort)

    @router.callback_query(ReportCb.filter(F.action == "course"))
    async def course_button(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: ReportCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        reports: ReportService,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        """Only the cohorts this person may see are added up: a curator's course view is the
        sum of the cohorts they curate."""
        found = [
            c
            for c in await visible_cohorts(cohorts, query.from_user.id, roles)
            if c.course_id == callback_data.course_id
        ]
        if not found:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        await send_stats(bot, query.from_user.id, l10n, await reports.course_stats(found, l10n.locale))

    return router
