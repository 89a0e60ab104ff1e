"""The learner's side of the questionnaire and the self-assessment: Fill in, one item at a
time, edited in place; typed answers; the check screen and Send."""

from __future__ import annotations

import contextlib

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.i18n import Localizer
from bot.surveys.model import MAX_TEXT_ANSWER, Form
from bot.surveys.service import Result, Session, Status, SurveyService
from bot.telegram.callbacks import SurveyCb
from bot.telegram.states import SurveyForm
from bot.telegram.views.surveys import form_code, sent_text, step_screen

FORMS = {"q": Form.QUESTIONNAIRE, "b": Form.BEFORE}
# What a refused press says (an alert to read and close).
REFUSALS = {
    Status.ANSWERED: "surveys-answered",
    Status.NOT_ENROLLED: "surveys-not-enrolled",
    Status.NO_FORM: "surveys-no-form",
    Status.STALE: "surveys-stale",
    Status.INVALID: "surveys-invalid",
    Status.INCOMPLETE: "surveys-incomplete",
}


async def _show(
    bot: Bot,
    chat_id: int,
    l10n: Localizer,
    surveys: SurveyService,
    session: Session,
    state: FSMContext,
    *,
    edit: int | None,
) -> None:
    """Show the current item (or the check screen): in place of message ``edit`` if given, else
    as a new message whose id the draft remembers. A typed answer is waited for only on a text item."""
    # The state first: aiogram reads a person's state when their next update comes in, which
    # may be while this handler still runs, as soon as they see the question.
    step = session.step
    if step is not None and step.kind == "text":
        await state.set_state(SurveyForm.text)
        await state.update_data(survey_cohort=session.draft.cohort_id, survey_form=form_code(session.draft.form))
    elif await state.get_state() == SurveyForm.text.state:
        await state.clear()
    text, markup = step_screen(l10n, session)
    if edit is not None and await _edit(bot, chat_id, edit, text, markup):
        message_id = edit
    else:
        sent = await bot.send_message(chat_id, text, reply_markup=markup)
        message_id = sent.message_id
    if message_id != session.draft.message_id:
        await surveys.remember_message(session, message_id)


async def _edit(bot: Bot, chat_id: int, message_id: int, text: str, markup: InlineKeyboardMarkup | None) -> bool:
    try:
        await bot.edit_message_text(text, chat_id=chat_id, message_id=message_id, reply_markup=markup)
    except TelegramBadRequest as error:
        # The same screen again (a double tap): nothing to change. Too old to edit: send anew.
        return "not modified" in str(error)
    return True


def setup() -> Router:
    router = Router(name="surveys")

    @router.callback_query(SurveyCb.filter())
    async def press(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: SurveyCb,
        surveys: SurveyService,
        l10n: Localizer,
        state: FSMContext,
        bot: Bot,
    ) -> None:
        form = FORMS[callback_data.form]
        cohort_id, user_id, step = callback_data.cohort_id, query.from_user.id, callback_data.step
        action = callback_data.action
        result: Result
        if action == "open":
            result = await surveys.open(cohort_id, user_id, form)
        elif action == "pick":
            result = await surveys.answer(cohort_id, user_id, form, step, callback_data.value)
        elif action == "toggle":
            result = await surveys.toggle(cohort_id, user_id, form, step, callback_data.value)
        elif action == "done":
            result = await surveys.done(cohort_id, user_id, form, step)
        elif action == "skip":
            result = await surveys.skip(cohort_id, user_id, form, step)
        elif action == "back":
            result = await surveys.back(cohort_id, user_id, form, step)
        else:
            result = await surveys.submit(cohort_id, user_id, form)
        session = result.session
        pressed = query.message.message_id if isinstance(query.message, Message) else None
        if result.status is Status.OK and action == "send" and session is not None:
            if await state.get_state() == SurveyForm.text.state:
                await state.clear()
            text = sent_text(l10n, session, result.before_after)
            if pressed is None or not await _edit(bot, user_id, pressed, text, None):
                await bot.send_message(user_id, text)
            return
        if result.status is not Status.OK and result.status is not Status.INCOMPLETE:
            key = REFUSALS[result.status]
            if result.status is Status.INVALID and action == "done":
                key = "surveys-choose-at-least-one"
            callback_answer.text = l10n(key)
            callback_answer.show_alert = True
            return
        assert session is not None
        if result.status is Status.INCOMPLETE:
            callback_answer.text = l10n(REFUSALS[Status.INCOMPLETE])
            callback_answer.show_alert = True
        # Fill in opens a new message (the invitation stays readable); the rest edit in place.
        await _show(bot, user_id, l10n, surveys, session, state, edit=None if action == "open" else pressed)

    @router.message(Command("cancel"), StateFilter(SurveyForm.text))
    async def cancel(message: Message, state: FSMContext, l10n: Localizer) -> None:
        """The answers given stay in the draft: Fill in goes on from here."""
        await state.clear()
        await message.answer(l10n("surveys-paused"))

    @router.message(StateFilter(SurveyForm.text), F.text, ~F.text.startswith("/"))
    async def typed(message: Message, surveys: SurveyService, l10n: Localizer, state: FSMContext, bot: Bot) -> None:
        data = await state.get_data()
        form = FORMS.get(str(data.get("survey_form")), Form.QUESTIONNAIRE)
        cohort_id = data.get("survey_cohort")
        user_id = message.chat.id
        if not isinstance(cohort_id, int):
            await state.clear()
            return
        text = (message.text or "").strip()
        if len(text) > MAX_TEXT_ANSWER:
            await message.answer(l10n("surveys-text-too-long", limit=MAX_TEXT_ANSWER))
            return
        opened = await surveys.open(cohort_id, user_id, form)
        if opened.session is None or opened.session.step is None or opened.session.step.kind != "text":
            await state.clear()
            if opened.status is not Status.OK:
                await message.answer(l10n(REFUSALS.get(opened.status, "surveys-stale")))
            return
        previous = opened.session.draft.message_id
        result = await surveys.answer(cohort_id, user_id, form, opened.session.draft.position, text)
        if result.status is not Status.OK or result.session is None:
            await message.answer(l10n("surveys-text-only"))
            return
        # The question answered keeps its text but loses its buttons; the next comes below.
        if previous is not None:
            with contextlib.suppress(TelegramBadRequest):
                await bot.edit_message_reply_markup(chat_id=user_id, message_id=previous, reply_markup=None)
        await _show(bot, user_id, l10n, surveys, result.session, state, edit=None)

    @router.message(StateFilter(SurveyForm.text), ~F.text)
    async def not_text(message: Message, l10n: Localizer) -> None:
        await message.answer(l10n("surveys-text-only"))

    return router
