"""Importing courses into a real SQLite file: versions, items, files, the CLI, migration 0003."""

from __future__ import annotations

import shutil
import zipfile
from datetime import timedelta
from pathlib import Path

import aiosqlite
import pytest

from bot.cli.course import main as course_cli
from bot.clock import FrozenClock
from bot.courses.codec import course_from_json
from bot.courses.importing import InvalidCourseError, import_course
from bot.courses.loading import load_course
from storage.courses import CourseRepository
from storage.db import Database
from storage.migrations import current_version, migrate

SAMPLE = Path(__file__).resolve().parents[1] / "courses" / "sample"


@pytest.fixture
def editable(tmp_path: Path) -> Path:
    """A copy of the sample course that a test may change."""
    return Path(shutil.copytree(SAMPLE, tmp_path / "editable"))


async def test_import_stores_a_version_its_items_and_its_files(
    db: Database, tmp_path: Path, clock: FrozenClock
) -> None:
    files_dir = tmp_path / "data" / "files"

    summary = await import_course(db, SAMPLE, files_dir, clock=clock)

    assert (summary.code, summary.version, summary.unchanged) == ("library-work-modern", 1, False)
    assert (summary.lessons, summary.homework, summary.quizzes) == (5, 4, 1)
    assert summary.languages == ("kk", "ru", "en") and summary.questionnaire
    assert summary.warnings == []
    repo = CourseRepository(db)
    stored = await repo.latest_version("library-work-modern")
    assert stored is not None
    assert stored.imported_at == "2026-04-15T05:00:00Z"
    assert stored.content_hash == summary.content_hash
    assert Path(stored.files_dir) == files_dir.resolve()
    assert course_from_json(stored.content) == load_course(SAMPLE).course
    items = await repo.items(stored.id)
    assert [i.key for i in items] == [
        "L1",
        "L1.hw",
        "L2",
        "L2.hw",
        "L3",
        "L3.hw",
        "L4",
        "L4.quiz",
        "L5",
        "L5.hw",
        "Q",
    ]
    l1_hw = items[1]
    assert (l1_hw.release_day, l1_hw.release_time, l1_hw.due_day, l1_hw.due_time) == (
        1,
        "10:00",
        3,
        "09:00",
    )
    assert items[3].due_hours == 48
    assert (items[-1].kind, items[-1].release_day, items[-1].release_time) == (
        "questionnaire",
        10,
        "12:00",
    )
    # Every file is copied once, named by its content, with the same bytes.
    course = course_from_json(stored.content)
    for ref in course.files():
        copy = files_dir / ref.stored_name
        assert copy.read_bytes() == (SAMPLE / ref.path).read_bytes()
    assert len(list(files_dir.iterdir())) == 9
    assert await db.fetchval("SELECT count(*) FROM course_files") == 9


async def test_reimporting_the_same_course_changes_nothing(db: Database, tmp_path: Path, clock: FrozenClock) -> None:
    first = await import_course(db, SAMPLE, tmp_path / "files", clock=clock)
    clock.advance(timedelta(days=1))

    again = await import_course(db, SAMPLE, tmp_path / "files", clock=clock)

    assert again.unchanged and again.version == first.version == 1
    assert await db.fetchval("SELECT count(*) FROM course_versions") == 1
    assert await db.fetchval("SELECT count(*) FROM course_items") == 11
    stored = await CourseRepository(db).latest_version("library-work-modern")
    assert stored is not None and stored.imported_at == "2026-04-15T05:00:00Z"


