"""A cohort's results (curators of it and up: the card's 📊 Results and /results) and finishing
a cohort by hand (organizers: the card's 🏁 Finish, with a confirmation)."""

from __future__ import annotations

from html import escape

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.completion.service import CompletionService
from bot.courses.catalog import course_for_version
from bot.i18n import Localizer
from bot.people.model import Cohort
from bot.telegram import keyboards
from bot.telegram.callbacks import CompletionCb
from bot.telegram.views import drop_buttons, split_text
from bot.telegram.views.cohorts import may_see, visible_cohorts
from bot.telegram.views.completion import results_lines
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository


async def _visible(cohorts: CohortRepository, cohort_id: int, user_id: int, roles: frozenset[str]) -> Cohort | None:
    cohort = await cohorts.get(cohort_id)
    if cohort is None or not await may_see(cohorts, cohort, user_id, roles):
        return None
    return cohort


async def show_results(
    bot: Bot,
    chat_id: int,
    l10n: Localizer,
    cohort: Cohort,
    courses: CourseRepository,
    completion: CompletionService,
) -> None:
    results = await completion.results(cohort.id)
    if results is None:
        await bot.send_message(chat_id, l10n("button-outdated"))
        return
    course = await course_for_version(courses, cohort.version_id)
    for text in split_text(results_lines(l10n, cohort, course, results)):
        await bot.send_message(chat_id, text)


def results_setup() -> Router:
    """Under StaffRouter(CURATOR): a curator sees the cohorts she curates, organizers all."""
    router = Router(name="completion-results")

    @router.message(Command("results"))
    async def results_command(
        message: Message,
        l10n: Localizer,
        cohorts: CohortRepository,
        courses: CourseRepository,
        completion: CompletionService,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        found = await visible_cohorts(cohorts, message.chat.id, roles)
        if not found:
            await message.answer(l10n("completion-results-none"))
        elif len(found) == 1:
            await show_results(bot, message.chat.id, l10n, found[0], courses, completion)
        else:
            markup = keyboards.results_cohorts_keyboard(found)
            await message.answer(l10n("completion-results-pick"), reply_markup=markup)

    @router.callback_query(CompletionCb.filter(F.action == "results"))
    async def results_pressed(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CompletionCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        courses: CourseRepository,
        completion: CompletionService,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        cohort = await _visible(cohorts, callback_data.cohort_id, query.from_user.id, roles)
        if cohort is None:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        await show_results(bot, query.from_user.id, l10n, cohort, courses, completion)

    return router


def finish_setup() -> Router:
    """Under StaffRouter(ORGANIZER)."""
    router = Router(name="completion-finish")

    @router.callback_query(CompletionCb.filter(F.action == "finish"))
    async def finish_ask(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CompletionCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        bot: Bot,
    ) -> None:
        cohort = await cohorts.get(callback_data.cohort_id)
        if cohort is None or cohort.status == "finished":
            callback_answer.text = l10n("button-outdated" if cohort is None else "completion-already-finished")
            callback_answer.show_alert = True
            return
        await bot.send_message(
            query.from_user.id,
            l10n("completion-finish-confirm", name=escape(cohort.name)),
            reply_markup=keyboards.finish_confirm_keyboard(l10n, cohort.id),
        )

    @router.callback_query(CompletionCb.filter(F.action.in_({"finish-yes", "finish-no"})))
    async def finish_answer(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CompletionCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        completion: CompletionService,
        bot: Bot,
    ) -> None:
        cohort = await cohorts.get(callback_data.cohort_id)
        if cohort is None:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        if query.message is not None:
            await drop_buttons(bot, query.from_user.id, query.message.message_id)
        if callback_data.action == "finish-no":
            await bot.send_message(query.from_user.id, l10n("completion-finish-kept", name=escape(cohort.name)))
            return
        if not await completion.finish(cohort.id):
            await bot.send_message(query.from_user.id, l10n("completion-already-finished"))
            return
        await bot.send_message(query.from_user.id, l10n("completion-finished", name=escape(cohort.name)))

    return router
