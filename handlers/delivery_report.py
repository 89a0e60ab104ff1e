"""The organizer's view of delivery (/delivery): per cohort and lesson, planned, sent,
unreachable and failed; the learners to phone; pausing and resuming a cohort."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.delivery.planning import ResumeMode
from bot.delivery.report import cohort_report
from bot.delivery.service import DeliveryService
from bot.i18n import Localizer
from bot.telegram.callbacks import DeliveryReportCb
from bot.telegram.views import send_or_edit
from bot.telegram.views.delivery_report import cohort_view, cohorts_view, lesson_view, unreachable_view
from storage.cohorts import CohortRepository


def setup() -> Router:
    router = Router(name="delivery_report")

    @router.message(Command("delivery"))
    async def delivery_command(message: Message, cohorts: CohortRepository, l10n: Localizer) -> None:
        text, keyboard = cohorts_view(l10n, await cohorts.all())
        await message.answer(text, reply_markup=keyboard)

    @router.callback_query(DeliveryReportCb.filter())
    async def report_button(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: DeliveryReportCb,
        cohorts: CohortRepository,
        delivery: DeliveryService,
        l10n: Localizer,
        bot: Bot,
    ) -> None:
        action = callback_data.action
        if action == "list":
            text, keyboard = cohorts_view(l10n, await cohorts.all())
            await send_or_edit(bot, query, text, keyboard)
            return
        note = await _act(delivery, action, callback_data.cohort_id, l10n)
        cohort = await cohorts.get(callback_data.cohort_id)
        if cohort is None:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        report = await cohort_report(delivery.repo, delivery.courses, cohort, l10n.locale)
        if action == "lesson":
            line = next((x for x in report.lines if x.key == callback_data.item), None)
            if line is None:
                callback_answer.text = l10n("button-outdated")
                callback_answer.show_alert = True
                return
            unreachable = await delivery.repo.unreachable_learners(cohort.id, line.key)
            failed = await delivery.repo.failed_learners(cohort.id, line.key) + await delivery.repo.failed_learners(
                cohort.id, f"{line.key}.hw"
            )
            text, keyboard = lesson_view(l10n, report, line, unreachable, failed, callback_data.page)
        elif action == "unreachable":
            text, keyboard = unreachable_view(l10n, report, callback_data.page)
        else:
            text, keyboard = cohort_view(l10n, report, callback_data.page)
        callback_answer.text = note or None
        await send_or_edit(bot, query, text, keyboard)

    return router


async def _act(delivery: DeliveryService, action: str, cohort_id: int, l10n: Localizer) -> str:
    """Pause or resume; returns the note to show ("" for the actions that only look)."""
    if action == "pause":
        return l10n("delivery-paused" if await delivery.pause(cohort_id) else "delivery-not-changed")
    if action in ("shift", "missed"):
        mode = ResumeMode.SHIFT if action == "shift" else ResumeMode.SEND_MISSED
        result = await delivery.resume(cohort_id, mode)
        if result is None:
            return l10n("delivery-not-changed")
        if mode is ResumeMode.SHIFT:
            return l10n("delivery-resumed-shift", days=result.shift_days)
        return l10n("delivery-resumed-missed")
    return ""
