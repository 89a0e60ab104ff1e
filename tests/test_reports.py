"""Statistics, charts, the learners to call and the Excel workbook, on a simulated cohort of the
sample course; and /stats and /export through the real Dispatcher (who may see what)."""

from __future__ import annotations

import asyncio
import io
import itertools
import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiogram.methods import AnswerCallbackQuery, SendDocument, SendMediaGroup, SendMessage
from openpyxl import load_workbook

from bot.__main__ import main as bot_main
from bot.i18n import Localizer, Translator
from bot.people.model import Cohort
from bot.reports import charts
from bot.reports.model import HOMEWORK_CATEGORIES, SCORE_BANDS, CohortStats, PlaceCount
from bot.reports.service import ReportService
from bot.reports.stats import calls_text, merge, one_decimal, summary_text
from bot.telegram.callbacks import ReportCb
from storage.cohorts import CohortRepository
from storage.roles import RoleRepository
from tests.auxil.delivery_setup import SAMPLE, import_version, make_cohort
from tests.auxil.harness import Harness
from tests.auxil.reports_data import simulate
from tests.auxil.updates import tg_user
from tests.conftest import OWNER_ID

LEARNERS = list(range(5000, 5040))
OTHERS = list(range(6000, 6012))
CURATOR = tg_user(77, language_code="en")
OTHER_CURATOR = tg_user(78, language_code="en")
ORGANIZER = tg_user(55, language_code="en")
LEARNER = tg_user(5001, language_code="en")


@pytest.fixture
async def world(harness: Harness, tmp_path: Path) -> dict[str, int]:
    """Cohort A (40 learners, the whole course done, curated by 77), cohort B (12 learners, of
    the same course, curated by 78), cohort C (nobody yet)."""
    now = harness.clock.now()  # 2026-04-15 05:00 UTC
    version = await import_version(harness.db, SAMPLE, tmp_path / "files")
    a = await make_cohort(harness.db, version, date(2026, 4, 1), now, name="Ауыл <A>")
    b = await make_cohort(harness.db, version, date(2026, 4, 1), now, name="Қала B")
    c = await make_cohort(harness.db, version, date(2026, 5, 1), now, name="Empty C")
    simulate(harness.db.path, a, LEARNERS, now, curator_id=CURATOR.id)
    simulate(harness.db.path, b, OTHERS, now, seed=11, curator_id=OTHER_CURATOR.id, live_game=False)
    await harness.db.execute(
        "INSERT INTO users (telegram_id, language, full_name, created_at, updated_at) VALUES (?, 'en', 'Dana', ?, ?)",
        (ORGANIZER.id, "2026-04-15T05:00:00Z", "2026-04-15T05:00:00Z"),
    )
    await harness.db.execute("UPDATE users SET language = 'en' WHERE telegram_id IN (?, ?, ?)", (77, 78, LEARNER.id))
    roles = RoleRepository(harness.db)
    await roles.grant(ORGANIZER.id, "organizer", OWNER_ID, now)
    for user, cohort in ((CURATOR, a), (OTHER_CURATOR, b)):
        await roles.grant(user.id, "curator", OWNER_ID, now)
        await CohortRepository(harness.db).add_curator(cohort, user.id)
    return {"a": a, "b": b, "c": c}


def reports(h: Harness) -> ReportService:
    service = h.dp["reports"]
    assert isinstance(service, ReportService)
    return service


async def cohort(h: Harness, cohort_id: int) -> Cohort:
    found = await CohortRepository(h.db).get(cohort_id)
    assert found is not None
    return found


def en(translator: Translator) -> Localizer:
    return Localizer(translator, "en")


# ------------------------------------------------------------------ numbers


