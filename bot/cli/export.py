"""``python -m bot export COHORT --out FILE.xlsx [--lang kk|ru|en] [--db PATH]``: a cohort's Excel
workbook from the command line, the same file /export sends. No token needed; the bot may run
(the export only reads, from its own connection).

Exit codes: 0 written; 1 no such cohort or no database; 2 wrong arguments or settings.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str]) -> int:
    """``argv`` starts after ``export``."""
    parser = argparse.ArgumentParser(prog="python -m bot export", description="Export a cohort to Excel.")
    parser.add_argument("cohort", type=int, metavar="COHORT", help="the cohort's id (as /cohorts shows it)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx", help="where to write the workbook")
    parser.add_argument("--lang", choices=("kk", "ru", "en"), default="kk", help="the workbook's language")
    parser.add_argument("--db", type=Path, help="SQLite file (default: DATABASE_PATH)")
    parser.add_argument("--background", action="store_true", help="run at a lower CPU priority (the bot uses it)")
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:  # argparse has printed the usage
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    if args.background:
        # A batch job beside a bot people are talking to: on a small server the bot's replies
        # come first, the workbook a little later.
        os.nice(10)
    database: Path | None = args.db
    if database is None:
        try:
            from bot.config import Settings

            database = Settings().database_path
        except Exception as exc:  # a broken .env: say so rather than guess a database
            print(f"error: cannot read the settings ({exc}). See .env.example.", file=sys.stderr)
            return EXIT_USAGE
    if not database.is_file():
        print(f"error: there is no database at {database} (DATABASE_PATH).", file=sys.stderr)
        return EXIT_FAILED
    return asyncio.run(_export(database, args.cohort, args.out, args.lang))


async def _export(database: Path, cohort_id: int, out: Path, language: str) -> int:
    from bot.clock import SystemClock
    from bot.delivery.planning import CourseCache
    from bot.i18n import Localizer, Translator
    from bot.reports.end_of_course import report_providers
    from bot.reports.service import ReportService
    from storage.cohorts import CohortRepository
    from storage.courses import CourseRepository
    from storage.db import Database
    from storage.deliveries import DeliveryRepository
    from storage.reports import ReportRepository

    db = await Database.open(database, apply_migrations=False)
    try:
        cohort = await CohortRepository(db).get(cohort_id) if 0 < cohort_id < 2**63 else None
        if cohort is None:
            print(f"error: there is no cohort {cohort_id}.", file=sys.stderr)
            return EXIT_FAILED
        reports = ReportService(
            ReportRepository(db),
            DeliveryRepository(db),
            CourseCache(CourseRepository(db)),
            SystemClock(),
            db.path,
            report_providers(db),
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        sheets = await reports.export(cohort, Localizer(Translator(default_locale=language), language), out)
    finally:
        await db.close()
    print(f"Written {out}: cohort «{cohort.name}», {cohort.active_learners} learners; sheets: {', '.join(sheets)}.")
    return EXIT_OK
