"""Every message exists in kk, ru and en with the same variables, and renders in each."""

from __future__ import annotations

import re

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot import LOCALES_DIR
from bot.i18n import Translator

LOCALES = ("kk", "ru", "en")
KAZAKH_LETTERS = set("әғқңөұүһі")


class _Variables(Visitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)


def _messages(locale: str) -> dict[str, tuple[set[str], ast.Message]]:
    parser = FluentParser()
    found: dict[str, tuple[set[str], ast.Message]] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        resource = parser.parse(path.read_text(encoding="utf-8"))
        junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
        assert not junk, f"{path}: syntax error: {junk[0].annotations}"
        for entry in resource.body:
            if isinstance(entry, ast.Message):
                assert entry.id.name not in found, f"{path}: duplicate {entry.id.name}"
                visitor = _Variables()
                visitor.visit(entry)
                found[entry.id.name] = (visitor.names, entry)
    return found


def test_same_files_in_every_locale() -> None:
    names = {locale: sorted(p.name for p in (LOCALES_DIR / locale).glob("*.ftl")) for locale in LOCALES}
    assert names["kk"] == names["ru"] == names["en"]


@pytest.mark.parametrize("locale", ["kk", "ru"])
def test_same_keys_and_variables_as_english(locale: str) -> None:
    english = _messages("en")
    other = _messages(locale)
    assert sorted(set(english) - set(other)) == [], f"missing in {locale}"
    assert sorted(set(other) - set(english)) == [], f"only in {locale}"
    for key, (variables, _) in english.items():
        assert other[key][0] == variables, f"{locale}:{key} variables differ"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_renders(locale: str) -> None:
    translator = Translator(default_locale=locale, strict=True)
    for key, (variables, _) in _messages(locale).items():
        text = translator.get(locale, key, **{name: "1" for name in variables})
        assert text.strip(), key
        assert "{" not in text and "}" not in text, key


def test_kazakh_is_written_with_kazakh_letters() -> None:
    """Guard against transliteration: long Kazakh texts use the specific letters."""
    translator = Translator(default_locale="kk", strict=True)
    messages = _messages("kk")
    rendered = {
        key: translator.get("kk", key, **{n: "1" for n in variables}) for key, (variables, _) in messages.items()
    }
    long_texts = {key: text for key, text in rendered.items() if len(text) > 60}
    assert long_texts
    for key, text in long_texts.items():
        assert KAZAKH_LETTERS & set(text.lower()), f"kk:{key} has no Kazakh-specific letters"
        # Names of things stay Latin (Telegram, @username, course.yaml), but the prose is Cyrillic.
        letters = [ch for ch in re.sub(r"<[^>]+>", "", text) if ch.isalpha()]
        cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in letters)
        assert cyrillic / len(letters) > 0.6, f"kk:{key} reads as transliterated"


def test_missing_variable_is_an_error_in_strict_mode() -> None:
    translator = Translator(strict=True)
    with pytest.raises(LookupError):
        translator.get("en", "registered")
