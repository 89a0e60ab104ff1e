"""Certificates in the chat: checking a number (anyone), a learner's own, and the organizers'
commands (list, issue by hand, revoke, re-issue)."""

from __future__ import annotations

from html import escape

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.certificates.model import Certificate, Missing, Verification, normalize_number, number_from_payload
from bot.certificates.service import CertificateError, CertificateService
from bot.courses.catalog import course_for_version
from bot.i18n import Localizer
from bot.people.model import User
from bot.telegram.callbacks import CourseCb, id_from
from bot.text import dates
from storage.cohorts import CohortRepository
from storage.courses import CourseRepository

VERIFY_PREFIX = "v_"


def hours_label(locale: str, hours: float) -> str:
    return str(int(hours)) if float(hours).is_integer() else dates.decimal_label(locale, hours)


def verification_text(l10n: Localizer, found: Verification) -> str:
    if found.status == "valid":
        head = l10n("verify-valid", number=found.number)
    elif found.status == "revoked":
        head = l10n("verify-revoked", number=found.number, reason=escape(found.reason or "—"))
    else:
        head = l10n("verify-replaced", number=found.number, replaced_by=found.replaced_by or "—")
    details = l10n(
        "verify-details",
        name=escape(found.full_name or "—"),
        course=escape(found.course_title),
        hours=hours_label(l10n.locale, found.hours),
        date=dates.date_label(l10n.locale, found.issued_on),
        issuer=escape(found.issuer),
    )
    return f"{head}\n\n{details}"


def missing_lines(l10n: Localizer, missing: list[Missing]) -> list[str]:
    lines = []
    for item in missing:
        if item.kind == "homework":
            lines.append(l10n("certificates-missing-homework", lesson=item.lesson))
        elif item.kind == "quiz":
            lines.append(l10n("certificates-missing-quiz", percent=item.percent, pass_mark=item.pass_mark))
        else:
            lines.append(l10n("certificates-missing-questionnaire"))
    return lines


async def check_number(message: Message, l10n: Localizer, certificates: CertificateService, typed: str) -> None:
    if not typed.strip():
        await message.answer(l10n("verify-usage"))
        return
    number = normalize_number(typed)
    assert message.from_user is not None
    checked = await certificates.check(message.from_user.id, number, l10n.locale)
    if checked.throttled_minutes:
        await message.answer(l10n("verify-throttled", minutes=checked.throttled_minutes))
    elif checked.verification is None:
        await message.answer(l10n("verify-not-found", number=escape(number or typed.strip()[:40])))
    else:
        await message.answer(verification_text(l10n, checked.verification))


def setup() -> Router:
    """Before /start's router: the verification deep link is not an invite."""
    router = Router(name="certificates")

    @router.message(CommandStart(deep_link=True, magic=F.args.startswith(VERIFY_PREFIX)))
    async def verify_link(
        message: Message, command: CommandObject, l10n: Localizer, certificates: CertificateService
    ) -> None:
        payload = command.args or ""
        await check_number(message, l10n, certificates, number_from_payload(payload) or payload[len(VERIFY_PREFIX) :])

    @router.message(Command("verify"))
    async def verify_command(
        message: Message, command: CommandObject, l10n: Localizer, certificates: CertificateService
    ) -> None:
        await check_number(message, l10n, certificates, command.args or "")

    @router.message(Command("certificate"))
    async def my_certificates(
        message: Message,
        l10n: Localizer,
        user: User | None,
        cohorts: CohortRepository,
        courses: CourseRepository,
        certificates: CertificateService,
    ) -> None:
        """A learner's own: each one held is sent again; for a course without one, what is missing."""
        assert message.from_user is not None
        me = message.from_user.id
        mine = await cohorts.of_learner(me) if user is not None else []
        if not mine:
            await message.answer(l10n("certificates-none"))
            return
        for cohort in mine:
            held = await certificates.of_learner(cohort.id, me)
            await _own(message.chat.id, message.bot, l10n, cohort.id, cohort.version_id, held, courses, certificates)

    @router.callback_query(CourseCb.filter(F.action == "certificate"))
    async def certificate_again(
        query: CallbackQuery,
        callback_answer: CallbackAnswer,
        callback_data: CourseCb,
        l10n: Localizer,
        certificates: CertificateService,
    ) -> None:
        held = await certificates.of_learner(callback_data.cohort_id, query.from_user.id)
        if held is None or not held.valid:
            callback_answer.text = l10n("button-outdated")
            callback_answer.show_alert = True
            return
        await certificates.send_again(held)
        callback_answer.text = l10n("certificates-again")

    return router


