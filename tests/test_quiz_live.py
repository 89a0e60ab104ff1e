"""The live quiz below the chat: a game in private chats with 50 players and in a group with 30,
players answering at different moments, points and leaderboards, the host's controls, what is
refused. The real sender talks to the Bot API emulator; points run on the real clock (a
question's time is Telegram's minimum, 5 s)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

import pytest

from bot.clock import FrozenClock, SystemClock
from bot.config import Settings
from bot.courses.loading import load_course
from bot.delivery.service import DeliveryService
from bot.i18n import Translator
from bot.quizzes.live import CreateOutcome, HostOutcome, JoinOutcome, LiveQuizService
from bot.quizzes.live_model import points, ranked, short_name
from storage.db import Database
from tests.auxil.delivery_setup import add_learners, delivery_rig, import_version, make_cohort, write_course
from tests.auxil.emulator import BotAPIEmulator
from tests.auxil.emulator_models import BotMessage
from tests.test_quizzes import COURSE

HOST = 700
GROUP_CHAT = -1002000000001
LIVE = """
live_quizzes:
  - title: {kk: Библиографиялық ойын, ru: Библиографическая игра, en: Bibliographic game}
    open_period: 5
    questions:
      - question: {kk: "ӘОЖ деген не?", ru: "Что такое УДК?", en: "What is UDC?"}
        options: [{kk: Жіктеу, ru: Классификация, en: A classification}, {kk: Журнал, ru: Журнал, en: A journal}]
        correct: 1
      - question: {kk: "ISBN неше цифр?", ru: "Сколько цифр в ISBN?", en: "How many digits in an ISBN?"}
        options: ["10", "13", "16"]
        correct: 2
"""


def test_points_fall_with_time_and_a_wrong_answer_gets_none() -> None:
    assert points(True, 0, 20) == 1000
    assert points(True, 10, 20) == 750
    assert points(True, 20, 20) == 500
    assert points(True, 35, 20) == 500  # late answers that still counted: the floor
    assert points(False, 1, 20) == 0
    assert short_name("Айгүл Серікова") == "Айгүл С." and short_name("Дана") == "Дана" and short_name(None) == "—"
    places = ranked([(1, "A", 900, 1), (2, "B", 1500, 2), (3, "C", 900, 1), (4, "D", 0, 0)])
    assert [(p.place, p.user_id) for p in places] == [(1, 2), (2, 1), (2, 3), (4, 4)]


def test_live_quizzes_are_read_from_course_yaml(tmp_path: Path) -> None:
    folder = write_course(tmp_path / "c", COURSE % {"attempts": 3, "shuffle": "false"} + LIVE)
    course = load_course(folder).course
    assert course is not None
    [live] = course.live_quizzes
    assert (live.key, live.open_period, len(live.questions)) == ("LQ1", 5, 2)

    bad = write_course(
        tmp_path / "d", COURSE % {"attempts": 3, "shuffle": "false"} + LIVE.replace("open_period: 5", "open_period: 3")
    )
    result = load_course(bad)
    assert [(e.path, e.code) for e in result.errors] == [("live_quizzes[0].open_period", "out-of-range")]


@pytest.fixture
def fast(settings: Settings) -> Settings:
    return settings.model_copy(update={"send_chat_interval": 0.01, "send_rate": 300, "send_group_per_minute": 60})


@asynccontextmanager
async def game_rig(
    db: Database, tmp_path: Path, clock: FrozenClock, fast: Settings, translator: Translator, learners: range
) -> AsyncIterator[tuple[LiveQuizService, DeliveryService, BotAPIEmulator, int]]:
    folder = write_course(tmp_path / "course", COURSE % {"attempts": 3, "shuffle": "false"} + LIVE)
    version = await import_version(db, folder, tmp_path / "files")
    cohort_id = await make_cohort(db, version, date(2026, 4, 15), clock.now())
    await add_learners(db, cohort_id, list(learners), clock.now(), languages=("kk",))
    for k, uid in enumerate(learners):  # names that differ in the first name and the surname's initial
        await db.execute("UPDATE users SET full_name = ? WHERE telegram_id = ?", (f"Қатысушы{k:02d} Әлиева", uid))
    async with delivery_rig(db, fast, clock, translator) as (delivery, emu):
        for uid in [*learners, HOST, 999]:
            emu.user(uid)
        live = LiveQuizService(
            db, fast, translator, SystemClock(), delivery.courses, lambda: delivery.sender, grace=0.5, pause=0.2
        )
        try:
            yield live, delivery, emu, cohort_id
        finally:
            await live.shutdown()


def final_top(texts: list[str]) -> list[str]:
    """The top three of the last question's leaderboard: the podium must agree with it."""
    last = [t for t in texts if "Алғашқы бестік" in t][-1]
    return last.split("Алғашқы бестік:\n")[1].split("\n")[:3]


