"""Reading the questionnaire and the completion rules (see ``course_parse_texts``)."""

from __future__ import annotations

import re
from datetime import time
from typing import Literal

from yaml.nodes import Node, ScalarNode

from bot.courses.model import (
    QUESTION_KINDS,
    Completion,
    LocalizedText,
    Questionnaire,
    QuestionnaireItem,
    SelfAssessment,
)
from bot.courses.parse_tasks import TaskParser
from bot.courses.parse_texts import MAX_DAY, MESSAGE_LIMIT, POLL_QUESTION_LIMIT, Release, Unit
from bot.courses.yaml_nodes import child, is_empty

QUESTIONNAIRE_FIELDS = ("anonymous", "intro", "day", "time", "items")
ITEM_FIELDS = ("id", "kind", "question", "options", "required")
COMPLETION_FIELDS = ("homework", "quiz_pass_mark", "questionnaire")
SELF_ASSESSMENT_FIELDS = ("intro", "statements")
MAX_STATEMENTS = 10  # asked twice: a longer list tires people and the report
_ITEM_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")


class SurveyParser(TaskParser):
    """The end-of-course questionnaire and what a learner must do to complete the course."""

    def _questionnaire(self, node: Node) -> Questionnaire | None:
        path = "questionnaire"
        unit = Unit("questionnaire", path)
        fields = self.r.mapping(node, path, QUESTIONNAIRE_FIELDS, ("items",))
        if fields is None:
            return None
        anonymous = True
        if not is_empty(fields.get("anonymous")):
            read = self.r.boolean(fields["anonymous"], child(path, "anonymous"))
            anonymous = True if read is None else read
        intro = self._opt(
            fields,
            "intro",
            lambda n, _: self.text(n, child(path, "intro"), unit, html=True, limit=MESSAGE_LIMIT),
        )
        # By default the questionnaire comes with the last lesson.
        last = next((i.release for i in reversed(self.lesson_info) if i.release), None)
        day: int | None = last.day if last else 1
        at: time | None = last.time if last else time(10, 0)
        if not is_empty(fields.get("day")):
            day = self.r.integer(fields["day"], child(path, "day"), minimum=1, maximum=MAX_DAY)
        if not is_empty(fields.get("time")):
            at = self.r.clock(fields["time"], child(path, "time"))
        if day is not None and at is not None and last is not None and (Release(day, at).minutes < last.minutes):
            self.r.error(
                fields.get("day") or fields.get("time") or node,
                path,
                "questionnaire-too-early",
                day=day,
                time=f"{at:%H:%M}",
                last_day=last.day,
                last_time=f"{last.time:%H:%M}",
            )
            return None
        items = self._items(fields.get("items"), path, unit)
        if items is None or day is None or at is None:
            return None
        return Questionnaire(key="Q", day=day, time=at, anonymous=anonymous, items=items, intro=intro)

    def _items(self, node: Node | None, path: str, unit: Unit) -> tuple[QuestionnaireItem, ...] | None:
        if is_empty(node):
            return None
        assert node is not None
        items_path = child(path, "items")
        nodes = self.r.sequence(node, items_path)
        if nodes is None:
            return None
        if not nodes:
            self.r.error(node, items_path, "empty-list", list="items")
            return None
        items: list[QuestionnaireItem | None] = []
        ids: dict[str, int] = {}
        for index, item_node in enumerate(nodes):
            item = self._item(item_node, child(items_path, index), index, unit)
            if item is not None and item.id in ids:
                self.r.error(
                    item_node,
                    child(items_path, index),
                    "duplicate-id",
                    id=item.id,
                    item=ids[item.id] + 1,
                )
                item = None
            if item is not None:
                ids[item.id] = index
            items.append(item)
        if any(item is None for item in items):
            return None
        return tuple(item for item in items if item is not None)

    def _item(self, node: Node, path: str, index: int, unit: Unit) -> QuestionnaireItem | None:
        fields = self.r.mapping(node, path, ITEM_FIELDS, ("kind", "question"))
        if fields is None:
            return None
        item_id = f"q{index + 1}"
        if not is_empty(fields.get("id")):
            read = self.r.string(fields["id"], child(path, "id"))
            if read is not None and not _ITEM_ID.match(read):
                self.r.error(fields["id"], child(path, "id"), "invalid-id", value=read)
                return None
            item_id = read or item_id
        kind = self._opt(fields, "kind", lambda n, _: self.r.choice(n, child(path, "kind"), QUESTION_KINDS))
        question = self._opt(
            fields,
            "question",
            lambda n, _: self.text(n, child(path, "question"), unit, limit=POLL_QUESTION_LIMIT, what="question"),
        )
        required = True
        if not is_empty(fields.get("required")):
            read_required = self.r.boolean(fields["required"], child(path, "required"))
            required = True if read_required is None else read_required
        options: tuple[LocalizedText, ...] | None = ()
        if kind in {"single", "multiple"}:
            if is_empty(fields.get("options")):
                self.r.error(node, path, "options-required", kind=kind)
                return None
            options = self._options(fields["options"], path, unit)
        elif kind is not None and "options" in fields:
            self.r.error(fields["options"], child(path, "options"), "options-not-allowed", kind=kind)
            return None
        if kind is None or question is None or options is None:
            return None
        return QuestionnaireItem(
            id=item_id,
            kind=kind,
            question=question,
            options=options,
            required=required,
        )

    def _self_assessment(self, node: Node) -> SelfAssessment | None:
        path = "self_assessment"
        unit = Unit("self-assessment", path)
        fields = self.r.mapping(node, path, SELF_ASSESSMENT_FIELDS, ("statements",))
        if fields is None:
            return None
        intro = self._opt(
            fields,
            "intro",
            lambda n, _: self.text(n, child(path, "intro"), unit, html=True, limit=MESSAGE_LIMIT),
        )
        statements_node = fields.get("statements")
        if statements_node is None or is_empty(statements_node):
            return None  # reported as a missing field
        statements_path = child(path, "statements")
        nodes = self.r.sequence(statements_node, statements_path)
        if nodes is None:
            return None
        if not nodes:
            self.r.error(statements_node, statements_path, "empty-list", list="statements")
            return None
        if len(nodes) > MAX_STATEMENTS:
            self.r.error(
                statements_node, statements_path, "too-many-statements", count=len(nodes), maximum=MAX_STATEMENTS
            )
            return None
        statements = [
            self.text(item, child(statements_path, i), unit, limit=POLL_QUESTION_LIMIT, what="question")
            for i, item in enumerate(nodes)
        ]
        if any(statement is None for statement in statements):
            return None
        return SelfAssessment(statements=tuple(s for s in statements if s is not None), intro=intro)

    def _completion(self, node: Node | None, questionnaire: Questionnaire | None) -> Completion | None:
        if is_empty(node):
            return Completion()
        assert node is not None
        path = "completion"
        fields = self.r.mapping(node, path, COMPLETION_FIELDS)
        if fields is None:
            return None
        homework = self._completion_homework(fields.get("homework"))
        quiz_pass_mark = None
        if not is_empty(fields.get("quiz_pass_mark")):
            quiz_pass_mark = self.r.integer(
                fields["quiz_pass_mark"], child(path, "quiz_pass_mark"), minimum=0, maximum=100
            )
            if quiz_pass_mark is None:
                return None
            if self.lesson_info and not any(info.has_quiz for info in self.lesson_info):
                self.r.warn(fields["quiz_pass_mark"], child(path, "quiz_pass_mark"), "unused")
        required = False
        if not is_empty(fields.get("questionnaire")):
            read = self.r.boolean(fields["questionnaire"], child(path, "questionnaire"))
            if read is None:
                return None
            required = read
            if required and questionnaire is None:
                self.r.error(fields["questionnaire"], child(path, "questionnaire"), "no-questionnaire")
                return None
        if homework is None:
            return None
        return Completion(homework=homework, quiz_pass_mark=quiz_pass_mark, questionnaire=required)

    def _completion_homework(self, node: Node | None) -> Literal["all"] | tuple[int, ...] | None:
        path = "completion.homework"
        if node is None or is_empty(node):
            return "all"
        if isinstance(node, ScalarNode) and node.value.strip() == "all":
            return "all"
        items = self.r.sequence(node, path)
        if items is None:
            return None
        numbers: list[int] = []
        count = len(self.lesson_info)
        for index, item in enumerate(items):
            number = self.r.integer(item, child(path, index), minimum=1)
            if number is None:
                return None
            if number > count:
                self.r.error(item, child(path, index), "no-such-lesson", lesson=number, count=count)
                return None
            if not self.lesson_info[number - 1].has_homework:
                self.r.error(item, child(path, index), "lesson-without-homework", lesson=number)
                return None
            if number not in numbers:
                numbers.append(number)
        return tuple(numbers)
