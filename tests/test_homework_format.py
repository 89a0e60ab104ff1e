"""``late`` and ``max_score`` in course.yaml: read, checked with line numbers in every language,
shown in the preview, and stored without changing the hash of courses that do not use them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from textwrap import dedent
from zoneinfo import ZoneInfo

import pytest

from bot.courses.codec import content_hash, course_from_json, course_to_json
from bot.courses.loading import LoadResult, load_course
from bot.courses.preview import render_preview
from bot.i18n import Translator

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The homework's fields start on line 10.
COURSE = """\
code: scored-course
languages: [kk, ru]
title: {kk: Курс, ru: Курс}
hours: 2
lessons:
  - day: 1
    time: "10:00"
    title: {kk: Сабақ, ru: Урок}
    homework:
      prompt: {kk: Жазыңыз, ru: Напишите}
      deadline: {day: 2, time: "20:00"}
"""


def check(tmp_path: Path, extra: str) -> LoadResult:
    (tmp_path / "course.yaml").write_text(dedent(COURSE) + extra, encoding="utf-8")
    return load_course(tmp_path)


def test_defaults_accept_late_work_without_a_score(tmp_path: Path) -> None:
    result = check(tmp_path, "")
    assert result.errors == [] and result.course is not None
    homework = result.course.lessons[0].homework
    assert homework is not None and (homework.late, homework.max_score, homework.refuses_late) == (
        "accept",
        None,
        False,
    )


def test_late_refuse_and_a_max_score_are_read(tmp_path: Path) -> None:
    result = check(tmp_path, "      late: refuse\n      max_score: 20\n")
    assert result.errors == [] and result.course is not None
    homework = result.course.lessons[0].homework
    assert homework is not None and homework.refuses_late and homework.max_score == 20
    assert course_from_json(course_to_json(result.course)) == result.course


@pytest.mark.parametrize(
    ("extra", "code", "english", "russian", "kazakh"),
    [
        (
            "      late: refused\n",
            "invalid-value",
            "'refused' is not one of: accept, refuse; did you mean 'refuse'?",
            "refuse",
            "refuse",
        ),
        ("      max_score: 0\n", "out-of-range", "0", "0", "0"),
        ("      max_score: 101\n", "out-of-range", "100", "100", "100"),
        ("      max_score: ten\n", "wrong-type", "whole number", "целое число", "бүтін сан"),
    ],
    ids=["late-misspelt", "score-zero", "score-too-big", "score-not-a-number"],
)
def test_bad_values_are_reported_on_their_line_in_every_language(
    tmp_path: Path, translator: Translator, extra: str, code: str, english: str, russian: str, kazakh: str
) -> None:
    result = check(tmp_path, extra)
    assert result.course is None
    [issue] = result.errors
    assert (issue.line, issue.code) == (12, code)
    assert english in issue.describe(translator, "en")
    assert russian in issue.describe(translator, "ru")
    assert kazakh in issue.describe(translator, "kk")
    assert issue.render(translator, "kk").startswith("course.yaml:12: lessons[0].homework.")


def test_defaults_keep_the_stored_bytes_and_hash_of_existing_courses() -> None:
    for fixture in sorted(FIXTURES.glob("course-*.v1.json")):
        stored = fixture.read_text(encoding="utf-8").strip()
        course = course_from_json(stored)
        assert course_to_json(course) == stored, fixture.name
        assert '"late"' not in stored and '"max_score"' not in stored


def test_late_refuse_and_max_score_change_the_hash(tmp_path: Path) -> None:
    plain = check(tmp_path, "").course
    assert plain is not None
    lesson = plain.lessons[0]
    assert lesson.homework is not None
    refusing = replace(plain, lessons=(replace(lesson, homework=replace(lesson.homework, late="refuse")),))
    scored = replace(plain, lessons=(replace(lesson, homework=replace(lesson.homework, max_score=5)),))
    assert len({content_hash(plain), content_hash(refusing), content_hash(scored)}) == 3
    stored = json.loads(course_to_json(refusing))["lessons"][0]["homework"]
    assert stored["late"] == "refuse" and "max_score" not in stored


@pytest.mark.parametrize(
    ("language", "refused", "score"),
    [
        ("kk", "Мерзімнен кейін жұмыс қабылданбайды", "Баға: 20 ұпайға дейін"),
        ("ru", "После срока работы не принимаются", "Оценка: до 20 баллов"),
        ("en", "After the deadline, work is not accepted", "Scored: up to 20 points"),
    ],
)
def test_the_preview_shows_a_refusing_deadline_and_the_score(
    tmp_path: Path, translator: Translator, language: str, refused: str, score: str
) -> None:
    course = check(tmp_path, "      late: refuse\n      max_score: 20\n").course
    plain = load_course(_plain(tmp_path / "plain")).course
    assert course is not None and plain is not None
    page = render_preview(course, language=language, start=date(2026, 4, 15), tz=ZoneInfo("Asia/Almaty"),
                          translator=translator)  # fmt: skip
    assert refused in page and score in page
    default = render_preview(plain, language=language, start=date(2026, 4, 15), tz=ZoneInfo("Asia/Almaty"),
                             translator=translator)  # fmt: skip
    assert refused not in default and "⛔" not in default and "🏅" not in default


def _plain(folder: Path) -> Path:
    folder.mkdir()
    (folder / "course.yaml").write_text(dedent(COURSE), encoding="utf-8")
    return folder
