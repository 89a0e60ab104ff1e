"""Reading homework and quizzes (see ``course_parse_texts`` for how the parser is split)."""

from __future__ import annotations

from datetime import time

from yaml.nodes import Node, ScalarNode

from bot.courses.model import (
    DEFAULT_ACCEPTS,
    DEFAULT_QUIZ_PASS_MARK,
    HOMEWORK_KINDS,
    LATE_POLICIES,
    MAX_SCORE_LIMIT,
    Deadline,
    DeadlineAfter,
    DeadlineAt,
    Homework,
    LocalizedText,
    Quiz,
    QuizQuestion,
)
from bot.courses.parse_texts import (
    EXPLANATION_LIMIT,
    MAX_DAY,
    MESSAGE_LIMIT,
    POLL_OPTION_LIMIT,
    POLL_QUESTION_LIMIT,
    Release,
    TextParser,
    Unit,
)
from bot.courses.yaml_nodes import child, is_empty

HOMEWORK_FIELDS = ("prompt", "deadline", "accepts", "late", "max_score")
DEADLINE_FIELDS = ("day", "time", "hours_after_release")
QUIZ_FIELDS = ("questions", "pass_mark")
QUESTION_FIELDS = ("question", "options", "correct", "explanation")
MIN_OPTIONS, MAX_OPTIONS = 2, 10
DEFAULT_DEADLINE_TIME = time(23, 59)


