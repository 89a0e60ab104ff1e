"""The HTML preview: every lesson, the computed dates, escaping, the CLI."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import LOCALES_DIR
from bot.cli.course import main as course_cli
from bot.courses.loading import load_course
from bot.courses.model import Course
from bot.courses.preview import render_preview, telegram_to_html
from bot.i18n import Translator

SAMPLE = Path(__file__).resolve().parents[1] / "courses" / "sample"
ALMATY = ZoneInfo("Asia/Almaty")


@pytest.fixture(scope="module")
def sample() -> Course:
    course = load_course(SAMPLE).course
    assert course is not None
    return course


def test_every_lesson_with_its_release_date_and_deadline(sample: Course, translator: Translator) -> None:
    page = render_preview(sample, language="kk", start=date(2026, 4, 15), tz=ALMATY, root=SAMPLE, translator=translator)

    for lesson in sample.lessons:
        assert lesson.title.by_language["kk"] in page
    # Day 1 = the start date; lessons on days 1, 3, 5, 7, 9 at 10:00 Almaty time.
    for day in ("15", "17", "19", "21", "23"):
        assert f'datetime="2026-04-{day}T10:00:00+05:00"' in page
    assert "15 сәуір, сәрсенбі, 10:00" in page
    assert "23 сәуір, бейсенбі, 10:00" in page
    # Homework 1 is due on day 3 at 09:00; homework 2 48 hours after lesson 2.
    assert '<time datetime="2026-04-17T09:00:00+05:00">17 сәуір, жұма, 09:00</time>' in page
    assert '<time datetime="2026-04-19T10:00:00+05:00">19 сәуір, жексенбі, 10:00</time>' in page
    assert "24 сәуір, жұма, 12:00" in page  # the questionnaire
    assert page.count('class="poll"') == 6
    assert "checklist-kk.pdf" in page and "event-plan-kk.docx" in page
    assert "📝 Тапсырманы жіберу" in page
    assert '<html lang="kk">' in page


def test_russian_and_another_time_zone(sample: Course, translator: Translator) -> None:
    page = render_preview(
        sample, language="ru", start=date(2026, 9, 1), tz=ZoneInfo("Asia/Tashkent"), translator=translator
    )

    assert "Организация библиотечной работы в современных условиях" in page
    assert 'datetime="2026-09-01T10:00:00+05:00"' in page
    assert "1 сентября, вторник, 10:00" in page
    assert "Asia/Tashkent" in page
    assert "checklist-ru.pdf" in page and "checklist-kk.pdf" not in page


def test_english_words_dates_and_plurals(sample: Course) -> None:
    page = render_preview(
        sample,
        language="en",
        start=date(2026, 4, 15),
        tz=ALMATY,
        root=SAMPLE,
        translator=Translator(default_locale="en", strict=True),
    )

    assert "Cohort starts: <b>15 April 2026</b>" in page
    assert "(UTC+05:00)" in page
    assert '<div class="day"><span>Wednesday, 15 April</span></div>' in page
    assert "Wednesday, 15 April, 10:00" in page
    assert "Quiz: 6 questions. Pass mark: 60%." in page
    assert "accepted homework: lessons 1, 2, 3, 5" in page
    assert re.search(r'<span class="size">\d+\.\d\xa0KB · PDF</span>', page)


def _one_question_one_homework(course: Course) -> Course:
    lessons = tuple(
        replace(lesson, quiz=replace(lesson.quiz, questions=lesson.quiz.questions[:1]))
        if lesson.quiz is not None
        else lesson
        for lesson in course.lessons
    )
    return replace(course, lessons=lessons, completion=replace(course.completion, homework=(2,)))


@pytest.mark.parametrize(
    ("language", "quiz", "homework"),
    [
        ("kk", "Тест: 1 сұрақ.", "қабылданған үй тапсырмасы: 2-сабақ"),
        ("ru", "Тест: 1 вопрос.", "принятые домашние задания: урок 2"),
        ("en", "Quiz: 1 question.", "accepted homework: lesson 2"),
    ],
)
def test_counts_agree_with_their_nouns(
    sample: Course, translator: Translator, language: str, quiz: str, homework: str
) -> None:
    page = render_preview(
        _one_question_one_homework(sample), language=language, start=date(2026, 4, 15), tz=ALMATY, translator=translator
    )

    assert quiz in page
    assert homework in page


def test_russian_plural_forms_of_questions() -> None:
    translator = Translator(default_locale="ru", strict=True)
    intro = [translator.get("ru", "preview-quiz-intro", count=n, mark=60) for n in (1, 3, 5, 21)]

    assert [text.split(".")[0] for text in intro] == [
        "Тест: 1 вопрос",
        "Тест: 3 вопроса",
        "Тест: 5 вопросов",
        "Тест: 21 вопрос",
    ]


def _string_literals(path: Path) -> list[str]:
    """The string constants in a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_words_in_the_code() -> None:
    """Kazakh and Russian words live in locales/*/preview.ftl, not in the preview's code."""
    root = LOCALES_DIR.parent / "bot"
    for path in (root / "courses" / "preview.py", root / "text" / "dates.py"):
        literals = _string_literals(path)
        assert literals
        assert not [text for text in literals if re.search("[а-яё]|[әғқңөұүһі]", text, re.I)], path


