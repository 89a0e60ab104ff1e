"""Completion at the service level, as ``create_dispatcher`` wires it: the standing from homework,
quizzes and the questionnaire; recorded once with the learner's message; hooks called once and
retried after a failure; cohorts finishing N days after their last item or by hand; results."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.app import create_dispatcher
from bot.clock import FrozenClock, to_db
from bot.completion.model import Rule
from bot.completion.service import CompletionService
from bot.config import Settings
from bot.delivery.service import DeliveryService
from bot.homework.service import HomeworkService
from bot.i18n import Translator
from bot.surveys.service import SurveyService
from storage.db import Database
from tests.auxil.completion_course import (
    ASEL,
    BOTA,
    COURSE,
    CURATOR,
    accept_homework,
    answer_questionnaire,
    quiz,
)
from tests.auxil.delivery_setup import add_learners, import_version, make_cohort, write_course

NO_RULES = """\
code: lectures-only
languages: [en]
title: Lectures
hours: 1
lessons:
  - day: 1
    time: "10:00"
    title: One
    materials:
      - text: Hello
"""


Rig = tuple[int, CompletionService, HomeworkService, SurveyService, DeliveryService]


@pytest.fixture
async def rig(db: Database, tmp_path: Path, clock: FrozenClock, settings: Settings, translator: Translator) -> Rig:
    """Two learners in a cohort that started today; everything due by day 3 has reached them."""
    dp = create_dispatcher(settings, db, translator, clock)
    version = await import_version(db, write_course(tmp_path / "course", COURSE), tmp_path / "files")
    cohort = await make_cohort(db, version, date(2026, 4, 15), clock.now())
    await add_learners(db, cohort, [ASEL, BOTA], clock.now(), languages=("en",))
    await db.execute(
        "INSERT INTO users (telegram_id, language, created_at, updated_at) VALUES (?, 'ru', ?, ?)",
        (CURATOR, to_db(clock.now()), to_db(clock.now())),
    )
    delivery: DeliveryService = dp["delivery"]
    await delivery.planner.plan_cohort(cohort, clock.now())
    await db.execute(
        "UPDATE deliveries SET state = 'sent'"
        " WHERE due_at <= ? AND state = 'planned' AND kind IN ('lesson', 'homework')",
        (to_db(clock.now() + timedelta(days=2)),),
    )
    return cohort, dp["completion"], dp["homework"], dp["surveys"], delivery


async def test_the_standing_says_what_is_missing_and_completion_is_recorded_once(db: Database, rig: Rig) -> None:
    cohort, completion, homework, surveys, _ = rig
    calls: list[tuple[int, int]] = []

    async def hook(cohort_id: int, user_id: int) -> None:
        calls.append((cohort_id, user_id))

    completion.on_completed.append(hook)

    first = await completion.evaluate(cohort, ASEL)
    assert first is not None
    assert first.rules == (Rule.HOMEWORK, Rule.QUIZZES, Rule.QUESTIONNAIRE)
    assert first.missing == (Rule.HOMEWORK, Rule.QUIZZES, Rule.QUESTIONNAIRE)
    assert first.homework_required == (1,) and first.homework_missing == (1,)  # lesson 2 is not required
    assert (first.quiz.right, first.quiz.total, first.quiz.pass_mark) == (0, 2, 75)

    await accept_homework(homework, cohort, ASEL)
    await quiz(db, cohort, ASEL, right=1)  # 50 %: below 75
    second = await completion.evaluate(cohort, ASEL)
    assert second is not None and second.missing == (Rule.QUIZZES, Rule.QUESTIONNAIRE)
    assert second.quiz.percent == 50

    await quiz(db, cohort, ASEL, right=2, number=2)  # the best attempt counts
    await answer_questionnaire(surveys, cohort, ASEL)
    done = await completion.evaluate(cohort, ASEL)
    assert done is not None and done.missing == () and done.completed_at is not None
    again = await completion.evaluate(cohort, ASEL)
    assert again is not None and again.completed_at == done.completed_at

    assert calls == [(cohort, ASEL)]
    rows = await db.fetchall("SELECT user_id, notified_at FROM completions")
    assert [(r["user_id"], r["notified_at"] is not None) for r in rows] == [(ASEL, True)]
    told = await db.fetchall("SELECT user_id, item_key, variant, state FROM deliveries WHERE kind = 'completion'")
    assert [tuple(r) for r in told] == [(ASEL, "C", "completed", "planned")]
    # Bota did nothing: no completion, no message.
    bota = await completion.evaluate(cohort, BOTA)
    assert bota is not None and bota.completed_at is None


async def test_a_failing_hook_is_retried_at_the_tick_until_it_succeeds(
    db: Database, rig: Rig, clock: FrozenClock
) -> None:
    cohort, completion, homework, surveys, _ = rig
    calls: list[int] = []

    async def flaky(cohort_id: int, user_id: int) -> None:
        calls.append(user_id)
        if len(calls) == 1:
            raise RuntimeError("the certificate service is down")

    completion.on_completed.append(flaky)
    await accept_homework(homework, cohort, ASEL)
    await quiz(db, cohort, ASEL, right=2)
    await answer_questionnaire(surveys, cohort, ASEL)
    await completion.evaluate(cohort, ASEL)
    assert calls == [ASEL]
    assert await db.fetchval("SELECT notified_at FROM completions") is None

    await completion.tick(clock.now())
    assert calls == [ASEL, ASEL]
    assert await db.fetchval("SELECT notified_at FROM completions") is not None
    await completion.tick(clock.now())
    assert calls == [ASEL, ASEL]  # done: never again
    # Still one message for her.
    assert await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE kind = 'completion'") == 1


async def test_a_restart_evaluates_what_a_crash_cut_off(
    db: Database, rig: Rig, clock: FrozenClock, settings: Settings, translator: Translator
) -> None:
    cohort, _, homework, surveys, _ = rig
    homework.decided.clear()  # the process dies after each event's own write, before evaluating
    surveys.answered.clear()
    await accept_homework(homework, cohort, ASEL)
    await quiz(db, cohort, ASEL, right=2)
    await answer_questionnaire(surveys, cohort, ASEL)
    assert await db.fetchval("SELECT COUNT(*) FROM completions") == 0
    restarted: CompletionService = create_dispatcher(settings, db, translator, clock)["completion"]
    await restarted.tick(clock.now())
    assert await db.fetchval("SELECT user_id FROM completions") == ASEL


async def test_the_cohort_finishes_days_after_its_last_item_and_reminders_stop(
    db: Database, rig: Rig, clock: FrozenClock, settings: Settings
) -> None:
    cohort, completion, _, _, _ = rig
    cohort_row = await completion.cohorts.get(cohort)
    assert cohort_row is not None
    last = await completion.last_item(cohort_row)
    # The questionnaire's last reminder: day 3 at 12:00 Almaty (07:00 UTC) plus 72 hours.
    assert last is not None and to_db(last) == "2026-04-20T07:00:00Z"
    assert settings.cohort_finish_after_days == 7
    clock.set(last + timedelta(days=7) - timedelta(minutes=1))
    await completion.tick(clock.now())
    assert await db.fetchval("SELECT status FROM cohorts WHERE id = ?", (cohort,)) == "active"
    # Something still planned (made due later for the test) keeps it open.
    planned = await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE state = 'planned'")
    assert planned > 0
    clock.advance(timedelta(minutes=1))
    await completion.tick(clock.now())
    assert await db.fetchval("SELECT status FROM cohorts WHERE id = ?", (cohort,)) == "finished"
    assert await db.fetchval("SELECT finished_at FROM cohorts WHERE id = ?", (cohort,)) == to_db(clock.now())
    assert await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE state = 'planned'") == 0
    reasons = await db.fetchall("SELECT DISTINCT reason FROM deliveries WHERE state = 'cancelled'")
    assert [r["reason"] for r in reasons] == ["cohort-finished"]
    assert not await completion.finish(cohort)  # once


async def test_a_late_joiners_planned_item_keeps_the_cohort_open(db: Database, rig: Rig, clock: FrozenClock) -> None:
    cohort, completion, _, _, _ = rig
    await db.execute(
        "UPDATE deliveries SET due_at = '2026-05-10T05:00:00Z'"
        " WHERE user_id = ? AND item_key = 'Q' AND kind = 'questionnaire'",
        (BOTA,),
    )
    clock.set(clock.now() + timedelta(days=20))  # 5 May: 7 days after the calendar's last item
    await completion.tick(clock.now())
    assert await db.fetchval("SELECT status FROM cohorts WHERE id = ?", (cohort,)) == "active"


async def test_a_course_without_rules_completes_when_the_cohort_is_finished_by_hand(
    db: Database, tmp_path: Path, clock: FrozenClock, settings: Settings, translator: Translator
) -> None:
    dp = create_dispatcher(settings, db, translator, clock)
    completion: CompletionService = dp["completion"]
    version = await import_version(db, write_course(tmp_path / "lectures", NO_RULES), tmp_path / "files")
    cohort = await make_cohort(db, version, date(2026, 4, 15), clock.now())
    await add_learners(db, cohort, [ASEL, BOTA], clock.now(), languages=("en",))
    await db.execute("UPDATE enrolments SET status = 'left' WHERE user_id = ?", (BOTA,))
    standing = await completion.evaluate(cohort, ASEL)
    assert standing is not None and standing.rules == () and standing.completed_at is None
    assert await completion.finish(cohort)
    rows = await db.fetchall("SELECT user_id FROM completions")
    assert [r["user_id"] for r in rows] == [ASEL]  # Bota left before the end
    # She is told although the cohort has finished: the end-of-cohort sweep leaves the notice,
    # and the sender takes it (both cancelled or skipped it before).
    repo = dp["delivery"].repo
    await repo.sweep_ended(clock.now())
    claimed = await repo.claim(clock.now() + timedelta(minutes=1), 10)
    assert sorted((row.user_id, row.kind) for row in claimed) == [(ASEL, "certificate"), (ASEL, "completion")]


async def test_results_count_each_rule_and_keep_the_questionnaire_until_five(db: Database, rig: Rig) -> None:
    cohort, completion, homework, surveys, _ = rig
    await accept_homework(homework, cohort, ASEL)
    await quiz(db, cohort, ASEL, right=2)
    await quiz(db, cohort, BOTA, right=1)
    await answer_questionnaire(surveys, cohort, ASEL, rating=4)
    await completion.evaluate(cohort, ASEL)
    results = await completion.results(cohort)
    assert results is not None
    assert (results.enrolled, results.completed) == (2, 1)
    assert results.rules == ((Rule.HOMEWORK, 1), (Rule.QUIZZES, 1), (Rule.QUESTIONNAIRE, 1))
    assert results.questionnaire is not None and results.questionnaire.withheld
    assert results.self_assessment == ()  # the course asks none


async def test_completions_are_personal_data(db: Database, rig: Rig) -> None:
    cohort, completion, homework, surveys, _ = rig
    await accept_homework(homework, cohort, ASEL)
    await quiz(db, cohort, ASEL, right=2)
    await answer_questionnaire(surveys, cohort, ASEL)
    await completion.evaluate(cohort, ASEL)
    exported = await completion.repo.export(ASEL)
    assert [row["cohort"] for row in exported["completions"]] == ["Ауыл кітапханалары"]
