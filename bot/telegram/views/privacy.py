"""/mydata: a short summary in the person's language, and the whole export as a JSON file."""

from __future__ import annotations

from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.types import BufferedInputFile

from bot.clock import Clock, from_db
from bot.i18n import Localizer
from bot.people.personal_data import Export
from bot.people.registration import Step, choice_message_id
from bot.text.dates import day_label, moment_label

FILE_NAME = "oqu-my-data.json"
# Sections the summary names; the rest (homework, quizzes, ... as features add them) it counts.
SUMMARIZED = frozenset(
    {"profile", "roles", "enrolments", "cohorts_curated", "cohorts_opened", "deliveries", "unfinished_forms"}
)
ENROLMENT_STATUSES = frozenset({"active", "left", "removed"})
ROLES = frozenset({"organizer", "curator"})


def summary(l10n: Localizer, export: Export, timezone: str) -> str:
    zone = ZoneInfo(timezone)
    profile: dict[str, Any] = export.sections.get("profile") or {}
    lines = [l10n("mydata-title"), ""]
    if profile.get("full_name"):
        lines.append(l10n("mydata-line-name", name=escape(profile["full_name"])))
    if profile.get("language"):
        lines.append(l10n("mydata-line-language", language=l10n(f"language-name-{profile['language']}")))
    if profile.get("consent_at"):
        moment = moment_label(l10n.locale, from_db(profile["consent_at"]).astimezone(zone))
        lines.append(l10n("mydata-line-consent", moment=moment))
    else:
        lines.append(l10n("mydata-line-no-consent"))
    roles = [l10n(f"role-{row['role']}") for row in export.sections.get("roles", []) if row["role"] in ROLES]
    if roles:
        lines.append(l10n("mydata-line-roles", roles=", ".join(roles)))
    enrolments = export.sections.get("enrolments", [])
    if enrolments:
        lines.append(l10n("mydata-line-courses"))
        for row in enrolments:
            status = row["status"] if row["status"] in ENROLMENT_STATUSES else "left"
            lines.append(
                l10n(
                    "mydata-line-course",
                    cohort=escape(row["cohort"]),
                    course=escape(row.get("course") or l10n("mydata-course-unknown")),
                    status=l10n(f"mydata-status-{status}"),
                )
            )
    for section in ("cohorts_curated", "cohorts_opened"):
        if count := export.count(section):
            lines.append(l10n(f"mydata-line-{section.replace('_', '-')}", count=count))
    deliveries = export.sections.get("deliveries", [])
    if deliveries:
        sent = sum(1 for row in deliveries if row["state"] == "sent")
        planned = sum(1 for row in deliveries if row["state"] in ("planned", "sending"))
        lines.append(l10n("mydata-line-deliveries", sent=sent, planned=planned))
    if count := export.count("unfinished_forms"):
        lines.append(l10n("mydata-line-form", count=count))
    other = sum(export.count(name) for name in export.sections if name not in SUMMARIZED)
    if other:
        lines.append(l10n("mydata-line-other", count=other))
    lines += ["", l10n("mydata-footer", profile=l10n("menu-profile"), delete=l10n("button-delete-data"))]
    return "\n".join(lines)


def readable(l10n: Localizer, export: Export) -> dict[str, Any]:
    """What the file starts with: a note on reading it, and the profile's coded answers (region,
    rural or urban) as the person saw them in the form."""
    labels: dict[str, str] = {}
    profile: dict[str, Any] = export.sections.get("profile") or {}
    for step in (Step.REGION, Step.SETTLEMENT):
        if value := profile.get(step.value):
            labels[step.value] = l10n(choice_message_id(step, value))
    return {"about": l10n("mydata-file-about"), "profile_labels": labels}


async def send_my_data(bot: Bot, chat_id: int, l10n: Localizer, export: Export, *, timezone: str, clock: Clock) -> None:
    """The summary as a message, then the file (one document, sent from memory)."""
    await bot.send_message(chat_id, summary(l10n, export, timezone))
    today = day_label(l10n.locale, clock.now().astimezone(ZoneInfo(timezone)))
    await bot.send_document(
        chat_id,
        BufferedInputFile(export.file_bytes(readable(l10n, export)), filename=FILE_NAME),
        caption=l10n("mydata-caption", date=today),
    )
