"""Callback data of every inline button. Short prefixes keep each under Telegram's 64 bytes."""

from __future__ import annotations

from typing import Literal

from aiogram.filters.callback_data import CallbackData


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

    action: Literal["grant", "revoke"]
    user_id: int
    role: str


class CohortCb(CallbackData, prefix="coh"):
    """Curators and up: look at a cohort."""

    action: Literal["card", "learners", "invite", "list"]
    cohort_id: int = 0
    page: int = 0  # learners: which page of the list, plus one (0: a fresh list)


class CohortAdminCb(CallbackData, prefix="coha"):
    """Organizers and up: change a cohort."""

    action: Literal["close", "reopen", "remove", "remove-ask", "remove-yes", "curator", "curator-add", "new"]
    cohort_id: int = 0
    user_id: int = 0
    page: int = 0  # remove: which page of the learners list, plus one (0: a fresh list)


NewCohortAction = Literal["course", "default", "none", "create", "cancel"]


class NewCohortCb(CallbackData, prefix="nc"):
    """The cohort wizard; ``step`` guards against stale presses as in the registration form."""

    step: str
    action: NewCohortAction
    value: str = ""


class CourseCb(CallbackData, prefix="crs"):
    """A learner's own courses."""

    action: str  # leave, leave-yes, leave-no, again, again-lesson
    cohort_id: int = 0
    lesson: int = 0


class DeliveryReportCb(CallbackData, prefix="dlvr"):
    """The organizer's delivery report (/delivery)."""

    action: Literal["list", "cohort", "lesson", "unreachable", "pause", "shift", "missed"]
    cohort_id: int = 0
    item: str = ""
    page: int = 0


class DeliveryCb(CallbackData, prefix="dlv"):
    """A button under a delivered lesson. Packs as ``dlv:again:<id>``, the form the renderer
    writes (bot.delivery.render.again_callback)."""

    action: str  # again
    delivery_id: int
