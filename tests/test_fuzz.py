"""Random updates through the real Dispatcher: no unhandled error, every private text answered,
every button press answered exactly once.

The suite runs a small, fixed budget (derandomized: the same updates every run). A longer run by
hand, with the figures by kind printed at the end::

    FUZZ_EXAMPLES=10000 python -m pytest tests/test_fuzz.py -s -p no:randomly
"""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.methods import AnswerCallbackQuery, GetFile, TelegramMethod
from aiogram.types import ErrorEvent, File, Update
from hypothesis import HealthCheck, given, settings

from bot.app import create_dispatcher
from bot.clock import FrozenClock
from bot.config import Settings
from bot.i18n import Translator
from bot.people import access
from storage.db import Database
from storage.roles import RoleRepository
from storage.users import UserRepository
from tests.auxil import fuzzing
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort
from tests.auxil.recording import RecordingSession
from tests.auxil.updates import tg_user
from tests.conftest import OWNER_ID, TEST_TOKEN

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "400"))
SENT = ("SendMessage", "SendPhoto", "SendDocument", "SendVideo", "SendAudio", "EditMessageText")


class FuzzSession(RecordingSession):
    """The recording session, plus what a course zip sent by an organizer needs: getFile answers,
    and the download is a few random bytes (never a valid course)."""

    async def make_request(self, bot: Bot, method: TelegramMethod[Any], timeout: int | None = None) -> Any:  # noqa: ASYNC109
        if isinstance(method, GetFile):
            self.requests.append(method)
            result = File(file_id=method.file_id, file_unique_id=method.file_id, file_size=100, file_path="doc/x")
            self.results.append(result)
            return result
        return await super().make_request(bot, method, timeout)

    async def stream_content(self, *args: Any, **kwargs: Any) -> AsyncGenerator[bytes, None]:
        yield b"PK\x03\x04 not really a zip \xd0\x9a"


@dataclass
class Rig:
    dp: Dispatcher
    bot: Bot
    session: FuzzSession
    db: Database
    clock: FrozenClock
    errors: list[BaseException] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)

    async def feed(self, kind: str, update: Update) -> None:
        before = len(self.session.requests)
        # A second between updates: people typing and tapping, not a flood (the throttle would
        # rightly ignore a flood; tests/test_throttle.py is about that).
        self.clock.advance(timedelta(seconds=1))
        await self.dp.feed_update(self.bot, update)
        self.kinds[kind] += 1
        sent = self.session.requests[before:]
        assert not self.errors, f"{kind}: the error handler was reached: {self.errors[0]!r}\n{update!r}"
        assert not self.session.unknown, f"{kind}: unknown methods {self.session.unknown}"
        assert not self.session.refused, f"{kind}: Telegram would refuse {self.session.refused}\n{update!r}"
        if update.message is not None and update.message.chat.type == "private" and update.message.text:
            chat = update.message.chat.id
            replies = [m for m in sent if type(m).__name__ in SENT and int(getattr(m, "chat_id", 0) or 0) == chat]
            assert replies, f"{kind}: no reply to {update.message.text!r} from {update.message.from_user!r}"
        if update.callback_query is not None:
            answers = [
                m
                for m in sent
                if isinstance(m, AnswerCallbackQuery) and m.callback_query_id == update.callback_query.id
            ]
            assert len(answers) == 1, f"{kind}: {len(answers)} answers to {update.callback_query.data!r}"


PEOPLE = fuzzing.People(
    owner=tg_user(OWNER_ID, language_code="en"),
    organizer=tg_user(900002, language_code="ru"),
    curator=tg_user(900003, language_code="kk"),
    learner=tg_user(41, language_code="ru"),
    strangers=(tg_user(77, language_code="kk"), tg_user(78, language_code=None), tg_user(79, language_code="de")),
)


async def build(tmp_path: Path) -> Rig:
    settings_ = Settings(
        _env_file=None, bot_token=TEST_TOKEN, admin_ids=str(OWNER_ID), database_path=tmp_path / "bot.sqlite3"
    )
    db = await Database.open(settings_.database_path)
    clock = FrozenClock(datetime(2026, 4, 15, 5, 0, tzinfo=UTC))
    dp = create_dispatcher(settings_, db, Translator(default_locale="kk", strict=True), clock)
    session = FuzzSession()
    bot = Bot(TEST_TOKEN, session=session)
    rig = Rig(dp, bot, session, db, clock)

    async def record(event: ErrorEvent) -> Any:
        rig.errors.append(event.exception)
        return UNHANDLED  # and on to the bot's own error handler

    dp.errors.register(record)
    dp.errors.handlers.insert(0, dp.errors.handlers.pop())
    await dp.emit_startup(bot=bot)
    # A world to stumble through: the sample course, a cohort with the learner in it, staff.
    now = clock.now()
    version = await import_version(db, SAMPLE, tmp_path / "files")
    cohort = await make_cohort(db, version, date(2026, 4, 13), now)
    await add_learners(db, cohort, [PEOPLE.learner.id], now, languages=("ru",))
    roles = RoleRepository(db)
    for person in (PEOPLE.owner, PEOPLE.organizer, PEOPLE.curator):
        await UserRepository(db).set_language(person.id, person.language_code or "kk", now)
    await roles.grant(PEOPLE.organizer.id, access.ORGANIZER, OWNER_ID, now)
    await roles.grant(PEOPLE.curator.id, access.CURATOR, OWNER_ID, now)
    return rig


async def close(rig: Rig) -> None:
    await rig.dp.emit_shutdown(bot=rig.bot)
    await rig.db.close()


def test_random_updates_are_handled_answered_and_never_fail(tmp_path: Path) -> None:
    loop = asyncio.new_event_loop()
    try:
        rig = loop.run_until_complete(build(tmp_path))
    except BaseException:
        loop.close()
        raise
    strategy = fuzzing.updates(rig.dp, PEOPLE)

    @settings(
        max_examples=EXAMPLES,
        derandomize=EXAMPLES <= 1000,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def one(pair: tuple[str, Update]) -> None:
        loop.run_until_complete(rig.feed(*pair))

    try:
        one()
    finally:
        loop.run_until_complete(close(rig))
        loop.close()
        total = sum(rig.kinds.values())
        print(f"\nfuzz: {total} updates, exceptions: {len(rig.errors)}")
        for kind, count in rig.kinds.most_common():
            print(f"  {kind:20} {count}")
