"""The vocabulary of the reports: what the SQL aggregates return and what the charts draw."""

from __future__ import annotations

from dataclasses import dataclass, field

# Homework categories of a learner's latest handed-in version, drawn stacked in this order.
# ``late`` wins over the state: work handed in after the deadline counts as late whatever the
# curator decided, so the five parts add up to the cohort's learners exactly once.
HOMEWORK_CATEGORIES: tuple[str, ...] = ("accepted", "returned", "waiting", "late", "missing")

# Best quiz scores in percent, grouped in five bands (a phone shows five bars well).
SCORE_BANDS: tuple[tuple[int, int], ...] = ((0, 19), (20, 39), (40, 59), (60, 79), (80, 100))


@dataclass(frozen=True)
class FunnelStep:
    """One bar of the course funnel: a Fluent id for its label (with ``args``) and a count."""

    label: str
    count: int
    args: tuple[tuple[str, str | int], ...] = ()


@dataclass(frozen=True)
class HomeworkBar:
    """One homework of the cohort: learners per category (HOMEWORK_CATEGORIES)."""

    lesson: int
    item_key: str
    counts: dict[str, int]


@dataclass(frozen=True)
class HardQuestion:
    quiz_key: str
    lesson: int
    question: int  # 0-based
    text: str
    answered: int
    correct: int

    @property
    def rate(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class ScaleMean:
    """A questionnaire scale item: the sum and number of its answers (sums add up across
    cohorts; a mean of means would not)."""

    item_id: str
    text: str
    total: int
    answered: int

    @property
    def mean(self) -> float | None:
        return self.total / self.answered if self.answered else None


@dataclass(frozen=True)
class BeforeAfterMean:
    """A self-assessment statement: sums and counts of the ratings before and after."""

    text: str
    before_total: int
    rated_before: int
    after_total: int
    rated_after: int

    @property
    def before(self) -> float | None:
        return self.before_total / self.rated_before if self.rated_before else None

    @property
    def after(self) -> float | None:
        return self.after_total / self.rated_after if self.rated_after else None


@dataclass(frozen=True)
class PlaceCount:
    """Learners of one region and settlement kind (``None``: not given), and how many completed
    (``None`` while no completion provider is plugged in)."""

    region: str | None
    settlement: str | None
    learners: int
    completed: int | None = None


@dataclass(frozen=True)
class CallEntry:
    """A learner the organizer should phone, and why (reasons are Fluent ids' suffixes)."""

    user_id: int
    full_name: str | None
    region: str | None
    district: str | None
    library: str | None
    reasons: tuple[str, ...]
    contact: str | None = None


@dataclass
class CohortStats:
    """Everything /stats shows of one cohort, or of several added up (``merge``)."""

    names: list[str]
    learners: int
    funnel: list[FunnelStep] = field(default_factory=list)
    homework: list[HomeworkBar] = field(default_factory=list)
    scores: list[int] = field(default_factory=lambda: [0] * len(SCORE_BANDS))  # per SCORE_BANDS
    hardest: list[HardQuestion] = field(default_factory=list)
    questionnaire: list[ScaleMean] = field(default_factory=list)
    questionnaire_responses: int = 0
    questionnaire_withheld: bool = False  # anonymous with fewer than 5 responses: nothing shown
    self_assessment: list[BeforeAfterMean] = field(default_factory=list)
    places: list[PlaceCount] = field(default_factory=list)
    calls: list[CallEntry] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.learners == 0
