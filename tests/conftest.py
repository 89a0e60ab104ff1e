"""Shared fixtures. No test reaches the network: sockets may only connect to loopback."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiogram import Bot

from bot.app import create_dispatcher
from bot.clock import FrozenClock
from bot.config import Settings
from bot.i18n import Translator
from storage.db import Database
from storage.users import UserRepository
from tests.auxil.harness import Harness
from tests.auxil.recording import RecordingSession

TEST_TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"
OWNER_ID = 900001

_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> object:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and self.family in (socket.AF_INET, socket.AF_INET6):
        if not (host.startswith("127.") or host in ("::1", "localhost")):
            raise RuntimeError(f"tests must not reach the network (tried {address!r})")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime(2026, 4, 15, 5, 0, tzinfo=UTC))


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "bot.sqlite3")
    yield database
    await database.close()


@pytest.fixture
def translator() -> Translator:
    return Translator(default_locale="kk", strict=True)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,
        bot_token=TEST_TOKEN,
        admin_ids=str(OWNER_ID),
        database_path=tmp_path / "bot.sqlite3",
        # Tests type faster than any person, and the harness's clock stands still: no throttling
        # here (tests/test_throttle.py turns it on).
        throttle_rate=0,
    )


@pytest.fixture
async def harness(
    settings: Settings, db: Database, translator: Translator, clock: FrozenClock
) -> AsyncIterator[Harness]:
    session = RecordingSession()
    bot = Bot(TEST_TOKEN, session=session)
    dp = create_dispatcher(settings, db, translator, clock)
    await dp.emit_startup(bot=bot)
    yield Harness(dp, bot, session, db, UserRepository(db), clock, translator)
    await dp.emit_shutdown(bot=bot)
    # The bot's error handler may have swallowed the exception: fail the test here instead. A test
    # that expects Telegram to refuse something reads and clears ``session.refused`` itself.
    assert not session.unknown, f"the bot called methods the recording session does not know: {session.unknown}"
    assert not session.refused, f"Telegram would have refused: {session.refused}"
