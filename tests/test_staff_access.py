"""Every staff command and button, tried by a plain learner: a polite refusal, nothing changes."""

from __future__ import annotations

from datetime import date

import pytest
from aiogram.methods import AnswerCallbackQuery

from bot import PROJECT_ROOT
from bot.courses.importing import import_course
from bot.people import access
from bot.people.model import NewCohort
from bot.telegram.callbacks import CohortAdminCb, CohortCb, DeliveryReportCb, NewCohortCb, RoleCb
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository
from storage.roles import RoleRepository
from tests.auxil.harness import Harness
from tests.auxil.updates import tg_user
from tests.conftest import OWNER_ID
from tests.test_registration_handlers import register

LEARNER = tg_user(31, language_code="en")


async def snapshot(h: Harness) -> tuple:
    tables = (
        "roles",
        "cohorts",
        "enrolments",
        "cohort_curators",
        "course_versions",
        "deliveries",
        "delivery_plans",
        "delivery_calendars",
    )
    rows = []
    for table in tables:
        rows.append([tuple(row) for row in await h.db.fetchall(f"SELECT * FROM {table}")])
    return tuple(rows)


@pytest.fixture
async def world(harness: Harness, tmp_path) -> Harness:
    await register(harness, LEARNER, language_label="English")
    await import_course(harness.db, PROJECT_ROOT / "courses" / "sample", tmp_path / "files")
    version = (await CourseRepository(harness.db).latest_versions())[0]
    await CohortRepository(harness.db).create(
        NewCohort(
            course_id=version.course_id,
            version_id=version.id,
            name="Group",
            start_date=date(2026, 6, 1),
            timezone="Asia/Almaty",
            enrol_until=None,
            capacity=None,
            invite_code="abcdefgh",
            created_by=1,
        ),
        harness.clock.now(),
    )
    return harness


@pytest.mark.parametrize("command", sorted(access.STAFF_COMMANDS))
async def test_every_staff_command_is_refused_to_a_learner(world: Harness, command: str) -> None:
    before = await snapshot(world)
    sent = await world.send(LEARNER, f"/{command}")
    assert [m.text for m in sent] == ["⛔ Sorry, this command is only for the bot's organizers."]
    assert await snapshot(world) == before


STAFF_BUTTONS = [
    RoleCb(action="grant", user_id=31, role="organizer"),
    RoleCb(action="revoke", user_id=31, role="curator"),
    *(CohortCb(action=action, cohort_id=1) for action in ("card", "learners", "invite", "list")),
    *(
        CohortAdminCb(action=action, cohort_id=1, user_id=31)
        for action in ("close", "reopen", "remove", "remove-ask", "remove-yes", "curator", "curator-add", "new")
    ),
    *(
        NewCohortCb(step=step, action=action, value="1")
        for step, action in (
            ("course", "course"),
            ("timezone", "default"),
            ("deadline", "none"),
            ("capacity", "none"),
            ("confirm", "create"),
            ("name", "cancel"),
        )
    ),
    *(
        DeliveryReportCb(action=action, cohort_id=1, item="L1")
        for action in ("list", "cohort", "lesson", "unreachable", "pause", "shift", "missed")
    ),
]


@pytest.mark.parametrize("button", STAFF_BUTTONS, ids=lambda b: b.pack())
async def test_every_staff_button_is_refused_to_a_learner(world: Harness, button) -> None:
    before = await snapshot(world)
    sent = await world.click_data(LEARNER, button.pack(), 777)
    answers = [r for r in world.session.requests if isinstance(r, AnswerCallbackQuery)]
    assert answers[-1].text == "⛔ Sorry, this command is only for the bot's organizers."
    assert answers[-1].show_alert
    assert sent == []
    assert await snapshot(world) == before


async def test_a_curator_sees_only_the_cohorts_they_curate(world: Harness) -> None:
    roles = RoleRepository(world.db)
    await roles.grant(LEARNER.id, "curator", OWNER_ID, world.clock.now())
    sent = await world.send(LEARNER, "/cohorts")
    assert sent[-1].text == "👥 There are no cohorts yet."
    await CohortRepository(world.db).add_curator(1, LEARNER.id)
    sent = await world.send(LEARNER, "/cohorts")
    assert "Cohorts: 1" in sent[-1].text
    # Curating is looking, not changing: the organizer's buttons stay refused.
    await world.click_data(LEARNER, CohortAdminCb(action="close", cohort_id=1).pack(), 1)
    answers = [r for r in world.session.requests if isinstance(r, AnswerCallbackQuery)]
    assert answers[-1].show_alert
    assert (await CohortRepository(world.db).get(1)).enrolment_open


async def test_owner_grants_by_id_username_and_forward_then_revokes(world: Harness) -> None:
    owner = tg_user(OWNER_ID, language_code="en")
    await world.users.set_language(OWNER_ID, "en", world.clock.now())
    await world.send(owner, "/grant")
    sent = await world.send(owner, "12345")
    assert "has not opened this bot" in sent[-1].text
    sent = await world.send(owner, "@nobody_here")
    assert "do not know anyone" in sent[-1].text
    sent = await world.send(owner, str(LEARNER.id))
    assert "Which role should Айгүл Серікова get?" in sent[-1].text
    sent = await world.click(owner, "Organizer")
    assert "Айгүл Серікова is now: Organizer." in sent[0].text
    assert "You have been given a new role: Organizer" in sent[-1].text and sent[-1].chat_id == LEARNER.id
    assert await RoleRepository(world.db).roles_of(LEARNER.id) == {"organizer"}
    sent = await world.send(LEARNER, "/newcohort")
    assert "New cohort" in sent[-1].text
    sent = await world.send(LEARNER, "/delivery")
    assert "Group" in str(sent[-1].reply_markup)
    sent = await world.send(owner, "/roles")
    assert "Айгүл Серікова: Organizer" in sent[-1].text
    await world.click(owner, "❌ Айгүл Серікова: Organizer")
    assert await RoleRepository(world.db).roles_of(LEARNER.id) == frozenset()
