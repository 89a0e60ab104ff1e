"""The course format: every kind of error with its line, warnings, zips, HTML, the codec."""

from __future__ import annotations

import zipfile
from pathlib import Path
from textwrap import dedent

import pytest

from bot.courses import source as course_source
from bot.courses.codec import content_hash, course_from_json, course_to_json
from bot.courses.loading import LoadResult, load_course
from bot.courses.model import DeadlineAfter, DeadlineAt, FileMaterial, LocalizedText
from bot.i18n import Translator
from bot.text.telegram_html import parse_html, telegram_length

SAMPLE = Path(__file__).resolve().parents[1] / "courses" / "sample"

# Lines 1-5; a case's lessons start on line 6.
HEADER = """\
code: test-course
languages: [kk, ru]
title: {kk: Курс, ru: Курс}
hours: 2
lessons:
"""
LESSON = """\
  - day: 1
    time: "10:00"
    title: {kk: Сабақ, ru: Урок}
    materials:
      - text: {kk: Сәлем, ru: Привет}
"""


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "course.yaml").write_text(dedent(text), encoding="utf-8")
    return folder


def check(tmp_path: Path, text: str) -> LoadResult:
    return load_course(write(tmp_path, text))


def quiz(options: str, correct: str = "correct: 1", extra: str = "") -> str:
    """A lesson with one quiz question (line 13); its options start on line 17."""
    return (
        HEADER
        + LESSON
        + "    quiz:\n"
        + "      questions:\n"
        + "        - question: {kk: 'Сұрақ?', ru: 'Вопрос?'}\n"
        + f"          {correct}\n"
        + f"          {extra}\n"
        + "          options:\n"
        + options
    )


OPTIONS_2 = "            - {kk: Иә, ru: Да}\n            - {kk: Жоқ, ru: Нет}\n"


