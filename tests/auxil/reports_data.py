"""A simulated cohort with every kind of data the reports read, written straight into SQLite.

Used by the report tests (a handful of learners), docs/charts (60) and bench/reports.py (10,000).
Deterministic for a seed. Writes through its own ``sqlite3`` connection (the bot's database is
in WAL mode, so a running Database sees the rows as soon as they are committed).
"""

from __future__ import annotations

import json
import random
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.clock import to_db
from bot.courses.codec import course_from_json
from bot.courses.model import Course
from bot.courses.schedule import homework_deadline, lesson_release
from bot.people import regions

DISTRICTS = ("Аягөз", "Үржар", "Жарма", "Бесқарағай", "Көкпекті", "Тарбағатай", "Ақсу", "Шұбарағаш")


@dataclass(frozen=True)
class Simulated:
    learners: int
    blocked: int
    released: int  # lessons released by ``now``


def simulate(
    path: Path,
    cohort_id: int,
    user_ids: list[int],
    now: datetime,
    *,
    seed: int = 7,
    curator_id: int | None = None,
    live_game: bool = True,
) -> Simulated:
    """Learners ``user_ids`` join the cohort and do the course up to ``now``: lessons sent (a few
    blocked the bot), homework handed in, reviewed, some late, some missing; quiz attempts with
    answers; the questionnaire (anonymous or named as the course says); self-assessments; a
    live quiz game."""
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA busy_timeout = 5000")
    try:
        cohort = conn.execute(
            "SELECT version_id, start_date, timezone FROM cohorts WHERE id = ?", (cohort_id,)
        ).fetchone()
        course = course_from_json(
            conn.execute("SELECT content FROM course_versions WHERE id = ?", (cohort[0],)).fetchone()[0]
        )
        start, zone = date.fromisoformat(cohort[1]), ZoneInfo(cohort[2])
        stamp = to_db(now)
        with conn:
            result = _write(
                conn, rng, course, cohort_id, cohort[0], start, zone, user_ids, now, stamp, curator_id, live_game
            )
        return result
    finally:
        conn.close()


