"""Everything the bot keeps about a person, gathered from every feature: /mydata and erasure.

Kazakhstan's law on personal data lets a person see what is held about them and withdraw
consent. Each storage repository that keeps a person's id is a :class:`PersonalDataSource`: it
says which of its tables and columns hold that id, exports the person's rows, and erases them
inside the one erasure transaction. ``bot/app.py`` puts every source in the
:class:`PersonalDataRegistry`; a feature that adds a table with a person's id adds its source
there, or ``tests/test_personal_data.py`` fails.

Erasing keeps counts, not people: rows an organizer's numbers rest on (an enrolment, a
delivered lesson) move to an *alias*, a fresh negative id with no data behind it and no link
back to the person; everything else about them is deleted or blanked (docs/operations.md,
"Personal data").
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from bot.clock import Clock

if TYPE_CHECKING:
    import aiosqlite

    from bot.scheduling import Scheduler
    from storage.personal_data import PersonalDataStore

log = logging.getLogger(__name__)

UNCONSENTED_JOB = "forget-unconsented"
# Local time of the daily clean-up: after the 03:00 backup, before anyone's morning lesson.
UNCONSENTED_AT = (4, 30)

JSON = Any  # what json.dumps takes: dicts, lists, str, int, float, bool, None
Columns = Mapping[str, tuple[str, ...]]  # table -> the columns of it holding a person's id


@dataclass(frozen=True)
class Forgetting:
    """One erasure: whose data, the alias that takes their place in rows kept for counts, when."""

    user_id: int
    alias: int
    now: datetime


class PersonalDataSource(Protocol):
    """A repository holding a person's id in some of its tables."""

    # table -> the columns of it that hold a person's id, all exported and erased by this source
    columns: ClassVar[Columns]

    async def export(self, user_id: int) -> dict[str, JSON]:
        """The person's own rows as plain JSON values, one key per section (unique across
        sources). Rows that name a course version by ``course_version_id`` get the course's
        title in the person's language added. Nothing about other people."""
        ...

    async def erase(self, conn: aiosqlite.Connection, person: Forgetting) -> dict[str, int]:
        """Delete or anonymize the person's rows, inside the erasure transaction (foreign keys
        are checked at its end, so the order of sources does not matter). Returns what changed,
        by a short name, for the log."""
        ...


@dataclass
class PersonalDataRegistry:
    sources: list[PersonalDataSource] = field(default_factory=list)

    def add(self, source: PersonalDataSource) -> None:
        self.sources.append(source)

    def declared(self) -> dict[str, set[str]]:
        """Every (table, columns) some source exports and erases."""
        tables: dict[str, set[str]] = {}
        for source in self.sources:
            for table, columns in source.columns.items():
                tables.setdefault(table, set()).update(columns)
        return tables


@dataclass(frozen=True)
class Export:
    """A person's data: the sections as JSON values, and the file they get."""

    sections: dict[str, JSON]

    def file_bytes(self, readable: Mapping[str, JSON] | None = None) -> bytes:
        """The file: ``readable`` first (a note and labels in the person's language), then the
        sections as stored."""
        document = {**(readable or {}), **self.sections}
        # ensure_ascii off: Kazakh and Russian stay readable in any text editor.
        return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")

    def count(self, section: str) -> int:
        value = self.sections.get(section)
        if isinstance(value, list):
            return len(value)
        return 0 if value in (None, {}) else 1


CourseTitle = Callable[[int, str], Awaitable[str | None]]  # (course version id, language)


@dataclass
class PersonalDataService:
    """The export (/mydata) and the daily clean-up of people who never consented; erasing is
    ``bot.people.erasure.ErasureService``, over the same registry."""

    registry: PersonalDataRegistry
    store: PersonalDataStore
    course_title: CourseTitle
    clock: Clock
    unconsented_days: int = 30
    timezone: str = "Asia/Almaty"

    async def export(self, user_id: int, language: str) -> Export:
        sections: dict[str, JSON] = {}
        for source in self.registry.sources:
            for name, value in (await source.export(user_id)).items():
                if name in sections:
                    raise ValueError(f"two personal-data sources export the section {name!r}")
                sections[name] = value
        titles: dict[int, str | None] = {}
        for rows in sections.values():
            for row in rows if isinstance(rows, list) else [rows]:
                if isinstance(row, dict) and isinstance(row.get("course_version_id"), int):
                    version_id = row.pop("course_version_id")
                    if version_id not in titles:
                        titles[version_id] = await self.course_title(version_id, language)
                    row["course"] = titles[version_id]
        return Export(sections)

    async def forget_unconsented(self) -> int:
        """Delete people who started the bot but have not consented for ``unconsented_days``
        (only their language, and perhaps an invite code they opened, was kept)."""
        before = self.clock.now() - timedelta(days=self.unconsented_days)
        forgotten = await self.store.forget_unconsented(before)
        if forgotten:
            log.info("forgot %d person(s) who had not consented for %d days", forgotten, self.unconsented_days)
        return forgotten

    def schedule(self, scheduler: Scheduler) -> None:
        hour, minute = UNCONSENTED_AT
        scheduler.cron(UNCONSENTED_JOB, self._daily, timezone=self.timezone, hour=hour, minute=minute)

    async def _daily(self) -> None:
        try:
            await self.forget_unconsented()
        except Exception:
            log.exception("forgetting people who never consented failed; tomorrow tries again")
