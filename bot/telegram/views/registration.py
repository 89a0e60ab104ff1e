"""The registration form and the profile card: shared by /start, registration, the profile
editor and /language.

Each question is one message with its buttons. When the person moves on, the buttons of the
previous question are taken away, so an old message cannot be pressed by mistake; if it is
pressed anyway (the edit failed on a bad connection), the step check in the callback handler
answers it as stale.
"""

from __future__ import annotations

from html import escape

from aiogram import Bot
from aiogram.fsm.context import FSMContext

from bot.clock import Clock
from bot.i18n import Localizer
from bot.people import registration as form
from bot.people.model import User
from bot.people.registration import FIELDS, ORDER, Step
from bot.telegram import keyboards
from bot.telegram.states import CONSENT, ProfileEdit, Registration, current_step, state_for
from bot.telegram.views.common import QUESTION_MESSAGE, ask_question, drop_buttons
from storage.users import UserRepository


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


async def ask_consent(bot: Bot, chat_id: int, state: FSMContext, l10n: Localizer, error: str | None = None) -> None:
    await state.set_state(Registration.consent)
    text = l10n("consent-request")
    if error:
        text = f"{l10n(error)}\n\n{text}"
    await ask_question(bot, chat_id, state, text, keyboards.consent_keyboard(l10n))


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
    await ask_question(bot, chat_id, state, text, markup)


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
    await ask_question(bot, chat_id, state, text, keyboards.question_keyboard(l10n, field, editing=True))


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


async def start_registration(bot: Bot, chat_id: int, state: FSMContext, l10n: Localizer) -> None:
    """Begin (or resume) the form: a draft in progress is continued, never thrown away."""
    state_name = await state.get_state()
    data = await state.get_data()
    step = current_step(state_name, data)
    if step is not None and state_name != ProfileEdit.value.state:
        await ask_again(bot, chat_id, state, l10n, step)
        return
    await state.clear()
    await ask_consent(bot, chat_id, state, l10n)


async def show_profile(bot: Bot, chat_id: int, l10n: Localizer, user: User) -> None:
    answers = {field: getattr(user, field) for field in FIELDS if getattr(user, field)}
    text = l10n("profile-card", summary=summary(l10n, answers), language=l10n(f"language-name-{l10n.locale}"))
    await bot.send_message(chat_id, text, reply_markup=keyboards.profile_keyboard(l10n))


async def not_registered(bot: Bot, chat_id: int, l10n: Localizer) -> None:
    await bot.send_message(
        chat_id, l10n("profile-not-registered"), reply_markup=keyboards.restart_registration_keyboard(l10n)
    )


async def finish_edit(
    bot: Bot,
    chat_id: int,
    state: FSMContext,
    l10n: Localizer,
    users: UserRepository,
    clock: Clock,
    field: Step,
    value: str,
) -> None:
    """Store the profile editor's answer and show the profile again."""
    data = await state.get_data()
    await users.update_field(chat_id, field.value, value, clock.now())
    await drop_buttons(bot, chat_id, data.get(QUESTION_MESSAGE))
    await state.clear()
    await bot.send_message(chat_id, l10n("profile-updated"))
    user = await users.get(chat_id)
    if user is not None:
        await show_profile(bot, chat_id, l10n, user)
