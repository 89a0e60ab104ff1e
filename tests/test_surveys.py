"""The questionnaire and the self-assessment at the service level: filling in step by step,
submitting whole, anonymity in the database, results only from five responses."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.clock import FrozenClock
from bot.courses.codec import course_to_dict
from bot.courses.loading import load_course
from bot.delivery.planning import CourseCache
from bot.surveys.model import Form
from bot.surveys.service import Status, SurveyService
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository
from storage.db import Database
from storage.personal_data import PersonalDataStore
from storage.surveys import SurveyRepository
from tests.auxil.delivery_setup import write_course
from tests.auxil.survey_course import COURSE, survey_cohort

Q = Form.QUESTIONNAIRE


def service(db: Database, clock: FrozenClock) -> SurveyService:
    return SurveyService(SurveyRepository(db), CohortRepository(db), CourseCache(CourseRepository(db)), clock)


async def fill(s: SurveyService, cohort: int, user: int, quality: int = 4, text: str | None = None) -> None:
    """Answer the whole questionnaire (and the statements after) and send it."""
    assert (await s.open(cohort, user, Q)).status is Status.OK
    assert (await s.answer(cohort, user, Q, 0, quality)).status is Status.OK
    assert (await s.answer(cohort, user, Q, 1, 1)).status is Status.OK
    assert (await s.toggle(cohort, user, Q, 2, 0)).status is Status.OK
    assert (await s.toggle(cohort, user, Q, 2, 2)).status is Status.OK
    assert (await s.done(cohort, user, Q, 2)).status is Status.OK
    if text is None:
        assert (await s.skip(cohort, user, Q, 3)).status is Status.OK
    else:
        assert (await s.answer(cohort, user, Q, 3, text)).status is Status.OK
    assert (await s.answer(cohort, user, Q, 4, 4)).status is Status.OK
    assert (await s.answer(cohort, user, Q, 5, 5)).status is Status.OK
    assert (await s.submit(cohort, user, Q)).status is Status.OK


async def test_a_draft_survives_a_new_service_and_goes_on_where_it_stopped(
    db: Database, clock: FrozenClock, tmp_path: Path
) -> None:
    cohort = await survey_cohort(db, tmp_path, clock.now(), [101])
    first = service(db, clock)
    opened = await first.open(cohort, 101, Q)
    assert opened.session is not None and [s.id for s in opened.session.steps] == [
        "quality", "best", "formats", "improve", "sa:s1", "sa:s2",
    ]  # fmt: skip
    await first.answer(cohort, 101, Q, 0, 3)
    await first.toggle(cohort, 101, Q, 1, 0)  # a toggle on a single choice: refused
    # A restart: a new service reads the draft from the database.
    again = await service(db, clock).open(cohort, 101, Q)
    assert again.session is not None
    assert again.session.draft.position == 1
    assert again.session.draft.answers == {"quality": 3}


async def test_buttons_of_an_earlier_step_or_forged_values_change_nothing(
    db: Database, clock: FrozenClock, tmp_path: Path
) -> None:
    cohort = await survey_cohort(db, tmp_path, clock.now(), [101])
    s = service(db, clock)
    await s.open(cohort, 101, Q)
    assert (await s.answer(cohort, 101, Q, 0, 6)).status is Status.INVALID  # no point 6
    assert (await s.answer(cohort, 101, Q, 0, 2)).status is Status.OK
    assert (await s.answer(cohort, 101, Q, 0, 5)).status is Status.STALE  # the scale again
    assert (await s.answer(cohort, 101, Q, 1, 7)).status is Status.INVALID  # no option 7
    assert (await s.skip(cohort, 101, Q, 1)).status is Status.INVALID  # required
    assert (await s.answer(cohort, 101, Q, 1, 0)).status is Status.OK
    assert (await s.done(cohort, 101, Q, 2)).status is Status.INVALID  # nothing chosen
    assert (await s.back(cohort, 101, Q, 2)).status is Status.OK
    back = await s.open(cohort, 101, Q)
    assert back.session is not None and back.session.draft.position == 1
    assert back.session.draft.answers == {"quality": 2, "best": 0}
    assert (await s.submit(cohort, 101, Q)).status is Status.STALE  # not on the check screen
    # Not a learner of the cohort.
    assert (await s.open(cohort, 999, Q)).status is Status.NOT_ENROLLED


async def test_an_anonymous_response_cannot_be_traced_to_a_person(
    db: Database, clock: FrozenClock, tmp_path: Path
) -> None:
    people = [101, 102, 103, 104, 105, 106]
    cohort = await survey_cohort(db, tmp_path, clock.now(), people)
    s = service(db, clock)
    for user in people:
        await fill(s, cohort, user, quality=user % 5 + 1, text=f"more games {user}")
    columns = {row["name"] for row in await db.fetchall("PRAGMA table_info(survey_responses)")}
    assert columns == {"id", "cohort_id", "item_key", "user_id", "answered_on", "answers"}
    rows = await db.fetchall("SELECT * FROM survey_responses")
    assert len(rows) == 6
    assert all(row["user_id"] is None for row in rows)
    assert {row["answered_on"] for row in rows} == {"2026-04-15"}  # a date, no time
    # The keys are random: their order is not the order of the answers.
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)
    assert len({row["id"] for row in rows}) == 6 and all(len(row["id"]) == 32 for row in rows)
    # No rowid to sort by either.
    with pytest.raises(Exception, match="rowid"):
        await db.fetchall("SELECT rowid FROM survey_responses")
    # Drafts are gone; the "has answered" marks know nothing of the answers.
    assert await db.fetchval("SELECT COUNT(*) FROM survey_drafts") == 0
    marks = await db.fetchall("SELECT * FROM survey_answered ORDER BY user_id")
    assert [row["user_id"] for row in marks] == people
    assert set(marks[0].keys()) == {"cohort_id", "user_id", "item_key", "answered_on"}
    # Nothing else in the database holds a typed answer next to a person.
    for table in ("survey_answered", "self_assessments", "survey_drafts", "fsm_state", "deliveries", "completions"):
        for row in await db.fetchall(f"SELECT * FROM {table}"):
            assert "more games" not in " ".join(str(v) for v in tuple(row))


async def test_results_of_an_anonymous_questionnaire_only_from_five(
    db: Database, clock: FrozenClock, tmp_path: Path
) -> None:
    people = [101, 102, 103, 104, 105]
    cohort = await survey_cohort(db, tmp_path, clock.now(), people)
    s = service(db, clock)
    for user in people[:4]:
        await fill(s, cohort, user, quality=3)
    four = await s.results(cohort)
    assert four is not None and four.withheld and four.responses == 4 and four.items == ()
    await fill(s, cohort, 105, quality=5, text="Көбірек ойын")
    five = await s.results(cohort)
    assert five is not None and not five.withheld
    quality, best, formats, improve = five.items
    assert quality.mean == pytest.approx(3.4) and quality.counts == (0, 0, 4, 0, 1)
    assert best.counts == (0, 5)
    assert formats.counts == (5, 0, 5)
    assert improve.texts == ("Көбірек ойын",) and improve.answered == 1


async def test_named_questionnaire_results_from_one_response(db: Database, clock: FrozenClock, tmp_path: Path) -> None:
    cohort = await survey_cohort(db, tmp_path, clock.now(), [101], anonymous=False)
    s = service(db, clock)
    await fill(s, cohort, 101)
    results = await s.results(cohort)
    assert results is not None and not results.withheld and results.responses == 1
    assert await db.fetchval("SELECT user_id FROM survey_responses") == 101


async def test_send_is_whole_once_and_stops_the_reminders(db: Database, clock: FrozenClock, tmp_path: Path) -> None:
    cohort = await survey_cohort(db, tmp_path, clock.now(), [101])
    s = service(db, clock)
    assert not await s.has_answered(cohort, 101, "Q")
    await fill(s, cohort, 101)
    assert await s.has_answered(cohort, 101, "Q")
    assert not await s.has_answered(cohort, 101, "L1.hw")
    assert (await s.open(cohort, 101, Q)).status is Status.ANSWERED
    assert (await s.submit(cohort, 101, Q)).status is Status.ANSWERED
    assert await db.fetchval("SELECT COUNT(*) FROM survey_responses") == 1


async def test_before_and_after(db: Database, clock: FrozenClock, tmp_path: Path) -> None:
    cohort = await survey_cohort(db, tmp_path, clock.now(), [101, 102])
    s = service(db, clock)
    for user, (first, second) in ((101, (2, 3)), (102, (1, 2))):
        await s.open(cohort, user, Form.BEFORE)
        await s.answer(cohort, user, Form.BEFORE, 0, first)
        await s.answer(cohort, user, Form.BEFORE, 1, second)
        assert (await s.submit(cohort, user, Form.BEFORE)).status is Status.OK
    assert (await s.open(cohort, 101, Form.BEFORE)).status is Status.ANSWERED
    await fill(s, cohort, 101)  # 4 and 5 after
    mine = await s.before_after(cohort, 101)
    assert mine is not None
    assert [(c.before, c.after) for c in mine.changes] == [(2, 4), (3, 5)]
    assert mine.before == pytest.approx(2.5) and mine.after == pytest.approx(4.5)
    # It is named: the rows carry the person.
    assert await db.fetchval("SELECT COUNT(*) FROM self_assessments WHERE user_id = 101") == 2
    means = await s.self_assessment_means(cohort)
    assert [(m.before, m.after, m.rated_before, m.rated_after) for m in means] == [
        (pytest.approx(1.5), pytest.approx(4.0), 2, 1),
        (pytest.approx(2.5), pytest.approx(5.0), 2, 1),
    ]
    # Deleting one's data takes the self-assessments and drafts with it.
    await s.open(cohort, 102, Q)
    await PersonalDataStore(db).erase(102, clock.now(), [s.repo])
    assert await db.fetchval("SELECT COUNT(*) FROM self_assessments WHERE user_id = 102") == 0
    assert await db.fetchval("SELECT COUNT(*) FROM survey_drafts") == 0


def test_self_assessment_in_course_yaml(tmp_path: Path) -> None:
    folder = write_course(tmp_path / "c", COURSE.replace("{anonymous}", "true"))
    result = load_course(folder)
    assert result.ok, result.errors
    assert result.course is not None and result.course.self_assessment is not None
    statements = result.course.self_assessment.statements
    assert statements[0].get("ru") == "Я умею планировать мероприятие для детей"
    assert course_to_dict(result.course)["self_assessment"]["statements"][1]["kk"].startswith("Іс-шараның")


def test_self_assessment_errors_say_where(tmp_path: Path) -> None:
    body = COURSE.replace("{anonymous}", "true")
    body = body[: body.index("self_assessment:")] + "self_assessment:\n  statements: []\n  colour: red\n"
    result = load_course(write_course(tmp_path / "c", body))
    codes = {(issue.code, issue.path) for issue in result.errors}
    assert ("empty-list", "self_assessment.statements") in codes
    assert any(code == "unknown-field" for code, _ in codes)
    assert all(issue.line for issue in result.errors)
    eleven = "self_assessment:\n  statements:\n" + "".join(f"    - Statement {i}\n" for i in range(11))
    result = load_course(
        write_course(tmp_path / "d", COURSE.replace("{anonymous}", "true").split("self_assessment:")[0] + eleven)
    )
    assert [issue.code for issue in result.errors] == ["too-many-statements"]


def test_the_preview_shows_the_self_assessment_before_and_with_the_questionnaire(tmp_path: Path) -> None:
    from datetime import date
    from zoneinfo import ZoneInfo

    from bot.courses.preview import render_preview
    from bot.i18n import Translator

    course = load_course(write_course(tmp_path / "c", COURSE.replace("{anonymous}", "true"))).course
    assert course is not None
    page = render_preview(
        course,
        language="ru",
        start=date(2026, 4, 15),
        tz=ZoneInfo("Asia/Almaty"),
        translator=Translator(default_locale="kk", strict=True),
    )
    assert page.count("Я умею планировать мероприятие для детей") == 2
    assert "<b>Самооценка</b> · не анонимная<br><small>сразу после записи, до 1-го урока</small>" in page
    assert "ещё раз вместе с анкетой" in page
