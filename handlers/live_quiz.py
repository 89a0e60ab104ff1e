"""The live quiz in the chat: the host's /livequiz (cohort, quiz, where to play, the lobby,
Start, Skip, Stop), the learners' "I'm in", and /bindgroup, which makes a group a cohort's group
for live quizzes, for homework review (bot/homework posts new submissions there), or both.

The host's side and /bindgroup hang under the staff routers (``setup`` returns them apart); the
players' "I'm in" is for everyone. The game itself runs in bot.quizzes.live.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from html import escape

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.i18n import Localizer
from bot.people import access
from bot.people.model import Cohort
from bot.quizzes.live import CreateOutcome, HostOutcome, JoinOutcome, LiveQuizService
from bot.telegram.callbacks import GroupBindCb, LiveHostCb, LiveJoinCb, LiveSetupCb
from bot.telegram.views import drop_buttons
from bot.telegram.views.quizzes import (
    bind_group_keyboard,
    bind_purpose_keyboard,
    live_cohorts_keyboard,
    live_lobby_keyboard,
    live_modes_keyboard,
    live_quizzes_keyboard,
)
from storage.cohorts import CohortRepository

log = logging.getLogger(__name__)

LOBBY_REFRESH = 2.0  # seconds: the host's lobby count is edited at most this often


def setup() -> Router:
    """The players' "I'm in", for everyone."""
    return _players()


def staff_setup() -> tuple[Router, Router]:
    """(the host's router, for curators and up; /bindgroup, for organizers)."""
    return _host(), _binding()


async def _cohorts_for(cohorts: CohortRepository, user_id: int, roles: frozenset[str]) -> list[Cohort]:
    mine = await cohorts.all() if access.allowed(roles, access.ORGANIZER) else await cohorts.curated_by(user_id)
    return [cohort for cohort in mine if cohort.status != "finished"]


