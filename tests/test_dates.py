"""Dates, times and file sizes in kk, ru and en, written as people write them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import Translator
from bot.text.dates import date_label, day_label, file_size_label, moment_label, time_label

ALMATY = ZoneInfo("Asia/Almaty")  # UTC+05:00 since March 2024
WEDNESDAY = datetime(2026, 4, 15, 10, 0, tzinfo=ALMATY)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("kk", "15 сәуір, сәрсенбі, 10:00"),
        ("ru", "15 апреля, среда, 10:00"),
        ("en", "Wednesday, 15 April, 10:00"),
    ],
)
def test_moment_label(locale: str, expected: str) -> None:
    assert moment_label(locale, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("kk", "2026\u202fж. 15 сәуір"), ("ru", "15 апреля 2026"), ("en", "15 April 2026")],
)
def test_date_label_has_the_year(locale: str, expected: str) -> None:
    assert date_label(locale, date(2026, 4, 15)) == expected


def test_kazakh_date_follows_the_cldr_order() -> None:
    """Year, day, month ("2026 ж. 15 сәуір", read "2026 жылғы 15 сәуір"), not the Russian order."""
    assert date_label("kk", date(2026, 1, 1)).replace("\u202f", " ") == "2026 ж. 1 қаңтар"
    assert date_label("kk", date(2025, 12, 31)).replace("\u202f", " ") == "2025 ж. 31 желтоқсан"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("kk", "16 сәуір, бейсенбі, 00:30"),
        ("ru", "16 апреля, четверг, 00:30"),
        ("en", "Thursday, 16 April, 00:30"),
    ],
)
def test_across_midnight_in_almaty(locale: str, expected: str) -> None:
    """19:30 UTC on Wednesday is already half past midnight on Thursday in Almaty."""
    utc = datetime(2026, 4, 15, 19, 30, tzinfo=UTC)
    local = utc.astimezone(ALMATY)

    assert moment_label(locale, local) == expected
    assert day_label(locale, local) == expected.rsplit(", ", 1)[0]
    assert time_label(locale, local) == "00:30"
    assert date_label(locale, local.date()) == date_label(locale, date(2026, 4, 16))
    # The same instant is labelled in the zone it carries: still Wednesday in UTC.
    assert moment_label(locale, utc) == moment_label(locale, WEDNESDAY.replace(hour=19, minute=30))


def test_one_minute_before_and_after_midnight_in_almaty() -> None:
    midnight = datetime(2026, 4, 16, 0, 0, tzinfo=ALMATY)

    assert moment_label("kk", midnight - timedelta(minutes=1)) == "15 сәуір, сәрсенбі, 23:59"
    assert moment_label("kk", midnight) == "16 сәуір, бейсенбі, 00:00"
    assert moment_label("ru", midnight - timedelta(minutes=1)) == "15 апреля, среда, 23:59"
    assert moment_label("ru", midnight) == "16 апреля, четверг, 00:00"


@pytest.mark.parametrize(
    ("locale", "months"),
    [
        (
            "kk",
            (
                "қаңтар",
                "ақпан",
                "наурыз",
                "сәуір",
                "мамыр",
                "маусым",
                "шілде",
                "тамыз",
                "қыркүйек",
                "қазан",
                "қараша",
                "желтоқсан",
            ),
        ),
        (
            "ru",
            (
                "января",
                "февраля",
                "марта",
                "апреля",
                "мая",
                "июня",
                "июля",
                "августа",
                "сентября",
                "октября",
                "ноября",
                "декабря",
            ),
        ),
    ],
)
def test_month_names_in_the_form_used_with_a_day(locale: str, months: tuple[str, ...]) -> None:
    for number, month in enumerate(months, start=1):
        expected = f"2026\u202fж. 1 {month}" if locale == "kk" else f"1 {month} 2026"
        assert date_label(locale, date(2026, number, 1)) == expected


def test_weekdays_in_kazakh() -> None:
    monday = datetime(2026, 4, 13, 9, 0, tzinfo=ALMATY)
    names = [day_label("kk", monday + timedelta(days=n)).split(", ")[1] for n in range(7)]

    assert names == ["дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"]


def test_regional_and_unknown_locales() -> None:
    assert moment_label("kk-KZ", WEDNESDAY) == "15 сәуір, сәрсенбі, 10:00"
    assert moment_label("ru_RU", WEDNESDAY) == "15 апреля, среда, 10:00"
    assert moment_label("de", WEDNESDAY) == "Wednesday, 15 April, 10:00"


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        moment_label("kk", datetime(2026, 4, 15, 10, 0))
    with pytest.raises(TypeError):
        date_label("kk", WEDNESDAY)


@pytest.mark.parametrize(
    ("locale", "size", "expected"),
    [
        ("kk", 23_654, "23,1\u00a0КБ"),
        ("ru", 23_654, "23,1\u00a0КБ"),
        ("en", 23_654, "23.1\u00a0KB"),
        ("kk", 3 * 1024 * 1024 + 512 * 1024, "3,5\u00a0МБ"),
        ("ru", 1024 * 1024, "1,0\u00a0МБ"),
        ("en", 5, "0.1\u00a0KB"),  # never "0.0"
        ("en", 0, "0.1\u00a0KB"),
    ],
)
def test_file_size_label(locale: str, size: int, expected: str) -> None:
    assert file_size_label(locale, size, translator=Translator(strict=True)) == expected
