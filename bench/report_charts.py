"""The /stats charts for the sample course with a simulated cohort of 60 learners, as PNG files
in docs/charts/ (``make charts``): what an organizer sees on the phone.

The sample course as it ships (with its four self-assessment statements). The data come from
tests/auxil/reports_data.py (seed 7): the whole course delivered, homework handed in, reviewed,
some late and some missing, quiz attempts, the anonymous questionnaire, a live quiz, completions
and certificates.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from bot import PROJECT_ROOT
from bot.clock import FrozenClock
from bot.delivery.planning import CourseCache
from bot.i18n import Localizer, Translator
from bot.reports.charts import rendered
from bot.reports.end_of_course import report_providers
from bot.reports.service import ReportService
from bot.reports.stats import calls_text, summary_text
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository
from storage.db import Database
from storage.deliveries import DeliveryRepository
from storage.reports import ReportRepository
from tests.auxil.delivery_setup import SAMPLE, import_version, make_cohort
from tests.auxil.reports_data import simulate

NOW = datetime(2026, 4, 15, 5, 0, tzinfo=UTC)
START = date(2026, 4, 1)  # the whole course (days 1-10) is over by NOW


async def make(out: Path, languages: list[str], learners: int) -> list[Path]:
    written = []
    with tempfile.TemporaryDirectory(prefix="oqu-charts-") as folder:
        work = Path(folder)
        db = await Database.open(work / "bot.sqlite3")
        try:
            version = await import_version(db, SAMPLE, work / "files")
            cohort_id = await make_cohort(db, version, START, NOW, name="Ауыл кітапханалары, сәуір")
            await asyncio.to_thread(simulate, db.path, cohort_id, list(range(10_000, 10_000 + learners)), NOW)
            reports = ReportService(
                ReportRepository(db),
                DeliveryRepository(db),
                CourseCache(CourseRepository(db)),
                FrozenClock(NOW),
                db.path,
                report_providers(db),
            )
            cohort = await CohortRepository(db).get(cohort_id)
            assert cohort is not None
            translator = Translator(default_locale="kk", strict=True)
            for language in languages:
                l10n = Localizer(translator, language)
                stats = await reports.cohort_stats(cohort, language)
                text = summary_text(l10n, stats) + "\n\n" + calls_text(l10n, stats.calls, shown=5)
                (out / f"summary-{language}.txt").write_text(text + "\n", encoding="utf-8")
                for name, data in rendered(l10n, stats):
                    path = out / f"{Path(name).stem}-{language}.png"
                    path.write_bytes(data)
                    written.append(path)
        finally:
            await db.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "docs" / "charts")
    parser.add_argument("--languages", nargs="+", default=["kk", "ru", "en"])
    parser.add_argument("--learners", type=int, default=60)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in asyncio.run(make(args.out, args.languages, args.learners)):
        print(path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path)


if __name__ == "__main__":
    main()
