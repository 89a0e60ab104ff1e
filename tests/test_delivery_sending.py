"""The dispatcher and the sender against the Bot API emulator: what learners get, and what
happens on 429, 403, 5xx, 400 and network errors. The clock is frozen; the sender's pacing
runs on real (short) intervals, and no test asserts on elapsed time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode

from bot.clock import FrozenClock, to_db
from bot.config import Settings
from bot.delivery.outgoing import OutMessage, SendJob
from bot.delivery.planning import ResumeMode
from bot.delivery.sender import ChatPacer, Sender, WindowLimiter
from bot.delivery.service import DeliveryService, ResendOutcome
from bot.i18n import Translator
from storage.db import Database
from storage.users import UserRepository
from tests.auxil.delivery_setup import (
    PDF,
    SAMPLE,
    add_learners,
    deliver,
    delivery_rig,
    import_version,
    make_cohort,
    write_course,
)
from tests.auxil.emulator import BotAPIEmulator, Upload

ALMATY = ZoneInfo("Asia/Almaty")
KK, RU, EN = 101, 102, 103


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(date(2026, 4, 14 + day), time(hour, minute), tzinfo=ALMATY).astimezone(UTC)


@pytest.fixture
def fast(settings: Settings) -> Settings:
    """Telegram's rules, at a pace that keeps tests short."""
    return settings.model_copy(update={"send_chat_interval": 0.02, "send_rate": 200})


@pytest.fixture
async def cohort(db: Database, tmp_path: Path, clock: FrozenClock, fast: Settings, translator: Translator) -> int:
    """The sample course from 15 April 2026 (lesson 1 is due now), learners in kk, ru, en."""
    version = await import_version(db, SAMPLE, tmp_path / "files")
    cohort_id = await make_cohort(db, version, date(2026, 4, 15), clock.now())
    await add_learners(db, cohort_id, [KK, RU, EN], clock.now())
    await DeliveryService(db, fast, translator, clock).planner.plan_cohort(cohort_id, clock.now())
    return cohort_id


async def states(db: Database, user_id: int) -> dict[str, tuple[str, str, str | None]]:
    rows = await db.fetchall(
        "SELECT item_key, kind, variant, state, message_ids, reason FROM deliveries WHERE user_id = ?"
        " AND state != 'planned'",
        (user_id,),
    )
    return {f"{r['item_key']}/{r['kind']}/{r['variant']}": (r["state"], r["message_ids"], r["reason"]) for r in rows}


def uploads(emu: BotAPIEmulator) -> int:
    return sum(isinstance(call.params.get("document"), Upload) for call in emu.calls if call.method == "sendDocument")


# ---------------------------------------------------------------------------- what arrives


