"""Personal data across every table: what /mydata exports and what "Delete my data" leaves.

The tables are found by looking at the migrated schema, not listed by hand: a column named like a
person's id (``user_id``, ``telegram_id``, ``*_by``, ``curator_id``, ...) or a foreign key to
``users``. A feature that adds such a table without a personal-data source in the registry
(``bot/app.py``) fails here; one that adds a source is filled, exported and erased here too.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import SendDocument
from aiogram.types import BufferedInputFile

from bot.broadcasts.model import Audience, BroadcastContent
from bot.courses.catalog import course_title
from bot.people.erasure import ErasureService
from bot.people.model import Profile
from bot.people.personal_data import UNCONSENTED_AT, UNCONSENTED_JOB, PersonalDataRegistry, PersonalDataService
from bot.scheduling import Job
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository
from storage.db import Database
from storage.fsm import SQLiteStorage
from storage.roles import RoleRepository
from tests.auxil.delivery_setup import SAMPLE, import_version, make_cohort
from tests.auxil.harness import Harness
from tests.auxil.updates import tg_user
from tests.conftest import OWNER_ID

PERSON = 4242
OTHER = 4343  # a colleague: nothing of theirs may leave with the person's data, nor be erased
PERSON_PROFILE = Profile(
    full_name="Гүлнар Әбілқасымқызы Жұмабаева",
    region="abai",
    district="Үржар ауданы",
    library="Мақаншы ауылдық кітапханасы",
    position="кітапханашы",
    settlement="rural",
)
OTHER_PROFILE = Profile(
    full_name="Сәуле Нұрланқызы Оспанова",
    region="jetisu",
    district="Сарқан ауданы",
    library="Сарқан аудандық кітапханасы",
    position="әдіскер",
    settlement="urban",
)
PERSON_USERNAME = "gulnar_urzhar"
# Strings only the person's own data contains: none may survive anywhere in the database.
PERSON_STRINGS = (
    PERSON_PROFILE.full_name,
    PERSON_PROFILE.district,
    PERSON_PROFILE.library,
    PERSON_USERNAME,
    "менің жартылай толтырған жауабым",
)

PERSON_COLUMN = re.compile(r"^(user_id|telegram_id|.+_user_id|curator_id|learner_id|reviewer_id|author_id|.+_by)$")


async def person_columns(db: Database) -> dict[str, set[str]]:
    """Every table with a column that holds a person's id, after all migrations; the FSM table
    too, whose key holds it."""
    found: dict[str, set[str]] = {"fsm_state": {"storage_key"}}
    tables = await db.fetchall("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    for (table,) in tables:
        for column in await db.fetchall(f"PRAGMA table_info({table})"):
            if PERSON_COLUMN.match(column["name"]):
                found.setdefault(table, set()).add(column["name"])
        for key in await db.fetchall(f"PRAGMA foreign_key_list({table})"):
            if key["table"] == "users":
                found.setdefault(table, set()).add(key["from"])
    return found


async def rows_of(db: Database, table: str, column: str, user_id: int) -> int:
    if table == "fsm_state":
        keys = await db.fetchall("SELECT storage_key FROM fsm_state")
        return sum(1 for (key,) in keys if key.split(":")[2] == str(user_id))
    return await db.fetchval(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (user_id,))


# ---------------------------------------------------------------------------------- filling


async def fill_with_features(harness: Harness, tmp_path: Path) -> int:
    """The person as the bot makes them: registered, enrolled (lessons planned, two sent),
    an organizer and curator who opened a cohort, curates it and granted a colleague a role, in
    the middle of a form. The colleague is enrolled too. Returns the cohort's id."""
    db, now = harness.db, harness.clock.now()
    await harness.users.register(PERSON, PERSON_PROFILE, language="kk", username=PERSON_USERNAME, now=now)
    await harness.users.register(OTHER, OTHER_PROFILE, language="ru", username="saule_o", now=now)
    roles = RoleRepository(db)
    await roles.grant(PERSON, "organizer", OWNER_ID, now)
    await roles.grant(PERSON, "curator", OWNER_ID, now)
    await roles.grant(OTHER, "curator", PERSON, now)
    version = await import_version(db, SAMPLE, tmp_path / "files")
    cohort_id = await make_cohort(db, version, date(2026, 4, 20), now, name="Үржар кітапханалары")
    cohorts = CohortRepository(db)
    await db.execute("UPDATE cohorts SET created_by = ? WHERE id = ?", (PERSON, cohort_id))
    await cohorts.add_curator(cohort_id, PERSON)
    cohort = await cohorts.get(cohort_id)
    assert cohort is not None
    for user_id in (PERSON, OTHER):
        await harness.dp["enrolment"].enrol(user_id, cohort.invite_code, now)
    await db.execute(
        """
        UPDATE deliveries SET state = 'sent', sent_at = due_at, parts_done = 1, message_ids = '5001'
         WHERE id IN (SELECT id FROM deliveries WHERE user_id = ? ORDER BY due_at LIMIT 2)
        """,
        (PERSON,),
    )
    await db.execute(
        "UPDATE deliveries SET state = 'unreachable' WHERE id = (SELECT MAX(id) FROM deliveries WHERE user_id = ?)",
        (PERSON,),
    )
    # A message they broadcast to the cohort, with its progress message in their chat.
    sent = await harness.dp["broadcasts"].send(
        cohort_id, PERSON, "kk", BroadcastContent("text", "Ертең Zoom 15:00-де"), Audience()
    )
    await harness.dp["broadcasts"].repo.set_progress_message(sent.id, PERSON, 5002)
    # Their certificate (issued by hand by the owner), and a number they tried that does not exist.
    await harness.dp["certificates"].issue(cohort_id, PERSON, issued_by=OWNER_ID)
    await harness.dp["certificates"].check(PERSON, None)
    await SQLiteStorage(db, harness.clock).set_data(
        StorageKey(bot_id=harness.bot.id, chat_id=PERSON, user_id=PERSON),
        {"full_name": "менің жартылай толтырған жауабым"},
    )
    return cohort_id


