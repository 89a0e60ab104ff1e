"""Random updates for fuzzing the bot through its real Dispatcher (tests/test_fuzz.py).

Strategies build what Telegram could send: texts of every length and script, every command the
bot knows with random arguments, button presses with random data and with near-valid data (each
callback data class's prefix with random fields), stickers, photos, documents, voice, locations,
contacts, edited messages, messages in groups, membership changes and answers to unknown polls,
from learners, staff and strangers. The commands and button classes are read from the
dispatcher's routers, so a new feature is fuzzed without being listed here.
"""

from __future__ import annotations

import itertools
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiogram import Dispatcher, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData, CallbackQueryFilter
from aiogram.types import BotCommand as TgBotCommand
from aiogram.types import (
    CallbackQuery,
    Chat,
    ChatMemberBanned,
    ChatMemberLeft,
    ChatMemberMember,
    ChatMemberUpdated,
    Contact,
    Document,
    Location,
    Message,
    MessageEntity,
    PhotoSize,
    PollAnswer,
    Sticker,
    Update,
    User,
    Voice,
)
from hypothesis import strategies as st

_ids = itertools.count(10_000_000)
SIGNED_64 = 2**63


def _tree(router: Router) -> Iterator[Router]:
    yield router
    for child in router.sub_routers:
        yield from _tree(child)


def known_commands(dp: Dispatcher) -> list[str]:
    """Every command some handler of the dispatcher answers (learners' and staff's)."""
    found: set[str] = set()
    for router in _tree(dp):
        for handler in router.message.handlers:
            for flt in handler.filters or ():
                if isinstance(flt.callback, Command):
                    for command in flt.callback.commands:
                        name = command.command if isinstance(command, TgBotCommand) else command
                        if isinstance(name, str):
                            found.add(name)
    return sorted(found)


def callback_classes(dp: Dispatcher) -> list[type[CallbackData]]:
    found: dict[str, type[CallbackData]] = {}
    for router in _tree(dp):
        for handler in router.callback_query.handlers:
            for flt in handler.filters or ():
                if isinstance(flt.callback, CallbackQueryFilter):
                    cls = flt.callback.callback_data
                    found[cls.__prefix__] = cls
    return [found[prefix] for prefix in sorted(found)]


@dataclass(frozen=True)
class People:
    """Who sends the updates: each a Telegram user and what they are."""

    owner: User
    organizer: User
    curator: User
    learner: User  # registered and enrolled
    strangers: tuple[User, ...]  # never seen before (or half-way through registration)

    def all(self) -> list[User]:
        return [self.owner, self.organizer, self.curator, self.learner, *self.strangers]


# Every script a librarian might type in, and some nobody should.
TEXT = st.one_of(
    st.text(min_size=1, max_size=40),
    st.text(alphabet="әғқңөұүһіӘҒҚҢӨҰҮҺІабвгдеёжзийклмнопрстуфхцчшщъыьэюя ,.!?-0123456789", min_size=1, max_size=200),
    st.text(min_size=1, max_size=4096),
    st.sampled_from(["0", "-1", "9" * 25, "²", "<b>", "</i>&amp;", "@", "\u200b", " ", "\n", "🙂" * 50, "%s", "{$x}"]),
    st.integers(-(2**70), 2**70).map(str),
).filter(lambda text: text.strip() != "" or text == " ")

FIELD = st.one_of(
    st.integers(-(2**70), 2**70).map(str),
    st.integers(0, 5).map(str),
    st.text(max_size=20).map(lambda s: s.replace(":", "")),
    st.sampled_from(["", "0", "1", "kk", "ru", "en", "xx", "start", "switch", "owner", "organizer", "curator"]),
)


def _field_values(cls: type[CallbackData], name: str) -> st.SearchStrategy[str]:
    """Valid-looking values of one field (its Literal's members) mixed with random ones."""
    annotation = typing.get_type_hints(cls, include_extras=True).get(name)
    literals = [a for a in typing.get_args(annotation)] if typing.get_origin(annotation) is typing.Literal else []
    if literals:
        return st.one_of(st.sampled_from([str(a) for a in literals]), FIELD)
    return FIELD


def near_valid(cls: type[CallbackData]) -> st.SearchStrategy[str]:
    fields = list(cls.model_fields)
    parts = st.tuples(*(_field_values(cls, name) for name in fields))
    extra = st.lists(FIELD, max_size=2)
    return st.tuples(parts, extra, st.booleans()).map(
        lambda t: ":".join([cls.__prefix__, *t[0], *(t[1] if t[2] else [])])[:64] or cls.__prefix__
    )


def _private(user: User) -> Chat:
    return Chat(id=user.id, type="private", first_name=user.first_name)


GROUP = Chat(id=-1001234567890, type="supergroup", title="Кітапханашылар")


def _message(user: User, chat: Chat, **fields: Any) -> Message:
    return Message(message_id=next(_ids), date=datetime.now(UTC), chat=chat, from_user=user, **fields)


def _command_message(user: User, chat: Chat, text: str) -> Message:
    command = text.split()[0] if text.split() else text
    return _message(user, chat, text=text, entities=[MessageEntity(type="bot_command", offset=0, length=len(command))])


def update(**payload: Any) -> Update:
    return Update(update_id=next(_ids), **payload)


