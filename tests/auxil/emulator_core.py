"""State and shared machinery of the Bot API emulator (no HTTP, no method handlers).

Split from the server so each file stays readable: :mod:`emulator_methods` implements the API
methods on top of this, :mod:`emulator` adds the aiohttp server and the public test API.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import secrets
import struct
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .emulator_html import EntityParseError, parse_html
from .emulator_models import (
    ApiCall,
    ApiError,
    BotMessage,
    CallbackQueryRecord,
    ChatEvent,
    ChatState,
    Signal,
    StoredFile,
    Upload,
    bad_request,
    format_bot_lines,
)

if TYPE_CHECKING:
    from .emulator_chat import FakeChat

DEFAULT_TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64

#: Update types Telegram delivers when allowed_updates was never set (or set to []).
NOT_DELIVERED_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

#: Parameters holding free text: never JSON-decoded when recording calls ("123" stays a str).
_TEXT_KEYS = frozenset(
    {
        "text",
        "caption",
        "question",
        "explanation",
        "description",
        "short_description",
        "name",
        "callback_query_id",
        "action",
        "parse_mode",
        "url",
        "emoji",
        "title",
        "performer",
        "file_id",
        "language_code",
        "phone_number",
        "first_name",
        "last_name",
    }
)

_FILE_PREFIX = {
    "photo": "AgAC",
    "document": "BQAC",
    "video": "BAAC",
    "audio": "CQAC",
    "voice": "AwAC",
    "animation": "CgAC",
    "sticker": "CAAC",
    "video_note": "DQAC",
}
_FILE_FOLDER = {
    "photo": "photos",
    "document": "documents",
    "video": "videos",
    "audio": "music",
    "voice": "voice",
    "animation": "animations",
    "sticker": "stickers",
    "video_note": "video_notes",
}
_DEFAULT_EXT = {
    "photo": ".jpg",
    "video": ".mp4",
    "audio": ".mp3",
    "voice": ".oga",
    "animation": ".mp4",
    "sticker": ".webp",
    "video_note": ".mp4",
    "document": "",
}
_EXT_RE = re.compile(r"\.[A-Za-z0-9]{1,8}$")


class Params:
    """Request parameters as Telegram receives them: strings, plus uploaded file parts.

    aiogram sends every value as a form string (ints as "42", bools as "true", objects as JSON),
    so the typed getters here parse exactly what Telegram would parse.
    """

    def __init__(self, raw: dict[str, str], files: dict[str, Upload]) -> None:
        self.raw = raw
        self.files = files

    def has(self, key: str) -> bool:
        return key in self.raw or key in self.files

    def get_str(self, key: str, default: str | None = None) -> str | None:
        return self.raw.get(key, default)

    def require_str(self, key: str) -> str:
        value = self.raw.get(key)
        if value is None or value == "":
            raise bad_request(f'parameter "{key}" is required')
        return value

    def get_int(self, key: str, default: int | None = None) -> int | None:
        value = self.raw.get(key)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except ValueError:
            raise bad_request(f"invalid {key} specified") from None

    def get_bool(self, key: str, default: bool = False) -> bool:
        value = self.raw.get(key)
        if value is None or value == "":
            return default
        return value.strip().lower() in ("true", "1", "yes")

    def get_json(self, key: str, default: Any = None) -> Any:
        value = self.raw.get(key)
        if value is None or value == "":
            return default
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {key} JSON object") from None

    def decoded(self) -> dict[str, Any]:
        """Human-friendly copy for ``emu.calls``: JSON values parsed, attach:// -> Upload."""
        result: dict[str, Any] = {}
        for key, value in self.raw.items():
            if value.startswith("attach://") and value[9:] in self.files:
                result[key] = self.files[value[9:]]
            elif key in _TEXT_KEYS:
                result[key] = value
            else:
                try:
                    result[key] = json.loads(value)
                except ValueError:
                    result[key] = value
        for key, upload in self.files.items():
            if not any(v == f"attach://{key}" for v in self.raw.values()):
                result[key] = upload
        return result


@dataclass
class _Failure:
    method: str  # lower-case
    error_code: int
    description: str
    retry_after: int | None
    times: int
    chat_id: int | None


