"""Cohorts full of learners, fast: for delivery tests, the kill test and the benchmark.

People are written with ``executemany`` rather than through registration and enrolment one by
one, so a cohort of 10,000 takes a fraction of a second. Courses can be the bundled sample or a
small ``course.yaml`` written on the spot.
"""

from __future__ import annotations

import contextlib
import textwrap
from collections.abc import AsyncIterator
from datetime import date, datetime
from pathlib import Path

from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode

from bot import PROJECT_ROOT
from bot.clock import Clock, to_db
from bot.config import Settings
from bot.courses.importing import import_course
from bot.delivery.sender import sender_factory
from bot.delivery.service import DeliveryService
from bot.i18n import Translator
from bot.people.enrolment import new_invite_code
from bot.people.model import NewCohort
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository
from storage.db import Database
from tests.auxil.emulator import BotAPIEmulator

SAMPLE = PROJECT_ROOT / "courses" / "sample"
LANGUAGES = ("kk", "ru", "en")


async def import_version(db: Database, course: Path, files_dir: Path) -> int:
    """Import ``course`` (a folder) and return the id of its latest version."""
    summary = await import_course(db, course, files_dir)
    version = await CourseRepository(db).get_version(summary.code, summary.version)
    assert version is not None
    return version.id


async def make_cohort(
    db: Database,
    version_id: int,
    start: date,
    now: datetime,
    *,
    timezone: str = "Asia/Almaty",
    name: str = "Ауыл кітапханалары",
) -> int:
    version = await CourseRepository(db).get_version_by_id(version_id)
    assert version is not None
    return await CohortRepository(db).create(
        NewCohort(
            course_id=version.course_id,
            version_id=version_id,
            name=name,
            start_date=start,
            timezone=timezone,
            enrol_until=None,
            capacity=None,
            invite_code=new_invite_code(),
            created_by=1,
        ),
        now,
    )


async def add_learners(
    db: Database, cohort_id: int, user_ids: range | list[int], now: datetime, *, languages: tuple[str, ...] = LANGUAGES
) -> None:
    """Registered librarians, enrolled in the cohort; languages take turns kk, ru, en."""
    stamp = to_db(now)
    people = [
        (
            uid,
            languages[i % len(languages)],
            f"Кітапханашы {uid}",
            "abai",
            f"Аудан {uid % 18}",
            f"Кітапхана № {uid}",
            "кітапханашы",
            "rural" if uid % 2 else "urban",
            stamp,
            stamp,
            stamp,
            stamp,
        )
        for i, uid in enumerate(user_ids)
    ]
    async with db.transaction() as conn:
        await conn.executemany(
            """
            INSERT INTO users (telegram_id, language, full_name, region, district, library, position,
                               settlement, consent_at, registered_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (telegram_id) DO NOTHING
            """,
            people,
        )
        await conn.executemany(
            "INSERT INTO enrolments (cohort_id, user_id, status, enrolled_at) VALUES (?, ?, 'active', ?)",
            [(cohort_id, uid, stamp) for uid in user_ids],
        )


def write_course(folder: Path, body: str, files: dict[str, bytes] | None = None) -> Path:
    """A course folder with ``course.yaml`` (``body``, dedented) and the named files."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "course.yaml").write_text(textwrap.dedent(body), encoding="utf-8")
    for name, content in (files or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return folder


PDF = b"%PDF-1.4\n% Oqu test handout\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


@contextlib.asynccontextmanager
async def delivery_rig(
    db: Database, settings: Settings, clock: Clock, translator: Translator
) -> AsyncIterator[tuple[DeliveryService, BotAPIEmulator]]:
    """The delivery service with the real sender, talking to an emulator; nothing automatic:
    the test calls ``run_due()`` and ``idle()`` with its frozen clock."""
    async with BotAPIEmulator() as emu:
        bot = emu.create_bot(default=DefaultBotProperties(parse_mode=ParseMode.HTML))
        service = DeliveryService(db, settings, translator, clock)
        await service.start(sender_factory(bot, settings))
        try:
            yield service, emu
        finally:
            await service.stop(grace=2)
            await bot.session.close()


async def deliver(service: DeliveryService) -> int:
    """Send everything due now and wait until the sender is done; return the rows taken."""
    taken = 0
    while True:
        batch = await service.run_due()
        await service.idle()
        if not batch:
            return taken
        taken += batch
