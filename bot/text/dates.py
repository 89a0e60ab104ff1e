"""Dates, times and file sizes as people write them in kk, ru and en.

Month and weekday names, their grammatical forms and the decimal comma come from Babel's CLDR
data; only the order of the parts is chosen here, one pattern per language:

* ``moment_label``: "15 сәуір, сәрсенбі, 10:00" / "15 апреля, среда, 10:00" /
  "Wednesday, 15 April, 10:00";
* ``day_label``: the same without the time;
* ``date_label``: with the year, "2026 ж. 15 сәуір" / "15 апреля 2026" / "15 April 2026";
  Kazakh puts the year first (read "2026 жылғы 15 сәуір"): CLDR's kk long format as it is;
* ``time_label``: "10:00" in all three (24-hour clock);
* ``file_size_label``: "23,1 КБ" / "23,1 КБ" / "23.1 KB" (the unit words from Fluent).

Datetimes must be aware; they are shown in their own time zone, so convert first
(``moment.astimezone(tz)``) to show a moment in a person's zone.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from bot.i18n import Translator, normalize_locale

_FALLBACK = "en"
_TIME = "HH:mm"
_DAY = {"kk": "d MMMM, EEEE", "ru": "d MMMM, EEEE", "en": "EEEE, d MMMM"}
_DATE = {"kk": "long", "ru": "d MMMM y", "en": "d MMMM y"}  # kk: CLDR's "y 'ж'. d MMMM"
_SIZE = "#,##0.0"
KILOBYTE = 1024
MEGABYTE = 1024 * 1024


def _locale(locale: str) -> str:
    found = normalize_locale(locale)
    return found if found in _DAY else _FALLBACK


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a naive datetime has no time zone to show it in: {moment!r}")
    return moment


def moment_label(locale: str, moment: datetime) -> str:
    """``15 сәуір, сәрсенбі, 10:00`` / ``15 апреля, среда, 10:00`` / ``Wednesday, 15 April, 10:00``."""
    lang = _locale(locale)
    return format_datetime(_aware(moment), f"{_DAY[lang]}, {_TIME}", locale=lang)


def day_label(locale: str, moment: datetime) -> str:
    """The day of an aware datetime in its own zone: ``15 сәуір, сәрсенбі``, ``Wednesday, 15 April``."""
    lang = _locale(locale)
    return format_datetime(_aware(moment), _DAY[lang], locale=lang)


def time_label(locale: str, moment: datetime) -> str:
    """``10:00``: hours and minutes of an aware datetime in its own zone."""
    return format_datetime(_aware(moment), _TIME, locale=_locale(locale))


def date_label(locale: str, day: date) -> str:
    """With the year: ``2026 ж. 15 сәуір``, ``15 апреля 2026``, ``15 April 2026``.

    Takes a calendar date; for a moment, pass ``moment.astimezone(tz).date()``.
    """
    if isinstance(day, datetime):
        raise TypeError("date_label takes a date; convert a datetime to the wanted zone first")
    lang = _locale(locale)
    return format_date(day, _DATE[lang], locale=lang)


def file_size_label(locale: str, size: int, *, translator: Translator) -> str:
    """``23,1 КБ`` in kk and ru, ``23.1 KB`` in en; megabytes from 1 MB up, never ``0,0``."""
    lang = _locale(locale)
    if size >= MEGABYTE:
        value, key = size / MEGABYTE, "preview-size-mb"
    else:
        value, key = max(size / KILOBYTE, 0.1), "preview-size-kb"
    number = format_decimal(value, _SIZE, locale=lang)
    return translator.get(lang, key, size=number)


def decimal_label(locale: str, value: float) -> str:
    """A mean with one decimal: ``4,1`` in kk and ru, ``4.1`` in en."""
    return format_decimal(value, _SIZE, locale=_locale(locale))
