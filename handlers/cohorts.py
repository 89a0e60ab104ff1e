"""Cohorts for staff: the list, a cohort's card, its invite, its learners, and changes to it."""

from __future__ import annotations

import contextlib
from html import escape
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import Command
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.clock import Clock
from bot.courses.catalog import course_for_version
from bot.i18n import Localizer
from bot.people import access, regions
from bot.people.enrolment import EnrolmentService, enrolment_is_open, invite_payload
from bot.people.invites import invite_link, qr_png
from bot.people.model import Cohort, Learner
from bot.telegram.callbacks import CohortAdminCb, CohortCb
from bot.telegram.keyboards import page_of
from bot.text import dates
from handlers.form import drop_buttons
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository
from storage.roles import RoleRepository
from storage.users import UserRepository

TOGGLED = {"close": "cohort-closed", "reopen": "cohort-reopened"}
MESSAGE_BUDGET = 3800  # under Telegram's 4096, leaving room for a header
REMOVE_PAGE = 30  # learners per page of the "remove a learner" buttons


def chunks(lines: list[str], budget: int = MESSAGE_BUDGET) -> list[str]:
    """Join lines into as few messages as fit, never splitting a line."""
    messages: list[str] = []
    current = ""
    for line in lines:
        if current and len(current) + 1 + len(line) > budget:
            messages.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        messages.append(current)
    return messages


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


def card_keyboard(l10n: Localizer, cohort: Cohort, roles: frozenset[str]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=l10n("cohort-button-invite"), callback_data=CohortCb(action="invite", cohort_id=cohort.id))
    builder.button(text=l10n("cohort-button-learners"), callback_data=CohortCb(action="learners", cohort_id=cohort.id))
    if access.allowed(roles, access.ORGANIZER):
        toggle = "close" if cohort.enrolment_open else "reopen"
        builder.button(
            text=l10n(f"cohort-button-{toggle}"), callback_data=CohortAdminCb(action=toggle, cohort_id=cohort.id)
        )
        builder.button(
            text=l10n("cohort-button-remove"), callback_data=CohortAdminCb(action="remove", cohort_id=cohort.id)
        )
        builder.button(
            text=l10n("cohort-button-curator"), callback_data=CohortAdminCb(action="curator", cohort_id=cohort.id)
        )
    builder.button(text=l10n("cohort-button-all"), callback_data=CohortCb(action="list"))
    builder.adjust(2)
    return builder.as_markup()


def remove_page(l10n: Localizer, cohort: Cohort, people: list[Learner], page: int) -> tuple[str, InlineKeyboardMarkup]:
    """One page (from 0) of "whom should I remove?": a button per learner, and arrows when there
    are more than fit (Telegram allows 100 buttons under a message; a cohort may have more).

    The arrows carry the page they open plus one: 0 in the callback means "a fresh list", which
    is sent as a new message, while turning a page edits the list in place."""
    shown, page, pages = page_of(people, page, REMOVE_PAGE)
    rows = [
        [
            InlineKeyboardButton(
                text=l10n("cohort-remove-person", name=p.full_name or str(p.user_id), library=p.library or "—"),
                callback_data=CohortAdminCb(action="remove-ask", cohort_id=cohort.id, user_id=p.user_id).pack(),
            )
        ]
        for p in shown
    ]
    text = l10n("cohort-remove-who", name=escape(cohort.name))
    if pages > 1:
        text += "\n" + l10n("page-of", page=page + 1, pages=pages)
        rows.append(
            [
                InlineKeyboardButton(
                    text=l10n("button-previous"),
                    callback_data=CohortAdminCb(
                        action="remove", cohort_id=cohort.id, page=(page - 1) % pages + 1
                    ).pack(),
                ),
                InlineKeyboardButton(
                    text=l10n("button-next"),
                    callback_data=CohortAdminCb(
                        action="remove", cohort_id=cohort.id, page=(page + 1) % pages + 1
                    ).pack(),
                ),
            ]
        )
    return text, InlineKeyboardMarkup(inline_keyboard=rows)


