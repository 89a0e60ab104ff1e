"""LOG_FORMAT=json: one JSON object a line, with the error id of a failure."""

from __future__ import annotations

import json
import logging
import sys

from bot.logformat import JsonFormatter


def record(message: str, *args: object, exc: bool = False, **extra: object) -> logging.LogRecord:
    exc_info = None
    if exc:
        try:
            raise ValueError("bad value")
        except ValueError:
            exc_info = sys.exc_info()
    made = logging.LogRecord("bot.telegram.errors", logging.ERROR, __file__, 1, message, args, exc_info)
    made.__dict__.update(extra)
    return made


def test_a_line_is_one_json_object_with_time_level_logger_message() -> None:
    line = JsonFormatter().format(record("connected as @%s (id %s)", "oqu_bot", 42))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "bot.telegram.errors"
    assert entry["message"] == "connected as @oqu_bot (id 42)"
    assert entry["time"].endswith("+00:00") and "T" in entry["time"]
    assert "error_id" not in entry


def test_a_failure_carries_its_error_id_and_the_traceback_stays_inside_the_object() -> None:
    line = JsonFormatter().format(
        record("update %s failed: %s [error %s]", 7, "ValueError", "ab12cd34", exc=True, error_id="ab12cd34")
    )
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["error_id"] == "ab12cd34"
    assert entry["exception"].startswith("Traceback") and "ValueError: bad value" in entry["exception"]


def test_kazakh_text_stays_readable() -> None:
    entry = JsonFormatter().format(record("Сәлем, %s", "Айгүл"))
    assert "Сәлем, Айгүл" in entry
