"""Callback data of every inline button. Short prefixes keep each under Telegram's 64 bytes.

Callback data come back from the person's device, so they are input like any other: every number
is bounded (``Id``, ``Number``), and a button whose data do not fit (a forged or garbled press)
matches no handler and gets the stale-button answer of the fallback router, instead of an
``OverflowError`` from SQLite.
"""

from __future__ import annotations

from typing import Annotated, Literal

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

MAX_ID = 2**63 - 1  # SQLite's largest integer; Telegram's user ids use at most 52 bits
Id = Annotated[int, Field(ge=0, le=MAX_ID)]  # a database id or a Telegram user id; 0: none
Number = Annotated[int, Field(ge=0, le=1_000_000)]  # a page, a lesson number


def id_from(text: str | None) -> int | None:
    """A positive id typed by a person or carried in a string field, or None if it cannot be one
    (not a plain number, or too large for SQLite: ``int()`` alone would let that through)."""
    value = (text or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > len(str(MAX_ID)):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


class LanguageCb(CallbackData, prefix="lang"):
    code: str
    origin: str  # "start": the first choice, then registration; "switch": /language


class FormCb(CallbackData, prefix="reg"):
    """A button in the registration form or the profile editor.

    ``step`` is the question the button belongs to; a press whose step is not the current one
    comes from an earlier message (a stale button) and is answered, not acted on.
    """

    step: str
    action: str  # pick, back, cancel, consent-yes, consent-no, save, restart
    value: str = ""


class ProfileCb(CallbackData, prefix="prof"):
    action: str  # edit, language, mydata, delete, delete-yes, delete-no, register
    field: str = ""


class RoleCb(CallbackData, prefix="role"):
    """Owners only: grant or revoke a role of ``user_id``."""

    action: Literal["grant", "revoke"]
    user_id: Id
    role: str


class CohortCb(CallbackData, prefix="coh"):
    """Curators and up: look at a cohort."""

    action: Literal["card", "learners", "invite", "list"]
    cohort_id: Id = 0
    page: Number = 0  # learners: which page of the list, plus one (0: a fresh list)


class CohortAdminCb(CallbackData, prefix="coha"):
    """Organizers and up: change a cohort."""

    action: Literal["close", "reopen", "remove", "remove-ask", "remove-yes", "curator", "curator-add", "new"]
    cohort_id: Id = 0
    user_id: Id = 0
    page: Number = 0  # remove: which page of the learners list, plus one (0: a fresh list)


class CompletionCb(CallbackData, prefix="cmp"):
    """A cohort's results (curators of it and up) and finishing it by hand (organizers)."""

    action: Literal["results", "finish", "finish-yes", "finish-no"]
    cohort_id: Id = 0


NewCohortAction = Literal["course", "default", "none", "create", "cancel"]


class NewCohortCb(CallbackData, prefix="nc"):
    """The cohort wizard; ``step`` guards against stale presses as in the registration form."""

    step: str
    action: NewCohortAction
    value: str = ""


class CourseCb(CallbackData, prefix="crs"):
    """A learner's own courses."""

    action: str  # leave, leave-yes, leave-no, again, again-lesson, certificate
    cohort_id: Id = 0
    lesson: Number = 0


class DeliveryReportCb(CallbackData, prefix="dlvr"):
    """The organizer's delivery report (/delivery)."""

    action: Literal["list", "cohort", "lesson", "unreachable", "pause", "shift", "missed"]
    cohort_id: Id = 0
    item: str = ""
    page: Number = 0


class DeliveryCb(CallbackData, prefix="dlv"):
    """A button under a delivered lesson. Packs as ``dlv:again:<id>``, the form the renderer
    writes (bot.delivery.render.again_callback)."""

    action: Literal["again"]
    delivery_id: Id


SurveyAction = Literal["open", "pick", "toggle", "done", "skip", "back", "send"]


class SurveyCb(CallbackData, prefix="sv"):
    """A button of the questionnaire (``form`` "q") or the self-assessment before ("b").

    ``step`` is the position of the item the button belongs to: a press from an earlier step is
    answered, not acted on. ``value`` is a scale point or an option's index. The questionnaire
    invitation packs its Fill in button by hand as ``sv:open:q:<cohort>:0:0``
    (bot.delivery.render.fill_in_callback).
    """

    action: SurveyAction
    form: Literal["q", "b"]
    cohort_id: Id
    step: Number = 0
    value: Number = 0


BroadcastAction = Literal[
    "cohort",
    "audience",
    "region",
    "region-set",
    "settlement",
    "filter",
    "filter-set",
    "write",
    "send",
    "rewrite",
    "cancel",
    "stop",
]


class BroadcastCb(CallbackData, prefix="bc"):
    """Organizers: a broadcast, from choosing its recipients to stopping it midway."""

    action: BroadcastAction
    cohort_id: Id = 0
    broadcast_id: Id = 0
    # region-set: the region's code ("" for all regions); filter: a filter's key; filter-set:
    # "<key>=<value>" ("<key>=" for anyone). Checked against what the handler offers.
    value: str = ""


class ReportCb(CallbackData, prefix="rep"):
    """Staff: a cohort's statistics ("stats"), a course's over the cohorts this person may see
    ("course", by ``course_id``), a cohort's Excel workbook ("export")."""

    action: Literal["stats", "course", "export"]
    cohort_id: Id = 0
    course_id: Id = 0


class HomeworkCb(CallbackData, prefix="hw"):
    """A learner's homework: open the draft of lesson ``lesson``'s homework ("open", the button
    under a delivered task; packs as ``hw:open:<cohort>:<lesson>``, the form the renderer writes:
    bot.delivery.render.hand_in_callback), or put what was sent outside a draft into it ("pick")."""

    action: Literal["open", "pick"]
    cohort_id: Id
    lesson: Number


class QuizCb(CallbackData, prefix="quiz"):
    """A learner's lesson quiz: start it (or take it again), or get the current question again.
    Packs as ``quiz:<action>:<cohort id>:<lesson>``, the form bot.quizzes.render writes."""

    action: Literal["start", "continue"]
    cohort_id: Id
    lesson: Number


class DraftCb(CallbackData, prefix="hwd"):
    """The buttons of a draft's status message: send it to the curator, or empty it."""

    action: Literal["send", "over"]
    submission_id: Id


class ReviewCb(CallbackData, prefix="rv"):
    """Curators and up: the review queue and the decision on one submission."""

    action: Literal["cohort", "next", "accept", "return", "score", "plain", "cancel"]
    cohort_id: Id = 0
    submission_id: Id = 0
    score: Number = 0


class LiveSetupCb(CallbackData, prefix="lqs"):
    """The host sets up a live quiz (/livequiz): the cohort, the quiz (its place in the list of
    the course's quizzes), where to play."""

    action: Literal["cohort", "quiz", "mode"]  # the step the press answers
    cohort_id: Id
    quiz: Number = 0
    mode: Literal["", "group", "private"] = ""


class LiveHostCb(CallbackData, prefix="lqh"):
    """The host's buttons during a live quiz. Packs as ``lqh:<action>:<game id>``, the form
    bot.quizzes.live writes."""

    action: Literal["start", "cancel", "skip", "stop"]
    game_id: Id = 0


class LiveJoinCb(CallbackData, prefix="lqj"):
    """ "I'm in" under a live quiz invitation. Packs as ``lqj:<game id>``."""

    game_id: Id


class GroupBindCb(CallbackData, prefix="grp"):
    """An organizer binds the group this button is in to a cohort (/bindgroup): the cohort
    ("bind"), then what the group is for ("purpose": live quizzes, homework review or both)."""

    action: Literal["bind", "purpose"]
    cohort_id: Id
    purpose: Literal["quiz", "review", "both"] = "quiz"


class GroupReviewCb(CallbackData, prefix="rg"):
    """A curator decides on a submission posted to the cohort's review group (bot/homework/render.py
    writes the same data into the post's buttons)."""

    action: Literal["accept", "return", "score", "back"]
    submission_id: Id = 0
    score: Number = 0
