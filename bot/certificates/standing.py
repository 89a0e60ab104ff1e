"""What a learner still has to do, read from the features that exist today: homework accepted,
the quiz percentage, the questionnaire answered (the course's ``completion:`` rules). The
completion package (bot/completion) will implement ``CompletionStanding`` itself; this one is
what ``bot/app.py`` wires until then."""

from __future__ import annotations

from typing import Protocol

from bot.certificates.model import Missing
from bot.homework.model import Progress
from bot.quizzes.model import QuizStanding

QUESTIONNAIRE_KEY = "Q"


class HomeworkPort(Protocol):
    async def progress(self, cohort_id: int, user_id: int) -> Progress | None: ...


class QuizzesPort(Protocol):
    async def standing(self, cohort_id: int, user_id: int) -> QuizStanding: ...


class SurveysPort(Protocol):
    async def has_answered(self, cohort_id: int, user_id: int, item_key: str) -> bool: ...


class CourseStanding:
    def __init__(self, homework: HomeworkPort, quizzes: QuizzesPort, surveys: SurveysPort) -> None:
        self.homework = homework
        self.quizzes = quizzes
        self.surveys = surveys

    async def missing(self, cohort_id: int, user_id: int) -> list[Missing]:
        found: list[Missing] = []
        progress = await self.homework.progress(cohort_id, user_id)
        if progress is not None:
            found.extend(Missing("homework", lesson=item.lesson_number) for item in progress.missing_homework)
        standing = await self.quizzes.standing(cohort_id, user_id)
        if not standing.met and standing.pass_mark is not None:
            found.append(Missing("quiz", percent=standing.percent, pass_mark=standing.pass_mark))
        if (
            progress is not None
            and progress.questionnaire_required
            and not await self.surveys.has_answered(cohort_id, user_id, QUESTIONNAIRE_KEY)
        ):
            found.append(Missing("questionnaire"))
        return found
