"""Alphabetical order as Kazakh, Russian and English readers expect it.

Python's ``sorted`` orders by code point, which puts the Kazakh letters ә ғ қ ң ө ұ ү һ і after я
(they live in the Cyrillic Supplement block). Kazakh Cyrillic has its own order, with each of those
letters next to its base letter; Russian order is the same alphabet without them. An explicit
alphabet is enough for names of regions and the like: no ICU needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

# The Kazakh Cyrillic alphabet (42 letters). The Russian alphabet is this one without the nine
# Kazakh letters, in the same order, so one key serves both.
KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_RANK = {letter: rank for rank, letter in enumerate(KAZAKH_ALPHABET)}
_LATIN_BASE = len(KAZAKH_ALPHABET)  # Latin letters sort after Cyrillic ones in kk and ru


def sort_key(locale: str, text: str) -> tuple[tuple[int, int], ...]:
    """A key that orders ``text`` alphabetically for readers of ``locale``.

    Case is ignored; a space or punctuation sorts before any letter, so "Алматы (қала)" comes
    before "Алматы облысы", as in a dictionary. English uses the Latin alphabet only.
    """
    key: list[tuple[int, int]] = []
    for char in text.casefold():
        if locale in ("kk", "ru") and char in _RANK:
            key.append((1, _RANK[char]))
        elif char.isalpha():
            key.append((1, _LATIN_BASE + ord(char)))
        else:
            key.append((0, ord(char)))
    return tuple(key)


def alphabetical(locale: str, items: Iterable[T], label: Callable[[T], str]) -> list[T]:
    """``items`` ordered by their ``label`` in the alphabet of ``locale``."""
    return sorted(items, key=lambda item: sort_key(locale, label(item)))
