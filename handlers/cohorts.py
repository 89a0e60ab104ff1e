"""Cohorts for staff: the list, a cohort's card, its invite, its learners, and changes to it."""

from __future__ import annotations

import contextlib
from html import escape

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.clock import Clock
from bot.courses.catalog import course_for_version
from bot.i18n import Localizer
from bot.people import access
from bot.people.enrolment import EnrolmentService
from bot.people.model import Cohort, Learner
from bot.telegram import keyboards
from bot.telegram.callbacks import CohortAdminCb, CohortCb
from bot.telegram.keyboards import page_of
from bot.telegram.views import drop_buttons, send_or_edit
from bot.telegram.views.cohorts import card, invite_text_and_qr, learners_page, may_see, visible_cohorts
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository
from storage.roles import RoleRepository
from storage.users import UserRepository

TOGGLED = {"close": "cohort-closed", "reopen": "cohort-reopened"}
REMOVE_PAGE = 30  # learners per page of the "remove a learner" buttons


async def show_list(bot: Bot, chat_id: int, l10n: Localizer, cohorts: CohortRepository, roles: frozenset[str]) -> None:
    found = await visible_cohorts(cohorts, chat_id, roles)
    text = l10n("cohort-list", count=len(found)) if found else l10n("cohort-list-empty")
    markup = keyboards.cohort_list_keyboard(l10n, found, can_create=access.allowed(roles, access.ORGANIZER))
    await bot.send_message(chat_id, text, reply_markup=markup)


async def show_card(
    bot: Bot,
    chat_id: int,
    l10n: Localizer,
    courses: CourseRepository,
    cohort: Cohort,
    roles: frozenset[str],
    clock: Clock,
) -> None:
    text = await card(l10n, courses, cohort, clock)
    await bot.send_message(chat_id, text, reply_markup=keyboards.cohort_card_keyboard(l10n, cohort, roles))


async def load(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    cohort_id: int,
    l10n: Localizer,
    cohorts: CohortRepository,
    roles: frozenset[str],
) -> Cohort | None:
    """The cohort a button names, if it still exists and this person may see it."""
    cohort = await cohorts.get(cohort_id)
    if cohort is None or not await may_see(cohorts, cohort, query.from_user.id, roles):
        callback_answer.text = l10n("button-outdated")
        callback_answer.show_alert = True
        return None
    return cohort


async def learners_or_none(
    bot: Bot, chat_id: int, l10n: Localizer, cohorts: CohortRepository, cohort: Cohort
) -> list[Learner]:
    """The cohort's learners; when there are none, the organizer is told so."""
    people = await cohorts.learners(cohort.id)
    if not people:
        await bot.send_message(chat_id, l10n("cohort-learners-none", name=escape(cohort.name)))
    return people


