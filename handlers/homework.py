"""The learner's side of homework: "Hand in" opens a draft, what they send goes into it (one
status message, edited), "Send to the curator" hands it in; /progress shows where they stand.

Every part is stored (committed) before the learner is answered, so nothing handed in is lost to
a crash or a restart; Telegram keeps the updates the bot did not confirm and sends them again,
and a repeated message is stored once.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.completion.service import CompletionService
from bot.delivery.service import DeliveryService
from bot.homework.model import (
    AddOutcome,
    HandInOutcome,
    HomeworkContext,
    NewPart,
    OpenOutcome,
    OpenResult,
)
from bot.homework.service import HomeworkService
from bot.i18n import Localizer
from bot.people.model import User
from bot.telegram import keyboards
from bot.telegram.callbacks import DraftCb, HomeworkCb
from bot.telegram.views import drop_buttons
from bot.telegram.views.completion import missing_lines
from bot.telegram.views.homework import (
    StatusEdits,
    accepted_kinds,
    closed_text,
    draft_status,
    edit_or_send,
    part_of,
    progress_text,
    sent_text,
)
from storage.cohorts import CohortRepository

ORPHANS = "homework_orphans"  # FSM data: parts sent outside a draft, kept until the learner picks one
ORPHAN_GROUP = "homework_orphan_group"  # the album they came in, so it is asked about once
REFUSED_GROUP = "homework_refused_group"  # an album refused once is not refused ten times
MAX_ORPHANS = 20


async def _show_draft(
    bot: Bot,
    chat_id: int,
    l10n: Localizer,
    homework: HomeworkService,
    delivery: DeliveryService,
    submission_id: int,
    *,
    fresh: bool,
) -> None:
    """Send (``fresh``) or edit the draft's one status message with what it holds now."""
    draft = await homework.draft(chat_id, submission_id)
    if draft is None or draft.submission.state != "draft":
        return  # handed in meanwhile: its message already says so
    context = await homework.context(draft.submission.cohort_id, draft.submission.item_key)
    if context is None:
        return
    text, markup = draft_status(l10n, draft, context, late=homework.clock.now() > context.deadline)
    old = draft.submission.status_message_id
    if fresh:
        await drop_buttons(bot, chat_id, old)
        sent = await delivery.send_direct(lambda: bot.send_message(chat_id, text, reply_markup=markup))
        message_id = sent.message_id
    else:
        message_id = await edit_or_send(bot, chat_id, old, text, markup)
    if message_id != old:
        await homework.set_status_message(chat_id, submission_id, message_id)


async def _tell_outcome(
    bot: Bot,
    chat_id: int,
    l10n: Localizer,
    homework: HomeworkService,
    delivery: DeliveryService,
    result: OpenResult,
    cohort_id: int,
) -> bool:
    """Say why no draft opened; False if one did."""
    context = result.context
    if result.outcome in (OpenOutcome.OPENED, OpenOutcome.RESUMED):
        return False
    if context is None or result.outcome in (OpenOutcome.NOT_ENROLLED, OpenOutcome.UNKNOWN):
        text = l10n("button-outdated")
    elif result.outcome is OpenOutcome.CLOSED:
        text = closed_text(l10n, context, await homework.curator_names(cohort_id))
    elif result.outcome is OpenOutcome.WAITING:
        text = l10n("homework-waiting", lesson=context.lesson_number)
    elif result.outcome is OpenOutcome.ACCEPTED:
        text = l10n("homework-accepted-final", lesson=context.lesson_number)
    else:
        text = l10n("homework-not-yet")
    await delivery.send_direct(lambda: bot.send_message(chat_id, text))
    return True


async def _open(
    bot: Bot,
    chat_id: int,
    l10n: Localizer,
    homework: HomeworkService,
    delivery: DeliveryService,
    cohort_id: int,
    lesson: int,
) -> int | None:
    """Open the draft of a lesson's homework and show it; its id, or None (and why, said)."""
    result = await homework.open_draft(cohort_id, chat_id, f"L{lesson}.hw")
    if await _tell_outcome(bot, chat_id, l10n, homework, delivery, result, cohort_id) or result.draft is None:
        return None
    await _show_draft(bot, chat_id, l10n, homework, delivery, result.draft.submission.id, fresh=True)
    return result.draft.submission.id


