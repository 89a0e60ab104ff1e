"""Load and validate a course: a folder (or a zip of it) with ``course.yaml`` and its files.

``load_course(path)`` reads everything, reports every problem it finds (not just the first) with
the file, line and field path, and returns a :class:`~bot.courses.model.Course` only
when there are no errors. Warnings (a lesson without Kazakh text, a reminder that would come too
early) never block an import. The format itself is described in ``docs/course-format.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from yaml.nodes import MappingNode, Node

from bot.courses.issues import CourseSourceError, Issue
from bot.courses.model import (
    DEFAULT_REMINDERS,
    Course,
    DeadlineAfter,
    FileMaterial,
    FileRef,
    Lesson,
    LinkMaterial,
    LocalizedText,
    Material,
    TextMaterial,
)
from bot.courses.parse_certificate import CertificateParser
from bot.courses.parse_texts import (
    CAPTION_LIMIT,
    LABEL_LIMIT,
    MAX_DAY,
    MESSAGE_LIMIT,
    TITLE_LIMIT,
    LessonInfo,
    Release,
    Seen,
    Unit,
)
from bot.courses.source import COURSE_FILE, course_folder
from bot.courses.yaml_nodes import Reader, child, compose, is_empty

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,47}$")
TOP_FIELDS = (
    "code",
    "languages",
    "title",
    "short_title",
    "description",
    "hours",
    "reminders",
    "lessons",
    "questionnaire",
    "completion",
    "live_quizzes",
    "self_assessment",
    "certificate",
)
LESSON_FIELDS = ("day", "time", "title", "materials", "homework", "quiz")
MATERIAL_FIELDS = ("text", "file", "caption", "link", "label")


@dataclass(frozen=True)
class LoadResult:
    """The course if it is valid, and every error and warning found.

    ``root`` is the folder the files were read from. For a zip it was a temporary folder that
    no longer exists; use :func:`~bot.courses.source.course_folder` around
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
        issue = Issue(COURSE_FILE, None, None, "", "missing-course-yaml", {"where": "folder"})
        return LoadResult(None, [issue], [], root)
    raw = yaml_path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        issue = Issue(COURSE_FILE, line, None, "", "not-utf8")
        return LoadResult(None, [issue], [], root)
    node, syntax_error = compose(text, COURSE_FILE)
    if syntax_error is not None:
        return LoadResult(None, [syntax_error], [], root)
    reader = Reader(COURSE_FILE)
    course = None
    if node is None or is_empty(node):
        reader.error(node, "", "empty-file", file=COURSE_FILE)
    else:
        course = _CourseParser(root, reader).parse(node)
    errors = sorted(reader.errors, key=_position)
    warnings = sorted(reader.warnings, key=_position)
    return LoadResult(None if errors else course, errors, warnings, root)


def _position(issue: Issue) -> tuple[int, int]:
    return (issue.line or 0, issue.column or 0)


