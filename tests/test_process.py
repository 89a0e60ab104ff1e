"""``python -m bot`` as a process: what an organizer sees in the terminal."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from bot import PROJECT_ROOT
from tests.auxil.emulator import BotAPIEmulator
from tests.conftest import TEST_TOKEN


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_bot(env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    base = {
        k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "ADMIN_IDS", "TELEGRAM_API_URL", "DATABASE_PATH"}
    }
    base["PYTHONPATH"] = str(PROJECT_ROOT)
    return subprocess.Popen(
        [sys.executable, "-m", "bot"],
        env=base | env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_until(process: subprocess.Popen[str], needle: str, timeout: float = 60) -> list[str]:
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    assert process.stderr is not None
    os.set_blocking(process.stderr.fileno(), False)
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if line:
            lines.append(line)
            if needle in line:
                return lines
        elif process.poll() is not None:
            break
        else:
            time.sleep(0.05)
    raise AssertionError(f"{needle!r} not seen; stderr so far:\n{''.join(lines)}")


def test_unreachable_api_is_retried_with_a_clear_line_then_sigterm_stops_it(tmp_path: Path) -> None:
    port = _free_port()  # nothing listens there
    process = start_bot(
        {
            "BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_URL": f"http://127.0.0.1:{port}",
            "DATABASE_PATH": str(tmp_path / "db.sqlite3"),
        },
        tmp_path,
    )
    try:
        lines = read_until(process, "not reachable")
        assert "trying again in 1 s" in lines[-1]
        process.send_signal(signal.SIGTERM)
        _, rest = process.communicate(timeout=15)
    finally:
        process.kill()
    assert process.returncode == 0
    output = "".join(lines) + rest
    assert "Traceback" not in output
    assert "database closed" in output
    # The database was created and migrated on the way.
    assert (tmp_path / "db.sqlite3").exists()


async def _wait_for_line(stream: asyncio.StreamReader, needle: str, seen: list[str], seconds: float = 60) -> None:
    async def scan() -> None:
        while True:
            raw = await stream.readline()
            if not raw:
                raise AssertionError(f"{needle!r} not seen before the end:\n{''.join(seen)}")
            seen.append(raw.decode())
            if needle in seen[-1]:
                return

    await asyncio.wait_for(scan(), seconds)


async def _spawn(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    base = {
        k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "ADMIN_IDS", "TELEGRAM_API_URL", "DATABASE_PATH"}
    }
    base["PYTHONPATH"] = str(PROJECT_ROOT)
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        env=base | env,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def test_a_token_the_api_rejects_gets_a_clear_message_and_exit_2(tmp_path: Path) -> None:
    async with BotAPIEmulator() as emu:
        process = await _spawn(
            {
                "BOT_TOKEN": "999:revoked-token",
                "TELEGRAM_API_URL": emu.base_url,
                "DATABASE_PATH": str(tmp_path / "db.sqlite3"),
            },
            tmp_path,
        )
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    text = stderr.decode()
    assert process.returncode == 2
    assert "rejected BOT_TOKEN (401 Unauthorized)" in text and "@BotFather" in text
    assert "Traceback" not in text


async def test_python_m_bot_serves_a_librarian_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    async with BotAPIEmulator() as emu:
        process = await _spawn(
            {
                "BOT_TOKEN": emu.token,
                "TELEGRAM_API_URL": emu.base_url,
                "ADMIN_IDS": "900001",
                "DATABASE_PATH": str(tmp_path / "db.sqlite3"),
            },
            tmp_path,
        )
        seen: list[str] = []
        try:
            assert process.stderr is not None
            await _wait_for_line(process.stderr, "Start polling", seen)
            user = emu.user(3001, language_code="ru")
            await user.send_text("/start")
            greeting = await user.expect("Здравствуйте", timeout=10)
            assert greeting.button_labels == ["Қазақша", "Русский", "English"]
            process.send_signal(signal.SIGTERM)
            _, rest = await asyncio.wait_for(process.communicate(), 45)
        finally:
            if process.returncode is None:
                process.kill()
    output = "".join(seen) + rest.decode()
    assert process.returncode == 0
    assert "Traceback" not in output
    assert "database closed" in output
