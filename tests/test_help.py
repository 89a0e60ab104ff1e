"""/help: a learner reads how to hand in homework, take a quiz and get a certificate; staff also
get their commands in a few words; nobody sees the other's part."""

from __future__ import annotations

from datetime import UTC, datetime

from storage.roles import RoleRepository
from tests.auxil.harness import Harness
from tests.auxil.updates import tg_user
from tests.test_registration_handlers import register


async def test_a_learner_reads_what_to_press_and_no_staff_commands(harness: Harness) -> None:
    learner = tg_user(73001, language_code="ru")
    await register(harness, learner, language_label="Русский")
    [help_message] = await harness.send(learner, "/help")
    assert "📚 Мои курсы" in help_message.text and "📝 Сдать задание" in help_message.text
    assert "▶️ Начать тест" in help_message.text and "/verify" in help_message.text
    assert "/review" not in help_message.text and "/stats" not in help_message.text


async def test_a_curator_also_gets_the_staff_commands(harness: Harness) -> None:
    curator = tg_user(73002, language_code="kk")
    await register(harness, curator)
    await RoleRepository(harness.db).grant(curator.id, "curator", 1, datetime.now(UTC))
    [help_message] = await harness.send(curator, "/help")
    assert help_message.text.startswith(harness.translator.get("kk", "help-text"))
    assert "Кураторлар мен ұйымдастырушыларға" in help_message.text and "/review" in help_message.text
