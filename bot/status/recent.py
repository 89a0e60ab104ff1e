"""The last few errors the bot logged, for /status: a logging handler with a small ring buffer.

It listens on the root logger for ERROR records, so it sees the error handler's line (with its
error id when the record carries one, ``extra={"error_id": ...}``) as well as a failed backup or
a delivery that crashed. Only the kind and the place are kept, never the message's text: that
may hold someone's personal data, and /status is shown in a chat.
"""

from __future__ import annotations

import logging
import traceback
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot import PROJECT_ROOT

KEEP = 5


@dataclass(frozen=True)
class RecentError:
    at: datetime  # UTC
    kind: str  # the exception's type, or the logger's name when there is none
    error_id: str | None
    place: str  # "handlers/courses.py:38", or the logger's name


_OURS = tuple(str(PROJECT_ROOT / name) + "/" for name in ("bot", "handlers", "storage"))


def _place(error: BaseException) -> str | None:
    """The innermost frame in the bot's own code ("handlers/reports.py:40"), as the owners' alert
    names it, else the innermost frame."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if f.filename.startswith(_OURS)]
    if not (ours or frames):
        return None
    frame = (ours or frames)[-1]
    path = Path(frame.filename)
    name = str(path.relative_to(PROJECT_ROOT)) if path.is_relative_to(PROJECT_ROOT) else path.name
    return f"{name}:{frame.lineno}"


class RecentErrors(logging.Handler):
    def __init__(self, keep: int = KEEP) -> None:
        super().__init__(level=logging.ERROR)
        self._errors: deque[RecentError] = deque(maxlen=keep)
        self.total = 0

    def emit(self, record: logging.LogRecord) -> None:
        kind, place = record.name, f"{record.name}:{record.lineno}"
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            kind = type(error).__name__
            place = _place(error) or place
        error_id = getattr(record, "error_id", None)
        self._errors.append(
            RecentError(
                at=datetime.fromtimestamp(record.created, UTC),
                kind=kind,
                error_id=str(error_id) if error_id is not None else None,
                place=place,
            )
        )
        self.total += 1

    def newest_first(self) -> list[RecentError]:
        return list(reversed(self._errors))

    def attach(self) -> None:
        logging.getLogger().addHandler(self)

    def detach(self) -> None:
        logging.getLogger().removeHandler(self)
