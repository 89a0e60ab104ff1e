"""One self-contained HTML page showing a course as a learner will see it in Telegram.

Organizers check a course before enrolling forty colleagues: every lesson in order, with the
date and time it arrives for a given start, the messages as chat bubbles (with Telegram's
formatting), files as cards, quizzes as poll cards, homework with its deadline, the
questionnaire with its buttons. Every text from the course is escaped; the Telegram formatting
is rebuilt tag by tag from the validated tokens, so nothing in a course can inject markup or
script into the page. The page needs nothing from the network.
"""

from __future__ import annotations

import base64
from datetime import date, datetime
from functools import cache
from html import escape
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

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
def default_translator() -> Translator:
    """The preview's words from ``locales/*/preview.ftl``; strict: a broken message is an error."""
    return Translator(default_locale="en", strict=True)


def telegram_to_html(text: str) -> str:
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
                out.append(f'<a href="{escape(safe)}" target="_blank" rel="noopener noreferrer">')
            elif token.name in {"tg-spoiler", "span"}:
                out.append('<span class="spoiler">')
            else:
                out.append(f"<{tag}>")
        elif isinstance(token, CloseTag):
            out.append(f"</{_TAG_MAP[token.name]}>")
    return "".join(out)


class _Page:
    """Collects the chat as HTML, with a date separator whenever the day changes."""

    def __init__(self, course: Course, language: str, root: Path | None, translator: Translator) -> None:
        self.course = course
        self.language = language
        self.root = root
        self.translator = translator
        self.parts: list[str] = []
        self._day: date | None = None

    def t(self, value: LocalizedText | None) -> str:
        return self.course.text(value, self.language)

    def w(self, key: str, **values: Any) -> str:
        """One of the preview's own words (``locales/*/preview.ftl``)."""
        return self.translator.get(self.language, key, **values)

    def when(self, moment: datetime) -> str:
        return moment_label(self.language, moment)

    def at(self, moment: datetime) -> None:
        if moment.date() != self._day:
            self._day = moment.date()
            label = escape(day_label(self.language, moment))
            self.parts.append(f'<div class="day"><span>{label}</span></div>')

    def chip(self, html: str, cls: str = "chip") -> None:
        self.parts.append(f'<div class="{cls}">{html}</div>')

    def bubble(
        self,
        body: str,
        moment: datetime | None,
        buttons: list[list[str]] | None = None,
        cls: str = "",
    ) -> None:
        stamp = ""
        if moment is not None:
            stamp = f'<time datetime="{moment.isoformat()}">{escape(time_label(self.language, moment))}</time>'
        rows = ""
        for row in buttons or []:
            cells = "".join(f'<span class="btn">{label}</span>' for label in row)
            rows += f'<div class="row">{cells}</div>'
        keyboard = f'<div class="kb">{rows}</div>' if rows else ""
        self.parts.append(
            f'<div class="msg {cls}"><div class="bubble">{body}<div class="meta">{stamp}</div></div>{keyboard}</div>'
        )


def render_preview(
    course: Course,
    *,
    language: str,
    start: date,
    tz: ZoneInfo,
    root: Path | None = None,
    translator: Translator | None = None,
) -> str:
    """The whole page. ``root`` (the course folder) lets small pictures show inline."""
    page = _Page(course, language, root, translator or default_translator())
    page.chip(escape(page.w("preview-enrolment")), "chip muted")
    intro = f"<b>{escape(page.t(course.title))}</b>"
    if course.description is not None:
        intro += "\n\n" + telegram_to_html(page.t(course.description))
    page.bubble(intro, None)
    for lesson in course.lessons:
        _lesson(page, lesson, start, tz)
    if course.questionnaire is not None:
        _questionnaire(page, course.questionnaire, start, tz)
    _completion(page)
    return _document(page, start, tz)


