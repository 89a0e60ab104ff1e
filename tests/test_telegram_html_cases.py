"""The product's Telegram-HTML checker and the emulator's parser against the same table.

The two stay independent implementations (the emulator must be able to catch the product's
mistakes); the shared table in :mod:`tests.auxil.telegram_html_cases` keeps them agreeing with
Telegram's documented rules, and with each other.
"""

from __future__ import annotations

import pytest

from bot.text.telegram_html import parse_html, telegram_length
from tests.auxil import emulator_html
from tests.auxil.telegram_html_cases import CASES, HtmlCase


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_course_checker_follows_the_table(case: HtmlCase) -> None:
    parsed = parse_html(case.source)

    assert [problem.code for problem in parsed.problems][:1] == ([case.course_problem] if case.course_problem else [])
    if case.accepted:
        assert parsed.plain_text.strip() == case.text
        assert telegram_length(parsed.plain_text.strip()) == case.length


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_emulator_follows_the_table(case: HtmlCase) -> None:
    if not case.accepted:
        with pytest.raises(emulator_html.EntityParseError):
            emulator_html.parse_html(case.source)
        return
    text, _ = emulator_html.parse_html(case.source)

    assert text == case.text
    assert emulator_html.utf16_len(text) == case.length


def test_every_refused_case_is_reported_by_the_course_checker() -> None:
    assert [case.source for case in CASES if not case.accepted and case.course_problem is None] == []
