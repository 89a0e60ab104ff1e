"""Every form lets a command through: /cancel cancels it, /help answers help, and neither ever
becomes an answer. Walks each step of each form (registration, profile edit, /grant, /newcohort, /broadcast).

Before the fix, /grant took /cancel, /help, /cohorts and /newcohort for a person to look up and
only repeated its question, /start kept the form, and /newcohort named a cohort "/cancel".
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

import pytest

from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort
from tests.auxil.harness import Harness
from tests.auxil.updates import tg_user
from tests.conftest import OWNER_ID
from tests.test_registration_handlers import register

OWNER = tg_user(OWNER_ID, language_code="en")

Step = Callable[[Harness, object], Awaitable[object]]


def en(h: Harness, key: str, **args: object) -> str:
    return h.translator.get("en", key, **args)


async def where(h: Harness, user) -> tuple[str | None, dict]:
    context = h.dp.fsm.get_context(h.bot, user.id, user.id)
    return await context.get_state(), await context.get_data()


async def press_first_button(h: Harness, user) -> None:
    """The first button of the newest question (the course to pick, the default zone...)."""
    question = h.all_sent(user)[-1]
    button = question.reply_markup.inline_keyboard[0][0]
    await h.click(user, button.text)


async def help_and_cancel_at(h: Harness, user, cancelled: str) -> None:
    """At the current step: /help answers help and keeps the form as it was; /cancel ends it."""
    before = await where(h, user)
    assert before[0] is not None
    sent = await h.send(user, "/help")
    assert sent[-1].text.startswith(en(h, "help-text"))  # staff also get their commands after it
    assert await where(h, user) == before
    sent = await h.send(user, "/cancel")
    assert cancelled in [m.text for m in sent]
    assert (await where(h, user))[0] is None


REGISTRATION_STEPS: list[tuple[str, Step]] = [
    ("consent", lambda h, u: h.click(u, "✅ I agree")),
    ("full_name", lambda h, u: h.send(u, "Dana Omarova")),
    ("region", lambda h, u: h.click(u, en(h, "region-abai"))),
    ("district", lambda h, u: h.send(u, "Аягөз ауданы")),
    ("library", lambda h, u: h.send(u, "Орталық аудандық кітапхана")),
    ("position", lambda h, u: h.send(u, "кітапханашы")),
    ("settlement", lambda h, u: h.click(u, en(h, "settlement-rural"))),
    ("confirm", None),  # type: ignore[list-item]
]


@pytest.mark.parametrize("index", range(len(REGISTRATION_STEPS)), ids=[s for s, _ in REGISTRATION_STEPS])
async def test_registration_form(harness: Harness, index: int) -> None:
    user = tg_user(70 + index, language_code="en")
    await harness.send(user, "/start")
    await harness.click(user, "English")
    for _, answer in REGISTRATION_STEPS[:index]:
        await answer(harness, user)
    assert (await where(harness, user))[0] == f"Registration:{REGISTRATION_STEPS[index][0]}"
    await help_and_cancel_at(harness, user, en(harness, "form-cancelled"))


async def test_profile_edit_form(harness: Harness) -> None:
    user = tg_user(80, language_code="en")
    await register(harness, user, language_label="English")
    await harness.send(user, "/profile")
    await harness.click(user, en(harness, "button-edit-position"))
    await help_and_cancel_at(harness, user, en(harness, "profile-edit-cancelled"))
    assert (await harness.users.get(80)).position == "кітапханашы"


async def test_grant_form_lets_commands_through(harness: Harness) -> None:
    await harness.users.set_language(OWNER_ID, "en", harness.clock.now())
    await harness.send(OWNER, "/grant")
    await help_and_cancel_at(harness, OWNER, en(harness, "roles-grant-cancelled"))

    await harness.send(OWNER, "/grant")
    sent = await harness.send(OWNER, "/cohorts")
    assert sent[-1].text == en(harness, "cohort-list-empty")
    sent = await harness.send(OWNER, "/newcohort")
    assert sent[-1].text == en(harness, "newcohort-no-courses")

    await harness.send(OWNER, "/grant")
    await harness.send(OWNER, "/start")
    assert (await where(harness, OWNER))[0] is None


NEW_COHORT_STEPS: list[tuple[str, Step]] = [
    ("course", press_first_button),
    ("name", lambda h, u: h.send(u, "Rural libraries")),
    ("start", lambda h, u: h.send(u, "01.06.2026")),
    ("timezone", press_first_button),
    ("deadline", lambda h, u: h.click(u, en(h, "newcohort-deadline-none"))),
    ("capacity", lambda h, u: h.click(u, en(h, "newcohort-capacity-none"))),
    ("confirm", None),  # type: ignore[list-item]
]


@pytest.mark.parametrize("index", range(len(NEW_COHORT_STEPS)), ids=[s for s, _ in NEW_COHORT_STEPS])
async def test_new_cohort_form(harness: Harness, tmp_path: Path, index: int) -> None:
    await harness.users.set_language(OWNER_ID, "en", harness.clock.now())
    await import_version(harness.db, SAMPLE, tmp_path / "files")
    await harness.send(OWNER, "/newcohort")
    for _, answer in NEW_COHORT_STEPS[:index]:
        await answer(harness, OWNER)
    assert (await where(harness, OWNER))[0] == f"CohortForm:{NEW_COHORT_STEPS[index][0]}"
    # Another staff command is a command, not an answer, and the form waits where it was.
    before = await where(harness, OWNER)
    sent = await harness.send(OWNER, "/cohorts")
    assert sent[-1].text == en(harness, "cohort-list-empty")
    assert await where(harness, OWNER) == before
    await help_and_cancel_at(harness, OWNER, en(harness, "newcohort-cancelled"))
    assert await harness.db.fetchall("SELECT * FROM cohorts") == []


BROADCAST_STEPS: list[tuple[str, Step]] = [
    ("audience", lambda h, u: h.click(u, en(h, "broadcast-button-write"))),
    ("message", lambda h, u: h.send(u, "Zoom at 15:00")),
    ("confirm", None),  # type: ignore[list-item]
]


@pytest.mark.parametrize("index", range(len(BROADCAST_STEPS)), ids=[s for s, _ in BROADCAST_STEPS])
async def test_broadcast_form(harness: Harness, tmp_path: Path, index: int) -> None:
    await harness.users.set_language(OWNER_ID, "en", harness.clock.now())
    version = await import_version(harness.db, SAMPLE, tmp_path / "files")
    cohort = await make_cohort(harness.db, version, date(2026, 4, 15), harness.clock.now(), name="Group")
    await add_learners(harness.db, cohort, [301, 302], harness.clock.now())
    await harness.send(OWNER, "/broadcast")
    await press_first_button(harness, OWNER)
    for _, answer in BROADCAST_STEPS[:index]:
        await answer(harness, OWNER)
    assert (await where(harness, OWNER))[0] == f"BroadcastForm:{BROADCAST_STEPS[index][0]}"
    await help_and_cancel_at(harness, OWNER, en(harness, "broadcast-cancelled"))
    assert await harness.db.fetchall("SELECT * FROM broadcasts") == []


async def test_import_form_lets_commands_through(harness: Harness) -> None:
    await harness.users.set_language(OWNER_ID, "en", harness.clock.now())
    await harness.send(OWNER, "/import")
    assert (await where(harness, OWNER))[0] == "CourseImportForm:file"
    await help_and_cancel_at(harness, OWNER, en(harness, "import-cancelled"))
