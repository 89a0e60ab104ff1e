"""Rules for the answers an organizer gives when opening a cohort."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from bot.people.registration import AnswerError, clean_text

MAX_COHORT_NAME = 80
MAX_CAPACITY = 10_000
_DATE_FORMATS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})$"),
    re.compile(r"^(?P<d>\d{1,2})[./](?P<m>\d{1,2})$"),
)


def clean_cohort_name(text: str | None) -> str:
    return clean_text(text, max_length=MAX_COHORT_NAME)


def parse_date(text: str | None, today: date) -> date:
    """``2026-04-15``, ``15.04.2026`` or ``15.04`` (the next such day); never in the past."""
    if not text:
        raise AnswerError("cohort-error-date")
    value = text.strip()
    for pattern in _DATE_FORMATS:
        match = pattern.match(value)
        if not match:
            continue
        parts = match.groupdict()
        year = int(parts["y"]) if parts.get("y") else today.year
        try:
            day = date(year, int(parts["m"]), int(parts["d"]))
        except ValueError:
            raise AnswerError("cohort-error-date") from None
        if not parts.get("y") and day < today:
            day = day.replace(year=today.year + 1)
        if day < today:
            raise AnswerError("cohort-error-date-past")
        return day
    raise AnswerError("cohort-error-date")


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def parse_timezone(text: str | None) -> str:
    """An IANA zone name the system knows, such as ``Asia/Almaty``.

    Checked against the list of zones rather than by trying ``ZoneInfo(name)``: that opens a file
    named after the answer, so ``Asia`` (a folder) raised IsADirectoryError and a long answer
    OSError (file name too long), instead of "I do not know this time zone".
    """
    name = (text or "").strip()
    if name not in _known_zones():
        raise AnswerError("cohort-error-timezone")
    return name


def parse_capacity(text: str | None) -> int:
    value = (text or "").strip()
    if not value.isdigit() or not 1 <= int(value) <= MAX_CAPACITY:
        raise AnswerError("cohort-error-capacity", limit=MAX_CAPACITY)
    return int(value)


def end_of_local_day(day: date, timezone: str) -> datetime:
    """Enrolment "until 20 April" means until the end of that day where the cohort lives."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def local_today(now: datetime, timezone: str) -> date:
    return now.astimezone(ZoneInfo(timezone)).date()
