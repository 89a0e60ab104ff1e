"""Registration: consent, then six short questions, then one screen to check and save."""

from __future__ import annotations

from html import escape

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.types import User as TelegramUser
from aiogram.utils.callback_answer import CallbackAnswer

from bot.clock import Clock
from bot.delivery.service import DeliveryService
from bot.i18n import Localizer, Translator
from bot.people import registration as form
from bot.people.enrolment import EnrolmentService, invite_code_from_payload
from bot.people.model import User
from bot.people.registration import AnswerError, Step
from bot.telegram import keyboards
from bot.telegram.callbacks import FormCb, ProfileCb
from bot.telegram.states import CONSENT, ProfileEdit, Registration, current_step
from bot.telegram.views import QUESTION_MESSAGE, drop_buttons
from bot.telegram.views.enrolment import enrol_and_tell
from bot.telegram.views.registration import ask, ask_again, ask_consent, finish_edit, show_profile, start_registration
from storage.courses import CourseRepository
from storage.users import UserRepository

FORM_STATES = (Registration, ProfileEdit.value)


async def _accept_answer(bot: Bot, chat_id: int, state: FSMContext, l10n: Localizer, step: Step, value: str) -> None:
    data = await state.get_data()
    answers = {**data.get("answers", {}), step.value: value}
    await state.update_data({"answers": answers})
    if data.get("back_to_confirm"):
        await state.update_data({"back_to_confirm": False})
        await ask(bot, chat_id, state, l10n, Step.CONFIRM)
    else:
        await ask(bot, chat_id, state, l10n, form.first_missing(answers))


def _label_variants(translator: Translator, step: Step):
    return lambda value: translator.all_variants(form.choice_message_id(step, value))


def setup() -> Router:
    router = Router(name="registration")

    @router.message(Command("cancel"))
    async def cancel_command(message: Message, state: FSMContext, l10n: Localizer, user: User | None, bot: Bot) -> None:
        state_name = await state.get_state()
        step = current_step(state_name, await state.get_data())
        if step is None and state_name is not None:
            # A form without a /cancel of its own (or one its router no longer lets this person
            # reach, say after losing a role): never leave anybody inside it.
            await state.clear()
            await message.answer(l10n("form-cancelled-other"))
            return
        if step is None:
            await message.answer(l10n("cancel-nothing"))
            return
        await _cancel(bot, message.chat.id, state, l10n, user)

    @router.message(StateFilter(*FORM_STATES))
    async def form_answer(
        message: Message,
        state: FSMContext,
        l10n: Localizer,
        translator: Translator,
        users: UserRepository,
        clock: Clock,
        user: User | None,
        bot: Bot,
    ) -> None:
        data = await state.get_data()
        step_name = current_step(await state.get_state(), data)
        if step_name is None:  # pragma: no cover - guarded by the state filter
            return
        editing = await state.get_state() == ProfileEdit.value.state
        stored = getattr(user, step_name, None) if editing and user else None
        if step_name == CONSENT or step_name == Step.CONFIRM:
            await ask_again(bot, message.chat.id, state, l10n, step_name, error="form-error-press-button")
            return
        step = Step(step_name)
        try:
            if step in form.BUTTON_STEPS:
                value = form.match_choice(message.text, form.choices_for(step), _label_variants(translator, step))
            else:
                value = form.clean_answer(step, message.text)
        except AnswerError as problem:
            await ask_again(
                bot,
                message.chat.id,
                state,
                l10n,
                step_name,
                error=problem.key,
                error_args=problem.args_for_message,
                stored_value=stored,
            )
            return
        if editing:
            await finish_edit(bot, message.chat.id, state, l10n, users, clock, step, value)
        else:
            await _accept_answer(bot, message.chat.id, state, l10n, step, value)

    @router.callback_query(FormCb.filter())
    async def form_button(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: FormCb,
        state: FSMContext,
        l10n: Localizer,
        users: UserRepository,
        clock: Clock,
        user: User | None,
        bot: Bot,
        enrolment: EnrolmentService,
        courses: CourseRepository,
        delivery: DeliveryService,
    ) -> None:
        chat_id = query.from_user.id
        state_name = await state.get_state()
        data = await state.get_data()
        step_name = current_step(state_name, data)
        editing = state_name == ProfileEdit.value.state
        is_current = (
            step_name is not None
            and callback_data.step == step_name
            and query.message is not None
            and query.message.message_id == data.get(QUESTION_MESSAGE)
        )
        if not is_current:
            # A button from an earlier question (or a forged one): say so, change nothing, and
            # put the current question back in front of the person.
            callback_answer.text = l10n("button-outdated")
            if query.message is not None:
                await drop_buttons(bot, chat_id, query.message.message_id)
            if step_name is not None:
                stored = getattr(user, step_name, None) if editing and user else None
                await ask_again(bot, chat_id, state, l10n, step_name, stored_value=stored)
            return
        assert step_name is not None  # is_current says so
        action, value = callback_data.action, callback_data.value
        if action == "cancel":
            await _cancel(bot, chat_id, state, l10n, user)
        elif step_name == CONSENT and action == "consent-yes":
            await drop_buttons(bot, chat_id, data.get(QUESTION_MESSAGE))
            await bot.send_message(chat_id, l10n("consent-thanks"))
            await state.set_data({"answers": {}})
            await ask(bot, chat_id, state, l10n, Step.FULL_NAME)
        elif step_name == CONSENT and action == "consent-no":
            await drop_buttons(bot, chat_id, data.get(QUESTION_MESSAGE))
            await state.clear()
            await bot.send_message(
                chat_id, l10n("consent-declined"), reply_markup=keyboards.restart_registration_keyboard(l10n)
            )
        elif action == "back" and not editing:
            step = Step(step_name)
            if data.get("back_to_confirm"):
                await state.update_data({"back_to_confirm": False})
                await ask(bot, chat_id, state, l10n, Step.CONFIRM)
            elif (previous := form.previous_step(step)) is None:
                await ask_consent(bot, chat_id, state, l10n)
            else:
                await ask(bot, chat_id, state, l10n, previous)
        elif action == "pick" and step_name in form.BUTTON_STEPS:
            step = Step(step_name)
            try:
                choice = form.validate_choice(step, value)
            except AnswerError:
                await ask_again(bot, chat_id, state, l10n, step_name, error="button-outdated")
                return
            if editing:
                await finish_edit(bot, chat_id, state, l10n, users, clock, step, choice)
            else:
                await _accept_answer(bot, chat_id, state, l10n, step, choice)
        elif action == "change" and step_name == Step.CONFIRM and value in form.FIELDS:
            await state.update_data({"back_to_confirm": True})
            await ask(bot, chat_id, state, l10n, Step(value))
        elif action == "save" and step_name == Step.CONFIRM:
            await _save(bot, query.from_user, state, l10n, users, clock, enrolment, courses, delivery)
        else:
            await ask_again(bot, chat_id, state, l10n, step_name, error="button-outdated")

    @router.callback_query(ProfileCb.filter(F.action == "register"))
    async def register_again(
        query: CallbackQuery, state: FSMContext, l10n: Localizer, user: User | None, bot: Bot
    ) -> None:
        if query.message is not None:
            await drop_buttons(bot, query.from_user.id, query.message.message_id)
        if user is not None and user.is_registered:
            await show_profile(bot, query.from_user.id, l10n, user)
            return
        await start_registration(bot, query.from_user.id, state, l10n)

    return router


