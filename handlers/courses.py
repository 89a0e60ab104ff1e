"""A learner's own courses: what they are in, what comes next and when, and leaving one."""

from __future__ import annotations

from html import escape
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.certificates.service import CertificateService
from bot.clock import Clock
from bot.completion.service import CompletionService
from bot.courses.catalog import course_for_version, next_lesson, released_lessons
from bot.delivery.service import DeliveryService, ResendOutcome
from bot.homework.service import HomeworkService
from bot.i18n import Localizer, Translator
from bot.people.enrolment import EnrolmentService
from bot.people.model import User
from bot.quizzes.service import QuizService
from bot.telegram import keyboards
from bot.telegram.callbacks import CourseCb
from bot.telegram.views import drop_buttons
from bot.telegram.views.completion import card_line
from bot.telegram.views.homework import homework_line
from bot.telegram.views.quizzes import quiz_progress
from bot.text import dates
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository
from storage.deliveries import DeliveryRepository


async def show_courses(
    bot: Bot,
    chat_id: int,
    l10n: Localizer,
    cohorts: CohortRepository,
    courses: CourseRepository,
    deliveries: DeliveryRepository,
    clock: Clock,
    homework: HomeworkService,
    quizzes: QuizService,
    completion: CompletionService,
    certificates: CertificateService | None = None,
) -> None:
    mine = await cohorts.of_learner(chat_id)
    if not mine:
        await bot.send_message(chat_id, l10n("courses-none"), reply_markup=keyboards.main_menu(l10n))
        return
    now = clock.now()
    blocks: list[str] = []
    entries: list[tuple[int, str, bool]] = []
    open_homework: list[tuple[int, int]] = []
    certified: list[int] = []
    for cohort in mine:
        course = await course_for_version(courses, cohort.version_id)
        title = escape(course.text(course.title, l10n.locale))
        coming = next_lesson(course, cohort, now, await deliveries.shift_days(cohort.id))
        if cohort.status == "finished":
            upcoming = l10n("completion-ended")
        elif cohort.status == "paused":
            upcoming = l10n("courses-paused")
        elif coming is None:
            upcoming = l10n("courses-all-released")
        else:
            upcoming = l10n(
                "courses-next",
                number=coming.number,
                title=escape(course.text(coming.lesson.title, l10n.locale)),
                when=dates.moment_label(l10n.locale, coming.at.astimezone(ZoneInfo(cohort.timezone))),
            )
        block = l10n(
            "courses-item",
            title=title,
            cohort=escape(cohort.name),
            start=dates.date_label(l10n.locale, cohort.start_date),
            lessons=len(course.lessons),
            upcoming=upcoming,
        )
        # Homework: where the learner stands, and a "Hand in" button for each one open now.
        progress = await homework.progress(cohort.id, chat_id)
        if progress is not None and progress.homework:
            line = homework_line(l10n, progress)
            block += f"\n{line}" if line else ""
            open_homework.extend((cohort.id, item.lesson_number) for item in progress.homework if item.can_hand_in)
        quiz_lines = quiz_progress(
            l10n, await quizzes.progress(cohort.id, chat_id), await quizzes.standing(cohort.id, chat_id)
        )
        if quiz_lines is not None:
            block += f"\n{quiz_lines}"
        # What completion still needs (or that it is done).
        standing = await completion.standing(cohort.id, chat_id, progress)
        line = card_line(l10n, standing) if standing is not None else ""
        blocks.append(f"{block}\n{line}" if line else block)
        if certificates is not None:
            held = await certificates.of_learner(cohort.id, chat_id)
            if held is not None and held.valid:
                certified.append(cohort.id)
        # "Send a lesson again" once there is a lesson to send again.
        entries.append((cohort.id, course.button_title(l10n.locale), coming is None or coming.number > 1))
    await bot.send_message(
        chat_id,
        l10n("courses-header") + "\n\n" + "\n\n".join(blocks),
        reply_markup=keyboards.my_courses_keyboard(l10n, entries, open_homework, certified),
    )


def setup(translator: Translator) -> Router:
    router = Router(name="courses")

    @router.message(Command("courses"))
    @router.message(F.text.in_(translator.all_variants("menu-courses")))
    async def courses_command(
        message: Message,
        l10n: Localizer,
        cohorts: CohortRepository,
        courses: CourseRepository,
        clock: Clock,
        bot: Bot,
        deliveries: DeliveryRepository,
        homework: HomeworkService,
        quizzes: QuizService,
        completion: CompletionService,
        certificates: CertificateService,
    ) -> None:
        await show_courses(
            bot, message.chat.id, l10n, cohorts, courses, deliveries, clock, homework, quizzes, completion, certificates
        )

    @router.callback_query(CourseCb.filter(F.action == "again"))
    async def again_pick(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CourseCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        courses: CourseRepository,
        clock: Clock,
        deliveries: DeliveryRepository,
        bot: Bot,
    ) -> None:
        """For a file that did not load on a weak connection: pick a released lesson to get again."""
        cohort = await cohorts.get(callback_data.cohort_id)
        if cohort is None or await cohorts.enrolment_status(cohort.id, query.from_user.id) != "active":
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        course = await course_for_version(courses, cohort.version_id)
        shift = await deliveries.shift_days(cohort.id)
        lessons = released_lessons(course, cohort, clock.now(), shift)
        markup = keyboards.lessons_again_keyboard(
            l10n, cohort.id, [(number, course.text(lesson.title, l10n.locale)) for number, lesson in lessons]
        )
        await bot.send_message(query.from_user.id, l10n("courses-again-which"), reply_markup=markup)

    @router.callback_query(CourseCb.filter(F.action == "again-lesson"))
    async def again_send(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CourseCb,
        l10n: Localizer,
        delivery: DeliveryService,
    ) -> None:
        outcome = await delivery.resend_item(callback_data.cohort_id, query.from_user.id, f"L{callback_data.lesson}")
        callback_answer.text = l10n(f"delivery-again-{outcome.value}")
        callback_answer.show_alert = outcome is not ResendOutcome.QUEUED

    @router.callback_query(CourseCb.filter(F.action == "leave"))
    async def leave_ask(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CourseCb,
        l10n: Localizer,
        cohorts: CohortRepository,
        courses: CourseRepository,
        bot: Bot,
    ) -> None:
        cohort = await cohorts.get(callback_data.cohort_id)
        if cohort is None or await cohorts.enrolment_status(cohort.id, query.from_user.id) != "active":
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        course = await course_for_version(courses, cohort.version_id)
        markup = keyboards.leave_confirm_keyboard(l10n, cohort.id)
        await bot.send_message(
            query.from_user.id,
            l10n("courses-leave-confirm", title=escape(course.text(course.title, l10n.locale))),
            reply_markup=markup,
        )

    @router.callback_query(CourseCb.filter(F.action.in_({"leave-yes", "leave-no"})))
    async def leave_answer(
        query: CallbackQuery,
        callback_data: CourseCb,
        l10n: Localizer,
        enrolment: EnrolmentService,
        clock: Clock,
        user: User | None,
        bot: Bot,
    ) -> None:
        if query.message is not None:
            await drop_buttons(bot, query.from_user.id, query.message.message_id)
        if callback_data.action == "leave-no":
            await bot.send_message(query.from_user.id, l10n("courses-leave-kept"))
            return
        left = await enrolment.leave(callback_data.cohort_id, query.from_user.id, clock.now())
        await bot.send_message(query.from_user.id, l10n("courses-left" if left else "button-outdated"))

    return router
