"""Owners grant and revoke the organizer and curator roles, and see who holds which."""

from __future__ import annotations

import contextlib
from html import escape

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, MessageOriginHiddenUser, MessageOriginUser
from aiogram.utils.callback_answer import CallbackAnswer

from bot.clock import Clock
from bot.config import Settings
from bot.i18n import Localizer, Translator
from bot.people import access
from bot.people.model import User
from bot.telegram import keyboards
from bot.telegram.callbacks import RoleCb, id_from
from bot.telegram.commands import set_chat_commands
from bot.telegram.filters import NotCommand
from bot.telegram.states import GrantRole
from bot.telegram.views import drop_buttons
from storage.roles import ROLES, RoleRepository
from storage.users import UserRepository


def _name(user: User) -> str:
    return escape(user.full_name or str(user.telegram_id))


async def find_person(message: Message, users: UserRepository) -> tuple[User | None, str | None]:
    """The person an owner points at, or the Fluent key that says why not."""
    origin = message.forward_origin
    if isinstance(origin, MessageOriginHiddenUser):
        return None, "roles-error-hidden-forward"
    if isinstance(origin, MessageOriginUser):
        target_id: int | None = origin.sender_user.id
    elif message.text and message.text.strip().lstrip("@").isdigit() and not message.text.startswith("@"):
        target_id = id_from(message.text)
        if target_id is None:
            return None, "roles-error-not-an-id"
    elif message.text and message.text.strip().startswith("@"):
        found = await users.find_by_username(message.text.strip())
        return (found, None) if found else (None, "roles-error-unknown-username")
    else:
        return None, "roles-error-what"
    found = await users.get(target_id) if target_id is not None else None
    return (found, None) if found else (None, "roles-error-never-started")


async def refresh_menu(
    bot: Bot, translator: Translator, person: User, roles: RoleRepository, settings: Settings
) -> None:
    held = set(await roles.roles_of(person.telegram_id))
    if settings.is_owner(person.telegram_id):
        held.add(access.OWNER)
    await set_chat_commands(bot, translator, person.telegram_id, person.language or translator.default_locale, held)


def setup() -> Router:
    router = Router(name="roles")

    @router.message(Command("roles"))
    async def list_roles(message: Message, l10n: Localizer, role_repo: RoleRepository) -> None:
        holders = await role_repo.holders()
        if not holders:
            await message.answer(l10n("roles-none"))
            return
        lines = [
            l10n("roles-line", name=escape(full_name or str(user_id)), role=l10n(f"role-{role}"), id=user_id)
            for user_id, role, full_name in holders
        ]
        await message.answer(
            l10n("roles-list") + "\n" + "\n".join(lines), reply_markup=keyboards.revoke_keyboard(l10n, holders)
        )

    @router.message(Command("grant"))
    async def grant_start(message: Message, state: FSMContext, l10n: Localizer) -> None:
        await state.set_state(GrantRole.person)
        await message.answer(l10n("roles-grant-who"))

    @router.message(Command("cancel"), GrantRole.person)
    async def grant_cancel(message: Message, state: FSMContext, l10n: Localizer) -> None:
        await state.clear()
        await message.answer(l10n("roles-grant-cancelled"))

    @router.message(GrantRole.person, NotCommand())
    async def grant_person(message: Message, state: FSMContext, l10n: Localizer, users: UserRepository) -> None:
        person, problem = await find_person(message, users)
        if person is None:
            await message.answer(l10n(problem or "roles-error-what") + "\n\n" + l10n("roles-grant-who"))
            return
        await state.clear()
        await message.answer(
            l10n("roles-grant-which", name=_name(person)),
            reply_markup=keyboards.grant_keyboard(l10n, person.telegram_id, ROLES),
        )

    @router.callback_query(RoleCb.filter(F.action.in_({"grant", "revoke"})))
    async def change(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: RoleCb,
        l10n: Localizer,
        clock: Clock,
        role_repo: RoleRepository,
        users: UserRepository,
        bot: Bot,
        translator: Translator,
        settings: Settings,
    ) -> None:
        person = await users.get(callback_data.user_id)
        if person is None or callback_data.role not in ROLES:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        role_name = l10n(f"role-{callback_data.role}")
        if callback_data.action == "grant":
            changed = await role_repo.grant(person.telegram_id, callback_data.role, query.from_user.id, clock.now())
            key = "roles-granted" if changed else "roles-already"
        else:
            changed = await role_repo.revoke(person.telegram_id, callback_data.role)
            key = "roles-revoked" if changed else "roles-not-held"
        await drop_buttons(bot, query.from_user.id, query.message.message_id if query.message else None)
        await bot.send_message(query.from_user.id, l10n(key, name=_name(person), role=role_name))
        if changed:
            await refresh_menu(bot, translator, person, role_repo, settings)
            theirs = l10n.with_locale(person.language or translator.default_locale)
            news = "roles-you-got" if callback_data.action == "grant" else "roles-you-lost"
            with contextlib.suppress(TelegramForbiddenError, TelegramBadRequest):
                await bot.send_message(person.telegram_id, theirs(news, role=theirs(f"role-{callback_data.role}")))

    return router