async def test_the_numbers_of_a_cohort_add_up(harness: Harness, world: dict[str, int]) -> None:
    stats = await reports(harness).cohort_stats(await cohort(harness, world["a"]), "en")
    assert stats.learners == 40
    assert [s.label for s in stats.funnel] == [
        "reports-funnel-enrolled",
        "reports-funnel-received",
        "reports-funnel-handed-in",
        "reports-funnel-accepted",
        "reports-funnel-quiz",
        "reports-funnel-questionnaire",
        "reports-funnel-completed",
        "reports-funnel-certified",
    ]
    counts = [s.count for s in stats.funnel]
    assert counts[0] == 40 and all(0 < c <= 40 for c in counts[1:-2])
    completed = await harness.db.fetchval("SELECT COUNT(*) FROM completions WHERE cohort_id = ?", (world["a"],))
    certified = await harness.db.fetchval(
        "SELECT COUNT(*) FROM certificates WHERE cohort_id = ? AND status = 'valid'", (world["a"],)
    )
    assert counts[-2:] == [completed, certified] and 0 < certified <= completed < 40
    assert counts[1] == 40 - await harness.db.fetchval(
        "SELECT COUNT(*) FROM users WHERE blocked_at IS NOT NULL AND telegram_id BETWEEN 5000 AND 5039"
    )
    # The homework bars: every learner in exactly one part, four homework tasks in the sample.
    assert [bar.lesson for bar in stats.homework] == [1, 2, 3, 5]
    for bar in stats.homework:
        assert set(bar.counts) == set(HOMEWORK_CATEGORIES) and sum(bar.counts.values()) == 40
    answered = await harness.db.fetchval(
        "SELECT COUNT(*) FROM (SELECT 1 FROM quiz_attempts WHERE cohort_id = ? AND state = 'finished' "
        "GROUP BY user_id, quiz_key)",
        (world["a"],),
    )
    assert sum(stats.scores) == answered and len(stats.scores) == len(SCORE_BANDS)
    assert len(stats.hardest) == 3 and stats.hardest[0].rate <= stats.hardest[1].rate <= stats.hardest[2].rate
    assert stats.questionnaire_responses >= 5 and not stats.questionnaire_withheld
    assert [m.item_id for m in stats.questionnaire] == ["quality", "usefulness", "clarity"]
    assert all(1 <= (m.mean or 0) <= 5 for m in stats.questionnaire)
    assert sum(p.learners for p in stats.places) == 40


async def test_who_needs_a_call_and_why(harness: Harness, world: dict[str, int]) -> None:
    stats = await reports(harness).cohort_stats(await cohort(harness, world["a"]), "en")
    blocked = {
        r[0]
        for r in await harness.db.fetchall(
            "SELECT telegram_id FROM users WHERE blocked_at IS NOT NULL AND telegram_id BETWEEN 5000 AND 5039"
        )
    }
    by_id = {c.user_id: c for c in stats.calls}
    assert blocked and all("unreachable" in by_id[uid].reasons for uid in blocked)
    # Two homework tasks in a row missed: the sample's tasks 1, 2, 3 and 5 are all past deadline.
    handed = {
        (r[0], r[1])
        for r in await harness.db.fetchall(
            "SELECT user_id, item_key FROM submissions WHERE cohort_id = ? AND submitted_at IS NOT NULL",
            (world["a"],),
        )
    }
    keys = ["L1.hw", "L2.hw", "L3.hw", "L5.hw"]
    missed_two = {
        uid
        for uid in LEARNERS
        if any((uid, x) not in handed and (uid, y) not in handed for x, y in itertools.pairwise(keys))
    }
    assert {c.user_id for c in stats.calls if "homework" in c.reasons} == missed_two
    opened = {r[0] for r in await harness.db.fetchall("SELECT DISTINCT user_id FROM quiz_attempts")}
    no_quiz = {uid for uid in LEARNERS if uid not in opened and uid not in blocked}  # blocked: lesson 4 unsent
    assert {c.user_id for c in stats.calls if "quiz" in c.reasons} == no_quiz
    text = calls_text(en(harness.translator), stats.calls, shown=3)
    assert text.startswith(f"📞 <b>Who needs a call: {len(stats.calls)}</b>")
    assert '<a href="tg://user?id=' in text and "№" in text
    assert f"…and {len(stats.calls) - 3} more" in text


