"""What a learner still has to do before her certificate, read from the completion rules.

bot/completion owns the rules (homework accepted, the quiz percentage over all questions with
best attempts, the questionnaire answered); this adapter turns its standing into the
certificates' :class:`~bot.certificates.model.Missing` items, so both say the same thing."""

from __future__ import annotations

from typing import Protocol

from bot.certificates.model import Missing
from bot.completion.model import Rule, Standing


class CompletionPort(Protocol):
    async def standing(self, cohort_id: int, user_id: int) -> Standing | None: ...


class CompletionRules:
    def __init__(self, completion: CompletionPort) -> None:
        self.completion = completion

    async def missing(self, cohort_id: int, user_id: int) -> list[Missing]:
        standing = await self.completion.standing(cohort_id, user_id)
        if standing is None or standing.completed:
            return []
        found: list[Missing] = []
        for rule in standing.missing:
            if rule is Rule.HOMEWORK:
                found.extend(Missing("homework", lesson=lesson) for lesson in standing.homework_missing)
            elif rule is Rule.QUIZZES:
                assert standing.quiz.pass_mark is not None
                found.append(Missing("quiz", percent=standing.quiz.percent, pass_mark=standing.quiz.pass_mark))
            else:
                found.append(Missing("questionnaire"))
        return found