def _check_choices(create_sql: str, column: str) -> list[str]:
    match = re.search(rf"\b{column}\b[^,]*?CHECK\s*\(\s*{column}\s+IN\s*\(([^)]*)\)", create_sql, re.S)
    return re.findall(r"'([^']*)'", match.group(1)) if match else []


async def fill_generically(db: Database, table: str, user_id: int) -> None:
    """A row of ``table`` for the person, for a table the features' fill does not reach yet:
    foreign keys point at the person's own parent rows where the parent has a person column."""
    create_sql = await db.fetchval("SELECT sql FROM sqlite_master WHERE name = ?", (table,))
    columns = await db.fetchall(f"PRAGMA table_info({table})")
    keys = await db.fetchall(f"PRAGMA foreign_key_list({table})")
    values: dict[str, Any] = {}
    for group in sorted({key["id"] for key in keys}):
        pairs = [(key["from"], key["to"], key["table"]) for key in keys if key["id"] == group]
        parent = pairs[0][2]
        targets = [to or "rowid" for _, to, _ in pairs]
        parent_columns = {c["name"] for c in await db.fetchall(f"PRAGMA table_info({parent})")}
        own = [c for c in parent_columns if PERSON_COLUMN.match(c) and c not in ("created_by", "granted_by")]
        where = f" WHERE {own[0]} = {user_id}" if own else ""
        row = await db.fetchone(f"SELECT {', '.join(targets)} FROM {parent}{where} LIMIT 1")
        assert row is not None, f"no {parent} row to point {table} at: add a fill for {table} in this test"
        values.update({frm: row[i] for i, (frm, _, _) in enumerate(pairs)})
    for column in columns:
        name, kind = column["name"], (column["type"] or "").upper()
        if name in values:
            continue
        if PERSON_COLUMN.match(name):
            values[name] = user_id
        elif column["pk"] == 1 and kind == "INTEGER":
            continue
        elif choices := _check_choices(create_sql, name):
            values[name] = choices[0]
        elif column["notnull"] and column["dflt_value"] is None:
            values[name] = 1 if "INT" in kind or "REAL" in kind else "2026-04-15T05:00:00Z"
    names = ", ".join(values)
    try:
        await db.execute(
            f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(values))})", list(values.values())
        )
    except sqlite3.IntegrityError as error:
        pytest.fail(f"could not fill {table} generically ({error}): add a fill for it in this test")


