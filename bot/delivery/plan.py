"""What to send and when, as pure functions of the course, the cohort's calendar and the moment.

:func:`course_slots` lists every deliverable at its natural moment (the course's day and local
time, moved by the days a paused cohort's calendar was shifted). :func:`arrange` turns them into
the rows of one plan: quiet hours respected, and for a learner who joins late, the lessons
already released spaced out from now instead of arriving all at once. :func:`catch_up` does the
same for rows that have to be sent again later (resume after a pause, a learner back after
blocking the bot). Nothing here reads the database or the clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.courses.model import Course
from bot.courses.schedule import homework_deadline, lesson_release, questionnaire_release
from bot.delivery.model import (
    AGAIN,
    EXPIRED,
    HOMEWORK,
    LESSON,
    QUESTIONNAIRE,
    QUESTIONNAIRE_REMINDER,
    REMINDER,
    REMINDER_KINDS,
    SUPERSEDED,
    Changes,
    PendingRow,
    PlannedRow,
)
from bot.delivery.quiet_hours import QuietHours, defer, place_reminder


@dataclass(frozen=True)
class Slot:
    """One deliverable at its natural moment."""

    item_key: str
    kind: str
    variant: str
    position: int
    group: int  # the lesson number; the questionnaire comes after the last lesson
    moment: datetime  # UTC
    deadline: datetime | None = None  # reminders: the homework's deadline (UTC)


def calendar_start(start: date, shift_days: int) -> date:
    return start + timedelta(days=shift_days)


def course_slots(course: Course, start: date, tz: ZoneInfo, questionnaire_reminders: Sequence[int] = ()) -> list[Slot]:
    """Every deliverable of ``course`` for a cohort whose day 1 is ``start``, in course order.

    Quizzes are not here: they are sent by the quiz feature when the learner opens them.
    """
    slots: list[Slot] = []

    def add(
        key: str, kind: str, group: int, moment: datetime, *, variant: str = "", deadline: datetime | None = None
    ) -> None:
        slots.append(Slot(key, kind, variant, len(slots), group, moment.astimezone(UTC), deadline))

    for lesson in course.lessons:
        released = lesson_release(start, lesson, tz).astimezone(UTC)
        add(lesson.key, LESSON, lesson.number, released)
        homework = lesson.homework
        if homework is None:
            continue
        add(homework.key, HOMEWORK, lesson.number, released)
        due = homework_deadline(start, lesson, homework, tz).astimezone(UTC)
        for hours in sorted(course.reminders, reverse=True):
            moment = due - timedelta(hours=hours)
            if moment > released:
                add(homework.key, REMINDER, lesson.number, moment, variant=str(hours), deadline=due)
    questionnaire = course.questionnaire
    if questionnaire is not None:
        group = len(course.lessons) + 1
        released = questionnaire_release(start, questionnaire, tz).astimezone(UTC)
        add(questionnaire.key, QUESTIONNAIRE, group, released)
        for hours in sorted(questionnaire_reminders):
            add(questionnaire.key, QUESTIONNAIRE_REMINDER, group, released + timedelta(hours=hours), variant=str(hours))
    return slots


def arrange(
    slots: Sequence[Slot], now: datetime, *, quiet: QuietHours | None, tz: ZoneInfo, catch_up: timedelta
) -> list[PlannedRow]:
    """The rows of a plan made at ``now``.

    A group (a lesson with its homework prompt, or the questionnaire invitation) whose moment has
    passed is a catch-up: the first goes now, each next one ``catch_up`` later, so a late joiner
    gets the lessons already released one by one. Reminders keep their moment (placed around the
    quiet hours), and are dropped when that moment has passed or comes before their own task.
    """
    groups: dict[int, list[Slot]] = {}
    for slot in slots:
        groups.setdefault(slot.group, []).append(slot)
    rows: list[PlannedRow] = []
    cursor: datetime | None = None  # when the last catch-up group goes
    for group in sorted(groups):
        members = groups[group]
        main = [slot for slot in members if slot.kind not in REMINDER_KINDS]
        released = min(slot.moment for slot in main) if main else members[0].moment
        if released < now:
            due = defer(now if cursor is None else cursor + catch_up, quiet, tz)
            cursor = due
        else:
            due = defer(released, quiet, tz)
            if cursor is not None and due < cursor + catch_up:
                due = defer(cursor + catch_up, quiet, tz)  # course order after a catch-up
                cursor = due
            else:
                cursor = None
        rows.extend(PlannedRow(s.item_key, s.kind, s.variant, s.position, due) for s in main)
        for slot in members:
            if slot.kind not in REMINDER_KINDS:
                continue
            if slot.deadline is not None:
                placed = place_reminder(slot.moment, slot.deadline, due, quiet, tz)
            else:
                placed = defer(slot.moment, quiet, tz)
            if placed is None or placed <= now or placed <= due:
                continue
            rows.append(PlannedRow(slot.item_key, slot.kind, slot.variant, slot.position, placed, slot.deadline))
    return rows


def group_key(item_key: str) -> str:
    """ "L3.hw" and "L3" travel together; "Q" alone."""
    return item_key.split(".", 1)[0]


def catch_up(
    rows: Sequence[PendingRow],
    now: datetime,
    *,
    quiet: QuietHours | None,
    tz_of: dict[int, ZoneInfo],
    interval: timedelta,
) -> Changes:
    """Plan ``rows`` (overdue, or missed while unreachable) again from ``now``, spaced out.

    Per cohort, each lesson's rows (lesson and homework prompt) go together: the first now, each
    next ``interval`` later. Reminders still ahead of their deadline follow the last of them;
    the others are cancelled. Copies a learner asked for are dropped: the originals go again.
    """
    moves: list[tuple[int, datetime]] = []
    cancels: list[tuple[int, str]] = []
    by_cohort: dict[int, list[PendingRow]] = {}
    for row in rows:
        if row.variant.startswith(AGAIN):
            cancels.append((row.id, SUPERSEDED))
        else:
            by_cohort.setdefault(row.cohort_id, []).append(row)
    for cohort_id, members in by_cohort.items():
        tz = tz_of[cohort_id]
        ordered = sorted(members, key=lambda r: (r.due_at, r.position, r.id))
        slot: dict[str, datetime] = {}
        cursor: datetime | None = None
        for row in ordered:
            if row.kind in REMINDER_KINDS:
                continue
            key = group_key(row.item_key)
            if key not in slot:
                cursor = defer(now if cursor is None else cursor + interval, quiet, tz)
                slot[key] = cursor
            moves.append((row.id, slot[key]))
        last = cursor if cursor is not None else defer(now, quiet, tz)
        for row in ordered:
            if row.kind not in REMINDER_KINDS:
                continue
            if row.expires_at is not None and row.expires_at <= last:
                cancels.append((row.id, EXPIRED))
            else:
                moves.append((row.id, max(last, row.due_at)))
    return Changes(moves=moves, cancels=cancels)


def shift_days_needed(overdue: Sequence[datetime], now: datetime, tz: ZoneInfo) -> int:
    """The fewest whole days that move every overdue moment to ``now`` or later (local days, so
    lessons keep their time of day)."""
    if not overdue:
        return 0
    earliest = min(overdue).astimezone(tz)
    days = (now.astimezone(tz).date() - earliest.date()).days
    while shift_local(earliest, days, tz) < now:
        days += 1
    return max(days, 0)


def shift_local(moment: datetime, days: int, tz: ZoneInfo) -> datetime:
    """``moment`` moved by ``days`` calendar days at the same local time."""
    local = moment.astimezone(tz)
    moved = datetime.combine(local.date() + timedelta(days=days), local.time(), tzinfo=tz)
    return moved.astimezone(UTC)


def shift_calendar(rows: Sequence[PendingRow], days: int, tz: ZoneInfo) -> Changes:
    """Every planned row, and every reminder's deadline, ``days`` later at the same local time."""
    moves = [(row.id, shift_local(row.due_at, days, tz)) for row in rows]
    expiries = [(row.id, shift_local(row.expires_at, days, tz)) for row in rows if row.expires_at]
    return Changes(moves=moves, expiries=expiries, shift_days=days)
