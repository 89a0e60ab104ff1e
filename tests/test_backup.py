"""Backups and restore (docs/operations.md): what an operator sees at the command line, and what
the restored database holds."""

from __future__ import annotations

import asyncio
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tarfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import PROJECT_ROOT
from bot.app import Application, create_dispatcher
from bot.backup.archive import NAME, Refusal, RestoreRefusedError
from bot.backup.service import DAILY_JOB, DailyBackup, restore_backup, take_backup
from bot.cli.backup import main as cli
from bot.clock import FrozenClock
from bot.config import Settings
from bot.courses.bootstrap import ensure_sample_course
from bot.i18n import Translator
from bot.scheduling import Job
from bot.scheduling.aps import ApsScheduler
from storage.db import Database
from storage.lock import DatabaseInUseError, DatabaseLock
from storage.migrations import latest_version
from tests.conftest import TEST_TOKEN
from tests.test_process import _free_port, read_until

ROWS_PER_BATCH = 10
T0 = datetime(2026, 4, 15, 5, 0, tzinfo=UTC)


async def _ledger(db: Database) -> None:
    async with db.transaction() as conn:
        await conn.execute("CREATE TABLE ledger (batch INTEGER NOT NULL, n INTEGER NOT NULL)")
        await conn.execute("CREATE TABLE progress (id INTEGER PRIMARY KEY CHECK (id = 1), batches INTEGER NOT NULL)")
        await conn.execute("INSERT INTO progress VALUES (1, 0)")


async def _write_batch(db: Database, batch: int) -> None:
    """One transaction: ten rows and the counter; a backup must see all of it or none."""
    async with db.transaction() as conn:
        for n in range(ROWS_PER_BATCH):
            await conn.execute("INSERT INTO ledger VALUES (?, ?)", (batch, n))
            if n == ROWS_PER_BATCH // 2:
                await asyncio.sleep(0)  # let the backup thread run in the middle of the transaction
        await conn.execute("UPDATE progress SET batches = ?", (batch,))


async def _course_db(path: Path, clock: FrozenClock) -> Database:
    db = await Database.open(path)
    await ensure_sample_course(db, path.parent / "files", clock)
    await _ledger(db)
    return db


def _query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


async def test_a_backup_under_continuous_writes_restores_to_a_whole_prefix_with_its_files(
    tmp_path: Path, clock: FrozenClock
) -> None:
    live = tmp_path / "live" / "bot.sqlite3"
    db = await _course_db(live, clock)
    stop, warmed_up = asyncio.Event(), asyncio.Event()
    written: list[int] = []

    async def writer() -> None:
        batch = 0
        while not stop.is_set():
            batch += 1
            await _write_batch(db, batch)
            written.append(batch)
            if batch == 200:
                warmed_up.set()

    task = asyncio.create_task(writer())
    try:
        await warmed_up.wait()
        before = len(written)
        result = await asyncio.to_thread(take_backup, live, tmp_path / "backups", now=clock.now())
        during = len(written) - before
        await asyncio.sleep(0.05)
    finally:
        stop.set()
        await task
        await db.close()
    assert during > 0, "the writer was blocked for the whole backup"
    assert NAME.match(result.path.name) and result.path.name == "oqu-backup-20260415T050000Z.tar.gz"
    assert result.manifest.schema_version == latest_version()
    assert result.course_files > 0 and not result.manifest.missing

    target = tmp_path / "elsewhere" / "bot.sqlite3"
    restored = restore_backup(result.path, target, now=clock.now())
    assert restored.kept is None  # nothing was there
    assert _query(target, "PRAGMA integrity_check") == [("ok",)]
    (batches,) = _query(target, "SELECT batches FROM progress")[0]
    assert before <= batches <= before + during
    # A whole prefix: every batch up to the counter with all its rows, nothing after it.
    counts = _query(target, "SELECT batch, count(*) FROM ledger GROUP BY batch ORDER BY batch")
    assert counts == [(b, ROWS_PER_BATCH) for b in range(1, batches + 1)]
    # The course files came along, beside the restored database, and the versions point there.
    files = target.parent / "files"
    for entry in result.manifest.course_files:
        assert (files / Path(entry.path).name).read_bytes() == (live.parent / entry.path).read_bytes()
    assert _query(target, "SELECT DISTINCT files_dir FROM course_versions") == [(str(files.resolve()),)]


