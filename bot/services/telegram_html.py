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
}
_NO_NESTED_FORMATTING = {"pre", "code"}
_LINK_SCHEMES = ("http://", "https://", "tg://", "mailto:")
_HINTS = {
    "br": "use a line break instead",
    "p": "use an empty line instead",
    "div": "use an empty line instead",
    "h1": "use <b> instead",
    "h2": "use <b> instead",
    "h3": "use <b> instead",
    "ul": "write the list as lines starting with • or -",
    "ol": "write the list as numbered lines",
    "li": "write the list as lines starting with • or -",
    "img": "add the picture as a file of the lesson",
    "font": "Telegram has no colours or fonts",
}

_TAG = re.compile(
    r"""<(?P<close>/?)(?P<name>[a-zA-Z][a-zA-Z0-9-]*)
        (?P<attrs>(?:\s+[a-zA-Z][a-zA-Z0-9-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)
        \s*(?P<selfclose>/?)>""",
    re.VERBOSE,
)
_ATTR = re.compile(r"""([a-zA-Z][a-zA-Z0-9-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


@dataclass(frozen=True)
class HtmlProblem:
    offset: int  # in the source text
    code: str  # "html-unsupported-tag" or "html-malformed"
    message: str


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
        return chr(code) if 0 < code <= 0x10FFFF else match.group(0)

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
            result.problems.append(
                HtmlProblem(lt, "html-malformed", "a bare '<' must be written as &lt;")
            )
            result.tokens.append(TextToken("<"))
            pos = lt + 1
            continue
        pos = match.end()
        _handle_tag(match, lt, stack, result)
    for name, offset in reversed(stack):
        result.problems.append(HtmlProblem(offset, "html-malformed", f"<{name}> is never closed"))
    return result


def _handle_tag(
    match: re.Match[str], offset: int, stack: list[tuple[str, int]], result: ParsedHtml
) -> None:
    name = match.group("name").lower()
    if name not in ALLOWED_TAGS:
        hint = _HINTS.get(name)
        message = f"Telegram does not support <{name}>" + (f"; {hint}" if hint else "")
        result.problems.append(HtmlProblem(offset, "html-unsupported-tag", message))
        return
    if match.group("close"):
        if not stack:
            result.problems.append(
                HtmlProblem(offset, "html-malformed", f"</{name}> closes nothing")
            )
            return
        if stack[-1][0] != name:
            open_name = stack[-1][0]
            result.problems.append(
                HtmlProblem(
                    offset, "html-malformed", f"</{name}> found where </{open_name}> was expected"
                )
            )
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
        result.problems.append(
            HtmlProblem(offset, "html-malformed", f"<{name}/> must be written <{name}>...</{name}>")
        )
        return
    attrs = _attributes(match.group("attrs"))
    problem = _check_tag(name, attrs, stack)
    if problem:
        result.problems.append(HtmlProblem(offset, "html-malformed", problem))
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


def _check_tag(name: str, attrs: dict[str, str], stack: list[tuple[str, int]]) -> str | None:
    unknown = sorted(set(attrs) - ALLOWED_TAGS[name])
    if unknown:
        return f"<{name}> cannot have the attribute '{unknown[0]}'"
    inside = [entry[0] for entry in stack]
    if any(tag in _NO_NESTED_FORMATTING for tag in inside) and not (
        name == "code" and inside[-1:] == ["pre"]
    ):
        return f"<{name}> cannot be used inside <{inside[-1]}>"
    if name == "a":
        href = attrs.get("href", "").strip()
        if not href:
            return "<a> needs href=\"https://...\""
        if not href.lower().startswith(_LINK_SCHEMES):
            return f"<a href> must start with https:// (got '{href[:40]}')"
        if "a" in inside:
            return "<a> cannot be inside another <a>"
    if name == "span" and attrs.get("class") != "tg-spoiler":
        return "<span> is only allowed as <span class=\"tg-spoiler\">"
    if name == "code" and "class" in attrs and not attrs["class"].startswith("language-"):
        return "<code class> must be language-NAME"
    return None
