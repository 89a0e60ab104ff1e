"""One self-contained HTML page showing a course as a learner will see it in Telegram.

Organizers check a course before enrolling forty colleagues: every lesson in order, with the
date and time it arrives for a given start, the messages as chat bubbles (with Telegram's
formatting), files as cards, quizzes as poll cards, homework with its deadline, the
questionnaire with its buttons. The page needs nothing from the network.

This module lays the chat out as a list of events (a day, a lesson's chip, a message...); the
Jinja2 template ``templates/preview.html.j2`` draws them with autoescape on, so every value is
escaped there. Course text is Telegram HTML: :func:`telegram_to_html` rebuilds it tag by tag
from the validated tokens and hands it over as ``Markup``, so nothing in a course can inject
markup or script into the page.
"""

from __future__ import annotations

import base64
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from bot.courses.model import (
    Course,
    FileMaterial,
    FileRef,
    Homework,
    Lesson,
    LinkMaterial,
    LocalizedText,
    Questionnaire,
    Quiz,
    SelfAssessment,
    TextMaterial,
)
from bot.courses.schedule import homework_deadline, lesson_release, questionnaire_release, reminder_moments
from bot.i18n import Translator
from bot.text.dates import date_label, day_label, file_size_label, moment_label, time_label
from bot.text.telegram_html import CloseTag, OpenTag, TextToken, parse_html

MAX_INLINE_PICTURE = 512 * 1024  # pictures up to this size are shown inside the page

_TAG_MAP = {
    "b": "b",
    "strong": "b",
    "i": "i",
    "em": "i",
    "u": "u",
    "ins": "u",
    "s": "s",
    "strike": "s",
    "del": "s",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "a": "a",
    "tg-spoiler": "span",
    "span": "span",
    "tg-emoji": "span",
    "tg-time": "span",
}
_ICONS = {
    "pdf": "📕",
    "doc": "📝",
    "docx": "📝",
    "odt": "📝",
    "rtf": "📝",
    "txt": "📄",
    "ppt": "📊",
    "pptx": "📊",
    "odp": "📊",
    "xls": "📈",
    "xlsx": "📈",
    "ods": "📈",
    "zip": "🗜️",
    "rar": "🗜️",
}
_KIND_ICONS = {"photo": "🖼️", "video": "🎬", "audio": "🎧", "document": "📄"}
_MIME = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
_ACCEPT_KEYS = {
    "text": "preview-accept-text",
    "photo": "preview-accept-photo",
    "document": "preview-accept-document",
    "video": "preview-accept-video",
    "voice": "preview-accept-voice",
    "link": "preview-accept-link",
}


