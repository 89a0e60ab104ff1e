"""The certificate vocabulary: numbers, statuses, the stored certificate and what verification
shows. Nothing here knows SQL or aiogram."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

VALID, REVOKED, REPLACED = "valid", "revoked", "replaced"
Status = Literal["valid", "revoked", "replaced"]
ERASED = "erased"  # the reason of a certificate whose holder had their personal data deleted

# No 0/O and no 1/I: a number read aloud over the phone or typed from paper cannot be misread.
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
PREFIX = "OQU"
GROUP = 4
# 8 random characters of 32: 2^40 numbers a year, so guessing one takes about 10^11 tries
# (and /verify lets a person make 5 wrong ones per 10 minutes).
_NUMBER = re.compile(rf"^{PREFIX}-\d{{4}}-[{ALPHABET}]{{{GROUP}}}-[{ALPHABET}]{{{GROUP}}}$")
MAX_NUMBER_LENGTH = 40  # what a person may type before we even look at it
VERIFY_PAYLOAD = "v_"  # the deep link: https://t.me/<bot>?start=v_<number>


def new_number(year: int) -> str:
    """``OQU-2026-7KQ4-MX2P``: the year, then 8 characters from the ``secrets`` module."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(2 * GROUP))
    return f"{PREFIX}-{year:04d}-{chars[:GROUP]}-{chars[GROUP:]}"


def normalize_number(text: str | None) -> str | None:
    """A number as a person typed it (lower case, spaces, O for 0 is not guessed), or None if it
    cannot be one. Only what this returns ever reaches SQL."""
    value = (text or "").strip()
    if not value or len(value) > MAX_NUMBER_LENGTH:
        return None
    value = value.upper().replace(" ", "").replace("_", "-").replace("–", "-").replace("—", "-")
    return value if _NUMBER.match(value) else None


def verify_link(bot_username: str, number: str) -> str:
    return f"https://t.me/{bot_username}?start={VERIFY_PAYLOAD}{number}"


def number_from_payload(payload: str | None) -> str | None:
    """The number of a verification deep link's start payload (``v_OQU-...``), or None."""
    if not payload or not payload.startswith(VERIFY_PAYLOAD):
        return None
    return normalize_number(payload[len(VERIFY_PAYLOAD) :])


@dataclass(frozen=True)
class Certificate:
    id: int
    number: str
    cohort_id: int
    user_id: int
    languages: tuple[str, ...]  # one, or two side by side
    full_name: str  # as printed: the registered name when it was issued
    hours: float
    issued_at: datetime  # UTC
    issued_by: int | None  # None: issued by the bot on completion
    status: Status
    reason: str | None = None  # why it was revoked
    replaced_by: str | None = None  # the number that replaced it

    @property
    def valid(self) -> bool:
        return self.status == VALID


@dataclass(frozen=True)
class Verification:
    """What anyone who checks a number is shown."""

    number: str
    status: Status
    full_name: str
    course_title: str
    hours: float
    issued_on: date  # in the cohort's time zone
    issuer: str
    reason: str | None
    replaced_by: str | None


@dataclass(frozen=True)
class Page:
    """Everything printed on one certificate, in its language(s): the texts are ready to print."""

    languages: tuple[str, ...]
    full_name: str
    course_title: dict[str, str]  # language -> the course's title
    hours: dict[str, str]  # language -> "24 академиялық сағат"
    dates: dict[str, str]  # language -> the cohort's dates
    organization: dict[str, str]
    signatory_name: dict[str, str]
    signatory_title: dict[str, str]
    issued: dict[str, str]  # language -> "Берілген күні: 2026 ж. 15 сәуір"
    words: dict[str, dict[str, str]]  # language -> the fixed words (title, "is awarded to", ...)
    number: str
    link: str
    logo: bytes | None = None
    signature: bytes | None = None
    issued_at: datetime | None = None  # the PDF's creation date: the same PDF every time


@dataclass(frozen=True)
class Missing:
    """One thing a learner still has to do before the certificate (``CompletionStanding``)."""

    kind: Literal["homework", "quiz", "questionnaire"]
    lesson: int = 0  # homework: the lesson's number
    percent: int = 0  # quiz: where the learner stands ...
    pass_mark: int = 0  # ... and what is asked


@dataclass(frozen=True)
class CertificateFile:
    """A rendered certificate, ready for the sender: the delivery row's detail."""

    path: Path
    name: str  # the file name the learner sees
    sha256: str
    caption: str  # Telegram HTML
