"""Webhook mode, end to end: the emulator posts updates to the bot's own HTTP server."""

from __future__ import annotations

import asyncio
import socket
import stat
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.auxil.emulator import BotAPIEmulator
from tests.auxil.running import RunningBot

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def webhook_settings(port: int, **more: Any) -> dict[str, Any]:
    return {
        "webhook_url": f"http://127.0.0.1:{port}/tg/hook",
        "webhook_listen": f"127.0.0.1:{port}",
        **more,
    }


async def until(predicate: Any, seconds: float = 10) -> None:
    for _ in range(int(seconds * 100)):
        if predicate():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("timed out")


@pytest.fixture
async def webhook_bot(tmp_path: Path) -> AsyncIterator[RunningBot]:
    async with BotAPIEmulator() as emu:
        runner = RunningBot(emu, tmp_path / "bot.sqlite3", extra=webhook_settings(free_port()))
        await runner.start()
        await until(lambda: emu.webhook is not None)
        try:
            yield runner
        finally:
            await runner.stop()


def help_update(emu: BotAPIEmulator, user_id: int, update_id: int) -> dict[str, Any]:
    user = emu.user(user_id, language_code="en")
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1,
            "date": 1_770_000_000,
            "chat": {"id": user_id, "type": "private", "first_name": user.first_name},
            "from": user.json,
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }


async def test_the_bot_registers_its_webhook_with_a_secret_and_answers_through_it(webhook_bot: RunningBot) -> None:
    emu = webhook_bot.emu
    assert emu.webhook is not None
    assert emu.webhook.url.endswith("/tg/hook")
    assert emu.webhook.secret and len(emu.webhook.secret) >= 32
    user = emu.user(4001, language_code="ru")
    await user.send_text("/start")
    greeting = await user.expect("Здравствуйте", timeout=10)
    assert greeting.button_labels == ["Қазақша", "Русский", "English"]
    await user.click("Русский")
    await user.expect("Согласие на обработку", timeout=10)
    assert emu.webhook.statuses and set(emu.webhook.statuses) == {200}
    # Nobody polls in webhook mode.
    assert emu.call_count("getUpdates") == 0


async def test_a_request_without_the_secret_or_with_a_wrong_one_is_refused_and_not_handled(
    webhook_bot: RunningBot,
) -> None:
    emu = webhook_bot.emu
    assert emu.webhook is not None
    url = emu.webhook.url
    async with aiohttp.ClientSession() as http:
        async with http.post(url, json=help_update(emu, 4101, 900_001)) as response:
            assert response.status in (401, 403)
        async with http.post(url, json=help_update(emu, 4102, 900_002), headers={SECRET_HEADER: "guess"}) as response:
            assert response.status in (401, 403)
        async with http.post(
            url, json=help_update(emu, 4103, 900_003), headers={SECRET_HEADER: emu.webhook.secret + "x"}
        ) as response:
            assert response.status in (401, 403)
        # The right secret: handled, and the bot's answer comes back through the Bot API.
        right = {SECRET_HEADER: emu.webhook.secret}
        async with http.post(url, json=help_update(emu, 4104, 900_004), headers=right) as response:
            assert response.status == 200
    answer = await emu.user(4104).next_message(timeout=10)
    assert answer.text
    await asyncio.sleep(0.3)
    for refused in (4101, 4102, 4103):
        assert emu.user(refused).messages == []
    assert {int(call["chat_id"]) for call in emu.calls_of("sendMessage")} == {4104}


async def test_healthz_answers_200(webhook_bot: RunningBot) -> None:
    port = webhook_bot.app.settings.webhook_host_port[1]
    async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{port}/healthz") as response:
        assert response.status == 200
        assert (await response.text()).strip() == "ok"


async def test_a_generated_secret_is_kept_across_restarts(webhook_bot: RunningBot) -> None:
    emu = webhook_bot.emu
    assert emu.webhook is not None
    first = emu.webhook.secret
    kept = webhook_bot.app.settings.webhook_secret_path
    assert kept.read_text().strip() == first
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    emu.webhook = None
    await webhook_bot.restart()
    await until(lambda: emu.webhook is not None)
    assert emu.webhook is not None and emu.webhook.secret == first