def setup() -> tuple[Router, Router]:
    """Two routers: looking (curators and up) and changing (organizers and up)."""
    router = Router(name="cohorts")
    admin = Router(name="cohorts-admin")

    async def show_list(
        bot: Bot, chat_id: int, l10n: Localizer, cohorts: CohortRepository, roles: frozenset[str]
    ) -> None:
        found = await visible_cohorts(cohorts, chat_id, roles)
        builder = InlineKeyboardBuilder()
        for cohort in found:
            builder.button(
                text=l10n("cohort-list-button", name=cohort.name, learners=cohort.active_learners),
                callback_data=CohortCb(action="card", cohort_id=cohort.id),
            )
        if access.allowed(roles, access.ORGANIZER):
            builder.button(text=l10n("cohort-button-new"), callback_data=CohortAdminCb(action="new"))
        builder.adjust(1)
        text = l10n("cohort-list", count=len(found)) if found else l10n("cohort-list-empty")
        await bot.send_message(chat_id, text, reply_markup=builder.as_markup())

    async def show_card(
        bot: Bot,
        chat_id: int,
        l10n: Localizer,
        courses: CourseRepository,
        cohort: Cohort,
        roles: frozenset[str],
        clock: Clock,
    ) -> None:
        await bot.send_message(
            chat_id, await card(l10n, courses, cohort, clock), reply_markup=card_keyboard(l10n, cohort, roles)
        )

    async def load(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        cohort_id: int,
        l10n: Localizer,
        cohorts: CohortRepository,
        roles: frozenset[str],
    ) -> Cohort | None:
        cohort = await cohorts.get(cohort_id)
        if cohort is None or not await may_see(cohorts, cohort, query.from_user.id, roles):
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return None
        return cohort

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

    async def learners_or_none(
        bot: Bot, chat_id: int, l10n: Localizer, cohorts: CohortRepository, cohort: Cohort
    ) -> list[Learner]:
        """The cohort's learners; when there are none, the organizer is told so."""
        people = await cohorts.learners(cohort.id)
        if not people:
            await bot.send_message(chat_id, l10n("cohort-learners-none", name=escape(cohort.name)))
        return people

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
        cohort = await load(query, callback_answer, callback_data.cohort_id, l10n, cohorts, roles)
        people = cohort and await learners_or_none(bot, query.from_user.id, l10n, cohorts, cohort)
        if not cohort or not people:
            return
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
        header = l10n("cohort-learners", name=escape(cohort.name), count=len(people))
        for number, text in enumerate(chunks(lines)):
            await bot.send_message(query.from_user.id, f"{header}\n\n{text}" if number == 0 else text)

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
        cohort = await load(query, callback_answer, callback_data.cohort_id, l10n, cohorts, roles)
        people = cohort and await learners_or_none(bot, query.from_user.id, l10n, cohorts, cohort)
        if not cohort or not people:
            return
        text, markup = remove_page(l10n, cohort, people, max(callback_data.page - 1, 0))
        if callback_data.page and isinstance(query.message, Message):
            # Turning the page edits the list in place instead of sending another one.
            with contextlib.suppress(TelegramBadRequest):
                await bot.edit_message_text(
                    text, chat_id=query.from_user.id, message_id=query.message.message_id, reply_markup=markup
                )
            return
        await bot.send_message(query.from_user.id, text, reply_markup=markup)

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
        markup = InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    InlineKeyboardButton(
                        text=l10n("cohort-remove-yes"),
                        callback_data=CohortAdminCb(
                            action="remove-yes", cohort_id=cohort.id, user_id=person.telegram_id
                        ).pack(),
                    ),
                    InlineKeyboardButton(
                        text=l10n("cohort-remove-no"), callback_data=CohortCb(action="card", cohort_id=cohort.id).pack()
                    ),
                ]
            ]
        )
        await bot.send_message(
            query.from_user.id,
            l10n(
                "cohort-remove-confirm",
                person=escape(person.full_name or str(person.telegram_id)),
                name=escape(cohort.name),
            ),
            reply_markup=markup,
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
        buttons = [
            [
                InlineKeyboardButton(
                    text=name or str(uid),
                    callback_data=CohortAdminCb(action="curator-add", cohort_id=cohort.id, user_id=uid).pack(),
                )
            ]
            for uid, name in candidates
        ]
        await bot.send_message(
            query.from_user.id,
            l10n("cohort-curator-who", name=escape(cohort.name)),
            reply_markup=InlineKeyboardMarkup(inline_keyboard=buttons),
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