async def _outside_a_draft(
    message: Message,
    part: NewPart | None,
    l10n: Localizer,
    homework: HomeworkService,
    cohorts: CohortRepository,
    state: FSMContext,
) -> None:
    """Something sent with no draft open: ask which open homework it is for, or say there is none.
    A text with no homework open is left to the fallback (it is a question, not work)."""
    chat_id = message.chat.id
    entries: list[tuple[int, int, str]] = []
    for cohort in await cohorts.of_learner(chat_id):
        for item in await homework.open_homework(cohort.id, chat_id):
            course = await homework.course_of(cohort)
            title = course.text(course.lessons[item.lesson_number - 1].title, l10n.locale)
            entries.append((cohort.id, item.lesson_number, title))
    if not entries:
        if part is None or part.kind in ("text", "link"):
            raise SkipHandler
        if part.media_group_id is None or (await state.get_data()).get(ORPHAN_GROUP) != part.media_group_id:
            await state.update_data({ORPHAN_GROUP: part.media_group_id})
            await message.answer(l10n("homework-none-open"))
        return
    if part is None:
        raise SkipHandler
    data = await state.get_data()
    orphans = [*data.get(ORPHANS, []), _stored(part)][-MAX_ORPHANS:]
    same_album = part.media_group_id is not None and data.get(ORPHAN_GROUP) == part.media_group_id
    await state.update_data({ORPHANS: orphans, ORPHAN_GROUP: part.media_group_id})
    if not same_album:
        await message.answer(l10n("homework-which"), reply_markup=keyboards.which_homework_keyboard(l10n, entries))


def _stored(part: NewPart) -> dict[str, object]:
    return {name: getattr(part, name) for name in NewPart.__dataclass_fields__}


def setup() -> Router:
    router = Router(name="homework")

    @router.callback_query(HomeworkCb.filter(F.action == "open"))
    async def hand_in_pressed(
        query: CallbackQuery,
        callback_data: HomeworkCb,
        l10n: Localizer,
        homework: HomeworkService,
        delivery: DeliveryService,
        bot: Bot,
    ) -> None:
        await _open(bot, query.from_user.id, l10n, homework, delivery, callback_data.cohort_id, callback_data.lesson)

    @router.callback_query(HomeworkCb.filter(F.action == "pick"))
    async def homework_picked(
        query: CallbackQuery,
        callback_data: HomeworkCb,
        l10n: Localizer,
        homework: HomeworkService,
        delivery: DeliveryService,
        state: FSMContext,
        bot: Bot,
    ) -> None:
        """What was sent outside a draft goes into the homework the learner picked."""
        chat_id = query.from_user.id
        if query.message is not None:
            await drop_buttons(bot, chat_id, query.message.message_id)
        result = await homework.open_draft(callback_data.cohort_id, chat_id, f"L{callback_data.lesson}.hw")
        outcome_told = await _tell_outcome(bot, chat_id, l10n, homework, delivery, result, callback_data.cohort_id)
        if outcome_told or result.draft is None:
            return
        data = await state.get_data()
        refused: list[str] = []
        for stored in data.get(ORPHANS, []):
            added = await homework.add_part(chat_id, NewPart(**stored))
            if added.outcome is AddOutcome.NOT_ACCEPTED:
                refused.append(stored["kind"])
        await state.update_data({ORPHANS: [], ORPHAN_GROUP: None})
        if refused and result.context is not None:
            got = ", ".join(dict.fromkeys(l10n(f"homework-got-{kind}") for kind in refused))
            await bot.send_message(
                chat_id, l10n("homework-not-accepted", kinds=accepted_kinds(l10n, result.context.accepts), got=got)
            )
        await _show_draft(bot, chat_id, l10n, homework, delivery, result.draft.submission.id, fresh=True)

    @router.callback_query(DraftCb.filter(F.action == "send"))
    async def send_to_curator(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: DraftCb,
        l10n: Localizer,
        homework: HomeworkService,
        delivery: DeliveryService,
        draft_status: StatusEdits,
        bot: Bot,
    ) -> None:
        chat_id = query.from_user.id
        draft_status.cancel(chat_id)
        async with draft_status.lock(chat_id):
            if await _hand_in(query, callback_answer, callback_data, l10n, homework, bot):
                delivery.wake()  # the review group's post, if the cohort has one, is due now

    async def _hand_in(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: DraftCb,
        l10n: Localizer,
        homework: HomeworkService,
        bot: Bot,
    ) -> bool:
        """Hand the draft in and say so; whether it was handed in now."""
        chat_id = query.from_user.id
        draft = await homework.draft(chat_id, callback_data.submission_id)
        result = await homework.hand_in(chat_id, callback_data.submission_id)
        if result.outcome is HandInOutcome.EMPTY:
            callback_answer.text = l10n("homework-empty")
            callback_answer.show_alert = True
            return False
        if result.outcome is HandInOutcome.ALREADY or result.submission is None or result.context is None:
            callback_answer.text = l10n("homework-sent-already")
            callback_answer.show_alert = True
            return False
        message_id = query.message.message_id if query.message is not None else None
        if result.outcome is HandInOutcome.CLOSED:
            text = closed_text(l10n, result.context, await homework.curator_names(result.submission.cohort_id))
        else:
            text = sent_text(l10n, result.submission, result.context, draft.parts if draft else 0)
        await edit_or_send(bot, chat_id, message_id, text, None)
        return result.outcome is HandInOutcome.HANDED_IN

    @router.callback_query(DraftCb.filter(F.action == "over"))
    async def start_over(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: DraftCb,
        l10n: Localizer,
        homework: HomeworkService,
        delivery: DeliveryService,
        draft_status: StatusEdits,
        bot: Bot,
    ) -> None:
        chat_id = query.from_user.id
        draft_status.cancel(chat_id)
        async with draft_status.lock(chat_id):
            if await homework.start_over(chat_id, callback_data.submission_id) is None:
                callback_answer.text = l10n("button-outdated")
                callback_answer.show_alert = True
                return
            await _show_draft(bot, chat_id, l10n, homework, delivery, callback_data.submission_id, fresh=False)

    @router.message(Command("progress"))
    async def progress_command(
        message: Message,
        l10n: Localizer,
        homework: HomeworkService,
        cohorts: CohortRepository,
        completion: CompletionService,
        bot: Bot,
    ) -> None:
        await show_progress(bot, message.chat.id, l10n, homework, cohorts, completion)

    return router


