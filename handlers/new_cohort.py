"""An organizer opens a cohort step by step: course, name, start, time zone, deadline, capacity."""

from __future__ import annotations

from datetime import date, datetime
from html import escape
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.clock import Clock
from bot.config import Settings
from bot.courses.catalog import course_for_version
from bot.i18n import Localizer
from bot.people import access
from bot.people import cohort_setup as rules
from bot.people.enrolment import new_invite_code
from bot.people.model import NewCohort
from bot.people.registration import AnswerError
from bot.telegram import keyboards
from bot.telegram.callbacks import CohortAdminCb, NewCohortAction, NewCohortCb, id_from
from bot.telegram.filters import NotCommand
from bot.telegram.states import CohortForm
from bot.telegram.views import QUESTION_MESSAGE, ask_question, drop_buttons
from bot.telegram.views.cohorts import invite_text_and_qr
from bot.text import dates
from bot.text.buttons import fitted_label
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository


def _step(state_name: str | None) -> str | None:
    if state_name and state_name.startswith("CohortForm:"):
        return state_name.split(":", 1)[1]
    return None


async def _ask(
    bot: Bot,
    chat_id: int,
    state: FSMContext,
    l10n: Localizer,
    step: State,
    text: str,
    choices: list[tuple[str, NewCohortAction, str]],
) -> None:
    """Put the organizer on ``step`` and ask it, with its choices (label, action, value) and Cancel."""
    await state.set_state(step)
    name = _step(step.state) or ""
    await ask_question(bot, chat_id, state, text, keyboards.new_cohort_keyboard(l10n, name, choices))


def _summary(l10n: Localizer, data: dict, course_title: str) -> str:
    tz = data["timezone"]
    deadline = (
        dates.moment_label(l10n.locale, datetime.fromisoformat(data["enrol_until"]).astimezone(ZoneInfo(tz)))
        if data.get("enrol_until")
        else l10n("cohort-no-deadline")
    )
    return l10n(
        "newcohort-confirm",
        course=escape(course_title),
        name=escape(data["name"]),
        start=dates.date_label(l10n.locale, date.fromisoformat(data["start"])),
        timezone=tz,
        deadline=deadline,
        capacity=data.get("capacity") or l10n("cohort-no-limit"),
    )


