"""An exception in a handler: the person gets a kind word, the owners one alert per kind."""

from __future__ import annotations

import logging
import re
import sqlite3
from datetime import timedelta
from typing import Any

import pytest
from aiogram.methods import SendMessage

from tests.auxil.harness import Harness
from tests.auxil.updates import tg_user
from tests.conftest import OWNER_ID

LEARNER = tg_user(71001, language_code="ru")
OTHER = tg_user(71002, language_code="kk")


def break_my_courses(harness: Harness, error: Exception) -> None:
    async def failing(*args: Any, **kwargs: Any) -> Any:
        raise error

    harness.dp["cohorts"].of_learner = failing


def to_owner(sent: list[SendMessage]) -> list[str]:
    return [m.text for m in sent if int(m.chat_id) == OWNER_ID]


def to_person(sent: list[SendMessage], user_id: int) -> list[str]:
    return [m.text for m in sent if int(m.chat_id) == user_id]


async def test_the_person_is_told_politely_and_the_owner_gets_the_error_id_that_is_in_the_log(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    break_my_courses(harness, sqlite3.OperationalError("database is locked"))
    with caplog.at_level(logging.ERROR):
        sent = await harness.send(LEARNER, "/courses")
    assert to_person(sent, LEARNER.id) == [
        "😔 Произошла ошибка. Пожалуйста, попробуйте ещё раз через минуту; всё, что вы отправили, сохранено."
    ]
    [alert] = to_owner(sent)
    error_id = re.search(r"Қате ([0-9a-f]{8})", alert)  # the owner has no row yet: the default locale, kk
    assert error_id, alert
    assert "sqlite3.OperationalError" in alert
    assert "handlers/courses.py" in alert
    assert str(LEARNER.id) in alert
    assert "Traceback" not in alert and "database is locked" not in alert
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert error_id.group(1) in record.getMessage()
    assert record.error_id == error_id.group(1)  # type: ignore[attr-defined]
    assert record.exc_info is not None  # the traceback goes to the log, and only there


async def test_one_alert_per_kind_of_error_in_ten_minutes(harness: Harness) -> None:
    break_my_courses(harness, sqlite3.OperationalError("database is locked"))
    first = await harness.send(LEARNER, "/courses")
    assert len(to_owner(first)) == 1
    # The same kind again, from two people, within ten minutes: each person is answered, the owner not.
    for user in (LEARNER, OTHER, LEARNER):
        harness.clock.advance(timedelta(minutes=3))
        sent = await harness.send(user, "/courses")
        assert len(to_person(sent, user.id)) == 1
        assert to_owner(sent) == []
    # Another kind is news: alerted at once.
    break_my_courses(harness, KeyError("cohort"))
    sent = await harness.send(OTHER, "/courses")
    [alert] = to_owner(sent)
    assert "KeyError" in alert
    # Ten minutes after the first alert the first kind is alerted again, with the count held back.
    break_my_courses(harness, sqlite3.OperationalError("database is locked"))
    harness.clock.advance(timedelta(minutes=2))
    sent = await harness.send(LEARNER, "/courses")
    [alert] = to_owner(sent)
    assert "sqlite3.OperationalError" in alert
    assert "тағы 3 рет" in alert


async def test_a_failure_before_the_person_is_known_is_answered_in_their_telegram_language(harness: Harness) -> None:
    async def failing(*args: Any, **kwargs: Any) -> Any:
        raise sqlite3.OperationalError("disk I/O error")

    harness.dp["users"].get = failing  # the person middleware cannot read their row
    sent = await harness.send(LEARNER, "/help")
    assert to_person(sent, LEARNER.id) == [
        "😔 Произошла ошибка. Пожалуйста, попробуйте ещё раз через минуту; всё, что вы отправили, сохранено."
    ]
    [alert] = to_owner(sent)  # the owner's language cannot be read either: the default
    assert "disk I/O error" not in alert and "OperationalError" in alert
