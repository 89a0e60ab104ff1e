"""A cohort's numbers for /stats, the course-wide sum of several, and the text summary."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, datetime
from html import escape
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

from bot.courses.model import Course, Lesson
from bot.courses.schedule import homework_deadline
from bot.i18n import Localizer
from bot.people import regions
from bot.reports.model import (
    BeforeAfterMean,
    CallEntry,
    CohortStats,
    FunnelStep,
    HardQuestion,
    HomeworkBar,
    PlaceCount,
    ScaleMean,
)
from bot.surveys.model import MIN_ANONYMOUS_RESULTS

HARDEST = 3  # questions shown as the hardest
CALLS_SHOWN = 20  # learners to phone listed in the chat; the count says how many more


def missed_pairs(course: Course, start: date, zone: ZoneInfo, now: datetime) -> list[tuple[str, str]]:
    """Consecutive homework tasks (in lesson order) whose deadlines have both passed."""
    past = [
        lesson.homework.key
        for lesson in course.lessons
        if lesson.homework is not None and homework_deadline(start, lesson, lesson.homework, zone) < now
    ]
    return list(itertools.pairwise(past))


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
            counts = (
                dict(bar.counts) if seen_bar is None else {c: seen_bar.counts[c] + bar.counts[c] for c in bar.counts}
            )
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
                else HardQuestion(
                    q.quiz_key, q.lesson, q.question, q.text, seen_q.answered + q.answered, seen_q.correct + q.correct
                )
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
                    m
                    if seen_m is None
                    else ScaleMean(m.item_id, m.text, seen_m.total + m.total, seen_m.answered + m.answered)
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
    return l10n(f"reports-settlement-{kind}") if kind in ("rural", "urban") else l10n("reports-not-given")


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
                l10n(
                    "reports-questionnaire-withheld",
                    responses=stats.questionnaire_responses,
                    minimum=MIN_ANONYMOUS_RESULTS,
                )
            )
        else:
            means = [m.mean for m in stats.questionnaire if m.mean is not None]
            overall = one_decimal(l10n.locale, sum(means) / len(means)) if means else "—"
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


def one_decimal(locale: str, value: float) -> str:
    """``4,2`` in Kazakh and Russian, ``4.2`` in English."""
    return format_decimal(value, format="0.0", locale=locale if locale in ("kk", "ru", "en") else "en")


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
