"""Settings from the environment or a ``.env`` file (documented in ``.env.example``)."""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.delivery.quiet_hours import QuietHours

TOKEN_HELP = (
    "Get a token from @BotFather in Telegram (send /newbot, or /token for an existing bot) "
    "and put it in .env as BOT_TOKEN=123456789:AA... (see .env.example)."
)
# The same rule as aiogram's validate_token, without importing aiogram: a clear answer to a
# missing token must come at once, not after the second it takes to load the framework.
_TOKEN = re.compile(r"^\d+:[^\s:]+$")
# Telegram's rule for setWebhook's secret_token.
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
HEALTH_PATH = "/healthz"
_HH_MM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")

Locale = Literal["kk", "ru", "en"]
LOCALES: tuple[Locale, ...] = ("kk", "ru", "en")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False)

    bot_token: SecretStr = SecretStr("")
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    database_path: Path = Path("data/bot.sqlite3")
    telegram_api_url: str | None = None
    default_locale: Locale = "kk"
    timezone: str = "Asia/Almaty"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    # Seconds the long-polling request waits at Telegram; tests shorten it.
    polling_timeout: int = Field(default=10, ge=0, le=50)

    # Delivery (docs/delivery.md). Telegram's limits are the defaults; raise them only for a
    # self-hosted test server or paid broadcasts.
    send_rate: int = Field(default=30, ge=1, le=1000)  # messages per second, all chats together
    send_chat_interval: float = Field(default=1.0, ge=0, le=60)  # seconds between two to one person
    send_group_per_minute: int = Field(default=20, ge=1, le=60)  # messages per minute to one group
    send_concurrency: int = Field(default=16, ge=1, le=256)  # requests to Telegram at the same time
    quiet_hours: str = "22:00-08:00"  # cohort-local; empty or "off": none
    catch_up_minutes: int = Field(default=30, ge=0, le=24 * 60)  # between lessons a late joiner missed
    questionnaire_reminders: Annotated[tuple[int, ...], NoDecode] = (24, 72)  # hours after the invitation
    delivery_tick: float = Field(default=30.0, ge=0.1, le=600)  # seconds between checks of what is due
    # A curator with homework waiting longer than this gets one digest a day, at 10:00 cohort time.
    review_reminder_hours: int = Field(default=24, ge=1, le=24 * 30)
    # Quizzes (issue 11): hours after a learner's last answer in an unfinished quiz when one
    # reminder goes out.
    quiz_reminder_hours: float = Field(default=24.0, gt=0, le=24 * 30)
    # Completion (docs/completion.md): a cohort becomes 'finished' this many days after its last
    # item (lesson, deadline, questionnaire reminder); its reminders stop then.
    cohort_finish_after_days: int = Field(default=7, ge=0, le=365)

    # Webhook mode (docs/operations.md): with a URL the bot listens for Telegram instead of polling.
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0:8080"  # host:port of the bot's own HTTP server
    webhook_secret: SecretStr | None = None  # empty: generated once, kept in webhook_secret_path

    # Throttling: each person has a bucket of THROTTLE_BURST updates, refilled at THROTTLE_RATE per
    # second; an empty bucket means one notice and THROTTLE_PAUSE seconds of being ignored.
    throttle_rate: float = Field(default=2.0, ge=0, le=1000)  # 0: no throttling
    throttle_burst: int = Field(default=20, ge=1, le=10_000)
    throttle_pause: float = Field(default=10.0, ge=0, le=3600)

    log_format: Literal["text", "json"] = "text"
    # Backups (docs/operations.md): every day at BACKUP_AT, local time in TIMEZONE, into BACKUP_DIR
    # (default: backups/ beside the database); archives of the last BACKUP_KEEP days are kept.
    backup_dir: Path | None = None
    backup_at: str = "03:00"  # HH:MM, or "off"
    backup_keep: int = Field(default=14, ge=1, le=3650)  # days

    # Personal data (docs/operations.md): people who started the bot but have not consented (or
    # deleted their data) for this many days are forgotten, language and all, by a daily job.
    unconsented_days: int = Field(default=30, ge=1, le=3650)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.replace(";", ",").split(",")]
            return frozenset(int(part) for part in parts if part)
        if isinstance(value, int):
            return frozenset({value})
        return value

    @field_validator("questionnaire_reminders", mode="before")
    @classmethod
    def _split_hours(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(int(part) for part in value.replace(";", ",").split(",") if part.strip())
        if isinstance(value, int):
            return (value,)
        return value

    @field_validator("questionnaire_reminders")
    @classmethod
    def _positive_hours(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if any(hours <= 0 for hours in value):
            raise ValueError("hours after the invitation must be positive")
        return tuple(sorted(set(value)))

    @field_validator("quiet_hours")
    @classmethod
    def _quiet_hours(cls, value: str) -> str:
        QuietHours.parse(value)  # raises ValueError with a readable message
        return value.strip()

    @field_validator("backup_dir", mode="before")
    @classmethod
    def _blank_dir_is_default(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("backup_at")
    @classmethod
    def _backup_at(cls, value: str) -> str:
        value = value.strip().lower()
        if value in ("", "off"):
            return "off"
        match = _HH_MM.match(value)
        if match is None:
            raise ValueError(f"{value!r} is not a time of day; write HH:MM, such as 03:00, or off")
        return f"{int(match.group(1)):02d}:{match.group(2)}"

    @field_validator("telegram_api_url", mode="before")
    @classmethod
    def _blank_url_is_default(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip().rstrip("/")
            return value or None
        return value

    @field_validator("webhook_url", mode="before")
    @classmethod
    def _webhook_url(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        value = value.strip()
        if not value:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValueError("must be a full URL such as https://bot.example.kz/telegram/webhook")
        if (parts.path or "/") == HEALTH_PATH:
            raise ValueError(f"{HEALTH_PATH} is the health check; choose another path")
        return value

    @field_validator("webhook_listen")
    @classmethod
    def _listen(cls, value: str) -> str:
        _, sep, port = value.strip().rpartition(":")
        if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
            raise ValueError("must be host:port, e.g. 0.0.0.0:8080 or 127.0.0.1:8080")
        return value.strip()

    @field_validator("webhook_secret", mode="before")
    @classmethod
    def _secret(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
            if not _SECRET.match(value):
                raise ValueError("1-256 characters, only A-Z, a-z, 0-9, _ and - (Telegram's rule)")
        return value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower_format(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}; use an IANA name such as Asia/Almaty") from exc
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def files_dir(self) -> Path:
        """Course files, content-addressed, beside the database (and on the same volume)."""
        return self.database_path.parent / "files"

    @property
    def webhook_path(self) -> str:
        """The path Telegram posts to: the path of WEBHOOK_URL."""
        return urlsplit(self.webhook_url or "").path or "/"

    @property
    def webhook_host_port(self) -> tuple[str, int]:
        host, _, port = self.webhook_listen.rpartition(":")
        return host.strip("[]") or "0.0.0.0", int(port)

    @property
    def webhook_secret_path(self) -> Path:
        """Where a generated webhook secret is kept, beside the database, so a restart keeps it."""
        return self.database_path.parent / "webhook-secret"

    @property
    def backups_dir(self) -> Path:
        return self.backup_dir if self.backup_dir is not None else self.database_path.parent / "backups"

    @property
    def backup_time(self) -> time | None:
        """When the daily backup runs (local time in ``timezone``); None: it does not."""
        return None if self.backup_at == "off" else time.fromisoformat(self.backup_at)

    def is_owner(self, user_id: int) -> bool:
        return user_id in self.admin_ids


def check_token(settings: Settings) -> str | None:
    """A one-line problem with the token, or None if it looks right."""
    token = settings.bot_token.get_secret_value().strip()
    if not token:
        return f"BOT_TOKEN is not set. {TOKEN_HELP}"
    if not _TOKEN.match(token):
        return f"BOT_TOKEN does not look like a bot token. {TOKEN_HELP}"
    return None
