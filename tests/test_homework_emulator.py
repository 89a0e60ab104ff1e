"""The emulator's albums, which homework relies on: a learner's album arrives as messages that
share a media_group_id, and the bot can send an album back by file_id (sendMediaGroup)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import InputMediaDocument, InputMediaPhoto

from tests.auxil.emulator import BotAPIEmulator


@pytest.fixture
async def emu() -> AsyncIterator[BotAPIEmulator]:
    async with BotAPIEmulator() as emulator:
        yield emulator


@pytest.fixture
async def bot(emu: BotAPIEmulator) -> AsyncIterator[Bot]:
    bot = emu.create_bot()
    yield bot
    await bot.session.close()


async def test_an_album_arrives_as_messages_of_one_group_and_goes_back_as_an_album(
    emu: BotAPIEmulator, bot: Bot
) -> None:
    asel, curator = emu.user(201, first_name="Әсел"), emu.user(301, first_name="Гүлнар")
    await asel.send_album(3, caption="Көрме")
    updates = await bot.get_updates()
    messages = [update.message for update in updates if update.message]
    assert len(messages) == 3 and len({m.media_group_id for m in messages}) == 1 and messages[0].media_group_id
    assert [m.caption for m in messages] == ["Көрме", None, None]
    ids = [m.photo[-1].file_id for m in messages if m.photo]
    assert len(set(ids)) == 3

    sent = await bot.send_media_group(
        curator.id,
        [InputMediaPhoto(media=ids[0], caption="Әсел, 1-сабақ"), *(InputMediaPhoto(media=i) for i in ids[1:])],
    )
    assert [m.photo[-1].file_id for m in sent if m.photo] == ids
    assert len({m.media_group_id for m in sent}) == 1
    assert [m.kind for m in curator.messages] == ["photo", "photo", "photo"]
    assert curator.messages[0].text == "Әсел, 1-сабақ"

    with pytest.raises(TelegramBadRequest, match="between 2 and 10"):
        await bot.send_media_group(curator.id, [InputMediaPhoto(media=ids[0])])
    await asel.send_document()
    document = (await bot.get_updates(offset=updates[-1].update_id + 1))[-1].message
    assert document is not None and document.document is not None
    with pytest.raises(TelegramBadRequest, match="can't be mixed"):
        await bot.send_media_group(
            curator.id, [InputMediaPhoto(media=ids[0]), InputMediaDocument(media=document.document.file_id)]
        )
