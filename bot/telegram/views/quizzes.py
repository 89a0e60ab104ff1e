"""A learner's quizzes as lines of their course card in /courses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Localizer
from bot.people.model import Cohort
from bot.quizzes.model import QuizProgress, QuizStanding
from bot.telegram.callbacks import GroupBindCb, LiveHostCb, LiveSetupCb
from bot.telegram.keyboards import one_per_row
from bot.text.buttons import BUTTON_LIMIT, shorten


def quiz_progress(l10n: Localizer, progress: list[QuizProgress], standing: QuizStanding) -> str | None:
    """ "📝 Quizzes: lesson 1: 3 of 3 ✅ ..." and, if the course requires it, the overall share of
    right answers against ``quiz_pass_mark``; None for a course without quizzes."""
    if not progress:
        return None
    lines = [l10n("quiz-progress-heading")]
    for quiz in progress:
        if quiz.best_right is not None:
            key = "quiz-progress-passed" if quiz.passed else "quiz-progress-failed"
            lines.append("• " + l10n(key, lesson=quiz.lesson, right=quiz.best_right, total=quiz.questions))
        elif quiz.open_attempt is not None:
            lines.append("• " + l10n("quiz-progress-open", lesson=quiz.lesson))
        else:
            lines.append("• " + l10n("quiz-progress-none", lesson=quiz.lesson))
    if standing.pass_mark is not None:
        lines.append(
            l10n(
                "quiz-progress-standing",
                percent=standing.percent,
                mark=standing.pass_mark,
                met="yes" if standing.met else "no",
            )
        )
    return "\n".join(lines)


# ---------------------------------------------------------------------- the live quiz (staff)


def live_cohorts_keyboard(cohorts: Sequence[Cohort]) -> InlineKeyboardMarkup:
    return one_per_row((shorten(c.name, BUTTON_LIMIT), LiveSetupCb(action="cohort", cohort_id=c.id)) for c in cohorts)


def live_quizzes_keyboard(cohort_id: int, titles: Sequence[str]) -> InlineKeyboardMarkup:
    return one_per_row(
        (shorten(title, BUTTON_LIMIT), LiveSetupCb(action="quiz", cohort_id=cohort_id, quiz=index))
        for index, title in enumerate(titles)
    )


def live_modes_keyboard(l10n: Localizer, cohort_id: int, quiz: int, *, group: bool) -> InlineKeyboardMarkup:
    modes: list[Literal["group", "private"]] = ["group", "private"] if group else ["private"]
    return one_per_row(
        (l10n(f"live-button-mode-{mode}"), LiveSetupCb(action="mode", cohort_id=cohort_id, quiz=quiz, mode=mode))
        for mode in modes
    )


def live_lobby_keyboard(l10n: Localizer, game_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=l10n("live-button-start"), callback_data=LiveHostCb(action="start", game_id=game_id).pack()
                ),
                InlineKeyboardButton(
                    text=l10n("live-button-cancel"), callback_data=LiveHostCb(action="cancel", game_id=game_id).pack()
                ),
            ]
        ]
    )


def bind_group_keyboard(cohorts: Sequence[Cohort]) -> InlineKeyboardMarkup:
    return one_per_row((shorten(c.name, BUTTON_LIMIT), GroupBindCb(action="bind", cohort_id=c.id)) for c in cohorts)


GROUP_PURPOSES: tuple[Literal["quiz", "review", "both"], ...] = ("quiz", "review", "both")


def bind_purpose_keyboard(l10n: Localizer, cohort_id: int) -> InlineKeyboardMarkup:
    """What the group is for: live quizzes, homework review, or both."""
    return one_per_row(
        (l10n(f"group-button-{purpose}"), GroupBindCb(action="purpose", cohort_id=cohort_id, purpose=purpose))
        for purpose in GROUP_PURPOSES
    )
