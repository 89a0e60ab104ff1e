"""A delivery row as the messages a learner gets, in their language.

Course texts come from the course (the learner's language, else the course's fallback order);
the bot's own words (deadline lines, reminders, button labels) from ``locales/*/delivery.ftl``.
A lesson is its materials in order, one message each, with two savings for weak connections:
a lesson text that fits in a caption travels with the file next to it as one message, and links
become buttons under the lesson's last message, beside "send this lesson again".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.broadcasts.model import BroadcastContent
from bot.certificates.model import CertificateFile
from bot.courses.model import SUPPORTED_LANGUAGES, Course, FileMaterial, Homework, Lesson, LinkMaterial, TextMaterial
from bot.courses.schedule import homework_deadline
from bot.delivery.model import (
    BROADCAST,
    CERTIFICATE,
    COMPLETION,
    HOMEWORK,
    HOMEWORK_RESULT,
    LESSON,
    QUESTIONNAIRE,
    QUESTIONNAIRE_REMINDER,
    REMINDER,
    REVIEW_DIGEST,
    REVIEW_POST,
    DueDelivery,
)
from bot.delivery.outgoing import Button, KnownFile, OutFile, OutMessage
from bot.delivery.plan import calendar_start
from bot.homework.model import ACCEPTED, DigestNotice, ResultNotice, ReviewPost
from bot.homework.render import group_post_messages
from bot.i18n import Localizer, Translator
from bot.quizzes import render as quiz_render
from bot.text.telegram_html import parse_html, telegram_length

MAX_CAPTION = 1024
MAX_TEXT = 4096
AGAIN_PREFIX = "dlv:again:"  # handlers/delivery.py: DeliveryCb(action="again", delivery_id=...)
HAND_IN_PREFIX = "hw:open:"  # bot/telegram/callbacks.py: HomeworkCb(action="open", cohort_id=..., lesson=...)
REVIEW_PREFIX = "rv:cohort:"  # bot/telegram/callbacks.py: ReviewCb(action="cohort", cohort_id=...)
FILL_IN_PREFIX = "sv:open:q:"  # handlers/surveys.py: SurveyCb(action="open", form="q", cohort_id=...)


def again_callback(delivery_id: int) -> str:
    return f"{AGAIN_PREFIX}{delivery_id}"


def hand_in_callback(cohort_id: int, lesson: int) -> str:
    return f"{HAND_IN_PREFIX}{cohort_id}:{lesson}"


def review_callback(cohort_id: int) -> str:
    return f"{REVIEW_PREFIX}{cohort_id}:0:0"


def fill_in_callback(cohort_id: int) -> str:
    """The questionnaire's Fill in button: opens it, or goes on where the person stopped."""
    return f"{FILL_IN_PREFIX}{cohort_id}:0:0"


def plain_length(html: str) -> int:
    """Length as Telegram counts it, after the tags are taken out."""
    return telegram_length(parse_html(html).plain_text.strip())


def local_moment(moment: datetime, tz: ZoneInfo) -> str:
    """Digits read the same in kk, ru and en: 17.04.2026 09:00 (the cohort's local time)."""
    return f"{moment.astimezone(tz):%d.%m.%Y %H:%M}"


@dataclass(frozen=True)
class RenderContext:
    course: Course
    files_dir: Path
    translator: Translator
    detail: object | None = None  # what the row's kind needs besides the course (DeliveryService.details)

    def language(self, row: DueDelivery) -> str:
        if row.language in SUPPORTED_LANGUAGES:
            return row.language
        return self.translator.default_locale


