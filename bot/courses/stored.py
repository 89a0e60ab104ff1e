"""A course as it is stored: immutable versions and the items computed from them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CourseItemRow:
    """One deliverable of a version: a lesson, its quiz or homework, or the questionnaire."""

    key: str  # "L3", "L3.quiz", "L3.hw", "Q"
    kind: str  # lesson | quiz | homework | questionnaire
    position: int
    lesson_number: int | None
    release_day: int
    release_time: str  # "HH:MM", local to the cohort
    due_day: int | None = None
    due_time: str | None = None
    due_hours: int | None = None


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    extension: str
    size: int


@dataclass(frozen=True)
class CourseVersion:
    id: int
    course_id: int
    code: str
    version: int
    content_hash: str
    content: str  # JSON; bot.courses.codec.course_from_json reads it
    source_path: str
    files_dir: str
    imported_at: str


@dataclass(frozen=True)
class SavedVersion:
    version: CourseVersion
    created: bool  # False: the content was the same as the latest version's; nothing written
