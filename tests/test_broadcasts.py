"""Broadcasts: recipients by filter, the copies through the delivery table and the real sender
(against the Bot API emulator), the progress the organizer sees, stopping midway."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest

from bot.broadcasts.model import Audience, Broadcast, BroadcastContent, FilterChoice, LearnerFilter, Progress
from bot.broadcasts.service import BroadcastService, NoRecipients
from bot.clock import FrozenClock, to_db
from bot.config import Settings
from bot.delivery.service import DeliveryService
from bot.homework.service import HomeworkService
from bot.i18n import Translator
from bot.surveys.service import SurveyService
from storage.cohorts import CohortRepository
from storage.db import Database
from storage.surveys import SurveyRepository
from tests.auxil.delivery_setup import SAMPLE, add_learners, deliver, delivery_rig, import_version, make_cohort

ORGANIZER = 55


class Shown:
    """The service's view, recording what the organizer would see."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, Progress]] = []

    async def show(self, broadcast: Broadcast, progress: Progress) -> None:
        self.seen.append((broadcast.status, progress))


@pytest.fixture
def fast(settings: Settings) -> Settings:
    return settings.model_copy(update={"send_chat_interval": 0.02, "send_rate": 200})


@pytest.fixture
async def cohort(db: Database, tmp_path: Path, clock: FrozenClock) -> int:
    """Learners 201-210 (odd: rural, even: urban; all from Abai but 209 and 210, from Turkistan);
    209 has blocked the bot, 210 has left the cohort."""
    version = await import_version(db, SAMPLE, tmp_path / "files")
    cohort_id = await make_cohort(db, version, date(2026, 4, 15), clock.now())
    await add_learners(db, cohort_id, list(range(201, 211)), clock.now())
    await db.execute("UPDATE users SET region = 'turkistan' WHERE telegram_id IN (208, 209)")
    await db.execute("UPDATE users SET blocked_at = ? WHERE telegram_id = 209", (to_db(clock.now()),))
    await db.execute("UPDATE enrolments SET status = 'left' WHERE user_id = 210")
    return cohort_id


def text(html: str) -> BroadcastContent:
    return BroadcastContent("text", html)


def test_content_and_audience_rules() -> None:
    with pytest.raises(ValueError):
        BroadcastContent("text", "  ")
    with pytest.raises(ValueError):
        BroadcastContent("photo", "caption")  # a photo needs its file
    with pytest.raises(ValueError):
        BroadcastContent("sticker", "", "f1")  # type: ignore[arg-type]
    audience = Audience(region="abai", settlement="rural", extra=(("homework", "2"),))
    assert Audience.from_json(audience.to_json()) == audience
    assert Audience().everyone and not audience.everyone
    photo = BroadcastContent("photo", "<b>Zoom</b> 15:00", "file-1").message()
    assert photo.known is not None and photo.known.file_id == "file-1" and photo.text == "<b>Zoom</b> 15:00"


async def test_filters_pick_active_reachable_learners(
    db: Database, fast: Settings, translator: Translator, clock: FrozenClock, cohort: int
) -> None:
    service = BroadcastService(db, DeliveryService(db, fast, translator, clock), clock)
    everyone = await service.recipients(cohort, Audience())
    assert everyone.user_ids == tuple(range(201, 209)) and everyone.blocked == 1
    rural = await service.recipients(cohort, Audience(settlement="rural"))
    assert rural.user_ids == (201, 203, 205, 207) and rural.blocked == 1  # 209 is rural too
    abai_urban = await service.recipients(cohort, Audience(region="abai", settlement="urban"))
    assert abai_urban.user_ids == (202, 204, 206)
    assert await service.regions(cohort) == [("abai", 7), ("turkistan", 2)]

    # Another feature's filter narrows the same set (say, "has not handed in homework 2").
    async def choices(cohort_id: int) -> list[FilterChoice]:
        return [FilterChoice("2", "x")]

    async def matching(cohort_id: int, value: str) -> set[int]:
        return {201, 202, 209, 999} if value == "2" else set()

    service.filters["homework"] = LearnerFilter("homework", "x", choices, matching)
    picked = await service.recipients(cohort, Audience(extra=(("homework", "2"),)))
    assert picked.user_ids == (201, 202) and picked.blocked == 1
    with pytest.raises(LookupError):
        await service.recipients(cohort, Audience(extra=(("unknown", "1"),)))
    with pytest.raises(NoRecipients):
        await service.send(cohort, ORGANIZER, "en", text("hi"), Audience(region="astana"))
    assert await db.fetchval("SELECT COUNT(*) FROM broadcasts") == 0


