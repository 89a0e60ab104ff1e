"""Bot API methods about messages: sending, copying, editing, deleting.

Handlers receive :class:`Params` (the form strings aiogram sent) and return the ``result``
object; errors are raised as :class:`ApiError` with Telegram's exact description, because
the bot under test branches on those texts (e.g. "message is not modified").
"""

from __future__ import annotations

import copy
import mimetypes
import posixpath
import secrets
from typing import Any

from .emulator_core import Params, parse_formatted
from .emulator_methods_bot import API_METHODS, BotMethods, MethodSpec, api
from .emulator_models import BotMessage, ChatState, StoredFile, bad_request

# The registry is re-exported: the server imports all method machinery from this module.
__all__ = ["API_METHODS", "EmulatorMethods", "MethodSpec"]

MEDIA_KINDS = ("photo", "document", "video", "audio", "voice", "animation", "sticker", "video_note")
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


def _inline(markup: dict[str, Any] | None) -> dict[str, Any] | None:
    """Only inline keyboards stay attached to a message (and take part in edits)."""
    if markup and "inline_keyboard" in markup:
        return {"inline_keyboard": markup["inline_keyboard"]}
    return None


class EmulatorMethods(BotMethods):
    """Handlers of the message methods: send*, copy/forward, edit*, delete*, chat actions."""

    # ------------------------------------------------------------ sending

    def _reply_to(self, chat: ChatState, p: Params) -> dict[str, Any] | None:
        params = p.get_json("reply_parameters") or {}
        message_id = params.get("message_id") or p.get_int("reply_to_message_id")
        if not message_id:
            return None
        if message_id in chat.user_messages:
            return copy.deepcopy(chat.user_messages[message_id])
        bot_message = chat.bot_messages.get(message_id)
        if bot_message is not None and not bot_message.deleted:
            reply = bot_message.to_api()
            reply.pop("reply_to_message", None)
            return reply
        if params.get("allow_sending_without_reply") or p.get_bool("allow_sending_without_reply"):
            return None
        raise bad_request("message to be replied not found")

    def _add_bot_message(
        self,
        chat: ChatState,
        p: Params,
        *,
        kind: str,
        formatted: tuple[str, str, list[dict[str, Any]], str | None],
        markup: dict[str, Any] | None,
        file: StoredFile | None = None,
        poll: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> BotMessage:
        raw, plain, entities, mode = formatted
        message = BotMessage(
            message_id=chat.new_message_id(),
            chat_id=chat.id,
            kind=kind,
            date=self._now(),
            html=raw,
            text=plain,
            entities=entities,
            parse_mode=mode,
            reply_markup=markup,
            chat=chat.chat_json,
            sender=self.bot_user,
            params=p.decoded(),
            file=file,
            poll=poll,
            extra=extra or {},
            reply_to=self._reply_to(chat, p),
        )
        chat.bot_messages[message.message_id] = message
        if markup and ("keyboard" in markup or markup.get("remove_keyboard")):
            chat.reply_keyboard = message if "keyboard" in markup else None
        self.stats["sent"] += 1
        self._record_event(chat, "message", message)
        return message

    @api("sendMessage", sends=True)
    async def _send_message(self, p: Params) -> Any:
        chat = self._chat(p)
        formatted = self._formatted(p, "text")
        markup = self._reply_markup(p)
        return self._add_bot_message(chat, p, kind="text", formatted=formatted, markup=markup).to_api()

    def _input_file(self, p: Params, kind: str) -> StoredFile:
        """Resolve a file parameter: an uploaded part, attach://, a known file_id or a URL."""
        value = p.get_str(kind)
        upload = p.files.get(kind)
        if upload is None and value and value.startswith("attach://"):
            upload = p.files.get(value.removeprefix("attach://"))
            if upload is None:
                raise bad_request(f"there is no {kind} in the request")
        if upload is not None:
            if not upload.content:
                raise bad_request("file must be non-empty")
            guessed = mimetypes.guess_type(upload.filename)[0]
            return self._store_file(
                kind,
                upload.content,
                source="bot",
                file_name=upload.filename,
                mime_type=guessed or upload.content_type,
                duration=p.get_int("duration"),
            )
        if not value:
            raise bad_request(f"there is no {kind} in the request")
        if value.startswith(("http://", "https://")):
            name = posixpath.basename(value.split("?", 1)[0]) or None
            return self._store_file(kind, None, source="url", url=value, file_name=name)
        stored = self.files.get(value)
        if stored is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        if stored.kind != kind:
            raise bad_request(f"can't use file of type {stored.kind.title()} as {kind.replace('_', ' ').title()}")
        return stored

    async def _send_media(self, p: Params, kind: str) -> Any:
        chat = self._chat(p)
        file = self._input_file(p, kind)
        formatted = self._formatted(p, "caption", caption=True, entities_key="caption_entities")
        markup = self._reply_markup(p)
        message = self._add_bot_message(chat, p, kind=kind, formatted=formatted, markup=markup, file=file)
        return message.to_api()

    @api("sendPhoto", sends=True)
    async def _send_photo(self, p: Params) -> Any:
        return await self._send_media(p, "photo")

    @api("sendDocument", sends=True)
    async def _send_document(self, p: Params) -> Any:
        return await self._send_media(p, "document")

    @api("sendVideo", sends=True)
    async def _send_video(self, p: Params) -> Any:
        return await self._send_media(p, "video")

    @api("sendAudio", sends=True)
    async def _send_audio(self, p: Params) -> Any:
        return await self._send_media(p, "audio")

    @api("sendVoice", sends=True)
    async def _send_voice(self, p: Params) -> Any:
        return await self._send_media(p, "voice")

    @api("sendAnimation", sends=True)
    async def _send_animation(self, p: Params) -> Any:
        return await self._send_media(p, "animation")

    @api("sendSticker", sends=True)
    async def _send_sticker(self, p: Params) -> Any:
        return await self._send_media(p, "sticker")

    @api("sendVideoNote", sends=True)
    async def _send_video_note(self, p: Params) -> Any:
        return await self._send_media(p, "video_note")

    @api("sendMediaGroup", sends=True)
    async def _send_media_group(self, p: Params) -> Any:
        """An album: 2-10 photos and videos, or documents only, or audio only; one message each,
        sharing a media_group_id; captions per item, no reply markup (Telegram allows none)."""
        chat = self._chat(p)
        items = p.get_json("media")
        if not isinstance(items, list) or not 2 <= len(items) <= 10:
            raise bad_request("wrong number of media specified; must be between 2 and 10")
        allowed = ("photo", "video", "document", "audio")
        if not all(isinstance(item, dict) and item.get("type") in allowed for item in items):
            raise bad_request("can't parse InputMedia JSON object")
        kinds = {item["type"] for item in items}
        if len(kinds) > 1 and not kinds <= {"photo", "video"}:
            raise bad_request("documents and audio can't be mixed with other media types")
        group = f"{secrets.randbelow(10**17):017d}"
        messages = []
        for item in items:
            kind = item["type"]
            raw = {"chat_id": p.get_str("chat_id") or "", kind: str(item.get("media", ""))}
            if item.get("caption"):
                raw["caption"] = str(item["caption"])
            mode = item.get("parse_mode") or p.get_str("parse_mode")
            if mode:
                raw["parse_mode"] = str(mode)
            sub = Params(raw, p.files)
            file = self._input_file(sub, kind)
            formatted = self._formatted(sub, "caption", caption=True, entities_key="caption_entities")
            message = self._add_bot_message(
                chat, sub, kind=kind, formatted=formatted, markup=None, file=file, extra={"media_group_id": group}
            )
            messages.append(message.to_api())
        return messages

    @api("sendPoll", sends=True)
    async def _send_poll(self, p: Params) -> Any:
        chat = self._chat(p)
        question_raw = p.get_str("question") or ""
        question, question_entities = parse_formatted(
            question_raw, p.get_str("question_parse_mode"), p.get_json("question_entities") or []
        )
        if not question:
            raise bad_request("poll question must be non-empty")
        if len(question) > 300:
            raise bad_request("poll question length must not exceed 300")
        raw_options = p.get_json("options") or []
        # Bot API 9.x: "a JSON-serialized list of 1-12 answer options".
        if not isinstance(raw_options, list) or not raw_options:
            raise bad_request("poll must have at least 1 option")
        if len(raw_options) > 12:
            raise bad_request("poll can't have more than 12 options")
        options = []
        for index, option in enumerate(raw_options):
            if not isinstance(option, dict):
                option = {"text": str(option)}
            text, entities = parse_formatted(
                str(option.get("text", "")),
                option.get("text_parse_mode"),
                option.get("text_entities") or [],
            )
            if not text:
                raise bad_request("poll options must be non-empty")
            item: dict[str, Any] = {"persistent_id": str(index), "text": text, "voter_count": 0}
            if entities:
                item["text_entities"] = entities
            options.append(item)
        poll_type = p.get_str("type") or "regular"
        poll: dict[str, Any] = {
            "id": str(secrets.randbelow(9 * 10**18) + 10**18),
            "question": question,
            "options": options,
            "total_voter_count": 0,
            "is_closed": p.get_bool("is_closed"),
            "is_anonymous": p.get_bool("is_anonymous", True),
            "type": poll_type,
            "allows_multiple_answers": p.get_bool("allows_multiple_answers"),
            "allows_revoting": p.get_bool("allows_revoting", poll_type != "quiz"),
            "members_only": p.get_bool("members_only"),
        }
        correct = p.get_json("correct_option_ids")
        if correct is None and p.has("correct_option_id"):
            correct = [p.get_int("correct_option_id")]
        if correct is not None:
            poll["correct_option_ids"] = correct
            poll["correct_option_id"] = correct[0]
        if question_entities:
            poll["question_entities"] = question_entities
        if p.get_str("explanation"):
            poll["explanation"], _ = parse_formatted(
                p.get_str("explanation") or "", p.get_str("explanation_parse_mode"), []
            )
        markup = self._reply_markup(p)
        message = self._add_bot_message(
            chat,
            p,
            kind="poll",
            formatted=(question_raw, question, question_entities, p.get_str("question_parse_mode")),
            markup=markup,
            poll=poll,
        )
        self._polls[poll["id"]] = message
        return message.to_api()

    def _source_message(self, p: Params, verb: str) -> tuple[ChatState, dict[str, Any]]:
        source = self._chat(p, "from_chat_id", sending=False)
        message_id = p.get_int("message_id")
        if message_id in source.user_messages:
            return source, copy.deepcopy(source.user_messages[message_id])
        bot_message = source.bot_messages.get(message_id or 0)
        if bot_message is None or bot_message.deleted:
            raise bad_request(f"message to {verb} not found")
        return source, bot_message.to_api()

    def _clone(
        self,
        target: ChatState,
        p: Params,
        original: dict[str, Any],
        *,
        caption_override: bool,
        extra: dict[str, Any],
    ) -> BotMessage:
        kind = next((k for k in ("text", *MEDIA_KINDS, "contact", "location") if k in original), "text")
        file = None
        if kind in MEDIA_KINDS:
            value = original[kind]
            file = self.files.get((value[-1] if isinstance(value, list) else value)["file_id"])
        elif kind != "text":
            extra = {**extra, kind: original[kind]}
        text = original.get("text") or original.get("caption") or ""
        entities = original.get("entities") or original.get("caption_entities") or []
        formatted: tuple[str, str, list[dict[str, Any]], str | None] = (text, text, entities, None)
        if caption_override and p.has("caption"):
            formatted = self._formatted(p, "caption", caption=True, entities_key="caption_entities")
        markup = self._reply_markup(p) if caption_override else _inline(original.get("reply_markup"))
        return self._add_bot_message(target, p, kind=kind, formatted=formatted, markup=markup, file=file, extra=extra)

    @api("copyMessage", sends=True)
    async def _copy_message(self, p: Params) -> Any:
        target = self._chat(p)
        _, original = self._source_message(p, "copy")
        message = self._clone(target, p, original, caption_override=True, extra={})
        return {"message_id": message.message_id}

    @api("forwardMessage", sends=True)
    async def _forward_message(self, p: Params) -> Any:
        target = self._chat(p)
        _, original = self._source_message(p, "forward")
        origin = original.get("forward_origin") or {
            "type": "user",
            "date": original["date"],
            "sender_user": original["from"],
        }
        extra = {"forward_origin": origin}
        message = self._clone(target, p, original, caption_override=False, extra=extra)
        return message.to_api()

    @api("sendChatAction")
    async def _send_chat_action(self, p: Params) -> Any:
        chat = self._chat(p)
        action = p.get_str("action") or ""
        if action not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        chat.chat_actions.append(action)
        self._signal.notify()
        return True

    # ------------------------------------------------------------ editing & deleting

    def _editable(self, p: Params) -> tuple[ChatState, BotMessage]:
        if p.get_str("inline_message_id") and not p.has("chat_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        chat = self._chat(p)
        message_id = p.get_int("message_id")
        if message_id is None:
            raise bad_request("message identifier is not specified")
        if message_id in chat.user_messages:
            raise bad_request("message can't be edited")
        message = chat.bot_messages.get(message_id)
        if message is None or message.deleted:
            raise bad_request("message to edit not found")
        return chat, message

    def _apply_edit(self, chat: ChatState, message: BotMessage, **changes: Any) -> Any:
        message.history.append(
            {
                "html": message.html,
                "text": message.text,
                "entities": message.entities,
                "reply_markup": message.reply_markup,
                "edit_date": message.edit_date,
            }
        )
        for name, value in changes.items():
            setattr(message, name, value)
        message.edit_date = self._now()
        self.stats["edited"] += 1
        self._record_event(chat, "edit", message)
        return message.to_api()

    @api("editMessageText")
    async def _edit_message_text(self, p: Params) -> Any:
        chat, message = self._editable(p)
        raw, plain, entities, mode = self._formatted(p, "text")
        markup = _inline(self._reply_markup(p))
        if message.kind != "text":
            raise bad_request("there is no text in the message to edit")
        if (plain, entities, markup) == (
            message.text,
            message.entities,
            _inline(message.reply_markup),
        ):
            raise bad_request(_NOT_MODIFIED)
        return self._apply_edit(
            chat,
            message,
            html=raw,
            text=plain,
            entities=entities,
            parse_mode=mode,
            reply_markup=markup,
        )

    @api("editMessageCaption")
    async def _edit_message_caption(self, p: Params) -> Any:
        chat, message = self._editable(p)
        raw, plain, entities, mode = self._formatted(p, "caption", caption=True, entities_key="caption_entities")
        markup = _inline(self._reply_markup(p))
        if message.kind in ("text", "poll"):
            raise bad_request("there is no caption in the message to edit")
        if (plain, entities, markup) == (
            message.text,
            message.entities,
            _inline(message.reply_markup),
        ):
            raise bad_request(_NOT_MODIFIED)
        return self._apply_edit(
            chat,
            message,
            html=raw,
            text=plain,
            entities=entities,
            parse_mode=mode,
            reply_markup=markup,
        )

    @api("editMessageReplyMarkup")
    async def _edit_message_reply_markup(self, p: Params) -> Any:
        chat, message = self._editable(p)
        markup = _inline(self._reply_markup(p))
        if markup == _inline(message.reply_markup):
            raise bad_request(_NOT_MODIFIED)
        return self._apply_edit(chat, message, reply_markup=markup)

    def _delete_one(self, chat: ChatState, message_id: int) -> bool:
        message = chat.bot_messages.get(message_id)
        if message is not None and not message.deleted:
            message.deleted = True
            self.stats["deleted"] += 1
            self._record_event(chat, "delete", message)
            return True
        if message_id in chat.user_messages:
            del chat.user_messages[message_id]
            self.stats["deleted"] += 1
            chat.transcript.append(f"< bot deletes user message #{message_id}")
            self._signal.notify()
            return True
        return False

    @api("deleteMessage")
    async def _delete_message(self, p: Params) -> Any:
        chat = self._chat(p, sending=False)
        if not self._delete_one(chat, p.get_int("message_id") or 0):
            raise bad_request("message to delete not found")
        return True

    @api("deleteMessages")
    async def _delete_messages(self, p: Params) -> Any:
        chat = self._chat(p, sending=False)
        ids = p.get_json("message_ids") or []
        deleted = [self._delete_one(chat, int(i)) for i in ids]
        if not any(deleted):
            raise bad_request("message to delete not found")
        return True

    @api("setMessageReaction")
    async def _set_message_reaction(self, p: Params) -> Any:
        chat = self._chat(p)
        message_id = p.get_int("message_id") or 0
        if message_id not in chat.user_messages and message_id not in chat.bot_messages:
            raise bad_request("message to react not found")
        return True