def last_poll(messages: list[BotMessage]) -> BotMessage:
    return [m for m in messages if m.kind == "poll"][-1]


async def wait_for(check, what: str, seconds: float = 30) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"not within {seconds} s: {what}")


async def test_fifty_players_in_private_chats_get_their_points_and_places(
    db: Database, tmp_path: Path, clock: FrozenClock, fast: Settings, translator: Translator
) -> None:
    players = range(1001, 1051)
    async with game_rig(db, tmp_path, clock, fast, translator, players) as (live, delivery, emu, cohort_id):
        outcome, game = await live.create(cohort_id, HOST, "LQ1", "private")
        assert outcome is CreateOutcome.CREATED and game is not None
        assert (await live.create(cohort_id, HOST, "LQ1", "private"))[0] is CreateOutcome.BUSY
        await delivery.idle()
        invite = emu.user(1001).messages[-1]
        assert invite.text.startswith("🎮 «Библиографиялық ойын» тікелей тесті басталғалы жатыр: 2 сұрақ")
        assert invite.button_labels == ["🙋 Қатысамын"]

        assert await live.begin(game.id, HOST) is HostOutcome.NO_PLAYERS
        for uid in players:
            assert (await live.join(game.id, uid))[0] is JoinOutcome.JOINED
        assert (await live.join(game.id, 1001))[0] is JoinOutcome.ALREADY
        assert (await live.join(game.id, 999))[0] is JoinOutcome.NOT_A_LEARNER
        assert await live.begin(game.id, 1001) is HostOutcome.NOT_HOST
        assert await live.begin(game.id, HOST) is HostOutcome.DONE
        assert (await live.join(game.id, 1002))[0] is JoinOutcome.CLOSED

        for number in range(2):
            await wait_for(
                lambda n=number: all(sum(m.kind == "poll" for m in emu.user(uid).messages) > n for uid in players),
                f"question {number + 1} reaches everyone",
            )
            # Player k answers k × 40 ms after the question reached them: the earlier, the more
            # points. Every fifth answers wrong, the last five not at all.
            for k, uid in enumerate(players):
                if k >= 45:
                    continue
                poll = last_poll(emu.user(uid).messages)
                assert poll.poll is not None
                right = int(poll.poll["correct_option_id"])
                choice = right if k % 5 else (right + 1) % len(poll.poll["options"])
                await emu.user(uid).vote(poll, choice)
                assert await live.answer(poll.poll["id"], uid, [choice])
                await asyncio.sleep(0.04)

        await wait_for(
            lambda: "орныңыз" in emu.user(1050).messages[-1].text, "the final standings reach the last player"
        )
        await delivery.idle()

    rows = await db.fetchall("SELECT user_id, sum(points) AS p FROM live_answers GROUP BY user_id ORDER BY p DESC")
    assert len(rows) == 45 and await db.fetchval("SELECT count(*) FROM live_answers") == 90
    ranked_ids = [r["user_id"] for r in rows if r["p"] > 0]
    right_players = [uid for k, uid in enumerate(players) if k < 45 and k % 5]
    assert ranked_ids == right_players, "earlier right answers must rank higher"
    first = emu.user(right_players[0]).messages[-1].text
    assert first.startswith("🏁 «Библиографиялық ойын» тікелей тесті аяқталды!\n🥇 Қатысушы01 Әлиева: ")
    assert first.endswith("Сіздің орныңыз: 1 (50 қатысушы ішінде), " + first.split(": ")[1].split("\n")[0] + " ұпай.")
    host = emu.user(HOST).messages
    assert any("❓ Сұрақ 1/2 жүріп жатыр." in m.text for m in host)
    assert any("Барлық қатысушылар (50):" in m.text for m in host)
    summary = next(m.text for m in emu.user(right_players[0]).messages if "Алғашқы бестік" in m.text)
    assert summary.startswith("🎉 Дұрыс: +") and "50 қатысушының 36 қатысушысы дұрыс жауап берді." in summary
    state = await db.fetchval("SELECT state FROM live_games WHERE id = ?", (game.id,))
    assert state == "finished"