async def test_a_broadcast_reaches_exactly_the_filtered_learners_once(
    db: Database, fast: Settings, translator: Translator, clock: FrozenClock, cohort: int
) -> None:
    async with delivery_rig(db, fast, clock, translator) as (delivery, emu):
        for uid in range(201, 211):
            emu.user(uid)
        service = BroadcastService(db, delivery, clock, interval=0.01)
        shown = Shown()
        await service.start(shown)
        html = '<b>Zoom</b> moves to 15:00: <a href="https://example.org/z">link</a>'
        broadcast = await service.send(cohort, ORGANIZER, "en", text(html), Audience(settlement="rural"))
        assert broadcast.recipients == 4
        await service.repo.set_progress_message(broadcast.id, ORGANIZER, 1)
        service.watch(broadcast.id)
        await deliver(delivery)
        await asyncio.wait_for(service.idle(), 5)
        got = {uid: [m.html for m in emu.user(uid).messages] for uid in range(201, 211)}
        assert {uid for uid, messages in got.items() if messages} == {201, 203, 205, 207}
        assert all(messages == [html] for uid, messages in got.items() if messages)
        # A second run, and a restart's recovery, send nothing more.
        await delivery.repo.recover_interrupted(clock.now())
        await deliver(delivery)
        assert sum(len(emu.user(uid).messages) for uid in range(201, 211)) == 4
        status, last = shown.seen[-1]
        assert status == "done" and last == Progress(total=4, sent=4)
        assert (await service.repo.get(broadcast.id)).status == "done"  # type: ignore[union-attr]


async def test_a_photo_goes_by_its_file_id_with_its_caption(
    db: Database, fast: Settings, translator: Translator, clock: FrozenClock, cohort: int
) -> None:
    async with delivery_rig(db, fast, clock, translator) as (delivery, emu):
        organizer = emu.user(ORGANIZER)
        posted = await organizer.send_photo(caption="poster")
        file_id = posted["photo"][-1]["file_id"]
        for uid in (202, 204):
            emu.user(uid)
        service = BroadcastService(db, delivery, clock)
        content = BroadcastContent("photo", "<i>Seminar</i> poster", file_id)
        await service.send(cohort, ORGANIZER, "ru", content, Audience(region="abai", settlement="urban"))
        await deliver(delivery)
        message = emu.user(202).messages[-1]
        assert message.kind == "photo" and message.html == "<i>Seminar</i> poster"
        assert delivery.sender is not None and delivery.sender.stats.uploads == 0


async def test_stopping_midway_cancels_what_has_not_gone(
    db: Database, settings: Settings, translator: Translator, clock: FrozenClock, tmp_path: Path
) -> None:
    slow = settings.model_copy(update={"send_rate": 2, "send_chat_interval": 0.02})
    version = await import_version(db, SAMPLE, tmp_path / "files")
    cohort = await make_cohort(db, version, date(2026, 4, 15), clock.now())
    people = list(range(301, 321))
    await add_learners(db, cohort, people, clock.now())
    async with delivery_rig(db, slow, clock, translator) as (delivery, emu):
        for uid in people:
            emu.user(uid)
        service = BroadcastService(db, delivery, clock, interval=0.01)
        shown = Shown()
        await service.start(shown)
        broadcast = await service.send(cohort, ORGANIZER, "kk", text("Сабақ ертең"), Audience())
        await delivery.run_due()  # all 20 handed to the sender, which sends two a second
        assert await service.cancel(broadcast.id)
        assert not await service.cancel(broadcast.id)  # once
        await delivery.idle()
        service.watch(broadcast.id)
        await asyncio.wait_for(service.idle(), 5)
        received = [len(emu.user(uid).messages) for uid in people]
        assert set(received) <= {0, 1} and 1 <= sum(received) <= 4
        status, last = shown.seen[-1]
        assert status == "cancelled" and last.finished
        assert last.sent == sum(received) and last.sent + last.cancelled == 20
        reasons = await db.fetchall("SELECT DISTINCT reason FROM deliveries WHERE state = 'cancelled'")
        assert [r[0] for r in reasons] == ["withdrawn"]
        await deliver(delivery)  # nothing is left to go
        assert sum(len(emu.user(uid).messages) for uid in people) == sum(received)