def _lesson(page: _Page, lesson: Lesson, start: date, tz: ZoneInfo) -> None:
    released = lesson_release(start, lesson, tz)
    page.at(released)
    label = page.w("preview-lesson-of", number=lesson.number, total=len(page.course.lessons))
    page.chip(
        f"<b>{escape(label)}</b> · {escape(page.t(lesson.title))}<br><small>{escape(page.when(released))}</small>",
        "chip lesson",
    )
    for material in lesson.materials:
        if isinstance(material, TextMaterial):
            page.bubble(telegram_to_html(page.t(material.text)), released)
        elif isinstance(material, FileMaterial):
            ref = material.file_for(page.language, page.course.languages)
            body = _file_card(page, ref)
            if material.caption is not None:
                body += f'<div class="caption">{telegram_to_html(page.t(material.caption))}</div>'
            page.bubble(body, released, cls="file")
        elif isinstance(material, LinkMaterial):
            label_html = escape(page.t(material.label))
            body = f'🔗 <a href="{escape(material.url)}" target="_blank" rel="noopener noreferrer">'
            body += f"{label_html}</a>"
            page.bubble(body, released, [[f"{escape(page.w('preview-open'))} ↗"]])
    if lesson.quiz is not None:
        _quiz(page, lesson.quiz, released)
    if lesson.homework is not None:
        _homework(page, lesson, lesson.homework, start, tz)


def _file_card(page: _Page, ref: FileRef) -> str:
    icon = _ICONS.get(ref.extension, _KIND_ICONS[ref.kind])
    picture = ""
    if ref.kind == "photo" and page.root is not None and ref.size <= MAX_INLINE_PICTURE:
        path = page.root / ref.path
        if path.is_file():
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            mime = _MIME.get(ref.extension, "image/png")
            picture = f'<img class="picture" alt="{escape(ref.name)}" src="data:{mime};base64,{data}">'
    size = escape(file_size_label(page.language, ref.size, translator=page.translator))
    card = (
        f'<div class="card"><span class="icon">{icon}</span><span class="fileinfo">'
        f'<span class="name">{escape(ref.name)}</span><span class="size">{size} · '
        f"{escape(ref.extension.upper())}</span></span></div>"
    )
    return picture + (card if not picture else "")


def _quiz(page: _Page, quiz: Quiz, released: datetime) -> None:
    intro = escape(page.w("preview-quiz-intro", count=len(quiz.questions), mark=quiz.pass_mark))
    page.bubble(intro, released, [[escape(page.w("preview-start-quiz"))]])
    for number, question in enumerate(quiz.questions, start=1):
        options = []
        for index, option in enumerate(question.options):
            right = index == question.correct
            mark = f' <span class="right">✓ {escape(page.w("preview-correct"))}</span>' if right else ""
            options.append(
                f'<li class="{"ok" if right else ""}"><span class="radio"></span>{escape(page.t(option))}{mark}</li>'
            )
        explanation = ""
        if question.explanation is not None:
            explanation = f'<div class="explain">💡 {telegram_to_html(page.t(question.explanation))}</div>'
        body = (
            f'<div class="poll"><div class="kind">{escape(page.w("preview-poll"))} · {number}/'
            f'{len(quiz.questions)}</div><div class="question">{escape(page.t(question.question))}'
            f"</div><ul>{''.join(options)}</ul>{explanation}</div>"
        )
        page.bubble(body, released, cls="pollmsg")


def _homework(page: _Page, lesson: Lesson, homework: Homework, start: date, tz: ZoneInfo) -> None:
    released = lesson_release(start, lesson, tz)
    due = homework_deadline(start, lesson, homework, tz)
    accepts = ", ".join(page.w(_ACCEPT_KEYS[kind]) for kind in homework.accepts)
    reminders = reminder_moments(start, lesson, homework, page.course.reminders, tz)
    body = telegram_to_html(page.t(homework.prompt))
    body += (
        f'<div class="due">⏰ <b>{escape(page.w("preview-deadline"))}:</b> '
        f'<time datetime="{due.isoformat()}">{escape(page.when(due))}</time>'
        f"<br>📎 {escape(page.w('preview-accepts'))}: {escape(accepts)}"
    )
    if reminders:
        when = "; ".join(page.when(moment) for moment in reminders)
        body += f"<br>🔔 {escape(page.w('preview-reminders'))}: {escape(when)}"
    body += "</div>"
    page.bubble(body, released, [[escape(page.w("preview-send-homework"))]], cls="homework")


