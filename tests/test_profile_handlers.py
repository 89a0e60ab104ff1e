"""/profile and /language through the real Dispatcher."""

from __future__ import annotations

from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import AnswerCallbackQuery, SetMyCommands
from aiogram.types import ReplyKeyboardRemove

from bot.telegram.callbacks import ProfileCb
from tests.auxil.harness import Harness, plain_buttons
from tests.auxil.updates import tg_user
from tests.test_registration_handlers import register


async def test_profile_shows_what_is_stored(harness: Harness) -> None:
    user = tg_user(20, language_code="kk")
    await register(harness, user)
    sent = await harness.send(user, "👤 Менің профилім")
    card = sent[-1].text
    for expected in (
        "Айгүл Серікова",
        "Абай облысы",
        "Аягөз ауданы",
        "Орталық аудандық кітапхана",
        "кітапханашы",
        "Ауылдық",
        "Қазақша",
    ):
        assert expected in card
    assert "🗑 Деректерімді жою" in plain_buttons(sent[-1].reply_markup)


async def test_change_one_field_and_cancel_another(harness: Harness) -> None:
    user = tg_user(21, language_code="kk")
    await register(harness, user)
    await harness.send(user, "/profile")
    sent = await harness.click(user, "✏️ Лауазым")
    assert "Қазіргі жауап: кітапханашы" in sent[-1].text
    sent = await harness.send(user, "😀")
    assert "әріптермен" in sent[-1].text
    await harness.send(user, "әдіскер")
    assert (await harness.users.get(21)).position == "әдіскер"
    await harness.send(user, "/profile")
    await harness.click(user, "✏️ Облыс")
    sent = await harness.click(user, "✖️ Болдырмау")
    assert "Ештеңе өзгерген жоқ" in sent[0].text
    assert (await harness.users.get(21)).region == "abai"


async def test_region_change_by_button(harness: Harness) -> None:
    user = tg_user(22, language_code="kk")
    await register(harness, user)
    await harness.send(user, "/profile")
    await harness.click(user, "✏️ Облыс")
    await harness.click(user, "Ұлытау облысы")
    assert (await harness.users.get(22)).region == "ulytau"


async def test_delete_my_data_keeps_only_language(harness: Harness) -> None:
    user = tg_user(23, language_code="kk")
    await register(harness, user)
    await harness.send(user, "/profile")
    await harness.click(user, "🗑 Деректерімді жою")
    sent = await harness.click(user, "↩️ Жоқ, қалдыру")
    assert "өзгеріссіз" in sent[-1].text and (await harness.users.get(23)).is_registered
    await harness.send(user, "/profile")
    await harness.click(user, "🗑 Деректерімді жою")
    sent = await harness.click(user, "🗑 Иә, жою")
    assert isinstance(sent[0].reply_markup, ReplyKeyboardRemove)
    stored = await harness.users.get(23)
    assert not stored.is_registered and stored.full_name is None and stored.language == "kk"


async def test_profile_before_registration_offers_to_register(harness: Harness) -> None:
    user = tg_user(24, language_code="ru")
    sent = await harness.send(user, "/profile")
    assert "ещё не зарегистрированы" in sent[-1].text
    assert plain_buttons(sent[-1].reply_markup) == ["📝 Зарегистрироваться"]


async def test_language_switch_changes_replies_menu_and_commands(harness: Harness) -> None:
    user = tg_user(25, language_code="kk")
    await register(harness, user)
    await harness.send(user, "🌐 Тіл")
    sent = await harness.click(user, "Русский")
    assert "по-русски" in sent[-1].text
    assert plain_buttons(sent[-1].reply_markup)[:2] == ["📚 Мои курсы", "👤 Мой профиль"]
    commands = [r for r in harness.session.requests if isinstance(r, SetMyCommands)]
    assert commands[-1].scope.chat_id == 25
    assert commands[-1].commands[2].description == "Мой профиль"
    sent = await harness.send(user, "/help")
    assert "Что умеет этот бот" in sent[-1].text


async def test_language_switch_in_the_middle_of_the_form_repeats_the_question(harness: Harness) -> None:
    user = tg_user(26, language_code="kk")
    await harness.send(user, "/start")
    await harness.click(user, "Қазақша")
    await harness.click(user, "✅ Келісемін")
    await harness.send(user, "Айгүл Серікова")
    await harness.send(user, "/language")
    sent = await harness.click(user, "English")
    assert "Choose your <b>region</b>" in sent[-1].text
    assert "Abai region" in plain_buttons(sent[-1].reply_markup)
    await harness.click(user, "Abai region")
    key = StorageKey(bot_id=harness.bot.id, chat_id=26, user_id=26)
    data = await harness.dp.storage.get_data(key)
    assert data["answers"] == {"full_name": "Айгүл Серікова", "region": "abai"}


async def test_cancel_command_during_the_form(harness: Harness) -> None:
    user = tg_user(27, language_code="en")
    await harness.send(user, "/start")
    await harness.click(user, "English")
    await harness.click(user, "✅ I agree")
    await harness.send(user, "Dana Omarova")
    sent = await harness.send(user, "/cancel")
    assert "Registration cancelled" in sent[-1].text
    assert (await harness.users.get(27)).full_name is None
    sent = await harness.send(user, "/cancel")
    assert "nothing to cancel" in sent[-1].text
    # Registering again starts from consent, with nothing left over from the cancelled draft.
    sent = await harness.click(user, "📝 Register")
    assert "Consent to the processing" in sent[-1].text


def _answers(harness: Harness, since: int) -> list[AnswerCallbackQuery]:
    return [r for r in harness.session.requests[since:] if isinstance(r, AnswerCallbackQuery)]


async def test_a_stale_profile_button_is_answered_once_and_the_profile_stays(harness: Harness) -> None:
    """A card sent by an older version of the bot can name a field that is gone. Before the fix the
    press was answered twice; Telegram refuses the second answer and the person got the generic error."""
    user = tg_user(25, language_code="en")
    await register(harness, user, language_label="English")
    before = len(harness.session.requests)
    sent = await harness.click_data(user, ProfileCb(action="edit", field="settlement_type").pack(), 3)
    answers = _answers(harness, before)
    assert [a.text for a in answers] == ["This button is no longer active."]
    assert all("Something went wrong" not in m.text for m in sent)
    assert (await harness.users.get(25)).is_registered


async def test_a_profile_button_naming_an_unknown_field_gets_a_clear_answer(harness: Harness) -> None:
    user = tg_user(26, language_code="ru")
    await register(harness, user, language_label="Русский")
    before = len(harness.session.requests)
    sent = await harness.click_data(user, "prof:edit:" + "x" * 40, 3)
    answers = _answers(harness, before)
    assert len(answers) == 1 and answers[0].text == harness.translator.get("ru", "button-outdated")
    assert all(harness.translator.get("ru", "error-generic") != m.text for m in sent)