def _write(
    conn: sqlite3.Connection,
    rng: random.Random,
    course: Course,
    cohort_id: int,
    version_id: int,
    start: date,
    zone: ZoneInfo,
    user_ids: list[int],
    now: datetime,
    stamp: str,
    curator_id: int | None,
    live_game: bool,
) -> Simulated:
    # Regions: most learners from two regions, a tail from others (more than eight in all).
    weights = [30, 20, 8, 6, 5, 4, 4, 3, 3, 2, 2] + [1] * (len(regions.ALL) - 11)
    codes = list(regions.ALL)
    blocked = set(rng.sample(user_ids, max(1, len(user_ids) // 25))) if user_ids else set()
    people = []
    for i, uid in enumerate(user_ids):
        region = rng.choices(codes, weights)[0]
        people.append(
            (
                uid,
                ("kk", "ru", "en")[i % 3],
                f"Кітапханашы {uid}",
                region,
                rng.choice(DISTRICTS),
                f"№{uid % 97 + 1} ауылдық кітапхана",
                "кітапханашы",
                "rural" if rng.random() < 0.6 else "urban",
                stamp,
                stamp,
                stamp,
                stamp,
                stamp if uid in blocked else None,
            )
        )
    conn.executemany(
        """
        INSERT INTO users (telegram_id, language, full_name, region, district, library, position, settlement,
                           consent_at, registered_at, created_at, updated_at, blocked_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (telegram_id) DO NOTHING
        """,
        people,
    )
    conn.executemany(
        "INSERT INTO enrolments (cohort_id, user_id, status, enrolled_at) VALUES (?, ?, 'active', ?)",
        [(cohort_id, uid, stamp) for uid in user_ids],
    )
    # Planned already (the rows are below), so a running bot's delivery tick leaves them be.
    conn.executemany(
        "INSERT INTO delivery_plans (cohort_id, user_id, enrolled_at, planned_at) VALUES (?, ?, ?, ?)",
        [(cohort_id, uid, stamp, stamp) for uid in user_ids],
    )
    if curator_id is not None:
        conn.execute(
            "INSERT INTO users (telegram_id, language, full_name, created_at, updated_at) VALUES (?, 'kk', ?, ?, ?) "
            "ON CONFLICT (telegram_id) DO NOTHING",
            (curator_id, "Куратор Әсел", stamp, stamp),
        )
    reviewer = curator_id or 1
    released = [lesson for lesson in course.lessons if lesson_release(start, lesson, zone) <= now]
    # How keen each learner is: a keen one does nearly everything, a lagging one little.
    keen = {uid: rng.random() for uid in user_ids}

    deliveries = []
    for lesson in course.lessons:
        due = lesson_release(start, lesson, zone).astimezone(UTC)
        for uid in user_ids:
            if lesson in released:
                state = "unreachable" if uid in blocked and lesson.number > 1 else "sent"
                sent = to_db(due + timedelta(seconds=rng.randint(1, 300))) if state == "sent" else None
            else:
                state, sent = "planned", None
            deliveries.append((cohort_id, uid, lesson.key, "lesson", to_db(due), state, stamp, stamp, sent))
            if lesson.homework:
                deliveries.append(
                    (cohort_id, uid, lesson.homework.key, "homework", to_db(due), state, stamp, stamp, sent)
                )
    conn.executemany(
        """
        INSERT INTO deliveries (cohort_id, user_id, item_key, kind, due_at, state, planned_at, updated_at, sent_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        deliveries,
    )

    submission_id = conn.execute("SELECT COALESCE(MAX(id), 0) FROM submissions").fetchone()[0]
    submissions, reviews = [], []
    for lesson in released:
        if lesson.homework is None:
            continue
        released_at = lesson_release(start, lesson, zone).astimezone(UTC)
        deadline = homework_deadline(start, lesson, lesson.homework, zone).astimezone(UTC)
        for uid in user_ids:
            if uid in blocked or rng.random() > 0.25 + 0.7 * keen[uid]:
                continue
            late = rng.random() < 0.12
            handed = (
                deadline + timedelta(hours=rng.randint(1, 30))
                if late
                else released_at + timedelta(hours=rng.randint(2, 40))
            )
            if handed > now:
                continue
            roll = rng.random()
            versions = (
                ["returned"]
                if roll < 0.08
                else ["returned", "accepted"]
                if roll < 0.2
                else ["waiting"]
                if roll < 0.35
                else ["accepted"]
            )
            for number, state in enumerate(versions, start=1):
                submission_id += 1
                decided = handed + timedelta(hours=rng.randint(1, 20)) if state != "waiting" else None
                if decided is not None and decided > now:
                    state, decided = "waiting", None
                submissions.append(
                    (
                        submission_id,
                        cohort_id,
                        uid,
                        lesson.homework.key,
                        number,
                        state,
                        int(late),
                        to_db(handed),
                        to_db(decided or handed),
                        to_db(handed),
                        to_db(decided) if decided else None,
                    )
                )
                if decided is not None:
                    score = rng.randint(5, lesson.homework.max_score) if lesson.homework.max_score else None
                    comment = "Жақсы жұмыс, рахмет!" if state == "accepted" else "Жоспарға мақсатты қосыңыз."
                    reviews.append((submission_id, reviewer, state, score, comment, to_db(decided)))
                handed = (decided or handed) + timedelta(hours=3)
                if state == "waiting":
                    break
    conn.executemany(
        """
        INSERT INTO submissions (id, cohort_id, user_id, item_key, version, state, late, opened_at, updated_at,
                                 submitted_at, decided_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        submissions,
    )
    conn.executemany(
        "INSERT INTO submission_reviews (submission_id, reviewer_id, decision, score, comment, decided_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        reviews,
    )

    attempt_id = conn.execute("SELECT COALESCE(MAX(id), 0) FROM quiz_attempts").fetchone()[0]
    attempts, answers = [], []
    for lesson in released:
        quiz = lesson.quiz
        if quiz is None:
            continue
        # Some questions are harder than others.
        difficulty = [rng.uniform(0.25, 0.95) for _ in quiz.questions]
        opened_at = lesson_release(start, lesson, zone).astimezone(UTC)
        for uid in user_ids:
            if uid in blocked or rng.random() > 0.3 + 0.65 * keen[uid]:
                continue
            for number in range(1, rng.choice((1, 1, 1, 2, 3)) + 1):
                attempt_id += 1
                begun = opened_at + timedelta(hours=rng.randint(1, 30), minutes=number * 20)
                right = 0
                for q, question in enumerate(quiz.questions):
                    correct = rng.random() < difficulty[q] * (0.7 + 0.4 * keen[uid])
                    option = question.correct if correct else (question.correct + 1) % len(question.options)
                    right += correct
                    answers.append((attempt_id, q, option, int(correct), f"p{attempt_id}-{q}", to_db(begun)))
                attempts.append(
                    (
                        attempt_id,
                        cohort_id,
                        uid,
                        version_id,
                        quiz.key,
                        number,
                        "finished",
                        len(quiz.questions),
                        "[]",
                        len(quiz.questions),
                        right,
                        to_db(begun),
                        to_db(begun),
                        to_db(begun + timedelta(minutes=5)),
                    )
                )
    conn.executemany(
        """
        INSERT INTO quiz_attempts (id, cohort_id, user_id, version_id, quiz_key, number, state, questions,
                                   option_order, asked, right_answers, started_at, active_at, finished_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        attempts,
    )
    conn.executemany(
        "INSERT INTO quiz_answers (attempt_id, question, option, correct, poll_id, answered_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        answers,
    )

    questionnaire = course.questionnaire
    if questionnaire is not None and released and released[-1] is course.lessons[-1]:
        responses, answered = [], []
        for uid in user_ids:
            if uid in blocked or rng.random() > 0.2 + 0.75 * keen[uid]:
                continue
            given: dict[str, object] = {}
            for item in questionnaire.items:
                if item.kind == "scale":
                    given[item.id] = min(5, max(1, round(rng.gauss(3.6 + keen[uid], 0.8))))
                elif item.kind == "single":
                    given[item.id] = rng.randrange(len(item.options))
                elif item.kind == "multiple":
                    given[item.id] = sorted(rng.sample(range(len(item.options)), 2))
                else:
                    given[item.id] = rng.choice([None, "Көбірек практика керек.", "Бәрі ұнады, рахмет!"])
            day = (now - timedelta(days=rng.randint(0, 2))).date().isoformat()
            who = None if questionnaire.anonymous else uid
            responses.append((secrets.token_hex(8), cohort_id, "Q", who, day, json.dumps(given, ensure_ascii=False)))
            answered.append((cohort_id, uid, "Q", day))
        conn.executemany(
            "INSERT INTO survey_responses (id, cohort_id, item_key, user_id, answered_on, answers) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            responses,
        )
        conn.executemany(
            "INSERT INTO survey_answered (cohort_id, user_id, item_key, answered_on) VALUES (?, ?, ?, ?)", answered
        )

    assessment = course.self_assessment
    if assessment is not None:
        rows = []
        finished = bool(released) and released[-1] is course.lessons[-1]
        for uid in user_ids:
            base = [rng.randint(1, 3) for _ in assessment.statements]
            if rng.random() < 0.9:
                rows.append((cohort_id, uid, "before", json.dumps({f"s{i + 1}": v for i, v in enumerate(base)}), stamp))
            if finished and uid not in blocked and rng.random() < 0.3 + 0.6 * keen[uid]:
                after = {f"s{i + 1}": min(5, v + rng.randint(0, 2)) for i, v in enumerate(base)}
                rows.append((cohort_id, uid, "after", json.dumps(after), stamp))
        conn.executemany(
            "INSERT INTO self_assessments (cohort_id, user_id, phase, ratings, answered_at) VALUES (?, ?, ?, ?, ?)",
            rows,
        )

    quizzes = [lesson.quiz for lesson in released if lesson.quiz]
    if live_game and quizzes and user_ids:
        quiz = quizzes[0]
        began = lesson_release(start, released[-1], zone).astimezone(UTC) + timedelta(hours=2)
        game = conn.execute(
            """
            INSERT INTO live_games (cohort_id, version_id, quiz_key, host_user_id, mode, state, open_period, question,
                                    created_at, started_at, ended_at)
            VALUES (?, ?, ?, ?, 'private', 'finished', 20, ?, ?, ?, ?)
            """,
            (
                cohort_id,
                version_id,
                quiz.key,
                reviewer,
                len(quiz.questions) - 1,
                to_db(began),
                to_db(began),
                to_db(began),
            ),
        ).lastrowid
        players = [uid for uid in user_ids if uid not in blocked][: min(len(user_ids), 200)]
        conn.executemany(
            "INSERT INTO live_players (game_id, user_id, joined_at) VALUES (?, ?, ?)",
            [(game, uid, to_db(began)) for uid in players],
        )
        conn.executemany(
            """
            INSERT INTO live_answers (game_id, question, user_id, option, correct, seconds, points, answered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                (game, q, uid, 0, int(ok), round(rng.uniform(1, 19), 2), 500 + int(ok) * 400, to_db(began))
                for uid in players
                for q in range(len(quiz.questions))
                for ok in [rng.random() < 0.6]
            ],
        )
    _completions(conn, rng, course, cohort_id, user_ids, stamp)
    return Simulated(len(user_ids), len(blocked), len(released))


def _completions(
    conn: sqlite3.Connection, rng: random.Random, course: Course, cohort_id: int, user_ids: list[int], stamp: str
) -> None:
    """Who has every homework accepted and the questionnaire answered completed the course and
    holds a certificate (a few of them revoked, as happens)."""
    homework = [lesson.homework.key for lesson in course.lessons if lesson.homework is not None]
    placeholders = ",".join("?" * len(homework))
    ours = set(user_ids)
    done = [
        uid
        for (uid,) in conn.execute(
            f"""
            SELECT e.user_id FROM enrolments e
             WHERE e.cohort_id = ? AND e.status = 'active'
               AND (SELECT COUNT(DISTINCT s.item_key) FROM submissions s
                     WHERE s.cohort_id = e.cohort_id AND s.user_id = e.user_id AND s.state = 'accepted'
                       AND s.item_key IN ({placeholders})) = ?
               AND (? = 0 OR EXISTS (SELECT 1 FROM survey_answered a
                                      WHERE a.cohort_id = e.cohort_id AND a.user_id = e.user_id))
            """,
            (cohort_id, *homework, len(homework), int(course.questionnaire is not None)),
        )
        if uid in ours
    ]
    conn.executemany(
        "INSERT INTO completions (cohort_id, user_id, completed_at, notified_at) VALUES (?, ?, ?, ?)",
        [(cohort_id, uid, stamp, stamp) for uid in done],
    )
    conn.executemany(
        """
        INSERT INTO certificates (number, cohort_id, user_id, languages, full_name, hours, issued_at, status)
        SELECT ?, ?, ?, 'kk', COALESCE(full_name, ''), ?, ?, ? FROM users WHERE telegram_id = ?
        """,
        [
            (
                f"OQU-SIM-{cohort_id}-{uid}",
                cohort_id,
                uid,
                course.hours,
                stamp,
                "revoked" if rng.random() < 0.03 else "valid",
                uid,
            )
            for uid in done
        ],
    )
