"""The registration form's rules, without Telegram."""

from __future__ import annotations

import pytest

from bot.i18n import Translator, normalize_locale
from bot.people import regions
from bot.people import registration as form
from bot.people.registration import AnswerError, Step


@pytest.mark.parametrize(
    ("code", "expected"),
    [("kk", "kk"), ("kk-KZ", "kk"), ("ru_RU", "ru"), ("EN-us", "en"), ("de", None), (None, None), ("", None)],
)
def test_language_code_mapping(code: str | None, expected: str | None) -> None:
    assert normalize_locale(code) == expected


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (None, "form-error-not-text"),
        ("   ", "form-error-empty"),
        ("🙂🙂", "form-error-no-letters"),
        ("1234", "form-error-no-letters"),
        ("А", "form-error-too-short"),
        ("а" * 101, "form-error-too-long"),
        ("Айгүл 2", "form-error-name-digits"),
        ("Айгүл <b>", "form-error-name-symbols"),
    ],
)
def test_bad_names(text: str | None, error: str) -> None:
    with pytest.raises(AnswerError) as caught:
        form.clean_full_name(text)
    assert caught.value.key == error


@pytest.mark.parametrize("name", ["Айгүл Серікова", "Мария-Анна О'Коннор", "Ерлан  Қасымұлы", "Dana Omarova Jr."])
def test_good_names(name: str) -> None:
    assert form.clean_full_name(name) == " ".join(name.split())


def test_free_text_keeps_punctuation_and_numbers() -> None:
    assert form.clean_answer(Step.LIBRARY, " Библиотека № 3 ") == "Библиотека № 3"


def test_steps_go_forward_and_back() -> None:
    assert form.next_step(Step.FULL_NAME) is Step.REGION
    assert form.previous_step(Step.REGION) is Step.FULL_NAME
    assert form.previous_step(Step.FULL_NAME) is None
    assert form.next_step(Step.CONFIRM) is Step.CONFIRM


def test_first_missing_and_profile() -> None:
    answers = {"full_name": "Айгүл", "region": "abai"}
    assert form.first_missing(answers) is Step.DISTRICT
    answers |= {"district": "d", "library": "l", "position": "p", "settlement": "urban"}
    assert form.first_missing(answers) is Step.CONFIRM
    assert form.profile_from_answers(answers).settlement == "urban"
    with pytest.raises(AnswerError):
        form.profile_from_answers(answers | {"region": "atlantis"})


def test_region_typed_in_any_language() -> None:
    translator = Translator(strict=True)
    label = lambda value: translator.all_variants(regions.message_id(value))  # noqa: E731
    assert form.match_choice("  шығыс қазақстан облысы ", regions.ALL, label) == "east-kazakhstan"
    assert form.match_choice("Astana", regions.ALL, label) == "astana"
    with pytest.raises(AnswerError):
        form.match_choice("Narnia", regions.ALL, label)


def test_twenty_regions() -> None:
    assert len(regions.REGIONS) == 17 and len(regions.CITIES) == 3