# (name, yaml, line, code, words in the message)
ERROR_CASES = [
    (
        "bad yaml",
        HEADER + '  - day: 1\n    time: "10:00"\n    title: Сабақ: бірінші\n',
        8,
        "yaml-syntax",
        "bad YAML",
    ),
    (
        "unknown field",
        HEADER + LESSON + "    tittle: x\n",
        11,
        "unknown-field",
        "unknown field 'tittle'; did you mean 'title'?",
    ),
    (
        "wrong type",
        HEADER + LESSON.replace("day: 1", "day: first"),
        6,
        "wrong-type",
        "expected a whole number, got 'first'",
    ),
    (
        "missing field",
        HEADER + LESSON.replace('    time: "10:00"\n', ""),
        6,
        "missing-field",
        "'time' is required",
    ),
    (
        "missing file",
        HEADER + LESSON + "      - file: files/plan.pdf\n",
        11,
        "missing-file",
        "file 'files/plan.pdf' not found",
    ),
    (
        "file outside the course",
        HEADER + LESSON + "      - file: ../secret.pdf\n",
        11,
        "file-outside-course",
        "outside the course folder",
    ),
    (
        "no correct answer",
        quiz(OPTIONS_2, correct=""),
        13,
        "no-correct-answer",
        "no correct answer",
    ),
    (
        "correct index out of range",
        quiz(OPTIONS_2, correct="correct: 3"),
        14,
        "correct-out-of-range",
        "correct answer 3 is out of range: the options are numbered 1 to 2",
    ),
    (
        "correct given as an option that is not there",
        quiz(OPTIONS_2, correct="correct: Мүмкін"),
        14,
        "correct-not-an-option",
        "'Мүмкін' is not one of the options",
    ),
    (
        "one option",
        quiz("            - {kk: Иә, ru: Да}\n"),
        17,
        "too-few-options",
        "a question needs at least 2",
    ),
    (
        "eleven options",
        quiz("".join(f"            - '{n}'\n" for n in range(11))),
        17,
        "too-many-options",
        "11 options; Telegram allows at most 10",
    ),
    (
        "lesson goes back in time",
        HEADER + LESSON.replace("day: 1", "day: 3") + LESSON.replace("day: 1", "day: 2"),
        11,
        "lesson-out-of-order",
        "lesson 2 (day 2, 10:00) comes before lesson 1 (day 3, 10:00)",
    ),
    (
        "order is checked even when a lesson has other errors",
        HEADER
        + LESSON.replace("day: 1", "day: 3")
        + LESSON.replace("day: 1", "day: 2").replace("    title:", "    tittle:"),
        11,
        "lesson-out-of-order",
        "lesson 2 (day 2, 10:00) comes before lesson 1 (day 3, 10:00)",
    ),
    (
        "same day, earlier time",
        HEADER + LESSON + LESSON.replace('"10:00"', '"09:00"'),
        11,
        "lesson-out-of-order",
        "lessons must not go back in time",
    ),
    (
        "deadline before release",
        HEADER
        + LESSON.replace("day: 1", "day: 2")
        + "    homework:\n      prompt: Жазыңыз\n      deadline: {day: 1, time: '20:00'}\n",
        13,
        "deadline-before-release",
        "the deadline (day 1, 20:00) is not after the lesson's release (day 2, 10:00)",
    ),
    (
        "message too long",
        HEADER + LESSON + "      - text: " + "а" * 4097 + "\n",
        11,
        "text-too-long",
        "the message is 4097 characters long; Telegram allows 4096",
    ),
    (
        "caption too long",
        HEADER + LESSON + "      - file: plan.pdf\n        caption: " + "б" * 1025 + "\n",
        12,
        "text-too-long",
        "the caption is 1025 characters long; Telegram allows 1024",
    ),
    (
        "poll question too long",
        quiz(OPTIONS_2).replace("{kk: 'Сұрақ?', ru: 'Вопрос?'}", "В" * 301),
        13,
        "text-too-long",
        "the question is 301 characters long; Telegram allows 300",
    ),
    (
        "poll option too long",
        quiz("            - " + "о" * 101 + "\n            - Нет\n"),
        17,
        "text-too-long",
        "the option is 101 characters long; Telegram allows 100",
    ),
    (
        "explanation too long",
        quiz(OPTIONS_2, extra="explanation: " + "э" * 201),
        15,
        "text-too-long",
        "the explanation is 201 characters long; Telegram allows 200",
    ),
    (
        "tags do not count towards the limit, but the letters do",
        HEADER + LESSON + "      - text: <b>" + "д" * 4097 + "</b>\n",
        11,
        "text-too-long",
        "4097 characters",
    ),
    (
        "unsupported tag",
        HEADER + LESSON + "      - text: |\n          Бірінші жол\n          <p>екінші</p>\n",
        13,
        "html-unsupported-tag",
        "Telegram does not support <p>",
    ),
    (
        "unclosed tag",
        HEADER + LESSON + "      - text: <b>Маңызды\n",
        11,
        "html-unclosed",
        "<b> is never closed",
    ),
    (
        "a bare <",
        HEADER + LESSON + "      - text: 5 < 6\n",
        11,
        "html-bare-lt",
        "a bare '<' must be written as &lt;",
    ),
    (
        "duplicate key",
        HEADER + LESSON + "    title: Тағы\n",
        11,
        "duplicate-key",
        "'title' is given twice",
    ),
    (
        "duplicate questionnaire id",
        HEADER
        + LESSON
        + dedent("""\
            questionnaire:
              items:
                - {id: quality, kind: scale, question: 'Сапасы?'}
                - {id: quality, kind: text, question: 'Тағы?'}
        """),
        14,
        "duplicate-id",
        "id 'quality' is already used by item 1",
    ),
    (
        "duplicate language",
        HEADER.replace("[kk, ru]", "[kk, ru, kk]") + LESSON,
        2,
        "duplicate",
        "'kk' is listed twice",
    ),
    (
        "language not in kk/ru/en",
        HEADER + LESSON.replace("{kk: Сабақ, ru: Урок}", "{kz: Сабақ, ru: Урок}"),
        8,
        "unknown-language",
        "unknown language 'kz': use kk, ru or en; did you mean 'kk'?",
    ),
    (
        "a link that is not a web address",
        HEADER + LESSON + "      - {link: www.example.kz, label: Сайт}\n",
        11,
        "invalid-url",
        "is not a web link",
    ),
    (
        "completion names a lesson without homework",
        HEADER + LESSON + "completion:\n  homework: [1]\n",
        12,
        "lesson-without-homework",
        "lesson 1 has no homework",
    ),
    (
        "questionnaire required but missing",
        HEADER + LESSON + "completion:\n  questionnaire: true\n",
        12,
        "no-questionnaire",
        "the questionnaire is required, but the course has none",
    ),
    (
        "time that is not a time",
        HEADER + LESSON.replace('"10:00"', '"25:00"'),
        7,
        "invalid-time",
        "'25:00' is not a time of day",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "code", "words"),
    [case[1:] for case in ERROR_CASES],
    ids=[case[0] for case in ERROR_CASES],
)
def test_each_error_is_reported_with_its_line(
    tmp_path: Path, translator: Translator, text: str, line: int, code: str, words: str
) -> None:
    (tmp_path / "plan.pdf").write_bytes(b"%PDF-1.4\n")
    result = check(tmp_path, text)

    assert result.course is None
    found = [(e.line, e.code) for e in result.errors]
    matching = [e for e in result.errors if e.code == code and e.line == line]
    assert matching, f"expected {code} on line {line}, got {found}"
    assert words in matching[0].describe(translator, "en")
    assert matching[0].file == "course.yaml"


