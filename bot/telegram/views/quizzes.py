"""A learner's quizzes as lines of their course card in /courses."""

from __future__ import annotations

from bot.i18n import Localizer
from bot.quizzes.model import QuizProgress, QuizStanding


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
