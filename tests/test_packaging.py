"""``pip install .`` gives a working bot: the wheel carries the locales, the migrations and the
sample course, and the bot it installs, started from an empty folder, registers a librarian.

The wheel is built from a copy of the package sources (an in-tree build would leave ``build/``
and ``*.egg-info`` in the checkout), offline and without build isolation, with the setuptools of
the dev extra. It is then unpacked, which is all ``pip install`` does with a pure-Python wheel,
and run with only that folder on ``PYTHONPATH``: ``python -m bot`` puts the empty working
folder first on ``sys.path`` and the checkout is nowhere on it, so nothing can come from the
source tree (the probe below checks that too).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bot import PROJECT_ROOT
from bot.i18n import Translator
from tests.auxil.emulator import BotAPIEmulator
from tests.test_e2e_registration import kazakh_registration
from tests.test_process import _wait_for_line

SOURCES = ("pyproject.toml", "README.md", "LICENSE", "bot", "handlers", "storage", "locales", "courses")
# What the bot reads at run time besides its code.
DATA = ("locales/*/*.ftl", "storage/migrations/*.sql", "courses/sample/*.yaml", "courses/sample/files/*")

# Where each module and data folder came from, and one message per locale, as the installed bot sees them.
# (handlers is found, not imported: importing aiogram alone takes seconds, and the next test runs it.)
PROBE = """
import importlib.util, json, bot, storage.migrations
from bot.i18n import Translator
translator = Translator(strict=True)
print(json.dumps({
    "modules": [bot.__file__, importlib.util.find_spec("handlers").origin, storage.migrations.__file__],
    "data": [str(bot.LOCALES_DIR), str(bot.SAMPLE_COURSE_DIR), str(storage.migrations.MIGRATIONS_DIR)],
    "ids": {locale: sorted(translator.message_ids(locale)) for locale in translator.locales},
    "welcome": {locale: translator.get(locale, "start-welcome-back", name="Айгүл") for locale in translator.locales},
}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in SOURCES:
        origin = PROJECT_ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(origin, source / name)
    offline = ("--quiet", "--no-index", "--no-deps", "--no-build-isolation")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", *offline, "--wheel-dir", str(work / "dist"), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    [built] = (work / "dist").glob("oqu-*.whl")
    return built


@pytest.fixture(scope="module")
def site(wheel: Path) -> Path:
    """The wheel unpacked: a site-packages holding nothing but this project."""
    folder = wheel.parent.parent / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(folder)
    return folder


def installed_env(site: Path, **settings: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in {"BOT_TOKEN", "ADMIN_IDS", "DATABASE_PATH"}}
    env.pop("TELEGRAM_API_URL", None)
    return env | {"PYTHONPATH": str(site)} | settings


def test_the_wheel_holds_every_locale_migration_and_sample_course_file(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = {path.relative_to(PROJECT_ROOT).as_posix() for pattern in DATA for path in PROJECT_ROOT.glob(pattern)}
    assert {name.split("/")[1] for name in expected if name.startswith("locales/")} == {"kk", "ru", "en"}
    assert "courses/sample/course.yaml" in expected and "storage/migrations/0001_users.sql" in expected
    assert sorted(expected - names) == []
    assert not [name for name in names if name.startswith("tests/")]


def test_the_installed_package_finds_its_data_outside_the_checkout(site: Path, tmp_path: Path) -> None:
    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=installed_env(site),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.returncode == 0, probe.stderr
    seen = json.loads(probe.stdout)
    for path in seen["modules"] + seen["data"]:
        assert Path(path).is_relative_to(site), path
    # The same messages as the checkout's, rendered the same in kk, ru and en.
    source = Translator(strict=True)
    assert seen["ids"] == {locale: sorted(source.message_ids(locale)) for locale in source.locales}
    assert seen["welcome"] == {
        locale: source.get(locale, "start-welcome-back", name="Айгүл") for locale in source.locales
    }
    assert len(set(seen["welcome"].values())) == 3


async def test_the_installed_bot_started_in_an_empty_folder_registers_a_librarian(site: Path, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    async with BotAPIEmulator() as emu:
        # No DATABASE_PATH: the default, data/bot.sqlite3 in the working folder, is what a newcomer gets.
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            env=installed_env(site, BOT_TOKEN=emu.token, TELEGRAM_API_URL=emu.base_url, POLLING_TIMEOUT="1"),
            cwd=folder,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        seen: list[str] = []
        try:
            assert process.stderr is not None
            await _wait_for_line(process.stderr, "Start polling", seen)
            await kazakh_registration(emu.user(1001, first_name="Айгүл", language_code="kk"))
            process.send_signal(signal.SIGTERM)
            _, rest = await asyncio.wait_for(process.communicate(), 20)
        finally:
            if process.returncode is None:
                process.kill()
    output = "".join(seen) + rest.decode()
    assert process.returncode == 0, output
    assert "Traceback" not in output
    assert "imported the sample course" in output
    with sqlite3.connect(folder / "data" / "bot.sqlite3") as db:
        assert db.execute("SELECT region FROM users WHERE telegram_id = 1001").fetchone() == ("abai",)
        assert db.execute("SELECT COUNT(*) FROM courses").fetchone() == (1,)
    # The sample course's documents, read from the installed package, are in the bot's file store.
    shipped = {hashlib.sha256(path.read_bytes()).hexdigest() for path in (site / "courses/sample/files").iterdir()}
    assert {path.stem for path in (folder / "data" / "files").iterdir()} == shipped
