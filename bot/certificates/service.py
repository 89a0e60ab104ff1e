"""Issuing, revoking, re-issuing, verifying and sending certificates.

A certificate is a row (``storage.certificates``); its PDF is rendered from that row each time it
is sent, by the delivery service's detail loader for ``certificate`` rows, and goes through the
one sender like any lesson: crash-safe, never twice (the row is written with the certificate in
one transaction). Completion (bot/completion, built alongside) calls :meth:`on_completed`; until
then an organizer issues by hand, and a learner who asks is told what is still missing by a
:class:`CompletionStanding`.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.certificates.model import (
    ERASED,
    VALID,
    Certificate,
    CertificateFile,
    Missing,
    Page,
    Verification,
    new_number,
    verify_link,
)
from bot.clock import Clock
from bot.courses.model import SUPPORTED_LANGUAGES, Course
from bot.delivery.model import REVOKED_REASON, DueDelivery, Withdrawn
from bot.i18n import Translator
from bot.people.model import Cohort
from bot.text import dates
from storage.certificates import CertificateRepository, NewCertificate
from storage.cohorts import CohortRepository
from storage.db import Database
from storage.users import UserRepository

log = logging.getLogger(__name__)

MISSES_ALLOWED = 5  # wrong numbers one person may try ...
MISSES_WINDOW = timedelta(minutes=10)  # ... within this long
DEFAULT_USERNAME = "oqu_bot"  # only until the bot is connected: tests without a Bot API
TITLE_MARK = "\x00"  # where the course's title goes in certificates-pdf-completed
FOLDER = "certificates"  # under the files folder: the PDFs as last sent (rendered again each time)


class CompletionStanding(Protocol):
    """What a learner still has to do to complete a cohort's course (empty: nothing).

    :class:`bot.certificates.standing.CompletionRules` reads it from bot/completion's rules."""

    async def missing(self, cohort_id: int, user_id: int) -> list[Missing]: ...


class CoursesPort(Protocol):
    async def get(self, version_id: int) -> tuple[Course, str]: ...


class DeliveryPort(Protocol):
    def wake(self) -> None: ...

    async def withdraw(self, delivery_ids: set[int], reason: str) -> int: ...


class ShiftPort(Protocol):
    async def shift_days(self, cohort_id: int) -> int: ...