def setup() -> Router:
    router = Router(name="new-cohort")

    async def ask_course(bot: Bot, chat_id: int, state: FSMContext, l10n: Localizer, courses: CourseRepository) -> None:
        rows: list[tuple[str, NewCohortAction, str]] = []
        for version in await courses.latest_versions():
            course = await course_for_version(courses, version.id)
            label = fitted_label(
                l10n,
                "newcohort-course-button",
                "title",
                title=course.button_title(l10n.locale),
                version=version.version,
            )
            rows.append((label, "course", str(version.id)))
        if not rows:
            await bot.send_message(chat_id, l10n("newcohort-no-courses"))
            await state.clear()
            return
        await _ask(bot, chat_id, state, l10n, CohortForm.course, l10n("newcohort-ask-course"), rows)

    async def ask(
        bot: Bot,
        chat_id: int,
        state: FSMContext,
        l10n: Localizer,
        step: str,
        courses: CourseRepository,
        settings: Settings,
        error: str | None = None,
        error_args: dict | None = None,
    ) -> None:
        prefix = f"{l10n(error, **(error_args or {}))}\n\n" if error else ""
        if step == "course":
            await ask_course(bot, chat_id, state, l10n, courses)
        elif step == "name":
            await _ask(bot, chat_id, state, l10n, CohortForm.name, prefix + l10n("newcohort-ask-name"), [])
        elif step == "start":
            await _ask(bot, chat_id, state, l10n, CohortForm.start, prefix + l10n("newcohort-ask-start"), [])
        elif step == "timezone":
            await _ask(
                bot,
                chat_id,
                state,
                l10n,
                CohortForm.timezone,
                prefix + l10n("newcohort-ask-timezone"),
                [(l10n("newcohort-timezone-default", zone=settings.timezone), "default", "")],
            )
        elif step == "deadline":
            await _ask(
                bot,
                chat_id,
                state,
                l10n,
                CohortForm.deadline,
                prefix + l10n("newcohort-ask-deadline"),
                [(l10n("newcohort-deadline-start"), "default", ""), (l10n("newcohort-deadline-none"), "none", "")],
            )
        elif step == "capacity":
            await _ask(
                bot,
                chat_id,
                state,
                l10n,
                CohortForm.capacity,
                prefix + l10n("newcohort-ask-capacity"),
                [(l10n("newcohort-capacity-none"), "none", "")],
            )
        else:
            data = await state.get_data()
            course = await course_for_version(courses, int(data["version_id"]))
            await _ask(
                bot,
                chat_id,
                state,
                l10n,
                CohortForm.confirm,
                _summary(l10n, data, course.text(course.title, l10n.locale)),
                [(l10n("newcohort-create"), "create", "")],
            )

    @router.message(Command("newcohort"))
    async def start(message: Message, state: FSMContext, l10n: Localizer, courses: CourseRepository, bot: Bot) -> None:
        await state.set_data({})
        await ask_course(bot, message.chat.id, state, l10n, courses)

    @router.callback_query(CohortAdminCb.filter(F.action == "new"))
    async def start_from_list(
        query: CallbackQuery, state: FSMContext, l10n: Localizer, courses: CourseRepository, bot: Bot
    ) -> None:
        await state.set_data({})
        await ask_course(bot, query.from_user.id, state, l10n, courses)

    @router.message(Command("cancel"), StateFilter(CohortForm))
    async def cancel_command(message: Message, state: FSMContext, l10n: Localizer, bot: Bot) -> None:
        await drop_buttons(bot, message.chat.id, (await state.get_data()).get(QUESTION_MESSAGE))
        await state.clear()
        await message.answer(l10n("newcohort-cancelled"))

    @router.message(F.text, CohortForm.name, NotCommand())
    @router.message(F.text, CohortForm.start, NotCommand())
    @router.message(F.text, CohortForm.timezone, NotCommand())
    @router.message(F.text, CohortForm.deadline, NotCommand())
    @router.message(F.text, CohortForm.capacity, NotCommand())
    async def typed(
        message: Message,
        state: FSMContext,
        l10n: Localizer,
        courses: CourseRepository,
        settings: Settings,
        clock: Clock,
        bot: Bot,
    ) -> None:
        step = _step(await state.get_state())
        data = await state.get_data()
        chat_id = message.chat.id
        update: dict[str, object]
        try:
            if step == "name":
                update, after = {"name": rules.clean_cohort_name(message.text)}, "start"
            elif step == "start":
                today = rules.local_today(clock.now(), settings.timezone)
                update, after = {"start": rules.parse_date(message.text, today).isoformat()}, "timezone"
            elif step == "timezone":
                update, after = {"timezone": rules.parse_timezone(message.text)}, "deadline"
            elif step == "deadline":
                today = rules.local_today(clock.now(), data["timezone"])
                until = rules.end_of_local_day(rules.parse_date(message.text, today), data["timezone"])
                update, after = {"enrol_until": until.isoformat()}, "capacity"
            else:
                update, after = {"capacity": rules.parse_capacity(message.text)}, "confirm"
        except AnswerError as problem:
            await ask(
                bot,
                chat_id,
                state,
                l10n,
                step or "name",
                courses,
                settings,
                error=problem.key,
                error_args=problem.args_for_message,
            )
            return
        await state.update_data(update)
        await ask(bot, chat_id, state, l10n, after, courses, settings)

    @router.message(CohortForm.course, NotCommand())
    @router.message(CohortForm.confirm, NotCommand())
    @router.message(CohortForm.name, NotCommand())
    @router.message(CohortForm.start, NotCommand())
    @router.message(CohortForm.timezone, NotCommand())
    @router.message(CohortForm.deadline, NotCommand())
    @router.message(CohortForm.capacity, NotCommand())
    async def not_text(
        message: Message, state: FSMContext, l10n: Localizer, courses: CourseRepository, settings: Settings, bot: Bot
    ) -> None:
        step = _step(await state.get_state()) or "course"
        error = "form-error-press-button" if step in ("course", "confirm") else "form-error-not-text"
        await ask(bot, message.chat.id, state, l10n, step, courses, settings, error=error)

    @router.callback_query(NewCohortCb.filter())
    async def pressed(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: NewCohortCb,
        state: FSMContext,
        l10n: Localizer,
        courses: CourseRepository,
        cohorts: CohortRepository,
        settings: Settings,
        clock: Clock,
        bot: Bot,
    ) -> None:
        chat_id = query.from_user.id
        step = _step(await state.get_state())
        data = await state.get_data()
        current = (
            step == callback_data.step
            and isinstance(query.message, Message)
            and query.message.message_id == data.get(QUESTION_MESSAGE)
        )
        if not current:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        action = callback_data.action
        if action == "cancel":
            await drop_buttons(bot, chat_id, data.get(QUESTION_MESSAGE))
            await state.clear()
            await bot.send_message(chat_id, l10n("newcohort-cancelled"))
        elif step == "course" and action == "course":
            version_id = id_from(callback_data.value)
            version = None if version_id is None else await courses.get_version_by_id(version_id)
            if version is None:
                await ask_course(bot, chat_id, state, l10n, courses)
                return
            await state.update_data({"version_id": version.id, "course_id": version.course_id})
            await ask(bot, chat_id, state, l10n, "name", courses, settings)
        elif step == "timezone" and action == "default":
            await state.update_data({"timezone": settings.timezone})
            await ask(bot, chat_id, state, l10n, "deadline", courses, settings)
        elif step == "deadline":
            until = (
                rules.end_of_local_day(date.fromisoformat(data["start"]), data["timezone"]).isoformat()
                if action == "default"
                else None
            )
            await state.update_data({"enrol_until": until})
            await ask(bot, chat_id, state, l10n, "capacity", courses, settings)
        elif step == "capacity" and action == "none":
            await state.update_data({"capacity": None})
            await ask(bot, chat_id, state, l10n, "confirm", courses, settings)
        elif step == "confirm" and action == "create":
            await drop_buttons(bot, chat_id, data.get(QUESTION_MESSAGE))
            await state.clear()
            cohort_id = await cohorts.create(
                NewCohort(
                    course_id=int(data["course_id"]),
                    version_id=int(data["version_id"]),
                    name=data["name"],
                    start_date=date.fromisoformat(data["start"]),
                    timezone=data["timezone"],
                    enrol_until=datetime.fromisoformat(data["enrol_until"]) if data.get("enrol_until") else None,
                    capacity=data.get("capacity"),
                    invite_code=new_invite_code(),
                    created_by=chat_id,
                ),
                clock.now(),
            )
            cohort = await cohorts.get(cohort_id)
            assert cohort is not None
            text, png, _ = await invite_text_and_qr(bot, l10n, cohort)
            await bot.send_message(chat_id, l10n("newcohort-created", name=escape(cohort.name)))
            await bot.send_photo(
                chat_id,
                BufferedInputFile(png, f"invite-{cohort.id}.png"),
                caption=text,
                reply_markup=keyboards.cohort_card_keyboard(l10n, cohort, frozenset({access.ORGANIZER})),
            )
        else:
            await ask(bot, chat_id, state, l10n, step or "course", courses, settings)

    return router
