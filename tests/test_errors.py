"""An exception in a handler: the person gets a kind word, the owners one alert per kind."""

from __future__ import annotations

import asyncio
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

    harness.dp["users"].get = failing
    harness.dp["users"].get_with_roles = failing  # the person middleware cannot read their row
    sent = await harness.send(LEARNER, "/help")
    assert to_person(sent, LEARNER.id) == [
        "😔 Произошла ошибка. Пожалуйста, попробуйте ещё раз через минуту; всё, что вы отправили, сохранено."
    ]
    [alert] = to_owner(sent)  # the owner's language cannot be read either: the default
    assert "disk I/O error" not in alert and "OperationalError" in alert


def _owner_texts(harness: Harness, since: int) -> list[str]:
    return [
        m.text for m in harness.session.requests[since:] if isinstance(m, SendMessage) and int(m.chat_id) == OWNER_ID
    ]


async def test_a_failure_in_background_work_reaches_the_owners_once_per_kind_with_its_log_id(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """The delivery tick, a backup, a live quiz's loop catch their own errors and log them; the
    owners hear of them like of a failing update (they used to stay in the log)."""
    before = len(harness.session.requests)
    log = logging.getLogger("bot.backup.service")
    with caplog.at_level(logging.ERROR):
        for _ in range(3):
            try:
                raise OSError("disk full")
            except OSError:
                log.exception("daily backup to %s failed; old backups were kept", "/backups")
        await _drain(harness)
    [alert] = _owner_texts(harness, before)
    error_id = re.search(r"Қате ([0-9a-f]{8})", alert)
    assert error_id, alert
    assert "OSError" in alert and "bot.backup.service" in alert and "tests/test_errors.py" in alert
    assert "disk full" not in alert and "Traceback" not in alert
    records = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert error_id.group(1) in records[0].getMessage()
    assert records[0].error_id == error_id.group(1)  # type: ignore[attr-defined]
    # Ten minutes later the same kind is news again, with the count of those held back.
    harness.clock.advance(timedelta(minutes=11))
    before = len(harness.session.requests)
    try:
        raise OSError("disk full")
    except OSError:
        log.exception("daily backup failed")
    await _drain(harness)
    [alert] = _owner_texts(harness, before)
    assert "тағы 2 рет" in alert


async def test_a_scheduled_job_that_raises_alerts_the_owners(harness: Harness) -> None:
    from bot.scheduling.aps import ApsScheduler

    scheduler = ApsScheduler()
    ran = asyncio.Event()

    async def job() -> None:
        ran.set()
        raise ZeroDivisionError

    before = len(harness.session.requests)
    scheduler.start()
    try:
        scheduler.after("failing-job", timedelta(0), job)
        await asyncio.wait_for(ran.wait(), 10)
        for _ in range(100):  # APScheduler logs the failure right after the job's coroutine ends
            await asyncio.sleep(0.01)
            if _owner_texts(harness, before):
                break
        await _drain(harness)
    finally:
        scheduler.shutdown()
    [alert] = _owner_texts(harness, before)
    assert "ZeroDivisionError" in alert and "apscheduler" in alert


async def test_a_failing_update_is_alerted_once_not_again_as_background_work(harness: Harness) -> None:
    break_my_courses(harness, KeyError("cohort"))
    sent = await harness.send(LEARNER, "/courses")
    await _drain(harness)
    assert len(to_owner(sent)) == 1
    assert len([m for m in harness.session.requests if isinstance(m, SendMessage) and int(m.chat_id) == OWNER_ID]) == 1


async def _drain(harness: Harness) -> None:
    from bot.telegram.background_errors import BackgroundErrorAlerts

    for handler in logging.getLogger("bot").handlers:
        if isinstance(handler, BackgroundErrorAlerts):
            await asyncio.sleep(0)  # call_soon_threadsafe: the alert task starts on the next turn
            await handler.drain()
