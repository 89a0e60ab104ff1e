"""Reading texts, languages and files of a course, shared by the parts of the parser.

The parser is split by topic: this base reads what every part needs (texts in one or several
languages, Telegram HTML, files) and keeps the state they share; ``course_parse_tasks`` adds
homework and quizzes, ``course_parse_survey`` the questionnaire and the completion rules, and
``course_format`` puts the course together. Every method reports problems to the
:class:`~bot.courses.yaml_nodes.Reader` and returns None for a part it could not read, so
parsing goes on and every problem is found in one run.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from pathlib import Path, PurePosixPath
from typing import TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode

from bot.courses.model import SUPPORTED_LANGUAGES, FileKind, FileRef, LocalizedText
from bot.courses.yaml_nodes import Reader, child, closest, is_empty
from bot.text.telegram_html import parse_html, telegram_length

# Telegram's limits (Bot API). Text limits count the text left after HTML tags are removed.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
POLL_QUESTION_LIMIT = 300
POLL_OPTION_LIMIT = 100
EXPLANATION_LIMIT = 200
# Ours.
TITLE_LIMIT = 200
LABEL_LIMIT = 64
MAX_DAY = 366

_LANGUAGE_ALIASES = {"kz": "kk", "kaz": "kk", "qq": "kk", "rus": "ru", "eng": "en", "ua": "ru"}
_KINDS_BY_EXTENSION: dict[str, FileKind] = {
    **dict.fromkeys(("jpg", "jpeg", "png", "webp"), "photo"),
    **dict.fromkeys(("mp4", "mov", "m4v"), "video"),
    **dict.fromkeys(("mp3", "m4a", "ogg", "oga", "wav", "flac", "aac"), "audio"),
}
_T = TypeVar("_T")
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Unit:
    """A part of the course, for warnings: the course, a lesson or the questionnaire."""

    kind: str  # "course", "lesson", "questionnaire" or "self-assessment": the unit of a missing-translation issue
    path: str  # "", "lessons[2]", "questionnaire"
    lesson: int = 0  # the lesson's number


@dataclass
class Seen:
    """A text (or per-language file) as found, for the per-language warnings at the end."""

    unit: Unit
    path: str
    node: Node
    text: LocalizedText


@dataclass(frozen=True)
class Release:
    """A moment of the course: a day (1 = start) and a local time."""

    day: int
    time: time

    @property
    def minutes(self) -> int:
        return (self.day - 1) * 24 * 60 + self.time.hour * 60 + self.time.minute


@dataclass(frozen=True)
class LessonInfo:
    """What is known about a lesson even when it has errors, for checks across lessons."""

    number: int
    release: Release | None
    day_node: Node
    has_homework: bool
    has_quiz: bool


class TextParser:
    """State shared by the parser's parts, and reading texts, languages and files."""

    def __init__(self, root: Path, reader: Reader) -> None:
        self.root = root
        self.r = reader
        self.languages: tuple[str, ...] = SUPPORTED_LANGUAGES
        self.seen: list[Seen] = []
        self.lesson_info: list[LessonInfo] = []
        self._files: dict[str, FileRef | None] = {}
        self._all_files: list[str] | None = None

    @staticmethod
    def _opt(fields: dict[str, Node], name: str, read: Callable[[Node, str], _T]) -> _T | None:
        """Read an optional field; a missing one was already reported if it was required."""
        node = fields.get(name)
        if node is None or is_empty(node):
            return None
        return read(node, name)

    def _language_code(self, node: Node, path: str) -> str | None:
        value = self.r.string(node, path)
        if value is None:
            return None
        if value not in SUPPORTED_LANGUAGES:
            suggestion = _LANGUAGE_ALIASES.get(value.lower()) or closest(value.lower(), SUPPORTED_LANGUAGES)
            self.r.error(node, path, "unknown-language", value=value, suggestion=suggestion or "")
            return None
        return value

    def text(
        self,
        node: Node,
        path: str,
        unit: Unit,
        *,
        limit: int,
        html: bool = False,
        what: str = "text",
    ) -> LocalizedText | None:
        """A text given once or per language; each variant is checked on its own.

        ``what`` names the text in a text-too-long issue (``course-part-<what>``).
        """
        if isinstance(node, MappingNode):
            by_language: dict[str, str] = {}
            for key_node, value_node in node.value:
                language = self._language_code(key_node, path)
                if language is None:
                    continue
                variant_path = child(path, language)
                if language in by_language:
                    self.r.error(key_node, variant_path, "duplicate-key", field=language)
                    continue
                value = self._checked_text(value_node, variant_path, limit, html, what)
                if value is not None:
                    by_language[language] = value
            if not by_language:
                if not node.value:
                    self.r.error(node, path, "empty")
                return None
            result = LocalizedText(by_language=by_language)
        else:
            value = self._checked_text(node, path, limit, html, what)
            if value is None:
                return None
            result = LocalizedText(common=value)
        self.seen.append(Seen(unit, path, node, result))
        return result

    def _checked_text(self, node: Node, path: str, limit: int, html: bool, what: str) -> str | None:
        value = self.r.string(node, path)
        if value is None:
            return None
        assert isinstance(node, ScalarNode)
        plain = value
        if html:
            parsed = parse_html(value)
            for problem in parsed.problems:
                self.r.error(
                    node,
                    path,
                    problem.code,
                    line_offset=_line_offset(node, value, problem.offset),
                    **problem.args,
                )
            if parsed.problems:
                return None
            plain = parsed.plain_text
        length = telegram_length(plain.strip())
        if length == 0:
            self.r.error(node, path, "no-text")
            return None
        if length > limit:
            self.r.error(node, path, "text-too-long", what=what, length=length, limit=limit)
            return None
        return value.strip()

    def file_ref(self, node: Node, path: str) -> FileRef | None:
        """A file of the course by its path relative to the folder of course.yaml."""
        rel = self.r.string(node, path)
        if rel is None:
            return None
        rel = rel.strip().replace("\\", "/")
        if rel in self._files:
            return self._files[rel]
        ref = self._read_file(node, path, rel)
        self._files[rel] = ref
        return ref

    def _read_file(self, node: Node, path: str, rel: str) -> FileRef | None:
        parts = PurePosixPath(rel).parts
        root = self.root.resolve()
        full = (self.root / rel).resolve()
        if (
            rel.startswith("/")
            or ":" in (parts[0] if parts else "")
            or ".." in parts
            or (not full.is_relative_to(root))
        ):
            self.r.error(node, path, "file-outside-course", file=rel)
            return None
        if not full.is_file():
            suggestion = self._closest_file(rel)
            self.r.error(node, path, "missing-file", file=rel, suggestion=suggestion or "")
            return None
        size = full.stat().st_size
        megabytes = math.ceil(size / MEGABYTE * 10) / 10  # up: 50.01 MB is over 50 MB
        if size == 0:
            self.r.error(node, path, "empty-file", file=rel)
            return None
        if size > MAX_UPLOAD_BYTES:
            self.r.error(
                node,
                path,
                "file-too-big",
                file=rel,
                size_mb=megabytes,
                limit_mb=MAX_UPLOAD_BYTES // MEGABYTE,
            )
            return None
        extension = rel.rsplit(".", 1)[-1].lower() if "." in rel.rsplit("/", 1)[-1] else ""
        kind: FileKind = _KINDS_BY_EXTENSION.get(extension, "document")
        if kind == "photo" and size > MAX_PHOTO_BYTES:
            self.r.warn(
                node,
                path,
                "photo-as-document",
                file=rel,
                size_mb=megabytes,
                limit_mb=MAX_PHOTO_BYTES // MEGABYTE,
            )
            kind = "document"
        digest = hashlib.sha256()
        with full.open("rb") as stream:
            while chunk := stream.read(1024 * 1024):
                digest.update(chunk)
        return FileRef(path=rel, size=size, sha256=digest.hexdigest(), kind=kind)

    def _closest_file(self, rel: str) -> str | None:
        if self._all_files is None:
            self._all_files = sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file())
        for candidate in self._all_files:
            if candidate.casefold() == rel.casefold():
                return candidate
        return closest(rel, self._all_files)

    def _language_warnings(self) -> None:
        """One warning per part of the course and language that lacks its own text."""
        extra: set[str] = set()
        for language in self.languages:
            missing: dict[Unit, list[Seen]] = {}
            for seen in self.seen:
                if not seen.text.has(language):
                    missing.setdefault(seen.unit, []).append(seen)
            for unit, entries in missing.items():
                names = ", ".join(_relative(entry.path, unit.path) for entry in entries)
                # What a learner gets instead: the next language of the course or, in a course of
                # one language, the text's own (LocalizedText.get).
                fallback = next((x for x in self.languages if x != language), None) or next(
                    iter(entries[0].text.by_language)
                )
                self.r.warn(
                    entries[0].node,
                    unit.path,
                    "missing-translation",
                    unit=unit.kind,
                    lesson=unit.lesson,
                    language=language,
                    fields=names,
                    fallback=fallback,
                )
        for seen in self.seen:
            for language in seen.text.by_language:
                if language not in self.languages and language not in extra:
                    extra.add(language)
                    self.r.warn(
                        seen.node,
                        seen.path,
                        "extra-language",
                        language=language,
                        languages=", ".join(self.languages),
                    )


def _relative(path: str, unit_path: str) -> str:
    if unit_path and path.startswith(unit_path + "."):
        return path[len(unit_path) + 1 :]
    return path


def _line_offset(node: ScalarNode, value: str, offset: int) -> int:
    """Lines from the node's start to ``offset`` in its value, where that can be known.

    In a literal block (``|``) every line of the value is a line of the file, starting on the
    line after the ``|``; in other styles YAML folds lines, so we point at the start.
    """
    if node.style == "|":
        return 1 + value[:offset].count("\n")
    return 0