def test_every_error_is_reported_not_just_the_first(tmp_path: Path, translator: Translator) -> None:
    text = HEADER + dedent("""\
          - day: 1
            time: "10:00"
            title: Бір
            materials:
              - file: missing.pdf
            quiz:
              questions:
                - question: Сұрақ?
                  options: [Иә]
          - day: 0
            time: "10:00"
            titel: Екі
    """)
    result = check(tmp_path, text)

    assert [(e.line, e.code) for e in result.errors] == [
        (10, "missing-file"),
        (13, "no-correct-answer"),
        (14, "too-few-options"),
        (15, "out-of-range"),
        (17, "unknown-field"),
    ]
    assert result.errors[0].format(translator) == (
        "course.yaml:10: lessons[0].materials[0].file: file 'missing.pdf' not found"
    )
    assert (
        result.errors[1]
        .format(translator)
        .startswith("course.yaml:13: lessons[0].quiz.questions[0]: no correct answer")
    )


def test_a_file_over_50_mb_is_refused(tmp_path: Path, translator: Translator) -> None:
    with (tmp_path / "lecture.mp4").open("wb") as big:
        big.truncate(50 * 1024 * 1024 + 1)  # sparse: costs no disk
    result = check(tmp_path, HEADER + LESSON + "      - file: lecture.mp4\n")

    [error] = result.errors
    assert (error.line, error.code) == (11, "file-too-big")
    assert "a bot can send files up to 50 MB" in error.describe(translator, "en")


def test_a_misspelt_file_name_gets_a_suggestion(tmp_path: Path, translator: Translator) -> None:
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "Checklist.pdf").write_bytes(b"%PDF")
    result = check(tmp_path, HEADER + LESSON + "      - file: files/checklist.pdf\n")

    assert "did you mean 'files/Checklist.pdf'?" in result.errors[0].describe(translator, "en")


def test_a_file_that_is_not_utf8_gets_its_line(tmp_path: Path) -> None:
    text = HEADER + LESSON.replace("Сабақ", "Урок").replace("Сәлем", "Привет")
    (tmp_path / "course.yaml").write_bytes(text.encode("cp1251"))
    result = load_course(tmp_path)

    [error] = result.errors
    assert (error.code, error.line) == ("not-utf8", 3)  # the first Cyrillic is on line 3


def test_empty_file_and_missing_folder(tmp_path: Path) -> None:
    assert check(tmp_path, "").errors[0].code == "empty-file"
    assert load_course(tmp_path / "nowhere").errors[0].code == "not-found"