async def test_a_given_secret_is_used(tmp_path: Path) -> None:
    async with BotAPIEmulator() as emu:
        runner = RunningBot(
            emu, tmp_path / "bot.sqlite3", extra=webhook_settings(free_port(), webhook_secret="our-own_Secret-42")
        )
        await runner.start()
        try:
            await until(lambda: emu.webhook is not None)
            assert emu.webhook is not None and emu.webhook.secret == "our-own_Secret-42"
            assert not runner.database_path.with_name("webhook-secret").exists()
        finally:
            await runner.stop()


async def test_stop_lets_an_update_in_progress_finish(webhook_bot: RunningBot) -> None:
    """As with polling: a stop (SIGTERM) waits for the answer being sent, then stops delivery."""
    emu = webhook_bot.emu
    emu.latency = 1.0  # each Bot API call takes a second: the answer is still on its way at the stop
    user = emu.user(4201, language_code="en")
    await user.send_text("/start")
    app = webhook_bot.app
    assert app is not None
    await until(lambda: len(app.in_progress) > 0)
    await webhook_bot.stop()
    greeting = await user.next_message(timeout=1)
    assert "Hello" in greeting.text or greeting.button_labels == ["Қазақша", "Русский", "English"]


async def test_back_to_polling_removes_the_webhook(tmp_path: Path) -> None:
    async with BotAPIEmulator() as emu:
        runner = RunningBot(emu, tmp_path / "bot.sqlite3", extra=webhook_settings(free_port()))
        await runner.start()
        await until(lambda: emu.webhook is not None)
        await runner.stop()
        runner.extra = {}
        await runner.start()
        try:
            assert emu.webhook is None
            user = emu.user(4301, language_code="en")
            await user.send_text("/start")
            await user.expect("Hello", timeout=10)
        finally:
            await runner.stop()


async def test_the_emulator_refuses_get_updates_while_a_webhook_is_set() -> None:
    from aiogram.exceptions import TelegramConflictError

    async with BotAPIEmulator() as emu:
        bot = emu.create_bot()
        try:
            await bot.set_webhook("http://127.0.0.1:9/hook", secret_token="s3cret")
            assert (await bot.get_webhook_info()).url == "http://127.0.0.1:9/hook"
            with pytest.raises(TelegramConflictError, match="webhook is active"):
                await bot.get_updates()
            await bot.delete_webhook()
            assert await bot.get_updates(timeout=0) == []
        finally:
            await bot.session.close()


async def test_python_m_bot_in_webhook_mode_with_json_logs_serves_and_stops_on_sigterm(tmp_path: Path) -> None:
    import json
    import os
    import signal
    import sys

    from bot import PROJECT_ROOT

    port = free_port()
    async with BotAPIEmulator() as emu:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_", "LOG_", "THROTTLE_"))}
        env |= {
            "PYTHONPATH": str(PROJECT_ROOT),
            "BOT_TOKEN": emu.token,
            "TELEGRAM_API_URL": emu.base_url,
            "DATABASE_PATH": str(tmp_path / "db.sqlite3"),
            "WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram",
            "WEBHOOK_LISTEN": f"127.0.0.1:{port}",
            "LOG_FORMAT": "json",
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", env=env, cwd=tmp_path, stderr=asyncio.subprocess.PIPE
        )
        try:
            await until(lambda: emu.webhook is not None, seconds=30)
            user = emu.user(4401, language_code="kk")
            await user.send_text("/start")
            await user.expect("Сәлеметсіз бе", timeout=10)
            process.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(process.communicate(), 45)
        finally:
            if process.returncode is None:
                process.kill()
    assert process.returncode == 0
    entries = [json.loads(line) for line in stderr.decode().splitlines()]
    messages = [entry["message"] for entry in entries]
    assert any("webhook mode: listening on 127.0.0.1" in message for message in messages)
    assert any("database closed" in message for message in messages)
    assert all({"time", "level", "logger", "message"} <= entry.keys() for entry in entries)
    assert not [entry for entry in entries if entry["level"] == "ERROR"]
