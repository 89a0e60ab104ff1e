"""A quiz as the messages a learner gets, in their language: the card, the questions as quiz
polls, the result, the reminder.

Course texts (questions, options, explanations) come from the course in the learner's language,
else the course's fallback order; the bot's own words from ``locales/*/quizzes.ftl``. Buttons
carry callback data as plain strings in the shape of ``bot.telegram.callbacks.QuizCb``
(``quiz:<action>:<cohort id>:<lesson number>``), so the domain needs no aiogram.
"""

from __future__ import annotations

from html import escape

from bot.courses.model import Course, Lesson, Quiz
from bot.delivery.outgoing import Button, OutMessage, OutPoll
from bot.i18n import Translator
from bot.quizzes.model import Attempt, QuizResult
from bot.text.telegram_html import telegram_length

POLL_QUESTION_LIMIT = 300
MAX_TEXT = 4096
START, CONTINUE = "start", "continue"


def quiz_callback(action: str, cohort_id: int, lesson: int) -> str:
    """``QuizCb(action=..., cohort_id=..., lesson=...).pack()``, without aiogram."""
    return f"quiz:{action}:{cohort_id}:{lesson}"


def lesson_of(course: Course, quiz_key: str) -> Lesson:
    for lesson in course.lessons:
        if lesson.quiz is not None and lesson.quiz.key == quiz_key:
            return lesson
    raise LookupError(f"the course has no quiz {quiz_key}")


def quiz_of(course: Course, quiz_key: str) -> Quiz:
    quiz = lesson_of(course, quiz_key).quiz
    assert quiz is not None
    return quiz


def card(course: Course, lesson: Lesson, language: str, tr: Translator, cohort_id: int) -> OutMessage:
    """ "Quiz for lesson 3: 6 questions, pass mark 60 %" with ▶️ Start, sent with the lesson."""
    quiz = lesson.quiz
    assert quiz is not None
    text = tr.get(
        language,
        "quiz-card",
        lesson=lesson.number,
        title=escape(course.text(lesson.title, language), quote=False),
        count=len(quiz.questions),
        mark=quiz.pass_mark,
        attempts=quiz.attempts,
    )
    start = Button(tr.get(language, "quiz-button-start"), callback_data=quiz_callback(START, cohort_id, lesson.number))
    return OutMessage(text, buttons=((start,),))


def question_poll(course: Course, quiz: Quiz, attempt: Attempt, question: int, language: str) -> OutMessage:
    """One question as a quiz poll, its options in the attempt's order."""
    item = quiz.questions[question]
    text = course.text(item.question, language)
    numbered = f"{question + 1}/{len(quiz.questions)}. {text}"
    if telegram_length(numbered) <= POLL_QUESTION_LIMIT:
        text = numbered
    order = attempt.option_order[question]
    options = tuple(course.text(item.options[option], language) for option in order)
    explanation = course.text(item.explanation, language) if item.explanation is not None else None
    poll = OutPoll(text, options, correct=order.index(item.correct), explanation=explanation or None)
    return OutMessage("", poll=poll)


def result_messages(course: Course, result: QuizResult, language: str, tr: Translator) -> tuple[OutMessage, ...]:
    """The score, passed or not, each wrong answer with the right one and its explanation, and
    the attempts left: one message (more only if it would pass Telegram's 4096 characters)."""
    attempt = result.attempt
    lesson = lesson_of(course, attempt.quiz_key)
    quiz = lesson.quiz
    assert quiz is not None
    head = [
        tr.get(
            language,
            "quiz-result-heading",
            lesson=lesson.number,
            title=escape(course.text(lesson.title, language), quote=False),
            right=result.right,
            total=result.total,
            percent=result.percent,
        ),
        tr.get(language, "quiz-result-passed" if result.passed else "quiz-result-failed", mark=result.pass_mark),
    ]
    blocks: list[str] = []
    for wrong in result.wrong:
        item = quiz.questions[wrong.question]
        block = tr.get(
            language,
            "quiz-result-wrong",
            number=wrong.question + 1,
            question=escape(course.text(item.question, language), quote=False),
            answer=escape(course.text(item.options[wrong.correct], language), quote=False),
        )
        if item.explanation is not None:
            block += "\n💡 " + course.text(item.explanation, language)
        blocks.append(block)
    tail = [tr.get(language, "quiz-result-attempts-left", left=result.attempts_left)]
    if result.attempt.number > 1:
        tail.insert(0, tr.get(language, "quiz-result-best", best=result.best_right, total=result.total))
    buttons: tuple[tuple[Button, ...], ...] = ()
    if result.attempts_left > 0:
        label = tr.get(language, "quiz-button-retake")
        buttons = ((Button(label, callback_data=quiz_callback(START, attempt.cohort_id, lesson.number)),),)
    parts = ["\n".join(head)]
    if blocks:
        parts.append(tr.get(language, "quiz-result-wrong-heading") + "\n\n" + "\n\n".join(blocks))
    parts.append("\n".join(tail))
    return _pack(parts, buttons)


def reminder_message(course: Course, attempt: Attempt, answered: int, language: str, tr: Translator) -> OutMessage:
    lesson = lesson_of(course, attempt.quiz_key)
    text = tr.get(
        language,
        "quiz-reminder",
        lesson=lesson.number,
        title=escape(course.text(lesson.title, language), quote=False),
        left=attempt.questions - answered,
        total=attempt.questions,
    )
    label = tr.get(language, "quiz-button-continue")
    button = Button(label, callback_data=quiz_callback(CONTINUE, attempt.cohort_id, lesson.number))
    return OutMessage(text, buttons=((button,),))


def _pack(parts: list[str], buttons: tuple[tuple[Button, ...], ...]) -> tuple[OutMessage, ...]:
    """Join the parts into as few messages as fit; the buttons go under the last."""
    messages: list[str] = []
    for part in parts:
        pieces = [part] if telegram_length(part) <= MAX_TEXT else part.split("\n\n")
        for piece in pieces:
            if messages and telegram_length(messages[-1] + "\n\n" + piece) <= MAX_TEXT:
                messages[-1] += "\n\n" + piece
            else:
                messages.append(piece)
    out = [OutMessage(text) for text in messages]
    out[-1] = OutMessage(out[-1].text, buttons=buttons)
    return tuple(out)