def parts() -> Router:
    """What learners send, last before the fallback: commands, menu buttons, forms and staff
    features come first, so only what nobody else took can be homework."""
    router = Router(name="homework-parts")

    @router.message(F.chat.type == "private", StateFilter(None), ~F.text.startswith("/"))
    async def incoming(
        message: Message,
        l10n: Localizer,
        user: User | None,
        homework: HomeworkService,
        cohorts: CohortRepository,
        delivery: DeliveryService,
        draft_status: StatusEdits,
        state: FSMContext,
        bot: Bot,
    ) -> None:
        """Anything a registered learner sends: a part of their open draft, or a question which."""
        if user is None or not user.is_registered:
            raise SkipHandler
        chat_id = message.chat.id
        part = part_of(message)
        if await homework.focused_draft(chat_id) is None:
            await _outside_a_draft(message, part, l10n, homework, cohorts, state)
            return
        if part is None:
            await _refuse(message, l10n, homework, state, "other", None)
            return
        result = await homework.add_part(chat_id, part)
        if result.outcome is AddOutcome.ADDED and result.draft is not None:
            submission_id = result.draft.submission.id

            async def edit() -> None:
                await _show_draft(bot, chat_id, l10n, homework, delivery, submission_id, fresh=False)

            draft_status.request(chat_id, edit, album=part.media_group_id is not None)
        elif result.outcome is AddOutcome.NOT_ACCEPTED:
            await _refuse(message, l10n, homework, state, part.kind, part.media_group_id, result.context)
        elif result.outcome is AddOutcome.CLOSED and result.context is not None and result.draft is not None:
            curators = await homework.curator_names(result.draft.submission.cohort_id)
            await message.answer(closed_text(l10n, result.context, curators))
        elif result.outcome is AddOutcome.NO_DRAFT:
            await _outside_a_draft(message, part, l10n, homework, cohorts, state)

    return router


async def _refuse(
    message: Message,
    l10n: Localizer,
    homework: HomeworkService,
    state: FSMContext,
    kind: str,
    group: str | None,
    context: HomeworkContext | None = None,
) -> None:
    """A kind the homework does not take: said once (once per album), nothing stored."""
    if group is not None:
        if (await state.get_data()).get(REFUSED_GROUP) == group:
            return
        await state.update_data({REFUSED_GROUP: group})
    if context is None:
        draft = await homework.focused_draft(message.chat.id)
        if draft is None:
            return
        context = await homework.context(draft.submission.cohort_id, draft.submission.item_key)
        if context is None:
            return
    await message.answer(
        l10n("homework-not-accepted", kinds=accepted_kinds(l10n, context.accepts), got=l10n(f"homework-got-{kind}"))
    )


async def show_progress(
    bot: Bot,
    chat_id: int,
    l10n: Localizer,
    homework: HomeworkService,
    cohorts: CohortRepository,
    completion: CompletionService,
) -> None:
    """/progress: each course the learner is in, with the homework they can hand in as buttons."""
    mine = await cohorts.of_learner(chat_id)
    if not mine:
        await bot.send_message(chat_id, l10n("courses-none"), reply_markup=keyboards.main_menu(l10n))
        return
    for cohort in mine:
        progress = await homework.progress(cohort.id, chat_id)
        if progress is None:
            continue
        open_ones = [(cohort.id, item.lesson_number) for item in progress.homework if item.can_hand_in]
        finished = cohort.status == "finished"
        standing = await completion.standing(cohort.id, chat_id, progress)
        assert standing is not None  # the cohort is there: progress found it
        await bot.send_message(
            chat_id,
            progress_text(l10n, progress, cohort.timezone, missing_lines(l10n, standing, finished=finished)),
            reply_markup=keyboards.open_homework_keyboard(l10n, open_ones),
        )
