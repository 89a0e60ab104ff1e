"""End to end: an organizer opens a cohort in chat; librarians join by its link in kk and ru."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from bot import PROJECT_ROOT
from tests.auxil.emulator import FakeUser
from tests.auxil.running import running_bot
from tests.test_e2e_registration import kazakh_registration

OWNER = 900001


async def russian_registration(user: FakeUser, name: str = "Мария Иванова") -> None:
    await user.expect("Согласие на обработку")
    await user.click("✅ Даю согласие")
    await user.expect("Спасибо!")
    await user.expect("фамилию, имя и отчество")
    await user.send_text(name)
    await user.expect("область")
    await user.click("Павлодарская область")
    await user.expect("район или город")
    await user.send_text("Экибастуз")
    await user.expect("библиотеки")
    await user.send_text("Городская библиотека № 2")
    await user.expect("должность")
    await user.send_text("библиотекарь")
    await user.expect("сельская или городская")
    await user.click("🏙 Городская (город, посёлок)")
    await user.expect("Проверьте")
    await user.click("💾 Сохранить")
    await user.expect("вы зарегистрированы")


async def open_cohort(organizer: FakeUser, name: str) -> str:
    """Walk the organizer's wizard in English; return the invite link."""
    await organizer.send_text("/newcohort")
    question = await organizer.expect("New cohort")
    course_button = next(label for label in question.button_labels if "Library work today" in label)
    await organizer.click(course_button)
    await organizer.expect("name")
    await organizer.send_text(name)
    await organizer.expect("On which date")
    await organizer.send_text("31.02.2027")
    await organizer.expect("could not read that date")
    await organizer.send_text("01.06.2027")
    await organizer.expect("time zone")
    await organizer.click("Asia/Almaty (Kazakhstan)")
    await organizer.expect("enrolment")
    await organizer.click("Until the start date")
    await organizer.expect("places")
    await organizer.send_text("many")
    await organizer.expect("whole number")
    await organizer.send_text("40")
    check = await organizer.expect("Please check")
    assert name in check.text and "1 June 2027" in check.text and "Places: 40" in check.text
    await organizer.click("✅ Open the cohort")
    await organizer.expect(f"The cohort {name} is open")
    invite = await organizer.next_message()
    assert invite.kind == "photo" and invite.file is not None
    assert invite.file.content.startswith(b"\x89PNG")
    link = re.search(r"https://t\.me/oqu_test_bot\?start=(c_[\w-]+)", invite.text)
    assert link, invite.text
    return link.group(1)


async def test_organizer_opens_a_cohort_and_librarians_join_in_their_languages(tmp_path: Path) -> None:
    async with running_bot(tmp_path, admin_ids=str(OWNER)) as bot:
        organizer = bot.emu.user(OWNER, first_name="Dana", language_code="en")
        await organizer.send_text("/start")
        await organizer.expect("Hello")
        await organizer.click("English")
        await organizer.expect("Consent")
        await organizer.click("❌ I do not agree")
        await organizer.expect("saved nothing")
        payload = await open_cohort(organizer, "Rural libraries, June")

        aigul = bot.emu.user(4001, first_name="Айгүл", language_code="kk")
        await kazakh_registration(aigul)
        await aigul.send_text(f"/start {payload}")
        await aigul.expect("Қайта оралуыңызбен")
        joined = await aigul.expect("курсына жазылдыңыз")
        assert "Қазіргі жағдайда кітапхана жұмысын ұйымдастыру" in joined.text
        await aigul.expect("📊")  # the sample course's self-assessment, asked right after joining
        assert "2027\u202fж. 1 маусым" in joined.text
        await aigul.send_text(f"/start {payload}")
        await aigul.expect("Қайта оралуыңызбен")
        await aigul.expect("жазылғансыз")

        # A newcomer opens the link first: registration, then enrolment, without a second tap.
        maria = bot.emu.user(4002, first_name="Мария", language_code="ru")
        await maria.send_text(f"/start {payload}")
        await maria.expect("Здравствуйте")
        await maria.click("Русский")
        await russian_registration(maria)
        joined = await maria.expect("Вы записаны на курс")
        assert "Организация библиотечной работы в современных условиях" in joined.text
        await maria.expect("📊")

        await aigul.press("📚 Менің курстарым")
        mine = await aigul.expect("Сіздің курстарыңыз")
        assert "Қазіргі жағдайда кітапхана жұмысын ұйымдастыру" in mine.text
        assert "Келесі: 1-сабақ" in mine.text
        await maria.send_text("/courses")
        mine = await maria.expect("Ваши курсы")
        assert "Организация библиотечной работы" in mine.text and "Следующий: урок 1" in mine.text

        await organizer.send_text("/cohorts")
        listing = await organizer.expect("Cohorts: 1")
        await organizer.click(listing.button_labels[0])
        card = await organizer.expect("Rural libraries, June")
        assert "learners: 2" in card.text
        await organizer.click("👥 Learners")
        learners = await organizer.expect("2 learners")
        assert "Айгүл Серікова: Abai region, Аягөз ауданы" in learners.text
        assert "Мария Иванова: Pavlodar region, Экибастуз, Городская библиотека № 2 (🏙 Urban" in learners.text

        # Leaving takes a confirmation.
        await maria.click("🚪 Покинуть «Библиотечное дело»")  # the course's short title
        await maria.expect("Покинуть курс")
        await maria.click("🚪 Да, покинуть")
        await maria.expect("Вы покинули курс")
        await maria.send_text("/courses")
        await maria.expect("пока не записаны")
        print("\n" + bot.emu.transcript(OWNER))


