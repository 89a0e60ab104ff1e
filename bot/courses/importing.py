"""Import a validated course: copy its files into the data folder, store a new version.

Files are copied to ``<files_dir>/<sha256>.<ext>`` before the database is touched. The name is
the content, so a copy is never overwritten with different bytes, a later edit of the source
folder cannot change what a running cohort receives, and a copy left behind by a failed import
is harmless (the next import reuses it). The version and its items are then written in one
transaction. An invalid course imports nothing.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bot.clock import Clock, SystemClock
from bot.courses.codec import content_hash, course_to_json
from bot.courses.issues import CourseSourceError, Issue
from bot.courses.loading import LoadResult, load_course_folder
from bot.courses.model import Course, DeadlineAfter, FileRef
from bot.courses.source import course_folder
from bot.courses.stored import CourseItemRow, StoredFile
from storage.courses import CourseRepository
from storage.db import Database


class InvalidCourseError(Exception):
    """The course has errors; ``result`` lists them. Nothing was imported."""

    def __init__(self, result: LoadResult) -> None:
        super().__init__(f"the course has {len(result.errors)} error(s)")
        self.result = result


class CourseFileChangedError(Exception):
    """A file changed between validation and copying; importing again will pick it up."""


@dataclass(frozen=True)
class ImportSummary:
    code: str
    version: int
    unchanged: bool  # the same content as the latest version: nothing was written
    lessons: int
    homework: int
    quizzes: int
    questionnaire: bool
    languages: tuple[str, ...]
    files: int
    warnings: list[Issue]
    content_hash: str


async def import_course(
    db: Database, path: str | Path, files_dir: str | Path, *, clock: Clock | None = None
) -> ImportSummary:
    """Validate the course at ``path`` (folder, course.yaml or zip) and store it.

    Raises :class:`InvalidCourseError` when the course has errors.
    """
    # Reading, hashing and copying files blocks; keep it off the event loop.
    prepared = await asyncio.to_thread(_validate_and_copy, Path(path), Path(files_dir))
    course = prepared.course
    digest = content_hash(course)
    saved = await CourseRepository(db).save_version(
        code=course.code,
        content=course_to_json(course),
        content_hash=digest,
        source_path=str(prepared.source),
        files_dir=str(prepared.files_dir),
        items=course_items(course),
        files=[StoredFile(ref.sha256, ref.extension, ref.size) for ref in course.files()],
        now=(clock or SystemClock()).now(),
    )
    return ImportSummary(
        code=course.code,
        version=saved.version.version,
        unchanged=not saved.created,
        lessons=len(course.lessons),
        homework=len(course.homework),
        quizzes=len(course.quizzes),
        questionnaire=course.questionnaire is not None,
        languages=course.languages,
        files=len(course.files()),
        warnings=prepared.result.warnings,
        content_hash=digest,
    )


@dataclass(frozen=True)
class _Prepared:
    result: LoadResult
    course: Course
    source: Path
    files_dir: Path


def _validate_and_copy(path: Path, files_dir: Path) -> _Prepared:
    try:
        with course_folder(path) as root:  # a zip's folder exists only inside the with
            result = load_course_folder(root)
            if result.course is None or result.errors:
                raise InvalidCourseError(result)
            files_dir = files_dir.resolve()
            store_files(result.course, root, files_dir)
            return _Prepared(result, result.course, path.resolve(), files_dir)
    except CourseSourceError as exc:
        raise InvalidCourseError(LoadResult(None, [exc.issue], [])) from exc


def store_files(course: Course, root: Path, files_dir: Path) -> None:
    """Copy every file of ``course`` to ``files_dir/<sha256>.<ext>`` unless it is there."""
    files_dir.mkdir(parents=True, exist_ok=True)
    for ref in course.files():
        target = files_dir / ref.stored_name
        if target.is_file() and target.stat().st_size == ref.size:
            continue
        _copy_verified(root / ref.path, target, ref)


def _copy_verified(source: Path, target: Path, ref: FileRef) -> None:
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as stream:
            while chunk := stream.read(1024 * 1024):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != ref.sha256:
            raise CourseFileChangedError(f"'{ref.path}' changed during the import; import again")
        os.replace(tmp, target)  # atomic: a reader sees the whole file or none
    finally:
        tmp.unlink(missing_ok=True)


def course_items(course: Course) -> list[CourseItemRow]:
    """The delivery rows of a course, in order: each lesson, its quiz, its homework; then Q."""
    rows: list[CourseItemRow] = []
    Due = tuple[int | None, str | None, int | None]  # due_day, due_time, due_hours

    def add(key: str, kind: str, lesson: int | None, day: int, at: str, due: Due = (None, None, None)) -> None:
        rows.append(CourseItemRow(key, kind, len(rows), lesson, day, at, *due))

    for lesson in course.lessons:
        at = f"{lesson.time:%H:%M}"
        add(lesson.key, "lesson", lesson.number, lesson.day, at)
        if lesson.quiz is not None:
            add(lesson.quiz.key, "quiz", lesson.number, lesson.day, at)
        if lesson.homework is not None:
            deadline = lesson.homework.deadline
            due: Due = (
                (None, None, deadline.hours)
                if isinstance(deadline, DeadlineAfter)
                else (deadline.day, f"{deadline.time:%H:%M}", None)
            )
            add(lesson.homework.key, "homework", lesson.number, lesson.day, at, due)
    if course.questionnaire is not None:
        q = course.questionnaire
        add(q.key, "questionnaire", None, q.day, f"{q.time:%H:%M}")
    return rows
