"""Certificates: numbers, the font, the PDF (its text and its QR code, read back from the page),
issuing once, revoking, re-issuing, verification and its throttle, personal data."""

from __future__ import annotations

import re
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from bot.certificates.model import (
    ALPHABET,
    REPLACED,
    REVOKED,
    VALID,
    new_number,
    normalize_number,
    number_from_payload,
    verify_link,
)
from bot.certificates.pdf import BOLD, REGULAR
from bot.certificates.service import MISSES_ALLOWED, CertificateError, CertificateService
from bot.courses.loading import load_course
from bot.delivery.model import CERTIFICATE
from bot.i18n import Translator
from bot.people.personal_data import Forgetting
from tests.auxil.certificates import KAZAKH_NAME, SIDE_BY_SIDE, certificate_course, cohort_with_learners
from tests.auxil.harness import Harness

LEARNER, OTHER = 7001, 7002  # add_learners: 7001 speaks kk (and gets KAZAKH_NAME), 7002 ru
ORGANIZER = 900001

KK_LETTERS = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
RU_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


async def fixed_username() -> str:
    return "oqu_test_bot"


def service(h: Harness) -> CertificateService:
    certificates: CertificateService = h.dp["certificates"]
    certificates.bot_username = fixed_username  # the recording session has no getMe
    return certificates


def text_of(pdf: bytes) -> str:
    return PdfReader(BytesIO(pdf)).pages[0].extract_text()


def qr_of(pdf: bytes) -> list[str]:
    """The QR codes found on the rendered page (rasterized by PDFium, decoded by zxing-cpp)."""
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=4).to_pil()
    return [found.text for found in zxingcpp.read_barcodes(image)]


# ---------------------------------------------------------------------------------------- numbers


def test_numbers_look_right_and_do_not_repeat() -> None:
    numbers = {new_number(2026) for _ in range(5000)}
    assert len(numbers) == 5000
    for number in list(numbers)[:200]:
        assert re.fullmatch(r"OQU-2026-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", number)
    assert not set("01OI") & set(ALPHABET)


def test_a_typed_number_is_normalized_and_anything_else_refused() -> None:
    assert normalize_number("  oqu-2026-7kq4-mx2p ") == "OQU-2026-7KQ4-MX2P"
    assert normalize_number("OQU 2026 7KQ4 MX2P".replace(" ", "-")) == "OQU-2026-7KQ4-MX2P"
    for wrong in ("", "OQU-2026-7KQ4-MX2", "OQU-2026-0KQ4-MX2P", "OQU-2026-7KQ4-MX2P; DROP TABLE", "9" * 500, None):
        assert normalize_number(wrong) is None
    assert number_from_payload("v_OQU-2026-7KQ4-MX2P") == "OQU-2026-7KQ4-MX2P"
    assert number_from_payload("c_abcdefgh") is None
    assert verify_link("oqu_bot", "OQU-2026-7KQ4-MX2P") == "https://t.me/oqu_bot?start=v_OQU-2026-7KQ4-MX2P"


# ---------------------------------------------------------------------------------------- font, words


@pytest.mark.parametrize("font", [REGULAR, BOLD], ids=lambda p: p.name)
def test_the_shipped_font_has_every_kazakh_and_russian_letter(font: Path) -> None:
    cmap = TTFont(font).getBestCmap()
    letters = set(KK_LETTERS + KK_LETTERS.upper() + RU_LETTERS + RU_LETTERS.upper() + "«»№–")
    missing = sorted(ch for ch in letters if ord(ch) not in cmap)
    assert missing == []


def test_the_hours_take_the_right_plural_form(translator: Translator) -> None:
    def hours(lang: str, n: int | float) -> str:
        return translator.get(lang, "certificates-pdf-hours", hours=n)

    assert hours("kk", 24) == "24 академиялық сағат"
    assert hours("ru", 24) == "24 академических часа"
    assert hours("ru", 21) == "21 академический час"
    assert hours("ru", 36) == "36 академических часов"
    assert hours("ru", 1.5) == "1,5 академического часа"
    assert hours("en", 1) == "1 academic hour"
    assert hours("en", 72) == "72 academic hours"


# ---------------------------------------------------------------------------------------- the PDF


