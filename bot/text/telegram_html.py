"""Telegram's HTML subset: check it as Telegram would, measure it, and tokenize it.

Telegram's ``parse_mode=HTML`` accepts only a few tags and rejects the whole message when a tag
is unknown, unclosed or badly nested, or when a bare ``<`` is not part of a tag. We check the
same rules ahead of time so an organizer learns about it when importing the course, not when a
lesson fails to reach forty librarians. Limits are counted the way Telegram counts them: on the
text left after the tags are removed and entities decoded, in UTF-16 code units (an emoji
outside the basic plane counts twice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.courses.issues import check_args, describe

if TYPE_CHECKING:
    from bot.i18n import Translator

# tag -> attributes it may carry (Bot API, "HTML style").
ALLOWED_TAGS: dict[str, frozenset[str]] = {
    "b": frozenset(),
    "strong": frozenset(),
    "i": frozenset(),
    "em": frozenset(),
    "u": frozenset(),
    "ins": frozenset(),
    "s": frozenset(),
    "strike": frozenset(),
    "del": frozenset(),
    "a": frozenset({"href"}),
    "code": frozenset({"class"}),
    "pre": frozenset(),
    "blockquote": frozenset({"expandable"}),
    "tg-spoiler": frozenset(),
    "span": frozenset({"class"}),
    "tg-emoji": frozenset({"emoji-id"}),
    "tg-time": frozenset({"unix", "format"}),
}
_NO_NESTED_FORMATTING = {"pre", "code"}
_LINK_SCHEMES = ("http://", "https://", "tg://", "mailto:")
# What to write instead of a tag Telegram does not know: the hint of an html-unsupported-tag issue
# (course_issues.ftl says it in words).
_HINTS = {
    "br": "line-break",
    "p": "empty-line",
    "div": "empty-line",
    "h1": "bold",
    "h2": "bold",
    "h3": "bold",
    "ul": "bullets",
    "ol": "numbers",
    "li": "bullets",
    "img": "picture",
    "font": "fonts",
}

_TAG = re.compile(
    r"""<(?P<close>/?)(?P<name>[a-zA-Z][a-zA-Z0-9-]*)
        (?P<attrs>(?:\s+[a-zA-Z][a-zA-Z0-9-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)
        \s*(?P<selfclose>/?)>""",
    re.VERBOSE,
)
_ATTR = re.compile(r"""([a-zA-Z][a-zA-Z0-9-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#(\d{1,10})|#[xX]([0-9a-fA-F]{1,8}));")
# A date-time entity's format (Bot API, "Date-time entity formatting"); empty shows the text as is.
_TIME_FORMAT = re.compile(r"r|w?[dD]?[tT]?")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


@dataclass(frozen=True)
class HtmlProblem:
    """What Telegram would refuse: a course issue code (``html-...``) and its args."""

    offset: int  # in the source text
    code: str  # "html-unsupported-tag", "html-unclosed", ...: see course_issues.ISSUE_ARGS
    args: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_args(self.code, self.args)

    def describe(self, translator: Translator, locale: str) -> str:
        """The problem in words, as the course validator shows it."""
        return describe(translator, locale, self.code, self.args)


@dataclass(frozen=True)
class TextToken:
    text: str  # decoded


@dataclass(frozen=True)
class OpenTag:
    name: str
    attrs: dict[str, str]


@dataclass(frozen=True)
class CloseTag:
    name: str


Token = TextToken | OpenTag | CloseTag


@dataclass
class ParsedHtml:
    tokens: list[Token] = field(default_factory=list)
    problems: list[HtmlProblem] = field(default_factory=list)

    @property
    def plain_text(self) -> str:
        return "".join(t.text for t in self.tokens if isinstance(t, TextToken))


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def decode_entities(text: str) -> str:
    """Decode the entities Telegram knows; leave anything else as typed."""

    def replace(match: re.Match[str]) -> str:
        named, decimal, hexadecimal = match.groups()
        if named:
            return _NAMED[named]
        code = int(decimal) if decimal else int(hexadecimal, 16)
        # No character for 0, surrogates or beyond Unicode: Telegram leaves such an entity as typed.
        valid = 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF
        return chr(code) if valid else match.group(0)

    return _ENTITY.sub(replace, text)


def parse_html(text: str) -> ParsedHtml:
    """Tokenize ``text`` and report everything Telegram would refuse."""
    result = ParsedHtml()
    stack: list[tuple[str, int]] = []
    pos = 0
    while pos < len(text):
        lt = text.find("<", pos)
        if lt < 0:
            result.tokens.append(TextToken(decode_entities(text[pos:])))
            break
        if lt > pos:
            result.tokens.append(TextToken(decode_entities(text[pos:lt])))
        match = _TAG.match(text, lt)
        if match is None:
            result.problems.append(HtmlProblem(lt, "html-bare-lt"))
            result.tokens.append(TextToken("<"))
            pos = lt + 1
            continue
        pos = match.end()
        _handle_tag(match, lt, stack, result)
    for name, offset in reversed(stack):
        result.problems.append(HtmlProblem(offset, "html-unclosed", {"tag": name}))
    return result


def _handle_tag(match: re.Match[str], offset: int, stack: list[tuple[str, int]], result: ParsedHtml) -> None:
    name = match.group("name").lower()
    if name not in ALLOWED_TAGS:
        hint = _HINTS.get(name, "none")
        result.problems.append(HtmlProblem(offset, "html-unsupported-tag", {"tag": name, "hint": hint}))
        return
    if match.group("close"):
        if not stack:
            result.problems.append(HtmlProblem(offset, "html-closes-nothing", {"tag": name}))
            return
        if stack[-1][0] != name:
            open_name = stack[-1][0]
            result.problems.append(HtmlProblem(offset, "html-wrong-close", {"tag": name, "open_tag": open_name}))
            # Recover so one mistake is reported once: close the innermost open tag of this
            # name (if any) and leave the others open for their own closing tags.
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] == name:
                    del stack[index]
                    result.tokens.append(CloseTag(name))
                    break
            return
        stack.pop()
        result.tokens.append(CloseTag(name))
        return
    if match.group("selfclose"):
        result.problems.append(HtmlProblem(offset, "html-self-closing", {"tag": name}))
        return
    attrs = _attributes(match.group("attrs"))
    problem = _check_tag(name, attrs, stack)
    if problem:
        result.problems.append(HtmlProblem(offset, *problem))
    stack.append((name, offset))
    result.tokens.append(OpenTag(name, attrs))


def _attributes(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for attr_match in _ATTR.finditer(raw):
        value = attr_match.group(2) or ""
        if value[:1] in {'"', "'"}:
            value = value[1:-1]
        attrs[attr_match.group(1).lower()] = decode_entities(value)
    return attrs


def _check_tag(name: str, attrs: dict[str, str], stack: list[tuple[str, int]]) -> tuple[str, dict[str, str]] | None:
    """The problem with an opening tag, as a code and its args, or None."""
    unknown = sorted(set(attrs) - ALLOWED_TAGS[name])
    if unknown:
        return "html-bad-attribute", {"tag": name, "attribute": unknown[0]}
    inside = [entry[0] for entry in stack]
    if any(tag in _NO_NESTED_FORMATTING for tag in inside) and not (name == "code" and inside[-1:] == ["pre"]):
        return "html-nested", {"tag": name, "parent": inside[-1]}
    if name == "a":
        href = attrs.get("href", "").strip()
        if not href:
            return "html-link-no-href", {}
        if not href.lower().startswith(_LINK_SCHEMES):
            return "html-link-scheme", {"href": href[:40]}
        if "a" in inside:
            return "html-link-in-link", {}
    if name == "span" and attrs.get("class") != "tg-spoiler":
        return "html-span-class", {}
    if name == "code" and "class" in attrs and not attrs["class"].startswith("language-"):
        return "html-code-class", {}
    if name == "tg-time":
        unix = attrs.get("unix", "")
        if not unix.isascii() or not unix.isdigit():
            return "html-time-attribute", {"attribute": "unix", "value": unix[:40]}
        time_format = attrs.get("format", "")
        if not _TIME_FORMAT.fullmatch(time_format):
            return "html-time-attribute", {"attribute": "format", "value": time_format[:40]}
    return None
