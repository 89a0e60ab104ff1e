"""The last line of defence: an unexpected error is logged, the person told, the owners alerted.

Every failure gets a short error id. It is in the log line (and the JSON log's ``error_id``) and
in the owners' alert, so an alert leads straight to its traceback. The person sees only the
localized "something went wrong, nothing you sent is lost"; nothing user-visible carries a
traceback or an exception's text (which may hold someone's personal data).

Owners hear of each kind of error once per ``ALERT_WINDOW``: a bug hit by 200 learners in a
minute is one message, not 200, and the next alert of that kind says how many followed.
"""

from __future__ import annotations

import contextlib
import html
import logging
import secrets
import traceback
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ErrorEvent
from aiogram.types import User as TelegramUser

from bot.clock import Clock
from bot.config import Settings
from bot.i18n import Localizer, Translator, normalize_locale
from storage.users import UserRepository

log = logging.getLogger(__name__)

ALERT_WINDOW = timedelta(minutes=10)
_PROJECT = Path(__file__).resolve().parents[2]
_OUR_PACKAGES = tuple(str(_PROJECT / name) + "/" for name in ("bot", "handlers", "storage"))


def new_error_id() -> str:
    """Eight hex digits: short enough to read out on the phone, unique enough for a log."""
    return secrets.token_hex(4)


@dataclass
class ErrorAlerts:
    """Which error kinds the owners were told about, and when; at most one alert per kind per window."""

    clock: Clock
    window: timedelta = ALERT_WINDOW
    _last: dict[str, datetime] = field(default_factory=dict)
    _since: dict[str, int] = field(default_factory=dict)

    def admit(self, kind: str) -> int | None:
        """None if an alert of this kind went out within the window (counted); else how many
        of this kind were held back since the last alert, and the window starts again."""
        now = self.clock.now()
        last = self._last.get(kind)
        if last is not None and now - last < self.window:
            self._since[kind] = self._since.get(kind, 0) + 1
            return None
        self._last[kind] = now
        return self._since.pop(kind, 0)


def error_kind(error: BaseException) -> str:
    kind = type(error)
    return kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def error_place(error: BaseException) -> str:
    """Where in the bot's own packages it failed ("handlers/courses.py:38"), or the innermost frame."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if f.filename.startswith(_OUR_PACKAGES)]
    if not (ours or frames):
        return "?"
    frame = (ours or frames)[-1]
    path = Path(frame.filename)
    with contextlib.suppress(ValueError):
        path = path.relative_to(_PROJECT)
    return f"{path}:{frame.lineno}"


def _update_kind(event: ErrorEvent) -> str:
    return event.update.event_type or "update"


async def on_error(
    event: ErrorEvent,
    bot: Bot,
    l10n: Localizer | None = None,
    event_from_user: TelegramUser | None = None,
    settings: Settings | None = None,
    translator: Translator | None = None,
    users: UserRepository | None = None,
    error_alerts: ErrorAlerts | None = None,
) -> bool:
    error = event.exception
    error_id = new_error_id()
    kind = error_kind(error)
    log.error(
        "update %s failed: %s [error %s]",
        event.update.update_id,
        kind,
        error_id,
        exc_info=error,
        extra={"error_id": error_id},
    )
    if l10n is None and translator is not None:
        # The failure came before the person's language was known (say, reading their row).
        locale = normalize_locale(event_from_user.language_code if event_from_user else None)
        l10n = Localizer(translator, locale or translator.default_locale)
    if l10n is not None:
        await _tell_the_person(event, bot, l10n)
    if error_alerts is not None and settings is not None and translator is not None:
        held_back = error_alerts.admit(kind)
        if held_back is not None:
            await _alert_owners(
                bot, settings, translator, users, error_id, kind, error_place(error), event, held_back, event_from_user
            )
    return True


async def _tell_the_person(event: ErrorEvent, bot: Bot, l10n: Localizer) -> None:
    update = event.update
    chat_id = None
    if update.message is not None:
        chat_id = update.message.chat.id
    elif update.callback_query is not None:
        # The press itself is answered by CallbackAnswerMiddleware, also when its handler failed.
        chat_id = update.callback_query.from_user.id
    if chat_id is not None:
        with contextlib.suppress(TelegramAPIError):
            await bot.send_message(chat_id, l10n("error-generic"))


async def _alert_owners(
    bot: Bot,
    settings: Settings,
    translator: Translator,
    users: UserRepository | None,
    error_id: str,
    kind: str,
    place: str,
    event: ErrorEvent,
    held_back: int,
    person: TelegramUser | None,
) -> None:
    await send_alert(
        bot,
        settings,
        translator,
        users,
        held_back,
        "error-alert",
        error_id=error_id,
        error_type=html.escape(kind),
        place=html.escape(place),
        update_kind=_update_kind(event),
        person=str(person.id) if person else "-",
    )


async def send_alert(
    bot: Bot,
    settings: Settings,
    translator: Translator,
    users: UserRepository | None,
    held_back: int,
    message_id: str,
    **args: str,
) -> None:
    """Send one alert to every owner, each in their own language; never raises for a Telegram error."""
    for owner_id in sorted(settings.admin_ids):
        try:
            owner = await users.get(owner_id) if users is not None else None
        except Exception:  # the database may be what failed; the alert must still go out
            owner = None
        locale = (owner.language if owner else None) or translator.default_locale
        text = translator.get(locale, message_id, **args)
        if held_back:
            text += "\n" + translator.get(locale, "error-alert-repeated", count=held_back)
        # An owner who never opened the bot (403) or a network failure must not raise again here.
        with contextlib.suppress(TelegramAPIError):
            await bot.send_message(owner_id, text)