def _questionnaire(page: _Page, questionnaire: Questionnaire, start: date, tz: ZoneInfo) -> None:
    released = questionnaire_release(start, questionnaire, tz)
    page.at(released)
    privacy = page.w("preview-anonymous" if questionnaire.anonymous else "preview-named")
    page.chip(
        f"<b>{escape(page.w('preview-questionnaire'))}</b> · {escape(privacy)}"
        f"<br><small>{escape(page.when(released))}</small>",
        "chip lesson",
    )
    if questionnaire.intro is not None:
        page.bubble(telegram_to_html(page.t(questionnaire.intro)), released, [[escape(page.w("preview-begin"))]])
    for number, item in enumerate(questionnaire.items, start=1):
        body = f'<div class="kind">{number}/{len(questionnaire.items)}</div>'
        body += escape(page.t(item.question))
        buttons: list[list[str]] = []
        if item.kind == "scale":
            buttons = [[str(point) for point in range(1, 6)]]
        elif item.kind == "single":
            buttons = [[escape(page.t(option))] for option in item.options]
        elif item.kind == "multiple":
            body += f'<div class="hint">{escape(page.w("preview-choose-many"))}</div>'
            buttons = [[f"☐ {escape(page.t(option))}"] for option in item.options]
            buttons.append([f"✅ {escape(page.w('preview-done'))}"])
        else:
            body += f'<div class="hint">{escape(page.w("preview-type-answer"))}</div>'
        if not item.required:
            buttons.append([escape(page.w("preview-skip"))])
        page.bubble(body, released, buttons)


def _completion(page: _Page) -> None:
    course = page.course
    needs = []
    required = set(course.completion.required_homework(course.lessons))
    numbers = [
        str(lesson.number)
        for lesson in course.lessons
        if lesson.homework is not None and lesson.homework.key in required
    ]
    if numbers:
        needs.append(page.w("preview-need-homework", lessons=", ".join(numbers), count=len(numbers)))
    if course.completion.quiz_pass_mark is not None and course.quizzes:
        needs.append(page.w("preview-need-quiz", mark=course.completion.quiz_pass_mark))
    if course.completion.questionnaire:
        needs.append(page.w("preview-need-questionnaire"))
    if needs:
        items = "".join(f"<li>{escape(need)}</li>" for need in needs)
        page.chip(f"<b>{escape(page.w('preview-completion'))}</b><ul>{items}</ul>", "chip muted left")


def _document(page: _Page, start: date, tz: ZoneInfo) -> str:
    course = page.course
    title = escape(course.text(course.title, page.language))
    offset = datetime.combine(start, datetime.min.time(), tzinfo=tz).strftime("%z")
    offset = page.w("preview-utc-offset", offset=f"{offset[:3]}:{offset[3:]}")
    hours = format_decimal(course.hours, "#,##0.##", locale=page.language)
    facts = [
        f"{escape(page.w('preview-start'))}: <b>{escape(date_label(page.language, start))}</b>",
        f"{escape(page.w('preview-time-zone'))}: <b>{escape(str(tz))}</b> ({escape(offset)})",
        f"{escape(page.w('preview-hours'))}: <b>{escape(hours)}</b>",
    ]
    if course.short_title is not None:
        facts.append(f"{escape(page.w('preview-short-title'))}: <b>{escape(course.button_title(page.language))}</b>")
    return f"""<!DOCTYPE html>
<html lang="{escape(page.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>{title} · {escape(page.w("preview-title"))}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<div class="title">{title}</div>
<div class="sub">{escape(page.w("preview-title"))} · {escape(page.w("preview-reader"))} ·
<code>{escape(course.code)}</code></div>
<div class="facts">{" · ".join(facts)}</div>
</header>
<main class="chat">
{chr(10).join(page.parts)}
</main>
</body>
</html>
"""


