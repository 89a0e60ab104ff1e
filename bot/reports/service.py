"""The reports' service: a cohort's numbers (and a course's, added up) for /stats, and the
Excel export run in a worker thread, one at a time."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.courses.model import Course
from bot.courses.schedule import lesson_release
from bot.delivery.plan import calendar_start
from bot.delivery.planning import CourseCache
from bot.i18n import Localizer
from bot.people.model import Cohort
from bot.reports.model import (
    HOMEWORK_CATEGORIES,
    BeforeAfterMean,
    CohortStats,
    FunnelStep,
    HardQuestion,
    HomeworkBar,
    PlaceCount,
    ScaleMean,
)
from bot.reports.providers import ReportProviders
from bot.reports.stats import hardest, merge, missed_pairs, quiz_lessons
from bot.surveys.model import MIN_ANONYMOUS_RESULTS, QUESTIONNAIRE_KEY
from storage.deliveries import DeliveryRepository
from storage.reports import ReportRepository


class ReportService:
    def __init__(
        self,
        repo: ReportRepository,
        deliveries: DeliveryRepository,
        courses: CourseCache,
        clock: Clock,
        database: Path,
        providers: ReportProviders | None = None,
        *,
        separate_process: bool = False,
    ) -> None:
        self.repo = repo
        self.database = database
        # The bot exports in a process of its own (``python -m bot export``): in a thread the
        # export shares the interpreter's lock with the event loop, and other people's replies
        # slowed from 27 to 199 ms (p99) for the minute a 10,000-learner workbook takes
        # (docs/benchmarks.md). Tests and the command line itself write in a thread.
        self.separate_process = separate_process
        # One export at a time: a 10,000-learner workbook takes a core and some 100 MB for
        # tens of seconds; a second organizer waits for the first rather than doubling that.
        self.export_lock = asyncio.Lock()
        self.deliveries = deliveries
        self.courses = courses
        self.clock = clock
        self.providers = providers or ReportProviders()

    async def course_of(self, cohort: Cohort) -> Course:
        course, _ = await self.courses.get(cohort.version_id)
        return course

    async def cohort_stats(self, cohort: Cohort, language: str) -> CohortStats:
        """Everything /stats shows of ``cohort``; texts from the course in ``language``."""
        stats = CohortStats(names=[cohort.name], learners=await self.repo.learners(cohort.id))
        if stats.empty:
            return stats
        course = await self.course_of(cohort)
        now = self.clock.now()
        zone = ZoneInfo(cohort.timezone)
        start = calendar_start(cohort.start_date, await self.deliveries.shift_days(cohort.id))
        released = [lesson for lesson in course.lessons if lesson_release(start, lesson, zone) <= now]
        homework_keys = [lesson.homework.key for lesson in course.lessons if lesson.homework]
        quizzes = [lesson.quiz for lesson in course.lessons if lesson.quiz]
        repo, cid = self.repo, cohort.id

        funnel = [FunnelStep("reports-funnel-enrolled", stats.learners)]
        if released:
            keys = [lesson.key for lesson in released]
            funnel.append(
                FunnelStep("reports-funnel-received", await repo.received_all(cid, keys), (("lessons", len(keys)),))
            )
        if homework_keys:
            required = course.completion.required_homework(course.lessons) or tuple(homework_keys)
            funnel.append(FunnelStep("reports-funnel-handed-in", await repo.handed_in_any(cid)))
            funnel.append(FunnelStep("reports-funnel-accepted", await repo.accepted_all(cid, required)))
        if quizzes:
            marks = [(quiz.key, quiz.pass_mark) for quiz in quizzes]
            funnel.append(FunnelStep("reports-funnel-quiz", await repo.passed_all(cid, marks)))
        if course.questionnaire:
            answered = await repo.questionnaire_answered(cid, QUESTIONNAIRE_KEY)
            funnel.append(FunnelStep("reports-funnel-questionnaire", answered))
        for provider in self.providers.funnel:
            funnel.append(FunnelStep(provider.label, await provider.count(cid)))
        stats.funnel = funnel

        categories = await repo.homework_categories(cid)
        for lesson in course.lessons:
            if lesson.homework is None:
                continue
            counts = {c: categories.get(lesson.homework.key, {}).get(c, 0) for c in HOMEWORK_CATEGORIES}
            counts["missing"] = max(stats.learners - sum(counts.values()), 0)
            stats.homework.append(HomeworkBar(lesson.number, lesson.homework.key, counts))

        stats.scores = await repo.score_bands(cid)
        texts = {
            (quiz.key, i): course.text(question.question, language)
            for quiz in quizzes
            for i, question in enumerate(quiz.questions)
        }
        lesson_of = {lesson.quiz.key: lesson.number for lesson in course.lessons if lesson.quiz}
        stats.hardest = [
            HardQuestion(key, lesson_of.get(key, 0), q, texts.get((key, q), ""), answered, correct)
            for key, q, answered, correct in await repo.question_rates(cid)
            if (key, q) in texts
        ]
        stats.hardest = hardest(stats.hardest)

        if course.questionnaire:
            questionnaire = course.questionnaire
            stats.questionnaire_responses = await repo.questionnaire_responses(cid, QUESTIONNAIRE_KEY)
            stats.questionnaire_withheld = (
                questionnaire.anonymous and stats.questionnaire_responses < MIN_ANONYMOUS_RESULTS
            )
            scale = [item for item in questionnaire.items if item.kind == "scale"]
            if not stats.questionnaire_withheld and scale:
                sums = await repo.scale_sums(cid, QUESTIONNAIRE_KEY, [item.id for item in scale])
                stats.questionnaire = [
                    ScaleMean(item.id, course.text(item.question, language), *sums[item.id]) for item in scale
                ]
        if course.self_assessment:
            ids = [f"s{i + 1}" for i in range(len(course.self_assessment.statements))]
            before = await repo.rating_sums(cid, "before", ids)
            after = await repo.rating_sums(cid, "after", ids)
            stats.self_assessment = [
                BeforeAfterMean(course.text(text, language), *before[sid], *after[sid])
                for sid, text in zip(ids, course.self_assessment.statements, strict=True)
            ]

        places = await repo.places(cid)
        if self.providers.completion is not None:
            done = await self.providers.completion.completed_by_place(cid)
            places = [
                PlaceCount(p.region, p.settlement, p.learners, done.get((p.region, p.settlement), 0)) for p in places
            ]
        stats.places = places

        stats.calls = await repo.calls(cid, missed_pairs(course, start, zone, now), quiz_lessons(released))
        return stats

    async def course_stats(self, cohorts: list[Cohort], language: str) -> CohortStats:
        """Several cohorts of one course added up."""
        return merge([await self.cohort_stats(cohort, language) for cohort in cohorts])

    async def export(self, cohort: Cohort, l10n: Localizer, out: Path | IO[bytes]) -> list[str]:
        """Write the cohort's workbook in a worker thread; returns the sheet names."""
        from bot.reports.workbook import write_workbook  # openpyxl loads on the first export

        course = await self.course_of(cohort)
        completed = None
        if self.providers.completion is not None:
            completed = await self.providers.completion.completed_by_place(cohort.id)
        async with self.export_lock:
            if self.separate_process and isinstance(out, Path):
                return await self._export_in_a_process(cohort, l10n.locale, out)
            return await asyncio.to_thread(
                write_workbook,
                self.database,
                cohort,
                course,
                l10n,
                out,
                sheets=self.providers.sheets,
                completed=completed,
            )

    async def _export_in_a_process(self, cohort: Cohort, language: str, out: Path) -> list[str]:
        command = [sys.executable, "-m", "bot", "export", str(cohort.id), "--out", str(out), "--lang", language]
        command.append("--background")  # at a lower CPU priority than the bot
        process = await asyncio.create_subprocess_exec(
            *command, "--db", str(self.database), stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
        )
        try:
            _, errors = await process.communicate()
        except BaseException:  # cancelled (the bot stops): the export goes with it
            if process.returncode is None:
                process.kill()
                await process.wait()
            raise
        if process.returncode != 0:
            raise RuntimeError(f"the export exited with {process.returncode}: {errors.decode(errors='replace')[-500:]}")
        return await asyncio.to_thread(sheet_names, out)


def sheet_names(path: Path) -> list[str]:
    """The sheets of a written workbook (read-only mode reads only the book's index)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return list(book.sheetnames)
    finally:
        book.close()
