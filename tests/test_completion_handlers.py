"""Completion through the real Dispatcher: /progress and 📚 My courses say what is missing (and
that it is done, or that the course has ended); the organizer finishes a cohort after a
confirmation and reads its results; learners and other curators are refused and change nothing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from aiogram.methods import AnswerCallbackQuery

from bot.clock import to_db
from bot.completion.service import CompletionService
from bot.delivery.service import DeliveryService
from bot.surveys.model import Form
from bot.surveys.service import Status, SurveyService
from bot.telegram.callbacks import CohortCb, CompletionCb
from storage.cohorts import CohortRepository
from storage.roles import RoleRepository
from tests.auxil.completion_course import ASEL, COURSE, CURATOR, accept_homework, answer_questionnaire, quiz
from tests.auxil.delivery_setup import add_learners, import_version, make_cohort, write_course
from tests.auxil.harness import Harness, plain_buttons
from tests.auxil.survey_course import survey_cohort
from tests.auxil.updates import tg_user
from tests.conftest import OWNER_ID
from tests.test_surveys import fill

LEARNER = tg_user(ASEL, language_code="en", first_name="Asel")
OWNER = tg_user(OWNER_ID, language_code="en")
OTHER_CURATOR = tg_user(302, language_code="ru")


async def cohort_of(h: Harness, tmp_path: Path) -> int:
    now = h.clock.now()
    version = await import_version(h.db, write_course(tmp_path / "course", COURSE), tmp_path / "files")
    cohort = await make_cohort(h.db, version, date(2026, 4, 15), now, name="Reading club 1")
    await add_learners(h.db, cohort, [ASEL], now, languages=("en",))
    for person in (CURATOR, OTHER_CURATOR.id):
        await h.db.execute(
            "INSERT INTO users (telegram_id, language, created_at, updated_at) VALUES (?, 'ru', ?, ?)",
            (person, to_db(now), to_db(now)),
        )
    await RoleRepository(h.db).grant(OTHER_CURATOR.id, "curator", OWNER_ID, now)
    await h.users.set_language(OWNER_ID, "en", now)
    delivery: DeliveryService = h.dp["delivery"]
    await delivery.planner.plan_cohort(cohort, now)
    await h.db.execute(
        "UPDATE deliveries SET state = 'sent' WHERE due_at <= ? AND state = 'planned'",
        (to_db(now + timedelta(days=2)),),
    )
    return cohort


def alerts(h: Harness) -> list[str]:
    return [r.text or "" for r in h.session.requests if isinstance(r, AnswerCallbackQuery) and r.text]


async def test_progress_and_my_courses_say_what_is_missing_then_that_it_is_done(
    harness: Harness, tmp_path: Path
) -> None:
    h = harness
    cohort = await cohort_of(h, tmp_path)
    [progress] = await h.send(LEARNER, "/progress")
    assert progress.text.endswith(
        "<b>Still needed to complete the course:</b>\n"
        "• accepted homework for lesson 1\n"
        "• at least 75% right answers in the quizzes (now 0%)\n"
        "• the questionnaire at the end of the course"
    )
    [card] = await h.send(LEARNER, "/courses")
    needed = "homework of lessons 1; quizzes: 0% now, 75% needed; the questionnaire"
    assert f"🎯 Still needed to complete: {needed}" in card.text

    await accept_homework(h.dp["homework"], cohort, ASEL)
    await quiz(h.db, cohort, ASEL, right=1)
    [progress] = await h.send(LEARNER, "/progress")
    assert progress.text.endswith(
        "<b>Still needed to complete the course:</b>\n"
        "• at least 75% right answers in the quizzes (now 50%)\n"
        "• the questionnaire at the end of the course"
    )

    await quiz(h.db, cohort, ASEL, right=2, number=2)
    await answer_questionnaire(h.dp["surveys"], cohort, ASEL)
    completion: CompletionService = h.dp["completion"]
    await completion.evaluate(cohort, ASEL)
    [progress] = await h.send(LEARNER, "/progress")
    assert progress.text.endswith("🎓 You have completed the course.")
    assert "Still needed" not in progress.text
    [card] = await h.send(LEARNER, "/courses")
    assert "🎓 You have completed the course." in card.text


async def test_the_organizer_finishes_a_cohort_after_a_confirmation(harness: Harness, tmp_path: Path) -> None:
    h = harness
    cohort = await cohort_of(h, tmp_path)
    [card] = await h.click_data(OWNER, CohortCb(action="card", cohort_id=cohort).pack(), 1)
    labels = plain_buttons(card.reply_markup)
    assert "📊 Results" in labels and "🏁 Finish the cohort" in labels

    [ask] = await h.click(OWNER, "🏁 Finish the cohort")
    assert ask.text.startswith("Finish the cohort «Reading club 1» now?")
    assert plain_buttons(ask.reply_markup) == ["✅ Yes, finish it", "↩️ No, keep it"]
    [kept] = await h.click(OWNER, "↩️ No, keep it")
    assert kept.text == "The cohort «Reading club 1» goes on."
    assert await h.db.fetchval("SELECT status FROM cohorts WHERE id = ?", (cohort,)) == "active"

    await h.click(OWNER, "🏁 Finish the cohort")
    [done] = await h.click(OWNER, "✅ Yes, finish it")
    assert done.text == "🏁 The cohort «Reading club 1» is finished. Reminders have stopped."
    assert await h.db.fetchval("SELECT status FROM cohorts WHERE id = ?", (cohort,)) == "finished"
    assert await h.db.fetchval("SELECT COUNT(*) FROM deliveries WHERE state = 'planned'") == 0
    # A second press of the old button changes nothing.
    await h.click_data(OWNER, CompletionCb(action="finish-yes", cohort_id=cohort).pack(), 1)
    assert h.all_sent(OWNER)[-1].text == "This cohort is already finished."
    [card] = await h.click_data(OWNER, CohortCb(action="card", cohort_id=cohort).pack(), 1)
    assert "🏁 Finish the cohort" not in plain_buttons(card.reply_markup)

    # The learner sees that the course has ended.
    [courses] = await h.send(LEARNER, "/courses")
    assert "🏁 The course has ended." in courses.text
    [progress] = await h.send(LEARNER, "/progress")
    assert "🏁 The course has ended." in progress.text


async def test_the_results_screen(harness: Harness, tmp_path: Path) -> None:
    h = harness
    cohort = await cohort_of(h, tmp_path)
    await accept_homework(h.dp["homework"], cohort, ASEL)
    await quiz(h.db, cohort, ASEL, right=1)
    await answer_questionnaire(h.dp["surveys"], cohort, ASEL)
    [results] = await h.send(OWNER, "/results")
    assert results.text == (
        "📊 <b>Results: Reading club 1</b>\n"
        "Reading club\n"
        "Completed the course: <b>0</b> of 1 learner\n"
        "\n"
        "<b>Completion rules met</b>\n"
        "• homework accepted: 1 of 1\n"
        "• quizzes, 75% or more: 0 of 1\n"
        "• questionnaire answered: 1 of 1\n"
        "\n"
        "<b>Questionnaire</b>: 1 response\n"
        "Only 1 anonymous response so far. The results are shown from 5 responses on: "
        "fewer could tell who answered what."
    )
    # The card's button shows the same screen.
    await h.click_data(OWNER, CohortCb(action="card", cohort_id=cohort).pack(), 1)
    [again] = await h.click(OWNER, "📊 Results")
    assert again.text == results.text


async def test_learners_and_other_curators_are_refused_and_nothing_changes(harness: Harness, tmp_path: Path) -> None:
    h = harness
    cohort = await cohort_of(h, tmp_path)
    [refused] = await h.send(LEARNER, "/results")
    assert "Asel" not in refused.text and "Results" not in refused.text
    await h.click_data(LEARNER, CompletionCb(action="finish-yes", cohort_id=cohort).pack(), 1)
    assert await h.db.fetchval("SELECT status FROM cohorts WHERE id = ?", (cohort,)) == "active"

    # A curator of another cohort: no cohorts to show, and a forged button is stale.
    [none] = await h.send(OTHER_CURATOR, "/results")
    assert none.text == "Нет потоков, итоги которых вы можете посмотреть."
    await h.click_data(OTHER_CURATOR, CompletionCb(action="results", cohort_id=cohort).pack(), 1)
    assert alerts(h)[-1]
    # Curators cannot finish a cohort.
    await CohortRepository(h.db).add_curator(cohort, OTHER_CURATOR.id)
    await h.click_data(OTHER_CURATOR, CompletionCb(action="finish-yes", cohort_id=cohort).pack(), 1)
    assert await h.db.fetchval("SELECT status FROM cohorts WHERE id = ?", (cohort,)) == "active"
    [mine] = await h.send(OTHER_CURATOR, "/results")
    assert mine.text.startswith("📊 <b>Итоги: Reading club 1</b>")


async def test_the_results_of_five_anonymous_responses_and_the_self_assessment(
    harness: Harness, tmp_path: Path
) -> None:
    h = harness
    people = [101, 102, 103, 104, 105]
    cohort = await survey_cohort(h.db, tmp_path, h.clock.now(), people)
    surveys: SurveyService = h.dp["surveys"]
    for user in people:
        await surveys.open(cohort, user, Form.BEFORE)
        await surveys.answer(cohort, user, Form.BEFORE, 0, 2)
        await surveys.answer(cohort, user, Form.BEFORE, 1, 3)
        assert (await surveys.submit(cohort, user, Form.BEFORE)).status is Status.OK
        await fill(surveys, cohort, user, quality=user % 5 + 1, text="Больше игр" if user == 101 else None)
    [results] = await h.send(OWNER, "/results")
    lines = results.text.split("\n")
    assert "Completed the course: <b>0</b> of 5 learners" in lines  # the course has no rules
    assert "The course has no completion rules: learners complete it when the cohort finishes." in lines
    assert "• I can plan a library event for children: 2.0 → 4.0 (5 / 5)" in lines
    assert "• I can assess how an event went: 3.0 → 5.0 (5 / 5)" in lines
    assert "<b>Questionnaire</b>: 5 responses" in lines
    assert "• The course&#x27;s quality? (1 = very poor, 5 = excellent): mean <b>3.0</b> (5 answers)" in lines
    assert lines[lines.index("• The most useful part? (5 answers):") + 1 :][:2] == ["◦ Lectures: 0", "◦ Tasks: 5"]
    assert lines[lines.index("• Which formats? (5 answers):") + 1 :][:3] == ["◦ Video: 5", "◦ Chat: 0", "◦ Games: 5"]
    assert lines[-2:] == ["• What could be better? (1 written answer):", "◦ «Больше игр»"]
