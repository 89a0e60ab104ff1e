"""Live quizzes: cohort groups, games, players, the polls sent and the answers with their points
(all the live quiz SQL). Every answer is one short transaction, so a crash loses none."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import ClassVar

import aiosqlite

from bot.clock import from_db, to_db
from bot.people.personal_data import JSON, Columns, Forgetting
from bot.quizzes.live_model import RUNNING, LiveGame, points
from storage.db import Database

LIVE_STATES_SQL = "('lobby', 'running')"


def _precise(moment: datetime) -> str:
    """UTC with microseconds: points depend on fractions of a second."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _from_precise(value: str) -> datetime:
    return datetime.fromisoformat(value).astimezone(UTC)


def _game(row: aiosqlite.Row) -> LiveGame:
    return LiveGame(
        id=row["id"],
        cohort_id=row["cohort_id"],
        version_id=row["version_id"],
        quiz_key=row["quiz_key"],
        host_id=row["host_user_id"],
        mode=row["mode"],
        state=row["state"],
        open_period=row["open_period"],
        question=row["question"],
        chat_id=row["chat_id"],
        created_at=from_db(row["created_at"]),
        lobby_message_id=row["lobby_message_id"],
    )


class LiveQuizRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------------ groups

    async def bind_group(
        self, cohort_id: int, chat_id: int, by: int, now: datetime, purposes: Sequence[str] = ("quiz",)
    ) -> None:
        """The cohort's group for each of ``purposes`` ('quiz': live quizzes, 'review': homework
        review) is ``chat_id``. A group serves one cohort per purpose; one group may serve both."""
        async with self._db.transaction() as conn:
            for purpose in purposes:
                await conn.execute("DELETE FROM cohort_groups WHERE chat_id = ? AND purpose = ?", (chat_id, purpose))
                await conn.execute(
                    """
                    INSERT INTO cohort_groups (cohort_id, purpose, chat_id, bound_by, bound_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (cohort_id, purpose) DO UPDATE SET chat_id = excluded.chat_id,
                        bound_by = excluded.bound_by, bound_at = excluded.bound_at
                    """,
                    (cohort_id, purpose, chat_id, by, to_db(now)),
                )

    async def group_of(self, cohort_id: int) -> int | None:
        value = await self._db.fetchval(
            "SELECT chat_id FROM cohort_groups WHERE cohort_id = ? AND purpose = 'quiz'", (cohort_id,)
        )
        return None if value is None else int(value)

    # ------------------------------------------------------------------ games

    async def create(
        self,
        cohort_id: int,
        version_id: int,
        quiz_key: str,
        host_id: int,
        mode: str,
        open_period: int,
        chat_id: int | None,
        now: datetime,
    ) -> LiveGame | None:
        """A new game in its lobby; None if the cohort (or the group) already has one going."""
        async with self._db.transaction() as conn:
            if chat_id is not None:
                async with conn.execute(
                    f"SELECT 1 FROM live_games WHERE chat_id = ? AND state IN {LIVE_STATES_SQL}", (chat_id,)
                ) as cursor:
                    if await cursor.fetchone() is not None:
                        return None
            try:
                cursor = await conn.execute(
                    """
                    INSERT INTO live_games (cohort_id, version_id, quiz_key, host_user_id, mode, state, open_period,
                                            question, chat_id, created_at)
                    VALUES (?, ?, ?, ?, ?, 'lobby', ?, -1, ?, ?)
                    """,
                    (cohort_id, version_id, quiz_key, host_id, mode, open_period, chat_id, to_db(now)),
                )
            except sqlite3.IntegrityError:
                return None  # one game at a time per cohort (the partial unique index)
            async with conn.execute("SELECT * FROM live_games WHERE id = ?", (cursor.lastrowid,)) as read:
                row = await read.fetchone()
        assert row is not None
        return _game(row)

    async def get(self, game_id: int) -> LiveGame | None:
        row = await self._db.fetchone("SELECT * FROM live_games WHERE id = ?", (game_id,))
        return None if row is None else _game(row)

    async def active(self) -> list[LiveGame]:
        rows = await self._db.fetchall(f"SELECT * FROM live_games WHERE state IN {LIVE_STATES_SQL} ORDER BY id")
        return [_game(row) for row in rows]

    async def active_in_chat(self, chat_id: int) -> LiveGame | None:
        row = await self._db.fetchone(
            f"SELECT * FROM live_games WHERE chat_id = ? AND state IN {LIVE_STATES_SQL}", (chat_id,)
        )
        return None if row is None else _game(row)

    async def set_lobby_message(self, game_id: int, message_id: int) -> None:
        await self._db.execute("UPDATE live_games SET lobby_message_id = ? WHERE id = ?", (message_id, game_id))

    async def move(self, game_id: int, *, state: str, question: int, now: datetime, before: tuple[str, ...]) -> bool:
        """Change state and question, only from one of the ``before`` states (a double press of
        Start, or Stop racing the last question, changes it once)."""
        marks = ",".join("?" for _ in before)
        changed = await self._db.execute(
            f"""
            UPDATE live_games SET state = ?, question = ?,
                started_at = CASE WHEN ? = 'running' AND started_at IS NULL THEN ? ELSE started_at END,
                ended_at = CASE WHEN ? IN ('finished', 'stopped') THEN ? ELSE ended_at END
            WHERE id = ? AND state IN ({marks})
            """,
            (state, question, state, to_db(now), state, to_db(now), game_id, *before),
        )
        return changed > 0

    # ------------------------------------------------------------------ players

    async def join(self, game_id: int, user_id: int, now: datetime) -> bool:
        changed = await self._db.execute(
            "INSERT INTO live_players (game_id, user_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (game_id, user_id, to_db(now)),
        )
        return changed > 0

    async def players(self, game_id: int) -> list[tuple[int, str | None, str | None]]:
        """(user id, registered name, language) of each player, in the order they joined."""
        rows = await self._db.fetchall(
            """
            SELECT p.user_id, u.full_name, u.language FROM live_players p JOIN users u ON u.telegram_id = p.user_id
            WHERE p.game_id = ? ORDER BY p.joined_at, p.user_id
            """,
            (game_id,),
        )
        return [(row["user_id"], row["full_name"], row["language"]) for row in rows]

    async def player_count(self, game_id: int) -> int:
        return int(await self._db.fetchval("SELECT count(*) FROM live_players WHERE game_id = ?", (game_id,)))

    # ------------------------------------------------------------------ polls and answers

    async def poll_sent(
        self, poll_id: str, game_id: int, question: int, user_id: int | None, message_id: int, sent_at: datetime
    ) -> None:
        await self._db.execute(
            """
            INSERT INTO live_polls (poll_id, game_id, question, user_id, message_id, sent_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (poll_id) DO NOTHING
            """,
            (poll_id, game_id, question, user_id, message_id, _precise(sent_at)),
        )

    async def polls_of(self, game_id: int, question: int) -> list[tuple[str, int | None, int]]:
        rows = await self._db.fetchall(
            "SELECT poll_id, user_id, message_id FROM live_polls WHERE game_id = ? AND question = ?",
            (game_id, question),
        )
        return [(row["poll_id"], row["user_id"], row["message_id"]) for row in rows]

    async def is_live_poll(self, poll_id: str) -> bool:
        return await self._db.fetchval("SELECT 1 FROM live_polls WHERE poll_id = ?", (poll_id,)) is not None

    async def game_of_poll(self, poll_id: str) -> int | None:
        value = await self._db.fetchval("SELECT game_id FROM live_polls WHERE poll_id = ?", (poll_id,))
        return None if value is None else int(value)

    async def open_question(self, game_id: int, is_open: bool) -> None:
        """Answers count only while the question is open (from its poll to its results)."""
        await self._db.execute("UPDATE live_games SET question_open = ? WHERE id = ?", (int(is_open), game_id))

    async def record_answer(
        self, poll_id: str, user_id: int, option: int, right_option: dict[int, int], now: datetime
    ) -> int | None:
        """The points of a first answer by a player to the question being played; None when
        it does not count (not a player, someone else's copy, a question already closed)."""
        async with self._db.transaction() as conn:
            async with conn.execute(
                """
                SELECT p.game_id, p.question, p.user_id AS addressee, p.sent_at, g.state, g.question AS current,
                       g.open_period, g.question_open, EXISTS (SELECT 1 FROM live_players x WHERE x.game_id = p.game_id
                                               AND x.user_id = ?) AS playing
                FROM live_polls p JOIN live_games g ON g.id = p.game_id WHERE p.poll_id = ?
                """,
                (user_id, poll_id),
            ) as cursor:
                row = await cursor.fetchone()
            if (
                row is None
                or row["state"] != RUNNING
                or row["question"] != row["current"]
                or not row["question_open"]
                or not row["playing"]
            ):
                return None
            if row["addressee"] is not None and row["addressee"] != user_id:
                return None
            seconds = (now - _from_precise(row["sent_at"])).total_seconds()
            correct = option == right_option.get(row["question"])
            gained = points(correct, seconds, row["open_period"])
            cursor = await conn.execute(
                """
                INSERT INTO live_answers (game_id, question, user_id, option, correct, seconds, points, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """,
                (row["game_id"], row["question"], user_id, option, int(correct), seconds, gained, _precise(now)),
            )
            return gained if cursor.rowcount else None

    async def answers_to(self, game_id: int, question: int) -> dict[int, tuple[bool, int]]:
        rows = await self._db.fetchall(
            "SELECT user_id, correct, points FROM live_answers WHERE game_id = ? AND question = ?", (game_id, question)
        )
        return {row["user_id"]: (bool(row["correct"]), row["points"]) for row in rows}

    async def totals(self, game_id: int) -> list[tuple[int, str | None, int, int]]:
        """(user id, registered name, points, right answers) of every player."""
        rows = await self._db.fetchall(
            """
            SELECT p.user_id, u.full_name, coalesce(sum(a.points), 0) AS points, coalesce(sum(a.correct), 0) AS right
            FROM live_players p JOIN users u ON u.telegram_id = p.user_id
            LEFT JOIN live_answers a ON a.game_id = p.game_id AND a.user_id = p.user_id
            WHERE p.game_id = ? GROUP BY p.user_id, u.full_name
            """,
            (game_id,),
        )
        return [(row["user_id"], row["full_name"], int(row["points"]), int(row["right"])) for row in rows]

    # ------------------------------------------------------------------ personal data

    columns: ClassVar[Columns] = {
        "live_games": ("host_user_id",),
        "live_players": ("user_id",),
        "live_polls": ("user_id",),
        "live_answers": ("user_id",),
        "cohort_groups": ("bound_by",),
    }

    async def export(self, user_id: int) -> dict[str, JSON]:
        """The live quizzes they played (their points and answers) and those they hosted."""
        played = await self._db.fetchall(
            """
            SELECT g.id AS game, c.name AS cohort, g.version_id AS course_version_id, g.quiz_key AS quiz,
                   g.mode, p.joined_at,
                   (SELECT coalesce(sum(a.points), 0) FROM live_answers a
                     WHERE a.game_id = g.id AND a.user_id = p.user_id) AS points
              FROM live_players p JOIN live_games g ON g.id = p.game_id JOIN cohorts c ON c.id = g.cohort_id
             WHERE p.user_id = ? ORDER BY p.joined_at, g.id
            """,
            (user_id,),
        )
        answers = await self._db.fetchall(
            """
            SELECT game_id AS game, question, option, correct, seconds, points, answered_at
              FROM live_answers WHERE user_id = ? ORDER BY game_id, question
            """,
            (user_id,),
        )
        polls = await self._db.fetchall(
            "SELECT game_id AS game, question, sent_at FROM live_polls WHERE user_id = ? ORDER BY game_id, question",
            (user_id,),
        )
        hosted = await self._db.fetchall(
            """
            SELECT g.id AS game, c.name AS cohort, g.version_id AS course_version_id, g.quiz_key AS quiz,
                   g.mode, g.state, g.created_at
              FROM live_games g JOIN cohorts c ON c.id = g.cohort_id WHERE g.host_user_id = ? ORDER BY g.id
            """,
            (user_id,),
        )
        groups = await self._db.fetchall(
            """
            SELECT c.name AS cohort, g.bound_at FROM cohort_groups g JOIN cohorts c ON c.id = g.cohort_id
             WHERE g.bound_by = ? ORDER BY g.bound_at
            """,
            (user_id,),
        )
        return {
            "live_quizzes_played": [dict(row) for row in played],
            "live_quiz_answers": [dict(row) for row in answers],
            "live_quiz_questions_received": [dict(row) for row in polls],
            "live_quizzes_hosted": [dict(row) for row in hosted],
            "groups_bound": [dict(row) for row in groups],
        }

    async def erase(self, conn: aiosqlite.Connection, person: Forgetting) -> dict[str, int]:
        """Games, places and answers stay for the cohort's results, under the alias; a
        leaderboard shows the alias's empty name from then on."""
        played = await conn.execute(
            "UPDATE live_players SET user_id = ? WHERE user_id = ?", (person.alias, person.user_id)
        )
        await conn.execute("UPDATE live_answers SET user_id = ? WHERE user_id = ?", (person.alias, person.user_id))
        await conn.execute("UPDATE live_polls SET user_id = ? WHERE user_id = ?", (person.alias, person.user_id))
        await conn.execute(
            "UPDATE live_games SET host_user_id = ? WHERE host_user_id = ?", (person.alias, person.user_id)
        )
        await conn.execute("UPDATE cohort_groups SET bound_by = ? WHERE bound_by = ?", (person.alias, person.user_id))
        return {"live quizzes played": played.rowcount}
