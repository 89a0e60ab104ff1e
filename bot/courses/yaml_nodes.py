"""Reading YAML nodes with their line numbers, collecting every problem instead of stopping.

``yaml.compose`` gives the node tree before any value is constructed, so each value keeps the
line it came from, duplicate keys are still visible (PyYAML would silently keep the last one),
and we see what the author typed: ``time: 10:00`` is the text "10:00" here, not the number 600
that YAML 1.1 would make of it, and an option written ``Yes`` stays "Yes" rather than ``True``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from datetime import time
from typing import TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.courses.issues import Issue

_Choice = TypeVar("_Choice", bound=str)

_NULL_TAG = "tag:yaml.org,2002:null"
_INT = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}
# What usually causes PyYAML's messages in course files: the hint of the yaml-syntax message
# (course_issues.ftl says it plainly).
_YAML_HINTS = (
    ("mapping values are not allowed", "colon"),
    ("expected ',' or '}'", "braces"),
    ("expected ',' or ']'", "brackets"),
    ("found character '\\t'", "tabs"),
    ("found undefined alias", "star"),
)


def child(path: str, key: str | int) -> str:
    """``lessons`` + 2 -> ``lessons[2]``; ``lessons[2]`` + ``quiz`` -> ``lessons[2].quiz``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def describe(node: Node) -> tuple[str, str]:
    """What a node is (``fields``, ``list``, ``nothing`` or ``value``) and, for a value, how it
    begins: the ``got`` and ``value`` of a wrong-type issue."""
    if isinstance(node, MappingNode):
        return "fields", ""
    if isinstance(node, SequenceNode):
        return "list", ""
    if not isinstance(node, ScalarNode) or node.tag == _NULL_TAG:
        return "nothing", ""
    value = node.value
    return "value", value if len(value) <= 30 else value[:27] + "..."