class _CourseParser(CertificateParser):
    """Builds the course from the node tree; keeps going after errors to find them all."""

    def parse(self, node: Node) -> Course | None:
        r = self.r
        fields = r.mapping(
            node,
            "",
            TOP_FIELDS,
            ("code", "languages", "title", "hours", "lessons"),
            what="course-fields",
        )
        if fields is None:
            return None
        code = self._code(fields.get("code"))
        languages = self._languages(fields.get("languages"))
        if languages:
            self.languages = languages
        unit = Unit("course", "")
        title = self._opt(fields, "title", lambda n, p: self.text(n, p, unit, limit=MESSAGE_LIMIT))
        short_title = self._opt(fields, "short_title", lambda n, p: self.text(n, p, unit, limit=TITLE_LIMIT))
        description = self._opt(
            fields,
            "description",
            lambda n, p: self.text(n, p, unit, html=True, limit=MESSAGE_LIMIT),
        )
        hours = self._opt(fields, "hours", lambda n, p: r.number(n, p, minimum=0.5, maximum=2000))
        reminders = self._reminders(fields.get("reminders"))
        lessons = self._lessons(fields.get("lessons"))
        questionnaire = None
        if not is_empty(fields.get("questionnaire")):
            questionnaire = self._questionnaire(fields["questionnaire"])
        completion = self._completion(fields.get("completion"), questionnaire)
        live_quizzes = self._live_quizzes(fields.get("live_quizzes"))
        self_assessment = None
        if not is_empty(fields.get("self_assessment")):
            self_assessment = self._self_assessment(fields["self_assessment"])
            if self_assessment is None:
                completion = None  # an error was reported: no course
        certificate = None
        if not is_empty(fields.get("certificate")):
            certificate = self._certificate(fields["certificate"])
            if certificate is None:
                completion = None  # an error was reported: no course
        self._check_reminders(reminders, lessons)
        self._language_warnings()
        if None in (code, title, hours) or not languages or lessons is None:
            return None
        if any(lesson is None for lesson in lessons) or completion is None or live_quizzes is None:
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
            short_title=short_title,
            live_quizzes=live_quizzes,
            self_assessment=self_assessment,
            certificate=certificate,
        )

    def _code(self, node: Node | None) -> str | None:
        if is_empty(node):
            return None
        assert node is not None
        code = self.r.string(node, "code")
        if code is not None and not _SLUG.match(code):
            self.r.error(node, "code", "invalid-course-code", value=code)
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
                self.r.error(item, child("languages", index), "duplicate", value=language)
                continue
            found.append(language)
        return tuple(found)

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

    def _lessons(self, node: Node | None) -> list[Lesson | None] | None:
        if is_empty(node):
            return None
        assert node is not None
        items = self.r.sequence(node, "lessons")
        if items is None:
            return None
        if not items:
            self.r.error(node, "lessons", "empty-list", list="lessons")
            return None
        lessons = [self._lesson(item, index) for index, item in enumerate(items)]
        self._check_order()
        return lessons

    def _lesson(self, node: Node, index: int) -> Lesson | None:
        number = index + 1
        path = child("lessons", index)
        unit = Unit("lesson", path, number)
        fields = self.r.mapping(node, path, LESSON_FIELDS, ("day", "time", "title"))
        if fields is None:
            return None
        day = self._opt(
            fields,
            "day",
            lambda n, _: self.r.integer(n, child(path, "day"), minimum=1, maximum=MAX_DAY),
        )
        at = self._opt(fields, "time", lambda n, _: self.r.clock(n, child(path, "time")))
        title = self._opt(fields, "title", lambda n, _: self.text(n, child(path, "title"), unit, limit=TITLE_LIMIT))
        materials = self._materials(fields.get("materials"), child(path, "materials"), unit)
        release = Release(day, at) if day is not None and at is not None else None
        self.lesson_info.append(
            LessonInfo(
                number=number,
                release=release,
                day_node=fields.get("day") or node,
                has_homework=not is_empty(fields.get("homework")),
                has_quiz=not is_empty(fields.get("quiz")),
            )
        )
        homework = None
        if not is_empty(fields.get("homework")):
            homework = self._homework(fields["homework"], child(path, "homework"), unit, release, f"L{number}.hw")
        quiz = None
        if not is_empty(fields.get("quiz")):
            quiz = self._quiz(fields["quiz"], child(path, "quiz"), unit, f"L{number}.quiz")
        if all(is_empty(fields.get(name)) for name in ("materials", "homework", "quiz")):
            self.r.warn(node, path, "empty-lesson", lesson=number)
        if day is None or at is None or title is None or materials is None:
            return None
        if (homework is None and not is_empty(fields.get("homework"))) or (
            quiz is None and not is_empty(fields.get("quiz"))
        ):
            return None  # given but wrong: already reported
        return Lesson(
            number=number,
            key=f"L{number}",
            day=day,
            time=at,
            title=title,
            materials=materials,
            homework=homework,
            quiz=quiz,
        )

    def _check_order(self) -> None:
        """Lessons must not go back in time; checked even for lessons with other errors."""
        previous: LessonInfo | None = None
        for info in self.lesson_info:
            if info.release is None:
                continue
            if (
                previous is not None
                and previous.release is not None
                and (info.release.minutes < previous.release.minutes)
            ):
                now, before = info.release, previous.release
                self.r.error(
                    info.day_node,
                    child("lessons", info.number - 1),
                    "lesson-out-of-order",
                    lesson=info.number,
                    day=now.day,
                    time=f"{now.time:%H:%M}",
                    previous=previous.number,
                    previous_day=before.day,
                    previous_time=f"{before.time:%H:%M}",
                )
            previous = info

    def _materials(self, node: Node | None, path: str, unit: Unit) -> tuple[Material, ...] | None:
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

    def _material(self, node: Node, path: str, unit: Unit) -> Material | None:
        fields = self.r.mapping(node, path, MATERIAL_FIELDS, what="material")
        if fields is None:
            return None
        kinds = [kind for kind in ("text", "file", "link") if kind in fields]
        if len(kinds) != 1:
            self.r.error(node, path, "material-kind", found=", ".join(kinds), count=len(kinds))
            return None
        kind = kinds[0]
        extra = {"text": ("caption", "label"), "file": ("label",), "link": ("caption",)}[kind]
        for name in extra:
            if name in fields:
                self.r.error(fields[name], child(path, name), "field-conflict", field=name, other=kind)
        if kind == "text":
            text = self.text(
                fields["text"],
                child(path, "text"),
                unit,
                html=True,
                limit=MESSAGE_LIMIT,
                what="message",
            )
            return None if text is None else TextMaterial(text)
        if kind == "file":
            return self._file_material(fields, path, unit)
        url = self._url(fields["link"], child(path, "link"))
        label = None
        if is_empty(fields.get("label")):
            self.r.error(node, path, "missing-field", field="label")
        else:
            label = self.text(fields["label"], child(path, "label"), unit, limit=LABEL_LIMIT, what="label")
        if url is None or label is None:
            return None
        return LinkMaterial(url=url, label=label)

    def _file_material(self, fields: dict[str, Node], path: str, unit: Unit) -> FileMaterial | None:
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
                self.seen.append(Seen(unit, file_path, node, names))
        else:
            ref = self.file_ref(node, file_path)
            ok = ref is not None
            if ref is not None:
                files["*"] = ref
        caption = None
        if not is_empty(fields.get("caption")):
            caption = self.text(
                fields["caption"],
                child(path, "caption"),
                unit,
                html=True,
                limit=CAPTION_LIMIT,
                what="caption",
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
        if parts.scheme not in {"http", "https", "tg"} or (parts.scheme != "tg" and not parts.netloc):
            self.r.error(node, path, "invalid-url", url=url)
            return None
        return url

    def _check_reminders(self, reminders: tuple[int, ...], lessons: list[Lesson | None] | None) -> None:
        for lesson in lessons or []:
            if lesson is None or lesson.homework is None:
                continue
            deadline = lesson.homework.deadline
            if isinstance(deadline, DeadlineAfter):
                window = float(deadline.hours)
            else:
                release = Release(lesson.day, lesson.time).minutes
                window = (Release(deadline.day, deadline.time).minutes - release) / 60
            too_early = [hours for hours in reminders if hours >= window]
            if too_early:
                self.r.warn(
                    None,
                    child(f"lessons[{lesson.number - 1}]", "homework"),
                    "reminder-too-early",
                    lesson=lesson.number,
                    hours=int(window) if window.is_integer() else window,
                    reminder=too_early[0],
                )


__all__ = ["LoadResult", "load_course", "load_course_folder"]