@dataclass
class _Limits:
    """Sliding-window flood limits, modelled on Telegram's documented bot limits."""

    per_second_overall: int | None
    per_chat_interval: float | None
    per_chat_burst: int
    per_group_per_minute: int | None
    retry_after: int | None
    overall: deque[float] = field(default_factory=deque)
    per_chat: dict[int, deque[float]] = field(default_factory=dict)

    def check_and_record(self, chat_id: int | None, now: float) -> int | None:
        """Return seconds to wait if this send is over a limit, else record it and None."""
        waits: list[float] = []
        _expire(self.overall, now - 1.0)
        if self.per_second_overall and len(self.overall) >= self.per_second_overall:
            waits.append(self.overall[0] + 1.0 - now)
        chat_log: deque[float] | None = None
        if chat_id is not None:
            chat_log = self.per_chat.setdefault(chat_id, deque())
            _expire(chat_log, now - 60.0)
            if self.per_chat_interval:
                recent = [t for t in chat_log if t > now - self.per_chat_interval]
                if len(recent) >= self.per_chat_burst:
                    waits.append(recent[-self.per_chat_burst] + self.per_chat_interval - now)
            if chat_id < 0 and self.per_group_per_minute and (len(chat_log) >= self.per_group_per_minute):
                waits.append(chat_log[-self.per_group_per_minute] + 60.0 - now)
        if waits:
            if self.retry_after is not None:
                return self.retry_after
            return max(1, round(max(waits) + 0.499))
        self.overall.append(now)
        if chat_log is not None:
            chat_log.append(now)
        return None


def _expire(log: deque[float], before: float) -> None:
    while log and log[0] <= before:
        log.popleft()


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width/height of a PNG or JPEG, so photos report believable dimensions."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            length = struct.unpack(">H", data[i + 2 : i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[i + 5 : i + 9])
                return width, height
            i += 2 + length
    return None


@dataclass
class WebhookState:
    """A webhook set with setWebhook: updates are POSTed there instead of waiting for getUpdates."""

    url: str
    secret: str | None
    #: (unix time, description) of the last failed delivery, as getWebhookInfo reports it.
    last_error: tuple[int, str] | None = None
    #: HTTP status of every POST, in order (0: no connection).
    statuses: list[int] = field(default_factory=list)