async def test_an_empty_cohort_says_no_data_and_draws_nothing(harness: Harness, world: dict[str, int]) -> None:
    stats = await reports(harness).cohort_stats(await cohort(harness, world["c"]), "en")
    assert stats.empty
    assert summary_text(en(harness.translator), stats) == (
        "📊 <b>Empty C</b>: no data yet. Statistics appear once learners join and lessons go out."
    )
    assert charts.charts(en(harness.translator), stats) == []


async def test_a_course_view_adds_its_cohorts_up(harness: Harness, world: dict[str, int]) -> None:
    service = reports(harness)
    a = await service.cohort_stats(await cohort(harness, world["a"]), "en")
    b = await service.cohort_stats(await cohort(harness, world["b"]), "en")
    total = await service.course_stats([await cohort(harness, world["a"]), await cohort(harness, world["b"])], "en")
    assert total.learners == 52 and total.names == ["Ауыл <A>", "Қала B"]
    assert [s.count for s in total.funnel] == [x.count + y.count for x, y in zip(a.funnel, b.funnel, strict=True)]
    assert total.scores == [x + y for x, y in zip(a.scores, b.scores, strict=True)]
    for mine, x, y in zip(total.questionnaire, a.questionnaire, b.questionnaire, strict=True):
        assert mine.answered == x.answered + y.answered and mine.total == x.total + y.total
    assert sum(p.learners for p in total.places) == 52


async def test_an_anonymous_questionnaire_with_few_answers_is_withheld(harness: Harness, world: dict[str, int]) -> None:
    await harness.db.execute(
        "DELETE FROM survey_responses WHERE cohort_id = ? AND id NOT IN "
        "(SELECT id FROM survey_responses WHERE cohort_id = ? ORDER BY id LIMIT 4)",
        (world["b"], world["b"]),
    )
    stats = await reports(harness).cohort_stats(await cohort(harness, world["b"]), "en")
    assert stats.questionnaire_withheld and stats.questionnaire == []
    assert "It is anonymous, so results show from 5 answers on." in summary_text(en(harness.translator), stats)
    assert "questionnaire" not in [c.name for c in charts.charts(en(harness.translator), stats)]
    # Added to a cohort whose answers show, the hidden ones stay hidden.
    shown = await reports(harness).cohort_stats(await cohort(harness, world["a"]), "en")
    assert merge([shown, stats]).questionnaire == []


# ------------------------------------------------------------------ charts


async def test_the_charts_are_pngs_with_the_right_bars(harness: Harness, world: dict[str, int]) -> None:
    l10n = Localizer(harness.translator, "kk")
    stats = await reports(harness).cohort_stats(await cohort(harness, world["a"]), "kk")
    found = {chart.name: chart.figure for chart in charts.charts(l10n, stats)}
    assert list(found) == ["funnel", "homework", "quiz", "questionnaire", "self-assessment", "places"]

    [funnel] = found["funnel"].axes
    assert len(funnel.patches) == len(stats.funnel) == 8  # ... completed, certified
    statements = len(stats.self_assessment)
    assert statements == 4 and len(found["self-assessment"].axes[0].patches) == 2 * statements  # before, after
    assert next(t.get_text() for t in funnel.get_yticklabels()) == "Жазылғандар"
    homework = found["homework"].axes[0]
    assert len(homework.containers) == len(HOMEWORK_CATEGORIES)  # stacked: one container per category
    assert all(len(c) == 4 for c in homework.containers)  # one bar per homework task
    assert [t.get_text() for t in homework.get_legend().get_texts()][:2] == ["Қабылданды", "Қайтарылды"]
    assert len(found["quiz"].axes[0].patches) == len(SCORE_BANDS)
    questionnaire = found["questionnaire"].axes[0]
    assert len(questionnaire.patches) == 3
    first_label = questionnaire.texts[0].get_text()
    assert first_label.startswith(one_decimal("kk", stats.questionnaire[0].mean or 0))
    assert "," in first_label  # Kazakh writes 4,2
    assert "(1 —" not in " ".join(t.get_text() for t in questionnaire.get_yticklabels())  # the axis says 1 to 5
    regions, kinds = found["places"].axes
    # With completion known, each place has a learners bar and a narrower "completed" bar in it.
    assert len(regions.get_yticks()) <= charts.MAX_BARS and len(regions.patches) == 2 * len(regions.get_yticks())
    assert len(kinds.patches) == 2 * 2
    for name, data in charts.rendered(l10n, stats):
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000, name


