"""Quiet hours: the part of the night when nothing planned by the calendar goes out.

They are local to each cohort's time zone ("22:00-08:00" means 22:00 to 08:00 where the cohort
lives) and may wrap over midnight. Moments come in and go out as aware UTC datetimes; only the
comparison happens in local time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
OFF = ("", "off", "none", "no")


@dataclass(frozen=True)
class QuietHours:
    start: time
    end: time

    @classmethod
    def parse(cls, text: str) -> QuietHours | None:
        """``"22:00-08:00"``; an empty value or ``off`` means no quiet hours."""
        if text.strip().lower() in OFF:
            return None
        match = _RANGE.match(text)
        if match is None:
            raise ValueError(f"quiet hours must look like 22:00-08:00, not {text!r}")
        h1, m1, h2, m2 = (int(part) for part in match.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise ValueError(f"not a time of day in {text!r}")
        start, end = time(h1, m1), time(h2, m2)
        if start == end:
            raise ValueError(f"quiet hours {text!r} start and end at the same time")
        return cls(start, end)

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def contains_local(self, local: datetime) -> bool:
        moment = local.time()
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def contains(self, moment: datetime, tz: ZoneInfo) -> bool:
        return self.contains_local(moment.astimezone(tz))

    def end_of(self, moment: datetime, tz: ZoneInfo) -> datetime:
        """When the quiet period holding ``moment`` ends (UTC); ``moment`` itself if not quiet."""
        local = moment.astimezone(tz)
        if not self.contains_local(local):
            return moment
        day = local.date()
        if local.time() >= self.end:  # after the start, before midnight: ends tomorrow
            day += timedelta(days=1)
        return datetime.combine(day, self.end, tzinfo=tz).astimezone(UTC)

    def start_of(self, moment: datetime, tz: ZoneInfo) -> datetime:
        """When the quiet period holding ``moment`` began (UTC); ``moment`` itself if not quiet."""
        local = moment.astimezone(tz)
        if not self.contains_local(local):
            return moment
        day = local.date()
        if local.time() < self.start:  # after midnight: it began yesterday evening
            day -= timedelta(days=1)
        return datetime.combine(day, self.start, tzinfo=tz).astimezone(UTC)


def defer(moment: datetime, quiet: QuietHours | None, tz: ZoneInfo) -> datetime:
    """``moment``, or the end of the quiet hours it falls in."""
    return moment if quiet is None else quiet.end_of(moment, tz)


def place_reminder(
    moment: datetime, deadline: datetime, not_before: datetime, quiet: QuietHours | None, tz: ZoneInfo
) -> datetime | None:
    """Where a deadline reminder planned for ``moment`` goes, or None when it cannot go anywhere.

    A reminder that falls in the quiet hours waits for the morning if the morning still comes
    before the deadline; otherwise it goes the evening before, a minute before the quiet hours
    begin, as long as that is after ``not_before`` (the task's own release).
    """
    if quiet is None or not quiet.contains(moment, tz):
        return moment
    morning = quiet.end_of(moment, tz)
    if morning < deadline:
        return morning
    evening = quiet.start_of(moment, tz) - timedelta(minutes=1)
    return evening if evening > not_before else None
