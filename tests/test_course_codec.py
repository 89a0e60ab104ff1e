"""The stored course form: old stored JSON still reads, and the same course keeps the same hash.

The fixtures in ``tests/fixtures/`` were written by the hand-written codec this module's code
replaced (commit "tests: fixtures of the stored course JSON ..."). They are the bytes already
sitting in organizers' databases: a codec change that alters them would make every re-import
look like a new version, and one that cannot read them would lose the courses.
"""

from __future__ import annotations

import hashlib
import json
from datetime import time
from pathlib import Path

import pytest

from bot.courses.codec import content_hash, course_from_json, course_to_json
from bot.courses.loading import load_course
from bot.courses.model import (
    Completion,
    Course,
    DeadlineAfter,
    DeadlineAt,
    FileMaterial,
    FileRef,
    Homework,
    Lesson,
    LinkMaterial,
    LocalizedText,
    Questionnaire,
    QuestionnaireItem,
    Quiz,
    QuizQuestion,
    TextMaterial,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "courses" / "sample"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def every_variant() -> Course:
    """A course that uses every shape the stored form has: both text forms, both deadlines, ..."""
    both = LocalizedText(by_language={"kk": "Сәлем", "ru": "Привет"}, common="Hello")
    pdf = FileRef(path="files/a.pdf", size=1234, sha256="a" * 64, kind="document")
    photo = FileRef(path="files/b.png", size=99, sha256="b" * 64, kind="photo")
    return Course(
        code="every-variant",
        languages=("ru", "kk"),
        title=LocalizedText(by_language={"kk": "Курс", "ru": "Курс"}),
        hours=12.5,
        description=None,
        reminders=(48, 3),
        lessons=(
            Lesson(
                number=1,
                key="L1",
                day=1,
                time=time(9, 5),
                title=LocalizedText.plain('<b>One</b> & "two"'),
                materials=(
                    TextMaterial(both),
                    FileMaterial(files={"*": pdf}),
                    FileMaterial(files={"kk": photo, "ru": pdf}, caption=LocalizedText.plain("Қолтаңба")),
                    LinkMaterial(url="https://example.org/?a=1&b=2", label=LocalizedText(by_language={"en": "Go"})),
                ),
                homework=Homework(
                    key="L1.hw",
                    prompt=LocalizedText.plain("Write"),
                    deadline=DeadlineAfter(36),
                    accepts=("text", "voice"),
                ),
                quiz=Quiz(
                    key="L1.quiz",
                    pass_mark=75,
                    questions=(
                        QuizQuestion(
                            question=LocalizedText.plain("2+2?"),
                            options=(LocalizedText.plain("3"), LocalizedText.plain("4")),
                            correct=1,
                        ),
                        QuizQuestion(
                            question=LocalizedText.plain("Why?"),
                            options=(LocalizedText.plain("a"), LocalizedText.plain("b")),
                            correct=0,
                            explanation=both,
                        ),
                    ),
                ),
            ),
            Lesson(
                number=2,
                key="L2",
                day=3,
                time=time(18, 30),
                title=LocalizedText.plain("Two"),
                homework=Homework(key="L2.hw", prompt=both, deadline=DeadlineAt(4, time(23, 59))),
            ),
            Lesson(number=3, key="L3", day=5, time=time(0, 0), title=LocalizedText.plain("Three")),
        ),
        questionnaire=Questionnaire(
            key="Q",
            day=5,
            time=time(12, 0),
            anonymous=True,
            items=(
                QuestionnaireItem(id="q1", kind="scale", question=LocalizedText.plain("How?")),
                QuestionnaireItem(
                    id="q2",
                    kind="single",
                    question=both,
                    options=(LocalizedText.plain("x"), LocalizedText.plain("y")),
                    required=False,
                ),
                QuestionnaireItem(id="q3", kind="text", question=LocalizedText.plain("Say")),
            ),
            intro=LocalizedText.plain("Please"),
        ),
        completion=Completion(homework=(2,), quiz_pass_mark=60, questionnaire=True),
    )


def sample() -> Course:
    course = load_course(SAMPLE).course
    assert course is not None
    return course


COURSES = {"sample": sample, "every-variant": every_variant}


@pytest.mark.parametrize("name", sorted(COURSES))
def test_a_course_round_trips_equal(name: str) -> None:
    course = COURSES[name]()

    assert course_from_json(course_to_json(course)) == course


@pytest.mark.parametrize("name", sorted(COURSES))
def test_json_stored_by_the_first_codec_reads_and_writes_back_to_the_same_bytes(name: str) -> None:
    """So re-importing an unchanged course finds its stored hash and creates no new version."""
    stored = (FIXTURES / f"course-{name}.v1.json").read_text(encoding="utf-8")
    course = course_from_json(stored)

    assert course_to_json(course) == stored
    assert content_hash(course) == hashlib.sha256(stored.encode("utf-8")).hexdigest()


def test_every_variant_is_stored_as_the_first_codec_stored_it() -> None:
    stored = (FIXTURES / "course-every-variant.v1.json").read_text(encoding="utf-8")

    assert course_to_json(every_variant()) == stored
    assert course_from_json(stored) == every_variant()


def test_a_stored_course_of_an_unknown_schema_is_refused() -> None:
    data = json.loads((FIXTURES / "course-every-variant.v1.json").read_text(encoding="utf-8"))
    data["schema"] = 99

    with pytest.raises(ValueError, match="schema"):
        course_from_json(json.dumps(data))


def test_a_material_is_read_as_the_type_it_was_stored_with() -> None:
    data = json.loads((FIXTURES / "course-every-variant.v1.json").read_text(encoding="utf-8"))
    data["lessons"][0]["materials"][0]["type"] = "link"

    with pytest.raises(ValueError, match="link"):
        course_from_json(json.dumps(data))


def test_the_sample_course_is_stored_with_its_self_assessment() -> None:
    """The sample course gained a ``self_assessment:`` block (issue 12): its stored form, and so
    its hash, changed on purpose; this fixture pins the new one. Courses without the block are
    stored as before (the first codec's fixtures above still read and write back byte for byte)."""
    stored = (FIXTURES / "course-sample.v2.json").read_text(encoding="utf-8")
    course = sample()
    assert course.self_assessment is not None and len(course.self_assessment.statements) == 4
    assert course_to_json(course) == stored
    assert content_hash(course) == hashlib.sha256(stored.encode("utf-8")).hexdigest()
    assert "self_assessment" in json.loads(stored)
    assert "self_assessment" not in json.loads(course_to_json(every_variant()))