def closest(word: str, choices: Sequence[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def is_empty(node: Node | None) -> bool:
    return node is None or (isinstance(node, ScalarNode) and node.tag == _NULL_TAG)


class Reader:
    """Typed access to a node tree; every problem becomes an :class:`Issue`, nothing raises."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[Issue] = []
        self.warnings: list[Issue] = []

    # -- reporting ---------------------------------------------------------------------------

    def issue(
        self,
        node: Node | None,
        path: str,
        code: str,
        *,
        line_offset: int = 0,
        **args: str | int | float,
    ) -> Issue:
        line = column = None
        if node is not None:
            line = node.start_mark.line + 1 + line_offset
            column = node.start_mark.column + 1 if line_offset == 0 else None
        return Issue(self.file, line, column, path, code, args)

    def error(
        self,
        node: Node | None,
        path: str,
        code: str,
        *,
        line_offset: int = 0,
        **args: str | int | float,
    ) -> None:
        """Report an error: ``code`` is one of ``ISSUE_ARGS`` and ``args`` are its args."""
        self.errors.append(self.issue(node, path, code, line_offset=line_offset, **args))

    def warn(self, node: Node | None, path: str, code: str, **args: str | int | float) -> None:
        self.warnings.append(self.issue(node, path, code, line_offset=0, **args))

    def wrong_type(self, node: Node, path: str, expected: str) -> None:
        """``expected`` names a word of course_issues.ftl: ``course-expected-<expected>``."""
        got, value = describe(node)
        self.error(node, path, "wrong-type", expected=expected, got=got, value=value)

    # -- structure ---------------------------------------------------------------------------

    def mapping(
        self,
        node: Node,
        path: str,
        known: Sequence[str],
        required: Sequence[str] = (),
        what: str = "fields",
    ) -> dict[str, Node] | None:
        """The fields of a mapping, after reporting unknown, duplicate and missing ones."""
        if not isinstance(node, MappingNode):
            self.wrong_type(node, path, what)
            return None
        fields: dict[str, Node] = {}
        suggested: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):  # "? [a, b]: x": a list as a field name
                self.wrong_type(key_node, path, "field-name")
                continue
            key = key_node.value
            if key in fields:
                self.error(key_node, child(path, key), "duplicate-key", field=key)
                continue
            if key not in known:
                suggestion = closest(key, known)
                self.error(key_node, path, "unknown-field", field=key, suggestion=suggestion or "")
                if suggestion:
                    suggested.add(suggestion)
                continue
            fields[key] = value_node
        for name in required:
            # A misspelt field was reported with its right name already; once is enough.
            if is_empty(fields.get(name)) and name not in suggested:
                at = fields.get(name) or node
                self.error(at, path, "missing-field", field=name)
        return fields

    def sequence(self, node: Node, path: str, *, allow_single: bool = False) -> list[Node] | None:
        if isinstance(node, SequenceNode):
            return list(node.value)
        if allow_single and isinstance(node, ScalarNode) and not is_empty(node):
            return [node]
        self.wrong_type(node, path, "list")
        return None

    # -- scalars -----------------------------------------------------------------------------

    def string(self, node: Node, path: str) -> str | None:
        """A non-empty text, exactly as typed (whatever YAML would have made of it)."""
        if not isinstance(node, ScalarNode) or is_empty(node):
            self.wrong_type(node, path, "text")
            return None
        if not node.value.strip():
            self.error(node, path, "empty")
            return None
        text: str = node.value  # a scalar's value is the text as typed
        return text

    def integer(self, node: Node, path: str, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
        if not isinstance(node, ScalarNode) or not _INT.match(node.value.strip()):
            self.wrong_type(node, path, "whole-number")
            return None
        value = int(node.value)
        return value if self._in_range(node, path, value, minimum, maximum) else None

    def number(
        self, node: Node, path: str, *, minimum: float | None = None, maximum: float | None = None
    ) -> float | None:
        if not isinstance(node, ScalarNode) or not _NUMBER.match(node.value.strip()):
            self.wrong_type(node, path, "number")
            return None
        value = float(node.value)
        return value if self._in_range(node, path, value, minimum, maximum) else None

    def _in_range(self, node: Node, path: str, value: float, minimum: float | None, maximum: float | None) -> bool:
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            limits = "min" if maximum is None else "max" if minimum is None else "both"
            self.error(
                node,
                path,
                "out-of-range",
                value=value,
                limits=limits,
                minimum="" if minimum is None else minimum,
                maximum="" if maximum is None else maximum,
            )
            return False
        return True

    def boolean(self, node: Node, path: str) -> bool | None:
        value = node.value.strip().lower() if isinstance(node, ScalarNode) else None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        self.wrong_type(node, path, "boolean")
        return None

    def clock(self, node: Node, path: str) -> time | None:
        """A local time written "HH:MM"."""
        match = _TIME.match(node.value.strip()) if isinstance(node, ScalarNode) else None
        if match is None:
            self.wrong_type(node, path, "time")
            return None
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            self.error(node, path, "invalid-time", value=node.value.strip())
            return None
        return time(hour, minute)

    def choice(self, node: Node, path: str, choices: Sequence[_Choice]) -> _Choice | None:
        value = self.string(node, path)
        if value is None:
            return None
        if value not in choices:
            suggestion = closest(value, choices)
            self.error(
                node,
                path,
                "invalid-value",
                value=value,
                choices=", ".join(choices),
                suggestion=suggestion or "",
            )
            return None
        return choices[choices.index(value)]  # typed as one of the choices (a Literal, say)


def compose(text: str, file: str) -> tuple[Node | None, Issue | None]:
    """Parse YAML into a node tree, or report the syntax error with its line."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader), None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # PyYAML's own words, in English in every language: they name YAML's terms.
        problem = exc.problem or exc.context or "?"
        if exc.problem and exc.context:
            problem = f"{problem} ({exc.context})"
        hint = next((h for key, h in _YAML_HINTS if key in problem), "none")
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        return None, Issue(file, line, column, "", "yaml-syntax", {"problem": problem, "hint": hint})
    except yaml.YAMLError as exc:
        return None, Issue(file, None, None, "", "yaml-syntax", {"problem": str(exc), "hint": "none"})
