"""The organizer's delivery report (/delivery) as text and buttons: per cohort and lesson,
planned, sent, unreachable and failed; the learners to phone; pausing and resuming."""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.delivery.model import LearnerIssue
from bot.delivery.reasons import reason_message_id
from bot.delivery.report import CohortReport, ItemLine, Tally
from bot.i18n import Localizer
from bot.people.model import Cohort
from bot.telegram.callbacks import DeliveryReportCb
from bot.telegram.keyboards import page_of, pager_row

LESSONS_PER_PAGE = 20
PEOPLE_PER_PAGE = 25
MAX_FAILED_SHOWN = 20


def _button(text: str, **data: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=DeliveryReportCb(**data).pack())  # type: ignore[arg-type]


def _when(moment: datetime, cohort: Cohort) -> str:
    return f"{moment.astimezone(ZoneInfo(cohort.timezone)):%d.%m %H:%M}"


def _counts(tally: Tally) -> dict[str, int]:
    return {"planned": tally.planned, "sent": tally.sent, "unreachable": tally.unreachable, "failed": tally.failed}


def _person(l10n: Localizer, person: LearnerIssue) -> dict[str, str]:
    blank = l10n("delivery-report-blank")
    return {
        "name": escape(person.full_name or str(person.user_id)),
        "district": escape(person.district or blank),
        "library": escape(person.library or blank),
    }


def cohort_view(l10n: Localizer, report: CohortReport, page: int) -> tuple[str, InlineKeyboardMarkup]:
    cohort = report.cohort
    course_title = escape(report.course.text(report.course.title, l10n.locale))
    parts = [
        l10n(
            "delivery-report-header",
            cohort=escape(cohort.name),
            course=course_title,
            learners=cohort.active_learners,
            status=l10n(f"delivery-status-{cohort.status}"),
        ),
        l10n("delivery-report-legend"),
        "",
    ]
    shown, page, pages = page_of(report.lines, page, LESSONS_PER_PAGE)
    for line in shown:
        parts.append(_line(l10n, line, cohort))
    if pages > 1:
        parts.append(l10n("page-of", page=page + 1, pages=pages))
    if cohort.status == "paused":
        parts += ["", l10n("delivery-report-paused-hint")]
    rows: list[list[InlineKeyboardButton]] = []
    lesson_buttons = [
        _button(
            l10n("delivery-button-lesson", number=line.number),
            action="lesson",
            cohort_id=cohort.id,
            item=line.key,
            page=page,
        )
        for line in shown
        if line.number is not None
    ]
    rows += [lesson_buttons[i : i + 4] for i in range(0, len(lesson_buttons), 4)]
    if pages > 1:
        rows.append(
            pager_row(l10n, page, pages, lambda to: DeliveryReportCb(action="cohort", cohort_id=cohort.id, page=to))
        )
    rows.append(
        [
            _button(
                l10n("delivery-button-unreachable", count=len(report.unreachable)),
                action="unreachable",
                cohort_id=cohort.id,
            )
        ]
    )
    if cohort.status == "active":
        rows.append([_button(l10n("delivery-button-pause"), action="pause", cohort_id=cohort.id)])
    elif cohort.status == "paused":
        rows.append([_button(l10n("delivery-button-resume-shift"), action="shift", cohort_id=cohort.id)])
        rows.append([_button(l10n("delivery-button-resume-missed"), action="missed", cohort_id=cohort.id)])
    rows.append(
        [
            _button(l10n("delivery-button-refresh"), action="cohort", cohort_id=cohort.id, page=page),
            _button(l10n("delivery-button-back"), action="list"),
        ]
    )
    return "\n".join(parts), InlineKeyboardMarkup(inline_keyboard=rows)


def _line(l10n: Localizer, line: ItemLine, cohort: Cohort) -> str:
    when = _when(line.released, cohort)
    if line.number is None:
        return l10n("delivery-report-questionnaire", when=when, **_counts(line.tally))
    return l10n("delivery-report-lesson", number=line.number, when=when, **_counts(line.tally))


def lesson_view(
    l10n: Localizer,
    report: CohortReport,
    line: ItemLine,
    unreachable: list[LearnerIssue],
    failed: list[LearnerIssue],
    back_page: int,
) -> tuple[str, InlineKeyboardMarkup]:
    cohort = report.cohort
    parts = [
        l10n(
            "delivery-report-lesson-title",
            number=line.number,
            title=escape(line.title),
            when=_when(line.released, cohort),
        ),
        l10n("delivery-report-part-lesson", **_counts(line.tally)),
    ]
    if line.homework is not None:
        parts.append(l10n("delivery-report-part-homework", **_counts(line.homework)))
    if line.reminders is not None:
        parts.append(l10n("delivery-report-part-reminders", **_counts(line.reminders)))
    parts += ["", l10n("delivery-report-unreachable-title", count=len(unreachable))]
    parts += [l10n("delivery-report-learner", **_person(l10n, p)) for p in unreachable[:PEOPLE_PER_PAGE]]
    if len(unreachable) > PEOPLE_PER_PAGE:
        parts.append("…")
    if failed:
        parts += ["", l10n("delivery-report-failed-title", count=len(failed))]
        parts += [
            l10n(
                "delivery-report-failed-learner",
                name=_person(l10n, p)["name"],
                reason=l10n(reason_message_id(p.reason)),
            )
            for p in failed[:MAX_FAILED_SHOWN]
        ]
        if len(failed) > MAX_FAILED_SHOWN:
            parts.append("…")
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[_button(l10n("delivery-button-back"), action="cohort", cohort_id=cohort.id, page=back_page)]]
    )
    return "\n".join(parts), keyboard


def unreachable_view(l10n: Localizer, report: CohortReport, page: int) -> tuple[str, InlineKeyboardMarkup]:
    people = report.unreachable
    shown, page, pages = page_of(people, page, PEOPLE_PER_PAGE)
    parts = [l10n("delivery-report-unreachable-title", count=len(people))]
    parts += [l10n("delivery-report-learner", **_person(l10n, p)) for p in shown]
    if not people:
        parts.append(l10n("delivery-report-nobody"))
    rows: list[list[InlineKeyboardButton]] = []
    cohort_id = report.cohort.id
    if pages > 1:
        parts.append(l10n("page-of", page=page + 1, pages=pages))
        rows.append(
            pager_row(
                l10n, page, pages, lambda to: DeliveryReportCb(action="unreachable", cohort_id=cohort_id, page=to)
            )
        )
    rows.append([_button(l10n("delivery-button-back"), action="cohort", cohort_id=cohort_id)])
    return "\n".join(parts), InlineKeyboardMarkup(inline_keyboard=rows)


def cohorts_view(l10n: Localizer, cohorts: list[Cohort]) -> tuple[str, InlineKeyboardMarkup | None]:
    if not cohorts:
        return l10n("delivery-report-no-cohorts"), None
    rows = [[_button(f"{c.name} · {c.active_learners}", action="cohort", cohort_id=c.id)] for c in cohorts]
    return l10n("delivery-report-choose"), InlineKeyboardMarkup(inline_keyboard=rows)
