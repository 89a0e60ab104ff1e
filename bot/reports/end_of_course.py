"""The end of a course in the reports: "completed" and "certified" at the end of the funnel,
completion per region and rural / urban, and the Certificates sheet of the workbook.

One factory, :func:`report_providers`, serves both the running bot (``bot/app.py``) and
``python -m bot export`` (which the bot runs for /export), so the two workbooks are the same.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.i18n import Localizer
from bot.reports.providers import ReportProviders
from storage.db import Database
from storage.reports import EndOfCourseReports, ExportReader


class CompletedStep:
    label = "reports-funnel-completed"

    def __init__(self, repo: EndOfCourseReports) -> None:
        self.repo = repo

    async def count(self, cohort_id: int) -> int:
        return await self.repo.completed(cohort_id)


class CertifiedStep:
    label = "reports-funnel-certified"

    def __init__(self, repo: EndOfCourseReports) -> None:
        self.repo = repo

    async def count(self, cohort_id: int) -> int:
        return await self.repo.certified(cohort_id)


class CertificatesSheet:
    title = "reports-sheet-certificates"

    def headers(self, l10n: Localizer) -> Sequence[str]:
        return [
            l10n("reports-col-certificate-number"),
            l10n("reports-col-id"),
            l10n("reports-col-name"),
            l10n("reports-col-certificate-languages"),
            l10n("reports-col-certificate-hours"),
            l10n("reports-col-certificate-issued"),
            l10n("reports-col-certificate-issued-by"),
            l10n("reports-col-certificate-status"),
            l10n("reports-col-certificate-reason"),
            l10n("reports-col-certificate-changed"),
            l10n("reports-col-certificate-replacement"),
        ]

    def rows(self, database: Path, cohort_id: int, zone: ZoneInfo, l10n: Localizer) -> Iterator[Sequence[object]]:
        from bot.reports.workbook import local  # openpyxl loads with the first export, not at start

        with ExportReader(database) as reader:
            for row in reader.certificates(cohort_id):
                yield [
                    row["number"],
                    row["user_id"],
                    row["full_name"],
                    row["languages"],
                    row["hours"],
                    local(row["issued_at"], zone),
                    row["issued_by"] if row["issued_by"] is not None else l10n("reports-certificate-on-completion"),
                    l10n(f"reports-certificate-{row['status']}"),
                    row["reason"] or "",
                    local(row["changed_at"], zone),
                    row["replacement"] or "",
                ]


def report_providers(db: Database) -> ReportProviders:
    repo = EndOfCourseReports(db)
    return ReportProviders(
        funnel=[CompletedStep(repo), CertifiedStep(repo)],
        completion=repo,
        sheets=[CertificatesSheet()],
    )
