"""End to end: an organizer broadcasts from the chat to the rural learners of a cohort (3 of 5)
through the real bot and the emulated Bot API; the bot is restarted in the middle of sending.
Exactly those 3 get the message, once each, and the progress message ends with the report."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from storage.db import Database
from tests.auxil.delivery_setup import add_learners
from tests.test_e2e_delivery import OWNER, bot_with_cohort, eventually

RURAL, URBAN = (601, 603, 605), (602, 604)  # add_learners: odd ids rural, even urban


async def test_a_broadcast_to_rural_learners_survives_a_restart(tmp_path: Path) -> None:
    # One message a second overall, so the restart falls in the middle of the sending.
    async with bot_with_cohort(tmp_path, start_days_ago=-30, send_rate=1) as (bot, cohort, _):
        db = bot.app.db
        await add_learners(db, cohort, [*RURAL, *URBAN], datetime.now(UTC))
        learners = {uid: bot.emu.user(uid) for uid in (*RURAL, *URBAN)}
        organizer = bot.emu.user(OWNER, first_name="Dana", language_code="en")

        await organizer.send_text("/broadcast")
        listing = await organizer.expect("To the learners of which cohort?")
        await organizer.click(listing.button_labels[0])
        assert "It goes to 5 learners." in (await organizer.next_message()).text
        await organizer.click("🏘 Rural / urban / all")
        assert "It goes to 3 learners." in (await organizer.next_message()).text
        await organizer.click("✍️ Write the message")
        await organizer.expect("Send me the message")
        await organizer.send_text("The Zoom meeting moves to 15:00 today.")
        preview = await organizer.next_message()
        assert preview.text == "The Zoom meeting moves to 15:00 today."
        await organizer.expect("This is how learners will see it.")
        await organizer.click("📣 Send to 3")
        progress = await organizer.expect("sent 0 of 3")

        async def sent() -> int:
            return int(await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE kind = 'broadcast' AND state = 'sent'"))

        async def first_sent() -> bool:
            return await sent() >= 1

        await eventually(first_sent, "the first copy sent")
        await bot.stop()
        stopped = await Database.open(bot.database_path)
        try:
            at_stop = await stopped.fetchall(
                "SELECT state, COUNT(*) FROM deliveries WHERE kind = 'broadcast' GROUP BY state"
            )
            assert await stopped.fetchval("SELECT status FROM broadcasts") == "sending"
        finally:
            await stopped.close()
        states = dict((row[0], row[1]) for row in at_stop)
        assert 1 <= states["sent"] < 3 and states["planned"] == 3 - states["sent"]  # the stop came in the middle
        app = await bot.start()
        db = app.db

        async def finished() -> bool:
            return await db.fetchval("SELECT status FROM broadcasts") == "done"

        await eventually(finished, "every copy sent after the restart", seconds=20)
        for uid in RURAL:
            assert [m.text for m in learners[uid].messages] == ["The Zoom meeting moves to 15:00 today."]
        for uid in URBAN:
            assert learners[uid].messages == []

        async def reported() -> bool:
            return "sent" in progress.text and "Sent: 3 of 3" in progress.text

        await eventually(reported, "the progress message ends with the report")
        assert progress.text.splitlines()[:2] == ["✅ Message to Ауыл кітапханалары sent", "Sent: 3 of 3"]
        assert progress.button_labels == []
