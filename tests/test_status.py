"""/status for owners: version, uptime, database size, last backup, the delivery queue and the
last errors, in the owner's language; nobody else gets it."""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.clock import to_db
from bot.delivery.planning import Planner
from storage.users import UserRepository
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort
from tests.auxil.harness import Harness
from tests.auxil.updates import tg_user
from tests.conftest import OWNER_ID

OWNER = tg_user(OWNER_ID, language_code="en")


async def test_a_fresh_bot_reports_its_version_and_that_all_is_quiet(harness: Harness) -> None:
    await harness.users.set_language(OWNER_ID, "en", harness.clock.now())
    harness.clock.advance(timedelta(days=1, hours=2, minutes=3))
    [reply] = await harness.send(OWNER, "/status")
    lines = reply.text.splitlines()
    assert lines[0].startswith("🩺 <b>Oqu ")
    assert lines[1] == "Up for 1 d 2 h 3 min"
    assert lines[2].startswith("Database: ") and lines[2].endswith(("KB", "MB"))
    assert lines[3:] == [
        "No backup yet",
        "Delivery queue: 0 planned, 0 being sent",
        "No errors since start-up ✅",
    ]


async def test_status_shows_the_last_backup_the_queue_and_the_failures_with_their_ids(
    harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    now = harness.clock.now()  # 2026-04-15 05:00 UTC: 10:00 in Almaty
    await harness.users.set_language(OWNER_ID, "ru", now)
    version = await import_version(harness.db, SAMPLE, tmp_path / "files")
    cohort = await make_cohort(harness.db, version, date(2026, 4, 20), now)
    await add_learners(harness.db, cohort, [101, 102], now)
    await Planner(harness.db, harness.dp["settings"]).plan_cohort(cohort, now)
    await harness.db.execute("UPDATE deliveries SET state = 'sending' WHERE id = (SELECT MIN(id) FROM deliveries)")
    planned = await harness.db.fetchval("SELECT COUNT(*) FROM deliveries WHERE state = 'planned'")
    first_due = await harness.db.fetchval("SELECT MIN(due_at) FROM deliveries WHERE state = 'planned'")
    assert planned > 0 and first_due > to_db(now)
    assert await harness.dp["backups"].run() is not None

    # /stats fails for a reason of its own: the owner gets "something went wrong", and /status
    # shows the failure with the error id of its log line.
    async def broken(self: UserRepository) -> list[tuple[str, str, int]]:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(UserRepository, "count_by_region", broken)
    owner = tg_user(OWNER_ID, language_code="ru")
    with caplog.at_level(logging.ERROR):
        failed = await harness.send(owner, "/stats")
    assert harness.translator.get("ru", "error-generic") in [m.text for m in failed]

    [reply] = await harness.send(owner, "/status")
    lines = reply.text.splitlines()
    assert lines[1] == "Работает: 0 д 0 ч 0 мин"
    assert lines[3].startswith("Последняя резервная копия: 15 апреля, среда, 10:00 (")
    assert lines[4] == f"Очередь доставки: запланировано {planned}, отправляется 1"
    assert lines[5].startswith("Следующая: 20 апреля")
    assert lines[6] == "Последние ошибки (всего 1):"
    assert "<code>ZeroDivisionError</code>, handlers/reports.py:" in lines[7]  # where the alert says
    [logged] = [r for r in caplog.records if getattr(r, "error_id", None)]
    assert re.fullmatch("[0-9a-f]{8}", logged.error_id)
    assert lines[7].endswith(f"id <code>{logged.error_id}</code>")  # the id of the log line and the alert
    assert "boom" not in reply.text  # an exception's text may hold personal data


@pytest.mark.parametrize("who", [tg_user(41, language_code="kk"), tg_user(77, language_code=None)])
async def test_status_is_for_owners_only(harness: Harness, who) -> None:
    [reply] = await harness.send(who, "/status")
    assert reply.text == harness.translator.get("kk", "not-allowed")
    assert "Oqu" not in reply.text
