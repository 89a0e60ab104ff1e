"""Load and validate a course: a folder (or a zip of it) with ``course.yaml`` and its files.

``load_course(path)`` reads everything, reports every problem it finds (not just the first) with
the file, line and field path, and returns a :class:`~bot.services.course_model.Course` only
when there are no errors. Warnings (a lesson without Kazakh text, a reminder that would come too
early) never block an import. The format itself is described in ``docs/course-format.md``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path, PurePosixPath
from typing import Literal, TypeVar
from urllib.parse import urlsplit

from yaml.nodes import MappingNode, Node, ScalarNode

from bot.services.course_issues import CourseSourceError, Issue
from bot.services.course_model import (
    DEFAULT_ACCEPTS,
    DEFAULT_QUIZ_PASS_MARK,
    DEFAULT_REMINDERS,
    HOMEWORK_KINDS,
    LANGUAGE_NAMES,
    QUESTION_KINDS,
    SUPPORTED_LANGUAGES,
    Completion,
    Course,
    Deadline,
    DeadlineAfter,
    DeadlineAt,
    FileKind,
    FileMaterial,
    FileRef,
    Homework,
    Lesson,
    LinkMaterial,
    LocalizedText,
    Material,
    Questionnaire,
    QuestionnaireItem,
    Quiz,
    QuizQuestion,
    TextMaterial,
)
from bot.services.course_source import COURSE_FILE, course_folder
from bot.services.course_yaml import Reader, child, closest, compose, is_empty
from bot.services.telegram_html import parse_html, telegram_length

# Telegram's limits (Bot API). Text limits count the text left after HTML tags are removed.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
POLL_QUESTION_LIMIT = 300
POLL_OPTION_LIMIT = 100
EXPLANATION_LIMIT = 200
MIN_OPTIONS, MAX_OPTIONS = 2, 10
MAX_DAY = 366

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,47}$")
_ITEM_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
_LANGUAGE_ALIASES = {"kz": "kk", "kaz": "kk", "qq": "kk", "rus": "ru", "eng": "en", "ua": "ru"}
_KINDS_BY_EXTENSION: dict[str, FileKind] = {
    **dict.fromkeys(("jpg", "jpeg", "png", "webp"), "photo"),
    **dict.fromkeys(("mp4", "mov", "m4v"), "video"),
    **dict.fromkeys(("mp3", "m4a", "ogg", "oga", "wav", "flac", "aac"), "audio"),
}

TOP_FIELDS = (
    "code", "languages", "title", "description", "hours", "reminders", "lessons",
    "questionnaire", "completion",
)
LESSON_FIELDS = ("day", "time", "title", "materials", "homework", "quiz")
MATERIAL_FIELDS = ("text", "file", "caption", "link", "label")
HOMEWORK_FIELDS = ("prompt", "deadline", "accepts")
DEADLINE_FIELDS = ("day", "time", "hours_after_release")
QUIZ_FIELDS = ("questions", "pass_mark")
QUESTION_FIELDS = ("question", "options", "correct", "explanation")
QUESTIONNAIRE_FIELDS = ("anonymous", "intro", "day", "time", "items")
ITEM_FIELDS = ("id", "kind", "question", "options", "required")
COMPLETION_FIELDS = ("homework", "quiz_pass_mark", "questionnaire")
DEFAULT_DEADLINE_TIME = time(23, 59)
_T = TypeVar("_T")


@dataclass(frozen=True)
class LoadResult:
    """The course if it is valid, and every error and warning found.

    ``root`` is the folder the files were read from. For a zip it was a temporary folder that
    no longer exists; use :func:`~bot.services.course_source.course_folder` around
    :func:`load_course_folder` when the files are needed afterwards (as the import does).
    """

    course: Course | None
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    root: Path | None = None

    @property
    def ok(self) -> bool:
        return self.course is not None and not self.errors


def load_course(path: str | Path) -> LoadResult:
    """Validate the course at ``path`` (a folder, its ``course.yaml`` or a zip)."""
    try:
        with course_folder(path) as root:
            return load_course_folder(root)
    except CourseSourceError as exc:
        return LoadResult(None, [exc.issue], [])


def load_course_folder(root: Path) -> LoadResult:
    """Validate the course in the folder ``root``, which must hold ``course.yaml``."""
    yaml_path = root / COURSE_FILE
    if not yaml_path.is_file():
        issue = Issue(COURSE_FILE, None, None, "", "missing-course-yaml", "no course.yaml here")
        return LoadResult(None, [issue], [], root)
    raw = yaml_path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = "the file is not UTF-8; save it as UTF-8 (in Notepad: Save as > Encoding)"
        issue = Issue(COURSE_FILE, line, None, "", "not-utf8", message)
        return LoadResult(None, [issue], [], root)
    node, syntax_error = compose(text, COURSE_FILE)
    if syntax_error is not None:
        return LoadResult(None, [syntax_error], [], root)
    reader = Reader(COURSE_FILE)
    course = None
    if node is None or is_empty(node):
        reader.error(node, "", "empty", "course.yaml is empty")
    else:
        course = _CourseParser(root, reader).parse(node)
    errors = sorted(reader.errors, key=_position)
    warnings = sorted(reader.warnings, key=_position)
    return LoadResult(None if errors else course, errors, warnings, root)


def _position(issue: Issue) -> tuple[int, int]:
    return (issue.line or 0, issue.column or 0)


@dataclass
class _Seen:
    """A text (or per-language file) as found, for the per-language warnings at the end."""

    unit: str  # "the course", "lesson 3", "the questionnaire"
    unit_path: str
    path: str
    node: Node
    text: LocalizedText


@dataclass
class _Release:
    day: int
    time: time

    @property
    def minutes(self) -> int:
        return (self.day - 1) * 24 * 60 + self.time.hour * 60 + self.time.minute


class _CourseParser:
    """Builds the course from the node tree; keeps going after errors to find them all."""

    def __init__(self, root: Path, reader: Reader) -> None:
        self.root = root
        self.r = reader
        self.languages: tuple[str, ...] = SUPPORTED_LANGUAGES
        self.seen: list[_Seen] = []
        self._files: dict[str, FileRef | None] = {}
        self._all_files: list[str] | None = None

    # -- the course --------------------------------------------------------------------------

    def parse(self, node: Node) -> Course | None:
        r = self.r
        fields = r.mapping(
            node, "", TOP_FIELDS, ("code", "languages", "title", "hours", "lessons"),
            what="a group of fields (code, languages, title, lessons, ...)",
        )
        if fields is None:
            return None
        code = self._code(fields.get("code"))
        languages = self._languages(fields.get("languages"))
        if languages:
            self.languages = languages
        unit = ("the course", "")
        title = self._opt(fields, "title", lambda n, p: self.text(n, p, unit, limit=MESSAGE_LIMIT))
        description = self._opt(
            fields, "description",
            lambda n, p: self.text(n, p, unit, html=True, limit=MESSAGE_LIMIT),
        )
        hours = self._opt(fields, "hours", lambda n, p: r.number(n, p, minimum=0.5, maximum=2000))
        reminders = self._reminders(fields.get("reminders"))
        lessons = self._lessons(fields.get("lessons"))
        questionnaire = None
        if not is_empty(fields.get("questionnaire")):
            questionnaire = self._questionnaire(fields["questionnaire"], lessons)
        completion = self._completion(fields.get("completion"), lessons, questionnaire)
        self._check_reminders(reminders, lessons)
        self._language_warnings()
        if None in (code, title, hours) or not languages or lessons is None:
            return None
        if any(lesson is None for lesson in lessons) or completion is None:
            return None
        assert code is not None and title is not None and hours is not None
        return Course(
            code=code,
            languages=languages,
            title=title,
            hours=hours,
            lessons=tuple(lesson for lesson in lessons if lesson is not None),
            description=description,
            reminders=reminders,
            questionnaire=questionnaire,
            completion=completion,
        )

    @staticmethod
    def _opt(
        fields: dict[str, Node], name: str, read: Callable[[Node, str], _T | None]
    ) -> _T | None:
        """Read an optional field; a missing one was already reported if it was required."""
        node = fields.get(name)
        if node is None or is_empty(node):
            return None
        return read(node, name)

    def _code(self, node: Node | None) -> str | None:
        if is_empty(node):
            return None
        assert node is not None
        code = self.r.string(node, "code")
        if code is not None and not _SLUG.match(code):
            self.r.error(
                node, "code", "invalid-value",
                f"'{code}' is not a valid code: use 2-48 small Latin letters, digits and dashes, "
                "like library-work-2026",
            )
            return None
        return code

    def _languages(self, node: Node | None) -> tuple[str, ...]:
        if is_empty(node):
            return ()
        assert node is not None
        items = self.r.sequence(node, "languages", allow_single=True) or []
        found: list[str] = []
        for index, item in enumerate(items):
            language = self._language_code(item, child("languages", index))
            if language is None:
                continue
            if language in found:
                self.r.error(
                    item, child("languages", index), "duplicate",
                    f"'{language}' is listed twice", value=language,
                )
                continue
            found.append(language)
        return tuple(found)

    def _language_code(self, node: Node, path: str) -> str | None:
        value = self.r.string(node, path)
        if value is None:
            return None
        if value not in SUPPORTED_LANGUAGES:
            suggestion = _LANGUAGE_ALIASES.get(value.lower()) or closest(
                value.lower(), SUPPORTED_LANGUAGES
            )
            hint = f"; did you mean '{suggestion}'?" if suggestion else ""
            self.r.error(
                node, path, "unknown-language",
                f"unknown language '{value}': use kk, ru or en{hint}",
                language=value, suggestion=suggestion or "",
            )
            return None
        return value

    def _reminders(self, node: Node | None) -> tuple[int, ...]:
        if is_empty(node):
            return DEFAULT_REMINDERS
        assert node is not None
        items = self.r.sequence(node, "reminders", allow_single=True) or []
        hours = []
        for index, item in enumerate(items):
            value = self.r.integer(item, child("reminders", index), minimum=1, maximum=24 * 30)
            if value is not None:
                hours.append(value)
        return tuple(sorted(set(hours), reverse=True))

    # -- texts and files ---------------------------------------------------------------------

    def text(
        self,
        node: Node,
        path: str,
        unit: tuple[str, str],
        *,
        limit: int,
        html: bool = False,
        what: str = "the text",
    ) -> LocalizedText | None:
        """A text given once or per language; each variant is checked on its own."""
        if isinstance(node, MappingNode):
            by_language: dict[str, str] = {}
            for key_node, value_node in node.value:
                language = self._language_code(key_node, path)
                if language is None:
                    continue
                variant_path = child(path, language)
                if language in by_language:
                    self.r.error(
                        key_node, variant_path, "duplicate-key", f"'{language}' is given twice"
                    )
                    continue
                value = self._checked_text(value_node, variant_path, limit, html, what)
                if value is not None:
                    by_language[language] = value
            if not by_language:
                if not node.value:
                    self.r.error(node, path, "empty", "is empty")
                return None
            result = LocalizedText(by_language=by_language)
        else:
            value = self._checked_text(node, path, limit, html, what)
            if value is None:
                return None
            result = LocalizedText(common=value)
        self.seen.append(_Seen(unit[0], unit[1], path, node, result))
        return result

    def _checked_text(
        self, node: Node, path: str, limit: int, html: bool, what: str
    ) -> str | None:
        value = self.r.string(node, path)
        if value is None:
            return None
        assert isinstance(node, ScalarNode)
        plain = value
        if html:
            parsed = parse_html(value)
            for problem in parsed.problems:
                self.r.error(
                    node, path, problem.code, problem.message,
                    line_offset=_line_offset(node, value, problem.offset),
                )
            if parsed.problems:
                return None
            plain = parsed.plain_text
        length = telegram_length(plain.strip())
        if length == 0:
            self.r.error(node, path, "empty", "has no text once the formatting is removed")
            return None
        if length > limit:
            self.r.error(
                node, path, "text-too-long",
                f"{what} is {length} characters long; Telegram allows {limit}",
                length=length, limit=limit,
            )
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
        if rel.startswith("/") or ":" in (parts[0] if parts else "") or ".." in parts or (
            not full.is_relative_to(root)
        ):
            self.r.error(
                node, path, "file-outside-course",
                f"'{rel}' is outside the course folder; put the file next to course.yaml",
                file=rel,
            )
            return None
        if not full.is_file():
            suggestion = self._closest_file(rel)
            hint = f"; did you mean '{suggestion}'?" if suggestion else ""
            self.r.error(
                node, path, "missing-file", f"file '{rel}' not found{hint}",
                file=rel, suggestion=suggestion or "",
            )
            return None
        size = full.stat().st_size
        megabytes = f"{size / 1024 / 1024:.1f} MB"
        if size == 0:
            self.r.error(node, path, "empty-file", f"file '{rel}' is empty", file=rel)
            return None
        if size > MAX_UPLOAD_BYTES:
            self.r.error(
                node, path, "file-too-big",
                f"file '{rel}' is {megabytes}; a bot can send files up to 50 MB",
                file=rel, size=size, limit=MAX_UPLOAD_BYTES,
            )
            return None
        extension = rel.rsplit(".", 1)[-1].lower() if "." in rel.rsplit("/", 1)[-1] else ""
        kind: FileKind = _KINDS_BY_EXTENSION.get(extension, "document")
        if kind == "photo" and size > MAX_PHOTO_BYTES:
            self.r.warn(
                node, path, "photo-as-document",
                f"picture '{rel}' is {megabytes}; Telegram shows pictures up to 10 MB, "
                "so it will be sent as a file",
                file=rel, size=size,
            )
            kind = "document"
        digest = hashlib.sha256()
        with full.open("rb") as stream:
            while chunk := stream.read(1024 * 1024):
                digest.update(chunk)
        return FileRef(path=rel, size=size, sha256=digest.hexdigest(), kind=kind)

    def _closest_file(self, rel: str) -> str | None:
        if self._all_files is None:
            self._all_files = sorted(
                p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file()
            )
        for candidate in self._all_files:
            if candidate.casefold() == rel.casefold():
                return candidate
        return closest(rel, self._all_files)

    # -- lessons -----------------------------------------------------------------------------

    def _lessons(self, node: Node | None) -> list[Lesson | None] | None:
        if is_empty(node):
            return None
        assert node is not None
        items = self.r.sequence(node, "lessons")
        if items is None:
            return None
        if not items:
            self.r.error(node, "lessons", "empty", "a course needs at least one lesson")
            return None
        lessons = [self._lesson(item, index) for index, item in enumerate(items)]
        self._check_order(items, lessons)
        return lessons

    def _lesson(self, node: Node, index: int) -> Lesson | None:
        number = index + 1
        path = child("lessons", index)
        unit = (f"lesson {number}", path)
        fields = self.r.mapping(node, path, LESSON_FIELDS, ("day", "time", "title"))
        if fields is None:
            return None
        day = self._opt(
            fields, "day",
            lambda n, _: self.r.integer(n, child(path, "day"), minimum=1, maximum=MAX_DAY),
        )
        at = self._opt(fields, "time", lambda n, _: self.r.clock(n, child(path, "time")))
        title = self._opt(
            fields, "title", lambda n, _: self.text(n, child(path, "title"), unit, limit=200)
        )
        materials = self._materials(fields.get("materials"), child(path, "materials"), unit)
        release = _Release(day, at) if day is not None and at is not None else None
        homework = None
        if not is_empty(fields.get("homework")):
            homework = self._homework(fields["homework"], child(path, "homework"), unit, release)
        quiz = None
        if not is_empty(fields.get("quiz")):
            quiz = self._quiz(fields["quiz"], child(path, "quiz"), unit)
        if all(is_empty(fields.get(name)) for name in ("materials", "homework", "quiz")):
            self.r.warn(node, path, "empty-lesson", f"lesson {number} has nothing to send")
        if day is None or at is None or title is None or materials is None:
            return None
        if (homework is None and not is_empty(fields.get("homework"))) or (
            quiz is None and not is_empty(fields.get("quiz"))
        ):
            return None  # given but wrong: already reported
        return Lesson(
            number=number, key=f"L{number}", day=day, time=at, title=title,
            materials=materials, homework=homework, quiz=quiz,
        )

    def _check_order(self, items: list[Node], lessons: list[Lesson | None]) -> None:
        previous: Lesson | None = None
        for node, lesson in zip(items, lessons, strict=True):
            if lesson is None:
                continue
            if previous is not None and (lesson.day, lesson.time) < (previous.day, previous.time):
                fields = {k.value: v for k, v in node.value if isinstance(k, ScalarNode)}
                self.r.error(
                    fields.get("day", node), child("lessons", lesson.number - 1),
                    "lesson-out-of-order",
                    f"lesson {lesson.number} (day {lesson.day}, {lesson.time:%H:%M}) comes before "
                    f"lesson {previous.number} (day {previous.day}, {previous.time:%H:%M}); "
                    "lessons must not go back in time",
                    lesson=lesson.number, previous=previous.number,
                )
            previous = lesson

    def _materials(
        self, node: Node | None, path: str, unit: tuple[str, str]
    ) -> tuple[Material, ...] | None:
        if is_empty(node):
            return ()
        assert node is not None
        items = self.r.sequence(node, path)
        if items is None:
            return None
        materials = [self._material(item, child(path, i), unit) for i, item in enumerate(items)]
        if any(material is None for material in materials):
            return None
        return tuple(material for material in materials if material is not None)

    def _material(self, node: Node, path: str, unit: tuple[str, str]) -> Material | None:
        fields = self.r.mapping(
            node, path, MATERIAL_FIELDS, what="a material (text, file or link)"
        )
        if fields is None:
            return None
        kinds = [kind for kind in ("text", "file", "link") if kind in fields]
        if len(kinds) != 1:
            found = ", ".join(kinds) if kinds else "none"
            self.r.error(
                node, path, "material-kind",
                f"a material has exactly one of text, file or link (found: {found})",
            )
            return None
        kind = kinds[0]
        extra = {"text": ("caption", "label"), "file": ("label",), "link": ("caption",)}[kind]
        for name in extra:
            if name in fields:
                self.r.error(
                    fields[name], child(path, name), "unknown-field",
                    f"'{name}' does not go with {kind}", field=name,
                )
        if kind == "text":
            text = self.text(
                fields["text"], child(path, "text"), unit, html=True, limit=MESSAGE_LIMIT,
                what="the message",
            )
            return None if text is None else TextMaterial(text)
        if kind == "file":
            return self._file_material(fields, path, unit)
        url = self._url(fields["link"], child(path, "link"))
        label = None
        if is_empty(fields.get("label")):
            self.r.error(node, path, "missing-field", "'label' is required", field="label")
        else:
            label = self.text(fields["label"], child(path, "label"), unit, limit=64,
                              what="the button label")
        if url is None or label is None:
            return None
        return LinkMaterial(url=url, label=label)

    def _file_material(
        self, fields: dict[str, Node], path: str, unit: tuple[str, str]
    ) -> FileMaterial | None:
        node = fields["file"]
        file_path = child(path, "file")
        files: dict[str, FileRef] = {}
        ok = True
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                language = self._language_code(key_node, file_path)
                ref = self.file_ref(value_node, child(file_path, language or "?"))
                ok = ok and language is not None and ref is not None
                if language is not None and ref is not None:
                    files[language] = ref
            if files:
                names = LocalizedText(by_language={k: v.path for k, v in files.items()})
                self.seen.append(_Seen(unit[0], unit[1], file_path, node, names))
        else:
            ref = self.file_ref(node, file_path)
            ok = ref is not None
            if ref is not None:
                files["*"] = ref
        caption = None
        if not is_empty(fields.get("caption")):
            caption = self.text(
                fields["caption"], child(path, "caption"), unit, html=True, limit=CAPTION_LIMIT,
                what="the caption",
            )
            ok = ok and caption is not None
        if not ok or not files:
            return None
        return FileMaterial(files=files, caption=caption)

    def _url(self, node: Node, path: str) -> str | None:
        url = self.r.string(node, path)
        if url is None:
            return None
        url = url.strip()
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https", "tg"} or (
            parts.scheme != "tg" and not parts.netloc
        ):
            self.r.error(
                node, path, "invalid-url", f"'{url}' is not a web link (https://...)", url=url
            )
            return None
        return url

    # -- homework ----------------------------------------------------------------------------

    def _homework(
        self, node: Node, path: str, unit: tuple[str, str], release: _Release | None
    ) -> Homework | None:
        fields = self.r.mapping(node, path, HOMEWORK_FIELDS, ("prompt", "deadline"))
        if fields is None:
            return None
        prompt = self._opt(
            fields, "prompt",
            lambda n, _: self.text(n, child(path, "prompt"), unit, html=True,
                                   limit=MESSAGE_LIMIT, what="the homework prompt"),
        )
        deadline = self._opt(
            fields, "deadline", lambda n, _: self._deadline(n, child(path, "deadline"), release)
        )
        accepts = self._accepts(fields.get("accepts"), child(path, "accepts"))
        if prompt is None or deadline is None or accepts is None:
            return None
        number = unit[0].rsplit(" ", 1)[-1]
        return Homework(key=f"L{number}.hw", prompt=prompt, deadline=deadline, accepts=accepts)

    def _deadline(self, node: Node, path: str, release: _Release | None) -> Deadline | None:
        fields = self.r.mapping(
            node, path, DEADLINE_FIELDS,
            what="a deadline: {day: N, time: \"HH:MM\"} or {hours_after_release: N}",
        )
        if fields is None:
            return None
        has_day = not is_empty(fields.get("day"))
        has_hours = not is_empty(fields.get("hours_after_release"))
        if has_day == has_hours:
            self.r.error(
                node, path, "deadline-kind",
                "give either day (with time) or hours_after_release",
            )
            return None
        if has_hours:
            if "time" in fields:
                self.r.error(
                    fields["time"], child(path, "time"), "unknown-field",
                    "'time' goes with day, not with hours_after_release", field="time",
                )
            hours = self.r.integer(
                fields["hours_after_release"], child(path, "hours_after_release"),
                minimum=1, maximum=24 * 60,
            )
            return None if hours is None else DeadlineAfter(hours)
        day = self.r.integer(fields["day"], child(path, "day"), minimum=1, maximum=MAX_DAY)
        at: time | None = DEFAULT_DEADLINE_TIME
        if not is_empty(fields.get("time")):
            at = self.r.clock(fields["time"], child(path, "time"))
        if day is None or at is None:
            return None
        if release is not None and _Release(day, at).minutes <= release.minutes:
            self.r.error(
                fields["day"], path, "deadline-before-release",
                f"the deadline (day {day}, {at:%H:%M}) is not after the lesson's release "
                f"(day {release.day}, {release.time:%H:%M})",
            )
            return None
        return DeadlineAt(day, at)

    def _accepts(self, node: Node | None, path: str) -> tuple[str, ...] | None:
        if is_empty(node):
            return DEFAULT_ACCEPTS
        assert node is not None
        items = self.r.sequence(node, path, allow_single=True)
        if items is None:
            return None
        kinds: list[str] = []
        for index, item in enumerate(items):
            kind = self.r.choice(item, child(path, index), HOMEWORK_KINDS)
            if kind is None:
                return None
            if kind not in kinds:
                kinds.append(kind)
        if not kinds:
            self.r.error(node, path, "empty", "list at least one kind of answer")
            return None
        return tuple(kinds)

    # -- quizzes -----------------------------------------------------------------------------

    def _quiz(self, node: Node, path: str, unit: tuple[str, str]) -> Quiz | None:
        fields = self.r.mapping(node, path, QUIZ_FIELDS, ("questions",))
        if fields is None:
            return None
        pass_mark = DEFAULT_QUIZ_PASS_MARK
        if not is_empty(fields.get("pass_mark")):
            read = self.r.integer(
                fields["pass_mark"], child(path, "pass_mark"), minimum=0, maximum=100
            )
            if read is None:
                return None
            pass_mark = read
        if is_empty(fields.get("questions")):
            return None
        items = self.r.sequence(fields["questions"], child(path, "questions"))
        if items is None:
            return None
        if not items:
            self.r.error(fields["questions"], child(path, "questions"), "empty",
                         "a quiz needs at least one question")
            return None
        questions = [
            self._question(item, child(child(path, "questions"), i), unit)
            for i, item in enumerate(items)
        ]
        if any(question is None for question in questions):
            return None
        number = unit[0].rsplit(" ", 1)[-1]
        return Quiz(
            key=f"L{number}.quiz",
            questions=tuple(q for q in questions if q is not None),
            pass_mark=pass_mark,
        )

    def _question(self, node: Node, path: str, unit: tuple[str, str]) -> QuizQuestion | None:
        fields = self.r.mapping(node, path, QUESTION_FIELDS, ("question", "options"))
        if fields is None:
            return None
        question = self._opt(
            fields, "question",
            lambda n, _: self.text(n, child(path, "question"), unit, limit=POLL_QUESTION_LIMIT,
                                   what="the question"),
        )
        options = self._options(fields.get("options"), path, unit)
        explanation = self._opt(
            fields, "explanation",
            lambda n, _: self.text(n, child(path, "explanation"), unit, html=True,
                                   limit=EXPLANATION_LIMIT, what="the explanation"),
        )
        correct = None
        if is_empty(fields.get("correct")):
            self.r.error(
                node, path, "no-correct-answer",
                "no correct answer: add 'correct: N', where N is the number of the right "
                "option (the first is 1)",
            )
        elif options is not None:
            correct = self._correct(fields["correct"], child(path, "correct"), options)
        if question is None or options is None or correct is None:
            return None
        if "explanation" in fields and explanation is None:
            return None
        return QuizQuestion(
            question=question, options=options, correct=correct, explanation=explanation
        )

    def _options(
        self, node: Node | None, path: str, unit: tuple[str, str]
    ) -> tuple[LocalizedText, ...] | None:
        if is_empty(node):
            return None
        assert node is not None
        options_path = child(path, "options")
        items = self.r.sequence(node, options_path)
        if items is None:
            return None
        if len(items) < MIN_OPTIONS:
            self.r.error(
                node, options_path, "too-few-options",
                f"{len(items)} option(s); a question needs at least {MIN_OPTIONS}",
                count=len(items),
            )
            return None
        if len(items) > MAX_OPTIONS:
            self.r.error(
                node, options_path, "too-many-options",
                f"{len(items)} options; Telegram allows at most {MAX_OPTIONS}",
                count=len(items),
            )
            return None
        options = [
            self.text(item, child(options_path, i), unit, limit=POLL_OPTION_LIMIT,
                      what="the option")
            for i, item in enumerate(items)
        ]
        if any(option is None for option in options):
            return None
        result = tuple(option for option in options if option is not None)
        self._check_duplicate_options(items, result, options_path)
        return result

    def _check_duplicate_options(
        self, items: list[Node], options: tuple[LocalizedText, ...], path: str
    ) -> None:
        for language in self.languages:
            seen: dict[str, int] = {}
            for index, option in enumerate(options):
                text = option.get(language, self.languages).casefold()
                if text in seen:
                    self.r.error(
                        items[index], child(path, index), "duplicate",
                        f"the same as option {seen[text] + 1}", option=index + 1,
                    )
                    return
                seen[text] = index

    def _correct(
        self, node: Node, path: str, options: tuple[LocalizedText, ...]
    ) -> int | None:
        if not isinstance(node, ScalarNode):
            self.r.wrong_type(node, path, "the number of the right option")
            return None
        value = node.value.strip()
        if value.lstrip("+-").isdigit():
            number = int(value)
            if not 1 <= number <= len(options):
                self.r.error(
                    node, path, "correct-out-of-range",
                    f"correct answer {number} is out of range: the options are numbered "
                    f"1 to {len(options)}",
                    correct=number, count=len(options),
                )
                return None
            return number - 1
        for index, option in enumerate(options):
            if any(text.casefold() == value.casefold() for text in option.texts()):
                return index
        self.r.error(
            node, path, "correct-not-an-option",
            f"correct answer '{value}' is not one of the options", correct=value,
        )
        return None

    # -- questionnaire and completion --------------------------------------------------------

    def _questionnaire(
        self, node: Node, lessons: list[Lesson | None] | None
    ) -> Questionnaire | None:
        path = "questionnaire"
        unit = ("the questionnaire", path)
        fields = self.r.mapping(node, path, QUESTIONNAIRE_FIELDS, ("items",))
        if fields is None:
            return None
        anonymous = True
        if not is_empty(fields.get("anonymous")):
            read = self.r.boolean(fields["anonymous"], child(path, "anonymous"))
            anonymous = True if read is None else read
        intro = self._opt(
            fields, "intro",
            lambda n, _: self.text(n, child(path, "intro"), unit, html=True, limit=MESSAGE_LIMIT),
        )
        last = next((x for x in reversed(lessons or []) if x is not None), None)
        day = last.day if last else 1
        at = last.time if last else time(10, 0)
        if not is_empty(fields.get("day")):
            day = self.r.integer(fields["day"], child(path, "day"), minimum=1, maximum=MAX_DAY)
        if not is_empty(fields.get("time")):
            at = self.r.clock(fields["time"], child(path, "time"))
        if day is not None and at is not None and last is not None and (day, at) < (
            last.day, last.time
        ):
            self.r.error(
                fields.get("day") or fields.get("time") or node, path, "lesson-out-of-order",
                f"the questionnaire (day {day}, {at:%H:%M}) comes before the last lesson "
                f"(day {last.day}, {last.time:%H:%M})",
            )
            return None
        items = self._items(fields.get("items"), path, unit)
        if items is None or day is None or at is None:
            return None
        return Questionnaire(
            key="Q", day=day, time=at, anonymous=anonymous, items=items, intro=intro
        )

    def _items(
        self, node: Node | None, path: str, unit: tuple[str, str]
    ) -> tuple[QuestionnaireItem, ...] | None:
        if is_empty(node):
            return None
        assert node is not None
        items_path = child(path, "items")
        nodes = self.r.sequence(node, items_path)
        if nodes is None:
            return None
        if not nodes:
            self.r.error(node, items_path, "empty", "the questionnaire needs at least one item")
            return None
        items: list[QuestionnaireItem | None] = []
        ids: dict[str, int] = {}
        for index, item_node in enumerate(nodes):
            item = self._item(item_node, child(items_path, index), index, unit)
            if item is not None and item.id in ids:
                self.r.error(
                    item_node, child(items_path, index), "duplicate-id",
                    f"id '{item.id}' is already used by item {ids[item.id] + 1}", id=item.id,
                )
                item = None
            if item is not None:
                ids[item.id] = index
            items.append(item)
        if any(item is None for item in items):
            return None
        return tuple(item for item in items if item is not None)

    def _item(
        self, node: Node, path: str, index: int, unit: tuple[str, str]
    ) -> QuestionnaireItem | None:
        fields = self.r.mapping(node, path, ITEM_FIELDS, ("kind", "question"))
        if fields is None:
            return None
        item_id = f"q{index + 1}"
        if not is_empty(fields.get("id")):
            read = self.r.string(fields["id"], child(path, "id"))
            if read is not None and not _ITEM_ID.match(read):
                self.r.error(
                    fields["id"], child(path, "id"), "invalid-value",
                    f"'{read}' is not a valid id: use small Latin letters, digits, - and _",
                )
                return None
            item_id = read or item_id
        kind = self._opt(fields, "kind", lambda n, _: self.r.choice(n, child(path, "kind"),
                                                                     QUESTION_KINDS))
        question = self._opt(
            fields, "question",
            lambda n, _: self.text(n, child(path, "question"), unit, limit=POLL_QUESTION_LIMIT,
                                   what="the question"),
        )
        required = True
        if not is_empty(fields.get("required")):
            read_required = self.r.boolean(fields["required"], child(path, "required"))
            required = True if read_required is None else read_required
        options: tuple[LocalizedText, ...] | None = ()
        if kind in {"single", "multiple"}:
            if is_empty(fields.get("options")):
                self.r.error(
                    node, path, "missing-field", f"'options' is required for {kind} questions",
                    field="options",
                )
                return None
            options = self._options(fields["options"], path, unit)
        elif kind is not None and "options" in fields:
            what = "are always 1 to 5" if kind == "scale" else "are answered in words"
            self.r.error(
                fields["options"], child(path, "options"), "unknown-field",
                f"{kind} questions have no options (they {what})", field="options",
            )
            return None
        if kind is None or question is None or options is None:
            return None
        return QuestionnaireItem(
            id=item_id, kind=kind, question=question, options=options,  # type: ignore[arg-type]
            required=required,
        )

    def _completion(
        self,
        node: Node | None,
        lessons: list[Lesson | None] | None,
        questionnaire: Questionnaire | None,
    ) -> Completion | None:
        if is_empty(node):
            return Completion()
        assert node is not None
        path = "completion"
        fields = self.r.mapping(node, path, COMPLETION_FIELDS)
        if fields is None:
            return None
        homework = self._completion_homework(fields.get("homework"), lessons)
        quiz_pass_mark = None
        if not is_empty(fields.get("quiz_pass_mark")):
            quiz_pass_mark = self.r.integer(
                fields["quiz_pass_mark"], child(path, "quiz_pass_mark"), minimum=0, maximum=100
            )
            if quiz_pass_mark is None:
                return None
            parsed = [x for x in lessons or [] if x is not None]
            if lessons and len(parsed) == len(lessons) and not any(x.quiz for x in parsed):
                self.r.warn(
                    fields["quiz_pass_mark"], child(path, "quiz_pass_mark"), "unused",
                    "the course has no quiz, so the pass mark is not used",
                )
        required = False
        if not is_empty(fields.get("questionnaire")):
            read = self.r.boolean(fields["questionnaire"], child(path, "questionnaire"))
            if read is None:
                return None
            required = read
            if required and questionnaire is None:
                self.r.error(
                    fields["questionnaire"], child(path, "questionnaire"), "invalid-reference",
                    "the questionnaire is required, but the course has none",
                )
                return None
        if homework is None:
            return None
        return Completion(homework=homework, quiz_pass_mark=quiz_pass_mark,
                          questionnaire=required)

    def _completion_homework(
        self, node: Node | None, lessons: list[Lesson | None] | None
    ) -> Literal["all"] | tuple[int, ...] | None:
        path = "completion.homework"
        if is_empty(node):
            return "all"
        assert node is not None
        if isinstance(node, ScalarNode) and node.value.strip() == "all":
            return "all"
        items = self.r.sequence(node, path)
        if items is None:
            return None
        numbers: list[int] = []
        for index, item in enumerate(items):
            number = self.r.integer(item, child(path, index), minimum=1)
            if number is None:
                return None
            lesson = lessons[number - 1] if lessons and number <= len(lessons) else None
            if lessons is not None and number > len(lessons):
                self.r.error(
                    item, child(path, index), "invalid-reference",
                    f"there is no lesson {number}; the course has {len(lessons)}",
                )
                return None
            if lesson is not None and lesson.homework is None:
                self.r.error(
                    item, child(path, index), "invalid-reference",
                    f"lesson {number} has no homework",
                )
                return None
            if number not in numbers:
                numbers.append(number)
        return tuple(numbers)

    # -- checks across the course ------------------------------------------------------------

    def _check_reminders(
        self, reminders: tuple[int, ...], lessons: list[Lesson | None] | None
    ) -> None:
        for lesson in lessons or []:
            if lesson is None or lesson.homework is None:
                continue
            deadline = lesson.homework.deadline
            if isinstance(deadline, DeadlineAfter):
                window = float(deadline.hours)
            else:
                release = _Release(lesson.day, lesson.time).minutes
                window = (_Release(deadline.day, deadline.time).minutes - release) / 60
            too_early = [hours for hours in reminders if hours >= window]
            if too_early:
                self.r.warn(
                    None, child(f"lessons[{lesson.number - 1}]", "homework"), "reminder-too-early",
                    f"lesson {lesson.number}: the homework is due {window:g} hours after the "
                    f"lesson; the reminder {too_early[0]} hours before the deadline would come "
                    "before the lesson itself and will not be sent",
                )

    def _language_warnings(self) -> None:
        """One warning per part of the course and language that lacks its own text."""
        extra: set[str] = set()
        for language in self.languages:
            missing: dict[tuple[str, str], list[_Seen]] = {}
            for seen in self.seen:
                if not seen.text.has(language):
                    missing.setdefault((seen.unit, seen.unit_path), []).append(seen)
            fallback = next((x for x in self.languages if x != language), None)
            for (unit, unit_path), entries in missing.items():
                names = ", ".join(_relative(entry.path, unit_path) for entry in entries)
                instead = f"; learners get {LANGUAGE_NAMES[fallback]} there" if fallback else ""
                self.r.warn(
                    entries[0].node, unit_path, "missing-translation",
                    f"{unit} has no {LANGUAGE_NAMES[language]} text ({names}){instead}",
                    language=language, unit=unit, fields=names,
                )
        for seen in self.seen:
            for language in seen.text.by_language:
                if language not in self.languages and language not in extra:
                    extra.add(language)
                    self.r.warn(
                        seen.node, seen.path, "extra-language",
                        f"there is {LANGUAGE_NAMES[language]} text, but '{language}' is not in "
                        f"languages ({', '.join(self.languages)})",
                        language=language,
                    )


def _relative(path: str, unit_path: str) -> str:
    if unit_path and path.startswith(unit_path + "."):
        return path[len(unit_path) + 1:]
    return path


def _line_offset(node: ScalarNode, value: str, offset: int) -> int:
    """Lines from the node's start to ``offset`` in its value, where that can be known.

    In a literal block (``|``) every line of the value is a line of the file, starting on the
    line after the ``|``; in other styles YAML folds lines, so we point at the start.
    """
    if node.style == "|":
        return 1 + value[:offset].count("\n")
    return 0


__all__ = ["LoadResult", "load_course", "load_course_folder"]
