"""A cohort's numbers for /stats, the course-wide sum of several, and the text summary."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from html import escape
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.courses.model import Course, Lesson
from bot.courses.schedule import homework_deadline, lesson_release
from bot.delivery.plan import calendar_start
from bot.delivery.planning import CourseCache
from bot.i18n import Localizer
from bot.people import regions
from bot.people.model import Cohort
from bot.reports.model import (
    HOMEWORK_CATEGORIES,
    BeforeAfterMean,
    CallEntry,
    CohortStats,
    FunnelStep,
    HardQuestion,
    HomeworkBar,
    PlaceCount,
    ScaleMean,
)
from bot.reports.providers import ReportProviders
from bot.surveys.model import MIN_ANONYMOUS_RESULTS, QUESTIONNAIRE_KEY
from storage.deliveries import DeliveryRepository
from storage.reports import ReportRepository

HARDEST = 3  # questions shown as the hardest
CALLS_SHOWN = 20  # learners to phone listed in the chat; the count says how many more


class ReportService:
    def __init__(
        self,
        repo: ReportRepository,
        deliveries: DeliveryRepository,
        courses: CourseCache,
        clock: Clock,
        providers: ReportProviders | None = None,
    ) -> None:
        self.repo = repo
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


def missed_pairs(course: Course, start: date, zone: ZoneInfo, now: datetime) -> list[tuple[str, str]]:
    """Consecutive homework tasks (in lesson order) whose deadlines have both passed."""
    past = [
        lesson.homework.key
        for lesson in course.lessons
        if lesson.homework is not None and homework_deadline(start, lesson, lesson.homework, zone) < now
    ]
    return list(zip(past, past[1:], strict=False))


def quiz_lessons(released: Sequence[Lesson]) -> list[str]:
    """Keys of the released lessons that carry a quiz."""
    return [lesson.key for lesson in released if lesson.quiz is not None]


def hardest(questions: Sequence[HardQuestion]) -> list[HardQuestion]:
    """The HARDEST questions with the lowest share of right answers (ties: more answers first)."""
    answered = [q for q in questions if q.answered]
    return sorted(answered, key=lambda q: (q.rate, -q.answered, q.quiz_key, q.question))[:HARDEST]


def merge(parts: Sequence[CohortStats]) -> CohortStats:
    """Several cohorts added up (the course-wide view): counts and sums add, the hardest
    questions are chosen again from the summed rates, anonymity is judged on the total."""
    total = CohortStats(names=[n for p in parts for n in p.names], learners=sum(p.learners for p in parts))
    funnel: dict[str, FunnelStep] = {}
    for part in parts:
        for step in part.funnel:
            seen = funnel.get(step.label)
            funnel[step.label] = step if seen is None else FunnelStep(step.label, seen.count + step.count, seen.args)
    total.funnel = list(funnel.values())
    bars: dict[str, HomeworkBar] = {}
    for part in parts:
        for bar in part.homework:
            seen_bar = bars.get(bar.item_key)
            counts = dict(bar.counts) if seen_bar is None else {c: seen_bar.counts[c] + bar.counts[c] for c in bar.counts}
            bars[bar.item_key] = HomeworkBar(bar.lesson, bar.item_key, counts)
    total.homework = sorted(bars.values(), key=lambda b: b.lesson)
    total.scores = [sum(column) for column in zip(*(p.scores for p in parts), strict=True)] if parts else total.scores
    rates: dict[tuple[str, int], HardQuestion] = {}
    for part in parts:
        for q in part.hardest:
            seen_q = rates.get((q.quiz_key, q.question))
            rates[(q.quiz_key, q.question)] = (
                q
                if seen_q is None
                else HardQuestion(q.quiz_key, q.lesson, q.question, q.text, seen_q.answered + q.answered,
                                  seen_q.correct + q.correct)
            )
    total.hardest = hardest(list(rates.values()))
    total.questionnaire_responses = sum(p.questionnaire_responses for p in parts)
    # A cohort whose anonymous answers were withheld gave no sums: the total is withheld too
    # unless every part could be shown (adding hidden answers to shown ones would reveal them).
    total.questionnaire_withheld = any(p.questionnaire_withheld for p in parts)
    if not total.questionnaire_withheld:
        items: dict[str, ScaleMean] = {}
        for part in parts:
            for m in part.questionnaire:
                seen_m = items.get(m.item_id)
                items[m.item_id] = (
                    m if seen_m is None else ScaleMean(m.item_id, m.text, seen_m.total + m.total, seen_m.answered + m.answered)
                )
        total.questionnaire = list(items.values())
    statements: dict[str, BeforeAfterMean] = {}
    for part in parts:
        for s in part.self_assessment:
            seen_s = statements.get(s.text)
            statements[s.text] = (
                s
                if seen_s is None
                else BeforeAfterMean(
                    s.text,
                    seen_s.before_total + s.before_total,
                    seen_s.rated_before + s.rated_before,
                    seen_s.after_total + s.after_total,
                    seen_s.rated_after + s.rated_after,
                )
            )
    total.self_assessment = list(statements.values())
    places: dict[tuple[str | None, str | None], PlaceCount] = {}
    for part in parts:
        for p in part.places:
            key = (p.region, p.settlement)
            seen_p = places.get(key)
            if seen_p is None:
                places[key] = p
            else:
                done = None if p.completed is None else (seen_p.completed or 0) + p.completed
                places[key] = PlaceCount(p.region, p.settlement, seen_p.learners + p.learners, done)
    total.places = list(places.values())
    total.calls = [c for p in parts for c in p.calls]
    return total


def region_label(l10n: Localizer, code: str | None) -> str:
    return l10n(regions.message_id(code)) if code in regions.ALL else l10n("reports-not-given")


def settlement_label(l10n: Localizer, kind: str | None) -> str:
    return l10n(f"settlement-{kind}") if kind in ("rural", "urban") else l10n("reports-not-given")


def summary_text(l10n: Localizer, stats: CohortStats) -> str:
    """The short text that comes before the charts (HTML)."""
    names = ", ".join(escape(n) for n in stats.names)
    if stats.empty:
        return l10n("reports-no-data", name=names)
    lines = [l10n("reports-title", name=names, learners=stats.learners)]
    for step in stats.funnel[1:]:
        lines.append(l10n("reports-line", label=l10n(step.label, **dict(step.args)), count=step.count))
    rural = sum(p.learners for p in stats.places if p.settlement == "rural")
    urban = sum(p.learners for p in stats.places if p.settlement == "urban")
    regions_count = len({p.region for p in stats.places if p.region})
    lines.append(l10n("reports-places", regions=regions_count, rural=rural, urban=urban))
    if stats.questionnaire_responses or stats.questionnaire_withheld:
        if stats.questionnaire_withheld:
            lines.append(
                l10n("reports-questionnaire-withheld", responses=stats.questionnaire_responses, minimum=MIN_ANONYMOUS_RESULTS)
            )
        else:
            means = [m.mean for m in stats.questionnaire if m.mean is not None]
            overall = f"{sum(means) / len(means):.1f}" if means else "—"
            lines.append(l10n("reports-questionnaire", responses=stats.questionnaire_responses, mean=overall))
    if stats.hardest:
        lines.append(l10n("reports-hardest"))
        for q in stats.hardest:
            lines.append(
                l10n(
                    "reports-hardest-line",
                    lesson=q.lesson,
                    question=q.question + 1,
                    text=escape(shorten(q.text, 80)),
                    percent=round(q.rate * 100),
                )
            )
    return "\n".join(lines)


def calls_text(l10n: Localizer, calls: Sequence[CallEntry], shown: int = CALLS_SHOWN) -> str:
    """Who needs a call: name (a link that opens the chat), library, district, why."""
    if not calls:
        return l10n("reports-calls-none")
    lines = [l10n("reports-calls", count=len(calls))]
    for entry in calls[:shown]:
        reasons = ", ".join(l10n(f"reports-call-{r}") for r in entry.reasons)
        lines.append(
            l10n(
                "reports-call-line",
                name=f'<a href="tg://user?id={entry.user_id}">{escape(entry.full_name or str(entry.user_id))}</a>',
                library=escape(entry.library or "—"),
                district=escape(entry.district or "—"),
                region=region_label(l10n, entry.region),
                reasons=reasons,
            )
        )
    if len(calls) > shown:
        lines.append(l10n("reports-calls-more", count=len(calls) - shown))
    return "\n".join(lines)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
