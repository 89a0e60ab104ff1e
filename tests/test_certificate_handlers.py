"""Certificates in the chat, through the real Dispatcher: anyone verifies (even a stranger, by the
QR code's deep link), organizers issue, list and revoke, a learner finds hers in 📚 My courses or
is told what is missing."""

from __future__ import annotations

from pathlib import Path

from aiogram.methods import AnswerCallbackQuery

from bot.delivery.model import CERTIFICATE
from tests.auxil.certificates import KAZAKH_NAME, cohort_with_learners
from tests.auxil.harness import Harness, plain_buttons
from tests.auxil.updates import tg_user
from tests.conftest import OWNER_ID
from tests.test_certificates import LEARNER, OTHER, service

AIGERIM = tg_user(LEARNER, language_code="kk")  # registered by cohort_with_learners, in Kazakh
ORGANIZER = tg_user(OWNER_ID, language_code="en")  # an owner may do what organizers do


async def world(h: Harness, tmp_path: Path) -> int:
    cohort = await cohort_with_learners(h.db, tmp_path, [LEARNER, OTHER], h.clock.now())
    service(h)
    return cohort


async def test_a_stranger_checks_a_certificate_by_the_qr_link_and_by_verify(harness: Harness, tmp_path: Path) -> None:
    cohort = await world(harness, tmp_path)
    made = await service(harness).issue(cohort, LEARNER, issued_by=None)
    stranger = tg_user(5550001, language_code="ru")

    sent = await harness.send(stranger, f"/start v_{made.number}")
    assert len(sent) == 1
    assert sent[0].text.startswith(f"✅ Сертификат <code>{made.number}</code> <b>действителен</b>.")
    assert f"ФИО: <b>{KAZAKH_NAME}</b>" in sent[0].text
    assert "Курс: «Организация библиотечной работы в современных условиях»" in sent[0].text
    assert "Часов: 24" in sent[0].text
    assert "Дата выдачи: 15 апреля 2026" in sent[0].text
    assert "Выдан: Абайская областная детская библиотека" in sent[0].text
    assert await harness.db.fetchval("SELECT COUNT(*) FROM users WHERE telegram_id = 5550001") == 0

    typed = await harness.send(stranger, f"/verify {made.number.lower()}")
    assert typed[0].text == sent[0].text
    assert (await harness.send(stranger, "/verify"))[0].text.startswith("Отправьте номер сертификата")
    unknown = await harness.send(stranger, "/verify OQU-2026-2222-2222")
    assert unknown[0].text.startswith("Сертификата с номером <code>OQU-2026-2222-2222</code> нет.")


async def test_many_wrong_numbers_from_one_person_are_throttled(harness: Harness, tmp_path: Path) -> None:
    await world(harness, tmp_path)
    guesser = tg_user(5550002, language_code="kk")
    for n in range(5):
        await harness.send(guesser, f"/verify OQU-2026-2222-222{n + 2}")
    sent = await harness.send(guesser, "/verify OQU-2026-2222-2229")
    assert sent[0].text == "Жоқ нөмірлер тым көп жіберілді. 10 минуттан кейін қайталап көріңіз."


async def test_an_organizer_issues_lists_and_revokes(harness: Harness, tmp_path: Path) -> None:
    cohort = await world(harness, tmp_path)

    issued = await harness.send(ORGANIZER, f"/certissue {cohort} {LEARNER}")
    number = await harness.db.fetchval("SELECT number FROM certificates WHERE user_id = ?", (LEARNER,))
    assert issued[0].text == f"Certificate <code>{number}</code> issued to {KAZAKH_NAME}; it is on its way to them."
    assert await harness.db.fetchval("SELECT issued_by FROM certificates") == OWNER_ID
    again = await harness.send(ORGANIZER, f"/certissue {cohort} {LEARNER}")
    assert again[0].text == f"They already have certificate <code>{number}</code>."
    assert (await harness.send(ORGANIZER, f"/certissue {cohort} 99999"))[0].text == (
        "This person is not a learner of that cohort."
    )

    listing = await harness.send(ORGANIZER, f"/certificates {cohort}")
    assert listing[0].text.splitlines()[0] == "Certificates of «Ауыл кітапханалары»: 1"
    assert f"<code>{number}</code> · {KAZAKH_NAME} · valid" in listing[0].text

    no_reason = await harness.send(ORGANIZER, f"/certrevoke {number}")
    assert no_reason[0].text.startswith("Write the reason after the number")
    revoked = await harness.send(ORGANIZER, f"/certrevoke {number} issued by mistake")
    assert revoked[0].text == f"Certificate <code>{number}</code> is revoked."
    check = await harness.send(tg_user(5550003, language_code="en"), f"/verify {number}")
    head = f"❌ Certificate <code>{number}</code> was <b>revoked</b>.\nReason: issued by mistake"
    assert check[0].text.startswith(head)


async def test_an_organizer_reissues_after_a_name_fix(harness: Harness, tmp_path: Path) -> None:
    cohort = await world(harness, tmp_path)
    made = await service(harness).issue(cohort, OTHER, issued_by=None)
    await harness.db.execute("UPDATE users SET full_name = 'Мария Иванова' WHERE telegram_id = ?", (OTHER,))

    sent = await harness.send(ORGANIZER, f"/certreissue {made.number}")

    new = await harness.db.fetchval("SELECT number FROM certificates WHERE status = 'valid'")
    assert sent[0].text == (
        f"Certificate <code>{made.number}</code> is replaced by <code>{new}</code> (Мария Иванова); "
        "the new one is on its way."
    )
    check = await harness.send(tg_user(5550004, language_code="en"), f"/verify {made.number}")
    assert f"was <b>replaced</b> by <code>{new}</code>" in check[0].text


async def test_a_learner_finds_her_certificate_in_my_courses_and_gets_it_again(
    harness: Harness, tmp_path: Path
) -> None:
    cohort = await world(harness, tmp_path)
    courses = await harness.send(AIGERIM, "/courses")
    assert not any(label.startswith("🎓") for label in plain_buttons(courses[-1].reply_markup))

    made = await service(harness).issue(cohort, LEARNER, issued_by=None)
    courses = await harness.send(AIGERIM, "/courses")
    assert "🎓 Сертификат: Кітапхана ісі" in plain_buttons(courses[-1].reply_markup)

    await harness.click(AIGERIM, "🎓 Сертификат: Кітапхана ісі")
    answers = [r for r in harness.session.requests if isinstance(r, AnswerCallbackQuery)]
    assert answers[-1].text == "🎓 Сертификатыңыз жолда."
    rows = await harness.db.fetchall(
        "SELECT variant FROM deliveries WHERE kind = ? AND item_key = ? ORDER BY id", (CERTIFICATE, made.number)
    )
    assert [row["variant"][:6] for row in rows] == ["", "again-"]


async def test_a_learner_who_has_not_completed_is_told_what_is_missing(harness: Harness, tmp_path: Path) -> None:
    await world(harness, tmp_path)
    sent = await harness.send(AIGERIM, "/certificate")
    lines = sent[0].text.splitlines()
    title = "Қазіргі жағдайда кітапхана жұмысын ұйымдастыру"
    assert lines[0] == f"«{title}» курсы бойынша сертификат әлі жоқ. Орындалмағаны:"
    assert any(line.startswith("• ") and "үй тапсырмасы" in line for line in lines)
    assert "• курс соңындағы сауалнама" in lines
