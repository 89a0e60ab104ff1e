"""Homework's rules and storage against a real SQLite file, with a frozen clock: drafts and parts,
handing in (versions, late work, ``late: refuse``), decisions (first wins, scores), reminders that
stop once work is handed in, and a learner's progress."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.clock import FrozenClock
from bot.config import Settings
from bot.delivery.model import Withdrawn
from bot.delivery.service import DeliveryService
from bot.homework.model import (
    AddOutcome,
    DecideOutcome,
    HandInOutcome,
    HomeworkStatus,
    NewPart,
    OpenOutcome,
    admitted,
    text_kind,
)
from bot.homework.service import HomeworkService
from bot.i18n import Translator
from bot.people.erasure import ErasureService
from bot.people.personal_data import PersonalDataRegistry
from storage.db import Database
from storage.deliveries import DeliveryRepository
from storage.homework import HomeworkRepository
from storage.live_quizzes import LiveQuizRepository
from storage.personal_data import core_sources
from storage.users import UserRepository
from tests.auxil.delivery_setup import add_learners, import_version, make_cohort, write_course

ALMATY = ZoneInfo("Asia/Almaty")
ASEL, BOTA = 201, 202
CURATOR, OTHER_CURATOR = 301, 302

COURSE = """\
    code: homework-basics
    languages: [kk, ru]
    title: {kk: Үй тапсырмасы, ru: Домашнее задание}
    hours: 4
    lessons:
      - day: 1
        time: "10:00"
        title: {kk: Бір, ru: Один}
        materials:
          - text: {kk: Сәлем, ru: Привет}
        homework:
          prompt: {kk: Суретке түсіріп жіберіңіз, ru: Пришлите фото}
          deadline: {day: 2, time: "20:00"}
          accepts: [text, photo, document]
          max_score: 10
      - day: 3
        time: "10:00"
        title: {kk: Екі, ru: Два}
        homework:
          prompt: {kk: Дауыспен айтыңыз, ru: Скажите голосом}
          deadline: {day: 3, time: "20:00"}
          accepts: [voice]
          late: refuse
      - day: 5
        time: "10:00"
        title: {kk: Үш, ru: Три}
    completion:
      homework: all
