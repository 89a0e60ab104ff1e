"""The learner's side of lesson quizzes: ▶️ Start (and 🔁 Try again, ▶️ Continue) and the answers.

The questions, the result and the reminder go out through the sender (bot.quizzes); this router
only turns presses and ``poll_answer`` updates into calls of the quiz service.
"""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.types import CallbackQuery, PollAnswer
from aiogram.utils.callback_answer import CallbackAnswer

from bot.i18n import Localizer
from bot.quizzes.live import LiveQuizService
from bot.quizzes.model import StartOutcome
from bot.quizzes.service import QuizService
from bot.telegram.callbacks import QuizCb

log = logging.getLogger(__name__)


def setup() -> Router:
    router = Router(name="quizzes")

    @router.callback_query(QuizCb.filter())
    async def start(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: QuizCb,
        quizzes: QuizService,
        l10n: Localizer,
    ) -> None:
        started = await quizzes.start(
            callback_data.cohort_id,
            query.from_user.id,
            callback_data.lesson,
            resume_only=callback_data.action == "continue",
        )
        # A toast when the question is on its way; a box to read and close otherwise.
        callback_answer.text = l10n(f"quiz-start-{started.outcome.value}")
        callback_answer.show_alert = started.outcome not in (StartOutcome.STARTED, StartOutcome.CONTINUED)

    @router.poll_answer()
    async def answer(poll_answer: PollAnswer, quizzes: QuizService, live: LiveQuizService) -> None:
        if poll_answer.user is None:  # answered on behalf of a channel: not a learner
            return
        if await live.answer(poll_answer.poll_id, poll_answer.user.id, poll_answer.option_ids):
            return  # a live quiz's poll
        result = await quizzes.answer(poll_answer.poll_id, poll_answer.user.id, poll_answer.option_ids)
        log.debug("poll %s answered by %s: %s", poll_answer.poll_id, poll_answer.user.id, result.outcome)

    return router
