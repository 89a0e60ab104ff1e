"""/broadcast (organizers): whom to write to (a cohort, narrowed by region or rural / urban),
the message (text, photo, document or video, formatting kept), a preview exactly as learners will
see it with the number of recipients, and Send; then one progress message with a Stop button."""

from __future__ import annotations

from html import escape

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.broadcasts.model import Audience, BroadcastContent
from bot.broadcasts.service import BroadcastService, NoRecipients
from bot.delivery.sender import send_one
from bot.i18n import Localizer
from bot.people.model import Cohort
from bot.telegram import keyboards
from bot.telegram.callbacks import BroadcastCb
from bot.telegram.filters import NotCommand
from bot.telegram.states import BroadcastForm
from bot.telegram.views import QUESTION_MESSAGE, ask_question, drop_buttons
from bot.telegram.views.broadcasts import audience_lines, audience_text, progress_text
from bot.text import dates
from bot.text.buttons import fitted_label
from storage.cohorts import CohortRepository

FINISHED = "finished"


def content_of(message: Message) -> BroadcastContent | None:
    """The message as a broadcast: its HTML (entities kept) and the file it carries, if any."""
    html = message.html_text if (message.text or message.caption) else ""
    if message.photo:
        return BroadcastContent("photo", html, message.photo[-1].file_id)
    if message.document:
        return BroadcastContent("document", html, message.document.file_id)
    if message.video:
        return BroadcastContent("video", html, message.video.file_id)
    if message.text and message.text.strip():
        return BroadcastContent("text", html)
    return None


def _audience(data: dict) -> Audience:
    extra = tuple(sorted((key, value) for key, value in (data.get("extra") or {}).items()))
    return Audience(region=data.get("region"), settlement=data.get("settlement"), extra=extra)


def _chosen(data: dict) -> list[str]:
    """The other filters' choices, as they were named when picked (FSM data)."""
    names = data.get("extra_names") or {}
    return [names[key] for key in sorted(data.get("extra") or {}) if key in names]


async def _filter_choices(
    l10n: Localizer, broadcasts: BroadcastService, cohort_id: int, key: str
) -> list[tuple[str, str]]:
    """(label, value) of one filter's choices in this cohort; none for an unknown filter."""
    flt = broadcasts.filters.get(key)
    if flt is None:
        return []
    return [(l10n(choice.message_id, **choice.args), choice.value) for choice in await flt.choices(cohort_id)]


async def _filters(l10n: Localizer, broadcasts: BroadcastService, cohort_id: int) -> list[tuple[str, str]]:
    """(label, key) of the filters with something to choose in this cohort: no button for a
    filter that cannot pick anyone (a course without a questionnaire)."""
    return [
        (l10n(flt.label_id), key)
        for key, flt in broadcasts.filters.items()
        if await _filter_choices(l10n, broadcasts, cohort_id, key)
    ]


def _content(data: dict) -> BroadcastContent | None:
    stored = data.get("content")
    return None if stored is None else BroadcastContent(stored["kind"], stored["html"], stored.get("file_id"))


