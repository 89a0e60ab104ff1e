"""What the sender sends, as plain data: messages, files, buttons, and the ports around it.

The delivery service renders rows into :class:`OutMessage` objects and hands them to the sender
(:mod:`bot.delivery.sender`) as a :class:`SendJob`; the sender reports back through :class:`SendReporter`.
Nothing here knows aiogram, so the domain stays testable without it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

FileKind = Literal["document", "photo", "audio", "video"]


@dataclass(frozen=True)
class Button:
    text: str
    url: str | None = None
    callback_data: str | None = None


@dataclass(frozen=True)
class OutFile:
    path: Path  # the stored copy, <files_dir>/<sha256>.<ext>
    name: str  # what the learner sees: the original file name
    sha256: str  # the key of the remembered Telegram file_id
    kind: FileKind


KnownKind = Literal["photo", "document", "video", "voice", "audio", "video_note"]


@dataclass(frozen=True)
class KnownFile:
    """A file Telegram already holds (a learner's work, a curator's voice comment), sent again by
    its ``file_id``: nothing is uploaded or downloaded."""

    kind: KnownKind
    file_id: str


@dataclass(frozen=True)
class AlbumItem:
    """One file of an album sent again as an album (a learner's photos, shown to a curator)."""

    file: KnownFile
    caption: str = ""  # HTML


@dataclass(frozen=True)
class OutPoll:
    """A quiz poll: one right option, an optional explanation (HTML) shown after answering.

    The question and options are plain text. Non-anonymous, so each answer reaches the bot as a
    ``poll_answer`` with the poll's id, which the owner stores when the sender reports it."""

    question: str
    options: tuple[str, ...]
    correct: int  # index into options, as shown
    explanation: str | None = None
    open_period: int | None = None  # seconds; None: open until stopped


@dataclass(frozen=True)
class OutMessage:
    """One Telegram message: HTML text, a file with the text as its caption, or a quiz poll
    (``poll``; ``text`` is then unused)."""

    text: str
    file: OutFile | None = None
    buttons: tuple[tuple[Button, ...], ...] = ()
    known: KnownFile | None = None  # instead of ``file``
    poll: OutPoll | None = None
    album: tuple[AlbumItem, ...] = ()  # instead of all of the above: one sendMediaGroup, no buttons


@dataclass
class SendJob:
    """One delivery on its way: its messages, and how far it got (``next`` is the index of the
    message to send; earlier ones went out before, maybe before a restart)."""

    delivery_id: int
    chat_id: int
    cohort_id: int
    messages: tuple[OutMessage, ...]
    next: int = 0
    message_ids: list[int] = field(default_factory=list)
    attempt: int = 1  # how many times its owner has handed it to the sender
    # Who hears how the job went; None: the sender's own reporter (the delivery service). Other
    # features (quizzes) send through the same sender, under the same limits, and keep their
    # own records.
    owner: SendReporter | None = None

    @property
    def done(self) -> bool:
        return self.next >= len(self.messages)


@dataclass(frozen=True)
class Outcome:
    """How a job ended, other than sent: ``unreachable`` (403), ``failed`` (a bad request, not
    retried) or ``retry`` (network, 5xx: try later). Jobs a stop leaves unfinished are returned
    by ``stop()`` instead."""

    state: Literal["unreachable", "failed", "retry"]
    reason: str | None = None


class SendReporter(Protocol):
    async def part_sent(self, job: SendJob, message_id: int, poll_id: str | None = None) -> None:
        """``job.messages[job.next]`` went out as ``message_id`` (``job.next`` not yet advanced);
        ``poll_id``: the id Telegram gave a poll, which its answers will carry."""

    async def ended(self, jobs: list[SendJob], outcome: Outcome) -> None:
        """The jobs (of one chat, in order) leave the sender without being sent completely."""


class FileIds(Protocol):
    """Telegram's file_id of each uploaded file, kept so every file goes up once."""

    async def get(self, sha256: str) -> str | None: ...

    async def remember(self, sha256: str, file_id: str) -> None: ...

    async def forget(self, sha256: str) -> None: ...


class SenderPort(Protocol):
    """What the delivery service needs of the sender (:class:`bot.delivery.sender.Sender`)."""

    @property
    def pending(self) -> int: ...

    def start(self) -> None: ...

    def submit(self, job: SendJob) -> None: ...

    async def wait_for_room(self, below: int) -> None: ...

    def interrupt_waits(self) -> None: ...

    def withdraw(self, match: Callable[[SendJob], bool]) -> list[SendJob]: ...

    async def stop(self, grace: float) -> list[SendJob]: ...

    async def abort(self) -> None: ...