async def filled(harness: Harness, tmp_path: Path) -> tuple[int, dict[str, set[str]]]:
    cohort_id = await fill_with_features(harness, tmp_path)
    columns = await person_columns(harness.db)
    for table, names in columns.items():
        if not any([await rows_of(harness.db, table, column, PERSON) for column in names]):
            await fill_generically(harness.db, table, PERSON)
    return cohort_id, columns


async def sample_title(harness: Harness, language: str) -> str:
    version_id = await harness.db.fetchval("SELECT MAX(id) FROM course_versions")
    title = await course_title(CourseRepository(harness.db), version_id, language)
    assert title
    return title


def registry(harness: Harness) -> PersonalDataRegistry:
    erasure: ErasureService = harness.dp["erasure"]
    assert erasure.registry is not None
    return erasure.registry


# ---------------------------------------------------------------------------------- the tests


async def test_every_table_with_a_persons_id_has_a_source_that_exports_and_erases_it(harness: Harness) -> None:
    declared = registry(harness).declared()
    missing = {
        f"{table}.{column}"
        for table, columns in (await person_columns(harness.db)).items()
        for column in columns
        if column not in declared.get(table, set())
    }
    assert not missing, (
        f"{sorted(missing)} hold a person's id but no personal-data source declares them: give the repository "
        "`columns`, `export` and `erase` (bot/people/personal_data.py) and add it to the registry in bot/app.py"
    )
    # The export reads the same registry as the erasure.
    assert harness.dp["personal_data"].registry is registry(harness)


async def test_the_export_covers_every_table_and_nothing_about_other_people(harness: Harness, tmp_path: Path) -> None:
    await filled(harness, tmp_path)
    for source in registry(harness).sources:
        holds = [
            table
            for table, names in source.columns.items()
            if any([await rows_of(harness.db, table, column, PERSON) for column in names])
        ]
        exported = await source.export(PERSON)
        if holds:
            assert any(value not in (None, [], {}) for value in exported.values()), (
                f"{type(source).__name__} holds the person in {holds} but exports nothing"
            )
    export = await harness.dp["personal_data"].export(PERSON, "kk")
    text = export.file_bytes().decode("utf-8")
    assert json.loads(text) == export.sections
    for string in PERSON_STRINGS:
        assert string in text
    for string in (OTHER_PROFILE.full_name, OTHER_PROFILE.library, "saule_o", str(OTHER), str(OWNER_ID)):
        assert string not in text
    assert [row["course"] for row in export.sections["enrolments"]] == [await sample_title(harness, "kk")]
    assert {row["role"] for row in export.sections["roles"]} == {"organizer", "curator"}
    assert {row["state"] for row in export.sections["deliveries"]} >= {"sent", "planned", "unreachable"}
    assert [row["message"] for row in export.sections["broadcasts_sent"]] == ["Ертең Zoom 15:00-де"]


