"""The quiz's ``attempts`` and ``shuffle`` in course.yaml: defaults, validation with lines, storage."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from textwrap import dedent

import pytest

from bot.courses.codec import content_hash, course_from_json, course_to_json
from bot.courses.loading import LoadResult, load_course
from bot.i18n import Translator
from tests.test_course_codec import FIXTURES, every_variant

COURSE = """\
code: quiz-course
languages: [kk, ru]
title: {kk: Курс, ru: Курс}
hours: 2
lessons:
  - day: 1
    time: "10:00"
    title: {kk: Сабақ, ru: Урок}
    quiz:
      %s
      questions:
        - question: {kk: 'Сұрақ?', ru: 'Вопрос?'}
          options: [{kk: Иә, ru: Да}, {kk: Жоқ, ru: Нет}]
          correct: 1
"""


def load(tmp_path: Path, fields: str) -> LoadResult:
    (tmp_path / "course.yaml").write_text(dedent(COURSE % fields), encoding="utf-8")
    return load_course(tmp_path)


def test_a_quiz_allows_three_attempts_in_a_fixed_order_by_default(tmp_path: Path) -> None:
    result = load(tmp_path, "pass_mark: 60")

    assert not result.errors
    assert result.course is not None
    quiz = result.course.lessons[0].quiz
    assert quiz is not None and (quiz.attempts, quiz.shuffle) == (3, False)


def test_attempts_and_shuffle_are_read(tmp_path: Path) -> None:
    result = load(tmp_path, "attempts: 5\n      shuffle: true")

    assert not result.errors
    assert result.course is not None
    quiz = result.course.lessons[0].quiz
    assert quiz is not None and (quiz.attempts, quiz.shuffle) == (5, True)


@pytest.mark.parametrize(
    ("fields", "path", "words"),
    [
        ("attempts: 0", "lessons[0].quiz.attempts", "0 is out of range: must be between 1 and 20"),
        ("attempts: 21", "lessons[0].quiz.attempts", "21 is out of range: must be between 1 and 20"),
        ("attempts: many", "lessons[0].quiz.attempts", "expected a whole number, got 'many'"),
        ("shuffle: perhaps", "lessons[0].quiz.shuffle", "expected true or false, got 'perhaps'"),
        ("shufle: true", "lessons[0].quiz", "unknown field 'shufle'; did you mean 'shuffle'?"),
    ],
)
def test_bad_attempts_and_shuffle_are_reported_on_their_line(
    tmp_path: Path, translator: Translator, fields: str, path: str, words: str
) -> None:
    result = load(tmp_path, fields)

    assert len(result.errors) == 1
    issue = result.errors[0]
    assert (issue.line, issue.path) == (10, path)
    assert words in issue.format(translator)


def test_the_defaults_leave_stored_courses_and_their_hash_as_they_were() -> None:
    """attempts 3 and shuffle false are not written, so a course stored before reads and writes
    back to the same bytes, and re-importing it creates no new version."""
    stored = (FIXTURES / "course-every-variant.v1.json").read_text(encoding="utf-8")

    assert course_to_json(every_variant()) == stored
    assert content_hash(every_variant()) == hashlib.sha256(stored.encode("utf-8")).hexdigest()


def test_attempts_and_shuffle_other_than_the_defaults_are_stored_and_read_back() -> None:
    course = every_variant()
    lesson = course.lessons[0]
    assert lesson.quiz is not None
    changed = replace(
        course, lessons=(replace(lesson, quiz=replace(lesson.quiz, attempts=1, shuffle=True)), *course.lessons[1:])
    )

    text = course_to_json(changed)

    assert '"attempts":1' in text and '"shuffle":true' in text
    assert course_from_json(text) == changed
    assert content_hash(changed) != content_hash(course)


def test_the_preview_shows_the_attempts_and_the_shuffle(tmp_path: Path, translator: Translator) -> None:
    from datetime import date
    from zoneinfo import ZoneInfo

    from bot.courses.preview import render_preview

    result = load(tmp_path, "attempts: 1\n      shuffle: true")
    assert result.course is not None

    page = render_preview(
        result.course,
        language="en",
        start=date(2026, 4, 15),
        tz=ZoneInfo("Asia/Almaty"),
        root=tmp_path,
        translator=translator,
    )

    assert (
        "Quiz: 1 question. Pass mark: 60%. One attempt. The options come in a different order for each learner." in page
    )
