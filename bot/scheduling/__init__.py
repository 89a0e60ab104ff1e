"""The scheduler port: how the domain asks to be woken up, without knowing who wakes it.

The domain (``bot/delivery`` and the features to come: daily digests, backups) sees only the
:class:`Scheduler` protocol; ``bot.scheduling.aps`` implements it with APScheduler, and the
application wires the two together. A job is an argument-less coroutine function that should
only note that there is work and wake a task of its owner: the scheduler may cancel a job at
shutdown, and a job carries no data (what is due lives in our own tables, so a lost or skipped
job costs a delay, never a message).

Times are real time (UTC), not the injectable clock's: a test with a frozen clock either runs
nothing automatic or waits for real seconds.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Protocol

Job = Callable[[], Awaitable[None]]


class Scheduler(Protocol):
    """Jobs by id: registering an id again replaces the job (so a moving wake-up is one job)."""

    def every(self, job_id: str, seconds: float, job: Job, *, now: bool = False) -> None:
        """Run ``job`` every ``seconds``; ``now`` runs it once at once too. Runs never overlap;
        missed runs collapse into one."""

    def at(self, job_id: str, moment: datetime, job: Job) -> None:
        """Run ``job`` once at ``moment`` (an aware datetime); late rather than never."""

    def after(self, job_id: str, delay: timedelta, job: Job) -> None:
        """Run ``job`` once, ``delay`` from now."""

    def cron(self, job_id: str, job: Job, *, timezone: str, hour: int, minute: int = 0, day_of_week: str = "*") -> None:
        """Run ``job`` at ``hour:minute`` local time in ``timezone`` (an IANA name) on the given
        days (``"mon-fri"``, ``"sun"``, ``"*"``)."""

    def cancel(self, job_id: str) -> None:
        """Forget the job; nothing happens if there is none."""

    def has(self, job_id: str) -> bool:
        """Whether the job is still to run."""
