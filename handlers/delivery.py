"""The learner's side of delivery: "send this lesson again", and blocking or unblocking the bot."""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.types import CallbackQuery, ChatMemberUpdated
from aiogram.utils.callback_answer import CallbackAnswer

from bot.delivery.service import DeliveryService, ResendOutcome
from bot.i18n import Localizer
from bot.telegram.callbacks import DeliveryCb

log = logging.getLogger(__name__)

GONE = ("kicked", "left")


def setup() -> Router:
    router = Router(name="delivery")

    @router.callback_query(DeliveryCb.filter(F.action == "again"))
    async def send_again(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: DeliveryCb,
        delivery: DeliveryService,
        l10n: Localizer,
    ) -> None:
        outcome = await delivery.resend_delivery(callback_data.delivery_id, query.from_user.id)
        # A toast for the good case; a box to read and close for the others.
        callback_answer.text = l10n(f"delivery-again-{outcome.value}")
        callback_answer.show_alert = outcome is not ResendOutcome.QUEUED

    @router.my_chat_member(F.chat.type == "private")
    async def membership(event: ChatMemberUpdated, delivery: DeliveryService) -> None:
        """Telegram tells the bot when a person blocks it ("kicked") or unblocks it ("member")."""
        status = event.new_chat_member.status
        if status in GONE:
            log.info("user %s blocked the bot", event.chat.id)
            await delivery.learner_blocked(event.chat.id)
        elif event.old_chat_member.status in GONE:
            again = await delivery.learner_unblocked(event.chat.id)
            log.info("user %s unblocked the bot; %d delivery(ies) go again", event.chat.id, again)

    return router
