"""Live quiz benchmark: a live quiz in private chats with 300 players and 5 questions, at
Telegram's own limits, through the emulator.

    python -m bench.livequiz                 # 300 players, 5 questions, 30 messages/s (~5 min)
    python -m bench.livequiz --players 50    # a quicker look

The bot runs as ``python -m bot`` in its own process, unchanged, against the Bot API emulator in
this process, which answers 429 beyond 30 messages a second overall or one a second per chat.
An organizer (a fake user of the emulator) sends /livequiz, picks the cohort, the quiz and
"private chats", 300 fake librarians press "I'm in", the organizer presses Start; each player
answers each question 0.5 to 4 s after their copy arrived (right four times in five).

Reported per question: the time from the moment the question is launched (the host's press of
Start for the first; the arrival of the host's "Question n is on", sent just before the copies
are handed to the sender, for the others) to the last player's copy, and from the first copy to
the last, against the physical bound of 300 / 30 = 10 s;
answers recorded (of those given: must be all); 429s (must be 0); the bot's peak RSS (VmHWM).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import signal
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import aiosqlite

from bot import PROJECT_ROOT
from storage.db import Database
from storage.users import UserRepository
from tests.auxil.delivery_setup import add_learners, import_version, make_cohort, write_course
from tests.auxil.emulator import BotAPIEmulator
from tests.auxil.emulator_core import Params
from tests.auxil.emulator_models import BotMessage

HOST = 900_001
FIRST = 2_000_000
QUESTIONS = 5


def course_yaml(open_period: int) -> str:
    questions = "\n".join(
        f"""      - question: "Сұрақ {n}: қай жауап дұрыс?"
        options: ["Бірінші {n}", "Екінші {n}", "Үшінші {n}", "Төртінші {n}"]
        correct: {n % 4 + 1}"""
        for n in range(1, QUESTIONS + 1)
    )
    return f"""
code: bench-live
languages: [kk]
title: Тікелей тест сынағы
hours: 1
lessons:
  - day: 1
    time: "10:00"
    title: Сабақ
    materials:
      - text: Сәлем.
