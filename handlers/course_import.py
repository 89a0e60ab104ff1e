"""An organizer imports a course by sending its zip (or a course.yaml) to the bot.

The importer takes a document only when asked to: after /import (the form waits for one file,
/cancel ends it) or with /import as the document's caption. Any other document an organizer
sends is left to the routers after the staff ones, so an organizer who is also a learner hands in
a PDF to their open homework draft like everyone else; a course file sent without /import and
with no draft open gets a hint instead of silence.
"""

from __future__ import annotations

import tempfile
from html import escape
from pathlib import Path

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.clock import Clock
from bot.config import Settings
from bot.courses.importing import CourseFileChangedError, InvalidCourseError, import_course
from bot.homework.service import HomeworkService
from bot.i18n import Localizer
from bot.telegram.filters import NotCommand
from bot.telegram.states import CourseImportForm
from bot.telegram.views import split_text
from storage.db import Database

ACCEPTED = (".zip", ".yaml", ".yml")
MAX_DOWNLOAD = 20 * 1024 * 1024  # what getFile allows on Telegram's own servers
MAX_LISTED = 40


def setup() -> Router:
    router = Router(name="course-import")

    @router.message(Command("import"), F.document)
    async def with_caption(
        message: Message, l10n: Localizer, settings: Settings, clock: Clock, db: Database, bot: Bot
    ) -> None:
        """A document with /import as its caption: imported at once, whatever form is open."""
        await _import(message, l10n, settings, clock, db, bot)

    @router.message(Command("import"))
    async def how_to(message: Message, l10n: Localizer, state: FSMContext) -> None:
        await state.set_state(CourseImportForm.file)
        await message.answer(l10n("import-how"))

    @router.message(Command("cancel"), StateFilter(CourseImportForm))
    async def cancel(message: Message, l10n: Localizer, state: FSMContext) -> None:
        await state.clear()
        await message.answer(l10n("import-cancelled"))

    @router.message(CourseImportForm.file, F.document)
    async def receive(
        message: Message,
        l10n: Localizer,
        settings: Settings,
        clock: Clock,
        db: Database,
        bot: Bot,
        state: FSMContext,
    ) -> None:
        assert message.document is not None
        if (message.document.file_name or "").lower().endswith(ACCEPTED):
            await state.clear()  # one file per /import; a wrong kind of file may be sent again
        await _import(message, l10n, settings, clock, db, bot)

    @router.message(CourseImportForm.file, NotCommand())
    async def not_a_file(message: Message, l10n: Localizer) -> None:
        await message.answer(l10n("import-waiting-file"))

    @router.message(StateFilter(None), F.chat.type == "private", F.document.file_name.lower().endswith(ACCEPTED))
    async def without_import(message: Message, l10n: Localizer, homework: HomeworkService) -> None:
        """A course file without /import: an open homework draft takes it (the learner's work
        wins); otherwise the organizer is told how to import it."""
        if await homework.focused_draft(message.chat.id) is not None:
            raise SkipHandler
        await message.answer(l10n("import-use-command"))

    return router


async def _import(message: Message, l10n: Localizer, settings: Settings, clock: Clock, db: Database, bot: Bot) -> None:
    assert message.document is not None
    name = message.document.file_name or "course"
    if not name.lower().endswith(ACCEPTED):
        await message.answer(l10n("import-wrong-type", name=escape(name)))
        return
    if (message.document.file_size or 0) > MAX_DOWNLOAD and not settings.telegram_api_url:
        await message.answer(l10n("import-too-big", limit=MAX_DOWNLOAD // (1024 * 1024)))
        return
    await message.answer(l10n("import-checking"))
    with tempfile.TemporaryDirectory(prefix="oqu-import-") as folder:
        target = Path(folder) / ("course.yaml" if name.lower().endswith((".yaml", ".yml")) else name)
        await bot.download(message.document, destination=target)
        try:
            summary = await import_course(db, target, settings.files_dir, clock=clock)
        except InvalidCourseError as invalid:
            problems = [escape(issue.render(l10n.translator, l10n.locale)) for issue in invalid.result.errors]
            shown = problems[:MAX_LISTED]
            header = l10n("import-failed", count=len(problems))
            more = [l10n("import-more", count=len(problems) - len(shown))] if len(problems) > len(shown) else []
            for number, text in enumerate(split_text(shown + more)):
                await message.answer(f"{header}\n\n<code>{text}</code>" if number == 0 else f"<code>{text}</code>")
            return
        except CourseFileChangedError:
            await message.answer(l10n("import-retry"))
            return
    key = "import-unchanged" if summary.unchanged else "import-done"
    warnings = [escape(w.render(l10n.translator, l10n.locale, "warning")) for w in summary.warnings][:MAX_LISTED]
    text = l10n(
        key,
        code=summary.code,
        version=summary.version,
        lessons=summary.lessons,
        homework=summary.homework,
        quizzes=summary.quizzes,
        questionnaire=l10n("import-yes" if summary.questionnaire else "import-no"),
        languages=", ".join(summary.languages),
        files=summary.files,
        warnings=len(summary.warnings),
    )
    for part in split_text([text, *(f"<code>{w}</code>" for w in warnings)]):
        await message.answer(part)
