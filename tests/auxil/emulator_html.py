"""Telegram's HTML parse mode, re-implemented as strictly as Telegram applies it.

Python's ``html.parser`` is lenient: it accepts ``<br>``, unclosed tags and stray ``<``. Telegram
is not, and a message that renders fine in a browser is rejected with
``Bad Request: can't parse entities: ...``. The emulator must reject the same texts, otherwise
an end-to-end test passes while production fails, so this module follows the rules of TDLib's
``parse_html`` (the code behind the Bot API):

* supported tags: b/strong, i/em, u/ins, s/strike/del, tg-spoiler, span class="tg-spoiler",
  a href, code, pre, blockquote [expandable], tg-emoji, tg-time; anything else (``<br>``,
  ``<p>``, ``<div>``, a bare ``<`` in "a < b") is an error;
* only ``&lt; &gt; &amp; &quot;`` and numeric entities are decoded; other ``&name;`` sequences
  stay literally in the text (so ``&nbsp;`` shows up to the user as "&nbsp;");
* error positions are UTF-8 byte offsets, entity offsets/lengths are UTF-16 code units;
* leading and trailing whitespace of the resulting text is trimmed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["EntityParseError", "parse_html", "utf16_len"]

_TAG_ENTITY: dict[str, str] = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
    "tg-time": "date_time",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_NUMERIC_ENTITY = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_NAMED_ENTITY = re.compile(r"&([a-zA-Z]{1,10});")
# Bot API, "Date-time entity formatting": r alone, or w, d|D, t|T in this order; empty shows the text.
_DATE_TIME_FORMAT = re.compile(r"r|w?[dD]?[tT]?")


class EntityParseError(ValueError):
    """The text is not valid Telegram HTML; ``str(err)`` is Telegram's reason text."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram uses for entity offsets."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _OpenTag:
    name: str
    attrs: dict[str, str]
    start: int  # UTF-16 offset in the output
    byte_offset: int
    extra: dict[str, Any] = field(default_factory=dict)


def _decode_entity(source: str, i: int) -> tuple[str, int] | None:
    """Decode the entity starting at ``source[i] == "&"``; None means "keep the & literally"."""
    match = _NUMERIC_ENTITY.match(source, i)
    if match:
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            return chr(code), match.end() - i
        return None
    match = _NAMED_ENTITY.match(source, i)
    if match and match.group(1) in _NAMED_ENTITIES:
        return _NAMED_ENTITIES[match.group(1)], match.end() - i
    return None