def test_the_sample_course_validates_without_errors_or_warnings() -> None:
    result = load_course(SAMPLE)

    assert result.errors == []
    assert result.warnings == []
    course = result.course
    assert course is not None
    assert course.code == "library-work-modern"
    assert course.languages == ("kk", "ru", "en")
    assert course.hours == 24
    assert len(course.lessons) == 5
    assert course.lessons[-1].day - course.lessons[0].day + 1 <= 10
    assert len(course.homework) >= 3
    [quiz_] = course.quizzes
    assert len(quiz_.questions) >= 5
    assert course.questionnaire is not None and course.questionnaire.anonymous
    kinds = {item.kind for item in course.questionnaire.items}
    assert kinds == {"scale", "single", "multiple", "text"}
    assert course.completion.questionnaire and course.completion.quiz_pass_mark == 60
    assert sum(ref.size for ref in course.files()) < 200 * 1024
    kazakh = course.text(course.lessons[0].materials[0].text, "kk")  # type: ignore[union-attr]
    assert set("әғқңөұүі") <= set(kazakh.lower())


def test_defaults_and_both_deadline_forms(tmp_path: Path) -> None:
    text = (
        HEADER
        + LESSON
        + (
            "    homework:\n"
            "      prompt: Жазыңыз\n"
            "      deadline: {hours_after_release: 48}\n"
            "  - day: 2\n"
            '    time: "10:00"\n'
            "    title: Екі\n"
            "    homework:\n"
            "      prompt: Жазыңыз\n"
            "      deadline: {day: 4}\n"
        )
    )
    result = check(tmp_path, text)

    assert result.errors == []
    course = result.course
    assert course is not None
    assert course.reminders == (24, 2)
    first, second = course.lessons
    assert first.homework is not None and first.homework.deadline == DeadlineAfter(48)
    assert second.homework is not None
    assert second.homework.deadline == DeadlineAt(4, second.time.replace(hour=23, minute=59))
    assert first.homework.accepts == ("text", "photo", "document")
    assert (first.key, first.homework.key, second.homework.key) == ("L1", "L1.hw", "L2.hw")


def test_time_written_without_quotes_is_still_a_time(tmp_path: Path) -> None:
    # YAML 1.1 reads 10:30 as the number 630; the loader reads what was typed.
    result = check(tmp_path, HEADER + LESSON.replace('"10:00"', "10:30"))

    assert result.course is not None
    assert f"{result.course.lessons[0].time:%H:%M}" == "10:30"


def test_correct_answer_by_option_text(tmp_path: Path) -> None:
    result = check(tmp_path, quiz(OPTIONS_2, correct="correct: Жоқ"))

    assert result.course is not None
    quiz_ = result.course.lessons[0].quiz
    assert quiz_ is not None and quiz_.questions[0].correct == 1


def test_missing_translations_are_warnings_per_part_and_language(tmp_path: Path, translator: Translator) -> None:
    text = (
        HEADER.replace("[kk, ru]", "[kk, ru, en]")
        + LESSON
        + ("    homework:\n      prompt: {ru: Напишите}\n      deadline: {day: 2}\n")
    )
    result = check(tmp_path, text)

    assert result.errors == []
    messages = [w.format(translator, "warning") for w in result.warnings]
    assert messages == [
        "course.yaml:3: warning: the course has no English text (title); learners get Kazakh there",
        "course.yaml:8: warning: lessons[0]: lesson 1 has no English text "
        "(title, materials[0].text, homework.prompt); learners get Kazakh there",
        "course.yaml:12: warning: lessons[0]: lesson 1 has no Kazakh text (homework.prompt); "
        "learners get Russian there",
    ]


def test_a_reminder_before_the_lesson_is_a_warning(tmp_path: Path, translator: Translator) -> None:
    homework = "    homework:\n      prompt: Жаз\n      deadline: {hours_after_release: 12}\n"
    text = HEADER + LESSON + homework
    result = check(tmp_path, text)

    assert result.course is not None
    [warning] = result.warnings
    assert warning.code == "reminder-too-early"
    assert "the reminder 24 hours before the deadline" in warning.describe(translator, "en")


