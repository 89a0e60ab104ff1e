"""The course as plain, frozen data: what ``course.yaml`` means once it has been validated.

Nothing here knows about YAML, aiogram or the database. The loader
(:mod:`bot.courses.loading`) builds these objects, the codec
(:mod:`bot.courses.codec`) turns them into JSON for storage and back, and the
schedule, delivery and preview code read them.

The codec is a pydantic ``TypeAdapter`` over these dataclasses, so a field added here is stored
without a codec edit. Where the stored JSON is not simply "field name: value", the type says so
through a pydantic hook next to it: a :class:`LocalizedText` is a string or a mapping, a
:data:`Clock` is ``"HH:MM"``, a material carries its ``type``, :class:`DeadlineAfter` is
``hours_after_release``. These shapes are the stored schema 1: changing them changes the hash of
every stored course version.

Stable keys: every lesson, homework, quiz and the questionnaire carries a key ("L3",
"L3.hw", "L3.quiz", "Q") derived from its position, so the rows a later issue plans per
learner per item keep pointing at the same thing when an unchanged course is re-imported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import time
from types import MappingProxyType
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, GetCoreSchemaHandler, PlainSerializer, WrapSerializer
from pydantic_core import CoreSchema, core_schema

Language = Literal["kk", "ru", "en"]
SUPPORTED_LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")

HomeworkKind = Literal["text", "photo", "document", "video", "voice", "link"]
HOMEWORK_KINDS: tuple[str, ...] = ("text", "photo", "document", "video", "voice", "link")
DEFAULT_ACCEPTS: tuple[str, ...] = ("text", "photo", "document")

# What happens to work handed in after the deadline: taken and marked late, or refused.
LatePolicy = Literal["accept", "refuse"]
LATE_POLICIES: tuple[str, ...] = ("accept", "refuse")
MAX_SCORE_LIMIT = 100  # max_score is 1..100

FileKind = Literal["document", "photo", "audio", "video"]
QuestionKind = Literal["scale", "single", "multiple", "text"]
QUESTION_KINDS: tuple[QuestionKind, ...] = ("scale", "single", "multiple", "text")
SCALE_POINTS: tuple[int, ...] = (1, 2, 3, 4, 5)

DEFAULT_REMINDERS: tuple[int, ...] = (24, 2)
DEFAULT_QUIZ_PASS_MARK = 60
DEFAULT_QUIZ_ATTEMPTS = 3
MAX_QUIZ_ATTEMPTS = 20
DEFAULT_LIVE_OPEN_PERIOD = 20  # seconds a live quiz question stays open

# A local time of day, stored as "HH:MM".
Clock = Annotated[time, PlainSerializer(lambda value: f"{value:%H:%M}", when_used="json")]


@dataclass(frozen=True)
class LocalizedText:
    """A text given once for every language (``common``) or per language (``by_language``).

    Both may be set only by the codec's round trip; the loader sets one of them.
    """

    by_language: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    common: str | None = None

    def __post_init__(self) -> None:
        # Freeze the mapping so a shared Course cannot be changed by one of its readers.
        if not isinstance(self.by_language, MappingProxyType):
            object.__setattr__(self, "by_language", MappingProxyType(dict(self.by_language)))

    @classmethod
    def plain(cls, text: str) -> LocalizedText:
        return cls(common=text)

    def has(self, language: str) -> bool:
        """Whether a learner of ``language`` gets text written for them (not a fallback)."""
        return self.common is not None or language in self.by_language

    def get(self, language: str, fallback_order: Iterable[str] = SUPPORTED_LANGUAGES) -> str:
        """The text for ``language``, else the first of ``fallback_order`` that exists."""
        if language in self.by_language:
            return self.by_language[language]
        if self.common is not None:
            return self.common
        for other in fallback_order:
            if other in self.by_language:
                return self.by_language[other]
        # A validated course always has at least one language; be total anyway.
        return next(iter(self.by_language.values()), "")

    def texts(self) -> list[str]:
        """Every variant, for checks that apply to each one (length, HTML)."""
        values = list(self.by_language.values())
        if self.common is not None:
            values.append(self.common)
        return values

    # -- stored form: "text" when one text serves every language, else {"kk": ..., "*": ...}

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._from_stored, serialization=core_schema.plain_serializer_function_ser_schema(cls._to_stored)
        )

    @classmethod
    def _from_stored(cls, data: Any) -> LocalizedText:
        if isinstance(data, LocalizedText):
            return data
        if isinstance(data, str):
            return cls(common=data)
        if isinstance(data, Mapping) and all(isinstance(v, str) for v in data.values()):
            return cls(by_language={k: v for k, v in data.items() if k != "*"}, common=data.get("*"))
        raise ValueError("a localized text is a string or a mapping of language to string")

    def _to_stored(self) -> str | dict[str, str]:
        if self.common is not None and not self.by_language:
            return self.common
        data = dict(self.by_language)
        if self.common is not None:
            data["*"] = self.common
        return data


@dataclass(frozen=True)
class FileRef:
    """A file of the course, as found at load time. ``sha256`` names its stored copy."""

    path: str  # relative to the course folder, with forward slashes
    size: int
    sha256: str
    kind: FileKind

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def extension(self) -> str:
        name = self.name
        return name.rsplit(".", 1)[-1].lower() if "." in name else "bin"

    @property
    def stored_name(self) -> str:
        """The content-addressed file name under the data folder: ``<sha256>.<ext>``."""
        return f"{self.sha256}.{self.extension}"


class _StoredWithType:
    """A material is stored with its kind first: ``{"type": "text", ...}``."""

    stored_type: ClassVar[str]

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        tag = cls.stored_type

        def same_type(data: Any) -> Any:
            if isinstance(data, Mapping) and data.get("type", tag) != tag:
                raise ValueError(f"not a {tag} material")
            return data

        schema = core_schema.no_info_before_validator_function(same_type, handler(source))
        schema["serialization"] = core_schema.wrap_serializer_function_ser_schema(
            lambda value, write: {"type": tag, **write(value)}
        )
        return schema


@dataclass(frozen=True)
class TextMaterial(_StoredWithType):
    """A formatted message (Telegram's HTML subset)."""

    stored_type: ClassVar[str] = "text"

    text: LocalizedText


@dataclass(frozen=True)
class FileMaterial(_StoredWithType):
    """A file to send, maybe a different one per language, with an optional caption."""

    stored_type: ClassVar[str] = "file"

    # language -> file; "*" when one file serves every language. Frozen in __post_init__; pydantic
    # writes a mapping proxy only as the dict it wraps.
    files: Annotated[Mapping[str, FileRef], WrapSerializer(lambda value, write: write(dict(value)))]
    caption: LocalizedText | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.files, MappingProxyType):
            object.__setattr__(self, "files", MappingProxyType(dict(self.files)))

    def file_for(self, language: str, fallback_order: Iterable[str] = SUPPORTED_LANGUAGES) -> FileRef:
        if language in self.files:
            return self.files[language]
        if "*" in self.files:
            return self.files["*"]
        for other in fallback_order:
            if other in self.files:
                return self.files[other]
        return next(iter(self.files.values()))


