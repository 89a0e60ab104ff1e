"""The normalized course as JSON, for storage: one canonical form and its hash.

What is stored is what was validated, with defaults filled in and each file named by its
SHA-256, so the stored version alone is enough to deliver the course later. The same course
always gives the same JSON (keys sorted, no source paths or timestamps), which makes the hash
a reliable "has anything changed?" check, including changes inside the files.
"""

from __future__ import annotations

import hashlib
import json
from datetime import time
from typing import Any

from bot.courses.model import (
    Completion,
    Course,
    Deadline,
    DeadlineAfter,
    DeadlineAt,
    FileMaterial,
    FileRef,
    Homework,
    Lesson,
    LinkMaterial,
    LocalizedText,
    Material,
    Questionnaire,
    QuestionnaireItem,
    Quiz,
    QuizQuestion,
    TextMaterial,
)

SCHEMA = 1  # bump when the stored form changes; from_dict must keep reading older ones


def course_to_json(course: Course) -> str:
    return json.dumps(course_to_dict(course), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def course_from_json(text: str) -> Course:
    return course_from_dict(json.loads(text))


def content_hash(course: Course) -> str:
    return hashlib.sha256(course_to_json(course).encode("utf-8")).hexdigest()


# -- to plain data ---------------------------------------------------------------------------


def _text(value: LocalizedText | None) -> Any:
    if value is None:
        return None
    if value.common is not None and not value.by_language:
        return value.common
    data = dict(value.by_language)
    if value.common is not None:
        data["*"] = value.common
    return data


def _clock(value: time) -> str:
    return f"{value:%H:%M}"


def _file(ref: FileRef) -> dict[str, Any]:
    return {"path": ref.path, "size": ref.size, "sha256": ref.sha256, "kind": ref.kind}


def _material(material: Material) -> dict[str, Any]:
    if isinstance(material, TextMaterial):
        return {"type": "text", "text": _text(material.text)}
    if isinstance(material, FileMaterial):
        return {
            "type": "file",
            "files": {lang: _file(ref) for lang, ref in material.files.items()},
            "caption": _text(material.caption),
        }
    return {"type": "link", "url": material.url, "label": _text(material.label)}


def _deadline(deadline: Deadline) -> dict[str, Any]:
    if isinstance(deadline, DeadlineAfter):
        return {"hours_after_release": deadline.hours}
    return {"day": deadline.day, "time": _clock(deadline.time)}


def _lesson(lesson: Lesson) -> dict[str, Any]:
    homework = lesson.homework
    quiz = lesson.quiz
    return {
        "number": lesson.number,
        "key": lesson.key,
        "day": lesson.day,
        "time": _clock(lesson.time),
        "title": _text(lesson.title),
        "materials": [_material(m) for m in lesson.materials],
        "homework": None
        if homework is None
        else {
            "key": homework.key,
            "prompt": _text(homework.prompt),
            "deadline": _deadline(homework.deadline),
            "accepts": list(homework.accepts),
        },
        "quiz": None
        if quiz is None
        else {
            "key": quiz.key,
            "pass_mark": quiz.pass_mark,
            "questions": [
                {
                    "question": _text(q.question),
                    "options": [_text(o) for o in q.options],
                    "correct": q.correct,
                    "explanation": _text(q.explanation),
                }
                for q in quiz.questions
            ],
        },
    }


def _questionnaire(questionnaire: Questionnaire | None) -> dict[str, Any] | None:
    if questionnaire is None:
        return None
    return {
        "key": questionnaire.key,
        "day": questionnaire.day,
        "time": _clock(questionnaire.time),
        "anonymous": questionnaire.anonymous,
        "intro": _text(questionnaire.intro),
        "items": [
            {
                "id": item.id,
                "kind": item.kind,
                "question": _text(item.question),
                "options": [_text(o) for o in item.options],
                "required": item.required,
            }
            for item in questionnaire.items
        ],
    }


def course_to_dict(course: Course) -> dict[str, Any]:
    completion = course.completion
    return {
        "schema": SCHEMA,
        "code": course.code,
        "languages": list(course.languages),
        "title": _text(course.title),
        "description": _text(course.description),
        "hours": course.hours,
        "reminders": list(course.reminders),
        "lessons": [_lesson(lesson) for lesson in course.lessons],
        "questionnaire": _questionnaire(course.questionnaire),
        "completion": {
            "homework": completion.homework if completion.homework == "all" else list(completion.homework),
            "quiz_pass_mark": completion.quiz_pass_mark,
            "questionnaire": completion.questionnaire,
        },
    }


# -- back to the model -----------------------------------------------------------------------


def _read_text(data: Any) -> LocalizedText:
    if isinstance(data, str):
        return LocalizedText(common=data)
    by_language = {k: v for k, v in data.items() if k != "*"}
    return LocalizedText(by_language=by_language, common=data.get("*"))


def _read_optional_text(data: Any) -> LocalizedText | None:
    return None if data is None else _read_text(data)


def _read_clock(data: str) -> time:
    return time.fromisoformat(data)


def _read_material(data: dict[str, Any]) -> Material:
    if data["type"] == "text":
        return TextMaterial(_read_text(data["text"]))
    if data["type"] == "file":
        files = {lang: FileRef(**ref) for lang, ref in data["files"].items()}
        return FileMaterial(files=files, caption=_read_optional_text(data.get("caption")))
    return LinkMaterial(url=data["url"], label=_read_text(data["label"]))


def _read_deadline(data: dict[str, Any]) -> Deadline:
    if "hours_after_release" in data:
        return DeadlineAfter(data["hours_after_release"])
    return DeadlineAt(data["day"], _read_clock(data["time"]))


def _read_lesson(data: dict[str, Any]) -> Lesson:
    hw = data.get("homework")
    quiz = data.get("quiz")
    return Lesson(
        number=data["number"],
        key=data["key"],
        day=data["day"],
        time=_read_clock(data["time"]),
        title=_read_text(data["title"]),
        materials=tuple(_read_material(m) for m in data["materials"]),
        homework=None
        if hw is None
        else Homework(
            key=hw["key"],
            prompt=_read_text(hw["prompt"]),
            deadline=_read_deadline(hw["deadline"]),
            accepts=tuple(hw["accepts"]),
        ),
        quiz=None
        if quiz is None
        else Quiz(
            key=quiz["key"],
            pass_mark=quiz["pass_mark"],
            questions=tuple(
                QuizQuestion(
                    question=_read_text(q["question"]),
                    options=tuple(_read_text(o) for o in q["options"]),
                    correct=q["correct"],
                    explanation=_read_optional_text(q.get("explanation")),
                )
                for q in quiz["questions"]
            ),
        ),
    )


def _read_questionnaire(data: dict[str, Any] | None) -> Questionnaire | None:
    if data is None:
        return None
    return Questionnaire(
        key=data["key"],
        day=data["day"],
        time=_read_clock(data["time"]),
        anonymous=data["anonymous"],
        intro=_read_optional_text(data.get("intro")),
        items=tuple(
            QuestionnaireItem(
                id=item["id"],
                kind=item["kind"],
                question=_read_text(item["question"]),
                options=tuple(_read_text(o) for o in item["options"]),
                required=item["required"],
            )
            for item in data["items"]
        ),
    )


def course_from_dict(data: dict[str, Any]) -> Course:
    if data.get("schema") != SCHEMA:
        raise ValueError(f"unknown stored course schema {data.get('schema')!r}")
    completion = data["completion"]
    homework = completion["homework"]
    return Course(
        code=data["code"],
        languages=tuple(data["languages"]),
        title=_read_text(data["title"]),
        description=_read_optional_text(data.get("description")),
        hours=data["hours"],
        reminders=tuple(data["reminders"]),
        lessons=tuple(_read_lesson(lesson) for lesson in data["lessons"]),
        questionnaire=_read_questionnaire(data.get("questionnaire")),
        completion=Completion(
            homework="all" if homework == "all" else tuple(homework),
            quiz_pass_mark=completion["quiz_pass_mark"],
            questionnaire=completion["questionnaire"],
        ),
    )
