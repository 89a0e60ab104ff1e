"""Conversation states (aiogram FSM) of every form: registration, profile edit, /newcohort, /grant."""

from __future__ import annotations

from aiogram.fsm.state import State, StatesGroup

from bot.people.registration import Step


class Registration(StatesGroup):
    consent = State()
    full_name = State()
    region = State()
    district = State()
    library = State()
    position = State()
    settlement = State()
    confirm = State()


class ProfileEdit(StatesGroup):
    value = State()


CONSENT = "consent"


def state_for(step: Step) -> State:
    return getattr(Registration, step.value)


def current_step(state_name: str | None, data: dict) -> str | None:
    """The question the person is on: a Step value, ``consent``, or None outside a form."""
    if state_name is None:
        return None
    if state_name == ProfileEdit.value.state:
        return data.get("field")
    group, _, name = state_name.partition(":")
    if group == "Registration":
        return name
    return None


class CohortForm(StatesGroup):
    """/newcohort, step by step."""

    course = State()
    name = State()
    start = State()
    timezone = State()
    deadline = State()
    capacity = State()
    confirm = State()


class GrantRole(StatesGroup):
    """/grant: waiting for the person who gets a role."""

    person = State()


class SurveyForm(StatesGroup):
    """The questionnaire or self-assessment waits for a typed answer (the other items are
    buttons; the answers themselves live in the survey draft, not here)."""

    text = State()


class BroadcastForm(StatesGroup):
    """/broadcast: who gets it, the message, the preview to confirm."""

    audience = State()
    message = State()
    confirm = State()


class ReviewForm(StatesGroup):
    """A curator deciding on one submission: the score (if the homework has one), then the comment."""

    score = State()
    accept_comment = State()
    return_comment = State()


class CourseImportForm(StatesGroup):
    """/import: waiting for the course file (one; /cancel ends the wait)."""

    file = State()


class GroupReviewForm(StatesGroup):
    """A curator who pressed Return under a review group's post: their reply in the group (to the
    bot's question, which privacy mode lets the bot see) is the comment. Keyed per person in
    that group, so another curator's reply is not taken for theirs."""

    comment = State()