@cache
def _environment() -> Environment:
    """The template environment: autoescaped, loaded once from the package."""
    return Environment(
        loader=PackageLoader("bot.courses", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )


def telegram_to_html(text: str) -> Markup:
    """Telegram-formatted text as safe HTML: known tags rebuilt, everything else escaped."""
    out: list[str] = []
    tokens = parse_html(text).tokens
    for index, token in enumerate(tokens):
        if isinstance(token, TextToken):
            value = token.text
            # A quote is a block of its own; the line breaks around it would add empty lines.
            before = tokens[index - 1] if index > 0 else None
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            if isinstance(before, CloseTag) and before.name == "blockquote":
                value = value.removeprefix("\n")
            if isinstance(after, OpenTag) and after.name == "blockquote":
                value = value.removesuffix("\n")
            out.append(escape(value))
        elif isinstance(token, OpenTag):
            tag = _TAG_MAP[token.name]
            if tag == "a":
                href = token.attrs.get("href", "")
                safe = href if href.lower().startswith(("http://", "https://", "tg://", "mailto:")) else "#"
                out.append(Markup('<a href="{}" target="_blank" rel="noopener noreferrer">').format(safe))
            elif token.name in {"tg-spoiler", "span"}:
                out.append('<span class="spoiler">')
            else:
                out.append(f"<{tag}>")
        elif isinstance(token, CloseTag):
            out.append(f"</{_TAG_MAP[token.name]}>")
    return Markup("".join(out))


class _Chat:
    """Collects the chat as events for the template, with a day separator whenever the day changes."""

    def __init__(self, course: Course, language: str, root: Path | None, translator: Translator) -> None:
        self.course = course
        self.language = language
        self.root = root
        self.translator = translator
        self.events: list[dict[str, Any]] = []
        self._day: date | None = None

    def t(self, value: LocalizedText | None) -> str:
        return self.course.text(value, self.language)

    def html(self, value: LocalizedText | None) -> Markup | None:
        """Course text (Telegram HTML) as safe HTML, or None."""
        return None if value is None else telegram_to_html(self.t(value))

    def w(self, key: str, **values: Any) -> str:
        """One of the preview's own words (``locales/*/preview.ftl``)."""
        return self.translator.get(self.language, key, **values)

    def when(self, moment: datetime) -> str:
        return moment_label(self.language, moment)

    def stamp(self, moment: datetime) -> dict[str, str]:
        """A message's time, as the bubble shows it."""
        return {"iso": moment.isoformat(), "label": time_label(self.language, moment)}

    def add(self, kind: str, **values: Any) -> None:
        self.events.append({"kind": kind, **values})

    def at(self, moment: datetime) -> None:
        if moment.date() != self._day:
            self._day = moment.date()
            self.add("day", label=day_label(self.language, moment))


def render_preview(
    course: Course,
    *,
    language: str,
    start: date,
    tz: ZoneInfo,
    translator: Translator,
    root: Path | None = None,
) -> str:
    """The whole page. ``root`` (the course folder) lets small pictures show inline."""
    chat = _Chat(course, language, root, translator)
    chat.add("enrolment", label=chat.w("preview-enrolment"))
    chat.add("intro", title=chat.t(course.title), description=chat.html(course.description))
    if course.self_assessment is not None:
        _self_assessment(chat, course.self_assessment, None, chat.w("preview-self-assessment-before"))
    for lesson in course.lessons:
        _lesson(chat, lesson, start, tz)
    if course.questionnaire is not None:
        _questionnaire(chat, course.questionnaire, start, tz)
    _completion(chat)
    _certificate(chat)
    offset = datetime.combine(start, datetime.min.time(), tzinfo=tz).strftime("%z")
    words = {
        name: chat.w(f"preview-{name.replace('_', '-')}")
        for name in ("title", "reader", "start", "time_zone", "hours", "short_title")
    }
    return (
        _environment()
        .get_template("preview.html.j2")
        .render(
            language=language,
            title=course.text(course.title, language),
            code=course.code,
            words=words,
            start=date_label(language, start),
            tz=str(tz),
            offset=chat.w("preview-utc-offset", offset=f"{offset[:3]}:{offset[3:]}"),
            hours=format_decimal(course.hours, "#,##0.##", locale=language),
            short_title=course.button_title(language) if course.short_title is not None else None,
            events=chat.events,
        )
    )


def _lesson(chat: _Chat, lesson: Lesson, start: date, tz: ZoneInfo) -> None:
    released = lesson_release(start, lesson, tz)
    moment = chat.stamp(released)
    chat.at(released)
    chat.add(
        "chip",
        label=chat.w("preview-lesson-of", number=lesson.number, total=len(chat.course.lessons)),
        title=chat.t(lesson.title),
        when=chat.when(released),
    )
    for material in lesson.materials:
        if isinstance(material, TextMaterial):
            chat.add("text", body=chat.html(material.text), moment=moment)
        elif isinstance(material, FileMaterial):
            ref = material.file_for(chat.language, chat.course.languages)
            chat.add("file", moment=moment, caption=chat.html(material.caption), **_file_card(chat, ref))
        elif isinstance(material, LinkMaterial):
            chat.add("link", url=material.url, label=chat.t(material.label), open=chat.w("preview-open"), moment=moment)
    if lesson.quiz is not None:
        _quiz(chat, lesson.quiz, moment)
    if lesson.homework is not None:
        _homework(chat, lesson, lesson.homework, start, tz)


def _file_card(chat: _Chat, ref: FileRef) -> dict[str, Any]:
    picture = None
    if ref.kind == "photo" and chat.root is not None and ref.size <= MAX_INLINE_PICTURE:
        path = chat.root / ref.path
        if path.is_file():
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            picture = f"data:{_MIME.get(ref.extension, 'image/png')};base64,{data}"
    return {
        "picture": picture,
        "icon": _ICONS.get(ref.extension, _KIND_ICONS[ref.kind]),
        "name": ref.name,
        "size": file_size_label(chat.language, ref.size, translator=chat.translator),
        "extension": ref.extension.upper(),
    }


def _quiz(chat: _Chat, quiz: Quiz, moment: dict[str, str]) -> None:
    intro = chat.w("preview-quiz-intro", count=len(quiz.questions), mark=quiz.pass_mark)
    intro += " " + chat.w("preview-quiz-attempts", attempts=quiz.attempts)
    if quiz.shuffle:
        intro += " " + chat.w("preview-quiz-shuffled")
    chat.add("quiz", intro=intro, start=chat.w("preview-start-quiz"), moment=moment)
    for number, question in enumerate(quiz.questions, start=1):
        chat.add(
            "poll",
            moment=moment,
            word=chat.w("preview-poll"),
            number=number,
            total=len(quiz.questions),
            question=chat.t(question.question),
            options=[
                {"text": chat.t(option), "right": index == question.correct}
                for index, option in enumerate(question.options)
            ],
            correct=chat.w("preview-correct"),
            explanation=chat.html(question.explanation),
        )


def _homework(chat: _Chat, lesson: Lesson, homework: Homework, start: date, tz: ZoneInfo) -> None:
    released = lesson_release(start, lesson, tz)
    due = homework_deadline(start, lesson, homework, tz)
    reminders = reminder_moments(start, lesson, homework, chat.course.reminders, tz)
    chat.add(
        "homework",
        moment=chat.stamp(released),
        prompt=chat.html(homework.prompt),
        deadline_word=chat.w("preview-deadline"),
        due={"iso": due.isoformat(), "label": chat.when(due)},
        accepts_word=chat.w("preview-accepts"),
        accepts=", ".join(chat.w(_ACCEPT_KEYS[kind]) for kind in homework.accepts),
        reminders_word=chat.w("preview-reminders"),
        reminders="; ".join(chat.when(moment) for moment in reminders),
        send=chat.w("preview-send-homework"),
        # Only what differs from the default (late work accepted and marked, no score) is shown.
        late_refused=chat.w("preview-late-refused") if homework.refuses_late else None,
        max_score=chat.w("preview-max-score", points=homework.max_score) if homework.max_score else None,
    )


def _questionnaire(chat: _Chat, questionnaire: Questionnaire, start: date, tz: ZoneInfo) -> None:
    released = questionnaire_release(start, questionnaire, tz)
    moment = chat.stamp(released)
    chat.at(released)
    chat.add(
        "questionnaire",
        word=chat.w("preview-questionnaire"),
        privacy=chat.w("preview-anonymous" if questionnaire.anonymous else "preview-named"),
        when=chat.when(released),
    )
    if questionnaire.intro is not None:
        chat.add(
            "questionnaire-intro", body=chat.html(questionnaire.intro), begin=chat.w("preview-begin"), moment=moment
        )
    for number, item in enumerate(questionnaire.items, start=1):
        buttons: list[list[str]] = []
        hint = None
        if item.kind == "scale":
            buttons = [[str(point) for point in range(1, 6)]]
        elif item.kind == "single":
            buttons = [[chat.t(option)] for option in item.options]
        elif item.kind == "multiple":
            hint = chat.w("preview-choose-many")
            buttons = [[f"☐ {chat.t(option)}"] for option in item.options]
            buttons.append([f"✅ {chat.w('preview-done')}"])
        else:
            hint = chat.w("preview-type-answer")
        if not item.required:
            buttons.append([chat.w("preview-skip")])
        chat.add(
            "question",
            moment=moment,
            number=number,
            total=len(questionnaire.items),
            question=chat.t(item.question),
            hint=hint,
            buttons=buttons,
        )
    if chat.course.self_assessment is not None:
        _self_assessment(chat, chat.course.self_assessment, moment, chat.w("preview-self-assessment-after"))


def _self_assessment(chat: _Chat, assessment: SelfAssessment, moment: dict[str, str] | None, when: str) -> None:
    """The statements rated 1 to 5: after joining, and again with the questionnaire."""
    chat.add("questionnaire", word=chat.w("preview-self-assessment"), privacy=chat.w("preview-named"), when=when)
    if moment is None and assessment.intro is not None:
        chat.add("questionnaire-intro", body=chat.html(assessment.intro), begin=chat.w("preview-begin"), moment=moment)
    for number, statement in enumerate(assessment.statements, start=1):
        chat.add(
            "question",
            moment=moment,
            number=number,
            total=len(assessment.statements),
            question=chat.t(statement),
            hint=None,
            buttons=[[str(point) for point in range(1, 6)]],
        )


def _certificate(chat: _Chat) -> None:
    """What the certificate will say about who issues it, and in which language(s)."""
    course = chat.course
    spec = course.certificate
    lines = [chat.w("preview-certificate-hours", hours=course.hours)]
    if spec is not None and spec.languages:
        lines.append(chat.w("preview-certificate-languages", languages=" + ".join(spec.languages)))
    else:
        lines.append(chat.w("preview-certificate-own-language"))
    if spec is not None and spec.organization is not None:
        lines.append(chat.w("preview-certificate-issuer", issuer=chat.t(spec.organization)))
    if spec is not None and spec.signatory is not None:
        who = chat.t(spec.signatory.name)
        if spec.signatory.title is not None:
            who += f", {chat.t(spec.signatory.title)}"
        lines.append(chat.w("preview-certificate-signatory", signatory=who))
    chat.add("completion", word=chat.w("preview-certificate"), needs=lines)


def _completion(chat: _Chat) -> None:
    course = chat.course
    needs = []
    required = set(course.completion.required_homework(course.lessons))
    numbers = [
        str(lesson.number)
        for lesson in course.lessons
        if lesson.homework is not None and lesson.homework.key in required
    ]
    if numbers:
        needs.append(chat.w("preview-need-homework", lessons=", ".join(numbers), count=len(numbers)))
    if course.completion.quiz_pass_mark is not None and course.quizzes:
        needs.append(chat.w("preview-need-quiz", mark=course.completion.quiz_pass_mark))
    if course.completion.questionnaire:
        needs.append(chat.w("preview-need-questionnaire"))
    if needs:
        chat.add("completion", word=chat.w("preview-completion"), needs=needs)
