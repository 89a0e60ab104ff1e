"""Records kept by the Bot API emulator, shared by the server and the fake-user client.

Everything here is plain data plus small helpers. The objects that tests look at
(:class:`BotMessage`, :class:`ChatEvent`, :class:`CallbackAnswer`, ...) are live views of the
emulator state: a ``BotMessage`` returned by ``user.next_message()`` shows the text and
keyboard the message has *now*, after any later edits, which is what a person looking at the
chat would see.
"""

# The waiting helpers take a ``timeout`` argument on purpose: it is the test-facing API
# (``await user.next_message(timeout=2)``), clearer in test code than asyncio.timeout blocks.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple, TypeVar

T = TypeVar("T")

__all__ = [
    "ApiCall",
    "ApiError",
    "BotMessage",
    "CallbackAnswer",
    "CallbackQueryRecord",
    "ChatEvent",
    "ChatState",
    "Signal",
    "StoredFile",
    "Upload",
]


class ApiError(Exception):
    """A Telegram error answer: ``{"ok": false, "error_code": ..., "description": ...}``."""

    def __init__(self, error_code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(f"{error_code}: {description}")
        self.error_code = error_code
        self.description = description
        self.retry_after = retry_after

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(reason: str) -> ApiError:
    """Telegram prefixes every 400 description with "Bad Request: "."""
    return ApiError(400, f"Bad Request: {reason}")


class ApiCall(NamedTuple):
    """One request the bot made. ``params`` are decoded (JSON values parsed, files as Upload)."""

    method: str
    params: dict[str, Any]


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request, as the bot uploaded it."""

    filename: str
    content: bytes
    content_type: str

    def __repr__(self) -> str:
        return f"Upload({self.filename!r}, {len(self.content)} bytes, {self.content_type!r})"


@dataclass
class StoredFile:
    """A file known to the emulator: uploaded by the bot, sent by a fake user, or a URL.

    ``content`` is None for files sent by URL (the emulator never goes to the internet).
    """

    file_id: str
    file_unique_id: str
    kind: str  # photo, document, video, audio, voice, animation, sticker, video_note
    content: bytes | None
    file_name: str | None = None
    mime_type: str | None = None
    file_path: str = ""
    width: int | None = None
    height: int | None = None
    duration: int | None = None
    source: Literal["bot", "user", "url"] = "bot"
    url: str | None = None
    emoji: str | None = None

    @property
    def size(self) -> int | None:
        return None if self.content is None else len(self.content)

    def to_api(self) -> dict[str, Any]:
        """The Telegram object for this file (PhotoSize, Document, Voice, ...)."""
        data: dict[str, Any] = {"file_id": self.file_id, "file_unique_id": self.file_unique_id}
        if self.size is not None:
            data["file_size"] = self.size
        kind = self.kind
        if kind in ("photo", "video", "animation", "sticker"):
            data["width"] = self.width or 512
            data["height"] = self.height or 512
        if kind in ("video", "animation", "audio", "voice", "video_note"):
            data["duration"] = self.duration or 1
        if kind == "video_note":
            data["length"] = self.width or 240
        if kind == "sticker":
            data.update(type="regular", is_animated=False, is_video=False)
            if self.emoji:
                data["emoji"] = self.emoji
        if kind in ("document", "video", "audio", "animation") and self.file_name:
            data["file_name"] = self.file_name
        if kind not in ("photo", "sticker", "video_note") and self.mime_type:
            data["mime_type"] = self.mime_type
        return data

    def message_field(self) -> Any:
        """The value of the Message field named after ``kind`` (photo is a list of sizes)."""
        return [self.to_api()] if self.kind == "photo" else self.to_api()

    def describe(self) -> str:
        parts = [self.kind]
        if self.file_name:
            parts.append(self.file_name)
        details = [d for d in (self.mime_type, _human_size(self.size)) if d]
        if details:
            parts.append(f"({', '.join(details)})")
        return " ".join(parts)


def _human_size(size: int | None) -> str | None:
    if size is None:
        return None
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


@dataclass(eq=False)
class BotMessage:
    """A message the bot sent, always in its *current* state (edits applied, deletion marked).

    ``text`` is the plain text the user sees (for media: the plain caption, so ``expect()``
    works on both); ``html`` is the raw text/caption exactly as the bot sent it.
    """

    message_id: int
    chat_id: int
    kind: str  # text, photo, document, video, audio, voice, animation, sticker, poll, ...
    date: int
    html: str
    text: str
    entities: list[dict[str, Any]]
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    chat: dict[str, Any]
    sender: dict[str, Any]
    params: dict[str, Any] = field(default_factory=dict)
    file: StoredFile | None = None
    poll: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    reply_to: dict[str, Any] | None = None
    deleted: bool = False
    edit_date: int | None = None
    history: list[dict[str, Any]] = field(default_factory=list)

    @property
    def caption(self) -> str | None:
        """Plain caption of a media message; None for text messages and polls."""
        return None if self.kind in ("text", "poll") else self.text

    @property
    def version(self) -> int:
        """Number of edits so far; lets a test tell whether a message changed."""
        return len(self.history)

    @property
    def inline_keyboard(self) -> list[list[dict[str, Any]]]:
        markup = self.reply_markup or {}
        return markup.get("inline_keyboard") or []

    @property
    def buttons(self) -> list[list[str]]:
        """Labels of the inline keyboard, row by row ([] when there is none)."""
        return [[button.get("text", "") for button in row] for row in self.inline_keyboard]

    @property
    def button_labels(self) -> list[str]:
        return [label for row in self.buttons for label in row]

    def button(self, label: str) -> dict[str, Any] | None:
        """The inline button with exactly this label, or None."""
        for row in self.inline_keyboard:
            for button in row:
                if button.get("text") == label:
                    return button
        return None

    def callback_data(self, label: str) -> str | None:
        button = self.button(label)
        return None if button is None else button.get("callback_data")

    @property
    def callback_datas(self) -> dict[str, str]:
        """Label -> callback_data for every callback button."""
        return {b["text"]: b["callback_data"] for row in self.inline_keyboard for b in row if "callback_data" in b}

    @property
    def reply_keyboard(self) -> list[list[str]] | None:
        """Labels of a ReplyKeyboardMarkup sent with this message, or None."""
        markup = self.reply_markup or {}
        if "keyboard" not in markup:
            return None
        return [[b if isinstance(b, str) else b.get("text", "") for b in row] for row in markup["keyboard"]]

    @property
    def reply_keyboard_removed(self) -> bool:
        """True when this message carried ReplyKeyboardRemove."""
        return bool((self.reply_markup or {}).get("remove_keyboard"))

    def to_api(self) -> dict[str, Any]:
        """The Telegram ``Message`` object, as returned to the bot and put in callbacks."""
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "from": self.sender,
            "chat": self.chat,
            "date": self.date,
        }
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        if self.reply_to is not None:
            data["reply_to_message"] = self.reply_to
        data.update(copy.deepcopy(self.extra))
        if self.kind == "text":
            data["text"] = self.text
            if self.entities:
                data["entities"] = self.entities
        elif self.kind == "poll":
            data["poll"] = copy.deepcopy(self.poll)
        else:
            if self.file is not None:
                data[self.kind] = self.file.message_field()
            if self.text:
                data["caption"] = self.text
                if self.entities:
                    data["caption_entities"] = self.entities
        # Telegram echoes only inline keyboards back; reply keyboards are not part of Message.
        if self.inline_keyboard:
            data["reply_markup"] = {"inline_keyboard": copy.deepcopy(self.inline_keyboard)}
        return data

    def __repr__(self) -> str:
        state = " deleted" if self.deleted else ""
        return (
            f"<BotMessage #{self.message_id} chat={self.chat_id} {self.kind}{state} "
            f"text={self.text[:60]!r} buttons={self.buttons}>"
        )


@dataclass(frozen=True)
class ChatEvent:
    """Something the bot did in a chat; ``text``/``html``/``buttons`` are snapshots."""

    kind: Literal["message", "edit", "delete"]
    message: BotMessage
    text: str
    html: str
    buttons: list[list[str]]


@dataclass(frozen=True)
class CallbackAnswer:
    """The bot's answerCallbackQuery for one click."""

    query_id: str
    text: str | None
    show_alert: bool
    url: str | None
    cache_time: int | None


@dataclass
class CallbackQueryRecord:
    """A callback query a fake user produced; ``answer`` is filled when the bot answers it."""

    id: str
    chat_id: int
    data: str | None
    message_id: int | None
    label: str | None
    answer: CallbackAnswer | None = None

    @property
    def answered(self) -> bool:
        return self.answer is not None


@dataclass
class ChatState:
    """Everything the emulator knows about one chat (private chat id == user id)."""

    id: int
    type: str  # private, group, supergroup
    chat_json: dict[str, Any]
    user_json: dict[str, Any] | None = None
    next_message_id: int = 1
    started: bool = True
    blocked: bool = False
    bot_messages: dict[int, BotMessage] = field(default_factory=dict)
    user_messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    events: list[ChatEvent] = field(default_factory=list)
    transcript: list[str] = field(default_factory=list)
    callbacks: list[CallbackQueryRecord] = field(default_factory=list)
    chat_actions: list[str] = field(default_factory=list)
    reply_keyboard: BotMessage | None = None  # the message whose reply keyboard is shown

    def new_message_id(self) -> int:
        """Message ids are per chat and shared by both sides, as in Telegram private chats."""
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id


class Signal:
    """ "Something changed" notification usable from sync code.

    ``asyncio.Condition.notify`` needs the lock (an ``await``), but fake-user actions such as
    ``block_bot()`` are synchronous. Waiters instead re-check their predicate whenever the
    current event fires; ``notify`` swaps in a fresh event, so no waiter can miss a change.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        event, self._event = self._event, asyncio.Event()
        event.set()

    async def wait_for(self, predicate: Callable[[], T | None], timeout: float) -> T | None:
        """Return the first truthy ``predicate()`` result, or None after ``timeout`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = predicate()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                return None
            event = self._event
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except TimeoutError:
                pass


def format_bot_lines(message: BotMessage, head: str) -> list[str]:
    """Transcript lines for a bot message: ``head`` + text, then keyboard rows."""
    body = message.text
    if message.kind == "poll" and message.poll is not None:
        options = " / ".join(o["text"] for o in message.poll["options"])
        body = f"[poll] {message.poll['question']} ({options})"
    elif message.kind != "text":
        label = message.file.describe() if message.file else message.kind
        body = f"[{label}] {body}".rstrip()
    if "forward_origin" in message.extra:
        head += " (forwarded)"
    lines = _indent_block(f"{head}: ", body or "(empty)")
    for row in message.buttons:
        lines.append("   " + " ".join(f"[{label}]" for label in row))
    if message.reply_keyboard is not None:
        rows = [" ".join(f"[{label}]" for label in row) for row in message.reply_keyboard]
        lines.append("   keyboard: " + " / ".join(rows))
    if message.reply_keyboard_removed:
        lines.append("   keyboard removed")
    return lines


def _indent_block(prefix: str, text: str) -> list[str]:
    first, *rest = text.split("\n")
    pad = " " * len(prefix)
    return [prefix + first, *[pad + line if line else "" for line in rest]]


def format_user_line(prefix: str, text: str) -> list[str]:
    """Transcript lines for something the user did (``> user: ...``)."""
    return _indent_block(prefix, text)
