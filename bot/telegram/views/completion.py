"""Completion as people read it: what is still missing (the learner's /progress and course
card) and a cohort's results (the organizer's screen)."""

from __future__ import annotations

from html import escape

from bot.completion.model import CohortResults, Rule, Standing
from bot.courses.model import Course
from bot.i18n import Localizer
from bot.people.model import Cohort
from bot.surveys.model import MIN_ANONYMOUS_RESULTS
from bot.text.dates import decimal_label


def _numbers(lessons: tuple[int, ...]) -> str:
    return ", ".join(str(number) for number in lessons)


def missing_lines(l10n: Localizer, standing: Standing, *, finished: bool = False) -> list[str]:
    """/progress: completed, or each rule still missing with where she stands."""
    lines: list[str] = []
    if finished:
        lines.append(l10n("completion-ended"))
    if standing.completed:
        lines.append(l10n("completion-done"))
        return lines
    if not standing.rules:
        return lines
    lines.append(l10n("homework-progress-needed"))
    for rule in standing.missing:
        if rule is Rule.HOMEWORK:
            missing = standing.homework_missing
            lines.append(l10n("homework-needed-homework", lessons=_numbers(missing), count=len(missing)))
        elif rule is Rule.QUIZZES:
            assert standing.quiz.pass_mark is not None
            lines.append(l10n("completion-needed-quiz", mark=standing.quiz.pass_mark, percent=standing.quiz.percent))
        else:
            lines.append(l10n("homework-needed-questionnaire"))
    return lines


def card_line(l10n: Localizer, standing: Standing, *, finished: bool = False) -> str:
    """📚 My courses: one line, completed or what is still missing."""
    ended = l10n("completion-ended") + "\n" if finished else ""
    if standing.completed:
        return ended + l10n("completion-done")
    if not standing.rules:
        return ended.strip()
    parts = []
    for rule in standing.missing:
        if rule is Rule.HOMEWORK:
            parts.append(l10n("completion-part-homework", lessons=_numbers(standing.homework_missing)))
        elif rule is Rule.QUIZZES:
            parts.append(
                l10n("completion-part-quizzes", percent=standing.quiz.percent, mark=standing.quiz.pass_mark or 0)
            )
        else:
            parts.append(l10n("completion-part-questionnaire"))
    return ended + l10n("completion-card-missing", missing="; ".join(parts))


def results_lines(l10n: Localizer, cohort: Cohort, course: Course, results: CohortResults) -> list[str]:
    """The organizer's results screen, as lines (split into messages by the caller)."""
    locale = l10n.locale
    total = results.enrolled
    lines = [
        l10n("completion-results-title", name=escape(cohort.name), course=escape(course.text(course.title, locale))),
        l10n("completion-results-completed", count=results.completed, total=total),
    ]
    if cohort.status == "finished":
        lines.append(l10n("completion-results-finished"))
    lines.append("")
    if results.rules:
        lines.append(l10n("completion-results-rules"))
        for rule, count in results.rules:
            lines.append(
                l10n(
                    f"completion-results-rule-{rule.value}",
                    count=count,
                    total=total,
                    mark=course.completion.quiz_pass_mark or 0,
                )
            )
    else:
        lines.append(l10n("completion-results-no-rules"))
    if results.self_assessment:
        lines.append("")
        lines.append(l10n("completion-results-self"))

        def mean(value: float | None) -> str:
            return "—" if value is None else decimal_label(locale, value)

        for statement in results.self_assessment:
            lines.append(
                l10n(
                    "completion-results-self-line",
                    statement=escape(course.text(statement.statement, locale)),
                    before=mean(statement.before),
                    after=mean(statement.after),
                    rated_before=statement.rated_before,
                    rated_after=statement.rated_after,
                )
            )
    lines.append("")
    lines.extend(_questionnaire_lines(l10n, course, results))
    return lines


def _questionnaire_lines(l10n: Localizer, course: Course, results: CohortResults) -> list[str]:
    found = results.questionnaire
    questionnaire = course.questionnaire
    if found is None or questionnaire is None:
        return [l10n("completion-results-no-questionnaire")]
    lines = [l10n("completion-results-questionnaire", count=found.responses)]
    if found.withheld:
        lines.append(l10n("completion-results-withheld", count=found.responses, min=MIN_ANONYMOUS_RESULTS))
        return lines
    items = {item.id: item for item in questionnaire.items}
    for result in found.items:
        item = items.get(result.id)
        if item is None:
            continue
        question = escape(course.text(item.question, l10n.locale))
        if result.kind == "scale":
            mean = "—" if result.mean is None else decimal_label(l10n.locale, result.mean)
            lines.append(l10n("completion-results-scale", question=question, mean=mean, count=result.answered))
        elif result.kind in ("single", "multiple"):
            lines.append(l10n("completion-results-choice", question=question, count=result.answered))
            lines.extend(
                l10n(
                    "completion-results-option",
                    option=escape(course.text(option, l10n.locale)),
                    count=result.counts[index] if index < len(result.counts) else 0,
                )
                for index, option in enumerate(item.options)
            )
        else:
            lines.append(l10n("completion-results-texts", question=question, count=result.answered))
            lines.extend(l10n("completion-results-text", text=escape(text)) for text in result.texts)
    return lines
