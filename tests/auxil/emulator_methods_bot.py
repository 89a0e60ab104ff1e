"""The method registry, and the API methods about the bot itself rather than messages.

getMe, getUpdates (long polling), webhooks, answerCallbackQuery, bot commands and settings,
getChat, getFile. Handlers receive :class:`Params` (the form strings aiogram sent) and return
the ``result`` object; errors are raised as :class:`ApiError` with Telegram's exact
description, because the bot under test may branch on those texts.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from .emulator_core import EmulatorCore, Params, WebhookState, _scope_key
from .emulator_models import ApiError, CallbackAnswer, bad_request

Handler = Callable[[Any, Params], Awaitable[Any]]


@dataclass(frozen=True)
class MethodSpec:
    name: str  # canonical camelCase name
    handler: Handler
    sends: bool  # counts against flood limits


#: lower-case method name -> spec. Telegram method names are case-insensitive.
API_METHODS: dict[str, MethodSpec] = {}

MAX_DOWNLOAD = 20 * 1024 * 1024
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"


def api(name: str, *, sends: bool = False) -> Callable[[Handler], Handler]:
    """Register a handler for the Bot API method ``name`` (``sends``: flood-limited)."""

    def register(handler: Handler) -> Handler:
        API_METHODS[name.lower()] = MethodSpec(name, handler, sends)
        return handler

    return register


class BotMethods(EmulatorCore):
    """Handlers of the non-message methods; registered in :data:`API_METHODS` by ``@api``."""

    # ------------------------------------------------------------ bot & updates

    @api("getMe")
    async def _get_me(self, p: Params) -> Any:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    @api("getUpdates")
    async def _get_updates(self, p: Params) -> Any:
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = p.get_int("offset", 0) or 0
        limit = min(max(p.get_int("limit", 100) or 100, 1), 100)
        timeout = min(max(p.get_int("timeout", 0) or 0, 0), 50)
        allowed = p.get_json("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = set(allowed) if allowed else None
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]
        # A newer getUpdates terminates an older one with 409, as on Telegram.
        self._poll_generation += 1
        generation = self._poll_generation
        self._signal.notify()

        def ready() -> bool:
            return self._closing or generation != self._poll_generation or any(self._allowed(u) for u in self._updates)

        await self._signal.wait_for(ready, timeout)
        if self._closing:
            return []  # shutting down: deliver nothing a stopping bot would half-process
        if generation != self._poll_generation:
            raise ApiError(
                409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
            )
        self._updates = [u for u in self._updates if self._allowed(u)]
        return self._updates[:limit]

    @api("setWebhook")
    async def _set_webhook(self, p: Params) -> Any:
        url = p.get_str("url") or ""
        if not url:  # Telegram: an empty url removes the webhook
            self.webhook = None
            return True
        if not url.startswith(("https://", "http://")):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = p.get_str("secret_token")
        if secret is not None and not _SECRET_RE.match(secret):
            raise bad_request("bad webhook: secret token contains unallowed characters")
        allowed = p.get_json("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = set(allowed) if allowed else None
        if p.get_bool("drop_pending_updates"):
            self._updates.clear()
        self.webhook = WebhookState(url, secret)
        self._start_webhook_pusher()
        self._signal.notify()
        return True

    @api("deleteWebhook")
    async def _delete_webhook(self, p: Params) -> Any:
        self.webhook = None
        if p.get_bool("drop_pending_updates"):
            self._updates.clear()
        self._signal.notify()
        return True

    @api("getWebhookInfo")
    async def _get_webhook_info(self, p: Params) -> Any:
        info: dict[str, Any] = {
            "url": self.webhook.url if self.webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self.webhook and self.webhook.last_error:
            info["last_error_date"], info["last_error_message"] = self.webhook.last_error
        return info

    @api("close")
    async def _close(self, p: Params) -> Any:
        return True

    @api("logOut")
    async def _log_out(self, p: Params) -> Any:
        return True

    # ------------------------------------------------------------ callbacks

    @api("answerCallbackQuery")
    async def _answer_callback_query(self, p: Params) -> Any:
        query_id = p.require_str("callback_query_id")
        record = self._callbacks.get(query_id)
        if record is None or record.answered:
            raise bad_request(_QUERY_INVALID)
        answer = CallbackAnswer(
            query_id=query_id,
            text=p.get_str("text"),
            show_alert=p.get_bool("show_alert"),
            url=p.get_str("url"),
            cache_time=p.get_int("cache_time"),
        )
        record.answer = answer
        chat = self.chats.get(record.chat_id)
        if chat is not None:
            shown = "alert" if answer.show_alert else "toast"
            line = f"< bot answers callback ({shown}): {answer.text}" if answer.text else None
            chat.transcript.append(line or "< bot answers callback")
        self._signal.notify()
        return True

    # ------------------------------------------------------------ commands & settings

    @api("setMyCommands")
    async def _set_my_commands(self, p: Params) -> Any:
        commands = p.get_json("commands")
        if not isinstance(commands, list):
            raise bad_request('parameter "commands" is required')
        if len(commands) > 100:
            raise bad_request("too many commands specified")
        cleaned = []
        for item in commands:
            command = str(item.get("command", "")).removeprefix("/") if isinstance(item, dict) else ""
            description = str(item.get("description", "")).strip() if isinstance(item, dict) else ""
            if not _COMMAND_RE.match(command):
                raise bad_request("BOT_COMMAND_INVALID")
            if not description or len(description) > 256:
                raise bad_request("command description must be non-empty")
            cleaned.append({"command": command, "description": description})
        key = (_scope_key(p.get_json("scope")), p.get_str("language_code") or "")
        if cleaned:
            self._commands[key] = cleaned
        else:
            self._commands.pop(key, None)
        return True

    @api("getMyCommands")
    async def _get_my_commands(self, p: Params) -> Any:
        key = (_scope_key(p.get_json("scope")), p.get_str("language_code") or "")
        return copy.deepcopy(self._commands.get(key, []))

    @api("deleteMyCommands")
    async def _delete_my_commands(self, p: Params) -> Any:
        self._commands.pop((_scope_key(p.get_json("scope")), p.get_str("language_code") or ""), None)
        return True

    async def _store_setting(self, p: Params, name: str) -> Any:
        self.bot_settings[(name, p.get_str("language_code") or "")] = p.decoded()
        return True

    @api("setMyDescription")
    async def _set_my_description(self, p: Params) -> Any:
        return await self._store_setting(p, "description")

    @api("setMyShortDescription")
    async def _set_my_short_description(self, p: Params) -> Any:
        return await self._store_setting(p, "short_description")

    @api("setMyName")
    async def _set_my_name(self, p: Params) -> Any:
        return await self._store_setting(p, "name")

    def _setting(self, p: Params, name: str) -> dict[str, Any]:
        stored = self.bot_settings.get((name, p.get_str("language_code") or ""), {})
        return {name: stored.get(name, "")}

    @api("getMyDescription")
    async def _get_my_description(self, p: Params) -> Any:
        return self._setting(p, "description")

    @api("getMyShortDescription")
    async def _get_my_short_description(self, p: Params) -> Any:
        return self._setting(p, "short_description")

    @api("getMyName")
    async def _get_my_name(self, p: Params) -> Any:
        return self._setting(p, "name") if self._setting(p, "name")["name"] else {"name": "Oqu"}

    @api("setChatMenuButton")
    async def _set_chat_menu_button(self, p: Params) -> Any:
        self.bot_settings[("menu_button", p.get_str("chat_id") or "")] = p.get_json("menu_button")
        return True

    @api("getChatMenuButton")
    async def _get_chat_menu_button(self, p: Params) -> Any:
        return self.bot_settings.get(("menu_button", p.get_str("chat_id") or "")) or {"type": "commands"}

    @api("getChat")
    async def _get_chat(self, p: Params) -> Any:
        chat = self._chat(p, sending=False)
        return {
            **chat.chat_json,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    # ------------------------------------------------------------ files

    @api("getFile")
    async def _get_file(self, p: Params) -> Any:
        stored = self.files.get(p.require_str("file_id"))
        if stored is None:
            raise bad_request("invalid file_id")
        if (stored.size or 0) > MAX_DOWNLOAD:
            raise bad_request("file is too big")
        result = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}
        if stored.size is not None:
            result["file_size"] = stored.size
        result["file_path"] = stored.file_path
        return result
