"""Asking the form's questions: shared by registration, the profile editor and /language.

Each question is one message with its buttons. When the person moves on, the buttons of the
previous question are taken away, so an old message cannot be pressed by mistake; if it is
pressed anyway (the edit failed on a bad connection), the step check in the callback handler
answers it as stale.
"""

from __future__ import annotations

import contextlib
from html import escape

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardMarkup

from bot.i18n import Localizer
from bot.people import registration as form
from bot.people.registration import ORDER, Step
from bot.telegram import keyboards
from handlers.states import CONSENT, ProfileEdit, Registration, state_for

QUESTION_MESSAGE = "question_message_id"


def display_value(l10n: Localizer, step: Step, value: str) -> str:
    if step in form.BUTTON_STEPS:
        return l10n(form.choice_message_id(step, value))
    return escape(value)


def summary(l10n: Localizer, answers: dict[str, str]) -> str:
    lines = []
    for step in ORDER:
        if step is Step.CONFIRM or step not in answers:
            continue
        lines.append(
            l10n("profile-line", label=l10n(f"field-{step.value}"), value=display_value(l10n, step, answers[step]))
        )
    return "\n".join(lines)


async def drop_buttons(bot: Bot, chat_id: int, message_id: int | None) -> None:
    """Best effort: a failure here must not stop the conversation."""
    if message_id is None:
        return
    with contextlib.suppress(TelegramBadRequest):
        await bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id, reply_markup=None)


async def _send_question(bot: Bot, chat_id: int, state: FSMContext, text: str, markup: InlineKeyboardMarkup) -> None:
    data = await state.get_data()
    await drop_buttons(bot, chat_id, data.get(QUESTION_MESSAGE))
    sent = await bot.send_message(chat_id, text, reply_markup=markup)
    await state.update_data({QUESTION_MESSAGE: sent.message_id})


async def ask_consent(bot: Bot, chat_id: int, state: FSMContext, l10n: Localizer, error: str | None = None) -> None:
    await state.set_state(Registration.consent)
    text = l10n("consent-request")
    if error:
        text = f"{l10n(error)}\n\n{text}"
    await _send_question(bot, chat_id, state, text, keyboards.consent_keyboard(l10n))


async def ask(
    bot: Bot,
    chat_id: int,
    state: FSMContext,
    l10n: Localizer,
    step: Step,
    *,
    error: str | None = None,
    error_args: dict | None = None,
) -> None:
    """Put the person on ``step`` of the registration form and ask its question."""
    await state.set_state(state_for(step))
    answers: dict[str, str] = (await state.get_data()).get("answers", {})
    if step is Step.CONFIRM:
        text = l10n("form-confirm", summary=summary(l10n, answers))
        markup = keyboards.confirm_keyboard(l10n)
    else:
        number = ORDER.index(step) + 1
        text = l10n("form-progress", step=number, total=len(ORDER) - 1)
        text += "\n" + l10n(f"form-ask-{step.value.replace('_', '-')}")
        if step in answers:
            text += "\n\n" + l10n("form-current", value=display_value(l10n, step, answers[step]))
        markup = keyboards.question_keyboard(l10n, step)
    if error:
        text = f"{l10n(error, **(error_args or {}))}\n\n{text}"
    await _send_question(bot, chat_id, state, text, markup)


async def ask_edit(
    bot: Bot,
    chat_id: int,
    state: FSMContext,
    l10n: Localizer,
    field: Step,
    current: str | None,
    *,
    error: str | None = None,
    error_args: dict | None = None,
) -> None:
    """The profile editor: one question, answered or cancelled, then back to the profile."""
    await state.set_state(ProfileEdit.value)
    await state.update_data({"field": field.value})
    text = l10n(f"form-ask-{field.value.replace('_', '-')}")
    if current:
        text += "\n\n" + l10n("form-current", value=display_value(l10n, field, current))
    if error:
        text = f"{l10n(error, **(error_args or {}))}\n\n{text}"
    await _send_question(bot, chat_id, state, text, keyboards.question_keyboard(l10n, field, editing=True))


async def ask_again(
    bot: Bot,
    chat_id: int,
    state: FSMContext,
    l10n: Localizer,
    current: str,
    *,
    error: str | None = None,
    error_args: dict | None = None,
    stored_value: str | None = None,
) -> None:
    """Repeat whatever question the person is on (after a bad answer or a language switch)."""
    state_name = await state.get_state()
    if current == CONSENT:
        await ask_consent(bot, chat_id, state, l10n, error=error)
    elif state_name == ProfileEdit.value.state:
        await ask_edit(bot, chat_id, state, l10n, Step(current), stored_value, error=error, error_args=error_args)
    else:
        await ask(bot, chat_id, state, l10n, Step(current), error=error, error_args=error_args)