def test_many_regions_are_grouped_so_a_chart_keeps_eight_bars(translator: Translator) -> None:
    codes = ["abai", "akmola", "aktobe", "atyrau", "jambyl", "jetisu", "karaganda", "kostanay", "pavlodar", "ulytau"]
    places = [PlaceCount(code, "rural", 10 - i, 1) for i, code in enumerate(codes)]
    stats = CohortStats(names=["X"], learners=sum(p.learners for p in places), places=places)
    rows = charts.group_places(places, "region", charts.MAX_BARS)
    assert len(rows) == charts.MAX_BARS and rows[-1] == ("*", 3 + 2 + 1, 3)
    figure = charts.places(Localizer(translator, "ru"), stats)
    regions, _ = figure.axes
    labels = [t.get_text() for t in regions.get_yticklabels()]
    assert labels[-1] == "Другие" and len(labels) == charts.MAX_BARS - 2
    # With a completion provider, a second (narrower) bar per row shows who completed.
    assert len(regions.patches) == 2 * len(labels)
    assert [t.get_text() for t in regions.get_legend().get_texts()] == ["Слушатели", "Завершили"]


def test_a_self_assessment_chart_has_a_before_and_an_after_bar_per_statement(translator: Translator) -> None:
    from bot.reports.model import BeforeAfterMean

    stats = CohortStats(
        names=["X"],
        learners=9,
        self_assessment=[BeforeAfterMean(f"Мен {i} жоспарлай аламын", 18, 9, 36, 9) for i in range(6)],
    )
    figure = charts.self_assessment(Localizer(translator, "kk"), stats)
    ax = figure.axes[0]
    assert len(ax.patches) == charts.MAX_BARS  # four statements, before and after
    assert [t.get_text() for t in ax.texts][:2] == ["2,0", "2,0"]


# ------------------------------------------------------------------ the workbook


