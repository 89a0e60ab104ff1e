"""Registration through the real Dispatcher, asserting what the person sees and what is stored."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup, ReplyKeyboardMarkup

from tests.auxil.harness import Harness, plain_buttons
from tests.auxil.updates import tg_user


async def register(h: Harness, user, *, language_label: str = "Қазақша") -> None:
    await h.send(user, "/start")
    await h.click(user, language_label)
    l10n = lambda key: h.translator.get(  # noqa: E731
        {"Қазақша": "kk", "Русский": "ru", "English": "en"}[language_label], key
    )
    await h.click(user, l10n("button-consent-yes"))
    await h.send(user, "Айгүл Серікова")
    await h.click(user, l10n("region-abai"))
    await h.send(user, "Аягөз ауданы")
    await h.send(user, "Орталық аудандық кітапхана")
    await h.send(user, "кітапханашы")
    await h.click(user, l10n("settlement-rural"))
    await h.click(user, l10n("button-save"))


async def test_start_offers_languages_in_their_own_words(harness: Harness) -> None:
    user = tg_user(1, language_code="ru")
    sent = await harness.send(user, "/start")
    assert len(sent) == 1
    assert "Здравствуйте" in sent[0].text
    assert plain_buttons(sent[0].reply_markup) == ["Қазақша", "Русский", "English"]


async def test_full_registration_in_kazakh_saves_everything_at_once(harness: Harness) -> None:
    user = tg_user(2, language_code="en")
    await harness.send(user, "/start")
    await harness.click(user, "Қазақша")
    assert (await harness.users.get(2)).language == "kk"
    await harness.click(user, "✅ Келісемін")
    sent = await harness.send(user, "Айгүл Серікова")
    assert "Облысыңызды" in sent[-1].text
    assert "Абай облысы" in plain_buttons(sent[-1].reply_markup)
    await harness.click(user, "Абай облысы")
    await harness.send(user, "Аягөз ауданы")
    await harness.send(user, "Орталық аудандық кітапхана")
    await harness.send(user, "кітапханашы")
    # Nothing is saved before the last step.
    assert (await harness.users.get(2)).full_name is None
    sent = await harness.click(user, "🌾 Ауылдық (ауыл)")
    assert "Деректеріңізді тексеріңіз" in sent[-1].text
    assert "Орталық аудандық кітапхана" in sent[-1].text
    sent = await harness.click(user, "💾 Сақтау")
    assert "сіз тіркелдіңіз" in sent[-1].text
    assert isinstance(sent[-1].reply_markup, ReplyKeyboardMarkup)
    stored = await harness.users.get(2)
    assert stored.is_registered and stored.consent_at is not None
    assert (stored.full_name, stored.region, stored.district, stored.library, stored.position, stored.settlement) == (
        "Айгүл Серікова",
        "abai",
        "Аягөз ауданы",
        "Орталық аудандық кітапхана",
        "кітапханашы",
        "rural",
    )


async def test_declining_consent_keeps_only_the_language(harness: Harness) -> None:
    user = tg_user(3, language_code="ru")
    await harness.send(user, "/start")
    await harness.click(user, "Русский")
    sent = await harness.click(user, "❌ Не даю согласия")
    assert "ничего, кроме выбранного языка" in sent[-1].text
    stored = await harness.users.get(3)
    assert stored.language == "ru" and stored.full_name is None and stored.consent_at is None


async def test_bad_answers_get_a_clear_message_and_the_same_question(harness: Harness) -> None:
    user = tg_user(4, language_code="ru")
    await harness.send(user, "/start")
    await harness.click(user, "Русский")
    await harness.click(user, "✅ Даю согласие")
    cases = [
        ("😀😀😀", "буквами"),
        ("x" * 101, "Слишком длинно"),
        ("Айгүл 007", "не должно быть цифр"),
    ]
    for text, expected in cases:
        sent = await harness.send(user, text)
        assert expected in sent[-1].text
        assert "фамилию, имя и отчество" in sent[-1].text  # the same question again
    sent = await harness.send(user, None, sticker=True)
    assert "текстовый ответ" in sent[-1].text
    sent = await harness.send(user, None, photo=True)
    assert "текстовый ответ" in sent[-1].text
    assert (await harness.users.get(4)).full_name is None


async def test_typed_region_name_is_accepted_and_nonsense_is_not(harness: Harness) -> None:
    user = tg_user(5, language_code="ru")
    await harness.send(user, "/start")
    await harness.click(user, "Русский")
    await harness.click(user, "✅ Даю согласие")
    await harness.send(user, "Мария Иванова")
    sent = await harness.send(user, "где-то")
    assert "одну из кнопок" in sent[-1].text
    sent = await harness.send(user, "павлодарская область")
    assert "район или город" in sent[-1].text


async def test_stale_button_changes_nothing_and_repeats_the_question(harness: Harness) -> None:
    user = tg_user(6, language_code="kk")
    await harness.send(user, "/start")
    await harness.click(user, "Қазақша")
    await harness.click(user, "✅ Келісемін")
    await harness.send(user, "Айгүл Серікова")
    region_data, region_message = harness.find_button(user, "Абай облысы")
    await harness.click(user, "Абай облысы")
    # Pressing the region button of the earlier message again while on the district question.
    sent = await harness.click_data(user, region_data, region_message)
    answers = [r for r in harness.session.requests if type(r).__name__ == "AnswerCallbackQuery"]
    assert answers[-1].text == "Бұл батырма енді белсенді емес."
    assert "Ауданыңызды" in sent[-1].text


async def test_forged_button_is_refused(harness: Harness) -> None:
    user = tg_user(7)
    sent = await harness.click_data(user, "reg:confirm:save:", 12345)
    assert sent == []
    answers = [r for r in harness.session.requests if type(r).__name__ == "AnswerCallbackQuery"]
    assert answers[-1].text == "Бұл батырма енді белсенді емес."
    assert await harness.users.get(7) is None


async def test_second_start_greets_by_name(harness: Harness) -> None:
    user = tg_user(8, language_code="kk")
    await register(harness, user)
    sent = await harness.send(user, "/start")
    assert "Қайта оралуыңызбен, Айгүл Серікова" in sent[-1].text
    rows = await harness.db.fetchval("SELECT COUNT(*) FROM users WHERE telegram_id = 8")
    assert rows == 1


async def test_change_an_answer_from_the_check_screen(harness: Harness) -> None:
    user = tg_user(9, language_code="en")
    await harness.send(user, "/start")
    await harness.click(user, "English")
    await harness.click(user, "✅ I agree")
    for text in ("Dana Omarova",):
        await harness.send(user, text)
    await harness.click(user, "Pavlodar region")
    await harness.send(user, "Ekibastuz")
    await harness.send(user, "City Library No. 2")
    await harness.send(user, "methodologist")
    await harness.click(user, "🏙 Urban (city, town)")
    sent = await harness.click(user, "✏️ Library")
    assert "Current answer: City Library No. 2" in sent[-1].text
    sent = await harness.send(user, "Central City Library")
    assert "Please check your details" in sent[-1].text
    assert "Central City Library" in sent[-1].text
    await harness.click(user, "💾 Save")
    assert (await harness.users.get(9)).library == "Central City Library"


async def test_unknown_text_gets_a_hint(harness: Harness) -> None:
    user = tg_user(10, language_code="en")
    sent = await harness.send(user, "what is this?")
    assert "I did not understand" in sent[-1].text
    assert isinstance(sent[-1].reply_markup, InlineKeyboardMarkup)


async def test_stats_is_refused_to_a_learner(harness: Harness) -> None:
    user = tg_user(11, language_code="en")
    sent = await harness.send(user, "/stats")
    assert "only for the bot's organizers" in sent[-1].text
