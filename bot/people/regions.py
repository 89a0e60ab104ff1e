"""Kazakhstan's 17 regions and 3 cities of republican significance.

Stored by code; shown through Fluent as ``region-<code>`` in the person's language, and offered in
that language's alphabetical order (Kazakh order puts қ after к, ұ after у and so on).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.text.collation import alphabetical

CITIES = ("astana", "almaty-city", "shymkent")
REGIONS = (
    "abai",
    "akmola",
    "aktobe",
    "almaty-region",
    "atyrau",
    "east-kazakhstan",
    "jambyl",
    "jetisu",
    "karaganda",
    "kostanay",
    "kyzylorda",
    "mangystau",
    "north-kazakhstan",
    "pavlodar",
    "turkistan",
    "ulytau",
    "west-kazakhstan",
)
ALL = CITIES + REGIONS

# The official Russian names of the three regions formed in 2022 put the generic word first
# ("область Абай", "область Жетісу", "область Ұлытау"); a reader looks for them under the name
# itself, so the leading word is not part of the sort key.
_LEADING_GENERIC = re.compile(r"^область\s+", re.IGNORECASE)


def message_id(code: str) -> str:
    return f"region-{code}"


def in_alphabetical_order(locale: str, label: Callable[[str], str], codes: Iterable[str] = ALL) -> list[str]:
    """Region codes in the alphabetical order of their ``label`` (their name in ``locale``)."""
    return alphabetical(locale, codes, lambda code: _LEADING_GENERIC.sub("", label(code)))