async def test_the_workbook_has_its_sheets_headers_and_dates(harness: Harness, world: dict[str, int]) -> None:
    out = io.BytesIO()
    a = await cohort(harness, world["a"])
    sheets = await reports(harness).export(a, en(harness.translator), out)
    assert sheets == [
        "Summary",
        "Learners",
        "Progress",
        "Homework",
        "Quizzes",
        "Live quizzes",
        "Questionnaire",
        "Self-assessment",
        "Certificates",
        "Deliveries",
    ]
    book = load_workbook(io.BytesIO(out.getvalue()))
    assert book.sheetnames == sheets
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        assert sheet.column_dimensions["A"].width > 8

    summary = book["Summary"]
    assert [c.value for c in summary[1]] == [
        "Region",
        "Rural / urban",
        "Learners",
        "Unreachable",
        "Handed in homework",
        "Took a quiz",
        "Answered the questionnaire",
        "Completed",
    ]
    last = [c.value for c in summary[summary.max_row]]
    assert last[0] == "Total" and last[2] == 40

    learners = book["Learners"]
    assert learners.max_row == 41
    row = next(r for r in learners.iter_rows(min_row=2, values_only=True) if r[0] == 5000)
    assert row[1] == "Кітапханашы 5000" and row[9] == datetime(2026, 4, 15, 10, 0)  # enrolled, Almaty time

    progress = book["Progress"]
    assert progress.max_row == 1 + 40 * 5  # every learner × every lesson
    homework = book["Homework"]
    assert [c.value for c in homework[1]][:5] == ["Telegram id", "Name", "Lesson", "Version", "State"]
    submitted = await harness.db.fetchval(
        "SELECT submitted_at FROM submissions WHERE cohort_id = ? ORDER BY item_key, id LIMIT 1", (world["a"],)
    )
    first = [c.value for c in homework[2]]
    as_utc = datetime.fromisoformat(submitted.replace("Z", "+00:00"))
    assert first[8] == as_utc.astimezone(ZoneInfo("Asia/Almaty")).replace(tzinfo=None)
    assert homework.cell(2, 9).number_format == "yyyy-mm-dd hh:mm"
    assert first[7] in (None, "Куратор Әсел")
    quizzes = book["Quizzes"]
    answers = await harness.db.fetchval(
        "SELECT COUNT(*) FROM quiz_answers q JOIN quiz_attempts a ON a.id = q.attempt_id WHERE a.cohort_id = ?",
        (world["a"],),
    )
    assert quizzes.max_row == 1 + answers
    assert book["Live quizzes"].max_row > 1
    deliveries = book["Deliveries"]
    assert deliveries.max_row == 1 + await harness.db.fetchval(
        "SELECT COUNT(*) FROM deliveries WHERE cohort_id = ?", (world["a"],)
    )


INSERT_CERTIFICATE = """
    INSERT INTO certificates (number, cohort_id, user_id, languages, full_name, hours, issued_at, status, reason)
    VALUES (?, ?, ?, 'kk', 'Әсел Нұрланқызы', 24, '2026-04-14T10:00:00Z', ?, ?)
"""


