"""An emulated Telegram Bot API server for end-to-end tests of the bot.

The real bot runs unchanged against it: configure ``TELEGRAM_API_URL=emu.base_url`` and the
bot's aiogram session sends ``POST {base}/bot{token}/{method}`` here instead of to Telegram.
Tests drive conversations through fake users (:meth:`BotAPIEmulator.user`) and assert on what
the bot sent, the way a person would see it in the app::

    async with BotAPIEmulator() as emu:
        user = emu.user(1001, first_name="Айгүл")
        await user.send_text("/start")
        msg = await user.next_message()
        await user.click("Қазақша")
        ...
        print(emu.transcript(1001))

Behaviour follows Telegram, including its error answers (same descriptions and HTTP statuses,
so aiogram raises the same exception types), long polling, offsets, HTML validation and the
quirks a bot must cope with: an edit without ``reply_markup`` removes the inline keyboard,
identical edits fail with "message is not modified", blocked users answer 403.

Module layout: :mod:`emulator_html` (Telegram's HTML rules), :mod:`emulator_models` (records),
:mod:`emulator_core` (state), :mod:`emulator_methods_bot` and :mod:`emulator_methods` (the API
methods), :mod:`emulator_chat` and :mod:`emulator_users` (fake chats and users). Import
everything from here.
"""

from __future__ import annotations

import asyncio
import json
from functools import partial
from types import TracebackType
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .emulator_chat import FakeChat
from .emulator_core import DEFAULT_TOKEN, Params, _Failure, _Limits
from .emulator_methods import API_METHODS, EmulatorMethods
from .emulator_models import (
    ApiCall,
    ApiError,
    BotMessage,
    CallbackAnswer,
    CallbackQueryRecord,
    ChatEvent,
    ChatState,
    StoredFile,
    Upload,
)
from .emulator_users import FakeGroup, FakeUser, tiny_png

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.client.telegram import TelegramAPIServer

__all__ = [
    "DEFAULT_TOKEN",
    "ApiCall",
    "ApiError",
    "BotAPIEmulator",
    "BotMessage",
    "CallbackAnswer",
    "CallbackQueryRecord",
    "ChatEvent",
    "FakeChat",
    "FakeGroup",
    "FakeUser",
    "StoredFile",
    "Upload",
    "tiny_png",
]

_dumps = partial(json.dumps, ensure_ascii=False)
MAX_UPLOAD = 64 * 1024 * 1024