async def _cancel(bot: Bot, chat_id: int, state: FSMContext, l10n: Localizer, user: User | None) -> None:
    data = await state.get_data()
    editing = await state.get_state() == ProfileEdit.value.state
    await drop_buttons(bot, chat_id, data.get(QUESTION_MESSAGE))
    await state.clear()
    if editing and user is not None:
        await bot.send_message(chat_id, l10n("profile-edit-cancelled"))
        await show_profile(bot, chat_id, l10n, user)
        return
    await bot.send_message(chat_id, l10n("form-cancelled"), reply_markup=keyboards.restart_registration_keyboard(l10n))


async def _save(
    bot: Bot,
    person: TelegramUser,
    state: FSMContext,
    l10n: Localizer,
    users: UserRepository,
    clock: Clock,
    enrolment: EnrolmentService,
    courses: CourseRepository,
    delivery: DeliveryService,
) -> None:
    data = await state.get_data()
    answers = data.get("answers", {})
    try:
        profile = form.profile_from_answers(answers)
    except (KeyError, AnswerError):
        await ask(bot, person.id, state, l10n, form.first_missing(answers))
        return
    await users.register(person.id, profile, language=l10n.locale, username=person.username, now=clock.now())
    await drop_buttons(bot, person.id, data.get(QUESTION_MESSAGE))
    await state.clear()
    await bot.send_message(
        person.id, l10n("registered", name=escape(profile.full_name)), reply_markup=keyboards.main_menu(l10n)
    )
    stored = await users.get(person.id)
    code = invite_code_from_payload(stored.pending_payload if stored else None)
    if code:
        # The invite link the person came with: enrol them now that they are registered.
        await users.clear_payload(person.id)
        await enrol_and_tell(bot, person.id, l10n, code, enrolment, courses, delivery, clock)