async def test_completions_and_certificates_end_the_funnel_and_have_their_sheet(
    harness: Harness, world: dict[str, int]
) -> None:
    a = world["a"]
    # This test's own completions and certificates, instead of the simulated ones.
    await harness.db.execute("DELETE FROM certificates WHERE cohort_id = ?", (a,))
    await harness.db.execute("DELETE FROM completions WHERE cohort_id = ?", (a,))
    learners = [
        r["user_id"]
        for r in await harness.db.fetchall(
            "SELECT user_id FROM enrolments WHERE cohort_id = ? AND status = 'active' ORDER BY user_id LIMIT 3", (a,)
        )
    ]
    for user_id in learners:
        await harness.db.execute(
            "INSERT INTO completions (cohort_id, user_id, completed_at) VALUES (?, ?, '2026-04-14T10:00:00Z')",
            (a, user_id),
        )
    for number, user_id, status in (
        ("OQU-2026-AAAA-BBBB", learners[0], "valid"),
        ("OQU-2026-CCCC-DDDD", learners[1], "revoked"),
    ):
        await harness.db.execute(
            INSERT_CERTIFICATE,
            (number, a, user_id, status, "a typo" if status == "revoked" else None),
        )
    stats = await reports(harness).cohort_stats(await cohort(harness, a), "en")
    assert [(s.label, s.count) for s in stats.funnel[-2:]] == [
        ("reports-funnel-completed", 3),
        ("reports-funnel-certified", 1),  # the revoked one does not count
    ]
    out = io.BytesIO()
    await reports(harness).export(await cohort(harness, a), en(harness.translator), out)
    sheet = load_workbook(io.BytesIO(out.getvalue()))["Certificates"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["Number", "Telegram id", "Name"]
    assert [(r[0], r[2], r[7]) for r in rows[1:]] == [
        ("OQU-2026-AAAA-BBBB", "Әсел Нұрланқызы", "valid"),
        ("OQU-2026-CCCC-DDDD", "Әсел Нұрланқызы", "revoked"),
    ]
    assert rows[1][5] == datetime(2026, 4, 14, 15, 0)  # issued, in the cohort's time zone (UTC+5)
    assert rows[2][8] == "a typo" and rows[1][6] == "on completion"


async def test_the_anonymous_questionnaire_sheet_has_no_identity_and_shuffled_rows(
    harness: Harness, world: dict[str, int]
) -> None:
    a = await cohort(harness, world["a"])
    course = await reports(harness).course_of(a)
    assert course.questionnaire is not None and course.questionnaire.anonymous
    seen: list[list[object]] = []

    def reverse(rows: list[object]) -> None:
        seen.append(list(rows))
        rows.reverse()

    from bot.reports.workbook import write_workbook

    out = io.BytesIO()
    write_workbook(harness.db.path, a, course, Localizer(harness.translator, "ru"), out, shuffle=reverse)
    sheet = load_workbook(io.BytesIO(out.getvalue()))["Анкета"]
    headers = [c.value for c in sheet[1]]
    assert headers[0].startswith("Как вы оцениваете общее качество курса?")
    for identity in ("Telegram id", "ФИО", "Область", "Район", "Библиотека", "Ответ дан"):
        assert identity not in headers
    responses = await harness.db.fetchall(
        "SELECT answers FROM survey_responses WHERE cohort_id = ? ORDER BY id", (world["a"],)
    )
    assert sheet.max_row == 1 + len(responses) and len(seen) == 1  # shuffled once, all of them
    first_written = [c.value for c in sheet[2]]
    last_read = json.loads(seen[0][-1]["answers"])  # reversed: the last row read is written first
    assert first_written[0] == last_read["quality"]
    assert all(isinstance(v, str) for v in [c.value for c in sheet[2]][3:4] if v is not None)  # options as words
    # No column anywhere else in the book repeats the anonymous answers next to a person.
    named = load_workbook(io.BytesIO(out.getvalue()))
    for other in named.worksheets:
        if other.title != "Анкета":
            assert "Как вы оцениваете общее качество курса?" not in [c.value for c in other[1]]


async def test_the_command_line_export_writes_the_same_workbook(
    harness: Harness, world: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "out" / "a.xlsx"
    db = str(harness.db.path)

    def run(*args: str) -> int:  # as from a shell: its own event loop
        return bot_main(["export", *args, "--db", db])

    assert await asyncio.to_thread(run, str(world["a"]), "--out", str(out), "--lang", "kk") == 0
    names = load_workbook(out, read_only=True).sheetnames
    assert names[:3] == ["Жиынтық", "Тыңдаушылар", "Үлгерім"] and "Сертификаттар" in names
    assert await asyncio.to_thread(run, "999", "--out", str(out)) == 1
    assert await asyncio.to_thread(run, "abc", "--out", str(out)) == 2


# ------------------------------------------------------------------ through the dispatcher


def sent_to(h: Harness, user_id: int, since: int) -> list[object]:
    return [
        r
        for r in h.session.requests[since:]
        if isinstance(r, SendMessage | SendMediaGroup | SendDocument) and int(r.chat_id) == user_id
    ]


async def test_a_curator_sees_the_cohort_they_curate(harness: Harness, world: dict[str, int]) -> None:
    since = len(harness.session.requests)
    await harness.send(CURATOR, "/stats")  # one cohort: straight to it
    out = sent_to(harness, CURATOR.id, since)
    assert isinstance(out[0], SendMessage) and out[0].text.startswith("📊 <b>Ауыл &lt;A&gt;</b>: 40 learners")
    assert isinstance(out[1], SendMediaGroup) and len(out[1].media) == 6
    assert isinstance(out[2], SendMessage) and out[2].text.startswith("📞 <b>Who needs a call:")

    # Another curator's cohort: refused, nothing sent.
    since = len(harness.session.requests)
    await harness.click_data(CURATOR, ReportCb(action="stats", cohort_id=world["b"]).pack(), 1)
    await harness.click_data(CURATOR, ReportCb(action="export", cohort_id=world["b"]).pack(), 1)
    await harness.click_data(CURATOR, ReportCb(action="course", course_id=999).pack(), 1)
    assert sent_to(harness, CURATOR.id, since) == []
    alerts = [r for r in harness.session.requests[since:] if isinstance(r, AnswerCallbackQuery)]
    assert [a.text for a in alerts] == ["This button is no longer active."] * 3


async def test_an_organizer_picks_a_cohort_or_the_course_and_exports(harness: Harness, world: dict[str, int]) -> None:
    [picker] = await harness.send(ORGANIZER, "/stats")
    assert picker.text == "📊 Statistics of which cohort?"
    labels = [b.text for row in picker.reply_markup.inline_keyboard for b in row]
    assert labels[-1].startswith("📊 All cohorts: ") and len(labels) == 4
    since = len(harness.session.requests)
    await harness.click(ORGANIZER, labels[-1])
    out = sent_to(harness, ORGANIZER.id, since)
    title = out[0].text.split("\n")[0]
    assert title.endswith("</b>: 52 learners")
    assert all(name in title for name in ("Ауыл &lt;A&gt;", "Қала B", "Empty C"))

    [picker] = await harness.send(ORGANIZER, "/export")
    assert picker.text == "📥 Which cohort to export to Excel?"
    since = len(harness.session.requests)
    await harness.click(
        ORGANIZER,
        next(b.text for row in picker.reply_markup.inline_keyboard for b in row if "A&" in b.text or "<A>" in b.text),
    )
    out = sent_to(harness, ORGANIZER.id, since)
    assert out[0].text == "⏳ Preparing the workbook of «Ауыл &lt;A&gt;»…"
    document = out[1]
    assert isinstance(document, SendDocument)
    assert document.caption.startswith("📥 «Ауыл &lt;A&gt;»: 40 learners. Sheets: Summary, Learners, Progress")


async def test_the_cohort_card_has_statistics_and_excel_buttons(harness: Harness, world: dict[str, int]) -> None:
    await harness.send(CURATOR, "/cohorts")
    sent = await harness.click(
        CURATOR,
        next(
            b.text
            for r in harness.session.requests
            if isinstance(r, SendMessage) and r.reply_markup is not None and int(r.chat_id) == CURATOR.id
            for row in r.reply_markup.inline_keyboard
            for b in row
        ),
    )
    labels = [b.text for row in sent[-1].reply_markup.inline_keyboard for b in row]
    assert "📊 Statistics" in labels and "📥 Excel" in labels
    since = len(harness.session.requests)
    await harness.click(CURATOR, "📥 Excel")
    assert isinstance(sent_to(harness, CURATOR.id, since)[-1], SendDocument)


async def test_a_learner_never_gets_statistics(harness: Harness, world: dict[str, int]) -> None:
    for command in ("/stats", "/export"):
        sent = await harness.send(LEARNER, command)
        assert [m.text for m in sent] == ["⛔ Sorry, this command is only for the bot's organizers."]
    since = len(harness.session.requests)
    await harness.click_data(LEARNER, ReportCb(action="export", cohort_id=world["a"]).pack(), 1)
    assert not [r for r in harness.session.requests[since:] if isinstance(r, SendDocument | SendMediaGroup)]


def test_dates_are_written_in_the_cohort_zone() -> None:
    from bot.reports.workbook import local

    assert local("2026-04-15T05:00:00Z", ZoneInfo("Asia/Almaty")) == datetime(2026, 4, 15, 10, 0)
    assert local("2026-04-15T05:00:00.123456+00:00", ZoneInfo("Europe/Berlin")) == datetime(2026, 4, 15, 7, 0)
    assert local(None, ZoneInfo("UTC")) is None
