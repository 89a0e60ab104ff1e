"""Settings and the start-up checks that a person running the bot meets first."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot import PROJECT_ROOT
from bot.config import Settings


def test_defaults_and_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", "123:abc")
    monkeypatch.setenv("ADMIN_IDS", " 1, 2 ,3 ")
    monkeypatch.setenv("TELEGRAM_API_URL", "http://127.0.0.1:8081/")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    settings = Settings(_env_file=None)
    assert settings.admin_ids == frozenset({1, 2, 3})
    assert settings.telegram_api_url == "http://127.0.0.1:8081"
    assert settings.database_path == Path("data/bot.sqlite3")
    assert settings.default_locale == "kk" and settings.timezone == "Asia/Almaty"
    assert settings.log_level == "DEBUG"
    # Kazakhstan is UTC+5 everywhere since March 2024; tzdata makes this hold on every machine.
    assert datetime(2026, 1, 1, tzinfo=settings.tz).utcoffset() == timedelta(hours=5)
    assert settings.is_owner(2) and not settings.is_owner(4)


def test_unknown_time_zone_is_refused() -> None:
    with pytest.raises(ValidationError, match="time zone"):
        Settings(_env_file=None, timezone="Mars/Olympus")


def _run_bot(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "ADMIN_IDS", "TELEGRAM_API_URL", "DATABASE_PATH"}
    }
    clean["PYTHONPATH"] = str(PROJECT_ROOT)
    return subprocess.run(
        [sys.executable, "-m", "bot"], env=clean | env, cwd=cwd, capture_output=True, text=True, timeout=30, check=False
    )


@pytest.mark.parametrize(
    ("token", "expected"),
    [("", "BOT_TOKEN is not set"), ("not-a-token", "does not look like a bot token")],
)
def test_missing_or_malformed_token_exits_2_with_one_clear_line(tmp_path: Path, token: str, expected: str) -> None:
    result = _run_bot({"BOT_TOKEN": token}, tmp_path)
    assert result.returncode == 2
    assert expected in result.stderr and "@BotFather" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_invalid_setting_exits_2_without_traceback(tmp_path: Path) -> None:
    result = _run_bot({"BOT_TOKEN": "123:abc", "DEFAULT_LOCALE": "de"}, tmp_path)
    assert result.returncode == 2
    assert "DEFAULT_LOCALE" in result.stderr and "Traceback" not in result.stderr
