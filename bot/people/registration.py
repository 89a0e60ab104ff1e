"""The registration form: its steps and how an answer is checked.

A person's answers live in the conversation state until the last step, and are saved all at
once with their consent (see ``UserRepository.register``), so nothing is ever half-saved.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from enum import StrEnum

from bot.people import regions
from bot.people.model import Profile

MAX_NAME = 100
MAX_TEXT = 150


class Step(StrEnum):
    FULL_NAME = "full_name"
    REGION = "region"
    DISTRICT = "district"
    LIBRARY = "library"
    POSITION = "position"
    SETTLEMENT = "settlement"
    CONFIRM = "confirm"


ORDER: tuple[Step, ...] = tuple(Step)
FIELDS: tuple[str, ...] = tuple(step.value for step in ORDER if step is not Step.CONFIRM)
TEXT_STEPS = frozenset({Step.FULL_NAME, Step.DISTRICT, Step.LIBRARY, Step.POSITION})
BUTTON_STEPS = frozenset({Step.REGION, Step.SETTLEMENT})
SETTLEMENTS = ("rural", "urban")


def next_step(step: Step) -> Step:
    return ORDER[min(ORDER.index(step) + 1, len(ORDER) - 1)]


def previous_step(step: Step) -> Step | None:
    index = ORDER.index(step)
    return ORDER[index - 1] if index > 0 else None


class AnswerError(ValueError):
    """A bad answer; ``key`` names the Fluent message that explains it."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_for_message = args


_SPACES = re.compile(r"\s+")
_NAME_OK = re.compile(r"^[^\W\d_]+(?:[ '’.\-][^\W\d_]*)*$")


def _has_letters(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in text)


def clean_text(text: str | None, *, max_length: int = MAX_TEXT) -> str:
    """A free-text answer: trimmed, single-spaced, with letters, not too long."""
    if text is None:
        raise AnswerError("form-error-not-text")
    text = _SPACES.sub(" ", text).strip()
    if not text:
        raise AnswerError("form-error-empty")
    if len(text) > max_length:
        raise AnswerError("form-error-too-long", limit=max_length)
    if not _has_letters(text):
        raise AnswerError("form-error-no-letters")
    if len(text) < 2:
        raise AnswerError("form-error-too-short")
    return text


def clean_full_name(text: str | None) -> str:
    name = clean_text(text, max_length=MAX_NAME)
    if any(ch.isdigit() for ch in name):
        raise AnswerError("form-error-name-digits")
    if not _NAME_OK.match(name):
        raise AnswerError("form-error-name-symbols")
    return name


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def match_choice(text: str | None, choices: Iterable[str], label: Callable[[str], Iterable[str]]) -> str:
    """A typed answer where a button was expected: accept it if it names one choice exactly."""
    if text is None:
        raise AnswerError("form-error-press-button")
    wanted = _fold(text)
    for choice in choices:
        if any(_fold(variant) == wanted for variant in label(choice)):
            return choice
    raise AnswerError("form-error-press-button")


def validate_choice(step: Step, value: str) -> str:
    allowed = regions.ALL if step is Step.REGION else SETTLEMENTS
    if value not in allowed:
        raise AnswerError("form-error-press-button")
    return value


def clean_answer(step: Step, text: str | None) -> str:
    if step is Step.FULL_NAME:
        return clean_full_name(text)
    if step in TEXT_STEPS:
        return clean_text(text)
    raise AnswerError("form-error-press-button")


def choices_for(step: Step) -> tuple[str, ...]:
    return regions.ALL if step is Step.REGION else SETTLEMENTS


def profile_from_answers(answers: dict[str, str]) -> Profile:
    """The finished form; KeyError if a step is missing (then the form is not finished)."""
    return Profile(
        full_name=answers[Step.FULL_NAME],
        region=validate_choice(Step.REGION, answers[Step.REGION]),
        district=answers[Step.DISTRICT],
        library=answers[Step.LIBRARY],
        position=answers[Step.POSITION],
        settlement=validate_choice(Step.SETTLEMENT, answers[Step.SETTLEMENT]),
    )


def first_missing(answers: dict[str, str]) -> Step:
    for step in ORDER:
        if step is not Step.CONFIRM and step not in answers:
            return step
    return Step.CONFIRM


def choice_message_id(step: Step, value: str) -> str:
    if step is Step.REGION:
        return regions.message_id(value)
    return f"settlement-{value}"
