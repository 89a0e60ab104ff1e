"""Problems found in a course, with where they are and a stable code.

The message is English, for the command line. ``code`` and ``args`` stay the same across
releases so the chat side can show the same problem in the organizer's language later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    file: str  # relative to the course folder, e.g. "course.yaml"
    line: int | None  # 1-based
    column: int | None  # 1-based
    path: str  # where in the course, e.g. "lessons[2].quiz.questions[0]"; "" for the file
    code: str  # stable, e.g. "unknown-field"
    message: str
    args: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def format(self, severity: Severity = "error") -> str:
        """``course.yaml:12: lessons[2].quiz.questions[0]: no correct answer``."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        prefix = "warning: " if severity == "warning" else ""
        subject = f"{self.path}: " if self.path else ""
        return f"{where}: {prefix}{subject}{self.message}"


class CourseSourceError(Exception):
    """The course cannot be opened at all (no such path, an unsafe or oversized zip)."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.format())
        self.issue = issue
