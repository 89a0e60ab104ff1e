"""The /stats charts for the sample course with a simulated cohort of 60 learners, as PNG files
in docs/charts/ (``make charts``): what an organizer sees on the phone.

The sample course has no self-assessment, so a copy of it with four statements added is used;
everything else is the sample as it ships. The data come from tests/auxil/reports_data.py (seed
7): the whole course delivered, homework handed in, reviewed, some late and some missing, quiz
attempts, the anonymous questionnaire, a live quiz.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from bot import PROJECT_ROOT
from bot.clock import FrozenClock
from bot.delivery.planning import CourseCache
from bot.i18n import Localizer, Translator
from bot.reports.charts import rendered
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
STATEMENTS = """
self_assessment:
  statements:
    - kk: Кітапхананың жұмысын жоспарлай аламын
      ru: Я умею планировать работу библиотеки
      en: I can plan the work of my library
    - kk: Оқырмандарға цифрлық қызметтерді ұсына аламын
      ru: Я умею предлагать читателям цифровые сервисы
      en: I can offer readers digital services
    - kk: Балаларға арналған іс-шараны өткізе аламын
      ru: Я умею проводить мероприятия для детей
      en: I can run an event for children
    - kk: Жоба жазып, есеп бере аламын
      ru: Я умею писать проект и отчёт
      en: I can write a project and report on it
"""


def course_with_statements(folder: Path) -> Path:
    copy = folder / "sample"
    shutil.copytree(SAMPLE, copy)
    with (copy / "course.yaml").open("a", encoding="utf-8") as file:
        file.write(STATEMENTS)
    return copy


async def make(out: Path, languages: list[str], learners: int) -> list[Path]:
    written = []
    with tempfile.TemporaryDirectory(prefix="oqu-charts-") as folder:
        work = Path(folder)
        db = await Database.open(work / "bot.sqlite3")
        try:
            version = await import_version(db, course_with_statements(work), work / "files")
            cohort_id = await make_cohort(db, version, START, NOW, name="Ауыл кітапханалары, сәуір")
            await asyncio.to_thread(simulate, db.path, cohort_id, list(range(10_000, 10_000 + learners)), NOW)
            reports = ReportService(
                ReportRepository(db),
                DeliveryRepository(db),
                CourseCache(CourseRepository(db)),
                FrozenClock(NOW),
                db.path,
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