def test_localized_text_falls_back_in_the_course_order() -> None:
    text = LocalizedText(by_language={"ru": "Урок", "en": "Lesson"})

    assert text.get("kk", ("kk", "ru", "en")) == "Урок"
    assert text.get("kk", ("kk", "en", "ru")) == "Lesson"
    assert text.get("en", ("kk", "ru")) == "Lesson"
    assert LocalizedText.plain("Oqu").get("kk", ()) == "Oqu"
    assert LocalizedText.plain("Oqu").has("kk") and not text.has("kk")


def test_codec_round_trip_and_stable_hash() -> None:
    course = load_course(SAMPLE).course
    assert course is not None

    assert course_from_json(course_to_json(course)) == course
    assert content_hash(course) == content_hash(course_from_json(course_to_json(course)))
    material = course.lessons[0].materials[1]
    assert isinstance(material, FileMaterial)
    assert material.file_for("kk").path == "files/checklist-kk.pdf"


# -- zips ------------------------------------------------------------------------------------


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def _sample_entries(prefix: str = "") -> dict[str, bytes]:
    return {prefix + p.relative_to(SAMPLE).as_posix(): p.read_bytes() for p in SAMPLE.rglob("*") if p.is_file()}


@pytest.mark.parametrize("prefix", ["", "library-course/"], ids=["at the root", "in a folder"])
def test_a_zip_of_the_course_validates(tmp_path: Path, prefix: str) -> None:
    archive = _zip(tmp_path / "course.zip", _sample_entries(prefix) | {"__MACOSX/._x": b"x"})

    result = load_course(archive)

    assert result.errors == []
    assert result.course is not None and len(result.course.files()) == 9


def test_a_zip_with_a_path_outside_is_refused(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "evil.zip", _sample_entries() | {"../../escape.txt": b"x"})

    [error] = load_course(archive).errors

    assert error.code == "zip-unsafe-path"
    assert not (tmp_path.parent / "escape.txt").exists()


def test_a_zip_that_unpacks_too_big_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(course_source, "MAX_ZIP_TOTAL_BYTES", 50 * 1024)
    archive = _zip(tmp_path / "big.zip", _sample_entries())

    [error] = load_course(archive).errors

    assert error.code == "zip-too-big"


def test_a_zip_without_course_yaml(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "other.zip", {"a/b/course.yaml": b"code: x"})

    assert load_course(archive).errors[0].code == "missing-course-yaml"


# -- Telegram HTML ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ('<b>bold</b> <i>it</i> <a href="https://kazneb.kz">link</a> &lt;3 &amp; Q&A', []),
        ('<pre><code class="language-python">x</code></pre>', []),
        ('<span class="tg-spoiler">s</span> <blockquote expandable>q</blockquote>', []),
        ("<b><i>x</b></i>", ["</b> found where </i> was expected"]),
        ("<br>", ["Telegram does not support <br>; use a line break instead"]),
        ("<a>x</a>", ['<a> needs href="https://..."']),
        ('<a href="javascript:alert(1)">x</a>', ["<a href> must start with https://"]),
        ("</b>", ["</b> closes nothing"]),
        ("<pre><b>x</b></pre>", ["<b> cannot be used inside <pre>"]),
    ],
)
def test_telegram_html_rules(translator: Translator, text: str, problems: list[str]) -> None:
    found = [p.describe(translator, "en") for p in parse_html(text).problems]

    assert len(found) == len(problems)
    for message, expected in zip(found, problems, strict=True):
        assert message.startswith(expected)


def test_length_is_counted_like_telegram() -> None:
    assert parse_html("<b>Сәлем</b> &amp; бар").plain_text == "Сәлем & бар"
    assert telegram_length("📚") == 2  # outside the basic plane: two UTF-16 units
    assert telegram_length("әқ") == 2


def test_the_example_in_the_docs_is_a_valid_course(tmp_path: Path) -> None:
    docs = (SAMPLE.parents[1] / "docs" / "course-format.md").read_text(encoding="utf-8")
    start = docs.index("```yaml\ncode: reading-club-basics") + len("```yaml\n")
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "plan.pdf").write_bytes(b"%PDF-1.4\n")

    result = check(tmp_path, docs[start : docs.index("```", start)])

    assert result.errors == [] and result.warnings == []
