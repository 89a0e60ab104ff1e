"""First start: import the bundled sample course when there is no course yet."""

from __future__ import annotations

import logging
from pathlib import Path

from bot import SAMPLE_COURSE_DIR
from bot.clock import Clock
from bot.courses.importing import ImportSummary, import_course
from storage.courses import CourseRepository
from storage.db import Database

log = logging.getLogger(__name__)

SAMPLE_COURSE = SAMPLE_COURSE_DIR


async def ensure_sample_course(
    db: Database, files_dir: Path, clock: Clock, source: Path = SAMPLE_COURSE
) -> ImportSummary | None:
    """So that a fresh install has a course to open a cohort with; None if courses exist."""
    if await CourseRepository(db).any_course():
        return None
    summary = await import_course(db, source, files_dir, clock=clock)
    log.info("imported the sample course %s (version %s)", summary.code, summary.version)
    return summary
