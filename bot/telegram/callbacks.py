"""Callback data of every inline button. Short prefixes keep each under Telegram's 64 bytes.

Callback data come back from the person's device, so they are input like any other: every number
is bounded (``Id``, ``Number``), and a button whose data do not fit (a forged or garbled press)
matches no handler and gets the stale-button answer of the fallback router, instead of an
``OverflowError`` from SQLite.
"""

from __future__ import annotations

from typing import Annotated

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
    action: str  # edit, delete, delete-yes, delete-no, register
    field: str = ""


class RoleCb(CallbackData, prefix="role"):
    """Owners only: grant or revoke a role of ``user_id``."""

    action: str  # grant, revoke
    user_id: Id
    role: str


class CohortCb(CallbackData, prefix="coh"):
    """Curators and up: look at a cohort."""

    action: str  # card, learners, invite, list
    cohort_id: Id = 0


class CohortAdminCb(CallbackData, prefix="coha"):
    """Organizers and up: change a cohort."""

    action: str  # close, reopen, remove, remove-yes, curator, curator-add, new
    cohort_id: Id = 0
    user_id: Id = 0
    page: Number = 0  # remove: which page of the learners list


class NewCohortCb(CallbackData, prefix="nc"):
    """The cohort wizard; ``step`` guards against stale presses as in the registration form."""

    step: str
    action: str  # course, default, none, create, cancel
    value: str = ""


class CourseCb(CallbackData, prefix="crs"):
    """A learner's own courses."""

    action: str  # leave, leave-yes, leave-no, again, again-lesson
    cohort_id: Id = 0
    lesson: Number = 0


class DeliveryReportCb(CallbackData, prefix="dlvr"):
    """The organizer's delivery report (/delivery)."""

    action: str  # list, cohort, lesson, unreachable, pause, shift, missed
    cohort_id: Id = 0
    item: str = ""
    page: Number = 0


STAFF_CALLBACKS = {"role": "owner", "coh": "curator", "coha": "organizer", "nc": "organizer", "dlvr": "organizer"}
