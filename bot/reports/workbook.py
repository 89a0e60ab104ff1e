"""One cohort as an Excel workbook, in the organizer's language.

Sheets: Summary (by region and rural / urban, ready for the report to the department), Learners,
Progress (per lesson), Homework, Quizzes (per question and attempt), Live quizzes, Questionnaire,
Self-assessment, the sheets of plugged-in features (``SheetProvider``: Certificates), Deliveries.

openpyxl's write-only mode keeps one row in memory at a time, so a cohort of 10,000 learners
costs the rows SQLite is reading, not a workbook's worth of cell objects. Every sheet has its
header row frozen, filters on, set widths, and real Excel dates: UTC moments from the database
converted to the cohort's time zone and written naive (Excel has no time zones).

An anonymous questionnaire's sheet has no identity columns, no dates, and its rows shuffled.

``write_workbook`` is blocking: call it from a worker thread (``asyncio.to_thread``).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from bot.courses.model import Course
from bot.i18n import Localizer
from bot.people.model import Cohort
from bot.reports.providers import SheetProvider
from bot.reports.stats import region_label, settlement_label
from bot.surveys.model import QUESTIONNAIRE_KEY
from storage.reports import ExportReader

DATE_FORMAT = "yyyy-mm-dd hh:mm"
DAY_FORMAT = "yyyy-mm-dd"
HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
SHEET_NAME_LIMIT = 31  # Excel's
_BAD_IN_NAMES = str.maketrans({c: " " for c in "[]:*?/\\"})


def local(value: str | None, zone: ZoneInfo) -> datetime | None:
    """A database moment (UTC, ISO 8601) as a naive datetime of ``zone``, for an Excel cell."""
    if not value:
        return None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone).replace(tzinfo=None, microsecond=0)


def day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Column:
    header: str
    width: float


class SheetWriter:
    """One write-only sheet: the header row (bold, frozen, filtered), widths, date formats."""

    def __init__(self, book: Workbook, title: str, columns: Sequence[Column]) -> None:
        name = title.translate(_BAD_IN_NAMES)[:SHEET_NAME_LIMIT]
        self.sheet: WriteOnlyWorksheet = book.create_sheet(name)
        self.columns = columns
        self.rows = 0
        self.sheet.freeze_panes = "A2"
        for i, column in enumerate(columns, start=1):
            self.sheet.column_dimensions[get_column_letter(i)].width = column.width
        header = []
        for column in columns:
            cell = WriteOnlyCell(self.sheet, value=column.header)
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            header.append(cell)
        self.sheet.append(header)

    def add(self, values: Sequence[object]) -> None:
        row: list[Any] = []
        for value in values:
            if isinstance(value, datetime):
                cell = WriteOnlyCell(self.sheet, value=value)
                cell.number_format = DATE_FORMAT
                row.append(cell)
            elif isinstance(value, date):  # a day: midnight, shown without the time
                cell = WriteOnlyCell(self.sheet, value=datetime(value.year, value.month, value.day))
                cell.number_format = DAY_FORMAT
                row.append(cell)
            else:
                row.append(value)
        self.sheet.append(row)
        self.rows += 1

    def close(self) -> None:
        last = get_column_letter(max(len(self.columns), 1))
        # Write-only sheets have the filter too (set up by Worksheet._setup, written with the
        # sheet's tail when the book is saved), so its range can wait for the last row.
        self.sheet.auto_filter.ref = f"A1:{last}{self.rows + 1}"  # type: ignore[attr-defined]


class _Words:
    """Localized values of the sheets (states, kinds, yes / no), looked up once each."""

    def __init__(self, l10n: Localizer) -> None:
        self.l10n = l10n
        self._cache: dict[tuple[str, str | None], str] = {}

    def __call__(self, prefix: str, value: str | None) -> str:
        key = (prefix, value)
        found = self._cache.get(key)
        if found is None:
            if value is None:
                found = ""
            else:
                message = f"{prefix}-{value}"
                found = self.l10n(message) if self.l10n.translator.has(message, self.l10n.locale) else value
            self._cache[key] = found
        return found

    def yes(self, value: object) -> str:
        return "" if value is None else self.l10n("reports-true" if value else "reports-false")


def write_workbook(
    database: Path,
    cohort: Cohort,
    course: Course,
    l10n: Localizer,
    out: Path | IO[bytes],
    *,
    sheets: Sequence[SheetProvider] = (),
    completed: dict[tuple[str | None, str | None], int] | None = None,
    shuffle: Callable[[list[Any]], None] | None = None,
) -> list[str]:
    """Write the cohort's workbook to ``out``; returns the sheet names in order.

    ``completed``: learners who completed per (region, settlement), from a completion provider
    (a Summary column when given). ``shuffle`` orders an anonymous questionnaire's rows
    (default: a system random shuffle).
    """
    zone = ZoneInfo(cohort.timezone)
    words = _Words(l10n)
    lang = l10n.locale
    book = Workbook(write_only=True)
    with ExportReader(database) as reader:
        _summary(book, reader, cohort.id, l10n, completed)
        _learners(book, reader, cohort.id, l10n, words, zone)
        _progress(book, reader, cohort.id, course, l10n, words, zone)
        _homework(book, reader, cohort.id, l10n, words, zone)
        _quizzes(book, reader, cohort.id, course, lang, l10n, words, zone)
        _live(book, reader, cohort.id, course, l10n, words, zone)
        _questionnaire(book, reader, cohort.id, course, lang, l10n, shuffle or random.SystemRandom().shuffle)
        _self_assessment(book, reader, cohort.id, course, lang, l10n, words, zone)
        for provider in sheets:
            headers = provider.headers(l10n)
            writer = SheetWriter(book, l10n(provider.title), [Column(h, 18) for h in headers])
            for row in provider.rows(database, cohort.id, zone, l10n):
                writer.add(row)
            writer.close()
        _deliveries(book, reader, cohort.id, l10n, words, zone)
    names = [sheet.title for sheet in book.worksheets]
    book.save(out)
    return names


def _columns(l10n: Localizer, spec: Iterable[tuple[str, float]]) -> list[Column]:
    return [Column(l10n(key), width) for key, width in spec]


def _summary(
    book: Workbook,
    reader: ExportReader,
    cohort_id: int,
    l10n: Localizer,
    completed: dict[tuple[str | None, str | None], int] | None,
) -> None:
    spec = [
        ("reports-col-region", 24),
        ("reports-col-settlement", 14),
        ("reports-col-learners", 12),
        ("reports-col-unreachable", 14),
        ("reports-col-handed-in", 16),
        ("reports-col-quiz", 14),
        ("reports-col-questionnaire", 16),
    ]
    if completed is not None:
        spec.append(("reports-completed", 14))
    writer = SheetWriter(book, l10n("reports-sheet-summary"), _columns(l10n, spec))
    totals = [0] * (len(spec) - 2)
    for r in reader.summary(cohort_id):
        values = [r["learners"], r["unreachable"], r["handed_in"], r["quiz"], r["questionnaire"]]
        if completed is not None:
            values.append(completed.get((r["region"], r["settlement"]), 0))
        totals = [t + v for t, v in zip(totals, values, strict=True)]
        writer.add([region_label(l10n, r["region"]), settlement_label(l10n, r["settlement"]), *values])
    writer.add([l10n("reports-total"), "", *totals])
    writer.close()


def _learners(
    book: Workbook, reader: ExportReader, cohort_id: int, l10n: Localizer, words: _Words, zone: ZoneInfo
) -> None:
    spec = [
        ("reports-col-id", 14),
        ("reports-col-name", 28),
        ("reports-col-region", 22),
        ("reports-col-district", 20),
        ("reports-col-library", 30),
        ("reports-col-position", 20),
        ("reports-col-settlement", 12),
        ("reports-col-language", 10),
        ("reports-col-status", 12),
        ("reports-col-enrolled", 18),
        ("reports-col-ended", 18),
        ("reports-col-unreachable", 18),
    ]
    writer = SheetWriter(book, l10n("reports-sheet-learners"), _columns(l10n, spec))
    for r in reader.learners(cohort_id):
        writer.add(
            [
                r["user_id"],
                r["full_name"],
                region_label(l10n, r["region"]) if r["region"] else "",
                r["district"],
                r["library"],
                r["position"],
                settlement_label(l10n, r["settlement"]) if r["settlement"] else "",
                r["language"],
                words("reports-enrolment", r["status"]),
                local(r["enrolled_at"], zone),
                local(r["ended_at"], zone),
                local(r["blocked_at"], zone),
            ]
        )
    writer.close()


def _progress(
    book: Workbook,
    reader: ExportReader,
    cohort_id: int,
    course: Course,
    l10n: Localizer,
    words: _Words,
    zone: ZoneInfo,
) -> None:
    spec = [
        ("reports-col-id", 14),
        ("reports-col-name", 28),
        ("reports-col-lesson", 9),
        ("reports-col-received", 18),
        ("reports-col-homework", 16),
        ("reports-col-late", 10),
        ("reports-col-score", 10),
        ("reports-col-submitted", 18),
        ("reports-col-quiz-best", 14),
    ]
    writer = SheetWriter(book, l10n("reports-sheet-progress"), _columns(l10n, spec))
    has_homework = {lesson.number for lesson in course.lessons if lesson.homework}
    lessons = [(lesson.key, lesson.number) for lesson in course.lessons]
    for r in reader.progress(cohort_id, lessons):
        state = r["homework_state"]
        if state is None and r["number"] in has_homework:
            state = "missing"
        writer.add(
            [
                r["user_id"],
                r["full_name"],
                r["number"],
                local(r["received_at"], zone),
                words("reports-homework", state),
                words.yes(r["late"]),
                r["score"],
                local(r["submitted_at"], zone),
                r["percent"],
            ]
        )
    writer.close()


def _homework(
    book: Workbook, reader: ExportReader, cohort_id: int, l10n: Localizer, words: _Words, zone: ZoneInfo
) -> None:
    spec = [
        ("reports-col-id", 14),
        ("reports-col-name", 28),
        ("reports-col-lesson", 9),
        ("reports-col-version", 9),
        ("reports-col-state", 14),
        ("reports-col-late", 10),
        ("reports-col-score", 10),
        ("reports-col-curator", 24),
        ("reports-col-submitted", 18),
        ("reports-col-decided", 18),
        ("reports-col-comment", 48),
    ]
    writer = SheetWriter(book, l10n("reports-sheet-homework"), _columns(l10n, spec))
    for r in reader.homework(cohort_id):
        writer.add(
            [
                r["user_id"],
                r["full_name"],
                _lesson_number(r["item_key"]),
                r["version"],
                words("reports-homework", r["state"]),
                words.yes(r["late"]),
                r["score"],
                r["curator"],
                local(r["submitted_at"], zone),
                local(r["decided_at"], zone),
                r["comment"],
            ]
        )
    writer.close()


def _lesson_number(item_key: str) -> int | str:
    head = item_key.split(".")[0]
    return int(head[1:]) if head[:1] == "L" and head[1:].isdigit() else item_key


def _quizzes(
    book: Workbook,
    reader: ExportReader,
    cohort_id: int,
    course: Course,
    lang: str,
    l10n: Localizer,
    words: _Words,
    zone: ZoneInfo,
) -> None:
    spec = [
        ("reports-col-id", 14),
        ("reports-col-name", 28),
        ("reports-col-lesson", 9),
        ("reports-col-attempt", 9),
        ("reports-col-result", 12),
        ("reports-col-question-number", 9),
        ("reports-col-question", 44),
        ("reports-col-answer", 30),
        ("reports-col-correct", 10),
        ("reports-col-answered", 18),
    ]
    writer = SheetWriter(book, l10n("reports-sheet-quizzes"), _columns(l10n, spec))
    quizzes = {lesson.quiz.key: lesson.quiz for lesson in course.lessons if lesson.quiz}
    for r in reader.quiz_answers(cohort_id):
        quiz = quizzes.get(r["quiz_key"])
        question = r["question"]
        text = answer = ""
        if quiz is not None and question is not None and 0 <= question < len(quiz.questions):
            q = quiz.questions[question]
            text = course.text(q.question, lang)
            if r["option"] is not None and 0 <= r["option"] < len(q.options):
                answer = course.text(q.options[r["option"]], lang)
        result = (
            f"{r['right_answers']}/{r['questions']}" if r["state"] == "finished" else words("reports-attempt", "open")
        )
        writer.add(
            [
                r["user_id"],
                r["full_name"],
                _lesson_number(r["quiz_key"]),
                r["attempt"],
                result,
                None if question is None else question + 1,
                text,
                answer,
                words.yes(r["correct"]),
                local(r["answered_at"], zone),
            ]
        )
    writer.close()


def _live(
    book: Workbook,
    reader: ExportReader,
    cohort_id: int,
    course: Course,
    l10n: Localizer,
    words: _Words,
    zone: ZoneInfo,
) -> None:
    spec = [
        ("reports-col-game", 9),
        ("reports-col-live-quiz", 14),
        ("reports-col-started", 18),
        ("reports-col-id", 14),
        ("reports-col-name", 28),
        ("reports-col-question-number", 9),
        ("reports-col-correct", 10),
        ("reports-col-seconds", 10),
        ("reports-col-points", 10),
    ]
    writer = SheetWriter(book, l10n("reports-sheet-live"), _columns(l10n, spec))
    for r in reader.live_answers(cohort_id):
        writer.add(
            [
                r["game_id"],
                r["quiz_key"],
                local(r["started_at"], zone),
                r["user_id"],
                r["full_name"],
                None if r["question"] is None else r["question"] + 1,
                words.yes(r["correct"]),
                None if r["seconds"] is None else round(r["seconds"], 1),
                r["points"],
            ]
        )
    writer.close()


def _answer_text(course: Course, lang: str, kind: str, options: Sequence[Any], value: Any) -> object:
    if value is None or value == []:
        return None
    if kind in ("single", "multiple"):
        chosen = value if isinstance(value, list) else [value]
        return "; ".join(
            course.text(options[i], lang) if isinstance(i, int) and 0 <= i < len(options) else str(i) for i in chosen
        )
    return value


def _questionnaire(
    book: Workbook,
    reader: ExportReader,
    cohort_id: int,
    course: Course,
    lang: str,
    l10n: Localizer,
    shuffle: Callable[[list[Any]], None],
) -> None:
    questionnaire = course.questionnaire
    items = questionnaire.items if questionnaire else ()
    anonymous = bool(questionnaire and questionnaire.anonymous)
    identity = (
        []
        if anonymous
        else [
            Column(l10n("reports-col-id"), 14),
            Column(l10n("reports-col-name"), 28),
            Column(l10n("reports-col-region"), 22),
            Column(l10n("reports-col-district"), 20),
            Column(l10n("reports-col-library"), 30),
            Column(l10n("reports-col-answered"), 14),
        ]
    )
    columns = identity + [Column(course.text(item.question, lang), 30) for item in items]
    writer = SheetWriter(book, l10n("reports-sheet-questionnaire"), columns)
    if questionnaire is not None:
        rows = reader.questionnaire(cohort_id, QUESTIONNAIRE_KEY, anonymous=anonymous)
        if anonymous:
            rows = list(rows)
            shuffle(rows)
        for r in rows:
            answers = json.loads(r["answers"])
            values = [_answer_text(course, lang, item.kind, item.options, answers.get(item.id)) for item in items]
            if anonymous:
                writer.add(values)
            else:
                writer.add(
                    [
                        r["user_id"],
                        r["full_name"],
                        region_label(l10n, r["region"]) if r["region"] else "",
                        r["district"],
                        r["library"],
                        day(r["answered_on"]),
                        *values,
                    ]
                )
    writer.close()


def _self_assessment(
    book: Workbook,
    reader: ExportReader,
    cohort_id: int,
    course: Course,
    lang: str,
    l10n: Localizer,
    words: _Words,
    zone: ZoneInfo,
) -> None:
    statements = course.self_assessment.statements if course.self_assessment else ()
    columns = _columns(
        l10n,
        [("reports-col-id", 14), ("reports-col-name", 28), ("reports-col-phase", 12), ("reports-col-answered", 18)],
    )
    columns += [Column(course.text(text, lang), 30) for text in statements]
    writer = SheetWriter(book, l10n("reports-sheet-self"), columns)
    for r in reader.self_assessments(cohort_id):
        ratings = json.loads(r["ratings"])
        writer.add(
            [
                r["user_id"],
                r["full_name"],
                words("reports-phase", r["phase"]),
                local(r["answered_at"], zone),
                *(ratings.get(f"s{i + 1}") for i in range(len(statements))),
            ]
        )
    writer.close()


def _deliveries(
    book: Workbook, reader: ExportReader, cohort_id: int, l10n: Localizer, words: _Words, zone: ZoneInfo
) -> None:
    spec = [
        ("reports-col-id", 14),
        ("reports-col-name", 28),
        ("reports-col-item", 10),
        ("reports-col-kind", 16),
        ("reports-col-variant", 12),
        ("reports-col-state", 14),
        ("reports-col-due", 18),
        ("reports-col-sent", 18),
        ("reports-col-attempts", 10),
        ("reports-col-reason", 30),
    ]
    writer = SheetWriter(book, l10n("reports-sheet-deliveries"), _columns(l10n, spec))
    for r in reader.deliveries(cohort_id):
        writer.add(
            [
                r["user_id"],
                r["full_name"],
                r["item_key"],
                words("reports-kind", r["kind"]),
                r["variant"],
                words("reports-delivery", r["state"]),
                local(r["due_at"], zone),
                local(r["sent_at"], zone),
                r["attempts"],
                r["reason"],
            ]
        )
    writer.close()
