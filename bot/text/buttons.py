"""Button labels that fit a phone.

A phone shows about 30 characters of an inline button before it cuts the label off, and Kazakh
puts the verb last, so a cut label loses exactly the word that says what the button does. Every
label template in ``locales/`` stays within :data:`BUTTON_LIMIT` with sample values (see
tests/test_buttons.py); a value nobody controls (a course title, a cohort or person's name) is
shortened at a word boundary with "…" so that the whole label fits.
"""

from __future__ import annotations

from collections.abc import Callable

BUTTON_LIMIT = 30
ELLIPSIS = "…"
_TRAILING = " ,.;:—–-«(\"'"


def shorten(text: str, room: int) -> str:
    """``text`` in at most ``room`` characters: whole words and "…" when it is longer.

    A word is cut only when not even the first one fits in half the room.
    """
    text = " ".join(text.split())
    if len(text) <= room:
        return text
    if room <= len(ELLIPSIS):
        return ELLIPSIS[:room]
    cut = text[: room - len(ELLIPSIS)]
    if not text[len(cut)].isspace() and " " in cut:
        words = cut.rsplit(" ", 1)[0]
        if len(words) >= len(cut) // 2:
            cut = words
    return cut.rstrip(_TRAILING) + ELLIPSIS


def fitted(render: Callable[[str], str], value: str, limit: int = BUTTON_LIMIT) -> str:
    """``value``, shortened as much as ``render(value)`` needs to have at most ``limit`` characters."""
    excess = len(render(value)) - limit
    return value if excess <= 0 else shorten(value, max(len(value) - excess, 1))


def fit(render: Callable[[str], str], value: str, limit: int = BUTTON_LIMIT) -> str:
    """``render(value)``, with ``value`` shortened so that the label has at most ``limit`` characters."""
    return render(fitted(render, value, limit))


def fitted_arg(l10n: Callable[..., str], key: str, name: str, /, **args: object) -> str:
    """The value of argument ``name`` of message ``key``, shortened so that the label fits."""
    return fitted(lambda value: l10n(key, **{**args, name: value}), str(args[name]))


def fitted_label(l10n: Callable[..., str], key: str, name: str, /, **args: object) -> str:
    """Message ``key`` rendered as a button label, shortening argument ``name`` to make it fit.

    ``fitted_label(l10n, "courses-leave-button", "title", title=course_title)``.
    """
    return l10n(key, **{**args, name: fitted_arg(l10n, key, name, **args)})
