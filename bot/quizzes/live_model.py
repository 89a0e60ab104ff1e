"""The live quiz vocabulary: a game a host runs for a cohort, its players, points and places.

A live quiz is played together, at the end of a session: a host (organizer or curator) opens a
lobby, learners press "I'm in", the host starts, and each question is a quiz poll with a timer,
in the cohort's Telegram group or in each player's private chat. Points as in Kahoot: a right
answer gives up to 1,000, fewer the longer it took; a wrong or missing one gives 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

LOBBY, RUNNING, FINISHED, STOPPED = "lobby", "running", "finished", "stopped"
ACTIVE_STATES = (LOBBY, RUNNING)
GROUP, PRIVATE = "group", "private"
MAX_POINTS = 1000
DEFAULT_OPEN_PERIOD = 20  # seconds a question stays open


@dataclass(frozen=True)
class LiveGame:
    id: int
    cohort_id: int
    version_id: int
    quiz_key: str  # "L3.quiz" or "LQ1"
    host_id: int
    mode: str  # GROUP | PRIVATE
    state: str
    open_period: int
    question: int  # the current question; -1 in the lobby
    chat_id: int | None  # the group, in group mode
    created_at: datetime
    lobby_message_id: int | None = None  # the host's lobby message, edited as players join

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_STATES


@dataclass(frozen=True)
class Place:
    """A player on a leaderboard."""

    place: int  # 1 for the first; equal points share a place
    user_id: int
    name: str
    points: int
    right: int  # right answers so far


@dataclass(frozen=True)
class QuestionSummary:
    """What everyone sees after a question: the right answer, how many got it, the top five."""

    game: LiveGame
    question: int
    total_questions: int
    answered_right: int
    players: int
    top: tuple[Place, ...]
    points_now: dict[int, int]  # user id -> points this question gave them


def points(correct: bool, seconds: float, open_period: int) -> int:
    """``1000 × (1 − t / (2 × open_period))`` for a right answer after ``t`` seconds: 1,000 at
    once, 500 at the last moment; 0 for a wrong answer."""
    if not correct:
        return 0
    t = min(max(seconds, 0.0), float(open_period))
    return round(MAX_POINTS * (1 - t / (2 * open_period)))


def short_name(full_name: str | None) -> str:
    """ "Айгүл Серікова" -> "Айгүл С.": the first name and the initial of the next word."""
    words = (full_name or "").split()
    if not words:
        return "—"
    if len(words) == 1:
        return words[0]
    return f"{words[0]} {words[1][0]}."


def ranked(rows: list[tuple[int, str, int, int]]) -> tuple[Place, ...]:
    """(user id, name, points, right) -> places, best first; equal points share a place."""
    ordered = sorted(rows, key=lambda row: (-row[2], row[1], row[0]))
    places: list[Place] = []
    for index, (user_id, name, total, right) in enumerate(ordered):
        place = places[-1].place if places and places[-1].points == total else index + 1
        places.append(Place(place, user_id, name, total, right))
    return tuple(places)