@dataclass(frozen=True)
class LinkMaterial(_StoredWithType):
    """A web link, shown as a button with ``label``."""

    stored_type: ClassVar[str] = "link"

    url: str
    label: LocalizedText


Material = TextMaterial | FileMaterial | LinkMaterial


@dataclass(frozen=True)
class DeadlineAt:
    """Due on a course day (1 = the cohort's start date) at a local time."""

    day: int
    time: Clock


@dataclass(frozen=True)
class DeadlineAfter:
    """Due a number of hours after the lesson is released."""

    hours: Annotated[int, Field(alias="hours_after_release")]


Deadline = DeadlineAt | DeadlineAfter


@dataclass(frozen=True)
class Homework:
    key: str
    prompt: LocalizedText
    deadline: Deadline
    accepts: tuple[str, ...] = DEFAULT_ACCEPTS
    # Added after stored schema 1: left out of the stored JSON while at their defaults (codec),
    # so courses stored before keep their hash.
    late: LatePolicy = "accept"
    max_score: int | None = None  # 1..100; None: no score, only accept or return

    @property
    def refuses_late(self) -> bool:
        return self.late == "refuse"


@dataclass(frozen=True)
class QuizQuestion:
    question: LocalizedText
    options: tuple[LocalizedText, ...]
    correct: int  # index into options
    explanation: LocalizedText | None = None


@dataclass(frozen=True)
class Quiz:
    key: str
    questions: tuple[QuizQuestion, ...]
    pass_mark: int = DEFAULT_QUIZ_PASS_MARK  # percent of correct answers
    # Added after the first stored versions: left out of the stored form while they keep their
    # default, so the courses stored before keep their hash (tests/test_course_codec.py).
    attempts: Annotated[int, Field(exclude_if=lambda value: value == DEFAULT_QUIZ_ATTEMPTS)] = DEFAULT_QUIZ_ATTEMPTS
    shuffle: Annotated[bool, Field(exclude_if=lambda value: not value)] = False  # options per learner


@dataclass(frozen=True)
class LiveQuiz:
    """A quiz for the whole group at once, run by a host (``live_quizzes:`` in course.yaml)."""

    key: str  # "LQ1", "LQ2" ... by position
    title: LocalizedText
    questions: tuple[QuizQuestion, ...]
    open_period: int = DEFAULT_LIVE_OPEN_PERIOD  # seconds per question (Telegram: 5 to 600)


