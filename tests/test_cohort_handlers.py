"""The organizer's cohort screens through the real Dispatcher (no network)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from aiogram.methods import EditMessageText, SendMessage

from bot.telegram.callbacks import CohortAdminCb, CohortCb
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


async def test_the_learners_list_of_a_big_cohort_is_one_message_paged_in_place(
    harness: Harness, tmp_path: Path
) -> None:
    """The list used to go out as one message per ~35 learners, all at once and past the sender:
    a cohort of 1,000 was ~29 messages in a burst to one chat, and Telegram answers 429."""
    now = harness.clock.now()
    await harness.users.set_language(OWNER_ID, "en", now)
    version = await import_version(harness.db, SAMPLE, tmp_path / "files")
    cohort = await make_cohort(harness.db, version, date(2026, 6, 1), now, name="Big")
    await add_learners(harness.db, cohort, range(1001, 1096), now)  # 95 learners

    sent = await harness.click_data(OWNER, CohortCb(action="learners", cohort_id=cohort).pack(), 1)
    assert len(sent) == 1
    first = sent[0]
    assert first.text.startswith("👥 <b>Big</b>: 95 learners")
    pages = int(first.text.rsplit(" of ", 1)[1])
    assert pages > 1 and first.text.endswith(f"Page 1 of {pages}")
    assert plain_buttons(first.reply_markup) == ["⬅️ Previous", "Next ➡️"]

    first_id = harness.session.results[harness.session.requests.index(first)].message_id
    seen, markup = [first.text], first.reply_markup
    for _ in range(pages - 1):
        before = len(harness.session.requests)
        following = next(b for row in markup.inline_keyboard for b in row if b.text == "Next ➡️")
        await harness.click_data(OWNER, str(following.callback_data), first_id)
        new = harness.session.requests[before:]
        assert not [r for r in new if isinstance(r, SendMessage)]  # turned in place, nothing new sent
        edit = [r for r in new if isinstance(r, EditMessageText)][-1]
        assert edit.message_id == first_id and len(edit.text) <= 4096
        seen.append(edit.text)
        markup = edit.reply_markup
    assert [text.rsplit("Page ", 1)[1] for text in seen] == [f"{n} of {pages}" for n in range(1, pages + 1)]
    everyone = "\n".join(seen)
    for number in range(1001, 1096):
        assert f"Кітапханашы {number}:" in everyone