async def test_closed_and_full_cohorts_say_so(tmp_path: Path) -> None:
    async with running_bot(tmp_path, admin_ids=str(OWNER)) as bot:
        organizer = bot.emu.user(OWNER, language_code="en")
        payload = await open_cohort(organizer, "Urban libraries")
        await organizer.send_text("/cohorts")
        listing = await organizer.expect("Cohorts: 1")
        await organizer.click(listing.button_labels[0])
        await organizer.expect("Urban libraries")
        await organizer.click("🔒 Close enrolment")
        await organizer.expect("is closed")
        await organizer.expect("🔴 closed")
        aigul = bot.emu.user(4003, language_code="kk")
        await kazakh_registration(aigul)
        await aigul.send_text(f"/start {payload}")
        await aigul.expect("Қайта оралуыңызбен")
        await aigul.expect("жазылу жабық")


async def test_organizer_imports_a_course_by_sending_a_zip(tmp_path: Path) -> None:
    async with running_bot(tmp_path, admin_ids=str(OWNER)) as bot:
        organizer = bot.emu.user(OWNER, language_code="en")
        await organizer.send_text("/import")
        await organizer.expect("To import a course")
        await organizer.send_document(file_name="notes.txt", content=b"hello", mime_type="text/plain")
        await organizer.expect("is not a course file")

        broken = (PROJECT_ROOT / "courses" / "sample" / "course.yaml").read_text(encoding="utf-8")
        broken = broken.replace("code: ", "cod: ", 1)
        await organizer.send_document(file_name="course.yaml", content=broken.encode(), mime_type="application/x-yaml")
        await organizer.expect("Checking")
        failed = await organizer.expect("nothing was imported")
        assert "course.yaml:" in failed.text and "'cod'" in failed.text

        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as bundle:
            sample = PROJECT_ROOT / "courses" / "sample"
            for path in sample.rglob("*"):
                if path.is_file():
                    text = path.read_bytes()
                    if path.name == "course.yaml":
                        text = text.decode().replace("hours: 24", "hours: 36", 1).encode()
                    bundle.writestr(f"sample/{path.relative_to(sample)}", text)
        await organizer.send_document(
            file_name="library-course.zip", content=archive.getvalue(), mime_type="application/zip", caption="/import"
        )
        await organizer.expect("Checking")
        done = await organizer.expect("imported as version 2")
        assert "Lessons: 5" in done.text

        learner = bot.emu.user(4004, language_code="en")
        await learner.send_document(file_name="course.yaml", content=broken.encode())
        await learner.expect("I did not understand")


async def test_owner_makes_a_colleague_organizer_by_forwarding_and_they_remove_a_learner(tmp_path: Path) -> None:
    async with running_bot(tmp_path, admin_ids=str(OWNER)) as bot:
        owner = bot.emu.user(OWNER, language_code="ru")
        colleague = bot.emu.user(4010, first_name="Гүлнар", language_code="kk")
        await kazakh_registration(colleague)
        await owner.send_text("/grant")
        await owner.expect("Кому выдать роль")
        await owner.forward_from(None, hidden_name="Someone")
        await owner.expect("скрывает свой аккаунт")
        await owner.forward_from(colleague)
        await owner.expect("Какую роль выдать: Айгүл Серікова")
        await owner.click("Организатор")
        await owner.expect("Айгүл Серікова теперь: Организатор")
        await colleague.expect("Сізге жаңа рөл берілді: Ұйымдастырушы")
        assert ("newcohort", "Жаңа ағын ашу (ұйымдастырушыларға)") in bot.emu.commands(scope_type="chat", chat_id=4010)

        learner = bot.emu.user(4011, language_code="ru")
        await colleague.send_text("/newcohort")
        question = await colleague.expect("Жаңа ағын")
        await colleague.click(question.button_labels[0])
        await colleague.expect("атауын")
        await colleague.send_text("Қалалық кітапханалар")
        await colleague.expect("Қай күні")
        await colleague.send_text("2027-09-01")
        await colleague.expect("уақыт белдеуі")
        await colleague.send_text("Asia/Almaty")
        await colleague.expect("Жазылу")
        await colleague.click("Мерзімсіз")
        await colleague.expect("орын")
        await colleague.click("Шектеусіз")
        await colleague.expect("Тексеріңіз")
        await colleague.click("✅ Ағынды ашу")
        await colleague.expect("ағыны ашылды")
        invite = await colleague.next_message()
        payload = re.search(r"start=(c_[\w-]+)", invite.text).group(1)
        await learner.send_text(f"/start {payload}")
        await learner.expect("Здравствуйте")
        await learner.click("Русский")
        await russian_registration(learner, "Ольга Петрова")
        await learner.expect("Вы записаны на курс")
        await learner.expect("📊")

        await colleague.click("➖ Тыңдаушыны шығару")
        await colleague.expect("кімді шығару керек")
        await colleague.click("Ольга Петрова (Городская…)")
        await colleague.expect("шығарылсын ба")
        await colleague.click("➖ Иә, шығару")
        await colleague.expect("Ольга Петрова «Қалалық кітапханалар» ағынынан шығарылды")
        await learner.expect("Организатор исключил вас")
        await learner.send_text(f"/start {payload}")
        await learner.expect("С возвращением")
        await learner.expect("исключил вас из курса")