class EmulatorCore:
    """State of the emulated Bot API plus helpers shared by method handlers and fake users."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "oqu_test_bot",
        bot_name: str = "Oqu",
    ) -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_username = bot_username
        self.bot_user: dict[str, Any] = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
        }
        #: Every request, in order: ``ApiCall(method, decoded_params)``.
        self.calls: list[ApiCall] = []
        #: Counters: "requests", "sent", "edited", "deleted", "rate_limited" (429 from
        #: enforce_limits), "injected" (fail_next), "error_<code>" per error answer,
        #: "unknown_method".
        self.stats: Counter[str] = Counter()
        #: Seconds of delay added before every response.
        self.latency: float = 0.0
        self.chats: dict[int, ChatState] = {}
        self.files: dict[str, StoredFile] = {}
        self.bot_settings: dict[str, Any] = {}
        self._fakes: dict[int, FakeChat] = {}
        self._files_by_path: dict[str, StoredFile] = {}
        self._commands: dict[tuple[tuple[str, Any, Any], str], list[dict[str, Any]]] = {}
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1
        self._allowed_updates: set[str] | None = None
        self._poll_generation = 0
        self._callbacks: dict[str, CallbackQueryRecord] = {}
        self._polls: dict[str, BotMessage] = {}
        self._failures: list[_Failure] = []
        self._limits: _Limits | None = None
        self._counter = 0
        self._closing = False
        self._signal = Signal()
        #: Set by setWebhook; while set, getUpdates answers 409 and updates are POSTed.
        self.webhook: WebhookState | None = None
        self._webhook_task: asyncio.Task[None] | None = None

    # ----------------------------------------------------------------- identifiers

    def _next_id(self) -> int:
        self._counter += 1
        return self._counter

    def _now(self) -> int:
        return int(time.time())

    # ----------------------------------------------------------------- updates

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by the bot (getUpdates with a higher offset)."""
        return list(self._updates)

    def _enqueue(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue an update of type ``kind`` and wake long-polling getUpdates."""
        update = {"update_id": self._next_update_id, kind: payload}
        self._next_update_id += 1
        self._updates.append(update)
        self._signal.notify()
        return update

    def _allowed(self, update: dict[str, Any]) -> bool:
        kind = next(k for k in update if k != "update_id")
        if self._allowed_updates is None:
            return kind not in NOT_DELIVERED_BY_DEFAULT
        return kind in self._allowed_updates

    # ----------------------------------------------------------------- webhook

    def _start_webhook_pusher(self) -> None:
        if self._webhook_task is None or self._webhook_task.done():
            self._webhook_task = asyncio.create_task(self._push_webhook_updates())

    async def _stop_webhook_pusher(self) -> None:
        task, self._webhook_task = self._webhook_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _push_webhook_updates(self) -> None:
        """POST pending updates to the webhook one at a time, in order, as Telegram does.

        An update leaves the queue only when the bot answers 2xx; otherwise it is tried again
        (Telegram backs off for minutes; here a fifth of a second) and the error is kept for
        getWebhookInfo.
        """
        import aiohttp

        def ready() -> bool:
            return self._closing or (self.webhook is not None and any(self._allowed(u) for u in self._updates))

        async with aiohttp.ClientSession() as session:
            while not self._closing:
                await self._signal.wait_for(ready, 3600)
                hook = self.webhook
                if self._closing or hook is None:
                    continue
                self._updates = [u for u in self._updates if self._allowed(u)]
                update = self._updates[0]
                headers = {"X-Telegram-Bot-Api-Secret-Token": hook.secret} if hook.secret else {}
                try:
                    async with session.post(hook.url, json=update, headers=headers) as response:
                        status = response.status
                        await response.read()
                except (aiohttp.ClientError, OSError) as error:
                    status, problem = 0, f"Connection failed: {error}"
                else:
                    problem = f"Wrong response from the webhook: {status} {response.reason}"
                hook.statuses.append(status)
                if 200 <= status < 300:
                    if self._updates and self._updates[0] is update:
                        self._updates.pop(0)
                    self.stats["webhook_delivered"] += 1
                    continue
                hook.last_error = (self._now(), problem)
                self.stats["webhook_failed"] += 1
                await asyncio.sleep(0.2)

    # ----------------------------------------------------------------- chats

    def _chat(self, p: Params, key: str = "chat_id", *, sending: bool = True) -> ChatState:
        """Resolve ``chat_id`` the way Telegram does, including 400/403 answers."""
        value = p.get_str(key)
        if value is None or value == "":
            raise bad_request(f"{key} is empty")
        try:
            chat_id = int(value)
        except ValueError:
            raise bad_request("chat not found") from None
        chat = self.chats.get(chat_id)
        if chat is None:
            raise bad_request("chat not found")
        if sending and chat.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if sending and not chat.started:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        return chat

    def _record_event(self, chat: ChatState, kind: str, message: BotMessage) -> None:
        chat.events.append(
            ChatEvent(
                kind=kind,  # type: ignore[arg-type]
                message=message,
                text=message.text,
                html=message.html,
                buttons=message.buttons,
            )
        )
        if kind == "message":
            chat.transcript.extend(format_bot_lines(message, f"< bot #{message.message_id}"))
        elif kind == "edit":
            chat.transcript.extend(format_bot_lines(message, f"< bot edits #{message.message_id}"))
            before = message.history[-1]["reply_markup"] if message.history else None
            if (before or {}).get("inline_keyboard") and not message.inline_keyboard:
                chat.transcript.append("   (inline keyboard removed)")
        else:
            chat.transcript.append(f"< bot deletes #{message.message_id}")
        self._signal.notify()

    # ----------------------------------------------------------------- text & markup

    def _formatted(
        self,
        p: Params,
        key: str,
        *,
        caption: bool = False,
        entities_key: str = "entities",
        mode_key: str = "parse_mode",
    ) -> tuple[str, str, list[dict[str, Any]], str | None]:
        """Parse ``p[key]`` according to parse_mode: returns (raw, plain, entities, mode).

        Validates exactly what Telegram validates: HTML syntax, emptiness (text only) and the
        4096/1024 limits, which apply to the *plain* text after tags are removed.
        """
        raw = p.get_str(key) or ""
        mode = p.get_str(mode_key) or None
        plain, entities = parse_formatted(raw, mode, p.get_json(entities_key) or [])
        if caption:
            if len(plain) > MAX_CAPTION:
                raise bad_request("message caption is too long")
        else:
            if not plain:
                raise bad_request("message text is empty")
            if len(plain) > MAX_TEXT:
                raise bad_request("message is too long")
        return raw, plain, entities, mode

    def _reply_markup(self, p: Params) -> dict[str, Any] | None:
        markup = p.get_json("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            self._validate_inline_keyboard(markup["inline_keyboard"])
        elif "keyboard" in markup:
            rows = markup["keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise bad_request('field "keyboard" of the ReplyKeyboardMarkup must be an Array')
        elif not (markup.get("remove_keyboard") or markup.get("force_reply")):
            raise bad_request("can't parse reply keyboard markup JSON object")
        return markup

    @staticmethod
    def _validate_inline_keyboard(rows: Any) -> None:
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array')
        actions = (
            "url",
            "callback_data",
            "web_app",
            "login_url",
            "switch_inline_query",
            "switch_inline_query_current_chat",
            "switch_inline_query_chosen_chat",
            "copy_text",
            "callback_game",
            "pay",
        )
        for row in rows:
            for button in row:
                if not isinstance(button, dict) or not button.get("text"):
                    raise bad_request("can't parse inline keyboard button: Text must be non-empty")
                if not any(a in button for a in actions):
                    raise bad_request(
                        "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
                    )
                if "callback_data" in button:
                    data = button["callback_data"]
                    if not isinstance(data, str) or not data or (len(data.encode("utf-8")) > MAX_CALLBACK_DATA):
                        raise bad_request("BUTTON_DATA_INVALID")
                if "url" in button:
                    url = str(button["url"])
                    if not re.match(r"^(https?|tg)://\S+$", url):
                        raise bad_request("BUTTON_URL_INVALID")

    # ----------------------------------------------------------------- files

    def _store_file(
        self,
        kind: str,
        content: bytes | None,
        *,
        source: str,
        file_name: str | None = None,
        mime_type: str | None = None,
        url: str | None = None,
        duration: int | None = None,
        emoji: str | None = None,
    ) -> StoredFile:
        """Register a file and give it Telegram-looking, unique ``file_id``s and a path."""
        n = self._next_id()
        ext_match = _EXT_RE.search(file_name or "")
        ext = ext_match.group(0).lower() if ext_match else _DEFAULT_EXT.get(kind, "")
        width = height = None
        if kind in ("photo", "sticker") and content:
            default = (512, 512) if kind == "sticker" else (1280, 720)
            width, height = image_size(content) or default
        stored = StoredFile(
            file_id=f"{_FILE_PREFIX.get(kind, 'BQAC')}AgAD{n:05d}{secrets.token_urlsafe(18)}",
            file_unique_id=f"AQAD{n:05d}{secrets.token_urlsafe(6)}",
            kind=kind,
            content=content,
            file_name=file_name,
            mime_type=mime_type,
            file_path=f"{_FILE_FOLDER.get(kind, 'documents')}/file_{n}{ext}",
            width=width,
            height=height,
            duration=duration,
            source=source,  # type: ignore[arg-type]
            url=url,
            emoji=emoji,
        )
        self.files[stored.file_id] = stored
        self._files_by_path[stored.file_path] = stored
        return stored

    # ----------------------------------------------------------------- public helpers

    def commands(
        self,
        scope_type: str = "default",
        chat_id: int | str | None = None,
        language_code: str = "",
        user_id: int | None = None,
    ) -> list[tuple[str, str]]:
        """Commands set with setMyCommands for exactly this scope and language."""
        key = (
            _scope_key({"type": scope_type, "chat_id": chat_id, "user_id": user_id}),
            language_code,
        )
        return [(c["command"], c["description"]) for c in self._commands.get(key, [])]

    def call_count(self, method: str) -> int:
        """How many times the bot called ``method`` (case-insensitive)."""
        return sum(1 for call in self.calls if call.method.lower() == method.lower())

    def calls_of(self, method: str) -> list[dict[str, Any]]:
        """Decoded params of every call of ``method`` (case-insensitive), oldest first."""
        return [c.params for c in self.calls if c.method.lower() == method.lower()]


def parse_formatted(raw: str, mode: str | None, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and entities of ``raw`` under ``mode`` (None: ``entities`` as given)."""
    if mode is not None and mode.lower() == "html":
        try:
            return parse_html(raw)
        except EntityParseError as err:
            raise bad_request(f"can't parse entities: {err}") from None
    if mode is None or mode.lower() in ("markdown", "markdownv2"):
        # Markdown is not emulated (the bot uses HTML): the text is kept as it is.
        return raw.strip(), entities
    raise bad_request("unsupported parse_mode")


def _scope_key(scope: dict[str, Any] | None) -> tuple[str, Any, Any]:
    scope = scope or {"type": "default"}
    chat_id = scope.get("chat_id")
    if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
        chat_id = int(chat_id)
    return str(scope.get("type", "default")), chat_id, scope.get("user_id")