async def test_deleting_leaves_no_personal_data_in_any_table(harness: Harness, tmp_path: Path) -> None:
    cohort_id, columns = await filled(harness, tmp_path)
    db = harness.db
    enrolments_before = await db.fetchval("SELECT COUNT(*) FROM enrolments WHERE cohort_id = ?", (cohort_id,))
    sent_before = await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE state = 'sent'")
    other_before = await harness.dp["personal_data"].export(OTHER, "ru")

    erased = await harness.dp["erasure"].erase(PERSON, harness.clock.now())
    assert erased.enrolments == 1 and erased.deliveries > 0

    left = {
        f"{table}.{column}": count
        for table, names in columns.items()
        for column in names
        if (count := await rows_of(db, table, column, PERSON)) and not (table == "users" and column == "telegram_id")
    }
    assert left == {}
    # The users row keeps the language only (the bot still answers them in it).
    person = await db.fetchone("SELECT * FROM users WHERE telegram_id = ?", (PERSON,))
    assert person is not None
    assert {key: person[key] for key in person.keys() if person[key] is not None} == {
        "telegram_id": PERSON,
        "language": "kk",
        "created_at": "2026-04-15T05:00:00Z",
        "updated_at": "2026-04-15T05:00:00Z",
    }
    # No text of theirs anywhere, in any table.
    for (table,) in await db.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in await db.fetchall(f"SELECT * FROM {table}"):
            for value in row:
                if isinstance(value, str):
                    assert not any(string in value for string in PERSON_STRINGS), (table, value)
    # Counts stay: the cohort still had two learners, and the sent lessons were sent.
    assert await db.fetchval("SELECT COUNT(*) FROM enrolments WHERE cohort_id = ?", (cohort_id,)) == enrolments_before
    assert await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE state = 'sent'") == sent_before
    assert (
        await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE state IN ('planned', 'unreachable') AND user_id < 0")
        == 0
    )
    assert await db.fetchall("PRAGMA foreign_key_check") == []
    # The colleague keeps everything, the curator role the person granted included.
    assert await harness.dp["personal_data"].export(OTHER, "ru") == other_before
    assert await RoleRepository(db).roles_of(OTHER) == {"curator"}
    # And the person's own export now says only their language.
    after = await harness.dp["personal_data"].export(PERSON, "kk")
    assert after.sections["profile"]["language"] == "kk"
    assert all(value in ([], None) for name, value in after.sections.items() if name != "profile")


async def test_mydata_sends_a_summary_and_the_file_in_the_persons_language(harness: Harness, tmp_path: Path) -> None:
    await fill_with_features(harness, tmp_path)
    person = tg_user(PERSON, language_code="kk")
    kk = lambda key, **kw: harness.translator.get("kk", key, **kw)  # noqa: E731

    sent = await harness.send(person, "/mydata")
    summary = sent[0].text
    assert summary.startswith(kk("mydata-title"))
    assert kk("mydata-line-name", name=PERSON_PROFILE.full_name) in summary
    assert "<b>Келісім берілген уақыт:</b> 15 сәуір, сәрсенбі, 10:00" in summary  # UTC 05:00 in Asia/Almaty
    assert "<b>Рөлдер:</b> Ұйымдастырушы, Куратор" in summary or "<b>Рөлдер:</b> Куратор, Ұйымдастырушы" in summary
    assert f"• Үржар кітапханалары: {await sample_title(harness, 'kk')} (оқып жүрсіз)" in summary
    assert "<b>Курс хабарламалары:</b> 2 жіберілді" in summary
    assert OTHER_PROFILE.full_name not in summary
    document = harness.session.requests[-1]
    assert isinstance(document, SendDocument) and int(document.chat_id) == PERSON
    assert document.caption == "📄 Сіз туралы деректер (15 сәуір, сәрсенбі)"
    assert isinstance(document.document, BufferedInputFile) and document.document.filename == "oqu-my-data.json"
    data = json.loads(document.document.data.decode("utf-8"))
    assert data["profile"]["full_name"] == PERSON_PROFILE.full_name
    assert data["about"] == kk("mydata-file-about")
    assert data["profile_labels"] == {"region": "Абай облысы", "settlement": kk("settlement-rural")}
    assert OTHER_PROFILE.full_name not in document.document.data.decode("utf-8")

    # The same from the profile's button.
    await harness.send(person, "/profile")
    before = len(harness.session.requests)
    await harness.click(person, "📄 Менің деректерім")
    assert any(isinstance(request, SendDocument) for request in harness.session.requests[before:])


