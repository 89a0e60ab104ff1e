"""Unusual but plausible input gets a clear answer, changes nothing, and logs no traceback."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from aiogram.methods import AnswerCallbackQuery

from storage.roles import RoleRepository
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort
from tests.auxil.emulator_html import parse_html
from tests.auxil.harness import Harness, plain_buttons
from tests.auxil.updates import tg_user
from tests.conftest import OWNER_ID
from tests.test_registration_handlers import register

OWNER = tg_user(OWNER_ID, language_code="en")
HUGE = "9" * 20  # more than SQLite's 64-bit integers hold


async def _enrolled_learner(harness: Harness, tmp_path: Path) -> int:
    now = harness.clock.now()
    version = await import_version(harness.db, SAMPLE, tmp_path / "files")
    cohort = await make_cohort(harness.db, version, date(2026, 4, 20), now)
    await add_learners(harness.db, cohort, [41], now, languages=("ru",))
    return cohort


@pytest.mark.parametrize(
    ("person", "data"),
    [
        (tg_user(41, language_code="ru"), f"crs:leave:{HUGE}:0"),
        (tg_user(41, language_code="ru"), f"crs:again-lesson:1:{HUGE}"),
        (OWNER, f"coh:card:{HUGE}"),
        (OWNER, f"coha:remove:1:0:{HUGE}"),
        (OWNER, f"dlvr:cohort:{HUGE}::0"),
        (OWNER, f"role:grant:{HUGE}:organizer"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
async def test_a_forged_button_with_a_huge_number_gets_the_stale_button_answer(
    harness: Harness, tmp_path: Path, caplog: pytest.LogCaptureFixture, person, data: str
) -> None:
    """Failed before: OverflowError from SQLite, a traceback, and "something went wrong"."""
    cohort = await _enrolled_learner(harness, tmp_path)
    await harness.users.set_language(OWNER_ID, "en", harness.clock.now())
    language = "ru" if person.id == 41 else "en"
    with caplog.at_level(logging.ERROR):
        sent = await harness.click_data(person, data, 1)
    answers = [r for r in harness.session.requests if isinstance(r, AnswerCallbackQuery)]
    assert answers[-1].text == harness.translator.get(language, "button-outdated")
    assert [m.text for m in sent] == []
    assert [r.getMessage() for r in caplog.records] == []
    cohorts = await harness.dp["cohorts"].of_learner(41)
    assert [c.id for c in cohorts] == [cohort]  # still enrolled


async def test_grant_with_a_twenty_digit_id_says_it_is_not_an_id(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await harness.users.set_language(OWNER_ID, "en", harness.clock.now())
    await harness.send(OWNER, "/grant")
    with caplog.at_level(logging.ERROR):
        sent = await harness.send(OWNER, "12345678901234567890")
    assert sent[-1].text.startswith("🤔 That is not a Telegram id")
    assert sent[-1].text.endswith(harness.translator.get("en", "roles-grant-who"))
    assert [r.getMessage() for r in caplog.records] == []
    # Nothing changed, and the question still waits for an answer.
    assert await RoleRepository(harness.db).holders() == []
    sent = await harness.send(OWNER, "²")  # a digit to str.isdigit(), not to int()
    assert sent[-1].text.startswith("🤔 That is not a Telegram id")


@pytest.mark.parametrize("answer", ["Asia", "Europe", "Asia/" + "x" * 300, "../../etc/passwd", "Asia/Almaty\x00"])
async def test_newcohort_an_unknown_time_zone_is_asked_again(
    harness: Harness, tmp_path: Path, caplog: pytest.LogCaptureFixture, answer: str
) -> None:
    """Failed before: ``Asia`` raised IsADirectoryError and a long answer OSError (file name too long)."""
    await import_version(harness.db, SAMPLE, tmp_path / "files")
    await harness.users.set_language(OWNER_ID, "en", harness.clock.now())
    sent = await harness.send(OWNER, "/newcohort")
    await harness.click(OWNER, plain_buttons(sent[-1].reply_markup)[0])
    await harness.send(OWNER, "Village libraries")
    sent = await harness.send(OWNER, "01.06.2026")
    assert sent[-1].text == harness.translator.get("en", "newcohort-ask-timezone")
    with caplog.at_level(logging.ERROR):
        sent = await harness.send(OWNER, answer)
    assert sent[0].text.startswith(harness.translator.get("en", "cohort-error-timezone"))
    assert harness.translator.get("en", "newcohort-ask-timezone") in sent[-1].text
    assert [r.getMessage() for r in caplog.records] == []
    sent = await harness.send(OWNER, "Asia/Tashkent")
    assert sent[-1].text == harness.translator.get("en", "newcohort-ask-deadline")


async def test_the_enrolment_confirmation_shows_the_course_description_in_bold_not_its_tags(
    harness: Harness, tmp_path: Path
) -> None:
    """Failed before: the learner saw ``<b>10-дневный онлайн-курс</b>`` literally."""
    version = await import_version(harness.db, SAMPLE, tmp_path / "files")
    cohort_id = await make_cohort(harness.db, version, date(2026, 4, 20), harness.clock.now())
    cohort = await harness.dp["cohorts"].get(cohort_id)
    learner = tg_user(42, language_code="ru")
    await register(harness, learner, language_label="Русский")
    sent = await harness.send(learner, f"/start c_{cohort.invite_code}")
    confirmation = next(m for m in sent if "Вы записаны на курс" in m.text)  # the self-assessment follows it
    shown, entities = parse_html(confirmation.text)  # what Telegram shows, parsing it as the bot's HTML
    assert "<b>" not in shown and "&lt;" not in shown
    units = shown.encode("utf-16-le")  # entity offsets count UTF-16 code units
    bold = [
        units[2 * e["offset"] : 2 * (e["offset"] + e["length"])].decode("utf-16-le")
        for e in entities
        if e["type"] == "bold"
    ]
    assert "10-дневный онлайн-курс" in bold


@pytest.mark.parametrize("why", ["closed", "full"])
async def test_a_newcomer_with_the_link_of_a_closed_or_full_cohort_is_told_before_the_form(
    harness: Harness, tmp_path: Path, why: str
) -> None:
    """Failed before: consent and six questions first, and only then "enrolment is closed"."""
    now = harness.clock.now()
    version = await import_version(harness.db, SAMPLE, tmp_path / "files")
    cohort_id = await make_cohort(harness.db, version, date(2026, 4, 20), now, name="Апрель")
    cohorts = harness.dp["cohorts"]
    if why == "closed":
        await cohorts.set_enrolment_open(cohort_id, False)
    else:
        await harness.db.execute("UPDATE cohorts SET capacity = 1 WHERE id = ?", (cohort_id,))
        await add_learners(harness.db, cohort_id, [77], now)
    cohort = await cohorts.get(cohort_id)
    newcomer = tg_user(43, language_code="ru")
    sent = await harness.send(newcomer, f"/start c_{cohort.invite_code}")
    ru = lambda key: harness.translator.get("ru", key)  # noqa: E731
    expected = "🔒 Запись" if why == "closed" else "😔 В потоке «Апрель»"
    assert sent[0].text.startswith(expected) and "Апрель" in sent[0].text
    assert sent[0].text.endswith(ru("enrol-register-anyway"))
    assert plain_buttons(sent[-1].reply_markup) == ["Қазақша", "Русский", "English"]  # register anyway
    stored = await harness.users.get(newcomer.id)
    assert stored is None or stored.pending_payload is None  # nothing to enrol them in later
    await harness.click(newcomer, "Русский")
    texts = [m.text for m in await harness.click(newcomer, ru("button-consent-yes"))]
    texts += [m.text for m in await harness.send(newcomer, "Ольга Петрова")]
    texts += [m.text for m in await harness.click(newcomer, ru("region-abai"))]
    for answer in ("Аягөз", "Библиотека", "библиотекарь"):
        texts += [m.text for m in await harness.send(newcomer, answer)]
    texts += [m.text for m in await harness.click(newcomer, ru("settlement-rural"))]
    texts += [m.text for m in await harness.click(newcomer, ru("button-save"))]
    assert (await harness.users.get(newcomer.id)).is_registered
    assert not any(text.startswith(expected) for text in texts)  # not told twice
    assert await cohorts.of_learner(newcomer.id) == []
