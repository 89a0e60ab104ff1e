"""A course with every completion rule (homework of lesson 1, quizzes at 75 %, the questionnaire)
and quick ways to meet each one, for the completion tests."""

from __future__ import annotations

import json

from bot.homework.model import HandInOutcome, NewPart, text_kind
from bot.homework.service import HomeworkService
from bot.surveys.model import Form
from bot.surveys.service import Status, SurveyService
from storage.db import Database

ASEL, BOTA, CURATOR = 201, 202, 301

COURSE = """\
code: completion-course
languages: [kk, ru, en]
title: {kk: Оқу клубы, ru: Читательский клуб, en: Reading club}
hours: 6
lessons:
  - day: 1
    time: "10:00"
    title: {kk: Бір, ru: Один, en: One}
    materials:
      - text: {kk: Сәлем, ru: Привет, en: Hello}
    homework:
      prompt: {kk: Жазыңыз, ru: Напишите, en: Write}
      deadline: {day: 2, time: "20:00"}
      accepts: [text]
    quiz:
      pass_mark: 50
      questions:
        - question: {kk: "Иә ма?", ru: "Да?", en: "Yes?"}
          options: [{kk: Иә, ru: Да, en: "Yes"}, {kk: Жоқ, ru: Нет, en: "No"}]
          correct: 1
        - question: {kk: "Жоқ па?", ru: "Нет?", en: "No?"}
          options: [{kk: Иә, ru: Да, en: "Yes"}, {kk: Жоқ, ru: Нет, en: "No"}]
          correct: 2
  - day: 2
    time: "10:00"
    title: {kk: Екі, ru: Два, en: Two}
    materials:
      - text: {kk: Сәлем, ru: Привет, en: Hello}
    homework:
      prompt: {kk: Жазыңыз, ru: Напишите, en: Write}
      deadline: {day: 3, time: "20:00"}
      accepts: [text]
questionnaire:
  anonymous: true
  day: 3
  time: "12:00"
  items:
    - id: quality
      kind: scale
      question:
        kk: Сапасы? (1 — нашар, 5 — өте жақсы)
        ru: Качество? (1 — плохо, 5 — отлично)
        en: Quality? (1 = poor, 5 = excellent)
completion:
  homework: [1]
  quiz_pass_mark: 75
  questionnaire: true
"""


async def accept_homework(homework: HomeworkService, cohort: int, user: int, item: str = "L1.hw") -> None:
    await homework.open_draft(cohort, user, item)
    await homework.add_part(user, NewPart(text_kind("My answer"), 10, text="My answer"))
    draft = await homework.focused_draft(user)
    assert draft is not None
    handed = await homework.hand_in(user, draft.submission.id)
    assert handed.outcome is HandInOutcome.HANDED_IN
    await homework.decide(draft.submission.id, CURATOR, "accepted")


async def quiz(db: Database, cohort: int, user: int, right: int, number: int = 1) -> None:
    """A finished attempt of lesson 1's quiz with ``right`` of 2 right."""
    version = await db.fetchval("SELECT version_id FROM cohorts WHERE id = ?", (cohort,))
    stamp = "2026-04-15T06:00:00Z"
    await db.execute(
        """INSERT INTO quiz_attempts (cohort_id, user_id, version_id, quiz_key, number, state, questions,
                                      option_order, asked, right_answers, started_at, active_at, finished_at)
           VALUES (?, ?, ?, 'L1.quiz', ?, 'finished', 2, ?, 2, ?, ?, ?, ?)""",
        (cohort, user, version, number, json.dumps([[0, 1], [0, 1]]), right, stamp, stamp, stamp),
    )


async def answer_questionnaire(surveys: SurveyService, cohort: int, user: int, rating: int = 5) -> None:
    assert (await surveys.open(cohort, user, Form.QUESTIONNAIRE)).status is Status.OK
    assert (await surveys.answer(cohort, user, Form.QUESTIONNAIRE, 0, rating)).status is Status.OK
    assert (await surveys.submit(cohort, user, Form.QUESTIONNAIRE)).status is Status.OK