async def test_the_pdf_carries_the_kazakh_name_title_hours_number_and_a_readable_qr_code(
    harness: Harness, tmp_path: Path
) -> None:
    cohort = await cohort_with_learners(harness.db, tmp_path, [LEARNER, OTHER], harness.clock.now())
    certificates = service(harness)
    made = await certificates.issue(cohort, LEARNER, issued_by=None)
    assert made.languages == ("kk",) and made.full_name == KAZAKH_NAME

    pdf = await certificates.pdf(made)

    text = text_of(pdf)
    assert KAZAKH_NAME in text
    assert "Қазіргі жағдайда кітапхана жұмысын ұйымдастыру" in text
    assert "24 академиялық сағат" in text
    assert made.number in text
    assert "Абай облыстық балалар кітапханасы" in text
    assert "Сәуле Әбдірахманова" in text and "Әдістемелік бөлімнің меңгерушісі" in text
    assert "2026 ж. 2 наурыз" in text.replace("\u202f", " ")  # the cohort's first day (CLDR's narrow space)
    assert qr_of(pdf) == [f"https://t.me/oqu_test_bot?start=v_{made.number}"]
    reader = PdfReader(BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape, in points
    assert pdf == await certificates.pdf(made)  # the same bytes every time: the file id is reused


async def test_a_russian_learner_gets_russian_and_a_course_can_ask_for_kazakh_and_russian_side_by_side(
    harness: Harness, tmp_path: Path
) -> None:
    cohort = await cohort_with_learners(harness.db, tmp_path / "a", [LEARNER, OTHER], harness.clock.now())
    certificates = service(harness)
    russian = await certificates.pdf(await certificates.issue(cohort, OTHER, issued_by=None))
    assert "Организация библиотечной работы в современных условиях" in text_of(russian)
    assert "24 академических часа" in text_of(russian)
    assert "академиялық" not in text_of(russian)

    both = await cohort_with_learners(harness.db, tmp_path / "b", [7101, 7102], harness.clock.now(), block=SIDE_BY_SIDE)
    made = await certificates.issue(both, 7102, issued_by=None)
    assert made.languages == ("kk", "ru")
    text = text_of(await certificates.pdf(made))
    assert "24 академиялық сағат" in text and "24 академических часа" in text


# ---------------------------------------------------------------------------------------- issuing


async def test_on_completed_issues_once_and_queues_one_delivery(harness: Harness, tmp_path: Path) -> None:
    cohort = await cohort_with_learners(harness.db, tmp_path, [LEARNER], harness.clock.now())
    certificates = service(harness)

    await certificates.on_completed(cohort, LEARNER)
    await certificates.on_completed(cohort, LEARNER)  # completion re-evaluates: nothing new

    rows = await harness.db.fetchall("SELECT number, status, issued_by FROM certificates")
    assert len(rows) == 1 and rows[0]["status"] == VALID and rows[0]["issued_by"] is None
    queued = await harness.db.fetchall("SELECT item_key, state FROM deliveries WHERE kind = ?", (CERTIFICATE,))
    assert [(r["item_key"], r["state"]) for r in queued] == [(rows[0]["number"], "planned")]
    with pytest.raises(CertificateError) as already:
        await certificates.issue(cohort, LEARNER, issued_by=ORGANIZER)
    assert already.value.key == "certificates-staff-already"
    with pytest.raises(CertificateError) as stranger:
        await certificates.issue(cohort, 424242, issued_by=ORGANIZER)
    assert stranger.value.key == "certificates-staff-not-learner"


async def test_a_certificate_goes_out_after_the_cohort_finished_or_the_learner_left(
    harness: Harness, tmp_path: Path
) -> None:
    cohort = await cohort_with_learners(harness.db, tmp_path, [LEARNER, OTHER], harness.clock.now())
    certificates = service(harness)
    await harness.db.execute("UPDATE cohorts SET status = 'finished' WHERE id = ?", (cohort,))
    await harness.db.execute("UPDATE enrolments SET status = 'left' WHERE user_id = ?", (OTHER,))
    first = await certificates.issue(cohort, LEARNER, issued_by=ORGANIZER)
    second = await certificates.issue(cohort, OTHER, issued_by=ORGANIZER)
    deliveries = harness.dp["deliveries"]

    await deliveries.sweep_ended(harness.clock.now())  # the tick's clean-up of ended enrolments and cohorts

    claimed = await deliveries.claim(harness.clock.now(), 10)
    assert sorted(row.item_key for row in claimed) == sorted([first.number, second.number])
    assert {row.kind for row in claimed} == {CERTIFICATE}


async def test_verify_valid_then_revoked_then_a_reissue_replaces_it(harness: Harness, tmp_path: Path) -> None:
    cohort = await cohort_with_learners(harness.db, tmp_path, [LEARNER], harness.clock.now())
    certificates = service(harness)
    made = await certificates.issue(cohort, LEARNER, issued_by=ORGANIZER)

    found = await certificates.verify(made.number, "ru")
    assert found is not None and found.status == VALID
    assert found.full_name == KAZAKH_NAME and found.hours == 24
    assert found.course_title == "Организация библиотечной работы в современных условиях"
    assert found.issuer == "Абайская областная детская библиотека"
    assert found.issued_on.isoformat() == "2026-04-15"

    # A name fix, then a re-issue: a new number with the new name; the old one says replaced.
    await harness.db.execute("UPDATE users SET full_name = 'Әйгерім Сәрсенбаева' WHERE telegram_id = ?", (LEARNER,))
    again = await certificates.reissue(made.number, by=ORGANIZER)
    assert again.number != made.number and again.full_name == "Әйгерім Сәрсенбаева"
    old = await certificates.verify(made.number)
    assert old is not None and old.status == REPLACED and old.replaced_by == again.number
    assert await certificates.repo.counts_by_cohort() == {cohort: 1}

    assert await certificates.revoke(again.number, reason="Курс қайта тапсырылады", by=ORGANIZER)
    revoked = await certificates.verify(again.number)
    assert revoked is not None and revoked.status == REVOKED and revoked.reason == "Курс қайта тапсырылады"
    assert not await certificates.revoke(again.number, reason="twice", by=ORGANIZER)
    assert await certificates.verify("OQU-2026-2222-2222") is None
    # Neither the replaced nor the revoked one is sent any more.
    states = await harness.db.fetchall("SELECT item_key, state, reason FROM deliveries WHERE kind = ?", (CERTIFICATE,))
    assert {(r["item_key"], r["state"], r["reason"]) for r in states} == {
        (made.number, "cancelled", "revoked"),
        (again.number, "cancelled", "revoked"),
    }


async def test_wrong_numbers_are_throttled_after_five_in_ten_minutes(harness: Harness, tmp_path: Path) -> None:
    cohort = await cohort_with_learners(harness.db, tmp_path, [LEARNER], harness.clock.now())
    certificates = service(harness)
    made = await certificates.issue(cohort, LEARNER, issued_by=None)
    for _ in range(MISSES_ALLOWED):
        checked = await certificates.check(555, "OQU-2026-2222-2222")
        assert checked.verification is None and not checked.throttled_minutes
    blocked = await certificates.check(555, made.number)  # even a right one now waits
    assert blocked.throttled_minutes == 10
    assert (await certificates.check(556, made.number)).verification is not None  # others are not held up
    harness.clock.advance(timedelta(minutes=10, seconds=1))
    assert (await certificates.check(555, made.number)).verification is not None


async def test_a_learner_who_has_not_completed_is_told_what_is_missing(harness: Harness, tmp_path: Path) -> None:
    cohort = await cohort_with_learners(harness.db, tmp_path, [LEARNER], harness.clock.now())
    missing = await service(harness).missing(cohort, LEARNER)
    kinds = [item.kind for item in missing]
    assert "homework" in kinds and "questionnaire" in kinds
    assert all(item.lesson > 0 for item in missing if item.kind == "homework")


async def test_personal_data_exports_the_certificate_and_erasure_keeps_only_the_number(
    harness: Harness, tmp_path: Path
) -> None:
    cohort = await cohort_with_learners(harness.db, tmp_path, [LEARNER], harness.clock.now())
    certificates = service(harness)
    made = await certificates.issue(cohort, LEARNER, issued_by=ORGANIZER)
    exported = await certificates.repo.export(LEARNER)
    assert exported["certificates"][0]["number"] == made.number
    assert exported["certificates"][0]["full_name"] == KAZAKH_NAME
    assert (await certificates.repo.export(ORGANIZER))["certificates_handled"][0]["issued"] is True

    async with harness.db.transaction() as conn:
        await certificates.repo.erase(conn, Forgetting(LEARNER, -5, harness.clock.now()))
    row = await harness.db.fetchone("SELECT user_id, full_name, status, reason FROM certificates")
    assert tuple(row) == (-5, "", REVOKED, "erased")
    found = await certificates.verify(made.number, "en")
    assert found is not None and found.status == REVOKED
    assert found.reason == "the holder asked for their personal data to be deleted"


# ---------------------------------------------------------------------------------------- the format


def test_the_certificate_block_is_read_and_its_mistakes_have_line_numbers(tmp_path: Path) -> None:
    course = load_course(certificate_course(tmp_path / "ok", SIDE_BY_SIDE)).course
    assert course is not None and course.certificate is not None
    spec = course.certificate
    assert spec.languages == ("kk", "ru")
    assert spec.organization is not None and spec.organization.get("kk") == "Абай облыстық балалар кітапханасы"
    assert spec.logo is not None and spec.logo.path == "files/logo.png"
    assert {ref.path for ref in course.files()} >= {"files/logo.png", "files/signature.png"}

    wrong = "\ncertificate:\n  languages: [kk, ru, en]\n  logo: files/checklist-kk.pdf\n  stamp: yes\n"
    result = load_course(certificate_course(tmp_path / "bad", wrong))
    assert result.course is None
    found = {(issue.code, issue.path) for issue in result.errors}
    assert ("certificate-languages", "certificate.languages") in found
    assert ("certificate-image", "certificate.logo") in found
    assert all(issue.line for issue in result.errors)


def test_a_course_without_the_block_is_stored_as_before() -> None:
    from bot.courses.codec import course_to_dict
    from tests.auxil.delivery_setup import SAMPLE

    course = load_course(SAMPLE).course
    assert course is not None and course.certificate is None
    assert "certificate" not in course_to_dict(course)
