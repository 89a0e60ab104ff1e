"""The broadcast vocabulary: what is sent, to whom, and how far it got. No aiogram, no SQL."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, cast

from bot.delivery.outgoing import KnownFile, OutMessage

ContentKind = Literal["text", "photo", "document", "video"]
CONTENT_KINDS: tuple[ContentKind, ...] = ("text", "photo", "document", "video")
Settlement = Literal["rural", "urban"]

SENDING, DONE, CANCELLED = "sending", "done", "cancelled"
ITEM_PREFIX = "B"  # deliveries.item_key of a broadcast's copies: "B<broadcast id>"


def item_key(broadcast_id: int) -> str:
    return f"{ITEM_PREFIX}{broadcast_id}"


def broadcast_id_of(key: str) -> int | None:
    rest = key[len(ITEM_PREFIX) :] if key.startswith(ITEM_PREFIX) else ""
    return int(rest) if rest.isdigit() else None


@dataclass(frozen=True)
class BroadcastContent:
    """The message as learners get it: Telegram HTML (the text, or a file's caption) and, for a
    photo, document or video, the file Telegram already holds (sent again by its file_id)."""

    kind: ContentKind
    html: str
    file_id: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in CONTENT_KINDS:
            raise ValueError(f"unknown broadcast kind {self.kind!r}")
        if (self.kind == "text") != (self.file_id is None):
            raise ValueError("a text has no file; a photo, document or video has one")
        if self.kind == "text" and not self.html.strip():
            raise ValueError("an empty text")

    def message(self) -> OutMessage:
        if self.file_id is None:
            return OutMessage(self.html)
        return OutMessage(
            self.html, known=KnownFile(cast(Literal["photo", "document", "video"], self.kind), self.file_id)
        )


@dataclass(frozen=True)
class Audience:
    """Which active learners of the cohort get it. Learners known to have blocked the bot never
    do. ``extra`` holds the choices of filters other features add (``LearnerFilter``), as
    (filter key, value)."""

    region: str | None = None
    settlement: Settlement | None = None
    extra: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> str:
        return json.dumps(
            {"region": self.region, "settlement": self.settlement, "extra": [list(pair) for pair in self.extra]},
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> Audience:
        data = json.loads(text or "{}")
        settlement = data.get("settlement")
        return cls(
            region=data.get("region"),
            settlement=settlement if settlement in ("rural", "urban") else None,
            extra=tuple((str(k), str(v)) for k, v in data.get("extra", ())),
        )

    @property
    def everyone(self) -> bool:
        return self.region is None and self.settlement is None and not self.extra


@dataclass(frozen=True)
class FilterChoice:
    value: str
    message_id: str  # how the choice is named (Fluent), with ``args``
    args: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class LearnerFilter:
    """A filter another feature adds (homework: "has not handed in the homework of lesson N";
    the questionnaire: "has not answered it"): its choices in a cohort, and the learners each
    choice picks. Registered in ``BroadcastService.filters`` by the feature that owns the data;
    the recipients are those every chosen filter picks."""

    key: str
    label_id: str  # Fluent message id of the filter's button
    choices: Callable[[int], Awaitable[list[FilterChoice]]]
    matching: Callable[[int, str], Awaitable[set[int]]]  # (cohort id, value) -> user ids


@dataclass(frozen=True)
class Recipients:
    user_ids: tuple[int, ...]
    blocked: int  # learners the filters picked but who have blocked the bot: left out


@dataclass(frozen=True)
class Broadcast:
    id: int
    cohort_id: int
    created_by: int
    language: str
    content: BroadcastContent
    audience: Audience
    recipients: int
    status: str
    progress_chat: int | None
    progress_message: int | None
    created_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class Progress:
    """The copies of one broadcast by state."""

    total: int
    waiting: int = 0  # planned or being sent
    sent: int = 0
    unreachable: int = 0
    failed: int = 0
    cancelled: int = 0

    @property
    def finished(self) -> bool:
        return self.waiting == 0
