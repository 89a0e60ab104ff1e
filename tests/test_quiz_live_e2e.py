"""End to end: the real bot polling the emulated Bot API; an organizer binds the cohort's group,
runs a live quiz there with /livequiz, three librarians join and answer, and everyone sees the
leaderboards, the podium and their own place."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.quizzes.live import LiveQuizService
from bot.telegram.callbacks import LiveHostCb
from storage.db import Database
from storage.users import UserRepository
from tests.auxil.delivery_setup import add_learners, import_version, make_cohort, write_course
from tests.auxil.emulator import BotAPIEmulator
from tests.auxil.emulator_models import BotMessage
from tests.test_e2e_delivery import DeliveryBot
from tests.test_quiz_live import LIVE
from tests.test_quizzes import COURSE

ALMATY = ZoneInfo("Asia/Almaty")
HOST = 900001
PLAYERS = {4201: "Айгүл Серікова", 4202: "Мария Иванова", 4203: "Дана Ахметова"}
GROUP = -1003000000001


async def until(check, what: str, seconds: float = 30) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"not within {seconds} s: {what}")


def polls(messages: list[BotMessage]) -> list[BotMessage]:
    return [m for m in messages if m.kind == "poll"]


async def test_an_organizer_runs_a_live_quiz_in_the_cohort_group(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    db = await Database.open(path)
    try:
        now = datetime.now(UTC)
        folder = write_course(tmp_path / "course", COURSE % {"attempts": 3, "shuffle": "false"} + LIVE)
        version = await import_version(db, folder, path.parent / "files")
        cohort = await make_cohort(db, version, now.astimezone(ALMATY).date() - timedelta(days=1), now, name="Ауыл")
        await add_learners(db, cohort, list(PLAYERS), now, languages=("kk",))
        for uid, name in PLAYERS.items():
            await db.execute("UPDATE users SET full_name = ? WHERE telegram_id = ?", (name, uid))
        await UserRepository(db).set_language(HOST, "en", now)
    finally:
        await db.close()

    async with BotAPIEmulator() as emu:
        overrides = {"send_chat_interval": 0.05, "quiet_hours": "off", "send_group_per_minute": 60}
        bot = DeliveryBot(emu, path, str(HOST), overrides=overrides)
        await bot.start()
        try:
            host = emu.user(HOST, first_name="Dana", language_code="en")
            players = {
                uid: emu.user(uid, first_name=name.split()[0], language_code="kk") for uid, name in PLAYERS.items()
            }
            group = emu.group(GROUP, "Ауыл кітапханалары")
            live: LiveQuizService = bot.app.dp["live"]
            live.grace, live.pause = 0.5, 0.5

            # The organizer binds the group: /bindgroup there, and the cohort's button.
            await group.send_text(host, "/bindgroup")
            await until(lambda: bool(group.messages) and group.messages[-1].button_labels == ["Ауыл"], "the cohorts")
            await host.click("Ауыл", message=group.messages[-1])
            # ... and what the group is for (the same message, edited).
            await until(lambda: "🎯 Live quizzes" in group.messages[-1].button_labels, "the purposes")
            await host.click("🎯 Live quizzes", message=group.messages[-1])
            await until(lambda: "✅ This group is now the group of «Ауыл»" in group.messages[-1].text, "bound")

            # /livequiz in private: the cohort, the quiz, the group.
            await host.send_text("/livequiz")
            await host.click("Ауыл", message=await host.expect("Live quiz"))
            pick = await host.expect("Which quiz?")
            assert pick.button_labels == ["Bibliographic game", "The club's aim", "Lesson two"]
            await host.click("Bibliographic game", message=pick)
            modes = await host.expect("where do the players answer?")
            assert modes.button_labels == ["👥 In the group", "💬 In private chats"]
            await host.click("👥 In the group", message=modes)
            lobby = await host.expect("Lobby of the live quiz «Bibliographic game» (in the group)")
            assert "Players in: 0" in lobby.text and lobby.button_labels == ["▶️ Start", "✖️ Cancel"]

            await until(lambda: group.messages[-1].button_labels == ["🙋 Қатысамын"], "the invitation in the group")
            invite = group.messages[-1]
            assert "тікелей тесті басталғалы жатыр" in invite.text and invite.button_labels == ["🙋 Қатысамын"]
            for player in players.values():
                answer = await player.click("🙋 Қатысамын", message=invite)
                assert (await player.wait_callback_answer(answer)).text.startswith("🙋 Сіз ойындасыз!")
            await until(lambda: "Players in: 3" in lobby.text, "the lobby count follows the joins")

            # A player cannot press the host's buttons; a second /livequiz in the group is refused.
            forged = await players[4201].click_data(LiveHostCb(action="start", game_id=1).pack())
            assert (await players[4201].wait_callback_answer(forged)).text.startswith("⛔ Кешіріңіз")

            await host.click("▶️ Start", message=lobby)
            await group.send_text(host, "/livequiz")
            await until(lambda: "already going in this group" in group.messages[-1].text, "the second /livequiz")

            # Two questions; Айгүл is fastest, Мария second, Дана wrong on the first.
            for number in range(2):
                await until(lambda n=number: len(polls(group.messages)) > n, f"question {number + 1}")
                poll = polls(group.messages)[-1]
                assert poll.poll is not None and poll.poll["open_period"] == 5
                right = int(poll.poll["correct_option_id"])
                for uid in (4201, 4202, 4203):
                    wrong = uid == 4203 and number == 0
                    await players[uid].vote(poll, (right + 1) % len(poll.poll["options"]) if wrong else right)
                    await asyncio.sleep(0.3)
                await until(lambda n=number: sum("Алғашқы бестік" in m.text for m in group.messages) > n, "results")

            await until(lambda: group.messages[-1].text.startswith("🏁"), "the podium")
            podium = group.messages[-1].text.split("\n")
            assert [line.split(":")[0] for line in podium[1:]] == ["🥇 Айгүл С.", "🥈 Мария И.", "🥉 Дана А."]
            await until(lambda: "Сіздің орныңыз" in players[4203].messages[-1].text, "own places")
            assert players[4201].messages[-1].text.startswith("Сіздің орныңыз: 1 (3 қатысушы ішінде)")
            assert players[4203].messages[-1].text.startswith("Сіздің орныңыз: 3 (3 қатысушы ішінде)")
            await until(lambda: "All players (3):" in host.messages[-1].text, "the host's board")
            print("\n" + emu.transcript(GROUP))
        finally:
            await bot.stop()
