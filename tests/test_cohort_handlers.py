"""The organizer's cohort screens through the real Dispatcher (no network)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from aiogram.methods import EditMessageText

from bot.telegram.callbacks import CohortAdminCb
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort
from tests.auxil.harness import Harness, plain_buttons
from tests.auxil.updates import tg_user
from tests.conftest import OWNER_ID

OWNER = tg_user(OWNER_ID, language_code="en")


async def test_every_learner_of_a_big_cohort_can_be_picked_for_removal(harness: Harness, tmp_path: Path) -> None:
    """Telegram allows 100 buttons under a message; the list used to stop at 90 learners."""
    now = harness.clock.now()
    await harness.users.set_language(OWNER_ID, "en", now)
    version = await import_version(harness.db, SAMPLE, tmp_path / "files")
    cohort = await make_cohort(harness.db, version, date(2026, 6, 1), now, name="Big")
    await add_learners(harness.db, cohort, range(1001, 1096), now)  # 95 learners

    sent = await harness.click_data(OWNER, CohortAdminCb(action="remove", cohort_id=cohort).pack(), 1)
    first = sent[-1]
    assert first.text == "Whom should I remove from Big?\nPage 1 of 4"
    labels = plain_buttons(first.reply_markup)
    assert labels[0] == "Кітапханашы 1001 (Кітапхана…)"  # 30 characters at most
    assert labels[-2:] == ["⬅️ Previous", "Next ➡️"] and len(labels) == 32

    # "Previous" from the first page goes round to the last: learners 1091-1095, edited in place.
    await harness.click(OWNER, "⬅️ Previous")
    edit = [r for r in harness.session.requests if isinstance(r, EditMessageText)][-1]
    assert edit.text == "Whom should I remove from Big?\nPage 4 of 4"
    assert plain_buttons(edit.reply_markup)[:-2] == [f"Кітапханашы {n} (Кітапхана…)" for n in range(1091, 1096)]
    pressed = edit.reply_markup.inline_keyboard[0][0]
    sent = await harness.click_data(OWNER, str(pressed.callback_data), 1)
    assert "Кітапханашы 1091" in sent[-1].text
