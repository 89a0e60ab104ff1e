"""Every course issue renders in kk, ru and en, and every code the validator can produce has words."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as fluent_ast

from bot import LOCALES_DIR, PROJECT_ROOT
from bot.courses import yaml_nodes as course_yaml
from bot.courses.issues import ISSUE_ARGS, WORD_ARGS, Issue
from bot.courses.loading import load_course
from bot.courses.model import SUPPORTED_LANGUAGES
from bot.courses.parse_texts import TextParser
from bot.i18n import Translator
from bot.text import telegram_html
from tests.auxil.running import running_bot

LOCALES = ("kk", "ru", "en")
COURSES = PROJECT_ROOT / "bot" / "courses"
TELEGRAM_HTML = PROJECT_ROOT / "bot" / "text" / "telegram_html.py"
SOURCES = [*sorted(COURSES.glob("*.py")), TELEGRAM_HTML]
PLURAL_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}
OWNER = 900001

# One issue of every code; a code whose message picks a variant by an arg has one sample per variant.
SAMPLES: dict[str, list[dict[str, str | int | float]]] = {
    "not-found": [{}],
    "not-a-course": [{}],
    "missing-course-yaml": [{"where": "folder"}, {"where": "zip"}],
    "zip-unsafe-path": [{"name": "../../escape.txt"}],
    "zip-link": [{"name": "files/link"}],
    "zip-too-big": [{"limit_mb": 512}],
    "zip-too-many-files": [{"limit": 2000}, {"limit": 21}],
    "zip-ambiguous": [{"folders": "a, b"}],
    "not-utf8": [{}],
    "yaml-syntax": [
        {"problem": "mapping values are not allowed here", "hint": hint}
        for hint in ("colon", "braces", "brackets", "tabs", "star", "none")
    ],
    "unknown-field": [{"field": "tittle", "suggestion": "title"}, {"field": "xyz", "suggestion": ""}],
    "missing-field": [{"field": "time"}],
    "duplicate-key": [{"field": "title"}],
    "wrong-type": [
        {"expected": expected, "got": got, "value": "first" if got == "value" else ""}
        for expected, got in (
            ("fields", "list"),
            ("course-fields", "value"),
            ("material", "nothing"),
            ("deadline", "value"),
            ("list", "fields"),
            ("text", "list"),
            ("whole-number", "value"),
            ("number", "value"),
            ("boolean", "value"),
            ("time", "list"),
            ("option-number", "fields"),
            ("field-name", "fields"),
        )
    ],
    "empty": [{}],
    "out-of-range": [
        {"value": 0, "limits": "both", "minimum": 1, "maximum": 366},
        {"value": 0, "limits": "min", "minimum": 1, "maximum": ""},
        {"value": 2500.5, "limits": "max", "minimum": "", "maximum": 2000},
    ],
    "invalid-value": [
        {"value": "fotos", "choices": "text, photo, document", "suggestion": "photo"},
        {"value": "x", "choices": "scale, single, multiple, text", "suggestion": ""},
    ],
    "invalid-time": [{"value": "25:00"}],
    "invalid-course-code": [{"value": "Library Work"}],
    "duplicate": [{"value": "kk"}],
    "unknown-language": [{"value": "kz", "suggestion": "kk"}, {"value": "de", "suggestion": ""}],
    "empty-list": [{"list": name} for name in ("lessons", "accepts", "questions", "items", "statements")],
    "no-text": [{}],
    "text-too-long": [
        {"what": what, "length": 4097, "limit": 4096}
        for what in ("text", "message", "caption", "label", "prompt", "question", "option", "explanation")
    ]
    + [{"what": "option", "length": 101, "limit": 100}, {"what": "label", "length": 65, "limit": 64}],
    "missing-file": [{"file": "files/plan.pdf", "suggestion": "files/Plan.pdf"}, {"file": "a.pdf", "suggestion": ""}],
    "file-outside-course": [{"file": "../secret.pdf"}],
    "empty-file": [{"file": "course.yaml"}],
    "file-too-big": [{"file": "lecture.mp4", "size_mb": 57.2, "limit_mb": 50}],
    "material-kind": [{"found": "text, link", "count": 2}, {"found": "", "count": 0}],
    "field-conflict": [{"field": "caption", "other": "link"}, {"field": "time", "other": "hours_after_release"}],
    "invalid-url": [{"url": "www.example.kz"}],
    "lesson-out-of-order": [
        {"lesson": 2, "day": 2, "time": "10:00", "previous": 1, "previous_day": 3, "previous_time": "10:00"}
    ],
    "deadline-kind": [{}],
    "deadline-before-release": [{"day": 1, "time": "20:00", "release_day": 2, "release_time": "10:00"}],
    "no-correct-answer": [{}],
    "correct-out-of-range": [{"correct": 7, "count": 4}],
    "correct-not-an-option": [{"correct": "Мүмкін"}],
    "too-few-options": [{"count": 1, "minimum": 2}, {"count": 0, "minimum": 2}],
    "too-many-options": [{"count": 11, "maximum": 10}, {"count": 22, "maximum": 10}],
    "too-many-statements": [{"count": 11, "maximum": 10}, {"count": 21, "maximum": 10}],
    "certificate-languages": [{"count": 3}],
    "certificate-image": [{"file": "files/logo.pdf"}],
    "duplicate-option": [{"option": 1}],
    "questionnaire-too-early": [{"day": 1, "time": "09:00", "last_day": 5, "last_time": "10:00"}],
    "invalid-id": [{"value": "Q!"}],
    "duplicate-id": [{"id": "quality", "item": 1}],
    "options-required": [{"kind": "single"}],
    "options-not-allowed": [{"kind": "scale"}, {"kind": "text"}],
    "no-questionnaire": [{}],
    "no-such-lesson": [{"lesson": 9, "count": 1}, {"lesson": 9, "count": 4}, {"lesson": 9, "count": 5}],
    "lesson-without-homework": [{"lesson": 1}],
    "html-unsupported-tag": [
        {"tag": tag, "hint": hint}
        for tag, hint in (
            ("br", "line-break"),
            ("p", "empty-line"),
            ("h1", "bold"),
            ("ul", "bullets"),
            ("ol", "numbers"),
            ("img", "picture"),
            ("font", "fonts"),
            ("table", "none"),
        )
    ],
    "html-bare-lt": [{}],
    "html-unclosed": [{"tag": "b"}],
    "html-closes-nothing": [{"tag": "b"}],
    "html-wrong-close": [{"tag": "b", "open_tag": "i"}],
    "html-self-closing": [{"tag": "b"}],
    "html-bad-attribute": [{"tag": "i", "attribute": "style"}],
    "html-nested": [{"tag": "b", "parent": "pre"}],
    "html-link-no-href": [{}],
    "html-link-scheme": [{"href": "javascript:alert(1)"}],
    "html-link-in-link": [{}],
    "html-span-class": [{}],
    "html-code-class": [{}],
    "html-time-attribute": [{"attribute": "unix", "value": "tomorrow"}, {"attribute": "format", "value": "Dw"}],
    "missing-translation": [
        {"unit": "course", "lesson": 0, "language": "en", "fields": "title", "fallback": "kk"},
        {"unit": "lesson", "lesson": 3, "language": "kk", "fields": "title, homework.prompt", "fallback": "ru"},
        {"unit": "questionnaire", "lesson": 0, "language": "ru", "fields": "intro", "fallback": "en"},
        {"unit": "self-assessment", "lesson": 0, "language": "kk", "fields": "statements[0]", "fallback": "ru"},
    ],
    "extra-language": [{"language": "en", "languages": "kk, ru"}],
    "reminder-too-early": [
        {"lesson": 1, "hours": 12, "reminder": 24},
        {"lesson": 2, "hours": 1, "reminder": 2},
        {"lesson": 3, "hours": 13.5, "reminder": 21},
    ],
    "photo-as-document": [{"file": "files/poster.png", "size_mb": 12.4, "limit_mb": 10}],
    "empty-lesson": [{"lesson": 2}],
    "unused": [{}],
}

CASES = [(code, args) for code, samples in SAMPLES.items() for args in samples]


@pytest.fixture(scope="module")
def strict() -> Translator:
    return Translator(default_locale="en", strict=True)


def _issue(code: str, args: dict[str, str | int | float]) -> Issue:
    return Issue("course.yaml", 12, 5, "lessons[2].quiz.questions[0]", code, args)


def test_there_is_a_sample_for_every_code() -> None:
    assert sorted(SAMPLES) == sorted(ISSUE_ARGS)


@pytest.mark.parametrize(("code", "args"), CASES, ids=[f"{code}-{i}" for i, (code, _) in enumerate(CASES)])
def test_every_issue_renders_in_every_locale(strict: Translator, code: str, args: dict[str, str | int | float]) -> None:
    issue = _issue(code, args)
    texts = {}
    for locale in LOCALES:
        # Strict: a missing variable or message raises instead of showing "{$name}".
        text = issue.render(strict, locale)
        assert text.startswith("course.yaml:12: lessons[2].quiz.questions[0]: "), text
        message = text.removeprefix("course.yaml:12: lessons[2].quiz.questions[0]: ")
        assert message.strip() and "{$" not in message and "{ $" not in message, text
        texts[locale] = message
        warning = issue.render(strict, locale, "warning")
        assert warning.startswith("course.yaml:12: ") and warning.endswith(message)
    assert texts["kk"] != texts["en"] and texts["ru"] != texts["en"] and texts["kk"] != texts["ru"]
    assert issue.format(strict) == f"course.yaml:12: lessons[2].quiz.questions[0]: {texts['en']}"
    assert issue.describe(strict, "en") == texts["en"]


def test_every_select_variant_has_a_sample() -> None:
    """Each word an arg can pick (a hint, a unit, a list) is rendered by the test above."""
    resource = FluentParser().parse((LOCALES_DIR / "en" / "course_issues.ftl").read_text(encoding="utf-8"))
    missing = []
    for entry in resource.body:
        if not isinstance(entry, fluent_ast.Message) or not entry.id.name.startswith("course-issue-"):
            continue
        code = entry.id.name.removeprefix("course-issue-")
        for select in _selects(entry):
            if not isinstance(select.selector, fluent_ast.VariableReference):
                continue
            name = select.selector.id.name
            keys = {v.key.name for v in select.variants if isinstance(v.key, fluent_ast.Identifier)}
            if keys <= PLURAL_CATEGORIES:
                continue
            sampled = {str(args[name]) for args in SAMPLES.get(code, [])}
            missing += [f"{code}: {name}={key}" for key in keys - sampled]
    assert missing == []


def _selects(node: object) -> list[fluent_ast.SelectExpression]:
    found: list[fluent_ast.SelectExpression] = []

    def walk(value: object) -> None:
        if isinstance(value, fluent_ast.SelectExpression):
            found.append(value)
        if isinstance(value, fluent_ast.BaseNode):
            for child in vars(value).values():
                walk(child)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(node)
    return found


def test_words_the_code_picks_have_variants_or_messages(strict: Translator) -> None:
    """The hint keys and word args the code uses exist in the ftl files, so nothing falls back silently."""
    en = (LOCALES_DIR / "en" / "course_issues.ftl").read_text(encoding="utf-8")
    for hint in set(telegram_html._HINTS.values()):
        assert f"[{hint}]" in en, hint
    for _, hint in course_yaml._YAML_HINTS:
        assert f"[{hint}]" in en, hint
    words = {
        "course-language": set(SUPPORTED_LANGUAGES),
        "course-expected": _string_args("wrong_type", 2)
        | _keyword_args("mapping", "what")
        | {inspect.signature(course_yaml.Reader.mapping).parameters["what"].default},
        "course-part": _keyword_args("text", "what") | {inspect.signature(TextParser.text).parameters["what"].default},
    }
    assert set(WORD_ARGS.values()) == set(words)
    assert len(words["course-expected"]) >= 10 and len(words["course-part"]) >= 7
    for locale in LOCALES:
        for prefix, values in words.items():
            for value in values:
                assert strict.has(f"{prefix}-{value}", locale), f"{locale}: {prefix}-{value}"


def _calls() -> list[ast.Call]:
    calls: list[ast.Call] = []
    for path in SOURCES:
        calls += [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.Call)]
    return calls


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _string_args(function: str, index: int) -> set[str]:
    return {
        call.args[index].value
        for call in _calls()
        if _name(call) == function
        and len(call.args) > index
        and isinstance(call.args[index], ast.Constant)
        and isinstance(call.args[index].value, str)
    }


def _keyword_args(function: str, keyword: str) -> set[str]:
    return {
        kw.value.value
        for call in _calls()
        if _name(call) == function
        for kw in call.keywords
        if kw.arg == keyword and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str)
    }


def _codes_in_sources() -> set[str]:
    """Every code written where an issue is made: Reader.error/warn/issue, Issue, _reject, HtmlProblem,
    and the (code, args) pairs telegram_html's checks return."""
    codes = (
        _string_args("error", 2)
        | _string_args("warn", 2)
        | _string_args("issue", 2)
        | _string_args("Issue", 4)
        | _string_args("_reject", 1)
        | _string_args("HtmlProblem", 1)
    )
    tree = ast.parse(TELEGRAM_HTML.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple) and node.value.elts:
            first = node.value.elts[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                codes.add(first.value)
    return codes


def test_every_code_in_the_code_base_is_registered_and_has_a_message(strict: Translator) -> None:
    used = _codes_in_sources()

    assert len(used) >= 50  # the scan finds the call sites, not nothing
    assert sorted(used - set(ISSUE_ARGS)) == []
    assert sorted(set(ISSUE_ARGS) - used) == [], "registered but never produced"
    for locale in LOCALES:
        for code in ISSUE_ARGS:
            assert strict.has(f"course-issue-{code}", locale), f"{locale}: {code}"


def test_the_constructor_refuses_unknown_codes_and_wrong_args() -> None:
    with pytest.raises(ValueError, match="unknown course issue code"):
        Issue("course.yaml", 1, 1, "", "no-such-code")
    with pytest.raises(ValueError, match="expected"):
        Issue("course.yaml", 1, 1, "", "missing-field")
    with pytest.raises(ValueError, match="expected"):
        Issue("course.yaml", 1, 1, "", "missing-field", {"field": "time", "extra": 1})
    with pytest.raises(TypeError):
        Issue("course.yaml", 1, 1, "", "missing-field", {"field": None})  # type: ignore[dict-item]


def test_a_real_course_in_three_languages(strict: Translator, tmp_path: Path) -> None:
    (tmp_path / "course.yaml").write_text(
        "code: test-course\nlanguages: [kk, ru]\ntitle: {ru: Курс}\nhours: 2\nlessons:\n"
        '  - day: 1\n    time: "10:00"\n    title: Сабақ\n    tittle: x\n'
        "    materials:\n      - text: " + "а" * 4097 + "\n",
        encoding="utf-8",
    )
    result = load_course(tmp_path)
    errors = {locale: [e.render(strict, locale) for e in result.errors] for locale in LOCALES}
    warnings = {locale: [w.render(strict, locale, "warning") for w in result.warnings] for locale in LOCALES}

    assert (
        errors["en"]
        == [e.format(strict) for e in result.errors]
        == [
            "course.yaml:9: lessons[0]: unknown field 'tittle'; did you mean 'title'?",
            "course.yaml:11: lessons[0].materials[0].text: the message is 4097 characters long; Telegram allows 4096",
        ]
    )
    assert errors["ru"] == [
        "course.yaml:9: lessons[0]: неизвестное поле «tittle»; возможно, имелось в виду «title»?",
        "course.yaml:11: lessons[0].materials[0].text: сообщение: 4097 символов, а Telegram допускает не больше 4096",
    ]
    assert errors["kk"] == [
        "course.yaml:9: lessons[0]: «tittle» деген өріс жоқ; «title» деп жазғыңыз келді ме?",
        "course.yaml:11: lessons[0].materials[0].text: хабарлама тым ұзын: 4097 таңба, "
        "ал Telegram 4096 таңбадан артық қабылдамайды",
    ]
    assert warnings["en"] == [
        "course.yaml:3: warning: the course has no Kazakh text (title); learners get Russian there"
    ]
    assert warnings["ru"] == [
        "course.yaml:3: предупреждение: в курсе нет перевода на казахский язык (title); "
        "слушатели увидят русский вариант"
    ]
    assert warnings["kk"] == [
        "course.yaml:3: ескерту: курста қазақша мәтін жоқ (title); тыңдаушылар оның орнына орысша нұсқасын көреді"
    ]


def test_numbers_follow_the_locale_without_thousands_separators(strict: Translator) -> None:
    issue = _issue("file-too-big", {"file": "lecture.mp4", "size_mb": 57.2, "limit_mb": 50})

    assert issue.describe(strict, "en") == "file 'lecture.mp4' is 57.2 MB; a bot can send files up to 50 MB"
    assert "57,2 МБ" in issue.render(strict, "ru") and "57,2 МБ" in issue.render(strict, "kk")
    too_long = _issue("text-too-long", {"what": "message", "length": 12345, "limit": 4096})
    assert "12345 символов" in too_long.render(strict, "ru")


async def test_an_organizer_sees_the_problems_in_kazakh(tmp_path: Path) -> None:
    async with running_bot(tmp_path, admin_ids=str(OWNER)) as bot:
        organizer = bot.emu.user(OWNER, language_code="kk")
        broken = (PROJECT_ROOT / "courses" / "sample" / "course.yaml").read_text(encoding="utf-8")
        broken = broken.replace("code: ", "cod: ", 1)
        await organizer.send_text("/import")
        await organizer.expect("Курсты жүктеу үшін")
        await organizer.send_document(file_name="course.yaml", content=broken.encode(), mime_type="application/x-yaml")
        await organizer.expect("тексеріп")
        failed = await organizer.expect("ештеңе жүктелген жоқ")

    assert "«cod» деген өріс жоқ; «code» деп жазғыңыз келді ме?" in failed.text
    assert "міндетті «code» өрісі толтырылмаған" not in failed.text  # the misspelt field is reported once


def test_the_docs_list_every_code() -> None:
    docs = (PROJECT_ROOT / "docs" / "course-format.md").read_text(encoding="utf-8")

    assert [code for code in ISSUE_ARGS if f"`{code}`" not in docs] == []