async def test_rows_taken_before_the_stop_are_not_sent(
    db: Database, fast: Settings, translator: Translator, clock: FrozenClock, cohort: int
) -> None:
    """Rows claimed (``sending``) when the stop comes, not yet with the sender, are cancelled
    when the dispatcher looks at them, never sent."""
    async with delivery_rig(db, fast, clock, translator) as (delivery, emu):
        service = BroadcastService(db, delivery, clock)
        broadcast = await service.send(cohort, ORGANIZER, "en", text("hi"), Audience(region="turkistan"))
        rows = await delivery.repo.claim(clock.now(), 10)
        assert [row.user_id for row in rows] == [208]
        assert await service.cancel(broadcast.id)
        await delivery.repo.recover_interrupted(clock.now())  # as at the next start
        await deliver(delivery)
        assert emu.user(208).messages == []
        assert await db.fetchval("SELECT state || ':' || reason FROM deliveries WHERE user_id = 208") == (
            "cancelled:withdrawn"
        )


async def test_the_homework_and_questionnaire_filters_are_their_features(
    db: Database, fast: Settings, translator: Translator, clock: FrozenClock, cohort: int
) -> None:
    """Homework: "has not handed in" is no version waiting or accepted (a returned one is to be
    handed in again); the questionnaire: not among those who answered (who, never what)."""
    delivery = DeliveryService(db, fast, translator, clock)
    service = BroadcastService(db, delivery, clock)
    homework = HomeworkService(db, clock, delivery.courses)
    surveys = SurveyService(SurveyRepository(db), CohortRepository(db), delivery.courses, clock)
    for flt in (homework.broadcast_filter(), surveys.broadcast_filter()):
        service.filters[flt.key] = flt

    choices = await homework.broadcast_filter().choices(cohort)
    assert [(c.value, c.args) for c in choices] == [
        ("L1.hw", {"lesson": 1}),
        ("L2.hw", {"lesson": 2}),
        ("L3.hw", {"lesson": 3}),
        ("L5.hw", {"lesson": 5}),
    ]
    assert [c.value for c in await surveys.broadcast_filter().choices(cohort)] == ["Q"]
    stamp = to_db(clock.now())
    for uid, state in ((201, "waiting"), (202, "accepted"), (203, "returned")):
        await db.execute(
            "INSERT INTO submissions (cohort_id, user_id, item_key, version, state, opened_at, updated_at)"
            " VALUES (?, ?, 'L2.hw', 1, ?, ?, ?)",
            (cohort, uid, state, stamp, stamp),
        )
    await db.execute(
        "INSERT INTO survey_answered (cohort_id, user_id, item_key, answered_on) VALUES (?, 204, 'Q', '2026-04-20')",
        (cohort,),
    )

    missing_2 = await service.recipients(cohort, Audience(extra=(("homework", "L2.hw"),)))
    assert missing_2.user_ids == (203, 204, 205, 206, 207, 208) and missing_2.blocked == 1
    not_answered = await service.recipients(cohort, Audience(extra=(("questionnaire", "Q"),)))
    assert not_answered.user_ids == (201, 202, 203, 205, 206, 207, 208)
    both = await service.recipients(
        cohort, Audience(settlement="urban", extra=(("homework", "L2.hw"), ("questionnaire", "Q")))
    )
    assert both.user_ids == (206, 208)