def _host() -> Router:
    router = Router(name="live-quiz-host")

    @router.message(Command("livequiz"), F.chat.type == "private")
    async def livequiz(
        message: Message, l10n: Localizer, cohorts: CohortRepository, roles: frozenset[str], bot: Bot
    ) -> None:
        assert message.from_user is not None
        mine = await _cohorts_for(cohorts, message.from_user.id, roles)
        if not mine:
            await message.answer(l10n("live-no-cohorts"))
            return
        await message.answer(l10n("live-pick-cohort"), reply_markup=live_cohorts_keyboard(mine))

    @router.message(Command("livequiz"))
    async def livequiz_in_group(message: Message, l10n: Localizer, live: LiveQuizService) -> None:
        going = await live.going_in_chat(message.chat.id)
        await message.reply(l10n("live-already-here" if going is not None else "live-open-in-private"))

    @router.callback_query(LiveSetupCb.filter())
    async def set_up(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: LiveSetupCb,
        l10n: Localizer,
        live: LiveQuizService,
        cohorts: CohortRepository,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        user_id = query.from_user.id
        mine = {cohort.id: cohort for cohort in await _cohorts_for(cohorts, user_id, roles)}
        cohort = mine.get(callback_data.cohort_id)
        found = await live.choices(callback_data.cohort_id) if cohort is not None else None
        if cohort is None or found is None:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        course, quizzes = found
        if query.message is not None:
            await drop_buttons(bot, user_id, query.message.message_id)
        if callback_data.action == "cohort":
            if not quizzes:
                await bot.send_message(user_id, l10n("live-no-quizzes"))
                return
            titles = [course.text(quiz.title, l10n.locale) for quiz in quizzes]
            await bot.send_message(
                user_id, l10n("live-pick-quiz"), reply_markup=live_quizzes_keyboard(cohort.id, titles)
            )
            return
        if callback_data.quiz >= len(quizzes):
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        quiz = quizzes[callback_data.quiz]
        group = await live.group_of(cohort.id)
        if callback_data.action == "quiz":
            text = l10n("live-pick-mode", title=escape(course.text(quiz.title, l10n.locale), quote=False))
            if group is None:
                text += "\n\n" + l10n("live-no-group")
            markup = live_modes_keyboard(l10n, cohort.id, callback_data.quiz, group=group is not None)
            await bot.send_message(user_id, text, reply_markup=markup)
            return
        outcome, game = await live.create(cohort.id, user_id, quiz.key, callback_data.mode)
        if outcome is not CreateOutcome.CREATED or game is None:
            await bot.send_message(user_id, l10n(f"live-create-{outcome.value}"))
        # Created: the lobby comes from the sender, ahead of the invitations.

    @router.callback_query(LiveHostCb.filter())
    async def host(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: LiveHostCb,
        l10n: Localizer,
        live: LiveQuizService,
        bot: Bot,
    ) -> None:
        user_id = query.from_user.id
        action = callback_data.action
        if action == "start":
            outcome = await live.begin(callback_data.game_id, user_id)
        elif action == "skip":
            outcome = await live.skip(callback_data.game_id, user_id)
        else:
            outcome = await live.stop(callback_data.game_id, user_id)
        callback_answer.text = l10n(f"live-host-{action}-{outcome.value}")
        callback_answer.show_alert = outcome is not HostOutcome.DONE
        if outcome is HostOutcome.DONE and action in ("start", "cancel", "stop") and query.message is not None:
            await drop_buttons(bot, user_id, query.message.message_id)

    return router


def _binding() -> Router:
    router = Router(name="live-quiz-binding")

    @router.message(Command("bindgroup"), F.chat.type.in_({"group", "supergroup"}))
    async def bind(message: Message, l10n: Localizer, cohorts: CohortRepository, roles: frozenset[str]) -> None:
        assert message.from_user is not None
        mine = await _cohorts_for(cohorts, message.from_user.id, roles)
        if not mine:
            await message.reply(l10n("live-no-cohorts"))
            return
        await message.reply(l10n("live-bind-pick"), reply_markup=bind_group_keyboard(mine))

    @router.message(Command("bindgroup"))
    async def bind_in_private(message: Message, l10n: Localizer) -> None:
        await message.answer(l10n("live-bind-in-group"))

    @router.callback_query(GroupBindCb.filter())
    async def bound(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: GroupBindCb,
        l10n: Localizer,
        live: LiveQuizService,
        cohorts: CohortRepository,
        roles: frozenset[str],
        bot: Bot,
    ) -> None:
        """The cohort, then what the group is for; the binding itself is the live quiz service's
        (cohort_groups), whichever feature the group serves."""
        message = query.message
        mine = {c.id: c for c in await _cohorts_for(cohorts, query.from_user.id, roles)}
        cohort = mine.get(callback_data.cohort_id)
        if cohort is None or message is None or message.chat.type not in ("group", "supergroup"):
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        name = escape(cohort.name, quote=False)
        if callback_data.action == "bind":
            await bot.edit_message_text(
                l10n("group-bind-purpose", cohort=name),
                chat_id=message.chat.id,
                message_id=message.message_id,
                reply_markup=bind_purpose_keyboard(l10n, cohort.id),
            )
            return
        purposes = ("quiz", "review") if callback_data.purpose == "both" else (callback_data.purpose,)
        await live.bind_group(cohort.id, message.chat.id, query.from_user.id, purposes)
        await drop_buttons(bot, message.chat.id, message.message_id)
        await bot.send_message(message.chat.id, l10n(f"group-bind-done-{callback_data.purpose}", cohort=name))

    return router


def _players() -> Router:
    router = Router(name="live-quiz-players")
    refreshing: dict[int, asyncio.Task[None]] = {}

    async def refresh_lobby(bot: Bot, live: LiveQuizService, l10n: Localizer, game_id: int) -> None:
        """Edit the host's lobby count, at most every LOBBY_REFRESH seconds (a join each second
        from 300 people must not become 300 edits)."""
        try:
            await asyncio.sleep(LOBBY_REFRESH)
            found = await live.lobby_view(game_id)
            if found is None:
                return
            game, text, language = found
            with contextlib.suppress(TelegramAPIError):
                await bot.edit_message_text(
                    text,
                    chat_id=game.host_id,
                    message_id=game.lobby_message_id,
                    reply_markup=live_lobby_keyboard(l10n.with_locale(language), game.id),
                )
        finally:
            refreshing.pop(game_id, None)

    @router.callback_query(LiveJoinCb.filter())
    async def join(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: LiveJoinCb,
        l10n: Localizer,
        live: LiveQuizService,
        bot: Bot,
    ) -> None:
        outcome, game = await live.join(callback_data.game_id, query.from_user.id)
        callback_answer.text = l10n(f"live-join-{outcome.value}")
        callback_answer.show_alert = outcome not in (JoinOutcome.JOINED, JoinOutcome.ALREADY)
        if outcome is JoinOutcome.JOINED and game is not None and game.id not in refreshing:
            refreshing[game.id] = asyncio.create_task(refresh_lobby(bot, live, l10n, game.id))

    return router