class BotAPIEmulator(EmulatorMethods):
    """In-process Telegram Bot API on 127.0.0.1 with a random port.

    :param token: the only token accepted; any other gets 401 Unauthorized. The bot id is the
        number before the colon, exactly like Telegram tokens.
    :param bot_username: username reported by getMe.
    :param bot_name: first_name reported by getMe.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "oqu_test_bot",
        bot_name: str = "Oqu",
    ) -> None:
        super().__init__(token, bot_username=bot_username, bot_name=bot_name)
        self._runner: web.AppRunner | None = None
        self._port: int | None = None

    # ------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        app = web.Application(client_max_size=MAX_UPLOAD)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        # handler_cancellation: a client that goes away (stopped polling) must not leave a
        # long-poll handler behind that would later answer 409 to nobody or delay shutdown.
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = self._runner.addresses[0][1]
        self._closing = False

    async def stop(self) -> None:
        """Stop serving; pending long polls return at once instead of blocking shutdown."""
        self._closing = True
        self._signal.notify()
        await self._stop_webhook_pusher()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BotAPIEmulator:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """E.g. "http://127.0.0.1:38211"; what TELEGRAM_API_URL should be set to."""
        if self._port is None:
            raise RuntimeError("BotAPIEmulator is not started")
        return f"http://127.0.0.1:{self._port}"

    def api_server(self) -> TelegramAPIServer:
        from aiogram.client.telegram import TelegramAPIServer

        return TelegramAPIServer.from_base(self.base_url)

    def create_bot(self, **kwargs: Any) -> Bot:
        """A plain ``aiogram.Bot`` wired to this emulator (kwargs go to ``Bot``).

        Its session skips the 250 ms pause ``AiohttpSession.close()`` makes for TLS
        connections to wind down: there is no TLS on loopback, and it adds up over a suite.
        """
        from aiogram import Bot
        from aiogram.client.session.aiohttp import AiohttpSession

        class LoopbackSession(AiohttpSession):
            async def close(self) -> None:
                if self._session is not None and not self._session.closed:
                    await self._session.close()

        return Bot(self.token, session=LoopbackSession(api=self.api_server()), **kwargs)

    # ------------------------------------------------------------ HTTP

    async def _read_request(self, request: web.Request) -> Params:
        raw: dict[str, str] = dict(request.query)
        files: dict[str, Upload] = {}
        if request.content_type == "application/json":
            body = await request.json()
            for key, value in (body or {}).items():
                raw[key] = value if isinstance(value, str) else _dumps(value)
        elif request.method == "POST" and request.can_read_body:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = Upload(value.filename, value.file.read(), value.content_type)
                elif isinstance(value, bytes | bytearray):
                    raw[key] = bytes(value).decode("utf-8", "replace")
                else:
                    raw[key] = value
        return Params(raw, files)

    @staticmethod
    def _answer(body: dict[str, Any], status: int = 200) -> web.Response:
        return web.json_response(body, status=status, dumps=_dumps)

    async def _handle(self, request: web.Request) -> web.Response:
        self.stats["requests"] += 1
        name = request.match_info["method"]
        spec = API_METHODS.get(name.lower())
        method = spec.name if spec else name
        try:
            params = await self._read_request(request)
        except (ValueError, UnicodeDecodeError):
            return self._answer(ApiError(400, "Bad Request: invalid request").to_json(), 400)
        self.calls.append(ApiCall(method, params.decoded()))
        if request.match_info["token"] != self.token:
            self.stats["error_401"] += 1
            return self._answer(ApiError(401, "Unauthorized").to_json(), 401)
        if self.latency:
            await asyncio.sleep(self.latency)
        try:
            self._inject_failure(method, params)
            if spec is None:
                self.stats["unknown_method"] += 1
                raise ApiError(404, "Not Found")
            if spec.sends:
                self._apply_limits(params)
            result = await spec.handler(self, params)
        except ApiError as err:
            self.stats[f"error_{err.error_code}"] += 1
            self._log_failure(method, params, err)
            return self._answer(err.to_json(), err.error_code)
        return self._answer({"ok": True, "result": result})

    def _log_failure(self, method: str, params: Params, err: ApiError) -> None:
        """Put failed calls into the chat transcript: they explain what the user missed."""
        try:
            chat = self.chats.get(int(params.get_str("chat_id") or ""))
        except ValueError:
            return
        if chat is not None:
            chat.transcript.append(f"! bot {method} failed: {err.error_code} {err.description}")

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return self._answer(ApiError(401, "Unauthorized").to_json(), 401)
        stored = self._files_by_path.get(request.match_info["path"])
        if stored is None or stored.content is None:
            return self._answer(ApiError(404, "Not Found").to_json(), 404)
        return web.Response(body=stored.content, content_type=stored.mime_type or "application/octet-stream")

    # ------------------------------------------------------------ failures & limits

    def fail_next(
        self,
        method: str,
        *,
        error_code: int,
        description: str,
        retry_after: int | None = None,
        times: int = 1,
        chat_id: int | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with this error instead of handling them.

        ``description`` is sent verbatim (Telegram style: "Bad Request: ...", "Too Many
        Requests: retry after 5"); ``retry_after`` adds ``parameters.retry_after`` so aiogram
        raises TelegramRetryAfter. ``chat_id`` restricts the failure to calls for that chat.
        """
        self._failures.append(_Failure(method.lower(), error_code, description, retry_after, times, chat_id))

    def _inject_failure(self, method: str, params: Params) -> None:
        for failure in self._failures:
            if failure.method != method.lower():
                continue
            if failure.chat_id is not None and params.get_str("chat_id") != str(failure.chat_id):
                continue
            failure.times -= 1
            if failure.times <= 0:
                self._failures.remove(failure)
            self.stats["injected"] += 1
            raise ApiError(failure.error_code, failure.description, failure.retry_after)

    def enforce_limits(
        self,
        per_second_overall: int | None = 30,
        per_chat_interval: float | None = 1.0,
        per_group_per_minute: int | None = 20,
        retry_after: int | None = None,
        *,
        per_chat_burst: int = 1,
    ) -> None:
        """Answer 429 when sends exceed Telegram's documented flood limits (off by default).

        Counted methods: send*, copyMessage, forwardMessage (not edits, not chat actions).
        Per chat, at most ``per_chat_burst`` sends per ``per_chat_interval`` seconds; groups
        (negative ids) also at most ``per_group_per_minute`` per minute; at most
        ``per_second_overall`` in any second. ``retry_after`` fixes the value sent in
        ``parameters.retry_after``; by default it is the seconds until the window frees up.
        Each 429 increments ``stats["rate_limited"]``.
        """
        self._limits = _Limits(
            per_second_overall=per_second_overall,
            per_chat_interval=per_chat_interval,
            per_chat_burst=per_chat_burst,
            per_group_per_minute=per_group_per_minute,
            retry_after=retry_after,
        )

    def disable_limits(self) -> None:
        self._limits = None

    def _apply_limits(self, params: Params) -> None:
        if self._limits is None:
            return
        try:
            chat_id: int | None = int(params.get_str("chat_id") or "")
        except ValueError:
            chat_id = None
        wait = self._limits.check_and_record(chat_id, asyncio.get_running_loop().time())
        if wait is not None:
            self.stats["rate_limited"] += 1
            raise ApiError(429, f"Too Many Requests: retry after {wait}", retry_after=wait)

    # ------------------------------------------------------------ fake users & chats

    def user(
        self,
        user_id: int,
        first_name: str = "Айгүл",
        language_code: str | None = "kk",
        username: str | None = None,
        last_name: str | None = None,
        *,
        started: bool = True,
    ) -> FakeUser:
        """The fake person with this id (created on first call, the same object afterwards).

        The private chat id equals the user id. ``started=False`` models someone who never
        opened the bot: sends to them fail with 403 until they write something.
        """
        existing = self._fakes.get(user_id)
        if existing is not None:
            if not isinstance(existing, FakeUser):
                raise ValueError(f"chat {user_id} is not a private chat")
            return existing
        if user_id <= 0:
            raise ValueError("user ids are positive")
        chat_json: dict[str, Any] = {"id": user_id, "type": "private", "first_name": first_name}
        if last_name:
            chat_json["last_name"] = last_name
        if username:
            chat_json["username"] = username
        chat = ChatState(id=user_id, type="private", chat_json=chat_json, started=started)
        self.chats[user_id] = chat
        fake = FakeUser(
            self,
            chat,
            user_id=user_id,
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        chat.user_json = fake.json
        self._fakes[user_id] = fake
        return fake

    def group(self, chat_id: int = -1001234567890, title: str = "Oqu group", *, supergroup: bool = True) -> FakeGroup:
        """A group chat the bot is a member of (ids are negative, as on Telegram)."""
        existing = self._fakes.get(chat_id)
        if isinstance(existing, FakeGroup):
            return existing
        if chat_id >= 0:
            raise ValueError("group chat ids are negative")
        kind = "supergroup" if supergroup else "group"
        chat = ChatState(id=chat_id, type=kind, chat_json={"id": chat_id, "type": kind, "title": title})
        self.chats[chat_id] = chat
        fake = FakeGroup(self, chat)
        self._fakes[chat_id] = fake
        return fake

    @property
    def users(self) -> list[FakeUser]:
        return [f for f in self._fakes.values() if isinstance(f, FakeUser)]

    def transcript(self, chat_id: int) -> str:
        """The conversation in chat ``chat_id`` as readable text, oldest first.

        ``> user: ...`` is what the person typed, ``> user presses [label]`` a click,
        ``< bot #N: ...`` a bot message (its inline keyboard rows follow, indented),
        ``< bot edits #N: ...`` / ``< bot deletes #N`` changes to earlier messages.
        """
        chat = self.chats.get(chat_id)
        if chat is None:
            return f"# chat {chat_id}: unknown to the emulator"
        if chat.type == "private":
            fake = self._fakes[chat_id]
            assert isinstance(fake, FakeUser)
            details = [f"id {chat_id}"]
            if fake.username:
                details.append(f"@{fake.username}")
            if fake.language_code:
                details.append(f"lang {fake.language_code}")
            header = f"# chat with {fake.full_name} ({', '.join(details)})"
        else:
            header = f"# {chat.type} {chat.chat_json.get('title', '')} ({chat_id})"
        return "\n".join([header, *chat.transcript])