async def test_a_changed_course_becomes_a_new_version_and_the_old_one_stays(
    db: Database, tmp_path: Path, editable: Path, clock: FrozenClock
) -> None:
    files_dir = tmp_path / "files"
    await import_course(db, editable, files_dir, clock=clock)
    yaml_path = editable / "course.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("hours: 24", "hours: 36"), encoding="utf-8")
    (editable / "files" / "checklist-kk.pdf").write_bytes(b"%PDF-1.4 a new checklist\n")

    summary = await import_course(db, editable, files_dir, clock=clock)

    assert (summary.version, summary.unchanged) == (2, False)
    repo = CourseRepository(db)
    old, new = await repo.versions("library-work-modern")
    assert course_from_json(old.content).hours == 24
    assert course_from_json(new.content).hours == 36
    assert old.content_hash != new.content_hash
    assert len(await repo.items(old.id)) == len(await repo.items(new.id)) == 11
    # The old version's checklist is still there, byte for byte; the new one is beside it.
    old_ref = course_from_json(old.content).lessons[0].materials[1].files["kk"]  # type: ignore[union-attr]
    new_ref = course_from_json(new.content).lessons[0].materials[1].files["kk"]  # type: ignore[union-attr]
    assert old_ref.sha256 != new_ref.sha256
    assert (files_dir / old_ref.stored_name).read_bytes() == (SAMPLE / "files" / "checklist-kk.pdf").read_bytes()
    assert (files_dir / new_ref.stored_name).read_bytes() == b"%PDF-1.4 a new checklist\n"
    assert [v.version for v in await repo.latest_versions()] == [2]


async def test_an_invalid_course_imports_nothing(db: Database, tmp_path: Path, editable: Path) -> None:
    (editable / "files" / "event-plan-ru.docx").unlink()

    with pytest.raises(InvalidCourseError) as caught:
        await import_course(db, editable, tmp_path / "files")

    assert [e.code for e in caught.value.result.errors] == ["missing-file"]
    assert await db.fetchval("SELECT count(*) FROM courses") == 0
    assert await db.fetchval("SELECT count(*) FROM course_versions") == 0
    assert not (tmp_path / "files").exists()


async def test_a_zip_imports_like_the_folder(db: Database, tmp_path: Path) -> None:
    archive = tmp_path / "course.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in SAMPLE.rglob("*"):
            if path.is_file():
                zipped.write(path, "sample/" + path.relative_to(SAMPLE).as_posix())
    folder = await import_course(db, SAMPLE, tmp_path / "files")

    from_zip = await import_course(db, archive, tmp_path / "files")

    assert from_zip.unchanged and from_zip.content_hash == folder.content_hash


async def test_a_lost_file_copy_is_restored_by_importing_again(db: Database, tmp_path: Path) -> None:
    files_dir = tmp_path / "files"
    await import_course(db, SAMPLE, files_dir)
    lost = next(files_dir.iterdir())
    lost.unlink()

    summary = await import_course(db, SAMPLE, files_dir)

    assert summary.unchanged and lost.exists()


def test_cli_import_validate_and_refuse(tmp_path: Path, editable: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "cli.sqlite3"

    assert course_cli(["import", str(SAMPLE), "--db", str(db_path)]) == 0
    assert "as version 1: 5 lessons, 4 homework, 1 quiz" in capsys.readouterr().out
    assert course_cli(["course", "import", str(SAMPLE), "--db", str(db_path)]) == 0
    assert capsys.readouterr().out.startswith("Unchanged: course 'library-work-modern' version 1")
    assert (tmp_path / "files").is_dir()

    (editable / "course.yaml").write_text(
        (editable / "course.yaml").read_text(encoding="utf-8").replace("correct: 3", "correct: 7", 1),
        encoding="utf-8",
    )
    assert course_cli(["import", str(editable), "--db", str(db_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(
        "course.yaml:484: lessons[3].quiz.questions[0].correct: correct answer 7 is out of "
        "range: the options are numbered 1 to 4"
    )
    assert out[-1] == "1 error, 0 warnings: nothing is imported from a course with errors."

    assert course_cli(["validate", str(SAMPLE)]) == 0
    assert capsys.readouterr().out.startswith("OK: course 'library-work-modern': 5 lessons")
    assert course_cli(["validate"]) == 2


async def test_migration_0003_keeps_existing_users(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    async with aiosqlite.connect(path, isolation_level=None) as conn:
        assert await migrate(conn, target=2) == 2
        await conn.execute(
            "INSERT INTO users (telegram_id, language, created_at, updated_at)"
            " VALUES (42, 'kk', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
        )
        assert await migrate(conn) >= 3
        assert await current_version(conn) >= 3
        async with conn.execute("SELECT telegram_id, language FROM users") as cursor:
            assert [tuple(row) for row in await cursor.fetchall()] == [(42, "kk")]
        async with conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'course%'"
        ) as cursor:
            names = {row[0] for row in await cursor.fetchall()}
    assert names == {"courses", "course_versions", "course_items", "course_files"}