def setup() -> tuple[Router, Router]:
    """Two routers: looking (curators and up) and changing (organizers and up)."""
    router = Router(name="cohorts")
    admin = Router(name="cohorts-admin")

    @router.message(Command("cohorts"))
    async def cohorts_command(
        message: Message, l10n: Localizer, cohorts: CohortRepository, roles: frozenset[str], bot: Bot
    ) -> None:
        await show_list(bot, message.chat.id, l10n, cohorts, roles)

    @router.callback_query(CohortCb.filter(F.action == "list"))
    async def list_again(
        query: CallbackQuery, l10n: Localizer, cohorts: CohortRepository, roles: frozenset[str], bot: Bot
    ) -> None:
        await show_list(bot, query.from_user.id, l10n, cohorts, roles)

    @router.callback_query(CohortCb.filter(F.action == "card"))
    async def open_card(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CohortCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        courses: CourseRepository,
        roles: frozenset[str],
        clock: Clock,
        bot: Bot,
    ) -> None:
        cohort = await load(query, callback_answer, callback_data.cohort_id, l10n, cohorts, roles)
        if cohort:
            await show_card(bot, query.from_user.id, l10n, courses, cohort, roles, clock)

    @router.callback_query(CohortCb.filter(F.action == "invite"))
    async def invite(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CohortCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        cohort = await load(query, callback_answer, callback_data.cohort_id, l10n, cohorts, roles)
        if cohort is None:
            return
        text, png, _ = await invite_text_and_qr(bot, l10n, cohort)
        await bot.send_photo(query.from_user.id, BufferedInputFile(png, f"invite-{cohort.id}.png"), caption=text)

    @router.callback_query(CohortCb.filter(F.action == "learners"))
    async def learners(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CohortCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        """One message, paged: a cohort of 1,000 used to be some 29 messages in one burst."""
        cohort = await load(query, callback_answer, callback_data.cohort_id, l10n, cohorts, roles)
        people = cohort and await learners_or_none(bot, query.from_user.id, l10n, cohorts, cohort)
        if not cohort or not people:
            return
        text, page, pages = learners_page(l10n, cohort, people, max(callback_data.page - 1, 0))
        markup = keyboards.cohort_learners_keyboard(l10n, cohort.id, page, pages)
        await send_or_edit(bot, query, text, markup, in_place=callback_data.page > 0)

    @admin.callback_query(CohortAdminCb.filter(F.action.in_({"close", "reopen"})))
    async def toggle(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CohortAdminCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        courses: CourseRepository,
        roles: frozenset[str],
        clock: Clock,
        bot: Bot,
    ) -> None:
        cohort = await load(query, callback_answer, callback_data.cohort_id, l10n, cohorts, roles)
        if cohort is None:
            return
        await cohorts.set_enrolment_open(cohort.id, callback_data.action == "reopen")
        await drop_buttons(bot, query.from_user.id, query.message.message_id if query.message else None)
        await bot.send_message(query.from_user.id, l10n(TOGGLED[callback_data.action], name=escape(cohort.name)))
        updated = await cohorts.get(cohort.id)
        if updated:
            await show_card(bot, query.from_user.id, l10n, courses, updated, roles, clock)

    @admin.callback_query(CohortAdminCb.filter(F.action == "remove"))
    async def remove_pick(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CohortAdminCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        """Whom to remove: a button per learner, 30 a page (Telegram allows 100 buttons under a
        message; a cohort may have more); turning the page edits the list in place."""
        cohort = await load(query, callback_answer, callback_data.cohort_id, l10n, cohorts, roles)
        people = cohort and await learners_or_none(bot, query.from_user.id, l10n, cohorts, cohort)
        if not cohort or not people:
            return
        shown, page, pages = page_of(people, max(callback_data.page - 1, 0), REMOVE_PAGE)
        text = l10n("cohort-remove-who", name=escape(cohort.name))
        if pages > 1:
            text += "\n" + l10n("page-of", page=page + 1, pages=pages)
        markup = keyboards.remove_learner_keyboard(l10n, cohort.id, shown, page, pages)
        await send_or_edit(bot, query, text, markup, in_place=callback_data.page > 0)

    @admin.callback_query(CohortAdminCb.filter(F.action == "remove-ask"))
    async def remove_ask(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CohortAdminCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        users: UserRepository,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        cohort = await load(query, callback_answer, callback_data.cohort_id, l10n, cohorts, roles)
        person = await users.get(callback_data.user_id)
        if cohort is None or person is None:
            return
        await bot.send_message(
            query.from_user.id,
            l10n(
                "cohort-remove-confirm",
                person=escape(person.full_name or str(person.telegram_id)),
                name=escape(cohort.name),
            ),
            reply_markup=keyboards.remove_confirm_keyboard(l10n, cohort.id, person.telegram_id),
        )

    @admin.callback_query(CohortAdminCb.filter(F.action == "remove-yes"))
    async def remove_do(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CohortAdminCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        users: UserRepository,
        enrolment: EnrolmentService,
        courses: CourseRepository,
        roles: frozenset[str],
        clock: Clock,
        bot: Bot,
    ) -> None:
        cohort = await load(query, callback_answer, callback_data.cohort_id, l10n, cohorts, roles)
        person = await users.get(callback_data.user_id)
        if cohort is None or person is None:
            return
        await drop_buttons(bot, query.from_user.id, query.message.message_id if query.message else None)
        removed = await enrolment.remove(cohort.id, person.telegram_id, clock.now())
        name = escape(person.full_name or str(person.telegram_id))
        await bot.send_message(
            query.from_user.id,
            l10n("cohort-removed" if removed else "cohort-remove-not-there", person=name, name=escape(cohort.name)),
        )
        if removed:
            theirs = l10n.with_locale(person.language or l10n.locale)
            course = await course_for_version(courses, cohort.version_id)
            with contextlib.suppress(TelegramForbiddenError, TelegramBadRequest):
                await bot.send_message(
                    person.telegram_id,
                    theirs("course-removed-notice", course=escape(course.text(course.title, theirs.locale))),
                )

    @admin.callback_query(CohortAdminCb.filter(F.action == "curator"))
    async def curator_pick(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CohortAdminCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        role_repo: RoleRepository,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        cohort = await load(query, callback_answer, callback_data.cohort_id, l10n, cohorts, roles)
        if cohort is None:
            return
        already = set(await cohorts.curators(cohort.id))
        candidates = [
            (uid, name) for uid, role, name in await role_repo.holders() if role == "curator" and uid not in already
        ]
        if not candidates:
            await bot.send_message(query.from_user.id, l10n("cohort-curator-none"))
            return
        await bot.send_message(
            query.from_user.id,
            l10n("cohort-curator-who", name=escape(cohort.name)),
            reply_markup=keyboards.curator_candidates_keyboard(cohort.id, candidates),
        )

    @admin.callback_query(CohortAdminCb.filter(F.action == "curator-add"))
    async def curator_add(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CohortAdminCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        role_repo: RoleRepository,
        users: UserRepository,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        cohort = await load(query, callback_answer, callback_data.cohort_id, l10n, cohorts, roles)
        person = await users.get(callback_data.user_id)
        if cohort is None or person is None:
            return
        if "curator" not in await role_repo.roles_of(person.telegram_id):
            await bot.send_message(query.from_user.id, l10n("button-outdated"))
            return
        await cohorts.add_curator(cohort.id, person.telegram_id)
        await drop_buttons(bot, query.from_user.id, query.message.message_id if query.message else None)
        await bot.send_message(
            query.from_user.id,
            l10n(
                "cohort-curator-added",
                person=escape(person.full_name or str(person.telegram_id)),
                name=escape(cohort.name),
            ),
        )

    return router, admin
