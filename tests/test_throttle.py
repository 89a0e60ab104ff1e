"""Per-person throttling through the real Dispatcher: a flood is told once and ignored a while."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage

from bot.config import Settings
from tests.auxil.harness import Harness
from tests.auxil.updates import callback_update, message_update, tg_user
from tests.conftest import OWNER_ID, TEST_TOKEN

FLOODER = tg_user(72001, language_code="ru")
CALM = tg_user(72002, language_code="en")
SLOW_DOWN_RU = "⏳ Слишком много сообщений сразу."


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The default throttling (the shared fixture turns it off for everyone else)."""
    return Settings(
        _env_file=None, bot_token=TEST_TOKEN, admin_ids=str(OWNER_ID), database_path=tmp_path / "bot.sqlite3"
    )


def test_the_defaults_are_on() -> None:
    defaults = Settings(_env_file=None)
    assert (defaults.throttle_rate, defaults.throttle_burst, defaults.throttle_pause) == (2.0, 20, 10.0)


def texts_to(harness: Harness, user_id: int, since: int = 0) -> list[str]:
    return [
        r.text for r in harness.session.requests[since:] if isinstance(r, SendMessage) and int(r.chat_id) == user_id
    ]


async def test_thirty_messages_in_a_second_get_one_notice_and_the_rest_is_ignored(harness: Harness) -> None:
    # The harness's clock stands still: all 30 arrive in the same instant.
    for _ in range(30):
        await harness.dp.feed_update(harness.bot, message_update(FLOODER, "/help"))
    answers = texts_to(harness, FLOODER.id)
    notices = [text for text in answers if text.startswith(SLOW_DOWN_RU)]
    assert len(notices) == 1
    assert len(answers) == 20 + 1  # the burst is answered, then the notice, then silence
    assert harness.dp["throttle"].ignored == 10

    # Someone else is answered at once, as if nothing happened.
    sent = await harness.send(CALM, "/help")
    assert len(sent) == 1 and "⏳" not in sent[0].text

    # Still flooding within the pause: ignored, and no second notice.
    harness.clock.advance(timedelta(seconds=5))
    before = len(harness.session.requests)
    for _ in range(5):
        await harness.dp.feed_update(harness.bot, message_update(FLOODER, "/help"))
    assert texts_to(harness, FLOODER.id, before) == []

    # After the pause the person is answered again.
    harness.clock.advance(timedelta(seconds=6))
    sent = await harness.send(FLOODER, "/help")
    assert len(sent) == 1 and not sent[0].text.startswith("⏳")


async def test_a_normal_person_is_never_held_back(harness: Harness) -> None:
    """Replies one or two a second for two minutes, and albums of ten photos: never a notice."""
    for second in range(120):
        harness.clock.advance(timedelta(seconds=1))
        for _ in range(2 if second % 2 else 1):
            await harness.send(CALM, "/help")
    for album in range(5):  # five albums of 10 photos at once: 50 updates, five counted
        for _ in range(10):
            await harness.dp.feed_update(harness.bot, message_update(CALM, photo=True, media_group_id=f"album-{album}"))
    assert not [text for text in texts_to(harness, CALM.id) if text.startswith("⏳")]
    assert harness.dp["throttle"].ignored == 0


async def test_a_flood_of_button_presses_gets_the_notice_as_an_alert(harness: Harness) -> None:
    for _ in range(25):
        await harness.dp.feed_update(harness.bot, callback_update(FLOODER, "nonsense", message_id=1))
    alerts = [
        r for r in harness.session.requests if isinstance(r, AnswerCallbackQuery) and r.text and r.text.startswith("⏳")
    ]
    assert len(alerts) == 1 and alerts[0].show_alert
    assert harness.dp["throttle"].ignored == 5


async def test_every_ignored_button_press_is_still_answered_so_the_spinner_stops(harness: Harness) -> None:
    """A press Telegram never hears back about leaves the button spinning for seconds on the
    person's phone; an ignored press gets an empty answer (the first one the notice)."""
    updates = [callback_update(FLOODER, "nonsense", message_id=1) for _ in range(25)]
    for update in updates:
        await harness.dp.feed_update(harness.bot, update)
    harness.clock.advance(timedelta(seconds=3))  # still within the pause
    late = callback_update(FLOODER, "nonsense", message_id=1)
    await harness.dp.feed_update(harness.bot, late)
    answered = [r.callback_query_id for r in harness.session.requests if isinstance(r, AnswerCallbackQuery)]
    assert sorted(answered) == sorted(u.callback_query.id for u in [*updates, late] if u.callback_query)
    assert harness.dp["throttle"].ignored == 6
