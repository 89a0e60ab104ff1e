"""End to end: an organizer asks the running bot (the emulated Bot API) for /stats and /export of
a cohort of the sample course with 30 simulated learners: the summary, one album of charts, who
needs a call; then the workbook as a document that opens in openpyxl."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime

from openpyxl import load_workbook

from tests.auxil.reports_data import simulate
from tests.test_e2e_delivery import OWNER, bot_with_cohort


async def test_stats_send_a_summary_and_an_album_and_export_sends_a_workbook(tmp_path) -> None:
    async with bot_with_cohort(tmp_path, start_days_ago=12) as (bot, cohort, _):
        # In a thread: the running bot's transactions go on while the rows are written.
        await asyncio.to_thread(simulate, bot.database_path, cohort, list(range(7000, 7030)), datetime.now(UTC))
        organizer = bot.emu.user(OWNER, first_name="Dana", language_code="en")

        await organizer.send_text("/stats")
        await organizer.expect("Registered librarians: 30")  # owners: the whole bot first
        summary = await organizer.expect(": 30 learners")
        assert "Received all 5 lessons so far:" in summary.text and "Questionnaire:" in summary.text
        album = [await organizer.next_message() for _ in range(6)]  # funnel ... self-assessment, places
        assert {m.kind for m in album} == {"photo"}
        groups = {m.extra.get("media_group_id") or m.params.get("media_group_id") for m in album}
        assert len(groups) == 1 and None not in groups  # one album, not six messages
        await organizer.expect("Who needs a call")

        await organizer.send_text("/export")
        await organizer.expect("Preparing the workbook")
        document = await organizer.next_message(timeout=30)
        assert document.kind == "document" and document.file is not None
        assert (document.file.file_name or "").endswith(".xlsx")
        assert "Sheets: Summary, Learners, Progress, Homework" in (document.caption or "")
        book = load_workbook(io.BytesIO(document.file.content or b""), read_only=True)
        assert book.sheetnames[0] == "Summary" and "Questionnaire" in book.sheetnames
        assert "Certificates" in book.sheetnames  # through `python -m bot export`, like the bot's own
        learners = book["Learners"]
        assert sum(1 for _ in learners.iter_rows(min_row=2)) == 30
