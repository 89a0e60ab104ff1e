"""Homework review in a cohort's review group (under the curator router).

New submissions reach the group as 'review-post' deliveries (bot/homework/render.py): the header,
the parts, and **✅ Accept** / **↩️ Return** under them. Anyone may see the post; only a curator
of that cohort (or an organizer, an owner) may decide: others get a short toast and nothing
changes (a learner is turned away by the staff guard before this router). The first decision wins,
as in a private chat; a later press is told who decided. The post is then edited to show the
decision.

Return asks for the comment in the group, as a reply to the bot's question with ForceReply: a bot
in a group with privacy mode on sees commands and replies to its own messages, so the reply
reaches it. The question is the presser's form (FSM keyed per person in this group), so only
their reply counts; /cancel ends it.
"""

from __future__ import annotations

import contextlib
from html import escape

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, ForceReply, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.delivery.service import DeliveryService
from bot.homework.model import WAITING, DecideOutcome, Decision, Submission
from bot.homework.service import HomeworkService
from bot.i18n import Localizer, Translator
from bot.telegram import keyboards
from bot.telegram.callbacks import GroupReviewCb
from bot.telegram.filters import NotCommand
from bot.telegram.states import GroupReviewForm
from bot.telegram.views.cohorts import may_see
from bot.telegram.views.homework import COMMENT_LIMIT, show_group_decision
from storage.cohorts import CohortRepository

GROUPS = {"group", "supergroup"}


def _already(l10n: Localizer, homework_review: tuple[str, str | None] | None) -> str:
    if homework_review is None:
        return l10n("button-outdated")
    decision, who = homework_review
    return l10n("review-already", decision=decision, curator=who or l10n("review-someone"))


async def _decided_by(homework: HomeworkService, submission_id: int) -> tuple[str, str | None] | None:
    review = await homework.review(submission_id)
    return None if review is None else (review.decision, review.reviewer_name)


