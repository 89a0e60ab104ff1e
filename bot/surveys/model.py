"""The vocabulary of surveys: the two forms, their steps, a draft, answers and results.

Two forms are filled in the same way, one step at a time:

- the **questionnaire** (``Form.QUESTIONNAIRE``): the course's questionnaire items, then, when the
  course has a self-assessment, its statements once more ("after");
- the **self-assessment before** (``Form.BEFORE``): the statements, right after joining.

An answer is an ``int`` (a scale point 1-5, or an option's index for a single choice), a
``list[int]`` (the options of a multiple choice), a ``str`` (a typed answer) or ``None``
(skipped).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Union

from bot.courses.model import SCALE_POINTS, Course, LocalizedText, QuestionKind, SelfAssessment

Answer = Union[int, list[int], str, None]  # noqa: UP007 - a runtime alias, read by json
QUESTIONNAIRE_KEY = "Q"
STATEMENT_PREFIX = "sa:"  # step ids of self-assessment statements: "sa:s1" (item ids have no ':')
MAX_TEXT_ANSWER = 1000  # characters of a typed answer
MIN_ANONYMOUS_RESULTS = 5  # fewer anonymous responses could tell who said what


class Form(StrEnum):
    QUESTIONNAIRE = "questionnaire"
    BEFORE = "before"


@dataclass(frozen=True)
class Step:
    """One item on the screen."""

    id: str  # the questionnaire item's id, or "sa:s1" for a self-assessment statement
    kind: QuestionKind
    question: LocalizedText
    options: tuple[LocalizedText, ...] = ()
    required: bool = True

    @property
    def is_statement(self) -> bool:
        return self.id.startswith(STATEMENT_PREFIX)

    def accepts(self, answer: Answer) -> bool:
        """Whether ``answer`` is a possible answer to this step (a forged button is not)."""
        if answer is None:
            return not self.required
        if self.kind == "scale":
            return isinstance(answer, int) and answer in SCALE_POINTS
        if self.kind == "single":
            return isinstance(answer, int) and 0 <= answer < len(self.options)
        if self.kind == "multiple":
            return (
                isinstance(answer, list)
                and (bool(answer) or not self.required)
                and all(isinstance(i, int) and 0 <= i < len(self.options) for i in answer)
                and len(set(answer)) == len(answer)
            )
        return isinstance(answer, str) and 0 < len(answer) <= MAX_TEXT_ANSWER


def statement_steps(assessment: SelfAssessment) -> tuple[Step, ...]:
    return tuple(
        Step(id=STATEMENT_PREFIX + SelfAssessment.statement_id(i), kind="scale", question=text)
        for i, text in enumerate(assessment.statements)
    )


def steps_of(course: Course, form: Form) -> tuple[Step, ...]:
    """The steps of ``form`` for ``course``; empty when the course has no such form."""
    statements = statement_steps(course.self_assessment) if course.self_assessment else ()
    if form is Form.BEFORE:
        return statements
    if course.questionnaire is None:
        return ()
    items = tuple(
        Step(id=item.id, kind=item.kind, question=item.question, options=item.options, required=item.required)
        for item in course.questionnaire.items
    )
    return items + statements


@dataclass
class Draft:
    cohort_id: int
    user_id: int
    form: Form
    answers: dict[str, Answer] = field(default_factory=dict)
    position: int = 0  # index of the step shown; len(steps): the check screen
    message_id: int | None = None


@dataclass(frozen=True)
class Change:
    """A learner's own self-assessment, before and after, per statement (None: not rated)."""

    statement: LocalizedText
    before: int | None
    after: int | None


@dataclass(frozen=True)
class BeforeAfter:
    changes: tuple[Change, ...]

    @staticmethod
    def _mean(values: list[int | None]) -> float | None:
        rated = [v for v in values if v is not None]
        return sum(rated) / len(rated) if rated else None

    @property
    def before(self) -> float | None:
        return self._mean([c.before for c in self.changes])

    @property
    def after(self) -> float | None:
        return self._mean([c.after for c in self.changes])


@dataclass(frozen=True)
class ItemResult:
    """One questionnaire item over all responses."""

    id: str
    kind: QuestionKind
    answered: int  # responses that answered it (not skipped)
    mean: float | None = None  # scale
    counts: tuple[int, ...] = ()  # scale: per point 1..5; single/multiple: per option
    texts: tuple[str, ...] = ()  # text answers, sorted (never in the order they came)


@dataclass(frozen=True)
class QuestionnaireResults:
    responses: int
    anonymous: bool
    items: tuple[ItemResult, ...] = ()

    @property
    def withheld(self) -> bool:
        """Too few anonymous responses to show anything (see MIN_ANONYMOUS_RESULTS)."""
        return self.anonymous and self.responses < MIN_ANONYMOUS_RESULTS


@dataclass(frozen=True)
class StatementMeans:
    """The cohort's mean self-rating of one statement, before and after."""

    statement: LocalizedText
    before: float | None
    after: float | None
    rated_before: int
    rated_after: int