def _decode_all(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "&" and (decoded := _decode_entity(text, i)) is not None:
            out.append(decoded[0])
            i += decoded[1]
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.out: list[str] = []
        self.pos16 = 0
        self.stack: list[_OpenTag] = []
        self.entities: list[dict[str, Any]] = []

    def byte_offset(self, index: int) -> int:
        return len(self.source[:index].encode("utf-8"))

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.pos16 += utf16_len(text)

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        source, i, n = self.source, 0, len(self.source)
        while i < n:
            ch = source[i]
            if ch == "&":
                decoded = _decode_entity(source, i)
                if decoded is None:
                    self.emit("&")
                    i += 1
                else:
                    self.emit(decoded[0])
                    i += decoded[1]
            elif ch != "<":
                j = i + 1
                while j < n and source[j] not in "<&":
                    j += 1
                self.emit(source[i:j])
                i = j
            elif source.startswith("</", i):
                i = self.end_tag(i)
            else:
                i = self.start_tag(i)
        if self.stack:
            raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{self.stack[-1].name}"')
        return self.finish()

    def start_tag(self, begin: int) -> int:
        source, n = self.source, len(self.source)
        j = begin + 1
        while j < n and not source[j].isspace() and source[j] not in "/>":
            j += 1
        name = source[begin + 1 : j].lower()
        offset = self.byte_offset(begin)
        if name not in _TAG_ENTITY:
            raise EntityParseError(f'Unsupported start tag "{name}" at byte offset {offset}')
        attrs: dict[str, str] = {}
        while True:
            while j < n and source[j].isspace():
                j += 1
            if j >= n:
                raise EntityParseError(f"Unclosed start tag at byte offset {offset}")
            if source[j] == ">":
                j += 1
                break
            if source.startswith("/>", j):
                # Telegram has no void elements; "<b/>" opens a tag that is never closed.
                j += 2
                break
            k = j
            while k < n and (source[k].isalnum() or source[k] in "-_"):
                k += 1
            attr = source[j:k].lower()
            if not attr:
                raise EntityParseError(f'Empty attribute name in the tag "{name}" at byte offset {offset}')
            j = k
            while j < n and source[j].isspace():
                j += 1
            value = ""
            if j < n and source[j] == "=":
                j += 1
                while j < n and source[j].isspace():
                    j += 1
                if j >= n:
                    raise EntityParseError(f"Unclosed start tag at byte offset {offset}")
                if source[j] in "\"'":
                    end = source.find(source[j], j + 1)
                    if end == -1:
                        raise EntityParseError(f"Unclosed start tag at byte offset {offset}")
                    value = _decode_all(source[j + 1 : end])
                    j = end + 1
                else:
                    k = j
                    while k < n and not source[k].isspace() and source[k] != ">":
                        k += 1
                    value = source[j:k]
                    j = k
            attrs[attr] = value
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise EntityParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
        if name == "tg-time":
            unix = attrs.get("unix", "")
            if not (unix.isascii() and unix.isdigit()):
                raise EntityParseError(f"Invalid Unix time specified at byte offset {offset}")
            if not _DATE_TIME_FORMAT.fullmatch(attrs.get("format", "")):
                raise EntityParseError(f"Invalid date-time format specified at byte offset {offset}")
        self.stack.append(_OpenTag(name, attrs, self.pos16, offset))
        return j

    def end_tag(self, begin: int) -> int:
        source = self.source
        offset = self.byte_offset(begin)
        end = source.find(">", begin)
        if end == -1:
            raise EntityParseError(f"Unclosed end tag at byte offset {offset}")
        name = source[begin + 2 : end].strip().lower()
        if not self.stack:
            raise EntityParseError(f"Unexpected end tag at byte offset {offset}")
        top = self.stack.pop()
        if name != top.name:
            raise EntityParseError(
                f'Unmatched end tag at byte offset {offset}, expected "</{top.name}>", found "</{name}>"'
            )
        self.close(top)
        return end + 1

    def close(self, tag: _OpenTag) -> None:
        length = self.pos16 - tag.start
        kind = _TAG_ENTITY[tag.name]
        entity: dict[str, Any] = {"type": kind, "offset": tag.start, "length": length}
        if tag.name == "code" and self.stack and self.stack[-1].name == "pre":
            # <pre><code class="language-x"> is one pre entity with a language, not two.
            language = tag.attrs.get("class", "")
            if language.startswith("language-"):
                self.stack[-1].extra["language"] = language.removeprefix("language-")
                return
        if tag.name == "a":
            href = tag.attrs.get("href", "")
            if not href:
                return  # Telegram silently drops links without a target
            entity["url"] = href
        elif tag.name == "pre" and tag.extra.get("language"):
            entity["language"] = tag.extra["language"]
        elif tag.name == "blockquote" and "expandable" in tag.attrs:
            entity["type"] = "expandable_blockquote"
        elif tag.name == "tg-emoji":
            entity["custom_emoji_id"] = tag.attrs.get("emoji-id", "")
        elif tag.name == "tg-time":
            entity["unix_time"] = int(tag.attrs["unix"])
            if tag.attrs.get("format"):
                entity["date_time_format"] = tag.attrs["format"]
        if length > 0:
            self.entities.append(entity)

    def finish(self) -> tuple[str, list[dict[str, Any]]]:
        raw = "".join(self.out)
        text = raw.strip()
        lead = utf16_len(raw[: len(raw) - len(raw.lstrip())])
        total = utf16_len(text)
        entities: list[dict[str, Any]] = []
        for entity in self.entities:
            start = max(entity["offset"] - lead, 0)
            end = min(entity["offset"] + entity["length"] - lead, total)
            if end > start:
                entities.append({**entity, "offset": start, "length": end - start})
        entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return text, entities


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Return ``(plain_text, entities)`` for Telegram HTML, or raise :class:`EntityParseError`.

    The plain text is what the user sees: tags removed, supported entities decoded,
    surrounding whitespace trimmed. Entities are Telegram ``MessageEntity`` dicts.
    """
    return _Parser(source).run()
