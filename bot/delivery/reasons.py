"""Why a message could not be delivered, in words an organizer reads in their own language.

The ``reason`` column keeps what Telegram (or the sender) said, in English ("Bad Request: chat not
found"). A methodologist reading a kk or ru report should not meet that text, so the common reasons
map to a Fluent message; anything else is shown as a generic "other error".
"""

from __future__ import annotations

# (fragment of the lower-cased reason, message id); the first match wins.
_KNOWN = (
    ("blocked", "delivery-reason-blocked"),
    ("deactivated", "delivery-reason-blocked"),
    ("chat not found", "delivery-reason-chat-not-found"),
    ("user not found", "delivery-reason-chat-not-found"),
    ("too long", "delivery-reason-too-long"),
    ("can't parse entities", "delivery-reason-bad-html"),
    ("wrong file", "delivery-reason-file"),
    ("file ", "delivery-reason-file"),
    ("too big", "delivery-reason-file"),
)
OTHER = "delivery-reason-other"


def reason_message_id(reason: str | None) -> str:
    """The ``delivery-reason-*`` message that explains ``reason``."""
    text = (reason or "").lower()
    for fragment, message_id in _KNOWN:
        if fragment in text:
            return message_id
    return OTHER