def render(row: DueDelivery, ctx: RenderContext) -> tuple[OutMessage, ...]:
    """The messages of ``row``. Raises LookupError if the course has no such item."""
    language = ctx.language(row)
    tz = ZoneInfo(row.timezone)
    course = ctx.course
    if row.kind == LESSON:
        return lesson_messages(_lesson(course, row.item_key), row.id, language, ctx, row.cohort_id)
    if row.kind in (HOMEWORK, REMINDER):
        lesson = _lesson(course, row.item_key.split(".", 1)[0])
        if lesson.homework is None:
            raise LookupError(f"{row.item_key}: the lesson has no homework")
        start = calendar_start(row.start_date, row.shift_days)
        due = homework_deadline(start, lesson, lesson.homework, tz)
        if row.kind == HOMEWORK:
            hand_in = Button(
                ctx.translator.get(language, "homework-button-hand-in"),
                callback_data=hand_in_callback(row.cohort_id, lesson.number),
            )
            return homework_messages(lesson.homework, due, language, ctx, tz, hand_in)
        text = ctx.translator.get(
            language,
            "delivery-reminder",
            lesson=lesson.number,
            title=escape(course.text(lesson.title, language)),
            deadline=local_moment(due, tz),
        )
        return (OutMessage(text),)
    if row.kind in (QUESTIONNAIRE, QUESTIONNAIRE_REMINDER):
        questionnaire = course.questionnaire
        if questionnaire is None:
            raise LookupError("the course has no questionnaire")
        title = escape(course.text(course.title, language))
        fill_in = (
            (
                Button(
                    ctx.translator.get(language, "surveys-button-fill-in"),
                    callback_data=fill_in_callback(row.cohort_id),
                ),
            ),
        )
        if row.kind == QUESTIONNAIRE_REMINDER:
            text = ctx.translator.get(language, "delivery-questionnaire-reminder", course=title)
            return (OutMessage(text, buttons=fill_in),)
        text = ctx.translator.get(language, "delivery-questionnaire-invite", course=title)
        if questionnaire.anonymous:
            text += "\n" + ctx.translator.get(language, "delivery-questionnaire-anonymous")
        if questionnaire.intro is not None:
            intro = course.text(questionnaire.intro, language)
            if plain_length(f"{text}\n\n{intro}") <= MAX_TEXT:
                text += "\n\n" + intro
            else:
                return (OutMessage(text), OutMessage(intro, buttons=fill_in))
        return (OutMessage(text, buttons=fill_in),)
    if row.kind == BROADCAST:
        if not isinstance(ctx.detail, BroadcastContent):
            raise LookupError(f"{row.item_key}: the broadcast is not there")
        return (ctx.detail.message(),)
    if row.kind == HOMEWORK_RESULT:
        if not isinstance(ctx.detail, ResultNotice):
            raise LookupError(f"{row.item_key}: the decision {row.variant} is not there")
        lesson = _lesson(course, row.item_key.split(".", 1)[0])
        return result_messages(ctx.detail, lesson, language, ctx)
    if row.kind == REVIEW_DIGEST:
        if not isinstance(ctx.detail, DigestNotice):
            raise LookupError(f"the cohort of digest {row.id} is gone")
        return digest_messages(ctx.detail, language, ctx)
    if row.kind == REVIEW_POST:
        if not isinstance(ctx.detail, ReviewPost):
            raise LookupError(f"the submission of {row.variant} is not there")
        group_language = ctx.detail.language if ctx.detail.language in SUPPORTED_LANGUAGES else language
        return group_post_messages(Localizer(ctx.translator, group_language or language), ctx.detail)
    if row.kind == COMPLETION:
        # bot/completion: she met every completion rule (written with the completion, once).
        hours = f"{course.hours:g}"
        text = ctx.translator.get(
            language, "completion-told", course=escape(course.text(course.title, language)), hours=hours
        )
        return (OutMessage(text),)
    if row.kind == CERTIFICATE:
        if not isinstance(ctx.detail, CertificateFile):
            raise LookupError(f"the certificate {row.item_key} is not there")
        pdf = ctx.detail
        return (OutMessage(pdf.caption, OutFile(pdf.path, pdf.name, pdf.sha256, "document")),)
    raise LookupError(f"unknown delivery kind {row.kind!r}")


def _lesson(course: Course, key: str) -> Lesson:
    for lesson in course.lessons:
        if lesson.key == key:
            return lesson
    raise LookupError(f"the course has no lesson {key}")


def lesson_messages(
    lesson: Lesson, delivery_id: int, language: str, ctx: RenderContext, cohort_id: int | None = None
) -> tuple[OutMessage, ...]:
    course = ctx.course
    parts: list[OutMessage] = []
    links: list[Button] = []
    first_text: int | None = None
    first_file: int | None = None
    for material in lesson.materials:
        if isinstance(material, TextMaterial):
            if first_text is None:
                first_text = len(parts)
            parts.append(OutMessage(course.text(material.text, language)))
        elif isinstance(material, FileMaterial):
            ref = material.file_for(language, course.languages)
            if first_file is None:
                first_file = len(parts)
            caption = course.text(material.caption, language) if material.caption else ""
            parts.append(OutMessage(caption, OutFile(ctx.files_dir / ref.stored_name, ref.name, ref.sha256, ref.kind)))
        elif isinstance(material, LinkMaterial):
            links.append(Button(course.text(material.label, language), url=material.url))
    if first_text is not None and first_file is not None and abs(first_text - first_file) == 1:
        parts = _merge_caption(parts, first_text, first_file)
    if not parts:
        title = escape(course.text(lesson.title, language))
        parts.append(OutMessage(ctx.translator.get(language, "delivery-lesson-heading", title=title)))
    again = Button(ctx.translator.get(language, "delivery-button-again"), callback_data=again_callback(delivery_id))
    keyboard = (*((link,) for link in links), (again,))
    last = parts[-1]
    parts[-1] = OutMessage(last.text, last.file, keyboard)
    if lesson.quiz is not None and cohort_id is not None:
        # The lesson's quiz comes last, as a card with ▶️ Start (bot.quizzes takes it from there).
        parts.append(quiz_render.card(course, lesson, language, ctx.translator, cohort_id))
    return tuple(parts)


