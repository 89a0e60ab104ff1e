"""A small course with a questionnaire of every kind of item and a self-assessment."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from storage.db import Database
from tests.auxil.delivery_setup import add_learners, import_version, make_cohort, write_course

COURSE = """
code: survey-course
languages: [kk, ru, en]
title:
  kk: Балалар кітапханасындағы іс-шаралар
  ru: Мероприятия в детской библиотеке
  en: Events in a children's library
hours: 8
lessons:
  - day: 1
    time: "10:00"
    title: {kk: Кіріспе, ru: Введение, en: Introduction}
    materials:
      - text: {kk: Сәлем!, ru: Здравствуйте!, en: Hello!}
questionnaire:
  anonymous: {anonymous}
  day: 1
  time: "12:00"
  items:
    - id: quality
      kind: scale
      question:
        kk: Курстың сапасы? (1 — өте нашар, 5 — өте жақсы)
        ru: Качество курса? (1 — очень плохо, 5 — отлично)
        en: The course's quality? (1 = very poor, 5 = excellent)
    - id: best
      kind: single
      question: {kk: "Ең пайдалы бөлім?", ru: "Самая полезная часть?", en: "The most useful part?"}
      options:
        - {kk: Дәрістер, ru: Лекции, en: Lectures}
        - {kk: Тапсырмалар, ru: Задания, en: Tasks}
    - id: formats
      kind: multiple
      question: {kk: "Қандай форматтар?", ru: "Какие форматы?", en: "Which formats?"}
      options:
        - {kk: Бейне, ru: Видео, en: Video}
        - {kk: Чат, ru: Чат, en: Chat}
        - {kk: Ойындар, ru: Игры, en: Games}
    - id: improve
      kind: text
      required: false
      question: {kk: "Нені жақсартуға болады?", ru: "Что улучшить?", en: "What could be better?"}
self_assessment:
  statements:
    - kk: Балаларға арналған іс-шараны жоспарлай аламын
      ru: Я умею планировать мероприятие для детей
      en: I can plan a library event for children
    - kk: Іс-шараның нәтижесін бағалай аламын
      ru: Я умею оценивать результаты мероприятия
      en: I can assess how an event went
"""

START = date(2026, 4, 15)


async def survey_cohort(
    db: Database, tmp_path: Path, now: datetime, learners: list[int], *, anonymous: bool = True
) -> int:
    """A cohort of the survey course with ``learners`` enrolled; returns the cohort id."""
    folder = write_course(tmp_path / "survey-course", COURSE.replace("{anonymous}", str(anonymous).lower()))
    version = await import_version(db, folder, tmp_path / "files")
    cohort = await make_cohort(db, version, START, now)
    if learners:
        await add_learners(db, cohort, learners, now)
    return cohort