@dataclass(frozen=True)
class Lesson:
    number: int  # 1-based position
    key: str  # "L<number>"
    day: int  # 1 = the cohort's start date
    time: Clock  # local time of the cohort's time zone
    title: LocalizedText
    materials: tuple[Material, ...] = ()
    homework: Homework | None = None
    quiz: Quiz | None = None


@dataclass(frozen=True)
class QuestionnaireItem:
    id: str  # stable within the course; used as the column name in reports
    kind: QuestionKind
    question: LocalizedText
    options: tuple[LocalizedText, ...] = ()
    required: bool = True


@dataclass(frozen=True)
class Questionnaire:
    key: str  # "Q"
    day: int  # released on this course day ...
    time: Clock  # ... at this local time (defaults: the last lesson's)
    anonymous: bool
    items: tuple[QuestionnaireItem, ...]
    intro: LocalizedText | None = None


@dataclass(frozen=True)
class SelfAssessment:
    """Statements a learner rates from 1 to 5, once after joining and once more with the
    questionnaire ("I can plan a library event for children"). Named, never anonymous."""

    statements: tuple[LocalizedText, ...]
    intro: LocalizedText | None = None

    @staticmethod
    def statement_id(index: int) -> str:
        """The stable id of the statement at ``index`` (0-based): "s1", "s2", ..."""
        return f"s{index + 1}"


@dataclass(frozen=True)
class Completion:
    """What a learner must do to finish the course (and get the certificate)."""

    homework: Literal["all"] | tuple[int, ...] = "all"  # lesson numbers whose homework counts
    quiz_pass_mark: int | None = None  # percent over all quiz questions; None: quizzes optional
    questionnaire: bool = False  # whether the questionnaire must be submitted

    def required_homework(self, lessons: Iterable[Lesson]) -> tuple[str, ...]:
        """Keys of the homework that must be accepted."""
        return tuple(
            lesson.homework.key
            for lesson in lessons
            if lesson.homework is not None and (self.homework == "all" or lesson.number in self.homework)
        )


@dataclass(frozen=True)
class Signatory:
    name: LocalizedText
    title: LocalizedText | None = None


@dataclass(frozen=True)
class CertificateSpec:
    """``certificate:`` in course.yaml: who issues the certificate, and in which languages.

    ``languages`` empty: each learner's own language; two of them: side by side on one page."""

    languages: tuple[str, ...] = ()
    organization: LocalizedText | None = None
    signatory: Signatory | None = None
    logo: FileRef | None = None  # an image of the course folder (PNG or JPEG)
    signature: FileRef | None = None


@dataclass(frozen=True)
class Course:
    code: str
    languages: tuple[str, ...]  # the course's fallback order
    title: LocalizedText
    hours: float
    lessons: tuple[Lesson, ...]
    description: LocalizedText | None = None
    reminders: tuple[int, ...] = DEFAULT_REMINDERS  # hours before a deadline, largest first
    questionnaire: Questionnaire | None = None
    completion: Completion = field(default_factory=Completion)
    # Added after the first stored versions: left out of the stored form while empty.
    live_quizzes: Annotated[tuple[LiveQuiz, ...], Field(exclude_if=lambda value: not value)] = ()
    short_title: LocalizedText | None = None  # for buttons; without it, buttons shorten ``title``
    # Optional and None by default: a course without it keeps the hash of its stored versions.
    self_assessment: SelfAssessment | None = None
    # The same: without a ``certificate:`` block the stored form (and its hash) is unchanged.
    certificate: CertificateSpec | None = None

    def text(self, value: LocalizedText | None, language: str) -> str:
        """Resolve ``value`` for a learner of ``language`` with this course's fallback order."""
        return "" if value is None else value.get(language, self.languages)

    def button_title(self, language: str) -> str:
        """The title to put on a button: the short title of the same language as the full one."""
        if self.short_title is None:
            return self.text(self.title, language)
        if self.title.has(language):
            return self.short_title.get(language) if self.short_title.has(language) else self.text(self.title, language)
        return self.text(self.short_title, language)

    @property
    def homework(self) -> tuple[Homework, ...]:
        return tuple(lesson.homework for lesson in self.lessons if lesson.homework is not None)

    @property
    def quizzes(self) -> tuple[Quiz, ...]:
        return tuple(lesson.quiz for lesson in self.lessons if lesson.quiz is not None)

    def files(self) -> list[FileRef]:
        """Every file the course sends, each once."""
        seen: dict[str, FileRef] = {}
        for lesson in self.lessons:
            for material in lesson.materials:
                if isinstance(material, FileMaterial):
                    for ref in material.files.values():
                        seen.setdefault(ref.path, ref)
        if self.certificate is not None:
            for image in (self.certificate.logo, self.certificate.signature):
                if image is not None:
                    seen.setdefault(image.path, image)
        return list(seen.values())
