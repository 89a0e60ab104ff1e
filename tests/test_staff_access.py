"""Every staff command and button, tried by a plain learner: a polite refusal, nothing changes."""

from __future__ import annotations

from datetime import date
from typing import get_args

import pytest
from aiogram.filters.callback_data import CallbackData
from aiogram.methods import AnswerCallbackQuery

from bot import PROJECT_ROOT
from bot.courses.importing import import_course
from bot.people import access
from bot.people.model import NewCohort
from bot.telegram.callbacks import CohortAdminCb
from bot.telegram.staff import StaffRouter, staff_callbacks, staff_commands
from handlers import get_routers, staff_routers
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
        "broadcasts",
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


STAFF = staff_routers()
STAFF_COMMANDS = staff_commands(STAFF)
STAFF_CALLBACK_CLASSES = staff_callbacks(STAFF)
# Values for the fields of a staff button other than its action: the learner's own id where a
# person is meant, the cohort the world has, a lesson that exists.
SAMPLE_FIELDS = {
    "user_id": LEARNER.id,
    "cohort_id": 1,
    "role": "organizer",
    "item": "L1",
    "step": "course",
    "value": "1",
}


def every_staff_button() -> list[CallbackData]:
    """One button per action of every callback data class handled under the staff routers."""
    buttons = []
    for cls in sorted(STAFF_CALLBACK_CLASSES, key=lambda c: c.__prefix__):
        fields = cls.model_fields
        actions = get_args(fields["action"].annotation)
        assert actions, f"{cls.__name__}.action should list its actions (a Literal)"
        others = {name: SAMPLE_FIELDS[name] for name in fields if name != "action" and name in SAMPLE_FIELDS}
        buttons += [cls(action=action, **others) for action in actions]
    return buttons


def test_the_staff_routers_are_found_and_the_menu_agrees_with_them() -> None:
    # The discovery must see the staff features, or the tests below would pass on nothing.
    assert {"cohorts", "newcohort", "import", "delivery", "roles", "grant", "stats"} <= set(STAFF_COMMANDS)
    assert {cls.__prefix__ for cls in STAFF_CALLBACK_CLASSES} >= {"role", "coh", "coha", "nc", "dlvr"}
    # The command menu keeps its own list per role; it must name exactly what the routers guard.
    assert STAFF_COMMANDS == access.STAFF_COMMANDS


def test_no_router_outside_the_staff_ones_handles_a_staff_command_or_button(translator) -> None:
    """A staff button or command handled by a learners' router would bypass the role filter.
    (The staff guard is the one exception: it handles them all, to refuse them.)"""
    others = [r for r in get_routers(translator) if not isinstance(r, StaffRouter) and r.name != "staff-guard"]
    as_if_staff = [StaffRouter("learner", *others)]
    handled_elsewhere = set(staff_commands(as_if_staff)) & set(STAFF_COMMANDS)
    assert handled_elsewhere == set()
    assert set(staff_callbacks(as_if_staff)) & set(STAFF_CALLBACK_CLASSES) == set()


@pytest.mark.parametrize("command", sorted(STAFF_COMMANDS))
async def test_every_staff_command_is_refused_to_a_learner(world: Harness, command: str) -> None:
    before = await snapshot(world)
    sent = await world.send(LEARNER, f"/{command}")
    assert [m.text for m in sent] == ["⛔ Sorry, this command is only for the bot's organizers."]
    assert await snapshot(world) == before


@pytest.mark.parametrize("command", sorted(STAFF_COMMANDS))
async def test_a_staff_command_in_the_middle_of_the_registration_form_is_refused(
    harness: Harness, command: str
) -> None:
    newcomer = tg_user(32, language_code="en")
    await harness.send(newcomer, "/start")
    await harness.click(newcomer, "English")
    await harness.click(newcomer, "✅ I agree")
    sent = await harness.send(newcomer, f"/{command}")
    assert [m.text for m in sent] == ["⛔ Sorry, this command is only for the bot's organizers."]
    assert (await harness.dp.fsm.get_context(harness.bot, 32, 32).get_data())["answers"] == {}


@pytest.mark.parametrize("button", every_staff_button(), ids=lambda b: b.pack())
async def test_every_staff_button_is_refused_to_a_learner(world: Harness, button: CallbackData) -> None:
    before = await snapshot(world)
    since = len(world.session.requests)
    sent = await world.click_data(LEARNER, button.pack(), 777)
    answers = [r for r in world.session.requests[since:] if isinstance(r, AnswerCallbackQuery)]
    assert len(answers) == 1
    assert answers[0].text == "⛔ Sorry, this command is only for the bot's organizers."
    assert answers[0].show_alert
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
