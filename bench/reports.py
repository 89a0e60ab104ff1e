"""Statistics and the Excel export of a cohort of 10,000 learners (``make bench-reports``).

    python -m bench.reports                 # 10,000 learners (about 5 minutes)
    python -m bench.reports --learners 2000

The database: the sample course (with its four self-assessment statements), one cohort that started
12 days ago, and ``--learners`` simulated learners with everything the reports read
(tests/auxil/reports_data.py): every lesson delivered (200,000 delivery rows for 10,000), homework
with versions and reviews, quiz attempts with every answer, the questionnaire, self-assessments,
a live quiz. Reported:

- /stats in this process: the SQL aggregates (``ReportService.cohort_stats``) and drawing the
  charts; then through the real bot (``python -m bot`` polling the emulator in this process): from
  the organizer's /stats to the last message (summary, album, who needs a call);
- the export from the command line (``python -m bot export``): time, file size, peak RSS of that
  process;
- the export through the bot: from /export to the document, the bot's RSS growth, and the reply
  latency (p50, p99) of other users sending /help at ``--rate`` a second while it runs, against
  the same load before it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.latency import TimedEmulator, percentile, proc, wait_for
from bot import PROJECT_ROOT
from bot.clock import SystemClock
from bot.delivery.planning import CourseCache
from bot.i18n import Localizer, Translator
from bot.reports.charts import rendered
from bot.reports.end_of_course import report_providers
from bot.reports.service import ReportService
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository
from storage.db import Database
from storage.deliveries import DeliveryRepository
from storage.reports import ReportRepository
from tests.auxil.delivery_setup import SAMPLE, import_version, make_cohort
from tests.auxil.reports_data import simulate

ORGANIZER = 900_001
FIRST_LEARNER = 3_000_000
FIRST_OTHER = 4_000_000  # the people sending /help meanwhile


async def prepare(folder: Path, learners: int) -> tuple[Path, int, dict[str, float]]:
    figures: dict[str, float] = {}
    database = folder / "bot.sqlite3"
    db = await Database.open(database)
    try:
        now = datetime.now(UTC)
        version = await import_version(db, SAMPLE, folder / "files")
        start = now.astimezone(ZoneInfo("Asia/Almaty")).date() - timedelta(days=12)
        cohort = await make_cohort(db, version, start, now, name="Бенчмарк 10 000")
        began = time.perf_counter()
        await asyncio.to_thread(simulate, database, cohort, list(range(FIRST_LEARNER, FIRST_LEARNER + learners)), now)
        figures["simulate_s"] = round(time.perf_counter() - began, 1)
        rows = {}
        for table in ("deliveries", "submissions", "quiz_attempts", "quiz_answers", "survey_responses", "live_answers"):
            rows[table] = await db.fetchval(f"SELECT COUNT(*) FROM {table}")
        print(f"rows: {json.dumps(rows)}", file=sys.stderr)
        await db.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        figures["database_mb"] = round(database.stat().st_size / 1e6, 1)
    finally:
        await db.close()
    return database, cohort, figures


async def stats_in_process(database: Path, cohort_id: int) -> dict[str, float]:
    db = await Database.open(database)
    try:
        reports = ReportService(
            ReportRepository(db),
            DeliveryRepository(db),
            CourseCache(CourseRepository(db)),
            SystemClock(),
            database,
            report_providers(db),
        )
        cohort = await CohortRepository(db).get(cohort_id)
        assert cohort is not None
        l10n = Localizer(Translator(default_locale="kk"), "kk")
        await reports.cohort_stats(cohort, "kk")  # warm: the course parsed, pages cached
        sql = []
        for _ in range(3):
            began = time.perf_counter()
            stats = await reports.cohort_stats(cohort, "kk")
            sql.append(time.perf_counter() - began)
        began = time.perf_counter()
        pictures = rendered(l10n, stats)
        drawn = time.perf_counter() - began
        return {
            "stats_sql_s": round(statistics.median(sql), 3),
            "charts_s": round(drawn, 2),
            "charts": len(pictures),
            "charts_kb": round(sum(len(data) for _, data in pictures) / 1e3),
        }
    finally:
        await db.close()


def export_cli(database: Path, cohort_id: int, out: Path) -> dict[str, float]:
    """The command-line export in a process of its own: its wall time and peak RSS."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "export", str(cohort_id), "--out", str(out), "--db", str(database)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - began
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the only child waited for so far
    return {
        "export_cli_s": round(wall, 1),
        "export_mb": round(out.stat().st_size / 1e6, 1),
        "export_cli_peak_rss_mb": round(peak_kb / 1024),
    }


