"""Language rules of issue 9: buttons fit a phone, no case ending glued to a number, regions in
each language's alphabetical order, Telegram's failure reasons in the reader's language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot import LOCALES_DIR
from bot.courses.loading import load_course_folder
from bot.courses.model import Course
from bot.delivery.reasons import reason_message_id
from bot.i18n import Localizer, Translator
from bot.people import regions
from bot.people.registration import Step
from bot.telegram.keyboards import question_keyboard
from bot.text.buttons import BUTTON_LIMIT, fitted_label, shorten

LOCALES = ("kk", "ru", "en")
SAMPLE = LOCALES_DIR.parent / "courses" / "sample"

# Every message shown on a button (inline or reply keyboard), and which argument the code shortens
# to fit (None: the label must fit as written).
BUTTONS: dict[str, str | None] = {
    "broadcast-button-audience": None,
    "broadcast-button-cohort": None,
    "broadcast-button-region": None,
    "broadcast-button-rewrite": None,
    "broadcast-button-send": None,
    "broadcast-button-settlement": None,
    "broadcast-button-stop": None,
    "broadcast-button-write": None,
    "broadcast-region-all": None,
    "broadcast-region-choice": "region",
    "completion-button-finish": None,
    "completion-button-finish-no": None,
    "completion-button-finish-yes": None,
    "completion-button-results": None,
    "button-back": None,
    "button-cancel": None,
    "button-consent-no": None,
    "button-consent-yes": None,
    "button-delete-data": None,
    "button-mydata": None,
    "button-delete-no": None,
    "button-delete-yes": None,
    "button-edit-district": None,
    "button-edit-full_name": None,
    "button-edit-library": None,
    "button-edit-position": None,
    "button-edit-region": None,
    "button-edit-settlement": None,
    "button-language": None,
    "button-next": None,
    "button-previous": None,
    "button-register": None,
    "button-save": None,
    "cohort-button-all": None,
    "cohort-button-close": None,
    "cohort-button-curator": None,
    "cohort-button-invite": None,
    "cohort-button-learners": None,
    "cohort-button-new": None,
    "cohort-button-remove": None,
    "cohort-button-reopen": None,
    "cohort-list-button": "name",
    "cohort-remove-no": None,
    "cohort-remove-person": "library",
    "cohort-remove-yes": None,
    "courses-again-button": "title",
    "courses-again-lesson": "title",
    "courses-leave-button": "title",
    "certificates-button": "title",
    "courses-leave-no": None,
    "courses-leave-yes": None,
    "delivery-button-again": None,
    "broadcast-filter-homework": None,
    "broadcast-filter-off": None,
    "broadcast-filter-questionnaire": None,
    "group-button-both": None,
    "group-button-quiz": None,
    "group-button-review": None,
    "live-button-cancel": None,
    "live-button-join": None,
    "live-button-mode-group": None,
    "live-button-mode-private": None,
    "live-button-skip": None,
    "live-button-start": None,
    "live-button-stop": None,
    "quiz-button-continue": None,
    "quiz-button-retake": None,
    "quiz-button-start": None,
    "surveys-button-fill-in": None,
    "surveys-button-rate-myself": None,
    "surveys-button-skip": None,
    "surveys-button-done": None,
    "surveys-button-send": None,
    "delivery-button-back": None,
    "delivery-button-lesson": None,
    "delivery-button-pause": None,
    "delivery-button-refresh": None,
    "delivery-button-resume-missed": None,
    "delivery-button-resume-shift": None,
    "delivery-button-unreachable": None,
    "homework-button-hand-in": None,
    "homework-button-hand-in-again": None,
    "homework-button-hand-in-lesson": None,
    "homework-button-send": None,
    "homework-button-start-over": None,
    "homework-which-button": "title",
    "language-name-en": None,
    "language-name-kk": None,
    "language-name-ru": None,
    "menu-courses": None,
    "menu-help": None,
    "menu-language": None,
    "menu-profile": None,
    "newcohort-capacity-none": None,
    "newcohort-course-button": "title",
    "newcohort-create": None,
    "newcohort-deadline-none": None,
    "newcohort-deadline-start": None,
    "newcohort-timezone-default": None,
    "preview-begin": None,
    "preview-done": None,
    "preview-send-homework": None,
    "preview-skip": None,
    "preview-start-quiz": None,
    "review-button-accept": None,
    "review-button-return-short": None,
    "review-button-accept-no-comment": None,
    "review-button-next": None,
    "review-button-open": None,
    "review-button-return": None,
    "reports-button-course": "title",
    "reports-button-export": None,
    "reports-button-stats": None,
    "review-cohort-button": "name",
    "role-curator": None,
    "role-organizer": None,
    "roles-revoke-button": "name",
    "settlement-rural": None,
    "settlement-urban": None,
    **{regions.message_id(code): None for code in regions.ALL},
}
# A message id that looks like a button's must be listed above, so a new button is checked too.
LOOKS_LIKE_A_BUTTON = re.compile(r"(^button-|-button(-|$)|^menu-|^region-|^settlement-|-(yes|no)$)")
NOT_BUTTONS = {"button-outdated", "form-error-press-button", "import-yes", "import-no"}  # texts, not labels


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator(default_locale="kk", strict=True)


def _sample_values(locale: str) -> list[dict[str, object]]:
    """Realistic values, one set per course or lesson title of the sample course."""
    course = load_course_folder(SAMPLE).course
    assert course is not None
    people = {"kk": "Айгүл Серікова", "ru": "Айгуль Серикова", "en": "Aigul Serikova"}
    libraries = {
        "kk": "Аягөз аудандық орталықтандырылған кітапханалар жүйесі",
        "ru": "Аягозская районная централизованная библиотечная система",
        "en": "Ayagoz District Centralized Library System",
    }
    region_names = {
        "kk": "Солтүстік Қазақстан облысы",
        "ru": "Северо-Казахстанская область",
        "en": "North Kazakhstan Region",
    }
    cohorts = {"kk": "Ауыл кітапханалары, сәуір", "ru": "Сельские библиотеки, апрель", "en": "Rural libraries, April"}
    base: dict[str, object] = {
        "name": cohorts[locale],
        "person": people[locale],
        "region": region_names[locale],
        "library": libraries[locale],
        "learners": 62,
        "count": 128,
        "number": 12,
        "version": 12,
        "zone": "Asia/Almaty",
        "role": "Ұйымдастырушы" if locale == "kk" else "Организатор" if locale == "ru" else "Organizer",
    }
    titles = [course.button_title(locale)] + [course.text(lesson.title, locale) for lesson in course.lessons]
    return [{**base, "title": title} for title in titles] + [{**base, "title": titles[0], "name": people[locale]}]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_button_label_fits_a_phone(translator: Translator, locale: str) -> None:
    l10n = Localizer(translator, locale)
    too_long = set()
    samples = _sample_values(locale)
    for key, shortened in BUTTONS.items():
        for values in samples:
            if key in ("cohort-remove-person", "roles-revoke-button"):
                values = {**values, "name": values["person"]}  # a person's name there, not a cohort's
            if shortened is None:
                label = l10n(key, **values)
            else:
                label = fitted_label(l10n, key, shortened, **values)
            if len(label) > BUTTON_LIMIT:
                too_long.add(f"{key}: {label!r} ({len(label)})")
    assert not too_long, f"{locale}: labels above {BUTTON_LIMIT} characters:\n" + "\n".join(sorted(too_long))


def test_every_button_message_is_checked(translator: Translator) -> None:
    unchecked = (
        {key for key in translator.message_ids("en") if LOOKS_LIKE_A_BUTTON.search(key)} - set(BUTTONS) - NOT_BUTTONS
    )
    assert not unchecked


def test_a_long_title_is_cut_at_a_word_boundary() -> None:
    title = "Организация библиотечной работы в современных условиях"
    assert shorten(title, 30) == "Организация библиотечной…"
    assert shorten("Цифрлық қызметтер: электрондық каталог", 22) == "Цифрлық қызметтер…"
    assert shorten("Short", 30) == "Short"
    # One very long word is cut inside it rather than leaving nothing.
    assert shorten("Библиотековедение", 10) == "Библиотек…"


SAMPLE_SHORT_TITLE = "short_title:\n  kk: Кітапхана ісі\n  ru: Библиотечное дело\n  en: Library work today\n"


def _sample_copy(tmp_path: Path, short_title: str) -> Course:
    shutil.copytree(SAMPLE / "files", tmp_path / "files")
    text = (SAMPLE / "course.yaml").read_text(encoding="utf-8")
    assert SAMPLE_SHORT_TITLE in text
    (tmp_path / "course.yaml").write_text(text.replace(SAMPLE_SHORT_TITLE, short_title, 1), encoding="utf-8")
    course = load_course_folder(tmp_path).course
    assert course is not None
    return course


def test_the_sample_course_gives_a_short_title_for_buttons(translator: Translator) -> None:
    course = load_course_folder(SAMPLE).course
    assert course is not None
    label = fitted_label(Localizer(translator, "kk"), "courses-leave-button", "title", title=course.button_title("kk"))
    assert label == "🚪 Шығу «Кітапхана ісі»"
    assert course.button_title("ru") == "Библиотечное дело"


def test_a_long_title_without_a_short_title_is_shortened_on_a_button(translator: Translator, tmp_path: Path) -> None:
    course = _sample_copy(tmp_path, "")
    label = fitted_label(Localizer(translator, "kk"), "courses-leave-button", "title", title=course.button_title("kk"))
    assert label == "🚪 Шығу «Қазіргі жағдайда…»"


def test_a_short_title_in_some_languages_only(translator: Translator, tmp_path: Path) -> None:
    course = _sample_copy(tmp_path, "short_title: {kk: Кітапхана ісі, ru: Библиотечное дело}\n")
    assert fitted_label(
        Localizer(translator, "kk"), "courses-leave-button", "title", title=course.button_title("kk")
    ) == ("🚪 Шығу «Кітапхана ісі»")
    assert course.button_title("ru") == "Библиотечное дело"
    # No English short title: English buttons shorten the English title, never show another language.
    assert course.button_title("en") == "Organization of library work in modern conditions"


# A case ending after a number variable ("{ $limit }-ге") cannot follow vowel harmony: the number
# may be 10 000 (-ға) or 5 (-ке). An ordinal before a noun ("{ $number }-сабақ") is the norm.
ORDINAL_NOUNS = ("сабақ", "күн", "нұсқа", "бет", "қадам", "сұрақ")
GLUED = re.compile(r"\}-([^\s\d{}]+)")


@pytest.mark.parametrize("locale", LOCALES)
def test_no_suffix_glued_to_a_variable(locale: str) -> None:
    glued = []
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in GLUED.finditer(line):
                if not match.group(1).lower().startswith(ORDINAL_NOUNS):
                    glued.append(f"{path.name}:{number}: {line.strip()}")
    assert not glued


def test_the_suffix_check_catches_the_old_capacity_error() -> None:
    assert GLUED.search("🔢 1-ден { $limit }-ге дейінгі бүтін санды жазыңыз")
    assert not GLUED.search("{ $lesson }-сабақ").group(1).startswith("ге")  # type: ignore[union-attr]


def _region_labels(translator: Translator, locale: str) -> list[str]:
    markup = question_keyboard(Localizer(translator, locale), Step.REGION)
    labels = [button.text for row in markup.inline_keyboard for button in row]
    return labels[: len(regions.ALL)]


def test_region_buttons_in_kazakh_alphabetical_order(translator: Translator) -> None:
    assert _region_labels(translator, "kk") == [
        "Абай облысы",
        "Ақмола облысы",
        "Ақтөбе облысы",
        "Алматы (қала)",
        "Алматы облысы",
        "Астана",
        "Атырау облысы",
        "Батыс Қазақстан облысы",
        "Жамбыл облысы",
        "Жетісу облысы",
        "Қарағанды облысы",
        "Қостанай облысы",
        "Қызылорда облысы",
        "Маңғыстау облысы",
        "Павлодар облысы",
        "Солтүстік Қазақстан облысы",
        "Түркістан облысы",
        "Ұлытау облысы",
        "Шығыс Қазақстан облысы",
        "Шымкент",
    ]


def test_region_buttons_in_russian_alphabetical_order(translator: Translator) -> None:
    """The 2022 regions keep their official names ("область Абай") and are found under their name."""
    assert _region_labels(translator, "ru") == [
        "Область Абай",
        "Акмолинская область",
        "Актюбинская область",
        "Алматинская область",
        "Алматы (город)",
        "Астана",
        "Атырауская область",
        "Восточно-Казахстанская область",
        "Жамбылская область",
        "Область Жетісу",
        "Западно-Казахстанская область",
        "Карагандинская область",
        "Костанайская область",
        "Кызылординская область",
        "Мангистауская область",
        "Павлодарская область",
        "Северо-Казахстанская область",
        "Туркестанская область",
        "Область Ұлытау",
        "Шымкент",
    ]


def test_region_buttons_in_english_alphabetical_order(translator: Translator) -> None:
    labels = _region_labels(translator, "en")
    assert labels == sorted(labels, key=str.casefold)
    assert labels[:4] == ["Abai region", "Akmola region", "Aktobe region", "Almaty (city)"]


@pytest.mark.parametrize(
    ("reason", "kk", "ru"),
    [
        ("Forbidden: bot was blocked by the user", "тыңдаушы ботты бұғаттаған", "слушатель заблокировал бота"),
        ("Bad Request: chat not found", "Telegram бұл чатты таппады", "Telegram не нашёл этот чат"),
        (
            "Bad Request: message is too long",
            "хабарлама Telegram үшін тым ұзын",
            "сообщение слишком длинное для Telegram",
        ),
        ("Bad Request: something new", "басқа қате", "другая ошибка"),
        (None, "басқа қате", "другая ошибка"),
    ],
)
def test_telegram_reasons_in_the_readers_language(translator: Translator, reason: str | None, kk: str, ru: str) -> None:
    key = reason_message_id(reason)
    assert translator.get("kk", key) == kk
    assert translator.get("ru", key) == ru