async def test_restore_keeps_the_replaced_database_and_no_old_log_survives(tmp_path: Path, clock: FrozenClock) -> None:
    database = tmp_path / "bot.sqlite3"
    db = await _course_db(database, clock)
    await _write_batch(db, 1)
    await db.close()
    archive = take_backup(database, tmp_path / "backups", now=clock.now()).path

    db = await Database.open(database)
    await _write_batch(db, 2)  # after the backup: the restore must undo it, the kept copy keep it
    await db.close()
    later = clock.now() + timedelta(hours=1)
    result = restore_backup(archive, database, now=later)

    assert result.kept == tmp_path / "bot.sqlite3.before-restore-20260415T060000Z"
    assert _query(result.kept, "SELECT batches FROM progress") == [(2,)]
    assert _query(database, "SELECT batches FROM progress") == [(1,)]
    assert not (tmp_path / "bot.sqlite3-wal").exists()
    # The bot opens the restored file as usual (WAL again, migrations up to date).
    db = await Database.open(database)
    assert await db.fetchval("SELECT batches FROM progress") == 1
    await db.close()


# -- refusals --------------------------------------------------------------------------------


def _rewrite(archive: Path, change: Callable[[str, bytes], bytes | None]) -> None:
    """Rebuild ``archive`` with each member passed through ``change`` (None drops it)."""
    with tarfile.open(archive, "r:gz") as tar:
        members = [(m, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]
    with tarfile.open(archive, "w:gz") as tar:
        for member, data in members:
            new = change(member.name, data)
            if new is not None:
                member.size = len(new)
                tar.addfile(member, io.BytesIO(new))


def _manifest(change: Callable[[dict], None]) -> Callable[[str, bytes], bytes | None]:
    def apply(name: str, data: bytes) -> bytes | None:
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        change(manifest)
        return json.dumps(manifest).encode()

    return apply


def _flip_a_byte_of_a_course_file(name: str, data: bytes) -> bytes | None:
    return data[:-1] + bytes([data[-1] ^ 1]) if name.startswith("files/") else data


def _drop_one_course_file() -> Callable[[str, bytes], bytes | None]:
    dropped: list[str] = []

    def apply(name: str, data: bytes) -> bytes | None:
        if name.startswith("files/") and not dropped:
            dropped.append(name)
            return None
        return data

    return apply


def _newer_schema(manifest: dict) -> None:
    manifest["schema_version"] = latest_version() + 1


@pytest.fixture
async def backed_up(tmp_path: Path, clock: FrozenClock) -> tuple[Path, Path]:
    """A database (with the sample course) and a backup of it, taken after one more batch."""
    database = tmp_path / "data" / "bot.sqlite3"
    db = await _course_db(database, clock)
    await _write_batch(db, 1)
    await db.close()
    archive = take_backup(database, tmp_path / "backups", now=clock.now()).path
    db = await Database.open(database)
    await _write_batch(db, 2)
    await db.close()
    return database, archive


@pytest.mark.parametrize(
    ("change", "code", "line"),
    [
        (
            _flip_a_byte_of_a_course_file,
            1,
            "does not match its checksum: the archive is damaged. Nothing was restored; try an older backup.",
        ),
        (_drop_one_course_file(), 1, "The backup is incomplete: files/"),
        (
            _manifest(_newer_schema),
            4,
            f"This backup has database schema version {latest_version() + 1}; this Oqu knows up to "
            f"{latest_version()}. Install the newer Oqu that took it, then restore.",
        ),
    ],
    ids=["bad-checksum", "missing-file", "newer-schema"],
)
async def test_a_damaged_incomplete_or_newer_backup_is_refused_and_nothing_changes(
    backed_up: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    change: Callable[[str, bytes], bytes | None],
    code: int,
    line: str,
) -> None:
    database, archive = backed_up
    _rewrite(archive, change)
    before = database.read_bytes()

    assert cli(["restore", str(archive), "--db", str(database)]) == code

    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and line in err
    assert database.read_bytes() == before  # still batch 2, nothing set aside, nothing left behind
    assert sorted(p.name for p in database.parent.iterdir()) == ["bot.sqlite3", "bot.sqlite3.lock", "files"]


async def test_a_database_that_fails_integrity_check_is_refused(
    backed_up: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    database, archive = backed_up

    def corrupt(name: str, data: bytes) -> bytes | None:
        if name != "bot.sqlite3":
            return data
        page = 4096
        return data[: 2 * page] + b"\xff" * page + data[3 * page :]  # a b-tree page overwritten

    _rewrite(archive, corrupt)
    # ...with checksums that match, as if the file had been damaged before it was archived.
    import hashlib

    with tarfile.open(archive, "r:gz") as tar:
        db_bytes = tar.extractfile("bot.sqlite3").read()  # type: ignore[union-attr]

    def fix(manifest: dict) -> None:
        for entry in manifest["files"]:
            if entry["path"] == "bot.sqlite3":
                entry["sha256"] = hashlib.sha256(db_bytes).hexdigest()

    _rewrite(archive, _manifest(fix))

    assert cli(["restore", str(archive), "--db", str(database)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: The database in the backup fails PRAGMA integrity_check (")
    assert _query(database, "SELECT batches FROM progress") == [(2,)]


async def test_something_that_is_not_a_backup_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.tar.gz"
    notes.write_text("not an archive")
    assert cli(["restore", str(notes), "--db", str(tmp_path / "bot.sqlite3")]) == 1
    assert "cannot be read as a backup archive" in capsys.readouterr().err
    assert cli(["restore", str(tmp_path / "absent.tar.gz"), "--db", str(tmp_path / "bot.sqlite3")]) == 1
    assert capsys.readouterr().err == f"error: There is no backup at {tmp_path / 'absent.tar.gz'}.\n"
    assert not (tmp_path / "bot.sqlite3").exists()


# -- the running bot's lock ------------------------------------------------------------------


def _env(database: Path, **extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "ADMIN_IDS", "TELEGRAM_API_URL"}}
    return base | {"PYTHONPATH": str(PROJECT_ROOT), "DATABASE_PATH": str(database)} | extra


def _cli(database: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=_env(database),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_restore_refuses_while_the_bot_runs_and_works_once_it_is_killed(
    backed_up: tuple[Path, Path], tmp_path: Path
) -> None:
    database, archive = backed_up
    bot = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        env=_env(database, BOT_TOKEN=TEST_TOKEN, TELEGRAM_API_URL=f"http://127.0.0.1:{_free_port()}"),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        read_until(bot, "not reachable")  # built: the database is open and locked
        refused = _cli(database, "restore", str(archive), cwd=tmp_path)
        assert refused.returncode == 3
        assert refused.stderr == (
            f"error: The bot is running on {database} (process {bot.pid}): stop it first, then restore. "
            "Nothing was changed.\n"
        )
        # A backup, on the other hand, is taken while it runs, without a token.
        taken = _cli(database, "backup", str(tmp_path / "while-running"), cwd=tmp_path)
        assert taken.returncode == 0 and taken.stdout.startswith("Backup taken: "), taken.stderr
        bot.send_signal(signal.SIGKILL)  # no chance to clean up: the kernel lets go of the lock
        bot.communicate(timeout=45)
    finally:
        bot.kill()
    restored = _cli(database, "restore", str(archive), cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith(f"Restored {database} from {archive.name}, taken 2026-04-15 10:00 (Asia/Almaty)")
    assert "The replaced database is kept as " in restored.stdout
    assert _query(database, "SELECT batches FROM progress") == [(1,)]


async def test_the_application_holds_the_database_until_it_closes(
    backed_up: tuple[Path, Path], settings: Settings
) -> None:
    database, archive = backed_up
    settings = settings.model_copy(update={"database_path": database})
    app = await Application.build(settings)
    try:
        with pytest.raises(DatabaseInUseError):  # a second bot on the same file stops at once
            await Application.build(settings)
        with pytest.raises(RestoreRefusedError) as refused:
            restore_backup(archive, database, now=T0)
        assert refused.value.reason is Refusal.BOT_RUNNING
    finally:
        await app.close()
    restore_backup(archive, database, now=T0)
    assert _query(database, "SELECT batches FROM progress") == [(1,)]


async def test_a_restore_holds_the_database_too(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    with DatabaseLock(database):
        other = DatabaseLock(database)
        with pytest.raises(DatabaseInUseError) as caught:
            other.acquire()
        assert caught.value.holder == os.getpid()
        with pytest.raises(RestoreRefusedError) as refused:
            restore_backup(_any_file(tmp_path), database, now=T0)
        assert refused.value.reason is Refusal.BOT_RUNNING
    DatabaseLock(database).acquire()  # free again once released


def _any_file(folder: Path) -> Path:
    path = folder / "some.tar.gz"
    path.write_bytes(b"x")
    return path


# -- the daily backup ------------------------------------------------------------------------


class CronRecorder:
    def __init__(self) -> None:
        self.cron_jobs: dict[str, tuple[Job, str, int, int]] = {}

    def cron(self, job_id: str, job: Job, *, timezone: str, hour: int, minute: int = 0, day_of_week: str = "*") -> None:
        self.cron_jobs[job_id] = (job, timezone, hour, minute)


async def test_the_daily_backup_runs_at_backup_at_and_keeps_backup_keep_days(
    tmp_path: Path, clock: FrozenClock, translator: Translator
) -> None:
    settings = Settings(
        _env_file=None,
        bot_token=TEST_TOKEN,
        database_path=tmp_path / "data" / "bot.sqlite3",
        backup_at="3:30",
        backup_keep=14,
        timezone="Asia/Almaty",
    )
    db = await _course_db(settings.database_path, clock)
    try:
        backups: DailyBackup = create_dispatcher(settings, db, translator, clock)["backups"]
        recorder = CronRecorder()
        backups.schedule(recorder)  # type: ignore[arg-type]
        job, zone, hour, minute = recorder.cron_jobs[DAILY_JOB]
        assert (zone, hour, minute) == ("Asia/Almaty", 3, 30)
        # With APScheduler behind the port, the next run is 03:30 in Almaty.
        aps = ApsScheduler()
        aps.start()
        try:
            backups.schedule(aps)
            moment = aps.next_run(DAILY_JOB)
            assert moment is not None and moment.astimezone(ZoneInfo("Asia/Almaty")).strftime("%H:%M") == "03:30"
        finally:
            aps.shutdown()

        folder = tmp_path / "data" / "backups"
        (folder).mkdir()
        (folder / "notes.txt").write_text("mine")  # not ours: never pruned
        almaty = ZoneInfo("Asia/Almaty")
        first = datetime(2026, 4, 1, 3, 30, tzinfo=almaty)
        for day in range(20):  # twenty nights, no sleeping: the clock moves
            clock.set(first + timedelta(days=day, seconds=day % 3))
            await job()
            await backups.stop(10)
            await _write_batch(db, day + 1)
    finally:
        await db.close()
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 15 and names[0] == "notes.txt"
    # The last 14 local days: 7 April to 20 April (03:30 in Almaty is 22:30 UTC the day before).
    assert names[1] == "oqu-backup-20260406T223000Z.tar.gz"
    assert names[-1] == "oqu-backup-20260419T223001Z.tar.gz"
    latest = backups.latest()
    assert latest is not None and latest[1] == folder / names[-1]
    assert backups.last is not None and backups.last.path == folder / names[-1]


def test_backup_at_accepts_a_time_or_off_and_says_what_is_wrong(tmp_path: Path) -> None:
    assert Settings(_env_file=None, backup_at="off").backup_time is None
    assert Settings(_env_file=None, backup_at=" 7:05 ").backup_at == "07:05"
    default = Settings(_env_file=None, database_path=tmp_path / "db.sqlite3")
    assert (default.backup_at, default.backup_keep, default.backups_dir) == ("03:00", 14, tmp_path / "backups")
    with pytest.raises(ValueError, match="write HH:MM, such as 03:00, or off"):
        Settings(_env_file=None, backup_at="25:00")


def test_backup_needs_no_token_and_says_when_there_is_no_database(tmp_path: Path) -> None:
    result = _cli(tmp_path / "absent.sqlite3", "backup", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"error: there is no database at {tmp_path / 'absent.sqlite3'} (DATABASE_PATH); nothing to back up.\n"
    )