def _merge_caption(parts: list[OutMessage], text_at: int, file_at: int) -> list[OutMessage]:
    """The text goes as the file's caption when both fit in one (the text first if it was)."""
    text, file = parts[text_at].text, parts[file_at]
    pieces = [text, file.text] if text_at < file_at else [file.text, text]
    caption = "\n\n".join(piece for piece in pieces if piece.strip())
    if plain_length(caption) > MAX_CAPTION:
        return parts
    merged = OutMessage(caption, file.file)
    first = min(text_at, file_at)
    return [*parts[:first], merged, *parts[first + 2 :]]


def homework_messages(
    homework: Homework, due: datetime, language: str, ctx: RenderContext, tz: ZoneInfo, hand_in: Button | None = None
) -> tuple[OutMessage, ...]:
    """The task, its deadline and what may be sent; the "Hand in" button under its last message."""
    tr = ctx.translator
    prompt = ctx.course.text(homework.prompt, language)
    kinds = ", ".join(tr.get(language, f"delivery-accepts-{kind}") for kind in homework.accepts)
    footer = "\n".join(
        (
            tr.get(language, "delivery-homework-deadline", deadline=local_moment(due, tz)),
            tr.get(language, "delivery-homework-accepts", kinds=kinds),
        )
    )
    text = f"{prompt.rstrip()}\n\n{footer}"
    buttons = ((hand_in,),) if hand_in is not None else ()
    if plain_length(text) <= MAX_TEXT:
        return (OutMessage(text, buttons=buttons),)
    return (OutMessage(prompt), OutMessage(footer, buttons=buttons))


def result_messages(notice: ResultNotice, lesson: Lesson, language: str, ctx: RenderContext) -> tuple[OutMessage, ...]:
    """A curator's decision, in the learner's words: the result, the score, the comment; a voice
    comment follows as its own message; returned work gets the button to hand in again."""
    tr = ctx.translator
    review = notice.review
    title = escape(ctx.course.text(lesson.title, language))
    accepted = review.decision == ACCEPTED
    lines = [
        tr.get(language, "homework-result-accepted" if accepted else "homework-result-returned", lesson=lesson.number,
               title=title)
    ]  # fmt: skip
    if review.score is not None and notice.max_score is not None:
        lines.append(tr.get(language, "homework-result-score", score=review.score, max=notice.max_score))
    if review.comment:
        lines.append(tr.get(language, "homework-result-comment", comment=escape(review.comment)))
    if review.comment_voice_file_id:
        lines.append(tr.get(language, "homework-result-voice"))
    buttons: tuple[tuple[Button, ...], ...] = ()
    if not accepted:
        lines.append(tr.get(language, "homework-result-again"))
        label = tr.get(language, "homework-button-hand-in-again")
        buttons = ((Button(label, callback_data=hand_in_callback(notice.submission.cohort_id, lesson.number)),),)
    text = "\n\n".join(lines)
    if review.comment_voice_file_id:
        voice = OutMessage("", known=KnownFile("voice", review.comment_voice_file_id), buttons=buttons)
        return (OutMessage(text), voice)
    return (OutMessage(text, buttons=buttons),)


def digest_messages(notice: DigestNotice, language: str, ctx: RenderContext) -> tuple[OutMessage, ...]:
    """The curator's daily digest; nothing at all if the work was reviewed since it was planned."""
    if notice.count == 0 or notice.oldest is None:
        return ()
    tr = ctx.translator
    text = tr.get(
        language,
        "review-digest",
        cohort=escape(notice.cohort_name),
        count=notice.count,
        hours=notice.hours,
        since=local_moment(notice.oldest, ZoneInfo(notice.timezone)),
    )
    button = Button(tr.get(language, "review-button-open"), callback_data=review_callback(notice.cohort_id))
    return (OutMessage(text, buttons=((button,),)),)