class TaskParser(TextParser):
    """Homework (prompt, deadline, accepted answers) and quizzes (questions, options, answer)."""

    def _homework(self, node: Node, path: str, unit: Unit, release: Release | None, key: str) -> Homework | None:
        fields = self.r.mapping(node, path, HOMEWORK_FIELDS, ("prompt", "deadline"))
        if fields is None:
            return None
        prompt = self._opt(
            fields,
            "prompt",
            lambda n, _: self.text(n, child(path, "prompt"), unit, html=True, limit=MESSAGE_LIMIT, what="prompt"),
        )
        deadline = self._opt(fields, "deadline", lambda n, _: self._deadline(n, child(path, "deadline"), release))
        accepts = self._accepts(fields.get("accepts"), child(path, "accepts"))
        late: str | None = "accept"
        if not is_empty(fields.get("late")):
            late = self.r.choice(fields["late"], child(path, "late"), LATE_POLICIES)
        max_score: int | None = None
        if not is_empty(fields.get("max_score")):
            max_score = self.r.integer(
                fields["max_score"], child(path, "max_score"), minimum=1, maximum=MAX_SCORE_LIMIT
            )
            if max_score is None:
                return None
        if prompt is None or deadline is None or accepts is None or late is None:
            return None
        return Homework(
            key=key,
            prompt=prompt,
            deadline=deadline,
            accepts=accepts,
            late="refuse" if late == "refuse" else "accept",
            max_score=max_score,
        )

    def _deadline(self, node: Node, path: str, release: Release | None) -> Deadline | None:
        fields = self.r.mapping(
            node,
            path,
            DEADLINE_FIELDS,
            what="deadline",
        )
        if fields is None:
            return None
        has_day = not is_empty(fields.get("day"))
        has_hours = not is_empty(fields.get("hours_after_release"))
        if has_day == has_hours:
            self.r.error(node, path, "deadline-kind")
            return None
        if has_hours:
            if "time" in fields:
                self.r.error(
                    fields["time"],
                    child(path, "time"),
                    "field-conflict",
                    field="time",
                    other="hours_after_release",
                )
            hours = self.r.integer(
                fields["hours_after_release"],
                child(path, "hours_after_release"),
                minimum=1,
                maximum=24 * 60,
            )
            return None if hours is None else DeadlineAfter(hours)
        day = self.r.integer(fields["day"], child(path, "day"), minimum=1, maximum=MAX_DAY)
        at: time | None = DEFAULT_DEADLINE_TIME
        if not is_empty(fields.get("time")):
            at = self.r.clock(fields["time"], child(path, "time"))
        if day is None or at is None:
            return None
        if release is not None and Release(day, at).minutes <= release.minutes:
            self.r.error(
                fields["day"],
                path,
                "deadline-before-release",
                day=day,
                time=f"{at:%H:%M}",
                release_day=release.day,
                release_time=f"{release.time:%H:%M}",
            )
            return None
        return DeadlineAt(day, at)

    def _accepts(self, node: Node | None, path: str) -> tuple[str, ...] | None:
        if is_empty(node):
            return DEFAULT_ACCEPTS
        assert node is not None
        items = self.r.sequence(node, path, allow_single=True)
        if items is None:
            return None
        kinds: list[str] = []
        for index, item in enumerate(items):
            kind = self.r.choice(item, child(path, index), HOMEWORK_KINDS)
            if kind is None:
                return None
            if kind not in kinds:
                kinds.append(kind)
        if not kinds:
            self.r.error(node, path, "empty-list", list="accepts")
            return None
        return tuple(kinds)

    def _quiz(self, node: Node, path: str, unit: Unit, key: str) -> Quiz | None:
        fields = self.r.mapping(node, path, QUIZ_FIELDS, ("questions",))
        if fields is None:
            return None
        pass_mark = DEFAULT_QUIZ_PASS_MARK
        if not is_empty(fields.get("pass_mark")):
            read = self.r.integer(fields["pass_mark"], child(path, "pass_mark"), minimum=0, maximum=100)
            if read is None:
                return None
            pass_mark = read
        if is_empty(fields.get("questions")):
            return None
        items = self.r.sequence(fields["questions"], child(path, "questions"))
        if items is None:
            return None
        if not items:
            self.r.error(fields["questions"], child(path, "questions"), "empty-list", list="questions")
            return None
        questions = [self._question(item, child(child(path, "questions"), i), unit) for i, item in enumerate(items)]
        if any(question is None for question in questions):
            return None
        return Quiz(
            key=key,
            questions=tuple(q for q in questions if q is not None),
            pass_mark=pass_mark,
        )

    def _question(self, node: Node, path: str, unit: Unit) -> QuizQuestion | None:
        fields = self.r.mapping(node, path, QUESTION_FIELDS, ("question", "options"))
        if fields is None:
            return None
        question = self._opt(
            fields,
            "question",
            lambda n, _: self.text(n, child(path, "question"), unit, limit=POLL_QUESTION_LIMIT, what="question"),
        )
        options = self._options(fields.get("options"), path, unit)
        explanation = self._opt(
            fields,
            "explanation",
            lambda n, _: self.text(
                n, child(path, "explanation"), unit, html=True, limit=EXPLANATION_LIMIT, what="explanation"
            ),
        )
        correct = None
        if is_empty(fields.get("correct")):
            self.r.error(node, path, "no-correct-answer")
        elif options is not None:
            correct = self._correct(fields["correct"], child(path, "correct"), options)
        if question is None or options is None or correct is None:
            return None
        if "explanation" in fields and explanation is None:
            return None
        return QuizQuestion(question=question, options=options, correct=correct, explanation=explanation)

    def _options(self, node: Node | None, path: str, unit: Unit) -> tuple[LocalizedText, ...] | None:
        if is_empty(node):
            return None
        assert node is not None
        options_path = child(path, "options")
        items = self.r.sequence(node, options_path)
        if items is None:
            return None
        if len(items) < MIN_OPTIONS:
            self.r.error(node, options_path, "too-few-options", count=len(items), minimum=MIN_OPTIONS)
            return None
        if len(items) > MAX_OPTIONS:
            self.r.error(node, options_path, "too-many-options", count=len(items), maximum=MAX_OPTIONS)
            return None
        options = [
            self.text(item, child(options_path, i), unit, limit=POLL_OPTION_LIMIT, what="option")
            for i, item in enumerate(items)
        ]
        if any(option is None for option in options):
            return None
        result = tuple(option for option in options if option is not None)
        self._check_duplicate_options(items, result, options_path)
        return result

    def _check_duplicate_options(self, items: list[Node], options: tuple[LocalizedText, ...], path: str) -> None:
        for language in self.languages:
            seen: dict[str, int] = {}
            for index, option in enumerate(options):
                text = option.get(language, self.languages).casefold()
                if text in seen:
                    self.r.error(items[index], child(path, index), "duplicate-option", option=seen[text] + 1)
                    return
                seen[text] = index

    def _correct(self, node: Node, path: str, options: tuple[LocalizedText, ...]) -> int | None:
        if not isinstance(node, ScalarNode):
            self.r.wrong_type(node, path, "option-number")
            return None
        value = node.value.strip()
        if value.lstrip("+-").isdigit():
            number = int(value)
            if not 1 <= number <= len(options):
                self.r.error(node, path, "correct-out-of-range", correct=number, count=len(options))
                return None
            return number - 1
        for index, option in enumerate(options):
            if any(text.casefold() == value.casefold() for text in option.texts()):
                return index
        self.r.error(node, path, "correct-not-an-option", correct=value)
        return None