class CertificateError(Exception):
    """Why an organizer's request cannot be done; ``key`` is its message (certificates.ftl)."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True)
class Checked:
    """The answer to one /verify: throttled (``minutes`` to wait), or the verification (None:
    no such number)."""

    number: str | None
    verification: Verification | None = None
    throttled_minutes: int = 0


class CertificateService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        translator: Translator,
        courses: CoursesPort,
        delivery: DeliveryPort,
        shifts: ShiftPort,
        standing: CompletionStanding,
        *,
        bot_username: Callable[[], Awaitable[str]] | None = None,
    ) -> None:
        self.repo = CertificateRepository(db)
        self.users = UserRepository(db)
        self.cohorts = CohortRepository(db)
        self.clock = clock
        self.translator = translator
        self.courses = courses
        self.delivery = delivery
        self.shifts = shifts
        self.standing = standing
        # The bot's @username, for the QR code's link: asked of the bot once it is there
        # (bot/app.py sets it at startup).
        self.bot_username: Callable[[], Awaitable[str]] = bot_username or _default_username

    # ------------------------------------------------------------------ issuing

    async def on_completed(self, cohort_id: int, user_id: int) -> None:
        """Completion's hook: issue (once) and queue delivery of the learner's certificate.

        Idempotent: a learner who already has one (valid, revoked or replaced) gets nothing new;
        an organizer's revocation is not undone by the next evaluation."""
        try:
            await self.issue(cohort_id, user_id, issued_by=None)
        except CertificateError as error:
            if error.key != "certificates-staff-already":
                log.warning("no certificate for %s in cohort %s: %s", user_id, cohort_id, error.key)

    async def issue(self, cohort_id: int, user_id: int, *, issued_by: int | None) -> Certificate:
        """Issue the learner's certificate of the cohort and plan its delivery (due now).

        Raises CertificateError: unknown cohort, not a learner, no registered name, or already
        issued (``args_["number"]``)."""
        cohort, course = await self._cohort(cohort_id)
        if await self.cohorts.enrolment_status(cohort_id, user_id) is None:
            raise CertificateError("certificates-staff-not-learner")
        existing = await self.repo.of_learner(cohort_id, user_id)
        if existing is not None:
            raise CertificateError("certificates-staff-already", number=existing.number)
        new = await self._new(cohort, course, user_id, issued_by)
        certificate = await self.repo.issue(new, self.clock.now())
        if certificate is None:  # issued meanwhile by another update
            existing = await self.repo.of_learner(cohort_id, user_id)
            raise CertificateError("certificates-staff-already", number=existing.number if existing else "")
        log.info("certificate %s issued in cohort %s", certificate.number, cohort_id)
        self.delivery.wake()
        return certificate

    async def reissue(self, number: str, *, by: int) -> Certificate:
        """A new number with the learner's name as registered now (after a fix); the old one is
        marked replaced, and its copies not yet sent are cancelled."""
        old = await self.repo.get(number)
        if old is None or old.status != VALID:
            raise CertificateError("certificates-staff-unknown-number", number=number)
        cohort, course = await self._cohort(old.cohort_id)
        new = await self._new(cohort, course, old.user_id, by)
        certificate = await self.repo.issue(new, self.clock.now(), replacing=number)
        if certificate is None:
            raise CertificateError("certificates-staff-unknown-number", number=number)
        await self._take_back(number)
        self.delivery.wake()
        return certificate

    async def revoke(self, number: str, *, reason: str, by: int) -> bool:
        """Revoke a valid certificate with a reason; False if there was none valid by that number."""
        revoked, taken = await self.repo.revoke(number, reason.strip(), by, self.clock.now())
        if revoked and taken:
            await self.delivery.withdraw(set(taken), REVOKED_REASON)
        return revoked

    async def send_again(self, certificate: Certificate) -> bool:
        """The learner asked for theirs again (📚 My courses)."""
        queued = await self.repo.send_again(certificate, self.clock.now())
        if queued:
            self.delivery.wake()
        return queued

    async def _take_back(self, number: str) -> None:
        taken = await self.repo.cancel_deliveries(number, self.clock.now())
        if taken:
            await self.delivery.withdraw(set(taken), REVOKED_REASON)

    async def _cohort(self, cohort_id: int) -> tuple[Cohort, Course]:
        cohort = await self.cohorts.get(cohort_id)
        if cohort is None:
            raise CertificateError("certificates-staff-unknown-cohort")
        course, _ = await self.courses.get(cohort.version_id)
        return cohort, course

    async def _new(self, cohort: Cohort, course: Course, user_id: int, issued_by: int | None) -> NewCertificate:
        user = await self.users.get(user_id)
        name = (user.full_name or "").strip() if user is not None else ""
        if not name:
            raise CertificateError("certificates-staff-no-name")
        spec = course.certificate
        if spec is not None and spec.languages:
            languages = spec.languages
        else:
            own = user.language if user is not None else None
            languages = (own if own in SUPPORTED_LANGUAGES else self.translator.default_locale,)
        return NewCertificate(
            number=new_number(self.clock.now().year),
            cohort_id=cohort.id,
            user_id=user_id,
            languages=tuple(languages),
            full_name=name,
            hours=course.hours,
            issued_by=issued_by,
        )

    # ------------------------------------------------------------------ reading

    async def of_learner(self, cohort_id: int, user_id: int) -> Certificate | None:
        return await self.repo.of_learner(cohort_id, user_id)

    async def of_cohort(self, cohort_id: int) -> list[Certificate]:
        return await self.repo.of_cohort(cohort_id)

    async def missing(self, cohort_id: int, user_id: int) -> list[Missing]:
        return await self.standing.missing(cohort_id, user_id)

    # ------------------------------------------------------------------ verification

    async def verify(self, number: str, language: str | None = None) -> Verification | None:
        """What anyone checking ``number`` is shown (texts in ``language`` where the course has
        them); None if no certificate has it."""
        certificate = await self.repo.get(number)
        if certificate is None:
            return None
        cohort, course = await self._cohort(certificate.cohort_id)
        lang = language if language in SUPPORTED_LANGUAGES else certificate.languages[0]
        assert lang is not None
        reason = certificate.reason
        if reason == ERASED:
            reason = self.translator.get(lang, "verify-reason-erased")
        return Verification(
            number=certificate.number,
            status=certificate.status,
            full_name=certificate.full_name,
            course_title=course.text(course.title, lang),
            hours=certificate.hours,
            issued_on=certificate.issued_at.astimezone(ZoneInfo(cohort.timezone)).date(),
            issuer=self._organization(course, lang),
            reason=reason,
            replaced_by=certificate.replaced_by,
        )

    async def check(self, user_id: int, number: str | None, language: str | None = None) -> Checked:
        """/verify by a person: throttled after MISSES_ALLOWED wrong numbers in MISSES_WINDOW
        (a malformed number counts as wrong). ``number`` is normalized already, or None."""
        now = self.clock.now()
        misses = await self.repo.misses_since(user_id, now - MISSES_WINDOW)
        if len(misses) >= MISSES_ALLOWED:
            free_at = misses[-MISSES_ALLOWED] + MISSES_WINDOW
            minutes = max(1, int((free_at - now).total_seconds() + 59) // 60)
            return Checked(number, throttled_minutes=minutes)
        verification = await self.verify(number, language) if number is not None else None
        if verification is None:
            await self.repo.add_miss(user_id, now, forget_before=now - MISSES_WINDOW)
        return Checked(number, verification)

    # ------------------------------------------------------------------ the PDF

    async def page(self, certificate: Certificate) -> Page:
        cohort, course = await self._cohort(certificate.cohort_id)
        _, files_dir = await self.courses.get(cohort.version_id)
        tz = ZoneInfo(cohort.timezone)
        start, end = await self._dates(cohort, course)
        spec = course.certificate
        hours: int | float = int(certificate.hours) if float(certificate.hours).is_integer() else certificate.hours
        tr = self.translator
        langs = certificate.languages
        issued_on = certificate.issued_at.astimezone(tz).date()

        def each(make: Callable[[str], str]) -> dict[str, str]:
            return {lang: make(lang) for lang in langs}

        words = {}
        for lang in langs:
            # The course's title is printed apart (bold, wrapped): the words around it, either
            # side of the placeholder, go above and below it in the language's own order.
            around = tr.get(lang, "certificates-pdf-completed", title=TITLE_MARK).replace("\u2068", "")
            before, _, after = around.replace("\u2069", "").partition(TITLE_MARK)
            words[lang] = {
                "title": tr.get(lang, "certificates-pdf-title"),
                "before_name": tr.get(lang, "certificates-pdf-before-name"),
                "before_title": before.strip(),
                "after_title": after.strip(),
                "verify": tr.get(lang, "certificates-pdf-verify"),
            }
        signatory = spec.signatory if spec is not None else None
        return Page(
            languages=langs,
            full_name=certificate.full_name,
            course_title=each(lambda lang: course.text(course.title, lang)),
            hours=each(lambda lang: tr.get(lang, "certificates-pdf-hours", hours=hours)),
            dates=each(
                lambda lang: tr.get(
                    lang,
                    "certificates-pdf-dates",
                    start=dates.date_label(lang, start),
                    end=dates.date_label(lang, end),
                )
            ),
            organization=each(lambda lang: self._organization(course, lang)),
            signatory_name=each(lambda lang: course.text(signatory.name, lang) if signatory else ""),
            signatory_title=each(lambda lang: course.text(signatory.title, lang) if signatory else ""),
            issued=each(lambda lang: tr.get(lang, "certificates-pdf-issued", date=dates.date_label(lang, issued_on))),
            words=words,
            number=certificate.number,
            link=verify_link(await self.bot_username(), certificate.number),
            logo=_read(Path(files_dir), spec.logo.stored_name) if spec and spec.logo else None,
            signature=_read(Path(files_dir), spec.signature.stored_name) if spec and spec.signature else None,
            issued_at=certificate.issued_at,
        )

    async def pdf(self, certificate: Certificate) -> bytes:
        page = await self.page(certificate)
        # Rendering takes tens of milliseconds of CPU: off the event loop, so updates keep flowing.
        # fpdf2 (about 30 MB) loads with the first certificate, not at every start.
        from bot.certificates.pdf import render_pdf

        return await asyncio.to_thread(render_pdf, page)

    async def certificate_file(self, row: DueDelivery) -> CertificateFile:
        """The delivery service's detail loader for ``certificate`` rows: render the PDF now,
        from the stored row. A certificate revoked or replaced meanwhile is not sent."""
        certificate = await self.repo.get(row.item_key)
        if certificate is None or certificate.status != VALID:
            raise Withdrawn(REVOKED_REASON)
        data = await self.pdf(certificate)
        cohort, course = await self._cohort(certificate.cohort_id)
        _, files_dir = await self.courses.get(cohort.version_id)
        folder = Path(files_dir) / FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{certificate.number}.pdf"
        await asyncio.to_thread(path.write_bytes, data)
        # The message in the learner's own language (the PDF may be in two).
        lang = row.language if row.language in SUPPORTED_LANGUAGES else certificate.languages[0]
        assert lang is not None
        caption = self.translator.get(
            lang, "certificates-caption", course=escape(course.text(course.title, lang)), number=certificate.number
        )
        return CertificateFile(path, f"{certificate.number}.pdf", hashlib.sha256(data).hexdigest(), caption)

    async def _dates(self, cohort: Cohort, course: Course) -> tuple[date, date]:
        """The cohort's first and last course day (a shifted calendar moves the end)."""
        days = [lesson.day for lesson in course.lessons]
        if course.questionnaire is not None:
            days.append(course.questionnaire.day)
        shift = await self.shifts.shift_days(cohort.id)
        return cohort.start_date, cohort.start_date + timedelta(days=max(days, default=1) - 1 + shift)

    def _organization(self, course: Course, lang: str) -> str:
        spec = course.certificate
        if spec is not None and spec.organization is not None:
            return course.text(spec.organization, lang)
        return self.translator.get(lang, "certificates-pdf-organization")


async def _default_username() -> str:
    return DEFAULT_USERNAME


def _read(folder: Path, name: str) -> bytes | None:
    try:
        return (folder / name).read_bytes()
    except OSError:
        log.warning("certificate image %s is missing from %s; the certificate goes without it", name, folder)
        return None
