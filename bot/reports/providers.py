"""Where later features plug into the reports, one small object each.

- A ``FunnelProvider`` adds a bar at the end of the course funnel (in the order of the list):
  the completions feature adds "completed", the certificates feature "certified".
- A ``CompletionProvider`` tells, per region and settlement kind, how many learners completed:
  the region and rural/urban charts and the text then show completion next to the learners.
- A ``SheetProvider`` adds a sheet to the Excel workbook (before Deliveries, which stays last):
  the certificates feature adds Certificates (number, date, status).

``bot/app.py`` builds the lists (``ReportProviders``) and hands them to ``ReportService``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.i18n import Localizer


class FunnelProvider(Protocol):
    label: str  # a Fluent id in locales/*/reports.ftl (or the feature's own .ftl)

    async def count(self, cohort_id: int) -> int:
        """Learners of the cohort's active enrolments who reached this step."""
        ...


class CompletionProvider(Protocol):
    async def completed_by_place(self, cohort_id: int) -> dict[tuple[str | None, str | None], int]:
        """(region code, settlement kind) -> learners who completed; missing keys count 0."""
        ...


class SheetProvider(Protocol):
    title: str  # a Fluent id: the sheet's name (at most 31 characters in every language)

    def headers(self, l10n: Localizer) -> Sequence[str]: ...

    def rows(self, database: Path, cohort_id: int, zone: ZoneInfo, l10n: Localizer) -> Iterable[Sequence[object]]:
        """The sheet's rows; runs in the export's worker thread, so it opens its own read-only
        connection (as storage.reports.ExportReader does) and yields rows as it reads them.
        Times go out as naive datetimes of ``zone`` (bot.reports.workbook.local)."""
        ...


@dataclass
class ReportProviders:
    funnel: list[FunnelProvider] = field(default_factory=list)
    completion: CompletionProvider | None = None
    sheets: list[SheetProvider] = field(default_factory=list)
