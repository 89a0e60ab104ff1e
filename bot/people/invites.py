"""Invite links and their QR codes, for a slide or a printed poster."""

from __future__ import annotations

import io

import segno


def invite_link(bot_username: str, payload: str) -> str:
    return f"https://t.me/{bot_username}?start={payload}"


def qr_png(link: str) -> bytes:
    """A PNG QR code, large enough to scan from a projected slide at the back of a hall."""
    buffer = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buffer, kind="png", scale=12, border=4)
    return buffer.getvalue()