async def _own(
    chat_id: int,
    bot: Bot | None,
    l10n: Localizer,
    cohort_id: int,
    version_id: int,
    held: Certificate | None,
    courses: CourseRepository,
    certificates: CertificateService,
) -> None:
    assert bot is not None
    course = await course_for_version(courses, version_id)
    title = escape(course.text(course.title, l10n.locale))
    if held is not None and held.valid:
        await certificates.send_again(held)
        await bot.send_message(chat_id, l10n("certificates-again"))
        return
    if held is not None:
        await bot.send_message(chat_id, l10n("certificates-revoked-own", number=held.number))
        return
    missing = await certificates.missing(cohort_id, chat_id)
    if not missing:
        await bot.send_message(chat_id, l10n("certificates-on-the-way", course=title))
        return
    lines = [l10n("certificates-not-yet", course=title), *missing_lines(l10n, missing)]
    await bot.send_message(chat_id, "\n".join(lines))


def staff_setup() -> Router:
    """Organizers: /certificates, /certissue, /certrevoke, /certreissue (under StaffRouter)."""
    router = Router(name="certificates-staff")

    @router.message(Command("certificates"))
    async def cohort_list(
        message: Message,
        command: CommandObject,
        l10n: Localizer,
        cohorts: CohortRepository,
        certificates: CertificateService,
    ) -> None:
        cohort_id = id_from(command.args)
        cohort = await cohorts.get(cohort_id) if cohort_id is not None else None
        if cohort is None:
            counts = await certificates.repo.counts_by_cohort()
            lines = [l10n("certificates-staff-usage"), "", l10n("certificates-staff-cohorts")]
            lines += [
                l10n("certificates-staff-cohort-line", id=c.id, cohort=escape(c.name), count=counts.get(c.id, 0))
                for c in await cohorts.all()
            ]
            if command.args:
                lines.insert(0, l10n("certificates-staff-unknown-cohort"))
            await message.answer("\n".join(lines))
            return
        found = await certificates.of_cohort(cohort.id)
        lines = [l10n("certificates-staff-list", cohort=escape(cohort.name), count=len(found))]
        for item in found:
            lines.append(
                l10n(
                    "certificates-staff-line",
                    number=item.number,
                    name=escape(item.full_name or "—"),
                    status=item.status,
                    date=dates.date_label(l10n.locale, item.issued_at.date()),
                )
            )
        text = "\n".join(lines)
        # A long cohort's list is split at line ends, under Telegram's 4,096 characters.
        while text:
            cut = len(text) if len(text) <= 4000 else text.rfind("\n", 0, 4000)
            await message.answer(text[:cut])
            text = text[cut:].lstrip("\n")

    @router.message(Command("certissue"))
    async def issue(
        message: Message, command: CommandObject, l10n: Localizer, certificates: CertificateService
    ) -> None:
        parts = (command.args or "").split()
        ids = [id_from(part) for part in parts]
        if len(ids) != 2 or None in ids:
            await message.answer(l10n("certificates-staff-usage"))
            return
        cohort_id, user_id = ids
        assert cohort_id is not None and user_id is not None and message.from_user is not None
        try:
            made = await certificates.issue(cohort_id, user_id, issued_by=message.from_user.id)
        except CertificateError as error:
            await message.answer(l10n(error.key, **error.args_))
            return
        await message.answer(l10n("certificates-staff-issued", number=made.number, name=escape(made.full_name)))

    @router.message(Command("certrevoke"))
    async def revoke(
        message: Message, command: CommandObject, l10n: Localizer, certificates: CertificateService
    ) -> None:
        typed, _, reason = (command.args or "").strip().partition(" ")
        number = normalize_number(typed)
        if number is None:
            await message.answer(l10n("certificates-staff-usage"))
            return
        if not reason.strip():
            await message.answer(l10n("certificates-staff-reason-needed"))
            return
        assert message.from_user is not None
        if await certificates.revoke(number, reason=reason.strip()[:500], by=message.from_user.id):
            await message.answer(l10n("certificates-staff-revoked", number=number))
        else:
            await message.answer(l10n("certificates-staff-unknown-number", number=number))

    @router.message(Command("certreissue"))
    async def reissue(
        message: Message, command: CommandObject, l10n: Localizer, certificates: CertificateService
    ) -> None:
        number = normalize_number(command.args)
        if number is None:
            await message.answer(l10n("certificates-staff-usage"))
            return
        assert message.from_user is not None
        try:
            made = await certificates.reissue(number, by=message.from_user.id)
        except CertificateError as error:
            await message.answer(l10n(error.key, **error.args_))
            return
        await message.answer(
            l10n("certificates-staff-reissued", old=number, number=made.number, name=escape(made.full_name))
        )

    return router