def setup() -> Router:
    router = Router(name="homework-group")

    async def submission_here(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: GroupReviewCb,
        l10n: Localizer,
        homework: HomeworkService,
        cohorts: CohortRepository,
        roles: frozenset[str],
    ) -> Submission | None:
        """The submission a group button names, if it was posted to this very group and the
        presser reviews its cohort; otherwise the toast says why and None."""
        message = query.message
        submission = await homework.submission(callback_data.submission_id)
        if (
            submission is None
            or message is None
            or await homework.review_group(submission.cohort_id) != message.chat.id
        ):
            callback_answer.text = l10n("button-outdated")
            return None
        cohort = await cohorts.get(submission.cohort_id)
        if cohort is None or not await may_see(cohorts, cohort, query.from_user.id, roles):
            callback_answer.text = l10n("review-group-not-curator")
            return None
        return submission

    async def decide(
        bot: Bot,
        translator: Translator,
        homework: HomeworkService,
        delivery: DeliveryService,
        submission_id: int,
        reviewer_id: int,
        decision: Decision,
        *,
        score: int | None = None,
        comment: str | None = None,
        voice: str | None = None,
    ) -> DecideOutcome:
        result = await homework.decide(
            submission_id, reviewer_id, decision, score=score, comment=comment, comment_voice_file_id=voice
        )
        if result.outcome in (DecideOutcome.DECIDED, DecideOutcome.ALREADY):
            if result.outcome is DecideOutcome.DECIDED:
                delivery.wake()  # the learner's notice is in the deliveries table: send it now
            await show_group_decision(bot, translator, homework, delivery, submission_id)
        return result.outcome

    @router.callback_query(GroupReviewCb.filter(), F.message.chat.type.in_(GROUPS))
    async def pressed(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: GroupReviewCb,
        l10n: Localizer,
        translator: Translator,
        homework: HomeworkService,
        delivery: DeliveryService,
        cohorts: CohortRepository,
        roles: frozenset[str],
        state: FSMContext,
        bot: Bot,
    ) -> None:
        submission = await submission_here(query, callback_answer, callback_data, l10n, homework, cohorts, roles)
        if submission is None:
            return
        assert query.message is not None
        chat_id, post_id = query.message.chat.id, query.message.message_id
        curator = query.from_user.id
        if submission.state != WAITING:
            callback_answer.text = _already(l10n, await _decided_by(homework, submission.id))
            await show_group_decision(bot, translator, homework, delivery, submission.id)
            return
        context = await homework.context(submission.cohort_id, submission.item_key)
        if context is None:
            callback_answer.text = l10n("button-outdated")
            return
        action = callback_data.action
        if action == "back":
            await _markup(bot, chat_id, post_id, keyboards.group_review_keyboard(l10n, submission.id))
            return
        if action == "accept" and context.max_score is not None:
            if context.max_score > keyboards.SCORE_BUTTONS:
                callback_answer.text = l10n("review-group-score-private")
                callback_answer.show_alert = True
                return
            markup = keyboards.group_score_keyboard(l10n, submission.id, context.max_score)
            await _markup(bot, chat_id, post_id, markup)
            callback_answer.text = l10n("review-group-pick-score", max=context.max_score)
            return
        if action in ("accept", "score"):
            score = None
            if action == "score":
                if context.max_score is None or callback_data.score > context.max_score:
                    callback_answer.text = l10n("button-outdated")
                    return
                score = callback_data.score
            outcome = await decide(bot, translator, homework, delivery, submission.id, curator, "accepted", score=score)
            callback_answer.text = (
                l10n("review-group-done")
                if outcome is DecideOutcome.DECIDED
                else _already(l10n, await _decided_by(homework, submission.id))
            )
            return
        # Return: the comment is asked for in the group, as a reply to this question.
        name = escape(query.from_user.full_name)
        ask = await delivery.send_direct(
            lambda: bot.send_message(
                chat_id,
                l10n("review-group-ask-comment", curator=f'<a href="tg://user?id={curator}">{name}</a>'),
                reply_to_message_id=post_id,
                reply_markup=ForceReply(selective=True, input_field_placeholder=l10n("review-group-placeholder")),
            ),
            chat_id=chat_id,  # at the group's pace, with the posts the sender is sending there
        )
        await state.set_state(GroupReviewForm.comment)
        await state.set_data({"submission_id": submission.id, "ask_message_id": ask.message_id})

    @router.message(Command("cancel"), StateFilter(GroupReviewForm), F.chat.type.in_(GROUPS))
    async def cancel(message: Message, l10n: Localizer, state: FSMContext) -> None:
        await state.clear()
        await message.reply(l10n("review-cancelled"))

    @router.message(GroupReviewForm.comment, F.chat.type.in_(GROUPS), NotCommand())
    async def comment(
        message: Message,
        l10n: Localizer,
        translator: Translator,
        homework: HomeworkService,
        delivery: DeliveryService,
        state: FSMContext,
        bot: Bot,
    ) -> None:
        data = await state.get_data()
        reply_to = message.reply_to_message
        if reply_to is None or reply_to.message_id != data.get("ask_message_id"):
            raise SkipHandler  # the group's own conversation, not the answer to our question
        if message.voice is not None:
            text, voice = None, message.voice.file_id
        elif message.text:
            text, voice = message.text.strip(), None
            if len(text) > COMMENT_LIMIT:
                await message.reply(l10n("review-comment-too-long", limit=COMMENT_LIMIT))
                return
        else:
            await message.reply(l10n("review-comment-kind"))
            return
        await state.clear()
        assert message.from_user is not None
        submission_id = int(data.get("submission_id", 0))
        outcome = await decide(
            bot,
            translator,
            homework,
            delivery,
            submission_id,
            message.from_user.id,
            "returned",
            comment=text,
            voice=voice,
        )
        if outcome is DecideOutcome.ALREADY:
            await message.reply(_already(l10n, await _decided_by(homework, submission_id)))
        elif outcome is not DecideOutcome.DECIDED:
            await message.reply(l10n("button-outdated"))

    return router


async def _markup(bot: Bot, chat_id: int, message_id: int, markup: object) -> None:
    with contextlib.suppress(TelegramAPIError):
        await bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id, reply_markup=markup)  # type: ignore[arg-type]
