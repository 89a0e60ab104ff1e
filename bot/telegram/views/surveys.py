"""The screens of the questionnaire and the self-assessment: one item, the check screen, the
thanks with the learner's own before and after, and the invitation to rate oneself."""

from __future__ import annotations

from html import escape
from typing import Literal

from aiogram.types import InlineKeyboardMarkup

from bot.courses.model import Course
from bot.i18n import Localizer
from bot.surveys.model import MAX_TEXT_ANSWER, Answer, BeforeAfter, Form, Step
from bot.surveys.service import Session
from bot.telegram import keyboards
from bot.text.buttons import BUTTON_LIMIT, shorten
from bot.text.dates import decimal_label

CHECK_ANSWER_LIMIT = 200  # characters of a typed answer on the check screen: 8 long ones fit


def form_code(form: Form) -> Literal["q", "b"]:
    return "q" if form is Form.QUESTIONNAIRE else "b"


def step_screen(l10n: Localizer, session: Session) -> tuple[str, InlineKeyboardMarkup]:
    """The item shown, or the check screen after the last one."""
    step = session.step
    if step is None:
        return check_screen(l10n, session)
    course, draft = session.course, session.draft
    language = l10n.locale
    lines = []
    if step.is_statement:
        first = next(i for i, s in enumerate(session.steps) if s.is_statement)
        title = "surveys-before-title" if draft.form is Form.BEFORE else "surveys-after-title"
        lines.append(l10n(title))
        if draft.position == first and draft.form is Form.QUESTIONNAIRE:
            lines.append(l10n("surveys-statement-named"))
        lines.append("")
    lines.append(l10n("surveys-progress", current=draft.position + 1, total=len(session.steps)))
    question = escape(course.text(step.question, language))
    lines.append(question if step.required else f"{question} {l10n('surveys-optional')}")
    chosen = draft.answers.get(step.id)
    options = [course.text(option, language) for option in step.options]
    # Options that fit a button are the buttons; when one does not, the message lists them all
    # in full and the buttons carry their numbers.
    room = BUTTON_LIMIT - 2  # "✅ "
    numbered = any(len(text) > room for text in options)
    if step.is_statement:
        lines.append(f"<i>{l10n('surveys-statement-scale')}</i>")
    elif step.kind in ("single", "multiple"):
        if numbered:
            lines.append("")
            lines.extend(escape(_numbered(i, text)) for i, text in enumerate(options, start=1))
        lines.append("")
        lines.append(f"<i>{l10n('surveys-choose-one' if step.kind == 'single' else 'surveys-choose-any')}</i>")
    elif step.kind == "text":
        lines.append("")
        lines.append(f"<i>{l10n('surveys-type-answer', limit=MAX_TEXT_ANSWER)}</i>")
        if isinstance(chosen, str):
            lines.append(l10n("surveys-your-answer", answer=escape(chosen)))
    labels = [shorten(_numbered(i, text), room) if numbered else text for i, text in enumerate(options, start=1)]
    markup = keyboards.survey_step_keyboard(
        l10n,
        form_code(draft.form),
        draft.cohort_id,
        draft.position,
        step.kind,
        labels,
        chosen,
        optional=not step.required,
    )
    return "\n".join(lines), markup


def answer_text(l10n: Localizer, course: Course, step: Step, answer: Answer) -> str:
    if answer is None or answer == []:
        return l10n("surveys-skipped")
    if isinstance(answer, str):
        return escape(shorten(answer, CHECK_ANSWER_LIMIT))
    if step.kind == "scale":
        return str(answer)
    indexes = answer if isinstance(answer, list) else [answer]
    return "; ".join(escape(course.text(step.options[i], l10n.locale)) for i in indexes if 0 <= i < len(step.options))


def check_screen(l10n: Localizer, session: Session) -> tuple[str, InlineKeyboardMarkup]:
    course, draft = session.course, session.draft
    lines = [l10n("surveys-check-title"), ""]
    for number, step in enumerate(session.steps, start=1):
        question = escape(course.text(step.question, l10n.locale))
        lines.append(f"{number}. {question}\n<b>{answer_text(l10n, course, step, draft.answers.get(step.id))}</b>")
    markup = keyboards.survey_check_keyboard(l10n, form_code(draft.form), draft.cohort_id, draft.position)
    return "\n".join(lines), markup


def sent_text(l10n: Localizer, session: Session, before_after: BeforeAfter | None) -> str:
    if session.draft.form is Form.BEFORE:
        return l10n("surveys-before-sent")
    lines = [l10n("surveys-sent-anonymous" if session.anonymous else "surveys-sent")]
    if before_after is not None:
        lines.append("")
        lines.extend(before_after_lines(l10n, session.course, before_after))
    return "\n".join(lines)


def before_after_lines(l10n: Localizer, course: Course, change: BeforeAfter) -> list[str]:
    """ "You rated yourself 2.4 before and 4.1 now", then each statement: 2 → 4."""

    def mean(value: float | None) -> str:
        return l10n("surveys-not-rated") if value is None else decimal_label(l10n.locale, value)

    def point(value: int | None) -> str:
        return l10n("surveys-not-rated") if value is None else str(value)

    if change.before is None:
        lines = [l10n("surveys-after-only", after=mean(change.after))]
    else:
        lines = [l10n("surveys-before-after", before=mean(change.before), after=mean(change.after))]
    lines.extend(
        l10n(
            "surveys-before-after-line",
            statement=escape(course.text(c.statement, l10n.locale)),
            before=point(c.before),
            after=point(c.after),
        )
        for c in change.changes
    )
    return lines


def before_invite(l10n: Localizer, course: Course, cohort_id: int) -> tuple[str, InlineKeyboardMarkup] | None:
    """Asked right after joining: the self-assessment before, if the course has one."""
    assessment = course.self_assessment
    if assessment is None:
        return None
    text = l10n(
        "surveys-before-invite",
        course=escape(course.text(course.title, l10n.locale)),
        count=len(assessment.statements),
    )
    if assessment.intro is not None:
        text += "\n\n" + course.text(assessment.intro, l10n.locale)
    return text, keyboards.survey_open_keyboard(l10n, "b", cohort_id)


def _numbered(number: int, text: str) -> str:
    """ "3. Work with children"; an option the course already numbered that way keeps its own
    number (not "3. 3. Work with children")."""
    return text if text.startswith((f"{number}. ", f"{number}) ")) else f"{number}. {text}"
