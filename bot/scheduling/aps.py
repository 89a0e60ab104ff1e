"""The scheduler port implemented with APScheduler 3 (in memory, on the running event loop).

In memory on purpose: APScheduler deletes a one-shot job from its store when it starts it, so a
persistent job store could skip or repeat a job across a restart. What is due lives in our tables.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.scheduling import Job


class ApsScheduler:
    """:class:`bot.scheduling.Scheduler` on an ``AsyncIOScheduler``; ``start`` inside the loop."""

    def __init__(self) -> None:
        self._aps = AsyncIOScheduler(timezone=UTC)
        self._started = False
        # APScheduler logs every (re)scheduled job at INFO, and the delivery wake-up moves all the time.
        logging.getLogger("apscheduler").setLevel(logging.WARNING)

    def start(self) -> None:
        if not self._started:
            self._started = True
            self._aps.start()

    def shutdown(self) -> None:
        """Stop at once; a job that is running is cancelled (jobs only wake their owners).

        Idempotent by our own flag: APScheduler's asyncio flavour stops on the next loop turn,
        so its ``running`` still says True right after a shutdown, and a second one would raise.
        """
        if self._started:
            self._started = False
            self._aps.shutdown(wait=False)

    def every(self, job_id: str, seconds: float, job: Job, *, now: bool = False) -> None:
        # APScheduler reads an explicit next_run_time=None as "paused": pass it only to run now.
        first = {"next_run_time": datetime.now(UTC)} if now else {}
        self._aps.add_job(
            job,
            IntervalTrigger(seconds=seconds, timezone=UTC),
            id=job_id,
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
            **first,
        )

    def at(self, job_id: str, moment: datetime, job: Job) -> None:
        self._aps.add_job(
            job,
            DateTrigger(run_date=moment),
            id=job_id,
            replace_existing=True,
            coalesce=True,
            misfire_grace_time=None,
        )

    def after(self, job_id: str, delay: timedelta, job: Job) -> None:
        self.at(job_id, datetime.now(UTC) + delay, job)

    def cron(self, job_id: str, job: Job, *, timezone: str, hour: int, minute: int = 0, day_of_week: str = "*") -> None:
        self._aps.add_job(
            job,
            CronTrigger(hour=hour, minute=minute, day_of_week=day_of_week, timezone=ZoneInfo(timezone)),
            id=job_id,
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
        )

    def cancel(self, job_id: str) -> None:
        if self._aps.get_job(job_id) is not None:
            self._aps.remove_job(job_id)

    def has(self, job_id: str) -> bool:
        return self._aps.get_job(job_id) is not None

    def next_run(self, job_id: str) -> datetime | None:
        """When the job runs next (tests and logs)."""
        found = self._aps.get_job(job_id)
        return None if found is None else found.next_run_time