def updates(dp: Dispatcher, people: People) -> st.SearchStrategy[tuple[str, Update]]:
    """(kind, update) pairs; the kind is for the figures of a run."""
    person = st.sampled_from(people.all())
    # Some strangers are new each time: nobody the bot has seen, any id Telegram could use.
    sender = st.one_of(person, st.integers(1, 2**52).map(lambda i: User(id=i, is_bot=False, first_name="X")))
    language = st.sampled_from([None, "kk", "ru", "en", "de", "kk-KZ", "", "zz-ZZ"])
    sender = st.tuples(sender, language).map(lambda t: t[0].model_copy(update={"language_code": t[1]}))
    commands = known_commands(dp)
    classes = callback_classes(dp)

    command_text = st.tuples(
        st.sampled_from(commands),
        st.sampled_from(["", "@oqu_test_bot", "@other_bot"]),
        st.one_of(st.just(""), TEXT.map(lambda t: " " + t)),
    ).map(lambda t: f"/{t[0]}{t[1]}{t[2]}"[:4096])

    def text_msg(u: User, t: str) -> Update:
        return update(message=_message(u, _private(u), text=t))

    def command_msg(u: User, t: str) -> Update:
        return update(message=_command_message(u, _private(u), t))

    def press(u: User, data: str, message_id: int) -> Update:
        query = CallbackQuery(
            id=str(next(_ids)),
            from_user=u,
            chat_instance="ci",
            data=data,
            message=Message(message_id=message_id, date=datetime.now(UTC), chat=_private(u), text="…"),
        )
        return update(callback_query=query)

    random_data = st.text(min_size=1, max_size=64).filter(lambda d: len(d.encode()) <= 64)
    near = st.sampled_from(classes).flatmap(near_valid).filter(lambda d: len(d.encode()) <= 64)
    message_id = st.integers(1, 2**31 - 1)

    def media(u: User, kind: str, caption: str | None) -> Update:
        n = next(_ids)
        fields: dict[str, Any] = {
            "sticker": {
                "sticker": Sticker(
                    file_id=f"s{n}",
                    file_unique_id=f"s{n}",
                    type="regular",
                    width=512,
                    height=512,
                    is_animated=False,
                    is_video=False,
                )
            },
            "photo": {"photo": [PhotoSize(file_id=f"p{n}", file_unique_id=f"p{n}", width=90, height=90)]},
            "voice": {"voice": Voice(file_id=f"v{n}", file_unique_id=f"v{n}", duration=3)},
            "location": {"location": Location(latitude=43.24, longitude=76.91)},
            "contact": {"contact": Contact(phone_number="+77010000000", first_name="Айгүл", user_id=u.id)},
        }.get(kind, {})
        if kind.startswith("document"):
            name = kind.split(":", 1)[1]
            fields = {"document": Document(file_id=f"d{n}", file_unique_id=f"d{n}", file_name=name, file_size=100)}
        if kind in ("photo", "document") or kind.startswith("document"):
            fields["caption"] = caption
        return update(message=_message(u, _private(u), **fields))

    kind = st.sampled_from(["sticker", "photo", "voice", "location", "contact"])
    doc_name = st.one_of(
        st.sampled_from(["course.zip", "course.yaml", "a.pdf", "x.yml", "", "🙂.zip"]), st.text(max_size=30)
    ).map(lambda name: f"document:{name}")

    def member(u: User, old: str, new: str) -> Update:
        states = {
            "member": ChatMemberMember(user=u),
            "kicked": ChatMemberBanned(user=u, until_date=0),
            "left": ChatMemberLeft(user=u),
        }
        event = ChatMemberUpdated(
            chat=_private(u),
            from_user=u,
            date=datetime.now(UTC),
            old_chat_member=states[old],
            new_chat_member=states[new],
        )
        return update(my_chat_member=event)

    def group_member(u: User, old: str, new: str) -> Update:
        states = {"member": ChatMemberMember(user=u), "left": ChatMemberLeft(user=u)}
        event = ChatMemberUpdated(
            chat=GROUP, from_user=u, date=datetime.now(UTC), old_chat_member=states[old], new_chat_member=states[new]
        )
        return update(chat_member=event)

    status = st.sampled_from(["member", "kicked", "left"])
    return st.one_of(
        st.tuples(sender, TEXT).map(lambda t: ("text", text_msg(*t))),
        st.tuples(sender, command_text).map(lambda t: ("command", command_msg(*t))),
        st.tuples(sender, random_data, message_id).map(lambda t: ("callback-random", press(*t))),
        st.tuples(sender, near, message_id).map(lambda t: ("callback-near-valid", press(*t))),
        st.tuples(sender, kind, st.none() | TEXT).map(lambda t: (t[1], media(*t))),
        st.tuples(sender, doc_name, st.none() | TEXT.map(lambda c: c[:1024])).map(lambda t: ("document", media(*t))),
        st.tuples(sender, TEXT).map(
            lambda t: ("edited", update(edited_message=_message(t[0], _private(t[0]), text=t[1], edit_date=1)))
        ),
        st.tuples(sender, st.one_of(TEXT, command_text)).map(
            lambda t: (
                "group",
                update(
                    message=_command_message(t[0], GROUP, t[1])
                    if t[1].startswith("/")
                    else _message(t[0], GROUP, text=t[1])
                ),
            )
        ),
        st.tuples(sender, status, status).map(lambda t: ("my-chat-member", member(*t))),
        st.tuples(sender, st.sampled_from(["member", "left"]), st.sampled_from(["member", "left"])).map(
            lambda t: ("chat-member", group_member(*t))
        ),
        st.tuples(sender, st.text(min_size=1, max_size=30), st.lists(st.integers(0, 11), max_size=3)).map(
            lambda t: (
                "poll-answer",
                update(
                    poll_answer=PollAnswer(
                        poll_id=t[1], user=t[0], option_ids=t[2], option_persistent_ids=[str(i) for i in t[2]]
                    )
                ),
            )
        ),
    )
