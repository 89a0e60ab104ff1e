"""/broadcast through the real Dispatcher: choosing the recipients, the message with its
formatting, the preview exactly as learners see it, Send, the progress message and Stop;
/cancel and commands in the middle of the form; a learner never gets in."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from aiogram.methods import EditMessageText, SendMessage, SendPhoto
from aiogram.types import Message, MessageEntity, PhotoSize, Update

from bot.broadcasts.service import BroadcastService
from storage.roles import RoleRepository
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort
from tests.auxil.harness import Harness, plain_buttons
from tests.auxil.updates import _chat, tg_user
from tests.conftest import OWNER_ID

ORGANIZER = tg_user(55, language_code="en")
LEARNER = tg_user(201, language_code="kk")
_ids = itertools.count(70000)


def formatted(text: str, bold: str, *, photo: bool = False) -> Update:
    """A message with ``bold`` in bold, as text, or as a photo's caption."""
    offset = text.index(bold)
    entities = [MessageEntity(type="bold", offset=offset, length=len(bold))]
    fields: dict = {"text": text, "entities": entities}
    if photo:
        fields = {
            "caption": text,
            "caption_entities": entities,
            "photo": [PhotoSize(file_id="poster-1", file_unique_id="p1", width=90, height=90)],
        }
    message = Message(
        message_id=next(_ids), date=datetime.now(UTC), chat=_chat(ORGANIZER), from_user=ORGANIZER, **fields
    )
    return Update(update_id=next(_ids), message=message)


@pytest.fixture
async def cohort(harness: Harness, tmp_path: Path) -> int:
    """Learners 201-205 (odd ids rural, even urban) and an organizer who writes in English."""
    now = harness.clock.now()
    version = await import_version(harness.db, SAMPLE, tmp_path / "files")
    cohort_id = await make_cohort(harness.db, version, date(2026, 4, 15), now, name="Аудан <1>")
    await add_learners(harness.db, cohort_id, list(range(201, 206)), now)
    await harness.db.execute(
        "INSERT INTO users (telegram_id, language, created_at, updated_at) VALUES (55, 'en', 'x', 'x')"
    )
    await RoleRepository(harness.db).grant(55, "organizer", OWNER_ID, now)
    broadcasts: BroadcastService = harness.dp["broadcasts"]
    broadcasts.interval = 0.01
    return cohort_id


def texts(sent: list[SendMessage]) -> list[str]:
    return [m.text for m in sent]


async def choose_rural(h: Harness) -> None:
    listing = await h.send(ORGANIZER, "/broadcast")
    assert listing[0].text == "📣 To the learners of which cohort?"
    assert plain_buttons(listing[0].reply_markup) == ["Аудан <1> · 5 👤"]
    screen = await h.click(ORGANIZER, "Аудан <1> · 5 👤")
    assert "Message to the learners of Аудан &lt;1&gt;" in screen[0].text
    assert "It goes to <b>5</b> learners." in screen[0].text
    screen = await h.click(ORGANIZER, "🏘 Rural / urban / all")
    assert "Libraries: 🌾 Rural (village)" in screen[0].text and "<b>3</b> learners" in screen[0].text


async def test_an_organizer_broadcasts_to_rural_learners(harness: Harness, cohort: int) -> None:
    await choose_rural(harness)
    ask = await harness.click(ORGANIZER, "✍️ Write the message")
    assert ask[0].text.startswith("✍️ Send me the message")
    before = len(harness.session.requests)
    await harness.dp.feed_update(harness.bot, formatted("Zoom moves to 15:00 today", "15:00"))
    preview, confirm = harness._sent_since(before)
    assert preview.text == "Zoom moves to <b>15:00</b> today"
    assert confirm.text.startswith(
        "☝️ This is how learners will see it.\nSend it to <b>3</b> learners of Аудан &lt;1&gt;?"
    )
    assert plain_buttons(confirm.reply_markup) == [
        "📣 Send to 3",
        "✏️ Change the message",
        "👥 Change the recipients",
        "✖️ Cancel",
    ]
    progress = await harness.click(ORGANIZER, "📣 Send to 3")
    assert progress[-1].text == "📣 Аудан &lt;1&gt;: sent 0 of 3…"
    assert plain_buttons(progress[-1].reply_markup) == ["⏹ Stop sending"]
    rows = await harness.db.fetchall("SELECT user_id, kind, item_key, state FROM deliveries WHERE kind = 'broadcast'")
    assert sorted(tuple(r) for r in rows) == [(uid, "broadcast", "B1", "planned") for uid in (201, 203, 205)]
    stored = await harness.db.fetchone("SELECT kind, html, audience, recipients, language FROM broadcasts")
    assert tuple(stored) == ("text", "Zoom moves to <b>15:00</b> today", stored["audience"], 3, "en")
    assert '"settlement": "rural"' in stored["audience"]
    assert await harness.send(ORGANIZER, "hello") != []  # the form is over: not taken as a message
    assert await harness.db.fetchval("SELECT COUNT(*) FROM broadcasts") == 1

    # Stop: what has not gone out is cancelled, and the progress message says so.
    await harness.db.execute("UPDATE deliveries SET state = 'sent' WHERE user_id = 201 AND kind = 'broadcast'")
    await harness.click(ORGANIZER, "⏹ Stop sending")
    edit = [r for r in harness.session.requests if isinstance(r, EditMessageText)][-1]
    assert edit.text.splitlines()[:3] == [
        "⏹ <b>Message to Аудан &lt;1&gt; stopped</b>",
        "Sent: 1 of 3",
        "✖️ Not sent: 2",
    ]
    states = await harness.db.fetchall("SELECT state FROM deliveries WHERE kind = 'broadcast' ORDER BY user_id")
    assert [r[0] for r in states] == ["sent", "cancelled", "cancelled"]