async def test_a_lesson_reaches_each_learner_in_their_language(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    async with delivery_rig(db, fast, clock, translator) as (service, emu):
        people = {uid: emu.user(uid) for uid in (KK, RU, EN)}
        assert await deliver(service) == 6  # lesson 1 and its homework, for three learners
        kk = people[KK].messages
        assert [m.kind for m in kk] == ["text", "document", "text"]
        assert kk[0].text.startswith("1-сабақ. Заманауи кітапхана")
        assert kk[1].file.file_name == "checklist-kk.pdf" and "Тексеру парағы" in kk[1].text
        # Links become buttons under the lesson's last message, beside "send it again".
        assert kk[1].button_labels == ["IFLA сайты (ifla.org)", "🔁 Сабақты қайта жіберу"]
        assert "Тапсыру мерзімі:</b> 17.04.2026 09:00" in kk[2].html
        assert "мәтін, сурет, құжат" in kk[2].text
        assert people[RU].messages[1].file.file_name == "checklist-ru.pdf"
        assert people[EN].messages[0].text.startswith("Lesson 1. The modern library")
        assert "Deadline:</b> 17.04.2026 09:00" in people[EN].messages[2].html
        assert await states(db, KK) == {"L1/lesson/": ("sent", "1,2", None), "L1.hw/homework/": ("sent", "3", None)}
        assert uploads(emu) == 3  # one upload per language's file
        # A new learner of an existing language gets the file by its file_id.
        await add_learners(db, cohort, [104], clock.now())
        await service.planner.plan_pending(clock.now())
        emu.user(104)
        await deliver(service)
        assert uploads(emu) == 3 and emu.users[-1].messages[1].file.file_name == "checklist-kk.pdf"
        assert service.sender.stats.uploads == 3


async def test_a_short_text_travels_as_the_caption_of_its_file(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, tmp_path: Path
) -> None:
    course = write_course(
        tmp_path / "short",
        """
        code: short-course
        languages: [ru]
        title: Короткий курс
        hours: 1
        lessons:
          - day: 1
            time: "10:00"
            title: Памятка
            materials:
              - text: <b>Урок 1.</b> Прочитайте памятку.
              - file: files/memo.pdf
                caption: Памятка на одной странице.
              - text: Вопросы присылайте куратору.
    """,
        {"files/memo.pdf": PDF},
    )
    version = await import_version(db, course, tmp_path / "files")
    cohort_id = await make_cohort(db, version, date(2026, 4, 15), clock.now())
    await add_learners(db, cohort_id, [KK], clock.now(), languages=("ru",))
    async with delivery_rig(db, fast, clock, translator) as (service, emu):
        learner = emu.user(KK)
        await service.planner.plan_cohort(cohort_id, clock.now())
        await deliver(service)
        first, second = learner.messages
        assert first.kind == "document" and first.file.file_name == "memo.pdf"
        assert first.html == "<b>Урок 1.</b> Прочитайте памятку.\n\nПамятка на одной странице."
        assert second.text == "Вопросы присылайте куратору."
        assert second.button_labels == ["🔁 Прислать урок ещё раз"]


# ---------------------------------------------------------------------------- Telegram says no


async def test_429_pauses_the_sender_and_nothing_is_lost_or_doubled(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    async with delivery_rig(db, fast, clock, translator) as (service, emu):
        people = [emu.user(uid) for uid in (KK, RU, EN)]
        emu.fail_next("sendMessage", error_code=429, description="Too Many Requests: retry after 1", retry_after=1)
        await deliver(service)
        assert service.sender.stats.retry_after == 1
        assert service.sender.limiter.paused_until > 0
        assert [len(p.messages) for p in people] == [3, 3, 3]
        assert await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE state = 'sent'") == 6


async def test_403_makes_the_learner_unreachable_until_they_unblock(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    users = UserRepository(db)
    async with delivery_rig(db, fast, clock, translator) as (service, emu):
        emu.user(KK), emu.user(EN)
        blocked = emu.user(RU)
        blocked.block_bot()
        await deliver(service)
        assert await states(db, RU) == {
            "L1/lesson/": ("unreachable", "", "Forbidden: bot was blocked by the user"),
            "L1.hw/homework/": ("unreachable", "", "Forbidden: bot was blocked by the user"),
        }
        assert emu.stats["error_403"] == 1  # the homework prompt was not even tried
        assert not (await users.get(RU)).reachable
        # Lesson 2 comes on day 3: known unreachable, it is recorded without a request.
        clock.set(local(3, 10))
        await deliver(service)
        assert (await states(db, RU))["L2/lesson/"][0] == "unreachable"
        assert emu.stats["error_403"] == 1
        # The learner unblocks: what they missed comes again, a lesson at a time.
        blocked.unblock_bot()
        assert await service.learner_unblocked(RU) == 4
        assert (await users.get(RU)).reachable
        await deliver(service)
        assert [m.text[:9] for m in blocked.messages] == ["Урок 1. С", "Чек-лист:", "Домашнее "]
        clock.advance(timedelta(minutes=30))
        await deliver(service)
        assert len(blocked.messages) == 6 and blocked.messages[3].text.startswith("Урок 2.")


async def test_5xx_and_network_errors_are_retried_later_in_order(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    async with delivery_rig(db, fast, clock, translator) as (service, emu):
        learner = emu.user(KK)
        emu.user(RU), emu.user(EN)
        emu.fail_next("sendMessage", error_code=502, description="Bad Gateway", chat_id=KK)
        await deliver(service)
        row = await db.fetchone(
            "SELECT state, attempts, due_at, reason FROM deliveries WHERE user_id = ? AND item_key = 'L1'", (KK,)
        )
        assert (row["state"], row["attempts"], row["reason"]) == (
            "planned",
            1,
            "TelegramServerError: Telegram server says - Bad Gateway",
        )
        assert row["due_at"] == "2026-04-15T05:00:05Z"  # 5 s later
        assert learner.messages == []  # the homework prompt waits for its lesson
        clock.advance(timedelta(seconds=5))
        await deliver(service)
        assert [m.kind for m in learner.messages] == ["text", "document", "text"]
        assert (await db.fetchval("SELECT attempts FROM deliveries WHERE user_id = ? AND item_key = 'L1'", (KK,))) == 2


async def test_a_network_error_is_retried_and_gives_up_only_after_many_attempts(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int, tmp_path: Path
) -> None:
    from bot.delivery import service as module

    async with BotAPIEmulator() as emu:
        pass
    bot = emu.create_bot()  # the emulator has stopped: its port refuses connections
    service = DeliveryService(db, fast, translator, clock)
    await service.start(
        lambda files, reporter: Sender(
            bot, files, reporter, rate=50, chat_interval=0.01, group_per_minute=20, concurrency=4, error_pause=0.001
        )
    )
    try:
        await service.run_due()
        await service.idle()
        rows = await db.fetchall("SELECT state, attempts, reason FROM deliveries WHERE attempts > 0")
        assert len(rows) == 6 and {(r["state"], r["attempts"]) for r in rows} == {("planned", 1)}
        assert all(r["reason"].startswith("TelegramNetworkError") for r in rows)
        # The last attempt fails too: the row is failed, with the error, not pending forever.
        await db.execute("UPDATE deliveries SET attempts = ? WHERE attempts > 0", (module.MAX_ATTEMPTS - 1,))
        clock.advance(timedelta(hours=1))
        await service.run_due()
        await service.idle()
        failed = await db.fetchall("SELECT state FROM deliveries WHERE attempts = ?", (module.MAX_ATTEMPTS,))
    finally:
        await service.stop(grace=1)
        await bot.session.close()
    assert failed and {r["state"] for r in failed} == {"failed"}


async def test_400_is_recorded_with_its_reason_and_not_retried(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    async with delivery_rig(db, fast, clock, translator) as (service, emu):
        learner = emu.user(KK)
        emu.user(RU), emu.user(EN)
        emu.fail_next(
            "sendDocument",
            error_code=400,
            chat_id=KK,
            description="Bad Request: can't parse entities: unsupported start tag",
        )
        await deliver(service)
        clock.advance(timedelta(hours=1))
        await deliver(service)
        assert await states(db, KK) == {
            "L1/lesson/": ("failed", "1", "Bad Request: can't parse entities: unsupported start tag"),
            "L1.hw/homework/": ("sent", "2", None),
        }
        assert sum(1 for call in emu.calls_of("sendDocument") if call["chat_id"] == KK) == 1
        assert [m.kind for m in learner.messages] == ["text", "text"]


async def test_a_file_id_telegram_forgot_is_uploaded_again(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    await db.execute("UPDATE course_files SET telegram_file_id = 'BQACstale'")
    async with delivery_rig(db, fast, clock, translator) as (service, emu):
        learner = emu.user(KK)
        emu.user(RU), emu.user(EN)
        await deliver(service)
        assert learner.messages[1].file.file_name == "checklist-kk.pdf"
        assert uploads(emu) == 3
        stored = await db.fetchall("SELECT telegram_file_id FROM course_files WHERE extension = 'pdf'")
        assert "BQACstale" not in {row[0] for row in stored}


async def test_limits_enforced_by_the_emulator_are_never_exceeded(
    db: Database, settings: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    paced = settings.model_copy(update={"send_rate": 20, "send_chat_interval": 0.3})
    await add_learners(db, cohort, range(200, 212), clock.now())
    await DeliveryService(db, paced, translator, clock).planner.plan_pending(clock.now())
    async with delivery_rig(db, paced, clock, translator) as (service, emu):
        people = [emu.user(uid) for uid in [KK, RU, EN, *range(200, 212)]]
        emu.enforce_limits(per_second_overall=20, per_chat_interval=0.3)
        await deliver(service)
        assert emu.stats["rate_limited"] == 0
        assert [len(p.messages) for p in people] == [3] * 15


async def test_nothing_planned_goes_out_in_the_quiet_hours_but_a_copy_asked_for_does(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    async with delivery_rig(db, fast, clock, translator) as (service, emu):
        learner = emu.user(KK)
        emu.user(RU), emu.user(EN)
        await deliver(service)
        # The bot was down from day 1 until 23:00 on day 3: lesson 2 (10:00) is overdue.
        clock.set(local(3, 23))
        assert await service.resend_item(cohort, KK, "L1") is ResendOutcome.QUEUED
        await deliver(service)
        assert [m.kind for m in learner.messages] == ["text", "document", "text", "text", "document"]
        rows = await db.fetchall(
            "SELECT kind, state, due_at FROM deliveries WHERE user_id = ? AND "
            "item_key LIKE 'L2%' AND kind != 'reminder'",
            (KK,),
        )
        assert {(r["kind"], r["state"], r["due_at"]) for r in rows} == {
            ("lesson", "planned", "2026-04-18T03:00:00Z"),
            ("homework", "planned", "2026-04-18T03:00:00Z"),
        }
        # The reminder whose deadline (day 3, 09:00) passed while the bot was down is not sent.
        assert (await states(db, KK))["L1.hw/reminder/2"] == ("cancelled", "", "expired")
        clock.set(local(4, 8))
        await deliver(service)
        assert learner.messages[5].text.startswith("2-сабақ")


async def test_the_end_of_a_finished_cohort_waits_for_the_morning_too(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    """A completion notice (or a certificate) written after a cohort finished still goes out,
    but not in the night: the quiet hours count for finished cohorts too (they were left out)."""
    async with delivery_rig(db, fast, clock, translator) as (service, emu):
        learner = emu.user(KK)
        emu.user(RU), emu.user(EN)
        await deliver(service)
        before = len(learner.messages)
        clock.set(local(3, 23))
        await db.execute("UPDATE cohorts SET status = 'finished' WHERE id = ?", (cohort,))
        await db.execute(
            "INSERT INTO deliveries (cohort_id, user_id, item_key, kind, variant, due_at, planned_at, updated_at)"
            " VALUES (?, ?, 'C', 'completion', 'completed', ?, ?, ?)",
            (cohort, KK, to_db(clock.now()), to_db(clock.now()), to_db(clock.now())),
        )
        await deliver(service)
        assert len(learner.messages) == before
        due = await db.fetchval("SELECT due_at FROM deliveries WHERE kind = 'completion'")
        assert due == "2026-04-18T03:00:00Z"  # 08:00 in Almaty
        clock.set(local(4, 8))
        await deliver(service)
        assert learner.messages[-1].text.startswith("🎓")
        assert len(learner.messages) == before + 1


# ---------------------------------------------------------------------------- asking again


async def test_a_learner_asks_for_a_lesson_again(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    async with delivery_rig(db, fast, clock, translator) as (service, emu):
        learner = emu.user(KK)
        emu.user(RU), emu.user(EN)
        assert await service.resend_item(cohort, KK, "L1") is ResendOutcome.ALREADY  # on its way
        await deliver(service)
        assert await service.resend_item(cohort, KK, "L1") is ResendOutcome.QUEUED
        assert await service.resend_item(cohort, KK, "L1") is ResendOutcome.ALREADY
        assert await service.resend_item(cohort, KK, "L2") is ResendOutcome.NOT_YET
        assert await service.resend_item(cohort, KK, "nonsense") is ResendOutcome.UNKNOWN
        await deliver(service)
        assert [m.kind for m in learner.messages] == ["text", "document", "text", "text", "document"]
        again_id = int((await states(db, KK))["L1/lesson/again-1"][1].split(",")[-1])
        assert again_id == learner.messages[-1].message_id
        original = await db.fetchval(
            "SELECT id FROM deliveries WHERE user_id = ? AND item_key = 'L1' AND variant = ''", (KK,)
        )
        assert await service.resend_delivery(original, RU) is ResendOutcome.UNKNOWN  # not theirs
        assert await service.resend_delivery(original, KK) is ResendOutcome.QUEUED
        await db.execute("UPDATE enrolments SET status = 'left' WHERE user_id = ?", (KK,))
        assert await service.resend_item(cohort, KK, "L1") is ResendOutcome.NOT_ENROLLED


async def test_reminders_of_done_work_are_cancelled_and_others_sent(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    async with delivery_rig(db, fast, clock, translator) as (service, emu):
        people = {uid: emu.user(uid) for uid in (KK, RU, EN)}
        await deliver(service)

        async def handed_in(cohort_id: int, user_id: int, item_key: str) -> bool:
            return user_id == KK and item_key == "L1.hw"

        service.done_checks.append(handed_in)
        clock.set(local(2, 9))  # 24 h before the deadline of homework 1
        await deliver(service)
        assert (await states(db, KK))["L1.hw/reminder/24"] == ("cancelled", "", "done")
        assert len(people[KK].messages) == 3
        reminder = people[RU].messages[-1]
        assert reminder.text.startswith("⏰ Напоминание: домашнее задание к уроку 1 «Современная")
        assert "Срок сдачи: 17.04.2026 09:00" in reminder.text


async def test_the_questionnaire_invitation_and_a_missed_reminder(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    await db.execute("UPDATE deliveries SET state = 'sent' WHERE due_at < '2026-04-24T07:00:00Z'")
    async with delivery_rig(db, fast, clock, translator) as (service, emu):
        learner = emu.user(EN)
        emu.user(KK), emu.user(RU)
        clock.set(local(10, 12))
        await deliver(service)
        assert learner.messages[-1].text.startswith(
            "📝 Organization of library work in modern conditions: the course is coming to an end."
        )
        assert "The questionnaire is anonymous." in learner.messages[-1].text
        clock.set(local(11, 12))
        await deliver(service)
        assert "please answer the questionnaire" in learner.messages[-1].text


# ---------------------------------------------------------------------------- stop and restart


async def test_an_interrupted_lesson_goes_on_from_the_message_in_flight(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    # As a killed process leaves it: taken, the text sent (message 1), the file not yet.
    await db.execute(
        "UPDATE deliveries SET state = 'sending', parts_done = 1, message_ids = '1' "
        "WHERE user_id = ? AND item_key = 'L1' AND kind = 'lesson'",
        (KK,),
    )
    async with delivery_rig(db, fast, clock, translator) as (service, emu):
        learner = emu.user(KK)
        emu.user(RU), emu.user(EN)
        await deliver(service)
        assert [m.kind for m in learner.messages] == ["document", "text"]
        state, ids, _ = (await states(db, KK))["L1/lesson/"]
        assert state == "sent" and ids.startswith("1,")


async def test_stop_puts_back_what_was_taken_but_not_sent(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    slow = fast.model_copy(update={"send_chat_interval": 5})
    async with delivery_rig(db, slow, clock, translator) as (service, emu):
        for uid in (KK, RU, EN):
            emu.user(uid)
        await service.run_due()
        # The first message of each lesson goes out; the second waits five seconds.
        await emu.users[-1].next_message()
        await emu.users[0].next_message()
        await emu.users[1].next_message()
        await service.stop(grace=5)
    rows = await db.fetchall(
        "SELECT state, parts_done FROM deliveries WHERE item_key LIKE 'L1%' AND kind IN ('lesson', 'homework')"
    )
    assert sorted((r["state"], r["parts_done"]) for r in rows) == [("planned", 0)] * 3 + [("planned", 1)] * 3
    assert await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE state = 'sending'") == 0


async def test_a_pause_takes_back_what_was_queued_and_resuming_sends_it(
    db: Database, fast: Settings, clock: FrozenClock, translator: Translator, cohort: int
) -> None:
    slow = fast.model_copy(update={"send_chat_interval": 5})
    async with delivery_rig(db, slow, clock, translator) as (service, emu):
        people = [emu.user(uid) for uid in (KK, RU, EN)]
        await service.run_due()
        for person in people:  # each lesson's first message; the next would come 5 s later
            await person.next_message()
        assert await service.pause(cohort)
        assert service.sender.pending == 0
        assert await service.run_due() == 0  # a paused cohort sends nothing
        rows = await db.fetchall(
            "SELECT state, parts_done FROM deliveries WHERE item_key LIKE 'L1%' AND kind IN ('lesson', 'homework')"
        )
        assert sorted(tuple(r) for r in rows) == [("planned", 0)] * 3 + [("planned", 1)] * 3
        assert await service.resume(cohort, ResumeMode.SEND_MISSED) is not None
        service.sender.pacer.private_interval = 0.02
        await deliver(service)
        assert [len(p.messages) for p in people] == [3, 3, 3]


# ---------------------------------------------------------------------------- pacing, in isolation


async def test_the_window_counts_from_answers_and_pauses_everyone() -> None:
    now = [100.0]
    limiter = WindowLimiter(rate=2, window=1.0, monotonic=lambda: now[0])
    first = await limiter.acquire()
    second = await limiter.acquire()
    assert limiter.delay() is None  # the request two places back is still in flight
    first.finish(100.2)
    second.finish(100.3)
    assert limiter.delay() == pytest.approx(1.2)  # a second after the first answer
    now[0] = 101.2
    assert limiter.delay() == 0.0
    limiter.pause(5)
    assert limiter.delay() == pytest.approx(5.0)


def test_each_chat_waits_its_interval_and_groups_get_20_a_minute() -> None:
    pacer = ChatPacer(private_interval=1.0, group_interval=60 / 20)
    assert pacer.ready_at(5) == 0.0
    pacer.answered(5, 10.0)
    pacer.answered(-100, 10.0)
    assert pacer.ready_at(5) == 11.0
    assert pacer.ready_at(-100) == 13.0  # 20 per minute: three seconds apart
    pacer.forget_before(20.0)
    assert pacer.ready_at(5) == 0.0


async def test_one_sender_serves_a_group_and_private_chats_without_mixing_their_order() -> None:
    sent: list[tuple[int, int]] = []

    class Reporter:
        async def part_sent(self, job: SendJob, message_id: int, poll_id: str | None = None) -> None:
            sent.append((job.chat_id, job.next))

        async def ended(self, jobs: list[SendJob], outcome: object) -> None:
            raise AssertionError(outcome)

    class Files:
        async def get(self, sha256: str) -> None:
            return None

        async def remember(self, sha256: str, file_id: str) -> None: ...

        async def forget(self, sha256: str) -> None: ...

    async with BotAPIEmulator() as emu:
        group = emu.group()
        emu.user(7)
        bot = emu.create_bot(default=DefaultBotProperties(parse_mode=ParseMode.HTML))
        sender = Sender(bot, Files(), Reporter(), rate=50, chat_interval=0.01, group_per_minute=600, concurrency=4)
        sender.start()
        messages = tuple(OutMessage(f"<b>{n}</b>") for n in range(3))
        sender.submit(SendJob(1, group.chat_id, 1, messages))
        sender.submit(SendJob(2, 7, 1, messages))
        await sender.wait_for_room(1)
        assert await sender.stop(1) == []
        await bot.session.close()
    assert [n for chat, n in sent if chat == group.chat_id] == [0, 1, 2]
    assert [m.text for m in group.messages] == ["0", "1", "2"]
