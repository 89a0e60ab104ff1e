"""End to end: the real bot polls the emulated Bot API while tests act as librarians."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.auxil.emulator import FakeUser
from tests.auxil.running import dispatcher_tasks, running_bot

OWNER = 900001


async def kazakh_registration(user: FakeUser) -> None:
    await user.send_text("/start")
    greeting = await user.expect("Сәлеметсіз бе")
    assert greeting.button_labels == ["Қазақша", "Русский", "English"]
    await user.click("Қазақша")
    await user.expect("Дербес деректерді өңдеуге келісім")
    await user.click("✅ Келісемін")
    await user.expect("Рақмет! Небәрі алты қысқа сұрақ")
    await user.expect("Тегіңізді, атыңызды және әкеңіздің атын")
    await user.send_text("Айгүл Серікова")
    region_question = await user.expect("Облысыңызды")
    assert len(region_question.button_labels) == 22  # 20 regions and cities, Back, Cancel
    await user.click("Абай облысы")
    await user.expect("Ауданыңызды немесе қалаңызды")
    await user.send_text("Аягөз ауданы")
    await user.expect("Кітапханаңыздың")
    await user.send_text("Аягөз аудандық орталық кітапханасы")
    await user.expect("Лауазымыңызды")
    await user.send_text("кітапханашы")
    await user.expect("ауылдық па, қалалық па")
    await user.click("🌾 Ауылдық (ауыл)")
    check = await user.expect("Деректеріңізді тексеріңіз")
    assert "Аягөз аудандық орталық кітапханасы" in check.text
    await user.click("💾 Сақтау")
    done = await user.expect("сіз тіркелдіңіз")
    assert done.reply_keyboard == [["📚 Менің курстарым", "👤 Менің профилім"], ["🌐 Тіл", "❓ Анықтама"]]


async def test_kazakh_registration(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        user = bot.emu.user(1001, first_name="Айгүл", language_code="kk")
        await kazakh_registration(user)
        stored = await bot.app.db.fetchone("SELECT * FROM users WHERE telegram_id = 1001")
        assert stored["region"] == "abai" and stored["consent_at"] is not None
        # Old question messages lost their buttons as the person moved on.
        with_buttons = [m for m in user.messages if m.button_labels]
        assert with_buttons == []
        print("\n" + bot.emu.transcript(1001))


async def test_russian_registrations_of_several_people_at_once(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        people = [bot.emu.user(2000 + n, first_name=f"Мария{n}", language_code="ru") for n in range(3)]

        async def register(user: FakeUser, n: int) -> None:
            await user.send_text("/start")
            await user.expect("Здравствуйте")
            await user.click("Русский")
            await user.expect("Согласие на обработку")
            await user.click("✅ Даю согласие")
            await user.expect("Спасибо!")
            await user.expect("фамилию, имя и отчество")
            await user.send_text(f"Мария Иванова-{'абв'[n]}")
            await user.expect("область")
            await user.click("Павлодарская область")
            await user.expect("район или город")
            await user.send_text("Экибастуз")
            await user.expect("библиотеки")
            await user.send_text(f"Городская библиотека № {n + 1}")
            await user.expect("должность")
            await user.send_text("методист")
            await user.expect("сельская или городская")
            await user.click("🏙 Городская (город, посёлок)")
            await user.expect("Проверьте")
            await user.click("💾 Сохранить")
            await user.expect("вы зарегистрированы")

        await asyncio.gather(*(register(user, n) for n, user in enumerate(people)))
        rows = await bot.app.db.fetchall("SELECT telegram_id, library, language FROM users ORDER BY telegram_id")
        assert [(r["telegram_id"], r["library"], r["language"]) for r in rows] == [
            (2000, "Городская библиотека № 1", "ru"),
            (2001, "Городская библиотека № 2", "ru"),
            (2002, "Городская библиотека № 3", "ru"),
        ]


async def test_language_switch_after_registration(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        user = bot.emu.user(1002, language_code="kk")
        await kazakh_registration(user)
        await user.press("🌐 Тіл")
        await user.expect("Тілді таңдаңыз")
        await user.click("English")
        changed = await user.expect("I will speak English")
        assert changed.reply_keyboard[0] == ["📚 My courses", "👤 My profile"]
        assert bot.emu.commands(scope_type="chat", chat_id=1002)[2] == ("profile", "My profile")
        await user.press("👤 My profile")
        card = await user.expect("Your profile")
        assert "Abai region" in card.text and "Language:</b> English" in card.html


async def test_a_crashed_instance_leaves_no_poller_behind(tmp_path: Path) -> None:
    """The restart test below failed now and then: after ``crash()`` the old instance went on
    polling and answered the learner from a closed database."""
    async with running_bot(tmp_path) as bot:
        old = bot.app
        assert dispatcher_tasks(old)  # its poller, at least
        await bot.crash()
        assert dispatcher_tasks(old) == []
        await bot.start()


async def test_restart_in_the_middle_of_the_form_continues_where_the_person_was(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        user = bot.emu.user(1003, language_code="ru")
        await user.send_text("/start")
        await user.expect("Здравствуйте")
        await user.click("Русский")
        await user.expect("Согласие на обработку")
        await user.click("✅ Даю согласие")
        await user.expect("Спасибо!")
        await user.expect("фамилию, имя и отчество")
        await user.send_text("Асель Нурланова")
        await user.expect("область")
        await user.click("Костанайская область")
        await user.expect("район или город")
        await bot.restart()
        await user.send_text("Аулиекольский район")
        await user.expect("библиотеки")
        await bot.crash()  # no graceful shutdown this time
        await bot.start()
        await user.send_text("Сельская библиотека села Косколь")
        await user.expect("должность")
        await user.send_text("библиотекарь")
        await user.expect("сельская или городская")
        await user.click("🌾 Сельская (село)")
        check = await user.expect("Проверьте")
        for value in (
            "Асель Нурланова",
            "Костанайская область",
            "Аулиекольский район",
            "Сельская библиотека села Косколь",
        ):
            assert value in check.text
        await user.click("💾 Сохранить")
        await user.expect("вы зарегистрированы")


async def test_bad_answers_are_explained_and_nothing_is_half_saved(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        user = bot.emu.user(1004, language_code="kk")
        await user.send_text("/start")
        await user.expect("Сәлеметсіз бе")
        await user.click("Қазақша")
        await user.expect("келісім")
        await user.click("✅ Келісемін")
        await user.expect("Рақмет!")
        await user.expect("Тегіңізді, атыңызды және әкеңіздің атын")
        for send, expected in [
            (user.send_text("   ."), "әріптермен"),
            (user.send_text("🙂🙂🙂"), "әріптермен"),
            (user.send_text("А" * 300), "Тым ұзын"),
            (user.send_sticker(), "мәтінмен жауап"),
            (user.send_photo(), "мәтінмен жауап"),
            (user.send_document(), "мәтінмен жауап"),
        ]:
            await send
            reply = await user.expect(expected)
            assert "Тегіңізді, атыңызды және әкеңіздің атын" in reply.text
        await user.send_text("Айгүл Серікова")
        region_question = await user.expect("Облысыңызды")
        stale_data = region_question.callback_data("Абай облысы")
        await user.send_photo()
        await user.expect("Батырмалардың бірін таңдаңызшы")
        # A button from the earlier region question, pressed after moving on, is stale.
        await user.click("Ақмола облысы")
        await user.expect("Ауданыңызды")
        await user.click_data(stale_data, region_question)
        answer = await user.wait_callback_answer()
        assert answer.text == "Бұл батырма енді белсенді емес."
        await user.expect("Ауданыңызды")
        stored = await bot.app.db.fetchone("SELECT * FROM users WHERE telegram_id = 1004")
        assert stored["full_name"] is None and stored["region"] is None
        await user.click("✖️ Болдырмау")
        await user.expect("Тіркелу тоқтатылды")
        stored = await bot.app.db.fetchone("SELECT * FROM users WHERE telegram_id = 1004")
        assert stored["full_name"] is None and stored["language"] == "kk"


async def test_command_menus_per_language_and_for_owners(tmp_path: Path) -> None:
    async with running_bot(tmp_path, admin_ids=str(OWNER)) as bot:
        learners = [
            "start", "courses", "profile", "progress", "certificate", "verify", "mydata", "language", "help", "cancel"
        ]  # fmt: skip
        assert [c for c, _ in bot.emu.commands()] == learners
        assert bot.emu.commands(language_code="kk")[2] == ("profile", "Менің профилім")
        assert bot.emu.commands(language_code="ru")[2] == ("profile", "Мой профиль")
        assert bot.emu.commands(language_code="en")[2] == ("profile", "My profile")
        owner = bot.emu.commands(scope_type="chat", chat_id=OWNER, language_code="ru")
        assert ("stats", "Статистика и графики (сотрудникам)") in owner
        assert ("newcohort", "Открыть новый поток (организаторам)") in owner


async def test_unknown_messages_get_a_hint_and_owner_commands_a_refusal(tmp_path: Path) -> None:
    async with running_bot(tmp_path, admin_ids=str(OWNER)) as bot:
        stranger = bot.emu.user(1005, language_code="en")
        await stranger.send_text("hello?")
        await stranger.expect("I did not understand")
        await stranger.send_voice()
        await stranger.expect("I did not understand")
        await stranger.send_text("/stats")
        await stranger.expect("only for the bot's organizers")
        owner = bot.emu.user(OWNER, language_code="kk")
        await kazakh_registration(owner)
        await owner.send_text("/stats")
        stats = await owner.expect("Тіркелген кітапханашылар: 1")
        assert "Абай облысы: ауылдық 1, қалалық 0" in stats.text


@pytest.mark.parametrize(
    ("language", "expected"), [("ru", "ссылка-приглашение недействительна"), ("en", "invitation link is not valid")]
)
async def test_a_wrong_invite_says_so_and_keeps_nothing(tmp_path: Path, language: str, expected: str) -> None:
    async with running_bot(tmp_path) as bot:
        user = bot.emu.user(1006, language_code=language)
        await user.send_text("/start c_nosuchcode")
        await user.expect(expected)
        await user.expect("👋")
        assert await bot.app.db.fetchval("SELECT pending_payload FROM users WHERE telegram_id = 1006") is None
