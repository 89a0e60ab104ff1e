"""A course with a ``certificate:`` block (the sample, copied), a cohort and learners, fast."""

from __future__ import annotations

import shutil
import struct
import zlib
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

from storage.db import Database
from tests.auxil.delivery_setup import SAMPLE, add_learners, import_version, make_cohort

CERTIFICATE_BLOCK = """
certificate:
  organization:
    kk: Абай облыстық балалар кітапханасы
    ru: Абайская областная детская библиотека
    en: Abai Regional Children's Library
  signatory:
    name: Сәуле Әбдірахманова
    title:
      kk: Әдістемелік бөлімнің меңгерушісі
      ru: Заведующая методическим отделом
      en: Head of the methodology department
  logo: files/logo.png
  signature: files/signature.png
"""
SIDE_BY_SIDE = CERTIFICATE_BLOCK.replace("certificate:\n", "certificate:\n  languages: [kk, ru]\n")
KAZAKH_NAME = "Әйгерім Нұрғалиқызы Сәрсенбаева"


def png(width: int, height: int, pixel: object) -> bytes:
    """A small RGB PNG, drawn by ``pixel(x, y) -> (r, g, b)``: no imaging library needed."""
    assert callable(pixel)
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    out = BytesIO()
    out.write(b"\x89PNG\r\n\x1a\n")
    out.write(chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return out.getvalue()


def logo() -> bytes:
    """A teal disc with a gold ring: a stand-in for a library's emblem."""

    def pixel(x: int, y: int) -> tuple[int, int, int]:
        d = ((x - 60) ** 2 + (y - 60) ** 2) ** 0.5
        if d < 44:
            return (16, 78, 99)
        if d < 52:
            return (176, 137, 58)
        return (255, 255, 255)

    return png(120, 120, pixel)


def signature() -> bytes:
    """A wavy ink line on white."""
    import math

    def pixel(x: int, y: int) -> tuple[int, int, int]:
        curve = 30 + 14 * math.sin(x / 11) * (1 - x / 400)
        return (20, 40, 110) if abs(y - curve) < 2.2 and 20 < x < 300 else (255, 255, 255)

    return png(320, 60, pixel)


def certificate_course(folder: Path, block: str = CERTIFICATE_BLOCK) -> Path:
    """The sample course with ``block`` added (and its logo and signature pictures)."""
    target = folder / "course"
    shutil.copytree(SAMPLE, target)
    (target / "files" / "logo.png").write_bytes(logo())
    (target / "files" / "signature.png").write_bytes(signature())
    yaml = target / "course.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8") + block, encoding="utf-8")
    return target


async def cohort_with_learners(
    db: Database, folder: Path, user_ids: list[int], now: datetime, *, block: str = CERTIFICATE_BLOCK
) -> int:
    version = await import_version(db, certificate_course(folder, block), folder / "files")
    cohort = await make_cohort(db, version, date(2026, 3, 2), now)
    await add_learners(db, cohort, user_ids, now, languages=("kk", "ru", "en"))
    await db.execute("UPDATE users SET full_name = ? WHERE telegram_id = ?", (KAZAKH_NAME, user_ids[0]))
    return cohort
