"""The curator's side of homework (under the curator router: curators and up only).

/review lists the cohorts with work waiting; a cohort opens its oldest submission: a header, the
parts re-sent as the learner sent them, then Accept, Return with a comment, Next. That screen goes
through the sender's lane for the curator's chat (one message a second, 429s waited out), and the
replies a decision causes (who decided first, the confirmation) within its overall window. Curators see
the cohorts they curate, organizers and owners all. The first decision wins (the repository's
conditional update): a second curator is told who decided, and the learner hears once, through
the delivery table and the sender.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.delivery.outgoing import Button
from bot.delivery.service import DeliveryService
from bot.homework.model import (
    ACCEPTED,
    WAITING,
    DecideOutcome,
    Decision,
    HomeworkContext,
    QueuedSubmission,
    Submission,
)
from bot.homework.render import review_messages
from bot.homework.service import HomeworkService
from bot.i18n import Localizer
from bot.people.model import Cohort
from bot.telegram import keyboards
from bot.telegram.callbacks import ReviewCb
from bot.telegram.filters import NotCommand
from bot.telegram.states import ReviewForm
from bot.telegram.views import drop_buttons
from bot.telegram.views.cohorts import may_see, visible_cohorts
from bot.telegram.views.homework import COMMENT_LIMIT, send_screen, show_group_decision
from storage.cohorts import CohortRepository

QUEUE_LOOKAHEAD = 200  # waiting submissions read to pick the next one


async def _cohort_if_allowed(
    cohorts: CohortRepository, cohort_id: int, user_id: int, roles: frozenset[str]
) -> Cohort | None:
    cohort = await cohorts.get(cohort_id)
    if cohort is None or not await may_see(cohorts, cohort, user_id, roles):
        return None
    return cohort


async def show_next(
    bot: Bot,
    chat_id: int,
    l10n: Localizer,
    homework: HomeworkService,
    delivery: DeliveryService,
    cohort: Cohort,
    after: int | None = None,
) -> None:
    """The oldest waiting submission of the cohort (after ``after``, for Next), shown whole."""
    queue = await homework.queue([cohort.id], QUEUE_LOOKAHEAD)
    candidates = queue
    if after is not None:
        ids = [entry.submission.id for entry in queue]
        if after in ids:
            at = ids.index(after)
            candidates = queue[at + 1 :] + queue[:at]
    if not candidates:
        await bot.send_message(chat_id, l10n("review-no-more"))
        return
    await _show(bot, chat_id, l10n, homework, delivery, candidates[0], waiting=len(queue) - 1)


async def _show(
    bot: Bot,
    chat_id: int,
    l10n: Localizer,
    homework: HomeworkService,
    delivery: DeliveryService,
    entry: QueuedSubmission,
    *,
    waiting: int,
) -> None:
    """The header, the parts as they were sent, the decision buttons: through the sender's lane
    for this chat (a 10-photo album and its texts are not a burst Telegram answers with 429)."""
    submission = entry.submission
    context = await homework.context(submission.cohort_id, submission.item_key)
    if context is None:
        return
    parts = await homework.parts(submission.id)
    markup = keyboards.review_keyboard(l10n, submission.cohort_id, submission.id)
    buttons = tuple(tuple(Button(b.text, callback_data=b.callback_data) for b in row) for row in markup.inline_keyboard)
    controls = l10n("review-controls", waiting=waiting)
    messages = review_messages(l10n, entry, context, parts, controls, buttons)
    await send_screen(bot, delivery, chat_id, submission.cohort_id, messages)


async def _waiting_submission(
    callback_answer: CallbackAnswer,
    callback_data: ReviewCb,
    l10n: Localizer,
    homework: HomeworkService,
    cohorts: CohortRepository,
    user_id: int,
    roles: frozenset[str],
    bot: Bot,
    delivery: DeliveryService,
) -> Submission | None:
    """The submission a decision button names, if this curator may decide it and it still waits."""
    submission = await homework.submission(callback_data.submission_id)
    if (
        submission is None
        or submission.cohort_id != callback_data.cohort_id
        or await _cohort_if_allowed(cohorts, submission.cohort_id, user_id, roles) is None
    ):
        callback_answer.text = l10n("review-not-yours") if submission is not None else l10n("button-outdated")
        callback_answer.show_alert = True
        return None
    if submission.state != WAITING:
        await _tell_already(bot, user_id, l10n, homework, delivery, submission.id)
        return None
    return submission


async def _tell_already(
    bot: Bot, chat_id: int, l10n: Localizer, homework: HomeworkService, delivery: DeliveryService, submission_id: int
) -> None:
    """The second curator hears who decided first (within the sender's overall window)."""
    review = await homework.review(submission_id)
    if review is None:
        text = l10n("button-outdated")
    else:
        who = review.reviewer_name or l10n("review-someone")
        text = l10n("review-already", decision=review.decision, curator=who)
    await delivery.send_direct(lambda: bot.send_message(chat_id, text))


async def _decide(
    bot: Bot,
    chat_id: int,
    l10n: Localizer,
    homework: HomeworkService,
    delivery: DeliveryService,
    state: FSMContext,
    decision: Decision,
    *,
    comment: str | None = None,
    voice: str | None = None,
) -> None:
    data = await state.get_data()
    submission_id = int(data.get("submission_id", 0))
    cohort_id = int(data.get("cohort_id", 0))
    score = data.get("score")
    await drop_buttons(bot, chat_id, data.get("question_message_id"))
    await state.clear()
    result = await homework.decide(
        submission_id, chat_id, decision, score=score, comment=comment, comment_voice_file_id=voice
    )
    if result.outcome is DecideOutcome.ALREADY:
        await _tell_already(bot, chat_id, l10n, homework, delivery, submission_id)
        return
    if result.outcome is not DecideOutcome.DECIDED or result.context is None or result.submission is None:
        await bot.send_message(chat_id, l10n("button-outdated"))
        return
    delivery.wake()  # the learner's notice is in the deliveries table: send it now
    await show_group_decision(bot, l10n.translator, homework, delivery, submission_id)  # if it was posted there
    learner = await homework.learner(result.submission.user_id)
    name = (learner.full_name if learner else None) or l10n("review-unknown")
    lesson = result.context.lesson_number
    if decision == ACCEPTED:
        suffix = l10n("review-score-suffix", score=score, max=result.context.max_score) if score is not None else ""
        text = l10n("review-done-accepted", name=name, lesson=lesson, score=suffix)
    else:
        text = l10n("review-done-returned", name=name, lesson=lesson)
    markup = keyboards.review_next_keyboard(l10n, cohort_id, submission_id)
    await delivery.send_direct(lambda: bot.send_message(chat_id, text, reply_markup=markup))


async def _ask(bot: Bot, chat_id: int, state: FSMContext, text: str, markup: object) -> None:
    sent = await bot.send_message(chat_id, text, reply_markup=markup)  # type: ignore[arg-type]
    await state.update_data({"question_message_id": sent.message_id})


def setup() -> Router:
    router = Router(name="homework-review")

    @router.message(Command("review"))
    async def review_command(
        message: Message,
        l10n: Localizer,
        homework: HomeworkService,
        cohorts: CohortRepository,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        visible = await visible_cohorts(cohorts, message.chat.id, roles)
        counts = await homework.waiting_counts([cohort.id for cohort in visible])
        entries = [(cohort.id, cohort.name, counts[cohort.id]) for cohort in visible if counts.get(cohort.id)]
        if not entries:
            await message.answer(l10n("review-nothing"))
            return
        await message.answer(l10n("review-choose"), reply_markup=keyboards.review_cohorts_keyboard(l10n, entries))

    @router.callback_query(ReviewCb.filter(F.action.in_({"cohort", "next"})))
    async def next_submission(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: ReviewCb,
        l10n: Localizer,
        homework: HomeworkService,
        delivery: DeliveryService,
        cohorts: CohortRepository,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        chat_id = query.from_user.id
        cohort = await _cohort_if_allowed(cohorts, callback_data.cohort_id, chat_id, roles)
        if cohort is None:
            callback_answer.text = l10n("review-not-yours")
            callback_answer.show_alert = True
            return
        if query.message is not None and callback_data.action == "next":
            await drop_buttons(bot, chat_id, query.message.message_id)
        after = callback_data.submission_id if callback_data.action == "next" else None
        await show_next(bot, chat_id, l10n, homework, delivery, cohort, after)

    @router.callback_query(ReviewCb.filter(F.action.in_({"accept", "return"})))
    async def decision_pressed(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: ReviewCb,
        l10n: Localizer,
        homework: HomeworkService,
        delivery: DeliveryService,
        cohorts: CohortRepository,
        roles: frozenset[str],
        state: FSMContext,
        bot: Bot,
    ) -> None:
        chat_id = query.from_user.id
        submission = await _waiting_submission(
            callback_answer, callback_data, l10n, homework, cohorts, chat_id, roles, bot, delivery
        )
        if submission is None:
            return
        if query.message is not None:
            await drop_buttons(bot, chat_id, query.message.message_id)
        await state.set_data({"submission_id": submission.id, "cohort_id": submission.cohort_id})
        cohort_id = submission.cohort_id
        if callback_data.action == "return":
            await state.set_state(ReviewForm.return_comment)
            await _ask(
                bot,
                chat_id,
                state,
                l10n("review-ask-return-comment"),
                keyboards.review_cancel_keyboard(l10n, cohort_id),
            )
            return
        context = await homework.context(cohort_id, submission.item_key)
        if context is not None and context.max_score is not None:
            await state.set_state(ReviewForm.score)
            markup = keyboards.score_keyboard(l10n, cohort_id, submission.id, context.max_score)
            await _ask(bot, chat_id, state, l10n("review-ask-score", max=context.max_score), markup)
            return
        await state.set_state(ReviewForm.accept_comment)
        markup = keyboards.accept_comment_keyboard(l10n, cohort_id, submission.id)
        await _ask(bot, chat_id, state, l10n("review-ask-accept-comment"), markup)

    async def take_score(bot: Bot, chat_id: int, l10n: Localizer, state: FSMContext, score: int) -> None:
        data = await state.get_data()
        await drop_buttons(bot, chat_id, data.get("question_message_id"))
        await state.update_data({"score": score})
        await state.set_state(ReviewForm.accept_comment)
        markup = keyboards.accept_comment_keyboard(l10n, int(data["cohort_id"]), int(data["submission_id"]))
        await _ask(bot, chat_id, state, l10n("review-ask-accept-comment"), markup)

    @router.callback_query(ReviewCb.filter(F.action == "score"), ReviewForm.score)
    async def score_pressed(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: ReviewCb,
        l10n: Localizer,
        homework: HomeworkService,
        state: FSMContext,
        bot: Bot,
    ) -> None:
        data = await state.get_data()
        context = await _form_context(homework, data)
        if data.get("submission_id") != callback_data.submission_id or context is None or context.max_score is None:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        if callback_data.score > context.max_score:
            callback_answer.text = l10n("review-bad-score", max=context.max_score)
            callback_answer.show_alert = True
            return
        await take_score(bot, query.from_user.id, l10n, state, callback_data.score)

    @router.message(ReviewForm.score, F.text, NotCommand())
    async def score_typed(
        message: Message, l10n: Localizer, homework: HomeworkService, state: FSMContext, bot: Bot
    ) -> None:
        context = await _form_context(homework, await state.get_data())
        if context is None or context.max_score is None:
            await state.clear()
            await message.answer(l10n("button-outdated"))
            return
        text = (message.text or "").strip()
        if not (text.isascii() and text.isdigit() and int(text) <= context.max_score):
            await message.answer(l10n("review-bad-score", max=context.max_score))
            return
        await take_score(bot, message.chat.id, l10n, state, int(text))

    @router.callback_query(ReviewCb.filter(F.action == "plain"), ReviewForm.accept_comment)
    async def accept_plain(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: ReviewCb,
        l10n: Localizer,
        homework: HomeworkService,
        delivery: DeliveryService,
        state: FSMContext,
        bot: Bot,
    ) -> None:
        if (await state.get_data()).get("submission_id") != callback_data.submission_id:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        await _decide(bot, query.from_user.id, l10n, homework, delivery, state, "accepted")

    @router.message(StateFilter(ReviewForm.accept_comment, ReviewForm.return_comment), NotCommand())
    async def comment(
        message: Message,
        l10n: Localizer,
        homework: HomeworkService,
        delivery: DeliveryService,
        state: FSMContext,
        bot: Bot,
    ) -> None:
        if message.voice is not None:
            text, voice = None, message.voice.file_id
        elif message.text:
            text, voice = message.text.strip(), None
            if len(text) > COMMENT_LIMIT:
                await message.answer(l10n("review-comment-too-long", limit=COMMENT_LIMIT))
                return
        else:
            await message.answer(l10n("review-comment-kind"))
            return
        decision: Decision = "accepted" if await state.get_state() == ReviewForm.accept_comment.state else "returned"
        await _decide(bot, message.chat.id, l10n, homework, delivery, state, decision, comment=text, voice=voice)

    @router.message(ReviewForm.score, NotCommand())
    async def not_a_score(message: Message, l10n: Localizer, homework: HomeworkService, state: FSMContext) -> None:
        context = await _form_context(homework, await state.get_data())
        await message.answer(l10n("review-bad-score", max=context.max_score if context and context.max_score else 0))

    @router.callback_query(ReviewCb.filter(F.action == "cancel"))
    async def cancel_pressed(query: CallbackQuery, l10n: Localizer, state: FSMContext, bot: Bot) -> None:
        if query.message is not None:
            await drop_buttons(bot, query.from_user.id, query.message.message_id)
        if await state.get_state() in {s.state for s in ReviewForm.__states__}:
            await state.clear()
        await bot.send_message(query.from_user.id, l10n("review-cancelled"))

    @router.message(Command("cancel"), StateFilter(ReviewForm))
    async def cancel_command(message: Message, l10n: Localizer, state: FSMContext, bot: Bot) -> None:
        await drop_buttons(bot, message.chat.id, (await state.get_data()).get("question_message_id"))
        await state.clear()
        await message.answer(l10n("review-cancelled"))

    return router


async def _form_context(homework: HomeworkService, data: dict[str, object]) -> HomeworkContext | None:
    submission_id = data.get("submission_id")
    if not isinstance(submission_id, int):
        return None
    submission = await homework.submission(submission_id)
    if submission is None:
        return None
    return await homework.context(submission.cohort_id, submission.item_key)