def setup() -> Router:
    router = Router(name="broadcasts")

    async def open_cohort(cohorts: CohortRepository, cohort_id: int) -> Cohort | None:
        cohort = await cohorts.get(cohort_id)
        return None if cohort is None or cohort.status == FINISHED else cohort

    async def show_audience(
        bot: Bot, chat_id: int, state: FSMContext, l10n: Localizer, broadcasts: BroadcastService, cohort: Cohort
    ) -> None:
        await state.set_state(BroadcastForm.audience)
        data = await state.get_data()
        audience = _audience(data)
        recipients = await broadcasts.recipients(cohort.id, audience)
        text = audience_text(l10n, cohort.name, audience, recipients, _chosen(data))
        filters = await _filters(l10n, broadcasts, cohort.id)
        markup = keyboards.broadcast_audience_keyboard(
            l10n, cohort.id, can_write=bool(recipients.user_ids), filters=filters
        )
        await ask_question(bot, chat_id, state, text, markup)

    async def ask_message(bot: Bot, chat_id: int, state: FSMContext, l10n: Localizer, cohort_id: int) -> None:
        await state.set_state(BroadcastForm.message)
        markup = keyboards.broadcast_message_keyboard(l10n, cohort_id)
        await ask_question(bot, chat_id, state, l10n("broadcast-ask-message"), markup)

    async def end_form(bot: Bot, chat_id: int, state: FSMContext) -> None:
        await drop_buttons(bot, chat_id, (await state.get_data()).get(QUESTION_MESSAGE))
        await state.clear()

    @router.message(Command("broadcast"))
    async def broadcast_command(
        message: Message, state: FSMContext, cohorts: CohortRepository, l10n: Localizer
    ) -> None:
        await state.clear()
        open_ones = [c for c in await cohorts.all() if c.status != FINISHED]
        if not open_ones:
            await message.answer(l10n("broadcast-no-cohorts"))
            return
        labels = [
            (fitted_label(l10n, "cohort-list-button", "name", name=c.name, learners=c.active_learners), c.id)
            for c in open_ones
        ]
        await message.answer(l10n("broadcast-which-cohort"), reply_markup=keyboards.broadcast_cohorts_keyboard(labels))

    @router.callback_query(BroadcastCb.filter(F.action == "cohort"))
    async def pick_cohort(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: BroadcastCb,
        state: FSMContext,
        cohorts: CohortRepository,
        broadcasts: BroadcastService,
        l10n: Localizer,
        bot: Bot,
    ) -> None:
        cohort = await open_cohort(cohorts, callback_data.cohort_id)
        if cohort is None:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        await state.clear()
        await state.set_data({"cohort_id": cohort.id})
        await show_audience(bot, query.from_user.id, state, l10n, broadcasts, cohort)

    @router.message(Command("cancel"), StateFilter(BroadcastForm))
    async def cancel_command(message: Message, state: FSMContext, l10n: Localizer, bot: Bot) -> None:
        await end_form(bot, message.chat.id, state)
        await message.answer(l10n("broadcast-cancelled"))

    @router.callback_query(BroadcastCb.filter(F.action == "stop"))
    async def stop(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: BroadcastCb,
        broadcasts: BroadcastService,
        cohorts: CohortRepository,
        l10n: Localizer,
        bot: Bot,
    ) -> None:
        stopped = await broadcasts.cancel(callback_data.broadcast_id)
        callback_answer.text = l10n("broadcast-stopped" if stopped else "broadcast-not-running")
        found = await broadcasts.progress(callback_data.broadcast_id)
        if found is None or not isinstance(query.message, Message):
            return
        broadcast, progress = found
        cohort = await cohorts.get(broadcast.cohort_id)
        await drop_buttons(bot, query.from_user.id, query.message.message_id)
        if stopped:  # at once, not at the watcher's next look
            text = progress_text(
                l10n.with_locale(broadcast.language), cohort.name if cohort else "", broadcast, progress
            )
            await bot.edit_message_text(text, chat_id=query.from_user.id, message_id=query.message.message_id)

    @router.callback_query(BroadcastCb.filter(), StateFilter(BroadcastForm))
    async def form_button(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: BroadcastCb,
        state: FSMContext,
        cohorts: CohortRepository,
        broadcasts: BroadcastService,
        l10n: Localizer,
        bot: Bot,
    ) -> None:
        data = await state.get_data()
        chat_id = query.from_user.id
        on_question = isinstance(query.message, Message) and query.message.message_id == data.get(QUESTION_MESSAGE)
        cohort = await open_cohort(cohorts, callback_data.cohort_id)
        if not on_question or cohort is None or data.get("cohort_id") != cohort.id:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        action = callback_data.action
        if action == "cancel":
            await end_form(bot, chat_id, state)
            await bot.send_message(chat_id, l10n("broadcast-cancelled"))
        elif action == "audience":
            await show_audience(bot, chat_id, state, l10n, broadcasts, cohort)
        elif action == "region":
            markup = keyboards.broadcast_regions_keyboard(l10n, cohort.id, await broadcasts.regions(cohort.id))
            await ask_question(bot, chat_id, state, l10n("broadcast-ask-region"), markup)
        elif action == "region-set":
            await state.update_data({"region": callback_data.value or None})
            await show_audience(bot, chat_id, state, l10n, broadcasts, cohort)
        elif action == "filter":
            choices = await _filter_choices(l10n, broadcasts, cohort.id, callback_data.value)
            if not choices:
                callback_answer.text = l10n("button-outdated")
                callback_answer.show_alert = True
                return
            markup = keyboards.broadcast_filter_keyboard(l10n, cohort.id, callback_data.value, choices)
            flt = broadcasts.filters[callback_data.value]
            await ask_question(bot, chat_id, state, l10n("broadcast-ask-filter", filter=l10n(flt.label_id)), markup)
        elif action == "filter-set":
            key, _, value = callback_data.value.partition("=")
            named = dict((v, label) for label, v in await _filter_choices(l10n, broadcasts, cohort.id, key))
            if key not in broadcasts.filters or (value and value not in named):
                callback_answer.text = l10n("button-outdated")
                callback_answer.show_alert = True
                return
            extra = {k: v for k, v in (data.get("extra") or {}).items() if k != key}
            names = {k: v for k, v in (data.get("extra_names") or {}).items() if k != key}
            if value:
                extra[key], names[key] = value, named[value]
            await state.update_data({"extra": extra, "extra_names": names})
            await show_audience(bot, chat_id, state, l10n, broadcasts, cohort)
        elif action == "settlement":
            following = {None: "rural", "rural": "urban", "urban": None}
            await state.update_data({"settlement": following.get(data.get("settlement"))})
            await show_audience(bot, chat_id, state, l10n, broadcasts, cohort)
        elif action in ("write", "rewrite"):
            await ask_message(bot, chat_id, state, l10n, cohort.id)
        elif action == "send":
            await send(bot, chat_id, state, l10n, broadcasts, cohort, callback_answer)
        else:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True

    async def send(
        bot: Bot,
        chat_id: int,
        state: FSMContext,
        l10n: Localizer,
        broadcasts: BroadcastService,
        cohort: Cohort,
        callback_answer: CallbackAnswer,
    ) -> None:
        data = await state.get_data()
        content = _content(data)
        if await state.get_state() != BroadcastForm.confirm.state or content is None:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        try:
            broadcast = await broadcasts.send(cohort.id, chat_id, l10n.locale, content, _audience(data))
        except NoRecipients:
            await show_audience(bot, chat_id, state, l10n, broadcasts, cohort)
            return
        await end_form(bot, chat_id, state)
        shown = await bot.send_message(
            chat_id,
            l10n("broadcast-progress", name=escape(cohort.name), sent=0, total=broadcast.recipients),
            reply_markup=keyboards.broadcast_stop_keyboard(l10n, broadcast.id),
        )
        await broadcasts.repo.set_progress_message(broadcast.id, chat_id, shown.message_id)
        broadcasts.watch(broadcast.id)

    @router.message(BroadcastForm.message, NotCommand())
    async def message_written(
        message: Message,
        state: FSMContext,
        cohorts: CohortRepository,
        broadcasts: BroadcastService,
        l10n: Localizer,
        bot: Bot,
    ) -> None:
        data = await state.get_data()
        cohort = await open_cohort(cohorts, int(data.get("cohort_id", 0)))
        if cohort is None:
            await end_form(bot, message.chat.id, state)
            await message.answer(l10n("broadcast-cancelled"))
            return
        content = content_of(message)
        if content is None:
            await ask_question(
                bot,
                message.chat.id,
                state,
                l10n("broadcast-error-kind") + "\n\n" + l10n("broadcast-ask-message"),
                keyboards.broadcast_message_keyboard(l10n, cohort.id),
            )
            return
        await drop_buttons(bot, message.chat.id, data.get(QUESTION_MESSAGE))
        await state.update_data(
            {
                "content": {"kind": content.kind, "html": content.html, "file_id": content.file_id},
                QUESTION_MESSAGE: None,
            }
        )
        # The preview goes out exactly as the sender will send it to every learner.
        await send_one(bot, message.chat.id, content.message())
        audience = _audience(data)
        recipients = await broadcasts.recipients(cohort.id, audience)
        await state.set_state(BroadcastForm.confirm)
        text = (
            l10n("broadcast-confirm", name=escape(cohort.name), count=len(recipients.user_ids))
            + "\n"
            + audience_lines(l10n, audience, _chosen(data))
        )
        # Copies wait like lessons do: say so, rather than show "sent 0 of N" all night.
        if cohort.status == "paused":
            text += "\n\n" + l10n("broadcast-waits-paused")
        elif (morning := broadcasts.held_until(cohort.timezone)) is not None:
            text += "\n\n" + l10n("broadcast-waits-quiet", time=dates.time_label(l10n.locale, morning))
        await ask_question(
            bot,
            message.chat.id,
            state,
            text,
            keyboards.broadcast_confirm_keyboard(l10n, cohort.id, len(recipients.user_ids)),
        )

    @router.message(BroadcastForm.audience, NotCommand())
    @router.message(BroadcastForm.confirm, NotCommand())
    async def typed_elsewhere(message: Message, l10n: Localizer) -> None:
        await message.answer(l10n("broadcast-use-buttons"))

    return router