async def help_load(emu: TimedEmulator, users: int, rate: int, until: asyncio.Event | float) -> list[float]:
    """/help at ``rate`` a second from ``users`` people, for ``until`` seconds or until the
    event is set; the latencies of all the replies, in ms."""
    emu.reset()
    sent = 0
    began = time.monotonic()
    while True:
        if isinstance(until, float) and time.monotonic() - began >= until:
            break
        if isinstance(until, asyncio.Event) and until.is_set():
            break
        delay = began + sent / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        await emu.say(FIRST_OTHER + sent % users, "/help")
        sent += 1
    await wait_for(lambda: emu.answered >= sent, 120, f"{sent} replies to /help")
    return [value * 1000 for value in emu.latencies]


def summary(ms: list[float]) -> dict[str, float]:
    return {
        "replies": len(ms),
        "p50_ms": round(percentile(ms, 0.50), 1),
        "p99_ms": round(percentile(ms, 0.99), 1),
        "max_ms": round(max(ms), 1),
    }


async def through_the_bot(folder: Path, database: Path, args: argparse.Namespace) -> dict[str, object]:
    figures: dict[str, object] = {}
    async with TimedEmulator() as emu:
        for n in range(args.users):
            emu.user(FIRST_OTHER + n, language_code="kk")
        organizer = emu.user(ORGANIZER, first_name="Dana", language_code="kk")
        env = {
            **{k: v for k, v in os.environ.items() if k not in {"ADMIN_IDS", "BOT_TOKEN"}},
            "PYTHONPATH": str(PROJECT_ROOT),
            "BOT_TOKEN": emu.token,
            "TELEGRAM_API_URL": emu.base_url,
            "DATABASE_PATH": str(database),
            "ADMIN_IDS": str(ORGANIZER),
            "QUIET_HOURS": "off",
            "LOG_LEVEL": "WARNING",
            "POLLING_TIMEOUT": "10",
            "BACKUP_AT": "off",
            "THROTTLE_RATE": "0",
        }
        log = (folder / "bot.log").open("w")
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", env=env, cwd=folder, stdout=log, stderr=log
        )
        try:
            await wait_for(lambda: emu.call_count("getUpdates") > 0, 60, "the bot to start polling")
            await asyncio.sleep(3)
            await help_load(emu, args.users, args.rate, 2.0)  # warm-up
            figures["idle_rss_mb"] = round(proc(process.pid, "VmRSS"), 1)
            figures["help_before"] = summary(await help_load(emu, args.users, args.rate, args.seconds))

            began = time.monotonic()
            await organizer.send_text("/stats")
            while True:
                message = await organizer.next_message(timeout=120)
                if "📞" in message.text:
                    break
            figures["stats_through_bot_s"] = round(time.monotonic() - began, 2)

            done = asyncio.Event()

            async def export() -> float:
                began = time.monotonic()
                await organizer.send_text("/export")
                while True:
                    message = await organizer.next_message(timeout=900)
                    if message.kind == "document":
                        done.set()
                        assert message.file is not None and message.file.content is not None
                        figures["export_through_bot_mb"] = round(len(message.file.content) / 1e6, 1)
                        return time.monotonic() - began

            task = asyncio.create_task(export())
            during = await help_load(emu, args.users, args.rate, done)
            figures["export_through_bot_s"] = round(await task, 1)
            figures["help_during_export"] = summary(during)
            figures["bot_peak_rss_mb"] = round(proc(process.pid, "VmHWM"), 1)
            process.terminate()
            await asyncio.wait_for(process.wait(), 30)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
            log.close()
    return figures


async def main_async(args: argparse.Namespace) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="oqu-reports-"))
    try:
        database, cohort, figures = await prepare(folder, args.learners)
        results: dict[str, object] = {"learners": args.learners, **figures}
        results.update(await stats_in_process(database, cohort))
        print(json.dumps(results), file=sys.stderr)
        results.update(await asyncio.to_thread(export_cli, database, cohort, folder / "export.xlsx"))
        print(json.dumps(results), file=sys.stderr)
        results.update(await through_the_bot(folder, database, args))
    except BaseException:
        print(f"files kept in {folder}", file=sys.stderr)
        raise
    shutil.rmtree(folder)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--rate", type=int, default=20, help="/help a second from other people meanwhile")
    parser.add_argument("--seconds", type=float, default=10.0, help="the load before the export, for comparison")
    parser.add_argument("--users", type=int, default=200, help="people taking turns with /help")
    args = parser.parse_args()
    results = asyncio.run(main_async(args))
    results["machine"] = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
