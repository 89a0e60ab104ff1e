"""Certificate benchmark: a cohort of 1,000 completes; each learner's certificate is issued, queued
and sent as a PDF.

    python -m bench.certificates                # 1,000 learners, Telegram's limit of 30 messages/s
    python -m bench.certificates --learners 200 --rate 300

Everything runs in this process: the database (the sample course with a ``certificate:`` block,
logo and signature pictures included), the certificate service, the delivery service with the
real sender on the real scheduler, and the Bot API emulator enforcing the overall limit and one
message per second per chat. Reported:

1. issuing: ``on_completed`` for every learner (one transaction each: the certificate and its
   delivery row), per certificate and in total;
2. rendering alone: every certificate's PDF built from its stored row, one after another (time
   per PDF: median, 95th percentile, max; PDF size);
3. the fan-out: from the first wake-up until all 1,000 documents are recorded as sent (each PDF
   rendered at send time by the delivery's detail loader), messages per second, 429s, lost and
   duplicated documents;
4. peak RSS of the process.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode

from bot.certificates.pdf import render_pdf
from bot.certificates.service import CertificateService
from bot.certificates.standing import CompletionRules
from bot.clock import SystemClock
from bot.completion.service import CompletionService
from bot.config import Settings
from bot.delivery.model import CERTIFICATE
from bot.delivery.sender import sender_factory
from bot.delivery.service import DeliveryService
from bot.homework.service import HomeworkService
from bot.i18n import Translator
from bot.quizzes.service import QuizService
from bot.scheduling.aps import ApsScheduler
from bot.surveys.service import SurveyService
from storage.cohorts import CohortRepository
from storage.completions import CompletionRepository
from storage.db import Database
from storage.surveys import SurveyRepository
from tests.auxil.certificates import certificate_course
from tests.auxil.delivery_setup import add_learners, import_version, make_cohort


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def run(learners: int, rate: int, folder: Path) -> None:
    settings = Settings(
        _env_file=None,
        bot_token="123456:BENCH-token-abcdefghijklmnopqrstuvwxyz",
        database_path=folder / "bot.sqlite3",
        quiet_hours="off",
        send_rate=rate,
    )
    clock = SystemClock()
    db = await Database.open(settings.database_path)
    translator = Translator(default_locale="kk")
    now = clock.now()
    version = await import_version(db, certificate_course(folder), folder / "files")
    cohort = await make_cohort(db, version, date(2026, 3, 2), now)
    people = list(range(2_000_000, 2_000_000 + learners))
    await add_learners(db, cohort, people, now)  # kk, ru and en in turn
    delivery = DeliveryService(db, settings, translator, clock)
    homework = HomeworkService(db, clock, delivery.courses)
    quizzes = QuizService(db, settings, translator, clock, delivery.courses, lambda: delivery.sender)
    surveys = SurveyService(SurveyRepository(db), CohortRepository(db), delivery.courses, clock)
    completion = CompletionService(
        CompletionRepository(db),
        cohorts=CohortRepository(db),
        deliveries=delivery.repo,
        courses=delivery.courses,
        homework=homework,
        quizzes=quizzes,
        surveys=surveys,
        clock=clock,
        finish_after=timedelta(days=settings.cohort_finish_after_days),
        questionnaire_reminders=settings.questionnaire_reminders,
        wake=delivery.wake,
    )
    certificates = CertificateService(
        db, clock, translator, delivery.courses, delivery, delivery.repo, CompletionRules(completion)
    )
    delivery.details[CERTIFICATE] = certificates.certificate_file
    peaks = {"set up": peak_mb()}

    # 1. Issuing and queueing (the sender is not started yet: nothing goes out meanwhile).
    issue_times = []
    started = time.perf_counter()
    for uid in people:
        t = time.perf_counter()
        await certificates.on_completed(cohort, uid)
        issue_times.append(time.perf_counter() - t)
    issued_total = time.perf_counter() - started
    peaks["issued"] = peak_mb()
    queued = await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE kind = ? AND state = 'planned'", (CERTIFICATE,))

    # 2. Rendering alone: the page from the stored row, then the PDF.
    numbers = [row[0] for row in await db.fetchall("SELECT number FROM certificates ORDER BY id")]
    render_times, sizes = [], []
    started = time.perf_counter()
    for number in numbers:
        made = await certificates.repo.get(number)
        assert made is not None
        page = await certificates.page(made)
        t = time.perf_counter()
        sizes.append(len(render_pdf(page)))
        render_times.append(time.perf_counter() - t)
    render_total = time.perf_counter() - started
    peaks["rendered"] = peak_mb()

    # 3. The fan-out through the delivery table and the sender, rendering at send time.
    from tests.auxil.emulator import BotAPIEmulator

    async with BotAPIEmulator() as emu:
        for uid in people:
            emu.user(uid)
        emu.enforce_limits(per_second_overall=rate, per_chat_interval=1.0)
        bot = emu.create_bot(default=DefaultBotProperties(parse_mode=ParseMode.HTML))
        scheduler = ApsScheduler()
        scheduler.start()
        t0 = time.monotonic()
        await delivery.start(sender_factory(bot, settings), scheduler=scheduler)
        delivery.wake()
        while True:
            sent = await db.fetchval(
                "SELECT COUNT(*) FROM deliveries WHERE kind = ? AND state = 'sent'", (CERTIFICATE,)
            )
            failed = await db.fetchval(
                "SELECT COUNT(*) FROM deliveries WHERE kind = ? AND state IN ('failed', 'unreachable')", (CERTIFICATE,)
            )
            if sent + failed >= learners or time.monotonic() - t0 > 3600:
                break
            await asyncio.sleep(0.2)
        elapsed = time.monotonic() - t0
        await delivery.stop()
        scheduler.shutdown()
        await bot.session.close()
        got = Counter(sum(1 for m in emu.user(uid).messages if m.kind == "document") for uid in people)
        limited = emu.stats["rate_limited"]
    await db.close()
    peaks["sent"] = peak_mb()

    print(f"learners {learners:,}; limit {rate}/s")
    print(
        f"issue and queue: {issued_total:.2f} s in all, median {statistics.median(issue_times) * 1000:.1f} ms"
        f" per certificate ({queued:,} delivery rows planned)"
    )
    print(
        f"render only: {render_total:.1f} s for {len(numbers):,} PDFs; per PDF median "
        f"{statistics.median(render_times) * 1000:.0f} ms, p95 {percentile(render_times, 0.95) * 1000:.0f} ms, "
        f"max {max(render_times) * 1000:.0f} ms"
    )
    print(
        f"PDF size: median {statistics.median(sizes) / 1024:.1f} KB, max {max(sizes) / 1024:.1f} KB, "
        f"all {sum(sizes) / 1024 / 1024:.1f} MB"
    )
    print(
        f"rendered and sent: {sent:,} in {elapsed:.1f} s ({sent / elapsed:.1f} documents/s); failed {failed}; "
        f"429s {limited}; learners with 1 document {got[1]:,}, 0: {got[0]:,}, 2+: "
        f"{sum(n for k, n in got.items() if k >= 2)}"
    )
    print("peak RSS after each step: " + ", ".join(f"{step} {mb:.0f} MB" for step, mb in peaks.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=1_000)
    parser.add_argument("--rate", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(run(args.learners, args.rate, Path(folder)))


if __name__ == "__main__":
    main()