async def test_mydata_for_someone_who_only_chose_a_language_and_for_a_stranger(harness: Harness) -> None:
    await harness.users.set_language(77, "en", harness.clock.now())
    sent = await harness.send(tg_user(77, language_code="en"), "/mydata")
    assert "<b>Consent:</b> not given; only your language is kept." in sent[0].text
    assert isinstance(harness.session.requests[-1], SendDocument)

    sent = await harness.send(tg_user(78, language_code="ru"), "/mydata")
    assert [message.text for message in sent] == ["Я ничего о вас не храню."]
    assert not isinstance(harness.session.requests[-1], SendDocument)


async def test_deleting_through_the_profile_then_mydata_shows_only_the_language(
    harness: Harness, tmp_path: Path
) -> None:
    await fill_with_features(harness, tmp_path)
    person = tg_user(PERSON, language_code="kk")
    await harness.send(person, "/profile")
    await harness.click(person, "🗑 Деректерімді жою")
    await harness.click(person, "🗑 Иә, жою")
    assert await rows_of(harness.db, "fsm_state", "storage_key", PERSON) == 0
    sent = await harness.send(person, "/mydata")
    assert PERSON_PROFILE.full_name not in sent[0].text
    assert "<b>Келісім:</b> берілмеген, тек тіліңіз сақталады." in sent[0].text
    assert "Курстар" not in sent[0].text


class RecordingScheduler:
    def __init__(self) -> None:
        self.crons: dict[str, tuple[Job, str, int, int]] = {}

    def cron(self, job_id: str, job: Job, *, timezone: str, hour: int, minute: int = 0, day_of_week: str = "*") -> None:
        self.crons[job_id] = (job, timezone, hour, minute)


async def test_people_who_never_consented_are_forgotten_after_unconsented_days(harness: Harness) -> None:
    users, clock, db = harness.users, harness.clock, harness.db
    service: PersonalDataService = harness.dp["personal_data"]
    assert service.unconsented_days == 30
    scheduler = RecordingScheduler()
    service.schedule(scheduler)  # type: ignore[arg-type]
    job, timezone, hour, minute = scheduler.crons[UNCONSENTED_JOB]
    assert (timezone, (hour, minute)) == ("Asia/Almaty", UNCONSENTED_AT)

    start = clock.now()
    await users.set_language(1, "kk", start)  # chose a language, never consented
    await users.remember_payload(2, "invite-code", start)  # opened an invite, nothing else
    await SQLiteStorage(db, clock).set_state(StorageKey(bot_id=1, chat_id=1, user_id=1), "Registration:consent")
    await users.register(3, PERSON_PROFILE, language="ru", username=None, now=start)  # consented
    await users.set_language(4, "en", start)
    await RoleRepository(db).grant(4, "curator", OWNER_ID, start)  # an owner made them a curator first
    await users.register(5, OTHER_PROFILE, language="kk", username=None, now=start)
    clock.advance(timedelta(days=20))
    await users.set_language(6, "ru", clock.now())  # started the bot ten days before the check
    await harness.dp["erasure"].erase(5, clock.now())  # deleted their data: the 30 days start now

    clock.advance(timedelta(days=10, seconds=1))
    await job()
    remaining = {row[0] for row in await db.fetchall("SELECT telegram_id FROM users WHERE telegram_id > 0")}
    assert remaining == {3, 4, 5, 6}
    assert await db.fetchval("SELECT COUNT(*) FROM fsm_state") == 0

    clock.advance(timedelta(days=20))
    assert await service.forget_unconsented() == 2  # 5 and 6 now
    remaining = {row[0] for row in await db.fetchall("SELECT telegram_id FROM users WHERE telegram_id > 0")}
    assert remaining == {3, 4}
