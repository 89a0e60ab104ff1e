"""The normalized course as JSON, for storage: one canonical form and its hash.

What is stored is what was validated, with defaults filled in and each file named by its
SHA-256, so the stored version alone is enough to deliver the course later. The same course
always gives the same JSON (keys sorted, no source paths or timestamps), which makes the hash
a reliable "has anything changed?" check, including changes inside the files.

pydantic walks the model's dataclasses (a field added there is stored without an edit here);
the few places where the stored shape differs from "field name: value" are declared beside the
types in :mod:`bot.courses.model`. The bytes are those of the first, hand-written codec
(``tests/fixtures/course-*.v1.json``), so versions stored before keep their hash.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from bot.courses.model import Course

SCHEMA = 1  # bump when the stored form changes; course_from_dict must keep reading older ones

# Optional parts the first codec wrote as ``null``. Any other field that is None is left out,
# so adding an optional field to the model does not change the hash of existing versions.
_WRITTEN_WHEN_NONE = frozenset(
    {"description", "questionnaire", "homework", "quiz", "caption", "explanation", "intro", "quiz_pass_mark"}
)

# Fields added later with a non-None default: left out while at that default, for the same reason.
_LEFT_OUT_AT_DEFAULT: dict[str, object] = {"late": "accept"}


@cache
def _adapter() -> TypeAdapter[Course]:
    # Built on first use: the schema of the whole model takes a moment, and most imports of this
    # module (the bot, the tests) never encode a course.
    return TypeAdapter(Course)


def course_to_json(course: Course) -> str:
    return json.dumps(course_to_dict(course), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def course_from_json(text: str) -> Course:
    return course_from_dict(json.loads(text))


def content_hash(course: Course) -> str:
    return hashlib.sha256(course_to_json(course).encode("utf-8")).hexdigest()


def course_to_dict(course: Course) -> dict[str, Any]:
    data = _without_new_nones(_adapter().dump_python(course, mode="json", by_alias=True))
    return {"schema": SCHEMA, **data}


def course_from_dict(data: dict[str, Any]) -> Course:
    if data.get("schema") != SCHEMA:
        raise ValueError(f"unknown stored course schema {data.get('schema')!r}")
    return _adapter().validate_python({k: v for k, v in data.items() if k != "schema"})


def _without_new_nones(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: _without_new_nones(item)
            for key, item in value.items()
            if (item is not None or key in _WRITTEN_WHEN_NONE)
            and not (key in _LEFT_OUT_AT_DEFAULT and item == _LEFT_OUT_AT_DEFAULT[key])
        }
    if isinstance(value, list):
        return [_without_new_nones(item) for item in value]
    return value