async def test_the_progress_message_ends_with_the_report(harness: Harness, cohort: int) -> None:
    await choose_rural(harness)
    await harness.click(ORGANIZER, "✍️ Write the message")
    await harness.dp.feed_update(harness.bot, formatted("Poster for Friday", "Friday", photo=True))
    preview = [r for r in harness.session.requests if isinstance(r, SendPhoto)]
    assert preview[-1].photo == "poster-1" and preview[-1].caption == "Poster for <b>Friday</b>"
    await harness.click(ORGANIZER, "📣 Send to 3")
    # The sender is not running here: the copies are settled by hand, as it would.
    await harness.db.execute("UPDATE deliveries SET state = 'sent' WHERE kind = 'broadcast' AND user_id != 205")
    await harness.db.execute("UPDATE deliveries SET state = 'unreachable' WHERE kind = 'broadcast' AND user_id = 205")
    await asyncio.wait_for(harness.dp["broadcasts"].idle(), 5)
    report = [r for r in harness.session.requests if isinstance(r, EditMessageText)][-1]
    assert report.text.splitlines() == [
        "✅ <b>Message to Аудан &lt;1&gt; sent</b>",
        "Sent: 2 of 3",
        "🚫 Unreachable (blocked the bot): 1",
        "⚠️ Failed: 0",
    ]
    assert report.reply_markup is None
    assert await harness.db.fetchval("SELECT status FROM broadcasts") == "done"


async def test_cancel_and_commands_in_the_middle_of_the_form(harness: Harness, cohort: int) -> None:
    await choose_rural(harness)
    await harness.click(ORGANIZER, "✍️ Write the message")
    helped = await harness.send(ORGANIZER, "/help")  # a command is never taken as the message
    assert helped and not helped[0].text.startswith("☝️")
    sticker = await harness.send(ORGANIZER, sticker=True)
    assert sticker[0].text.startswith("🤔 I can send a text, a photo, a document or a video")
    cancelled = await harness.send(ORGANIZER, "/cancel")
    assert texts(cancelled) == ["✖️ Cancelled: nothing was sent."]
    assert await harness.db.fetchval("SELECT COUNT(*) FROM broadcasts") == 0
    assert await harness.db.fetchval("SELECT COUNT(*) FROM deliveries WHERE kind = 'broadcast'") == 0
    await harness.send(ORGANIZER, "Zoom at 15:00")  # outside the form: not a broadcast
    assert await harness.db.fetchval("SELECT COUNT(*) FROM broadcasts") == 0


async def test_the_cohort_card_opens_a_broadcast_and_a_learner_never_gets_in(harness: Harness, cohort: int) -> None:
    await harness.send(ORGANIZER, "/cohorts")
    card = await harness.click(ORGANIZER, "Аудан <1> · 5 👤")
    assert "📣 Message to learners" in plain_buttons(card[-1].reply_markup)
    screen = await harness.click(ORGANIZER, "📣 Message to learners")
    assert "It goes to <b>5</b> learners." in screen[0].text
    refused = await harness.send(LEARNER, "/broadcast")
    assert refused and "📣" not in refused[0].text
    assert await harness.db.fetchval("SELECT COUNT(*) FROM broadcasts") == 0


async def test_at_night_the_organizer_is_told_when_it_goes(harness: Harness, cohort: int) -> None:
    harness.clock.set(datetime(2026, 4, 15, 18, 30, tzinfo=UTC))  # 23:30 in Almaty: quiet hours
    await choose_rural(harness)
    await harness.click(ORGANIZER, "✍️ Write the message")
    confirm = await harness.send(ORGANIZER, "Tomorrow's session starts at 10:00.")
    assert confirm[-1].text.endswith("🌙 It is quiet hours in the cohort's time zone: the messages go out from 08:00.")
