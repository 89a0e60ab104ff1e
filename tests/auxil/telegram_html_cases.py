"""One table of Telegram HTML cases for both readers of it: the product's checker
(:mod:`bot.text.telegram_html`, run when a course is imported) and the emulator's parser
(:mod:`tests.auxil.emulator_html`, which refuses a message as Telegram would). Each implementation
has its own parametrized test over this table, so when they disagree one of the two fails.

The rules are Telegram's, from the Bot API's "Formatting options", HTML style
(https://core.telegram.org/bots/api#html-style): the tags b/strong, i/em, u/ins, s/strike/del,
span class="tg-spoiler", tg-spoiler, a href, tg-emoji emoji-id, tg-time unix format, code, pre,
pre>code class="language-...", blockquote [expandable]; the named entities &lt; &gt; &amp;
&quot; and every numeric one; a date-time format matching ``r|w?[dD]?[tT]?``.

``accepted`` is whether Telegram takes the message; ``text`` is what the reader sees (tags
removed, entities decoded, surrounding white space trimmed) and ``length`` its length in UTF-16
code units, as Telegram counts limits. ``course_problem`` is the issue the course validator
reports: always one for a message Telegram refuses, and also one where Telegram accepts the
message but silently drops the formatting the organizer asked for (the checker is stricter
there on purpose, so the organizer learns it at import).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HtmlCase:
    source: str
    accepted: bool
    text: str = ""
    length: int = 0
    course_problem: str | None = None

    @property
    def id(self) -> str:
        return self.source[:40]


def ok(source: str, text: str, length: int | None = None, course_problem: str | None = None) -> HtmlCase:
    return HtmlCase(source, True, text, len(text) if length is None else length, course_problem)


def refused(source: str, course_problem: str) -> HtmlCase:
    return HtmlCase(source, False, course_problem=course_problem)


CASES: tuple[HtmlCase, ...] = (
    # Plain text, counted in UTF-16 units.
    ok("plain text", "plain text"),
    ok("Қазақ тілі: әғқңөұүһі", "Қазақ тілі: әғқңөұүһі"),
    ok("📚 кітап", "📚 кітап", 8),
    ok("👍🏽 ok", "👍🏽 ok", 7),
    ok("  <b>trimmed</b>\n", "trimmed"),
    # Every documented tag.
    ok("<b>bold</b>, <strong>bold</strong>", "bold, bold"),
    ok("<i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>", "ieunskd"),
    ok('<span class="tg-spoiler">a</span> <tg-spoiler>b</tg-spoiler>', "a b"),
    ok(
        '<b>bold <i>italic bold <s>strike <span class="tg-spoiler">spoiler</span></s> <u>under</u></i> bold</b>',
        "bold italic bold strike spoiler under bold",
    ),
    ok('<a href="http://www.example.com/">inline URL</a>', "inline URL"),
    ok('<a href="tg://user?id=123456789">mention</a>', "mention"),
    ok('<a href="https://example.org/?a=1&amp;b=2">query</a>', "query"),
    ok("<a href=https://example.org>unquoted</a>", "unquoted"),
    ok('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍", 2),
    ok('<tg-time unix="1647531900" format="wDT">22:45 tomorrow</tg-time>', "22:45 tomorrow"),
    ok('<tg-time unix="1647531900" format="t">22:45</tg-time>', "22:45"),
    ok('<tg-time unix="1647531900" format="r">in an hour</tg-time>', "in an hour"),
    ok('<tg-time unix="1647531900" format="wd">Wed</tg-time>', "Wed"),
    ok('<tg-time unix="1647531900">22:45 tomorrow</tg-time>', "22:45 tomorrow"),
    ok('<tg-time unix="1647531900" format="">as written</tg-time>', "as written"),
    ok("<code>inline code</code>", "inline code"),
    ok("<pre>pre-formatted block</pre>", "pre-formatted block"),
    ok('<pre><code class="language-python">print("x")</code></pre>', 'print("x")'),
    ok("<blockquote>Block quotation</blockquote>", "Block quotation"),
    ok("<blockquote expandable>Expandable\nquotation</blockquote>", "Expandable\nquotation"),
    ok("<B>upper case</B>", "upper case"),
    # Entities: four named ones and every numeric one; others stay as typed.
    ok("&lt;b&gt; &amp; &quot;q&quot;", '<b> & "q"'),
    ok("&#65;&#x42;&#X43;", "ABC"),
    ok("&#128218;", "📚", 2),
    ok("&nbsp;&copy;&LT;", "&nbsp;&copy;&LT;"),
    ok("&#xD800; &#0;", "&#xD800; &#0;"),
    ok("Q&A > 3", "Q&A > 3"),
    # Refused by Telegram.
    refused("a < b", "html-bare-lt"),
    refused("<3", "html-bare-lt"),
    refused("line<br>break", "html-unsupported-tag"),
    refused("<p>paragraph</p>", "html-unsupported-tag"),
    refused("<b>never closed", "html-unclosed"),
    refused("closes nothing</b>", "html-closes-nothing"),
    refused("<b><i>x</b></i>", "html-wrong-close"),
    refused("<b/>", "html-self-closing"),
    refused("<span>x</span>", "html-span-class"),
    refused('<span class="bold">x</span>', "html-span-class"),
    refused('<tg-time unix="tomorrow">x</tg-time>', "html-time-attribute"),
    refused('<tg-time format="t">x</tg-time>', "html-time-attribute"),
    refused('<tg-time unix="1647531900" format="rt">x</tg-time>', "html-time-attribute"),
    refused('<tg-time unix="1647531900" format="Dw">x</tg-time>', "html-time-attribute"),
    refused('<tg-time unix="1647531900" format="x">x</tg-time>', "html-time-attribute"),
    # Accepted by Telegram, which drops the formatting; the course validator says so.
    ok('<b class="x">x</b>', "x", course_problem="html-bad-attribute"),
    ok("<a>no target</a>", "no target", course_problem="html-link-no-href"),
    ok('<a href="javascript:alert(1)">x</a>', "x", course_problem="html-link-scheme"),
    ok('<code class="python">x</code>', "x", course_problem="html-code-class"),
    ok("<pre><b>x</b></pre>", "x", course_problem="html-nested"),
)