async def test_thirty_players_in_the_group_see_one_leaderboard_in_the_right_order(
    db: Database, tmp_path: Path, clock: FrozenClock, fast: Settings, translator: Translator
) -> None:
    players = range(2001, 2031)
    async with game_rig(db, tmp_path, clock, fast, translator, players) as (live, delivery, emu, cohort_id):
        group = emu.group(GROUP_CHAT)
        assert (await live.create(cohort_id, HOST, "LQ1", "group"))[0] is CreateOutcome.NO_GROUP
        await live.repo.bind_group(cohort_id, GROUP_CHAT, HOST, clock.now())
        outcome, game = await live.create(cohort_id, HOST, "LQ1", "group")
        assert outcome is CreateOutcome.CREATED and game is not None
        await delivery.idle()
        assert [m.button_labels for m in group.messages] == [["🙋 Қатысамын"]]
        assert not [m for uid in players for m in emu.user(uid).messages]  # no private invitations
        for uid in players:
            await live.join(game.id, uid)
        assert await live.begin(game.id, HOST) is HostOutcome.DONE

        for number in range(2):
            await wait_for(
                lambda n=number: sum(m.kind == "poll" for m in group.messages) > n, "the question in the group"
            )
            poll = last_poll(group.messages)
            assert poll.poll is not None and poll.poll["open_period"] == 5 and not poll.poll["is_anonymous"]
            right = int(poll.poll["correct_option_id"])
            for k, uid in enumerate(players):  # in order, 30 ms apart; the last three wrong
                choice = right if k < 27 else (right + 1) % len(poll.poll["options"])
                await emu.user(uid).vote(poll, choice)
                await live.answer(poll.poll["id"], uid, [choice])
                await asyncio.sleep(0.03)

        await wait_for(lambda: "🏁" in group.messages[-1].text, "the podium in the group")
        await delivery.idle()
        texts = [m.text for m in group.messages]
    after_first = next(t for t in texts if "Алғашқы бестік" in t)
    assert "30 қатысушының 27 қатысушысы дұрыс жауап берді." in after_first
    top = after_first.split("Алғашқы бестік:\n")[1].split("\n")
    assert [line.split(": ")[0] for line in top] == [f"{k + 1}. Қатысушы{k:02d} Ә." for k in range(5)]
    podium = texts[-1].split("\n")
    assert podium[1:] == [
        line.replace(f"{k + 1}. ", medal + " ")
        for k, (line, medal) in enumerate(zip(final_top(texts), "🥇🥈🥉", strict=False))
    ]
    order = await db.fetchall("SELECT user_id, sum(points) AS p FROM live_answers GROUP BY user_id ORDER BY p DESC")
    assert [r["user_id"] for r in order][:27] == list(range(2001, 2028))
    assert all(r["p"] == 0 for r in order[27:])
    own = emu.user(2001).messages[-1].text
    assert own.startswith("Сіздің орныңыз: 1 (30 қатысушы ішінде)")


async def test_the_host_skips_and_stops_and_a_restart_stops_what_was_going(
    db: Database, tmp_path: Path, clock: FrozenClock, fast: Settings, translator: Translator
) -> None:
    players = range(3001, 3004)
    async with game_rig(db, tmp_path, clock, fast, translator, players) as (live, delivery, emu, cohort_id):
        _, game = await live.create(cohort_id, HOST, "L1.quiz", "private")  # a lesson's quiz, played live
        assert game is not None and game.open_period == 20
        for uid in players:
            await live.join(game.id, uid)
        assert await live.begin(game.id, HOST) is HostOutcome.DONE
        await wait_for(lambda: all(last_poll_or_none(emu.user(uid).messages) for uid in players), "question 1")
        assert await live.skip(game.id, 3001) is HostOutcome.NOT_HOST
        assert await live.skip(game.id, HOST) is HostOutcome.DONE  # closed long before its 20 s
        await wait_for(lambda: "Алғашқы бестік" in emu.user(3001).messages[-1].text, "the results of question 1")
        assert emu.user(3001).messages[-1].text.startswith("⌛ Жауап жоқ: 0 ұпай.")
        await wait_for(lambda: sum(m.kind == "poll" for m in emu.user(3001).messages) == 2, "question 2")
        assert await live.stop(game.id, HOST) is HostOutcome.DONE
        await wait_for(lambda: "орныңыз" in emu.user(3003).messages[-1].text, "the final places")
        assert await db.fetchval("SELECT state FROM live_games WHERE id = ?", (game.id,)) == "stopped"
        assert sum(m.kind == "poll" for m in emu.user(3001).messages) == 2  # no third question

        # A lobby left open when the bot stopped: the next start stops it and tells the host.
        _, waiting = await live.create(cohort_id, HOST, "LQ1", "private")
        assert waiting is not None
        again = LiveQuizService(db, fast, translator, SystemClock(), delivery.courses, lambda: delivery.sender)
        assert await again.recover() == 1
        await delivery.idle()
        assert await db.fetchval("SELECT state FROM live_games WHERE id = ?", (waiting.id,)) == "stopped"
        assert emu.user(HOST).messages[-1].text.startswith("⚠️ Тікелей тест кезінде бот қайта іске қосылды")
        assert (await live.join(waiting.id, 3001))[0] is JoinOutcome.CLOSED


def last_poll_or_none(messages: list[BotMessage]) -> BotMessage | None:
    found = [m for m in messages if m.kind == "poll"]
    return found[-1] if found else None
