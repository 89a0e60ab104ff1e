"""/start, with or without a deep-link payload: greet, and let the person pick a language."""

from __future__ import annotations

from html import escape

from aiogram import Bot, Router
from aiogram.filters import CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.clock import Clock
from bot.delivery.service import DeliveryService
from bot.i18n import Localizer, Translator
from bot.people.enrolment import EnrolmentService, Outcome, invite_code_from_payload
from bot.people.model import User
from bot.telegram import keyboards
from bot.telegram.states import Registration
from bot.telegram.views.enrolment import enrol_and_tell, refusal_text
from storage.courses import CourseRepository
from storage.users import UserRepository

MAX_PAYLOAD = 64  # Telegram's own limit for a start parameter


def setup() -> Router:
    router = Router(name="start")

    @router.message(CommandStart())
    async def start(
        message: Message,
        command: CommandObject,
        state: FSMContext,
        l10n: Localizer,
        translator: Translator,
        users: UserRepository,
        enrolment: EnrolmentService,
        courses: CourseRepository,
        delivery: DeliveryService,
        clock: Clock,
        user: User | None,
        bot: Bot,
    ) -> None:
        state_name = await state.get_state()
        if state_name is not None and not state_name.startswith(f"{Registration.__name__}:"):
            # /start leaves any other form (a registration draft is resumed after the language).
            await state.clear()
        payload = (command.args or "").strip()
        code = invite_code_from_payload(payload) if len(payload) <= MAX_PAYLOAD else None
        registered = user is not None and user.is_registered
        if user is not None and registered and code:
            await message.answer(l10n("start-welcome-back", name=escape(user.full_name or "")))
            await enrol_and_tell(bot, message.chat.id, l10n, code, enrolment, courses, delivery, clock)
            return
        if user is not None and registered:
            await message.answer(
                l10n("start-welcome-back", name=escape(user.full_name or "")), reply_markup=keyboards.main_menu(l10n)
            )
            return
        refusal = await enrolment.newcomer_refusal(code, clock.now()) if code else None
        if (payload and code is None) or (refusal is not None and refusal.outcome is Outcome.UNKNOWN):
            await message.answer(l10n("enrol-unknown"))
        elif refusal is not None:
            # Said at once, before the form, so nobody registers for a link that leads nowhere or
            # a group they cannot join; registering anyway stays open (the greeting follows).
            text = await refusal_text(l10n, courses, refusal)
            await message.answer(text + "\n\n" + l10n("enrol-register-anyway"))
        elif code:
            # Enrolment happens as soon as the person is registered (see registration._save).
            await users.remember_payload(message.chat.id, payload, clock.now())
        await message.answer(l10n("start-greeting"), reply_markup=keyboards.language_keyboard(translator, "start"))

    return router
