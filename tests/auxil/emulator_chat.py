"""The reading side of a fake chat: what the bot sent there, with cursors and waits.

Shared by private chats (:class:`~tests.auxil.emulator_users.FakeUser`) and groups. Readers
have independent cursors, so reading new messages never consumes the edits a test may want
to wait for, and vice versa. Every wait raises AssertionError with the chat transcript, which
is what one needs to understand a failing end-to-end test.
"""

# The waiting helpers take a ``timeout`` argument on purpose: it is the test-facing API
# (``await user.next_message(timeout=2)``), clearer in test code than asyncio.timeout blocks.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from .emulator_models import (
    BotMessage,
    CallbackAnswer,
    CallbackQueryRecord,
    ChatEvent,
    ChatState,
    format_user_line,
)

if TYPE_CHECKING:
    from .emulator_core import EmulatorCore

__all__ = ["FakeChat"]

_Reader = Literal["message", "edit", "event"]


class FakeChat:
    """Reading side of a chat: what the bot sent here, with cursors and waiting helpers."""

    def __init__(self, emu: EmulatorCore, chat: ChatState) -> None:
        self._emu = emu
        self._state = chat
        self._cursors: dict[_Reader, int] = {"message": 0, "edit": 0, "event": 0}

    @property
    def chat_id(self) -> int:
        return self._state.id

    # ------------------------------------------------------------ current state

    @property
    def messages(self) -> list[BotMessage]:
        """All bot messages in this chat, oldest first, in their current state."""
        return list(self._state.bot_messages.values())

    @property
    def last_message(self) -> BotMessage | None:
        """The newest bot message that was not deleted."""
        alive = [m for m in self._state.bot_messages.values() if not m.deleted]
        return alive[-1] if alive else None

    @property
    def reply_keyboard(self) -> list[list[str]] | None:
        """Labels of the reply keyboard currently shown under the input field, if any."""
        holder = self._state.reply_keyboard
        return None if holder is None else holder.reply_keyboard

    @property
    def callbacks(self) -> list[CallbackQueryRecord]:
        return list(self._state.callbacks)

    @property
    def callback_answers(self) -> list[CallbackAnswer]:
        """The bot's answers to this chat's clicks, in click order (unanswered ones skipped)."""
        return [c.answer for c in self._state.callbacks if c.answer is not None]

    @property
    def chat_actions(self) -> list[str]:
        """sendChatAction actions ("typing", ...) the bot sent to this chat."""
        return list(self._state.chat_actions)

    def transcript(self) -> str:
        return self._emu.transcript(self.chat_id)

    def _fail(self, what: str) -> AssertionError:
        return AssertionError(f"{what}\n--- transcript of chat {self.chat_id} ---\n{self.transcript()}")

    # ------------------------------------------------------------ waiting

    def _take(self, reader: _Reader, accept: Callable[[ChatEvent], bool]) -> ChatEvent | None:
        events = self._state.events
        for index in range(self._cursors[reader], len(events)):
            if accept(events[index]):
                self._cursors[reader] = index + 1
                return events[index]
        self._cursors[reader] = len(events)
        return None

    async def next_message(self, timeout: float = 5.0) -> BotMessage:
        """The next new bot message after the cursor (raises AssertionError on timeout)."""
        event = await self._emu._signal.wait_for(lambda: self._take("message", lambda e: e.kind == "message"), timeout)
        if event is None:
            raise self._fail(f"No new bot message within {timeout}s")
        return event.message

    async def next_event(self, timeout: float = 5.0) -> ChatEvent:
        """The next thing the bot did here: a new message, an edit or a deletion."""
        event = await self._emu._signal.wait_for(lambda: self._take("event", lambda e: True), timeout)
        if event is None:
            raise self._fail(f"The bot did nothing within {timeout}s")
        return event

    async def next_edit(self, message: BotMessage | None = None, timeout: float = 5.0) -> ChatEvent:
        """The next edit (of ``message`` if given; edits of other messages are skipped)."""

        def accept(e: ChatEvent) -> bool:
            return e.kind == "edit" and (message is None or e.message is message)

        event = await self._emu._signal.wait_for(lambda: self._take("edit", accept), timeout)
        if event is None:
            target = f" of #{message.message_id}" if message else ""
            raise self._fail(f"No edit{target} within {timeout}s")
        return event

    async def expect(self, substring: str, timeout: float = 5.0) -> BotMessage:
        """Wait for the next bot message and assert its plain text contains ``substring``."""
        message = await self.next_message(timeout)
        if substring not in message.text:
            raise self._fail(
                f"Expected the next bot message to contain {substring!r}, got #{message.message_id}: {message.text!r}"
            )
        return message

    def _activity(self) -> tuple[int, int, int]:
        state = self._state
        answered = sum(1 for c in state.callbacks if c.answered)
        return len(state.events), len(state.chat_actions), answered

    def _changed_since(self, snapshot: tuple[int, int, int]) -> Callable[[], bool]:
        return lambda: self._activity() != snapshot

    async def wait_until_quiet(self, quiet: float = 0.3, timeout: float = 10.0) -> list[BotMessage]:
        """Collect the new bot messages until the bot stays silent here for ``quiet`` seconds.

        Any activity (message, edit, delete, chat action, callback answer) restarts the quiet
        period; ``timeout`` bounds the whole wait for a bot that never stops talking.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        seen = self._activity()
        while loop.time() < deadline:
            window = min(quiet, deadline - loop.time())
            changed = await self._emu._signal.wait_for(self._changed_since(seen), window)
            if not changed:
                break
            seen = self._activity()
        found: list[BotMessage] = []
        while (event := self._take("message", lambda e: e.kind == "message")) is not None:
            found.append(event.message)
        return found

    async def wait_for(self, predicate: Callable[[BotMessage], bool], timeout: float = 5.0) -> BotMessage:
        """Wait until some bot message (current state, not deleted) satisfies ``predicate``.

        Returns the newest such message. Works for edits too, e.g.
        ``await user.wait_for(lambda m: "✅" in m.text)`` after a click.
        """

        def check() -> BotMessage | None:
            for message in reversed(list(self._state.bot_messages.values())):
                if not message.deleted and predicate(message):
                    return message
            return None

        found = await self._emu._signal.wait_for(check, timeout)
        if found is None:
            raise self._fail(f"No bot message matched the condition within {timeout}s")
        return found

    async def wait_callback_answer(
        self, query: CallbackQueryRecord | None = None, timeout: float = 5.0
    ) -> CallbackAnswer:
        """Wait until the bot answers ``query`` (default: the latest click in this chat)."""
        if query is None:
            if not self._state.callbacks:
                raise AssertionError("No callback query was sent in this chat")
            query = self._state.callbacks[-1]
        target = query
        answer = await self._emu._signal.wait_for(lambda: target.answer, timeout)
        if answer is None:
            raise self._fail(f"Callback query {target.data!r} was not answered within {timeout}s")
        return answer

    def mark_read(self) -> None:
        """Move every cursor past everything the bot has done so far."""
        for reader in self._cursors:
            self._cursors[reader] = len(self._state.events)

    # ------------------------------------------------------------ acting (shared)

    def _log(self, prefix: str, text: str) -> None:
        self._state.transcript.extend(format_user_line(prefix, text))

    def _user_message(self, sender: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
        """Create a message from ``sender`` in this chat and deliver it as an update."""
        message = {
            "message_id": self._state.new_message_id(),
            "from": sender,
            "chat": self._state.chat_json,
            "date": self._emu._now(),
            **fields,
        }
        self._state.user_messages[message["message_id"]] = message
        # A copy: later changes (edit_text) must not rewrite an update already queued.
        self._emu._enqueue("message", copy.deepcopy(message))
        return message
