"""Problems found in a course, with where they are, a stable code and the data to describe them.

An :class:`Issue` holds no prose: its words are the Fluent message ``course-issue-<code>`` in
``locales/<locale>/course_issues.ftl``, rendered with ``args``. :meth:`Issue.render` shows it in
an organizer's language in the chat; :meth:`Issue.format` in English for the command line, from
the same files, so the wording has one source. ``code`` and ``args`` stay the same across
releases: tools may rely on them.

:data:`ISSUE_ARGS` lists every code with the names of its args, and the constructor refuses an
issue that does not match, so a message can never lack a variable it needs. Most args are data
shown as they are (a field name, a file, a number). A few are words, shown through their own
messages (see :data:`WORD_ARGS`): ``language: "kk"`` becomes ``course-language-kk`` ("Kazakh",
"қазақша", "казахский"), and a non-empty ``suggestion`` becomes ``course-did-you-mean``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from fluent.runtime.types import fluent_number

if TYPE_CHECKING:
    from bot.i18n import Translator

Severity = Literal["error", "warning"]
MESSAGE_PREFIX = "course-issue-"

# Every code an issue may have, with the names of its args. Args that pick a variant of the
# message (a Fluent selector) take one of the values listed in the comment.
ISSUE_ARGS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        code: frozenset(names)
        for code, names in {
            # The course cannot be opened at all (course_source, course_format).
            "not-found": (),
            "not-a-course": (),
            "missing-course-yaml": ("where",),  # where: folder | zip
            "zip-unsafe-path": ("name",),
            "zip-link": ("name",),
            "zip-too-big": ("limit_mb",),
            "zip-too-many-files": ("limit",),
            "zip-ambiguous": ("folders",),
            "not-utf8": (),
            # hint: colon | braces | brackets | tabs | star | none
            "yaml-syntax": ("problem", "hint"),
            # Structure and values (course_yaml).
            "unknown-field": ("field", "suggestion"),
            "missing-field": ("field",),
            "duplicate-key": ("field",),
            # expected: a course-expected-* word; got: fields | list | nothing | value
            "wrong-type": ("expected", "got", "value"),
            "empty": (),
            "out-of-range": ("value", "minimum", "maximum", "limits"),  # limits: both | min | max
            "invalid-value": ("value", "choices", "suggestion"),
            "invalid-time": ("value",),
            # The parts of a course (course_format, course_parse_*).
            "invalid-course-code": ("value",),
            "duplicate": ("value",),
            "unknown-language": ("value", "suggestion"),
            "empty-list": ("list",),  # list: lessons | accepts | questions | items | statements
            "no-text": (),
            "text-too-long": ("what", "length", "limit"),  # what: a course-part-* word
            "missing-file": ("file", "suggestion"),
            "file-outside-course": ("file",),
            "empty-file": ("file",),
            "file-too-big": ("file", "size_mb", "limit_mb"),
            "material-kind": ("found", "count"),
            "field-conflict": ("field", "other"),
            "invalid-url": ("url",),
            "lesson-out-of-order": (
                "lesson",
                "day",
                "time",
                "previous",
                "previous_day",
                "previous_time",
            ),
            "deadline-kind": (),
            "deadline-before-release": ("day", "time", "release_day", "release_time"),
            "no-correct-answer": (),
            "correct-out-of-range": ("correct", "count"),
            "correct-not-an-option": ("correct",),
            "too-few-options": ("count", "minimum"),
            "too-many-options": ("count", "maximum"),
            "too-many-statements": ("count", "maximum"),
            "certificate-languages": ("count",),
            "certificate-image": ("file",),
            "duplicate-option": ("option",),
            "questionnaire-too-early": ("day", "time", "last_day", "last_time"),
            "invalid-id": ("value",),
            "duplicate-id": ("id", "item"),
            "options-required": ("kind",),
            "options-not-allowed": ("kind",),  # kind: scale | text
            "no-questionnaire": (),
            "no-such-lesson": ("lesson", "count"),
            "lesson-without-homework": ("lesson",),
            # Telegram's HTML (telegram_html).
            # hint: line-break | empty-line | bold | bullets | numbers | picture | fonts | none
            "html-unsupported-tag": ("tag", "hint"),
            "html-bare-lt": (),
            "html-unclosed": ("tag",),
            "html-closes-nothing": ("tag",),
            "html-wrong-close": ("tag", "open_tag"),
            "html-self-closing": ("tag",),
            "html-bad-attribute": ("tag", "attribute"),
            "html-nested": ("tag", "parent"),
            "html-link-no-href": (),
            "html-link-scheme": ("href",),
            "html-link-in-link": (),
            "html-span-class": (),
            "html-code-class": (),
            "html-time-attribute": ("attribute", "value"),  # attribute: unix | format
            # Warnings.
            # unit: course | lesson | questionnaire (lesson: its number, 0 for the others)
            "missing-translation": ("unit", "lesson", "language", "fields", "fallback"),
            "extra-language": ("language", "languages"),
            "reminder-too-early": ("lesson", "hours", "reminder"),
            "photo-as-document": ("file", "size_mb", "limit_mb"),
            "empty-lesson": ("lesson",),
            "unused": (),
        }.items()
    }
)

# Args whose value is a key of a word rather than something to show as it is:
# arg name -> the prefix of the messages holding the words.
WORD_ARGS: Mapping[str, str] = MappingProxyType(
    {
        "language": "course-language",  # a language code: kk, ru, en
        "fallback": "course-language",
        "expected": "course-expected",  # what a value should be: list, text, whole-number, ...
        "what": "course-part",  # which text is too long: message, caption, question, ...
    }
)
SUGGESTION_MESSAGE = "course-did-you-mean"
WARNING_MESSAGE = "course-issue-warning"


@dataclass(frozen=True)
class Issue:
    file: str  # relative to the course folder, e.g. "course.yaml"
    line: int | None  # 1-based
    column: int | None  # 1-based
    path: str  # where in the course, e.g. "lessons[2].quiz.questions[0]"; "" for the file
    code: str  # stable, one of ISSUE_ARGS, e.g. "unknown-field"
    args: Mapping[str, str | int | float] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        check_args(self.code, self.args)
        if not isinstance(self.args, MappingProxyType):
            object.__setattr__(self, "args", MappingProxyType(dict(self.args)))

    def render(self, translator: Translator, locale: str, severity: Severity = "error") -> str:
        """``course.yaml:12: lessons[2].quiz.questions[0]: <the message in locale>``.

        The file, line and path are references to what the organizer typed and stay as they
        are in every language; a warning says so after the line.
        """
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        prefix = f"{translator.get(locale, WARNING_MESSAGE)}: " if severity == "warning" else ""
        subject = f"{self.path}: " if self.path else ""
        return f"{where}: {prefix}{subject}{self.describe(translator, locale)}"

    def describe(self, translator: Translator, locale: str) -> str:
        """The message alone, in ``locale``."""
        return describe(translator, locale, self.code, self.args)

    def format(self, translator: Translator, severity: Severity = "error") -> str:
        """The issue in English, for the command line: :meth:`render` with ``en``."""
        return self.render(translator, "en", severity)


def check_args(code: str, args: Mapping[str, object]) -> None:
    """Refuse an unknown code, missing or extra args, and values Fluent cannot show."""
    expected = ISSUE_ARGS.get(code)
    if expected is None:
        raise ValueError(f"unknown course issue code {code!r}: add it to ISSUE_ARGS")
    if set(args) != expected:
        raise ValueError(f"{code}: args {sorted(args)}, expected {sorted(expected)}")
    for name, value in args.items():
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise TypeError(f"{code}: {name}={value!r} is not a text or a number")


def describe(translator: Translator, locale: str, code: str, args: Mapping[str, str | int | float]) -> str:
    """The message ``course-issue-<code>`` in ``locale``, with its words in that language too."""
    # Numbers keep their plural forms, but no thousands separator: "4096 characters", as Telegram
    # writes its limits; the decimal separator follows the locale ("57,2 МБ").
    values: dict[str, object] = {
        name: value if isinstance(value, str) else fluent_number(value, useGrouping=False)
        for name, value in args.items()
    }
    for name, prefix in WORD_ARGS.items():
        if name in values:
            values[name] = translator.get(locale, f"{prefix}-{values[name]}")
    if "suggestion" in values:
        suggestion = values["suggestion"]
        values["suggestion"] = translator.get(locale, SUGGESTION_MESSAGE, suggestion=suggestion) if suggestion else ""
    return translator.get(locale, MESSAGE_PREFIX + code, **values)


class CourseSourceError(Exception):
    """The course cannot be opened at all (no such path, an unsafe or oversized zip)."""

    def __init__(self, issue: Issue) -> None:
        # Its words need a translator: whoever shows the error renders ``issue``.
        super().__init__(f"{issue.file}: {issue.code} {dict(issue.args)}")
        self.issue = issue
