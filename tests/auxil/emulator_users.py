"""The client side of the rig: fake Telegram users (and groups) that talk to the bot.

A :class:`FakeUser` acts like a person in the Telegram app: it types text, presses inline and
reply-keyboard buttons, sends files, blocks the bot. Each action becomes an Update that the bot
receives through getUpdates. Reading what the bot sent back (``next_message``, ``expect``,
``wait_for``, ...) is inherited from :class:`~tests.auxil.emulator_chat.FakeChat`.
"""

from __future__ import annotations

import asyncio
import copy
import secrets
import struct
import zlib
from typing import TYPE_CHECKING, Any

from .emulator_chat import FakeChat
from .emulator_models import BotMessage, CallbackQueryRecord, ChatState

if TYPE_CHECKING:
    from .emulator_core import EmulatorCore

__all__ = ["FakeGroup", "FakeUser", "tiny_png"]


def tiny_png(width: int = 64, height: int = 48) -> bytes:
    """A valid PNG, so photos sent by fake users have real dimensions."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + b"\x2a\x7f\xd4" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _command_entities(text: str) -> list[dict[str, Any]]:
    """A leading "/command" (optionally "@bot") becomes a bot_command entity, as Telegram does."""
    if not text.startswith("/") or len(text) < 2:
        return []
    end = 1
    while end < len(text) and (text[end].isalnum() or text[end] in "_@"):
        end += 1
    if end == 1:
        return []
    length = len(text[:end].encode("utf-16-le")) // 2
    return [{"type": "bot_command", "offset": 0, "length": length}]


class FakeUser(FakeChat):
    """A person in a private chat with the bot (chat id == user id)."""

    def __init__(
        self,
        emu: EmulatorCore,
        chat: ChatState,
        *,
        user_id: int,
        first_name: str,
        last_name: str | None,
        username: str | None,
        language_code: str | None,
    ) -> None:
        super().__init__(emu, chat)
        self.id = user_id
        self.first_name = first_name
        self.last_name = last_name
        self.username = username
        self.language_code = language_code

    @property
    def json(self) -> dict[str, Any]:
        """The Telegram ``User`` object of this person."""
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code:
            data["language_code"] = self.language_code
        return data

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def blocked(self) -> bool:
        return self._state.blocked

    def __repr__(self) -> str:
        return f"<FakeUser {self.id} {self.full_name!r}>"

    # ------------------------------------------------------------ messages

    async def _send(self, fields: dict[str, Any], log: str, *, typed: bool = False) -> dict[str, Any]:
        """Deliver a message; ``log`` is what the user typed (``typed``) or did ("sends ...")."""
        if self._state.blocked:
            # In the app, writing to a blocked bot means pressing "Restart" first.
            self.unblock_bot()
        self._state.started = True
        self._log("> user: " if typed else "> user ", log)
        message = self._user_message(self.json, fields)
        await asyncio.sleep(0)
        return message

    def _reply_fields(self, reply_to: BotMessage | int | None) -> dict[str, Any]:
        if reply_to is None:
            return {}
        message_id = reply_to if isinstance(reply_to, int) else reply_to.message_id
        bot_message = self._state.bot_messages.get(message_id)
        if bot_message is not None:
            return {"reply_to_message": bot_message.to_api()}
        if message_id in self._state.user_messages:
            return {"reply_to_message": self._state.user_messages[message_id]}
        raise AssertionError(f"Cannot reply to unknown message #{message_id}")

    async def send_text(self, text: str, *, reply_to: BotMessage | int | None = None) -> dict[str, Any]:
        """Type and send ``text``; "/start PAYLOAD" gets a bot_command entity like in Telegram."""
        fields: dict[str, Any] = {"text": text, **self._reply_fields(reply_to)}
        entities = _command_entities(text)
        if entities:
            fields["entities"] = entities
        return await self._send(fields, text, typed=True)

    async def press(self, label: str) -> dict[str, Any]:
        """Press a button of the reply keyboard currently shown (sends its text or contact)."""
        holder = self._state.reply_keyboard
        keyboard = (holder.reply_markup or {}).get("keyboard", []) if holder else []
        for row in keyboard:
            for button in row:
                text = button if isinstance(button, str) else button.get("text")
                if text != label:
                    continue
                if isinstance(button, dict) and button.get("request_contact"):
                    return await self.send_contact()
                return await self.send_text(label)
        shown = self.reply_keyboard
        raise self._fail(f"No reply-keyboard button {label!r}; keyboard shown: {shown}")

    async def send_photo(self, content: bytes | None = None, *, caption: str | None = None) -> dict[str, Any]:
        stored = self._emu._store_file("photo", content or tiny_png(), source="user")
        fields: dict[str, Any] = {"photo": stored.message_field()}
        if caption:
            fields["caption"] = caption
        return await self._send(fields, f"sends {stored.describe()}" + (f": {caption}" if caption else ""))

    async def send_album(self, count: int = 3, *, caption: str | None = None) -> list[dict[str, Any]]:
        """Send ``count`` photos as one album: Telegram delivers them as separate messages that
        share a ``media_group_id``, the caption (if any) on the first."""
        group = f"album-{self.id}-{len(self._state.user_messages)}"
        sent = []
        for index in range(count):
            stored = self._emu._store_file("photo", tiny_png(64 + index), source="user")
            fields: dict[str, Any] = {"photo": stored.message_field(), "media_group_id": group}
            if caption and index == 0:
                fields["caption"] = caption
            sent.append(await self._send(fields, f"sends {stored.describe()} (album {index + 1}/{count})"))
        return sent

    async def send_document(
        self,
        file_name: str = "homework.pdf",
        content: bytes = b"%PDF-1.4\n% Oqu test document\n%%EOF\n",
        mime_type: str = "application/pdf",
        *,
        caption: str | None = None,
    ) -> dict[str, Any]:
        stored = self._emu._store_file("document", content, source="user", file_name=file_name, mime_type=mime_type)
        fields: dict[str, Any] = {"document": stored.to_api()}
        if caption:
            fields["caption"] = caption
        return await self._send(fields, f"sends {stored.describe()}" + (f": {caption}" if caption else ""))

    async def send_video(
        self,
        content: bytes = b"\x00\x00\x00\x18ftypmp42",
        *,
        duration: int = 5,
        caption: str | None = None,
    ) -> dict[str, Any]:
        stored = self._emu._store_file("video", content, source="user", mime_type="video/mp4", duration=duration)
        fields: dict[str, Any] = {"video": stored.to_api()}
        if caption:
            fields["caption"] = caption
        return await self._send(fields, f"sends {stored.describe()}")

    async def send_voice(self, content: bytes = b"OggS\x00fake-voice", *, duration: int = 3) -> dict[str, Any]:
        stored = self._emu._store_file("voice", content, source="user", mime_type="audio/ogg", duration=duration)
        return await self._send({"voice": stored.to_api()}, f"sends {stored.describe()}")

    async def send_sticker(self, emoji: str = "👍") -> dict[str, Any]:
        stored = self._emu._store_file("sticker", b"RIFF\x00\x00\x00\x00WEBPVP8 ", source="user", emoji=emoji)
        return await self._send({"sticker": stored.to_api()}, f"sends sticker {emoji}")

    async def send_contact(self, phone_number: str = "+77011234567") -> dict[str, Any]:
        """Share own contact (what a request_contact button does)."""
        contact = {"phone_number": phone_number, "first_name": self.first_name, "user_id": self.id}
        if self.last_name:
            contact["last_name"] = self.last_name
        return await self._send({"contact": contact}, f"sends contact {phone_number}")

    async def send_location(self, latitude: float = 43.2389, longitude: float = 76.8897) -> dict[str, Any]:
        location = {"latitude": latitude, "longitude": longitude}
        return await self._send({"location": location}, f"sends location {latitude}, {longitude}")

    async def forward_from(
        self,
        other: FakeUser | None = None,
        *,
        text: str = "Forwarded message",
        hidden_name: str | None = None,
    ) -> dict[str, Any]:
        """Forward a text written by ``other`` (or by a user hiding their account)."""
        date = self._emu._now() - 60
        if other is not None:
            origin: dict[str, Any] = {"type": "user", "date": date, "sender_user": other.json}
            who = other.full_name
        else:
            name = hidden_name or "Hidden User"
            origin = {"type": "hidden_user", "date": date, "sender_user_name": name}
            who = name
        return await self._send({"text": text, "forward_origin": origin}, f"sends forward from {who}: {text}")

    async def edit_text(self, message: dict[str, Any] | int, text: str) -> dict[str, Any]:
        """Edit one of this user's own text messages (delivers an edited_message update)."""
        message_id = message if isinstance(message, int) else message["message_id"]
        original = self._state.user_messages.get(message_id)
        if original is None:
            raise AssertionError(f"User message #{message_id} does not exist")
        original.update(text=text, edit_date=self._emu._now())
        self._log(f"> user edits #{message_id}: ", text)
        self._emu._enqueue("edited_message", copy.deepcopy(original))
        await asyncio.sleep(0)
        return original

    # ------------------------------------------------------------ buttons & polls

    async def click(self, label: str, *, message: BotMessage | None = None) -> CallbackQueryRecord:
        """Press the inline button labelled exactly ``label`` on the newest message having it."""
        candidates = [message] if message else reversed(list(self._state.bot_messages.values()))
        for candidate in candidates:
            if candidate.deleted:
                continue
            button = candidate.button(label)
            if button is None:
                continue
            if "callback_data" not in button:
                target = button.get("url") or next(k for k in button if k != "text")
                raise AssertionError(f"Button {label!r} is not a callback button ({target})")
            return await self._callback(button["callback_data"], candidate, label)
        existing = [
            f"#{m.message_id}: {m.button_labels}"
            for m in self._state.bot_messages.values()
            if m.buttons and not m.deleted
        ]
        raise self._fail(
            f"No inline button {label!r} in chat {self.chat_id}. Buttons present: " + ("; ".join(existing) or "none")
        )

    async def click_data(self, data: str, message: BotMessage | int | None = None) -> CallbackQueryRecord:
        """Send a callback query with arbitrary data (stale or forged clicks).

        ``message`` may be a BotMessage, a message id (a missing one arrives as an
        InaccessibleMessage, like a click on a message older than 48 hours) or None for the
        newest bot message.
        """
        if isinstance(message, int):
            target: BotMessage | int | None = self._state.bot_messages.get(message, message)
        else:
            target = message if message is not None else self.last_message
        return await self._callback(data, target, None)

    async def _callback(self, data: str, message: BotMessage | int | None, label: str | None) -> CallbackQueryRecord:
        query_id = str(secrets.randbelow(9 * 10**18) + 10**18)
        query: dict[str, Any] = {
            "id": query_id,
            "from": self.json,
            "chat_instance": str(-(7_000_000_000_000_000 + self.chat_id)),
            "data": data,
        }
        message_id: int | None = None
        if isinstance(message, BotMessage):
            query["message"] = message.to_api()
            message_id = message.message_id
        elif isinstance(message, int):
            query["message"] = {"chat": self._state.chat_json, "message_id": message, "date": 0}
            message_id = message
        record = CallbackQueryRecord(id=query_id, chat_id=self.chat_id, data=data, message_id=message_id, label=label)
        self._state.callbacks.append(record)
        self._emu._callbacks[query_id] = record
        if label is not None:
            self._log("> user presses ", f"[{label}]")
        else:
            self._log("> user sends callback ", f"{data!r} on #{message_id}")
        self._emu._enqueue("callback_query", query)
        await asyncio.sleep(0)
        return record

    async def vote(self, message: BotMessage, option_ids: list[int] | int) -> None:
        """Vote in a poll the bot sent (poll update, plus poll_answer for non-anonymous polls).

        What a Telegram client would not let a person do fails the test: voting in a closed poll
        (stopped, or past its ``open_period``), for an option that does not exist, for several
        options where one is allowed, or a second time in a quiz."""
        if message.poll is None:
            raise AssertionError(f"Message #{message.message_id} is not a poll")
        ids = [option_ids] if isinstance(option_ids, int) else list(option_ids)
        poll = message.poll
        if poll["is_closed"] or ("close_date" in poll and self._emu._now() >= poll["close_date"]):
            raise AssertionError(f"poll #{message.message_id} is closed")
        if not ids or not all(0 <= i < len(poll["options"]) for i in ids):
            raise AssertionError(f"poll #{message.message_id} has no option {ids}")
        if len(ids) > 1 and not poll["allows_multiple_answers"]:
            raise AssertionError(f"poll #{message.message_id} takes one option")
        voters = self._emu._poll_voters.setdefault(poll["id"], set())
        if self.id in voters and not poll.get("allows_revoting", True):
            raise AssertionError(f"{self.full_name} already answered poll #{message.message_id}")
        voters.add(self.id)
        for index in ids:
            poll["options"][index]["voter_count"] += 1
        poll["total_voter_count"] += 1
        labels = ", ".join(poll["options"][i]["text"] for i in ids)
        self._log("> user votes ", f"[{labels}] in poll #{message.message_id}")
        self._emu._enqueue("poll", copy.deepcopy(poll))
        if not poll["is_anonymous"]:
            answer = {
                "poll_id": poll["id"],
                "user": self.json,
                "option_ids": ids,
                "option_persistent_ids": [poll["options"][i]["persistent_id"] for i in ids],
            }
            self._emu._enqueue("poll_answer", answer)
        await asyncio.sleep(0)

    # ------------------------------------------------------------ blocking

    def _member_update(self, old: str, new: str) -> None:
        def member(status: str) -> dict[str, Any]:
            data: dict[str, Any] = {"status": status, "user": self._emu.bot_user}
            if status == "kicked":
                data["until_date"] = 0
            return data

        self._emu._enqueue(
            "my_chat_member",
            {
                "chat": self._state.chat_json,
                "from": self.json,
                "date": self._emu._now(),
                "old_chat_member": member(old),
                "new_chat_member": member(new),
            },
        )

    def block_bot(self) -> None:
        """Block the bot: every later send to this chat gets 403 until unblocked."""
        if not self._state.blocked:
            self._state.blocked = True
            self._state.transcript.append("x user blocks the bot")
            self._member_update("member", "kicked")

    def unblock_bot(self) -> None:
        if self._state.blocked:
            self._state.blocked = False
            self._state.transcript.append("x user unblocks the bot")
            self._member_update("kicked", "member")


class FakeGroup(FakeChat):
    """A group chat with the bot in it; members post through :meth:`send_text`."""

    def __init__(self, emu: EmulatorCore, chat: ChatState) -> None:
        super().__init__(emu, chat)
        self.title = chat.chat_json.get("title", "")

    async def send_text(self, user: FakeUser, text: str) -> dict[str, Any]:
        fields: dict[str, Any] = {"text": text}
        entities = _command_entities(text)
        if entities:
            fields["entities"] = entities
        self._log(f"> {user.full_name}: ", text)
        message = self._user_message(user.json, fields)
        await asyncio.sleep(0)
        return message

    async def reply_text(self, user: FakeUser, text: str, to: BotMessage) -> dict[str, Any]:
        """``user`` answers one of the bot's messages with "Reply" (what a ForceReply asks for;
        a bot with privacy mode on sees such replies in a group)."""
        replied = to.to_api()
        replied.pop("reply_to_message", None)
        fields: dict[str, Any] = {"text": text, "reply_to_message": replied}
        self._log(f"> {user.full_name} (reply to #{to.message_id}): ", text)
        message = self._user_message(user.json, fields)
        await asyncio.sleep(0)
        return message
