"""Owners' overview of registrations (only owners get here: this router hangs under the owner
router, see handlers.staff_routers)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.i18n import Localizer
from bot.people import regions
from storage.users import UserRepository


def setup() -> Router:
    router = Router(name="admin")

    @router.message(Command("stats"))
    async def stats(message: Message, l10n: Localizer, users: UserRepository) -> None:
        rows = await users.count_by_region()
        if not rows:
            await message.answer(l10n("stats-empty"))
            return
        per_region: dict[str, dict[str, int]] = {}
        for region, settlement, count in rows:
            per_region.setdefault(region, {})[settlement] = count
        lines = [
            l10n(
                "stats-line",
                region=l10n(regions.message_id(code)),
                rural=counts.get("rural", 0),
                urban=counts.get("urban", 0),
            )
            for code, counts in sorted(
                per_region.items(),
                key=lambda item: regions.ALL.index(item[0]) if item[0] in regions.ALL else len(regions.ALL),
            )
        ]
        total = sum(count for _, _, count in rows)
        await message.answer(l10n("stats-header", total=total) + "\n" + "\n".join(lines))

    return router
