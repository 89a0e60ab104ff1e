"""Kazakhstan's 17 regions and 3 cities of republican significance.

Stored by code; shown through Fluent as ``region-<code>`` in the person's language.
"""

from __future__ import annotations

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


def message_id(code: str) -> str:
    return f"region-{code}"
