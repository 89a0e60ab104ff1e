"""/status for owners: is the bot well? (only owners get here: this router hangs under the owner
router, see handlers.staff_routers)."""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.config import Settings
from bot.i18n import Localizer
from bot.status.service import StatusService
from bot.text.dates import file_size_label, moment_label


def setup() -> Router:
    router = Router(name="status")

    @router.message(Command("status"))
    async def status(message: Message, l10n: Localizer, status: StatusService, settings: Settings) -> None:
        report = await status.collect()
        zone = ZoneInfo(settings.timezone)

        def when(moment: datetime) -> str:
            return moment_label(l10n.locale, moment.astimezone(zone))

        def size(value: int) -> str:
            return file_size_label(l10n.locale, value, translator=l10n.translator)

        minutes = int(report.uptime.total_seconds()) // 60
        lines = [
            l10n("status-header", version=escape(report.version)),
            l10n("status-uptime", days=minutes // 1440, hours=minutes // 60 % 24, minutes=minutes % 60),
            l10n("status-database", size=size(report.database_bytes)),
            l10n("status-backup", when=when(report.last_backup.at), size=size(report.last_backup.size))
            if report.last_backup
            else l10n("status-backup-none"),
            l10n("status-queue", planned=report.planned, sending=report.sending),
        ]
        if report.next_due is not None:
            lines.append(l10n("status-next-due", when=when(report.next_due)))
        if report.errors:
            lines.append(l10n("status-errors", total=report.errors_total))
            lines += [
                l10n(
                    "status-error-line",
                    when=when(error.at),
                    kind=escape(error.kind),
                    place=escape(error.place),
                    error_id=escape(error.error_id or "-"),
                )
                for error in report.errors
            ]
        else:
            lines.append(l10n("status-errors-none"))
        await message.answer("\n".join(lines))

    return router