_CSS = """
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.4 -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  background: #c9d8c2; color: #111; }
header { position: sticky; top: 0; z-index: 2; background: #517da2; color: #fff; padding: 10px 16px;
  box-shadow: 0 1px 3px rgba(0,0,0,.25); }
header .title { font-weight: 600; font-size: 17px; }
header .sub, header .facts { font-size: 13px; opacity: .9; }
header code { background: rgba(255,255,255,.2); padding: 0 4px; border-radius: 4px; }
.chat { max-width: 620px; margin: 0 auto; padding: 12px 10px 40px; }
.day { text-align: center; margin: 14px 0 8px; }
.day span, .chip { display: inline-block; background: rgba(40,70,40,.45); color: #fff;
  border-radius: 14px; padding: 3px 12px; font-size: 13px; }
.chip { display: block; width: fit-content; max-width: 90%; margin: 10px auto; text-align: center; }
.chip.lesson { background: #3d6e99; padding: 6px 14px; }
.chip.muted { background: rgba(40,70,40,.35); }
.chip.left { text-align: left; }
.chip ul { margin: 4px 0 0; padding-left: 18px; }
.msg { margin: 6px 0; max-width: 88%; }
.bubble { background: #fff; border-radius: 4px 14px 14px 14px; padding: 7px 10px 6px;
  box-shadow: 0 1px 1px rgba(0,0,0,.15); white-space: pre-wrap; overflow-wrap: anywhere; }
.bubble .meta { text-align: right; font-size: 11px; color: #8a9aa8; margin-top: 2px; white-space: normal; }
.bubble a { color: #2a7ab8; }
.bubble blockquote { margin: 4px 0; padding: 2px 8px; border-left: 3px solid #3390ec;
  background: #eef5fc; border-radius: 4px; }
.bubble pre, .bubble code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px;
  background: #f1f3f5; border-radius: 4px; padding: 0 3px; }
.bubble pre { padding: 6px; white-space: pre-wrap; }
.spoiler { background: #9aa4ad; color: transparent; border-radius: 3px; }
.spoiler:hover { color: inherit; background: #e3e7ea; }
.kb { display: flex; flex-direction: column; gap: 3px; margin-top: 3px; }
.kb .row { display: flex; gap: 3px; }
.btn { flex: 1; text-align: center; background: rgba(60,90,60,.42); color: #fff; border-radius: 8px;
  padding: 7px 8px; font-size: 14px; font-weight: 500; }
.card { display: flex; align-items: center; gap: 10px; white-space: normal; }
.card .icon { width: 44px; height: 44px; border-radius: 50%; background: #4fa3e0; display: flex;
  align-items: center; justify-content: center; font-size: 22px; flex: none; }
.card .fileinfo { display: flex; flex-direction: column; min-width: 0; }
.card .name { font-weight: 600; color: #2a7ab8; overflow: hidden; text-overflow: ellipsis; }
.card .size { font-size: 12px; color: #7b8c99; }
.caption { margin-top: 6px; }
.picture { max-width: 100%; border-radius: 8px; display: block; }
.poll { white-space: normal; min-width: 260px; }
.poll .question { font-weight: 600; margin: 2px 0 6px; }
.kind { font-size: 12px; color: #7b8c99; white-space: normal; }
.poll ul { list-style: none; margin: 0; padding: 0; }
.poll li { display: flex; align-items: baseline; gap: 8px; padding: 5px 0; border-top: 1px solid #eef1f3; }
.poll .radio { width: 14px; height: 14px; border: 2px solid #9fb0bd; border-radius: 50%; flex: none;
  position: relative; top: 2px; }
.poll li.ok .radio { border-color: #4caf50; background: #4caf50; }
.poll .right { color: #3c9a40; font-size: 12px; white-space: nowrap; }
.explain { margin-top: 6px; font-size: 13px; background: #fff8e1; border-radius: 6px; padding: 5px 8px; }
.homework .bubble { border-left: 3px solid #f0a030; }
.due { margin-top: 8px; padding-top: 6px; border-top: 1px dashed #dde3e8; font-size: 13px; color: #3d4d5a;
  white-space: normal; }
.hint { font-size: 13px; color: #7b8c99; margin-top: 4px; white-space: normal; }
"""
