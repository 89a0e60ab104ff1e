""" "Delete my data": the person's enrolments end, their lessons stop, organizers no longer list them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.people.enrolment import Outcome
from bot.telegram.callbacks import CohortCb
from storage.cohorts import CohortRepository
from tests.auxil.delivery_setup import SAMPLE, import_version, make_cohort
from tests.auxil.harness import Harness
from tests.auxil.updates import tg_user
from tests.conftest import OWNER_ID
from tests.test_registration_handlers import register

OWNER = tg_user(OWNER_ID, language_code="en")


async def _planned(harness: Harness, user_id: int) -> int:
    return await harness.db.fetchval(
        "SELECT COUNT(*) FROM deliveries WHERE user_id = ? AND state = 'planned'", (user_id,)
    )


async def test_deleting_my_data_ends_enrolments_lessons_and_the_organizers_row(
    harness: Harness, tmp_path: Path
) -> None:
    """Failed before: the enrolment stayed active, lessons stayed planned, and the organizer saw
    a nameless learner ``1. —: —, —, — (—)`` counted in the cohort."""
    now = harness.clock.now()
    await harness.users.set_language(OWNER_ID, "en", now)
    version = await import_version(harness.db, SAMPLE, tmp_path / "files")
    cohort_id = await make_cohort(harness.db, version, date(2026, 4, 20), now, name="Village libraries")
    cohort = await CohortRepository(harness.db).get(cohort_id)
    assert cohort is not None
    learner = tg_user(31, language_code="kk")
    await register(harness, learner)
    joined = await harness.dp["enrolment"].enrol(learner.id, cohort.invite_code, now)
    assert joined.outcome is Outcome.ENROLLED
    assert await _planned(harness, learner.id) > 0

    await harness.send(learner, "/profile")
    await harness.click(learner, "🗑 Деректерімді жою")
    sent = await harness.click(learner, "🗑 Иә, жою")
    assert sent[0].text == harness.translator.get("kk", "profile-deleted")

    assert await _planned(harness, learner.id) == 0
    assert await harness.users.get(learner.id) is not None  # the language is kept
    assert await CohortRepository(harness.db).of_learner(learner.id) == []

    listing = await harness.click_data(OWNER, CohortCb(action="learners", cohort_id=cohort_id).pack(), 1)
    assert listing[-1].text == "Nobody has joined Village libraries yet."
    card = await harness.click_data(OWNER, CohortCb(action="card", cohort_id=cohort_id).pack(), 1)
    assert "learners: 0" in card[-1].text

    # They may register again and rejoin; the enrolment is theirs again.
    await register(harness, learner)
    again = await harness.dp["enrolment"].enrol(learner.id, cohort.invite_code, now)
    assert again.outcome is Outcome.ENROLLED
