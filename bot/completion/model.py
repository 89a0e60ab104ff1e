"""The completion vocabulary: a learner's standing against the rules, a cohort's results.

Nothing here knows aiogram or SQL. The standing is structured (rules, lesson numbers, percents)
so that every view can say it in the learner's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.quizzes.model import QuizStanding
from bot.surveys.model import QuestionnaireResults, StatementMeans

# The delivery row that tells a learner she completed the course (kind 'completion').
COMPLETION_KEY = "C"
COMPLETION_VARIANT = "completed"


class Rule(StrEnum):
    """One rule of ``completion:`` in course.yaml."""

    HOMEWORK = "homework"  # the listed homework accepted by a curator
    QUIZZES = "quizzes"  # quiz_pass_mark percent over every lesson quiz's questions, best attempts
    QUESTIONNAIRE = "questionnaire"  # the end-of-course questionnaire submitted


@dataclass(frozen=True)
class Standing:
    """Where one learner stands against the course's completion rules."""

    cohort_id: int
    user_id: int
    homework_required: tuple[int, ...]  # lesson numbers whose homework must be accepted
    homework_missing: tuple[int, ...]  # of those, not accepted yet
    quiz: QuizStanding  # ``pass_mark`` None: quizzes are not required
    questionnaire_required: bool
    questionnaire_answered: bool
    completed_at: datetime | None = None  # recorded completion (kept even if a rule changes later)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The rules this course has, in a fixed order."""
        found = []
        if self.homework_required:
            found.append(Rule.HOMEWORK)
        if self.quiz.pass_mark is not None and self.quiz.total > 0:
            found.append(Rule.QUIZZES)
        if self.questionnaire_required:
            found.append(Rule.QUESTIONNAIRE)
        return tuple(found)

    def met(self, rule: Rule) -> bool:
        if rule is Rule.HOMEWORK:
            return not self.homework_missing
        if rule is Rule.QUIZZES:
            return self.quiz.met
        return self.questionnaire_answered or not self.questionnaire_required

    @property
    def missing(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if not self.met(rule))

    @property
    def rules_met(self) -> bool:
        return not self.missing

    @property
    def completed(self) -> bool:
        """Recorded, or every rule met now."""
        return self.completed_at is not None or self.rules_met


@dataclass(frozen=True)
class CohortResults:
    """The organizer's results screen of one cohort."""

    cohort_id: int
    enrolled: int  # active learners now
    completed: int  # of those, completion recorded
    rules: tuple[tuple[Rule, int], ...]  # per rule of the course: how many active learners meet it
    self_assessment: tuple[StatementMeans, ...]  # empty: the course asks none
    questionnaire: QuestionnaireResults | None  # None: the course has no questionnaire