def test_course_text_cannot_inject_markup(tmp_path: Path, translator: Translator) -> None:
    (tmp_path / "course.yaml").write_text(
        "code: escape-test\n"
        "languages: [en]\n"
        "title: '<script>alert(1)</script>'\n"
        "hours: 1\n"
        "lessons:\n"
        "  - day: 1\n"
        "    time: '10:00'\n"
        "    title: 'Tom & Jerry <img src=x onerror=alert(1)>'\n"
        "    materials:\n"
        "      - text: '<b>bold</b> &lt;script&gt;alert(2)&lt;/script&gt;"
        ' <a href="https://x.kz/?a=1&amp;b=&quot;2&quot;">x</a>\'\n'
        "      - link: 'https://example.kz/\"><script>alert(3)</script>'\n"
        "        label: '</a><script>alert(4)</script>'\n",
        encoding="utf-8",
    )
    course = load_course(tmp_path).course
    assert course is not None

    page = render_preview(course, language="en", start=date(2026, 4, 15), tz=ALMATY, translator=translator)

    assert "<script" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Tom &amp; Jerry &lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>bold</b> &lt;script&gt;alert(2)" in page
    assert 'href="https://x.kz/?a=1&amp;b=&#34;2&#34;"' in page
    assert "Content-Security-Policy" in page


def test_telegram_html_is_rebuilt_not_copied() -> None:
    html = telegram_to_html('<strong>a</strong> <em>b</em> <span class="tg-spoiler">c</span>')

    assert html == '<b>a</b> <i>b</i> <span class="spoiler">c</span>'


def test_cli_preview_writes_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "preview" / "kk.html"

    code = course_cli(["preview", str(SAMPLE), "--lang", "kk", "--start", "2026-04-15", "--out", str(out)])

    assert code == 0
    assert out.is_file()
    page = out.read_text(encoding="utf-8")
    assert "Қазіргі жағдайда кітапхана жұмысын ұйымдастыру" in page
    assert not re.search(r"""(src|href)=["']https?://[^"']*\.(css|js)""", page)  # self-contained
    assert f"Wrote {out}" in capsys.readouterr().out
    assert course_cli(["preview", str(SAMPLE), "--tz", "Mars/Olympus"]) == 2


def test_committed_previews_are_up_to_date(sample: Course, translator: Translator) -> None:
    """docs/preview/ shows the sample as it is now; regenerate them when the sample changes:
    python -m bot course preview courses/sample --lang kk --start 2026-04-15 \\
        --out docs/preview/sample-course-kk.html (and the same with ru)."""
    docs = SAMPLE.parents[1] / "docs" / "preview"
    for language in ("kk", "ru"):
        page = render_preview(
            sample, language=language, start=date(2026, 4, 15), tz=ALMATY, root=SAMPLE, translator=translator
        )
        committed = (docs / f"sample-course-{language}.html").read_text(encoding="utf-8")
        assert committed == page, f"docs/preview/sample-course-{language}.html is out of date"
