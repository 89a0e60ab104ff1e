"""Tests of the emulated Bot API itself, driven by a plain aiogram Bot over real HTTP.

If these pass, end-to-end tests of the real bot can trust that the emulator answers the way
Telegram does: same JSON shapes (aiogram's models parse them), same errors (aiogram raises the
same exception types), same long-polling behaviour.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiogram import Bot, Dispatcher, F
from aiogram.client.default import DefaultBotProperties
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.filters import CommandObject, CommandStart
from aiogram.methods import TelegramMethod
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    CallbackQuery,
    InaccessibleMessage,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from tests.auxil.emulator import BotAPIEmulator, FakeUser
from tests.auxil.emulator_html import EntityParseError, parse_html

NOT_MODIFIED = (
    "Telegram server says - Bad Request: message is not modified: specified new message "
    "content and reply markup are exactly the same as a current content and reply markup "
    "of the message"
)


@pytest.fixture
async def emu() -> AsyncIterator[BotAPIEmulator]:
    async with BotAPIEmulator() as emulator:
        yield emulator


@pytest.fixture
async def bot(emu: BotAPIEmulator) -> AsyncIterator[Bot]:
    client = emu.create_bot(default=DefaultBotProperties(parse_mode="HTML"))
    yield client
    await client.session.close()


@pytest.fixture
def aigul(emu: BotAPIEmulator) -> FakeUser:
    return emu.user(1001, first_name="Айгүл", last_name="Серікова", username="aigul")


def keyboard(*labels: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=label, callback_data=f"cb:{label}")] for label in labels]
    )


class SendUnicorn(TelegramMethod[bool]):
    """A method Telegram does not have, to provoke 404."""

    __returning__ = bool
    __api_method__ = "sendUnicorn"


# ---------------------------------------------------------------------- basics


async def test_get_me_reports_the_bot_from_the_token(emu: BotAPIEmulator, bot: Bot) -> None:
    me = await bot.get_me()
    assert me.id == 123456
    assert me.is_bot
    assert me.username == "oqu_test_bot"
    assert emu.call_count("getMe") == 1


async def test_long_polling_returns_as_soon_as_a_user_writes(bot: Bot, aigul: FakeUser) -> None:
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    assert not poll.done(), "getUpdates must wait while there is nothing to deliver"
    await aigul.send_text("/start ref_42")
    updates = await asyncio.wait_for(poll, 2)
    assert time.monotonic() - started < 1.5
    assert len(updates) == 1
    message = updates[0].message
    assert message is not None and message.text == "/start ref_42"
    assert message.from_user is not None and message.from_user.language_code == "kk"
    assert message.chat.id == 1001 and message.chat.type == "private"
    assert message.entities is not None and message.entities[0].type == "bot_command"
    assert message.entities[0].length == len("/start")


async def test_long_polling_times_out_empty(bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == []
    assert 0.9 <= time.monotonic() - started < 2


async def test_offset_confirms_updates_and_limit_is_honoured(emu: BotAPIEmulator, bot: Bot, aigul: FakeUser) -> None:
    for text in ("бір", "екі", "үш"):
        await aigul.send_text(text)
    first = await bot.get_updates(limit=2)
    assert [u.message.text for u in first if u.message] == ["бір", "екі"]
    again = await bot.get_updates()  # nothing confirmed yet: all three come again
    assert [u.message.text for u in again if u.message] == ["бір", "екі", "үш"]
    rest = await bot.get_updates(offset=first[-1].update_id + 1)
    assert [u.message.text for u in rest if u.message] == ["үш"]
    assert await bot.get_updates(offset=rest[-1].update_id + 1) == []
    assert emu.pending_updates == []


async def test_second_poller_terminates_the_first_with_conflict(bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=3))
    await asyncio.sleep(0.1)
    second = asyncio.create_task(bot.get_updates(timeout=0))
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates"):
        await first
    assert await second == []


# ---------------------------------------------------------------------- sending and reading


async def test_send_message_is_seen_by_the_user_as_plain_text(emu: BotAPIEmulator, bot: Bot, aigul: FakeUser) -> None:
    sent = await bot.send_message(
        aigul.id,
        "<b>Сәлем</b>, &lt;оқырман&gt; &amp; 👋 <i>дос</i>",
        reply_markup=keyboard("Иә", "Жоқ"),
    )
    assert sent.text == "Сәлем, <оқырман> & 👋 дос"
    assert sent.entities is not None and [e.type for e in sent.entities] == ["bold", "italic"]
    assert sent.reply_markup is not None

    message = await aigul.next_message()
    assert message.message_id == sent.message_id
    assert message.text == "Сәлем, <оқырман> & 👋 дос"
    assert message.html.startswith("<b>Сәлем</b>")
    assert message.buttons == [["Иә"], ["Жоқ"]]
    assert message.callback_data("Жоқ") == "cb:Жоқ"
    assert message.kind == "text" and message.caption is None
    assert aigul.last_message is message
    assert emu.calls_of("sendMessage")[0]["parse_mode"] == "HTML"


async def test_expect_and_wait_until_quiet(bot: Bot, aigul: FakeUser) -> None:
    await bot.send_message(aigul.id, "Бірінші")
    await aigul.expect("Бір")
    await bot.send_message(aigul.id, "Екінші")
    await bot.send_message(aigul.id, "Үшінші")
    quiet = await aigul.wait_until_quiet(0.1)
    assert [m.text for m in quiet] == ["Екінші", "Үшінші"]
    with pytest.raises(AssertionError, match=r"No new bot message within 0\.1s"):
        await aigul.next_message(timeout=0.1)
    await bot.send_message(aigul.id, "Төртінші")
    with pytest.raises(AssertionError, match="Expected the next bot message to contain"):
        await aigul.expect("Бесінші")


async def test_edit_without_markup_removes_keyboard_and_edits_are_observable(bot: Bot, aigul: FakeUser) -> None:
    sent = await bot.send_message(aigul.id, "Тіл?", reply_markup=keyboard("Қазақша"))
    message = await aigul.next_message()
    await bot.edit_message_text("Тіл: <b>қазақша</b>", chat_id=aigul.id, message_id=sent.message_id)
    edit = await aigul.next_edit(message)
    assert edit.text == "Тіл: қазақша" and edit.buttons == []
    assert message.text == "Тіл: қазақша" and message.version == 1
    assert message.history[0]["text"] == "Тіл?"
    with pytest.raises(TelegramBadRequest) as err:
        await bot.edit_message_text("Тіл: <b>қазақша</b>", chat_id=aigul.id, message_id=sent.message_id)
    assert str(err.value) == NOT_MODIFIED
    await bot.edit_message_reply_markup(chat_id=aigul.id, message_id=sent.message_id, reply_markup=keyboard("Өзгерту"))
    assert (await aigul.wait_for(lambda m: m.buttons == [["Өзгерту"]])) is message
    assert await bot.delete_message(aigul.id, sent.message_id)
    assert message.deleted and aigul.last_message is None
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=aigul.id, message_id=sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(aigul.id, sent.message_id)
    kinds = [(await aigul.next_event()).kind for _ in range(4)]
    assert kinds == ["message", "edit", "edit", "delete"]


async def test_reply_keyboard_press_and_removal(bot: Bot, aigul: FakeUser) -> None:
    markup = ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text="Алматы"), KeyboardButton(text="Астана")],
            [KeyboardButton(text="Телефон", request_contact=True)],
        ],
        resize_keyboard=True,
    )
    sent = await bot.send_message(aigul.id, "Қала?", reply_markup=markup)
    assert sent.reply_markup is None  # Telegram only echoes inline keyboards
    message = await aigul.next_message()
    assert message.reply_keyboard == [["Алматы", "Астана"], ["Телефон"]]
    assert aigul.reply_keyboard == message.reply_keyboard
    await aigul.press("Астана")
    await aigul.press("Телефон")
    updates = await bot.get_updates()
    assert updates[0].message and updates[0].message.text == "Астана"
    contact = updates[1].message and updates[1].message.contact
    assert contact and contact.user_id == aigul.id
    await bot.send_message(aigul.id, "Рақмет", reply_markup=ReplyKeyboardRemove())
    assert (await aigul.next_message()).reply_keyboard_removed
    assert aigul.reply_keyboard is None
    with pytest.raises(AssertionError, match="No reply-keyboard button"):
        await aigul.press("Алматы")


# ---------------------------------------------------------------------- a real Dispatcher


async def test_click_round_trip_through_a_polling_dispatcher(emu: BotAPIEmulator, bot: Bot, aigul: FakeUser) -> None:
    dp = Dispatcher()

    @dp.message(CommandStart(deep_link=True))
    async def start(message: Message, command: CommandObject) -> None:
        await message.answer(
            f"Сәлем! Код: {command.args}. Тілді таңдаңыз:",
            reply_markup=keyboard("Қазақша", "Русский"),
        )

    @dp.callback_query(F.data.startswith("cb:"))
    async def choose(query: CallbackQuery) -> None:
        assert isinstance(query.message, Message)
        await query.message.edit_text(f"Таңдалды: <b>{query.data}</b>")
        await query.answer("Сақталды")

    polling = asyncio.create_task(
        dp.start_polling(bot, polling_timeout=5, handle_signals=False, close_bot_session=False)
    )
    try:
        await aigul.send_text("/start course_7")
        message = await aigul.expect("Код: course_7")
        click = await aigul.click("Қазақша")
        edit = await aigul.next_edit(message)
        assert edit.text == "Таңдалды: cb:Қазақша"
        answer = await aigul.wait_callback_answer(click)
        assert answer.text == "Сақталды" and not answer.show_alert
        assert aigul.callback_answers == [answer]
        with pytest.raises(AssertionError, match="No inline button 'Русский'"):
            await aigul.click("Русский")  # the edit removed the keyboard
    finally:
        await dp.stop_polling()
        await asyncio.wait_for(polling, 3)
    assert emu.transcript(aigul.id).splitlines() == [
        "# chat with Айгүл Серікова (id 1001, @aigul, lang kk)",
        "> user: /start course_7",
        f"< bot #{message.message_id}: Сәлем! Код: course_7. Тілді таңдаңыз:",
        "   [Қазақша]",
        "   [Русский]",
        "> user presses [Қазақша]",
        f"< bot edits #{message.message_id}: Таңдалды: cb:Қазақша",
        "   (inline keyboard removed)",
        "< bot answers callback (toast): Сақталды",
    ]


async def test_forged_and_stale_callbacks(bot: Bot, aigul: FakeUser) -> None:
    await bot.send_message(aigul.id, "Менің курсым", reply_markup=keyboard("Ашу"))
    await aigul.next_message()
    await aigul.click_data("forged:1")
    await aigul.click_data("old", message=999)
    updates = await bot.get_updates()
    forged, stale = (u.callback_query for u in updates)
    assert forged is not None and forged.data == "forged:1"
    assert isinstance(forged.message, Message) and forged.message.text == "Менің курсым"
    assert stale is not None and stale.message is not None
    assert isinstance(stale.message, InaccessibleMessage)
    await forged.answer("Ескірген", show_alert=True)
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await forged.answer("again")


# ---------------------------------------------------------------------- errors


async def test_each_error_status_raises_the_matching_aiogram_exception(
    emu: BotAPIEmulator, bot: Bot, aigul: FakeUser
) -> None:
    with pytest.raises(TelegramBadRequest, match="Bad Request: chat not found"):
        await bot.send_message(424242, "кімге?")

    stranger = Bot("999:wrong-token", session=bot.session)
    with pytest.raises(TelegramUnauthorizedError, match="Unauthorized"):
        await stranger.get_me()

    aigul.block_bot()
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(aigul.id, "Сәлем")
    with pytest.raises(TelegramForbiddenError):
        await bot.send_chat_action(aigul.id, "typing")
    member = (await bot.get_updates(allowed_updates=["my_chat_member"]))[-1].my_chat_member
    assert member is not None and member.new_chat_member.status == "kicked"
    aigul.unblock_bot()
    newcomer = emu.user(1003, started=False)  # never opened the bot
    with pytest.raises(TelegramForbiddenError, match="bot can't initiate conversation"):
        await bot.send_message(newcomer.id, "Сәлем")
    await bot.send_message(aigul.id, "Қайта оралдыңыз")

    with pytest.raises(TelegramNotFound, match="Not Found"):
        await bot(SendUnicorn())

    emu.fail_next("sendMessage", error_code=429, description="Too Many Requests: retry after 3", retry_after=3)
    with pytest.raises(TelegramRetryAfter) as retry:
        await bot.send_message(aigul.id, "flood")
    assert retry.value.retry_after == 3
    emu.fail_next("getMe", error_code=502, description="Bad Gateway")
    with pytest.raises(TelegramServerError):
        await bot.get_me()
    assert (await bot.get_me()).username == "oqu_test_bot"
    assert emu.stats["injected"] == 2


async def test_raw_error_json_shape(emu: BotAPIEmulator) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{emu.base_url}/bot{emu.token}/noSuchMethod") as resp:
            assert resp.status == 404
            assert await resp.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
        async with http.post(f"{emu.base_url}/bot1:bad/getMe") as resp:
            assert resp.status == 401
            assert await resp.json() == {
                "ok": False,
                "error_code": 401,
                "description": "Unauthorized",
            }
        emu.fail_next(
            "sendMessage",
            error_code=429,
            description="Too Many Requests: retry after 7",
            retry_after=7,
        )
        async with http.post(f"{emu.base_url}/bot{emu.token}/sendMessage", json={"chat_id": 1, "text": "x"}) as resp:
            assert resp.status == 429
            body: dict[str, Any] = await resp.json()
            assert body["parameters"] == {"retry_after": 7}


async def test_enforced_rate_limits_answer_429(emu: BotAPIEmulator, bot: Bot, aigul: FakeUser) -> None:
    emu.enforce_limits(per_chat_interval=1.0, per_group_per_minute=2)
    await bot.send_message(aigul.id, "бір")
    with pytest.raises(TelegramRetryAfter) as err:
        await bot.send_message(aigul.id, "екі")
    assert err.value.retry_after == 1
    emu.enforce_limits(per_chat_interval=None, per_group_per_minute=2)
    group = emu.group(-100777, "Кітапханашылар")
    await bot.send_message(group.chat_id, "1")
    await bot.send_message(group.chat_id, "2")
    with pytest.raises(TelegramRetryAfter) as group_err:
        await bot.send_message(group.chat_id, "3")
    assert 50 <= group_err.value.retry_after <= 60
    assert emu.stats["rate_limited"] == 2
    assert [m.text for m in group.messages] == ["1", "2"]


async def test_text_validation(bot: Bot, aigul: FakeUser) -> None:
    await bot.send_message(aigul.id, "<b>" + "я" * 4096 + "</b>")  # the limit is on plain text
    with pytest.raises(TelegramBadRequest, match="Bad Request: message is too long"):
        await bot.send_message(aigul.id, "я" * 4097)
    with pytest.raises(TelegramBadRequest, match="Bad Request: message text is empty"):
        await bot.send_message(aigul.id, "")
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(aigul.id, "<b> </b>")
    with pytest.raises(TelegramBadRequest, match='Unsupported start tag "br" at byte offset 8'):
        await bot.send_message(aigul.id, "Жол 1<br>Жол 2")
    with pytest.raises(TelegramBadRequest, match="can't parse entities: Can't find end tag"):
        await bot.send_message(aigul.id, "<b>жабылмаған")
    with pytest.raises(TelegramBadRequest, match='Unsupported start tag ""'):
        await bot.send_message(aigul.id, "3 < 5")
    await bot.send_message(aigul.id, "3 < 5", parse_mode=None)
    assert (await aigul.wait_until_quiet(0.05))[-1].text == "3 < 5"


async def test_callback_data_limits(bot: Bot, aigul: FakeUser) -> None:
    ok = InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(text="64", callback_data="ә" * 32),  # 64 bytes in UTF-8
            ]
        ]
    )
    await bot.send_message(aigul.id, "ok", reply_markup=ok)
    for data in ("ә" * 33, ""):
        markup = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="x", callback_data=data)]])
        with pytest.raises(TelegramBadRequest, match="Bad Request: BUTTON_DATA_INVALID"):
            await bot.send_message(aigul.id, "bad", reply_markup=markup)


async def test_caption_limit(bot: Bot, aigul: FakeUser) -> None:
    photo = BufferedInputFile(b"\x89PNG fake", filename="p.png")
    with pytest.raises(TelegramBadRequest, match="message caption is too long"):
        await bot.send_photo(aigul.id, photo, caption="<i>" + "a" * 1025 + "</i>")


# ---------------------------------------------------------------------- files, polls, commands


async def test_upload_then_reuse_by_file_id_and_download(bot: Bot, aigul: FakeUser) -> None:
    pdf = b"%PDF-1.4 syllabus"
    first = await bot.send_document(aigul.id, BufferedInputFile(pdf, filename="syllabus.pdf"), caption="<b>Жоспар</b>")
    assert first.document is not None and first.document.file_name == "syllabus.pdf"
    assert first.document.mime_type == "application/pdf"
    assert first.caption == "Жоспар"
    second = await bot.send_document(aigul.id, first.document.file_id)
    assert second.document is not None and second.document.file_id == first.document.file_id
    received = await aigul.wait_until_quiet(0.05)
    assert [m.kind for m in received] == ["document", "document"]
    assert received[0].file is not None and received[0].file.content == pdf
    assert received[0].caption == "Жоспар"
    downloaded = await bot.download(first.document.file_id)
    assert downloaded is not None and downloaded.read() == pdf
    with pytest.raises(TelegramBadRequest, match="can't use file of type Document as Photo"):
        await bot.send_photo(aigul.id, first.document.file_id)
    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await bot.send_voice(aigul.id, "no-such-file-id")


async def test_files_sent_by_users_can_be_downloaded(bot: Bot, aigul: FakeUser) -> None:
    await aigul.send_document("эссе.docx", b"essay", "application/msword", caption="Үй жұмысы")
    await aigul.send_photo()
    await aigul.send_voice()
    await aigul.send_sticker()
    document_update, photo_update, voice_update, sticker_update = await bot.get_updates()
    document = document_update.message and document_update.message.document
    assert document and document.file_name == "эссе.docx"
    file = await bot.get_file(document.file_id)
    assert file.file_path and file.file_size == 5
    data = await bot.download_file(file.file_path)
    assert data is not None and data.read() == b"essay"
    photo = photo_update.message and photo_update.message.photo
    assert photo and (photo[-1].width, photo[-1].height) == (64, 48)
    assert voice_update.message and voice_update.message.voice
    assert sticker_update.message and sticker_update.message.sticker
    sent = await bot.send_photo(aigul.id, photo[-1].file_id, caption="Алдым")
    assert sent.photo and sent.photo[-1].file_id == photo[-1].file_id


async def test_forward_and_poll(bot: Bot, emu: BotAPIEmulator, aigul: FakeUser) -> None:
    colleague = emu.user(1002, first_name="Дана", language_code="ru")
    await aigul.forward_from(colleague, text="Семинар ертең")
    (update,) = await bot.get_updates()
    origin = update.message and update.message.forward_origin
    assert origin is not None and origin.type == "user"
    sent = await bot.send_poll(aigul.id, "Қай күн?", ["Дүйсенбі", "Сейсенбі"], is_anonymous=False)
    assert sent.poll is not None and [o.text for o in sent.poll.options] == ["Дүйсенбі", "Сейсенбі"]
    message = await aigul.next_message()
    await aigul.vote(message, 1)
    updates = await bot.get_updates(offset=update.update_id + 1, allowed_updates=["poll", "poll_answer"])
    answer = updates[-1].poll_answer
    assert answer is not None and answer.option_ids == [1] and answer.user is not None


async def test_set_my_commands_per_scope_and_language(emu: BotAPIEmulator, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand(command="start", description="Бастау")])
    await bot.set_my_commands(
        [
            BotCommand(command="start", description="Начать"),
            BotCommand(command="help", description="Помощь"),
        ],
        language_code="ru",
    )
    await bot.set_my_commands(
        [BotCommand(command="admin", description="Admin")],
        scope=BotCommandScopeChat(chat_id=900001),
    )
    assert emu.commands() == [("start", "Бастау")]
    assert emu.commands(language_code="ru") == [("start", "Начать"), ("help", "Помощь")]
    assert emu.commands("chat", chat_id=900001) == [("admin", "Admin")]
    assert emu.commands(language_code="en") == []
    fetched = await bot.get_my_commands(language_code="ru")
    assert [c.command for c in fetched] == ["start", "help"]
    await bot.delete_my_commands(language_code="ru")
    assert emu.commands(language_code="ru") == []
    assert emu.call_count("setMyCommands") == 3
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Бастау", description="x")])


# ---------------------------------------------------------------------- HTML rules


def test_html_parser_follows_telegram_rules() -> None:
    source = '  <a href="https://oqu.kz?a=1&amp;b=2">Сілтеме</a> 😀 <code>x</code>\n'
    text, entities = parse_html(source)
    assert text == "Сілтеме 😀 x"
    assert entities == [
        {"type": "text_link", "offset": 0, "length": 7, "url": "https://oqu.kz?a=1&b=2"},
        {"type": "code", "offset": 11, "length": 1},  # the emoji is 2 UTF-16 units
    ]
    assert parse_html("a&nbsp;b &#1241; &#x4d9;")[0] == "a&nbsp;b ә ә"
    assert parse_html('<pre><code class="language-python">x = 1</code></pre>')[1] == [
        {"type": "pre", "offset": 0, "length": 5, "language": "python"}
    ]
    for bad in ("<b>x</i>", "</b>", "<span>x</span>", "<p>x</p>", "<b x"):
        with pytest.raises(EntityParseError):
            parse_html(bad)