"""


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """Course day ``day`` (day 1 = 15 April 2026) at a local time in Almaty, as UTC."""
    return datetime.combine(date(2026, 4, 14 + day), time(hour, minute), tzinfo=ALMATY).astimezone(UTC)


def photo(message_id: int, group: str | None = None) -> NewPart:
    return NewPart(
        "photo", message_id, file_id=f"photo-{message_id}", file_unique_id=f"u{message_id}", size=81234,
        media_group_id=group,
    )  # fmt: skip


def text(message_id: int, value: str = "Менің жауабым") -> NewPart:
    return NewPart(text_kind(value), message_id, text=value)


@pytest.fixture
async def cohort(db: Database, tmp_path: Path, clock: FrozenClock, settings: Settings, translator: Translator) -> int:
    """Two Kazakh-speaking learners from 15 April; lesson 1 and its homework have reached them."""
    version = await import_version(db, write_course(tmp_path / "course", COURSE), tmp_path / "files")
    cohort_id = await make_cohort(db, version, date(2026, 4, 15), clock.now())
    await add_learners(db, cohort_id, [ASEL, BOTA], clock.now(), languages=("kk",))
    await DeliveryService(db, settings, translator, clock).planner.plan_cohort(cohort_id, clock.now())
    await given_until(db, clock.now())
    return cohort_id


async def given_until(db: Database, moment: datetime) -> None:
    """As if the sender had delivered everything due by ``moment``."""
    await db.execute("UPDATE deliveries SET state = 'sent' WHERE due_at <= ? AND state = 'planned'",
                     (moment.strftime("%Y-%m-%dT%H:%M:%SZ"),))  # fmt: skip


@pytest.fixture
def service(db: Database, clock: FrozenClock) -> HomeworkService:
    return HomeworkService(db, clock)


# ---------------------------------------------------------------------------- vocabulary


def test_what_counts_as_a_link_and_what_each_homework_admits() -> None:
    assert text_kind("Менің сайтым: https://kitap.kz/club") == "link"
    assert text_kind("www.kazneb.kz") == "link"
    assert text_kind("Жауап: 5 кітап.") == "text"
    assert admitted("link", ("text",)) and admitted("link", ("link",)) and not admitted("link", ("photo",))
    assert admitted("audio", ("voice",)) and admitted("video_note", ("video",))
    assert not admitted("document", ("text", "photo"))


# ---------------------------------------------------------------------------- drafts and parts


async def test_a_draft_collects_parts_and_an_album_is_acknowledged_once(service: HomeworkService, cohort: int) -> None:
    opened = await service.open_draft(cohort, ASEL, "L1.hw")
    assert opened.outcome is OpenOutcome.OPENED and opened.draft is not None
    assert opened.context is not None and opened.context.deadline == local(2, 20)
    assert opened.context.deadline.tzinfo == ALMATY  # shown in the cohort's time zone

    first = await service.add_part(ASEL, text(10))
    album = [await service.add_part(ASEL, photo(11 + i, group="g1")) for i in range(3)]
    assert first.outcome is AddOutcome.ADDED and first.first_of_group
    assert [r.first_of_group for r in album] == [True, False, False]
    last = album[-1].draft
    assert last is not None and dict(last.counts) == {"text": 1, "photo": 3} and last.parts == 4

    # The same message again (Telegram repeats an update after a restart) adds nothing.
    again = await service.add_part(ASEL, photo(12, group="g1"))
    assert again.outcome is AddOutcome.DUPLICATE and again.draft is not None and again.draft.parts == 4

    # A kind the homework does not accept is refused and not stored.
    voice = await service.add_part(ASEL, NewPart("voice", 20, file_id="v", file_unique_id="uv", size=5000))
    assert voice.outcome is AddOutcome.NOT_ACCEPTED and voice.context is not None
    assert voice.context.accepts == ("text", "photo", "document")

    parts = await service.parts(opened.draft.submission.id)
    assert [(p.position, p.kind, p.file_id, p.media_group_id) for p in parts] == [
        (1, "text", None, None),
        (2, "photo", "photo-11", "g1"),
        (3, "photo", "photo-12", "g1"),
        (4, "photo", "photo-13", "g1"),
    ]
    assert parts[1].file_unique_id == "u11" and parts[1].size == 81234


async def test_a_draft_survives_a_restart(db: Database, tmp_path: Path, clock: FrozenClock, cohort: int) -> None:
    service = HomeworkService(db, clock)
    opened = await service.open_draft(cohort, ASEL, "L1.hw")
    await service.add_part(ASEL, text(10))
    assert opened.draft is not None
    await service.set_status_message(ASEL, opened.draft.submission.id, 77)
    await db.close()

    reopened = await Database.open(tmp_path / "bot.sqlite3")
    try:
        after = HomeworkService(reopened, clock)
        draft = await after.focused_draft(ASEL)
        assert draft is not None and draft.parts == 1 and draft.submission.status_message_id == 77
        # A photo sent while the bot was down lands in the same draft.
        added = await after.add_part(ASEL, photo(11))
        assert added.outcome is AddOutcome.ADDED and added.draft is not None and added.draft.parts == 2
        resumed = await after.open_draft(cohort, ASEL, "L1.hw")
        assert resumed.outcome is OpenOutcome.RESUMED and resumed.draft is not None
        assert resumed.draft.submission.id == draft.submission.id
    finally:
        await reopened.close()


async def test_something_sent_outside_a_draft_is_not_stored(service: HomeworkService, cohort: int) -> None:
    assert (await service.add_part(ASEL, photo(10))).outcome is AddOutcome.NO_DRAFT
    [open_one] = await service.open_homework(cohort, ASEL)
    assert open_one.item_key == "L1.hw" and open_one.status is HomeworkStatus.NOT_HANDED_IN


async def test_start_over_empties_only_ones_own_draft(service: HomeworkService, cohort: int) -> None:
    opened = await service.open_draft(cohort, ASEL, "L1.hw")
    assert opened.draft is not None
    await service.add_part(ASEL, text(10))
    draft_id = opened.draft.submission.id
    assert await service.start_over(BOTA, draft_id) is None  # not hers
    assert (await service.focused_draft(ASEL)).parts == 1  # type: ignore[union-attr]
    emptied = await service.start_over(ASEL, draft_id)
    assert emptied is not None and emptied.parts == 0
    assert (await service.hand_in(ASEL, draft_id)).outcome is HandInOutcome.EMPTY
    assert (await service.add_part(ASEL, text(11))).outcome is AddOutcome.ADDED  # still open


async def test_homework_not_given_yet_or_unknown_or_after_leaving_cannot_be_opened(
    db: Database, service: HomeworkService, cohort: int
) -> None:
    assert (await service.open_draft(cohort, ASEL, "L2.hw")).outcome is OpenOutcome.NOT_YET
    assert (await service.open_draft(cohort, ASEL, "L3.hw")).outcome is OpenOutcome.UNKNOWN
    assert (await service.open_draft(cohort, ASEL, "L1")).outcome is OpenOutcome.UNKNOWN
    assert (await service.open_draft(cohort + 1, ASEL, "L1.hw")).outcome is OpenOutcome.UNKNOWN
    assert (await service.open_draft(cohort, 999, "L1.hw")).outcome is OpenOutcome.NOT_ENROLLED
    await db.execute("UPDATE enrolments SET status = 'left' WHERE user_id = ?", (BOTA,))
    assert (await service.open_draft(cohort, BOTA, "L1.hw")).outcome is OpenOutcome.NOT_ENROLLED


# ---------------------------------------------------------------------------- handing in


async def test_hand_in_versions_and_the_final_acceptance(service: HomeworkService, cohort: int) -> None:
    opened = await service.open_draft(cohort, ASEL, "L1.hw")
    assert opened.draft is not None
    await service.add_part(ASEL, text(10))
    assert (await service.hand_in(BOTA, opened.draft.submission.id)).outcome is HandInOutcome.ALREADY  # not hers
    handed = await service.hand_in(ASEL, opened.draft.submission.id)
    assert handed.outcome is HandInOutcome.HANDED_IN and handed.submission is not None
    assert (handed.submission.state, handed.submission.version, handed.submission.late) == ("waiting", 1, False)
    assert (await service.hand_in(ASEL, opened.draft.submission.id)).outcome is HandInOutcome.ALREADY  # twice
    # The focus is gone: a photo now is asked about, not added.
    assert (await service.add_part(ASEL, photo(11))).outcome is AddOutcome.NO_DRAFT
    assert (await service.open_draft(cohort, ASEL, "L1.hw")).outcome is OpenOutcome.WAITING

    returned = await service.decide(handed.submission.id, CURATOR, "returned", comment="Суретті анығырақ түсіріңіз")
    assert returned.outcome is DecideOutcome.DECIDED
    second = await service.open_draft(cohort, ASEL, "L1.hw")
    assert second.outcome is OpenOutcome.OPENED and second.draft is not None
    assert second.draft.submission.version == 2 and second.draft.parts == 0
    await service.add_part(ASEL, photo(12))
    again = await service.hand_in(ASEL, second.draft.submission.id)
    assert again.outcome is HandInOutcome.HANDED_IN and again.submission is not None
    accepted = await service.decide(again.submission.id, CURATOR, "accepted", score=9)
    assert accepted.outcome is DecideOutcome.DECIDED and accepted.review is not None
    assert accepted.review.score == 9

    assert (await service.open_draft(cohort, ASEL, "L1.hw")).outcome is OpenOutcome.ACCEPTED
    # Both versions are kept, each with its own parts.
    versions = await HomeworkRepository(service.repo._db).versions(cohort, ASEL, "L1.hw")
    assert [(v.version, v.state) for v in versions] == [(1, "returned"), (2, "accepted")]
    assert [p.kind for p in await service.parts(versions[0].id)] == ["text"]
    assert [p.kind for p in await service.parts(versions[1].id)] == ["photo"]


async def test_work_after_the_deadline_is_marked_late(
    service: HomeworkService, clock: FrozenClock, cohort: int
) -> None:
    opened = await service.open_draft(cohort, ASEL, "L1.hw")
    assert opened.draft is not None
    await service.add_part(ASEL, text(10))
    clock.set(local(2, 20, 1))
    handed = await service.hand_in(ASEL, opened.draft.submission.id)
    assert handed.outcome is HandInOutcome.HANDED_IN and handed.submission is not None and handed.submission.late


async def test_late_refuse_closes_the_homework_at_its_deadline(
    db: Database, service: HomeworkService, clock: FrozenClock, cohort: int
) -> None:
    clock.set(local(3, 10))
    await given_until(db, clock.now())
    opened = await service.open_draft(cohort, ASEL, "L2.hw")
    assert opened.outcome is OpenOutcome.OPENED and opened.draft is not None
    assert (await service.add_part(ASEL, text(30))).outcome is AddOutcome.NOT_ACCEPTED  # voice only
    await service.add_part(ASEL, NewPart("audio", 31, file_id="a", file_unique_id="ua", size=10, name="жауап.mp3"))
    clock.set(local(3, 20, 1))
    assert (await service.hand_in(ASEL, opened.draft.submission.id)).outcome is HandInOutcome.CLOSED
    assert (await service.add_part(ASEL, NewPart("voice", 32, file_id="v"))).outcome is AddOutcome.CLOSED
    assert (await service.open_draft(cohort, BOTA, "L2.hw")).outcome is OpenOutcome.CLOSED
    progress = await service.progress(cohort, BOTA)
    assert progress is not None
    item = progress.homework[1]
    assert item.status is HomeworkStatus.LATE and not item.can_hand_in


async def test_returned_work_can_be_handed_in_again_after_a_refusing_deadline(
    db: Database, service: HomeworkService, clock: FrozenClock, cohort: int
) -> None:
    clock.set(local(3, 10))
    await given_until(db, clock.now())
    opened = await service.open_draft(cohort, ASEL, "L2.hw")
    assert opened.draft is not None
    await service.add_part(ASEL, NewPart("voice", 31, file_id="v1"))
    handed = await service.hand_in(ASEL, opened.draft.submission.id)
    assert handed.submission is not None
    clock.set(local(4, 9))
    await service.decide(handed.submission.id, CURATOR, "returned", comment_voice_file_id="cv")
    again = await service.open_draft(cohort, ASEL, "L2.hw")
    assert again.outcome is OpenOutcome.OPENED and again.draft is not None
    await service.add_part(ASEL, NewPart("voice", 40, file_id="v2"))
    second = await service.hand_in(ASEL, again.draft.submission.id)
    assert second.outcome is HandInOutcome.HANDED_IN and second.submission is not None and second.submission.late


async def test_the_deadline_moves_with_a_shifted_calendar(db: Database, service: HomeworkService, cohort: int) -> None:
    await db.execute("INSERT INTO delivery_calendars (cohort_id, shift_days) VALUES (?, 2)", (cohort,))
    context = await service.context(cohort, "L1.hw")
    assert context is not None and context.deadline == local(4, 20)


# ---------------------------------------------------------------------------- decisions


async def handed_in(service: HomeworkService, cohort: int, user: int = ASEL) -> int:
    opened = await service.open_draft(cohort, user, "L1.hw")
    assert opened.draft is not None
    await service.add_part(user, text(10 + user))
    handed = await service.hand_in(user, opened.draft.submission.id)
    assert handed.submission is not None
    return handed.submission.id


async def test_the_first_decision_wins_even_at_the_same_moment(
    db: Database, service: HomeworkService, cohort: int
) -> None:
    await db.execute(
        "INSERT INTO users (telegram_id, language, full_name, created_at, updated_at) VALUES (?, 'kk', ?, '', '')",
        (CURATOR, "Гүлнар Сейітқызы"),
    )
    submission_id = await handed_in(service, cohort)
    first, second = await asyncio.gather(
        service.decide(submission_id, CURATOR, "accepted", score=8),
        service.decide(submission_id, OTHER_CURATOR, "returned", comment="Қайта"),
    )
    assert (first.outcome, second.outcome) == (DecideOutcome.DECIDED, DecideOutcome.ALREADY)
    # The second curator is told who decided, and what.
    assert second.review is not None and second.review.reviewer_id == CURATOR
    assert second.review.reviewer_name == "Гүлнар Сейітқызы" and second.review.decision == "accepted"
    assert await db.fetchval("SELECT COUNT(*) FROM submission_reviews") == 1
    assert await db.fetchval("SELECT state FROM submissions WHERE id = ?", (submission_id,)) == "accepted"
    # A stale button later changes nothing either.
    late_press = await service.decide(submission_id, OTHER_CURATOR, "returned")
    assert late_press.outcome is DecideOutcome.ALREADY


async def test_scores_are_checked_against_max_score(service: HomeworkService, cohort: int) -> None:
    submission_id = await handed_in(service, cohort)
    assert (await service.decide(submission_id, CURATOR, "accepted", score=11)).outcome is DecideOutcome.BAD_SCORE
    assert (await service.decide(submission_id, CURATOR, "accepted", score=-1)).outcome is DecideOutcome.BAD_SCORE
    assert (await service.decide(submission_id, CURATOR, "accepted", score=10)).outcome is DecideOutcome.DECIDED


async def test_a_score_for_homework_without_max_score_is_refused(
    db: Database, service: HomeworkService, clock: FrozenClock, cohort: int
) -> None:
    clock.set(local(3, 10))
    await given_until(db, clock.now())
    opened = await service.open_draft(cohort, ASEL, "L2.hw")
    assert opened.draft is not None
    await service.add_part(ASEL, NewPart("voice", 31, file_id="v1"))
    handed = await service.hand_in(ASEL, opened.draft.submission.id)
    assert handed.submission is not None
    result = await service.decide(handed.submission.id, CURATOR, "accepted", score=5)
    assert result.outcome is DecideOutcome.BAD_SCORE


async def test_drafts_and_unknown_submissions_cannot_be_decided(service: HomeworkService, cohort: int) -> None:
    opened = await service.open_draft(cohort, ASEL, "L1.hw")
    assert opened.draft is not None
    assert (await service.decide(opened.draft.submission.id, CURATOR, "accepted")).outcome is DecideOutcome.UNKNOWN
    assert (await service.decide(10**9, CURATOR, "accepted")).outcome is DecideOutcome.UNKNOWN


async def test_the_queue_is_oldest_first_with_who_handed_in(
    service: HomeworkService, clock: FrozenClock, cohort: int
) -> None:
    bota = await handed_in(service, cohort, BOTA)
    clock.advance(timedelta(minutes=5))
    asel = await handed_in(service, cohort, ASEL)
    queue = await service.queue([cohort])
    assert [entry.submission.id for entry in queue] == [bota, asel]
    assert queue[0].learner.full_name == f"Кітапханашы {BOTA}" and queue[0].learner.library == f"Кітапхана № {BOTA}"
    assert await service.waiting_counts([cohort]) == {cohort: 2}
    assert await service.queue([]) == []
    await service.decide(bota, CURATOR, "accepted")
    assert [entry.submission.id for entry in await service.queue([cohort])] == [asel]


# ---------------------------------------------------------------------------- reminders and progress


async def test_deadline_reminders_stop_once_work_is_handed_in(service: HomeworkService, cohort: int) -> None:
    assert not await service.handed_in(cohort, ASEL, "L1.hw")
    submission_id = await handed_in(service, cohort)
    assert await service.handed_in(cohort, ASEL, "L1.hw")
    await service.decide(submission_id, CURATOR, "returned")
    assert not await service.handed_in(cohort, ASEL, "L1.hw")  # returned: she has to hand in again


async def test_progress_shows_lessons_each_homework_and_what_is_missing(
    db: Database, service: HomeworkService, clock: FrozenClock, cohort: int
) -> None:
    progress = await service.progress(cohort, ASEL)
    assert progress is not None
    assert (progress.lessons_received, progress.lessons_total) == (1, 3)
    assert [(h.lesson_number, h.status) for h in progress.homework] == [
        (1, HomeworkStatus.NOT_HANDED_IN),
        (2, HomeworkStatus.NOT_YET),
    ]
    assert [h.lesson_number for h in progress.missing_homework] == [1, 2]

    submission_id = await handed_in(service, cohort)
    await service.decide(submission_id, CURATOR, "accepted", score=7)
    clock.set(local(4, 9))
    await given_until(db, clock.now())
    progress = await service.progress(cohort, ASEL)
    assert progress is not None and progress.lessons_received == 2
    first, second = progress.homework
    assert (first.status, first.score, first.max_score, first.can_hand_in) == (HomeworkStatus.ACCEPTED, 7, 10, False)
    assert (second.status, second.can_hand_in) == (HomeworkStatus.LATE, False)  # late: refuse
    assert [h.lesson_number for h in progress.missing_homework] == [2]
    assert (progress.accepted_required, progress.required_count) == (1, 2)


async def test_progress_after_a_return_stays_returned_while_the_new_draft_is_open(
    service: HomeworkService, cohort: int
) -> None:
    submission_id = await handed_in(service, cohort)
    await service.decide(submission_id, CURATOR, "returned")
    await service.open_draft(cohort, ASEL, "L1.hw")
    progress = await service.progress(cohort, ASEL)
    assert progress is not None
    item = progress.homework[0]
    assert (item.status, item.version, item.can_hand_in) == (HomeworkStatus.RETURNED, 1, True)


async def test_deleting_ones_data_deletes_ones_work_and_leaves_the_queue(
    db: Database, service: HomeworkService, clock: FrozenClock, cohort: int
) -> None:
    returned = await handed_in(service, cohort)
    await service.decide(
        returned, CURATOR, "returned", comment="Асел, телефоныңызды жазыңыз", comment_voice_file_id="v"
    )
    again = await service.open_draft(cohort, ASEL, "L1.hw")
    assert again.draft is not None
    await service.add_part(ASEL, photo(40))
    await service.hand_in(ASEL, again.draft.submission.id)
    other = await handed_in(service, cohort, BOTA)
    registry = PersonalDataRegistry(core_sources(db))
    registry.add(service.repo)
    erasure = ErasureService(UserRepository(db), [], registry)
    await erasure.erase(ASEL, clock.now())

    assert (
        await db.fetchval(
            "SELECT COUNT(*) FROM submission_parts p JOIN submissions s ON s.id = p.submission_id WHERE s.user_id = ?",
            (ASEL,),
        )
        == 0
    )
    review = await service.review(returned)
    assert review is not None and (review.comment, review.comment_voice_file_id) == (None, None)
    assert review.decision == "returned"  # the decision itself stays, for the cohort's counts
    assert [entry.submission.id for entry in await service.queue([cohort])] == [other]
    assert await service.waiting_counts([cohort]) == {cohort: 1}
    assert [p.kind for p in await service.parts(other)] == ["text"]  # Бота's work is untouched


async def test_a_review_group_gets_a_post_for_work_handed_in_after_it_was_bound(
    db: Database, service: HomeworkService, cohort: int, clock: FrozenClock
) -> None:
    """One binding for both features (cohort_groups): a group bound for both serves live quizzes
    and review; a hand-in queues the group's post in its own transaction, once; work decided
    before its post goes out is not posted."""
    groups = LiveQuizRepository(db)
    first = await handed_in(service, cohort)  # no group yet: nothing to post
    assert await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE kind = 'review-post'") == 0
    await groups.bind_group(cohort, -100777, 9, clock.now(), ("quiz", "review"))
    assert await groups.group_of(cohort) == -100777 and await service.review_group(cohort) == -100777
    await groups.bind_group(cohort, -100888, 9, clock.now(), ("review",))  # review moves, quizzes stay
    assert await groups.group_of(cohort) == -100777 and await service.review_group(cohort) == -100888

    await service.decide(first, 9, "returned", comment="Тағы")
    second = await handed_in(service, cohort)
    rows = await db.fetchall("SELECT user_id, item_key, variant, state FROM deliveries WHERE kind = 'review-post'")
    assert [tuple(row) for row in rows] == [(ASEL, "L1.hw", f"post-{second}", "planned")]
    await service.hand_in(ASEL, second)  # pressed twice: nothing more
    assert await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE kind = 'review-post'") == 1

    due = await DeliveryRepository(db).claim(clock.now(), 10)
    [row] = [r for r in due if r.kind == "review-post"]
    post = await service.review_post(row)
    assert post is not None and post.chat_id == -100888 and post.entry.submission.id == second
    await service.decide(second, 9, "accepted")
    with pytest.raises(Withdrawn):
        await service.review_post(row)
