"""Callback data of every inline button. Short prefixes keep each under Telegram's 64 bytes."""

from __future__ import annotations

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