live_quizzes:
  - title: Библиографиялық ойын
    open_period: {open_period}
    questions:
{questions}
"""


class TimedEmulator(BotAPIEmulator):
    """The emulator, noting when each send was accepted and each 429 answered."""

    def __init__(self) -> None:
        super().__init__()
        self.accepted: list[float] = []
        self.refused: list[tuple[float, int | None]] = []  # when, and to which chat

    def _apply_limits(self, params: Params) -> None:
        now = time.monotonic()
        try:
            super()._apply_limits(params)
        except Exception:
            self.refused.append((now, params.get_int("chat_id")))
            raise
        self.accepted.append(now)


async def prepare(folder: Path, players: int, open_period: int) -> Path:
    database = folder / "bot.sqlite3"
    db = await Database.open(database)
    try:
        now = datetime.now(UTC)
        course = write_course(folder / "course", course_yaml(open_period))
        version = await import_version(db, course, folder / "files")
        # The course starts tomorrow: no lesson is due, so the sender carries the game alone.
        start = now.astimezone(ZoneInfo("Asia/Almaty")).date() + timedelta(days=1)
        cohort = await make_cohort(db, version, start, now, name="Сынақ ағыны")
        await add_learners(db, cohort, range(FIRST, FIRST + players), now, languages=("kk",))
        await UserRepository(db).set_language(HOST, "en", now)
    finally:
        await db.close()
    return database


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def count(database: Path, sql: str) -> int:
    async with aiosqlite.connect(database) as conn, conn.execute(sql) as cursor:
        row = await cursor.fetchone()
        return int(row[0]) if row else 0


async def until(check, what: str, seconds: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"not within {seconds} s: {what}")
        await asyncio.sleep(0.05)


async def run(folder: Path, players: int, rate: int, open_period: int) -> dict[str, object]:
    database = await prepare(folder, players, open_period)
    rng = random.Random(7)
    async with TimedEmulator() as emu:
        host = emu.user(HOST, first_name="Dana", language_code="en")
        people = [emu.user(FIRST + n, language_code="kk") for n in range(players)]
        emu.enforce_limits(per_second_overall=rate, per_chat_interval=1.0)
        env = {k: v for k, v in os.environ.items() if k not in {"ADMIN_IDS"}}
        env.update(
            PYTHONPATH=str(PROJECT_ROOT),
            BOT_TOKEN=emu.token,
            TELEGRAM_API_URL=emu.base_url,
            DATABASE_PATH=str(database),
            ADMIN_IDS=str(HOST),
            SEND_RATE=str(rate),
            QUIET_HOURS="off",
            LOG_LEVEL="WARNING",
            POLLING_TIMEOUT="10",
        )
        log = (folder / "bot.log").open("w")
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", env=env, cwd=folder, stdout=log, stderr=log
        )
        answered = 0
        voting: list[asyncio.Task[None]] = []

        async def answer_later(person, poll: BotMessage) -> None:  # type: ignore[no-untyped-def]
            nonlocal answered
            await asyncio.sleep(rng.uniform(0.5, 4.0))
            assert poll.poll is not None
            right = int(poll.poll["correct_option_id"])
            await person.vote(poll, right if rng.random() < 0.8 else (right + 1) % 4)
            answered += 1

        try:
            # The host is a person: a second between presses (the emulator, like Telegram, refuses
            # more than one message a second to a chat, and each press brings one).
            await host.send_text("/livequiz")
            await until(lambda: bool(host.messages) and "Live quiz" in host.messages[-1].text, "the cohorts", 60)
            await asyncio.sleep(1.2)
            await host.click("Сынақ ағыны", message=host.messages[-1])
            await until(lambda: "Which quiz?" in host.messages[-1].text, "the quizzes", 30)
            await asyncio.sleep(1.2)
            await host.click("Библиографиялық ойын", message=host.messages[-1])
            await until(lambda: "where do the players" in host.messages[-1].text, "the modes", 30)
            await asyncio.sleep(1.2)
            await host.click("💬 In private chats", message=host.messages[-1])
            await until(lambda: "Lobby" in host.messages[-1].text, "the lobby", 30)
            lobby = host.messages[-1]
            invited = time.monotonic()
            await until(lambda: all(p.messages for p in people), "every invitation", 10 + 3 * players / rate)
            invitations = time.monotonic() - invited
            for person in people:
                await person.click("🙋 Қатысамын", message=person.messages[-1])
            await until(lambda: f"Players in: <b>{players}</b>" in lobby.html, "everyone in the lobby", 60)
            await asyncio.sleep(1.2)
            pressed = time.monotonic()
            await host.click("▶️ Start", message=lobby)
            fanout: list[float] = []
            first_to_last: list[float] = []
            for number in range(QUESTIONS):
                # The host's "Question n is on" goes out first, as the copies are handed over.
                label = f"Question {number + 1} of {QUESTIONS} is on"
                await until(lambda lab=label: any(lab in m.text for m in host.messages), label, 180)
                launched = pressed if number == 0 else time.monotonic()
                first_seen: float | None = None

                def polls_in(person, n=number) -> list[BotMessage]:  # type: ignore[no-untyped-def]
                    return [m for m in person.messages if m.kind == "poll"][n : n + 1]

                seen: set[int] = set()
                while len(seen) < players:
                    for person in people:
                        if person.id in seen:
                            continue
                        found = polls_in(person)
                        if found:
                            first_seen = first_seen or time.monotonic()
                            seen.add(person.id)
                            voting.append(asyncio.create_task(answer_later(person, found[0])))
                    if time.monotonic() - launched > 60 + 3 * players / rate:
                        raise RuntimeError(f"question {number + 1} reached {len(seen)} of {players}")
                    await asyncio.sleep(0.02)
                fanout.append(time.monotonic() - launched)
                first_to_last.append(time.monotonic() - (first_seen or launched))
            await asyncio.gather(*voting)
            await until(lambda: all("орныңыз" in p.messages[-1].text for p in people), "the final places", 120)
            await asyncio.sleep(2)
            peak = peak_rss_mb(process.pid)
            recorded = await count(database, "SELECT count(*) FROM live_answers")
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), 30)
        finally:
            if process.returncode is None:
                process.kill()
            log.close()
        bound = players / rate
        return {
            "players": players,
            "questions": QUESTIONS,
            "limit_per_second": rate,
            "open_period_s": open_period,
            "invitations_seconds": round(invitations, 1),
            "press_to_last_copy_seconds": [round(s, 1) for s in fanout],
            "first_to_last_copy_seconds": [round(s, 1) for s in first_to_last],
            "physical_bound_seconds": round(bound, 1),
            "answers_given": answered,
            "answers_recorded": recorded,
            "http_429": emu.stats["rate_limited"],
            "http_429_at": [
                {"seconds_after_start": round(t - pressed, 1), "chat": "host" if chat == HOST else "player"}
                for t, chat in emu.refused
            ],
            "bot_peak_rss_mb": round(peak, 1),
            "messages_sent": len(emu.accepted),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--players", type=int, default=300)
    parser.add_argument("--rate", type=int, default=30, help="overall limit, messages per second (30 = Telegram)")
    parser.add_argument("--open-period", type=int, default=20, help="seconds per question")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="oqu-bench-live-"))
    result = asyncio.run(run(folder, args.players, args.rate, args.open_period))
    shutil.rmtree(folder)  # kept only when the run fails: bot.log is in it
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
