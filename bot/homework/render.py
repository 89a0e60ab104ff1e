"""Homework in words, without Telegram: the curator's header of a submission, and the post a
cohort's review group gets (header, parts re-sent by ``file_id``, the decision buttons) as the
messages the delivery sender sends.

The handlers' views (bot/telegram/views/homework.py) show the same header in a private chat; the
review group's post is a delivery row, so it is rendered here, in the language of the organizer
who bound the group.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from zoneinfo import ZoneInfo

from bot.delivery.outgoing import AlbumItem, Button, KnownFile, OutMessage
from bot.homework.model import ACCEPTED, FILE_KINDS, HomeworkContext, Part, QueuedSubmission, Review, ReviewPost
from bot.i18n import Localizer
from bot.text import dates

MESSAGE_BUDGET = 3800  # a learner's text in one message, under 4096 with room for the bot's words
MAX_CAPTION = 1024
GROUP_PREFIX = "rg"  # bot/telegram/callbacks.py: GroupReviewCb(action=..., submission_id=...)


def group_callback(action: str, submission_id: int, score: int = 0) -> str:
    """The data of a review group's decision button (``GroupReviewCb`` packs the same)."""
    return f"{GROUP_PREFIX}:{action}:{submission_id}:{score}"


def deadline_label(l10n: Localizer, context: HomeworkContext) -> str:
    return dates.moment_label(l10n.locale, context.deadline.astimezone(ZoneInfo(context.timezone)))


def lesson_title(l10n: Localizer, context: HomeworkContext) -> str:
    lesson = context.course.lessons[context.lesson_number - 1]
    return escape(context.course.text(lesson.title, l10n.locale))


def review_header(l10n: Localizer, entry: QueuedSubmission, context: HomeworkContext, parts: int) -> str:
    submission, learner = entry.submission, entry.learner
    unknown = l10n("review-unknown")
    tz = ZoneInfo(context.timezone)
    assert submission.submitted_at is not None
    text = l10n(
        "review-header",
        lesson=context.lesson_number,
        title=lesson_title(l10n, context),
        name=escape(learner.full_name or unknown),
        library=escape(learner.library or unknown),
        district=escape(learner.district or unknown),
        when=dates.moment_label(l10n.locale, submission.submitted_at.astimezone(tz)),
        version=submission.version,
        count=parts,
    )
    if submission.late:
        text += "\n" + l10n("review-late", deadline=deadline_label(l10n, context))
    return text


def chunks(text: str, size: int = MESSAGE_BUDGET) -> list[str]:
    """A learner's long text in pieces that fit a message (at line breaks where possible)."""
    pieces: list[str] = []
    while len(text) > size:
        cut = text.rfind("\n", 0, size)
        cut = cut if cut > size // 2 else size
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n")
    if text or not pieces:
        pieces.append(text)
    return pieces


ALBUM_KINDS = ("photo", "video", "document", "audio")  # what Telegram lets in an album
ALBUM_MAX = 10


def _album_family(kind: str) -> str:
    """Which parts Telegram lets share an album: photos with videos; documents; audio."""
    return "visual" if kind in ("photo", "video") else kind


def _caption(part: Part) -> str:
    return escape((part.text or "")[: MAX_CAPTION // 2])  # escaping may lengthen it: room is left


def part_messages(l10n: Localizer, part: Part) -> list[OutMessage]:
    """One part as the sender sends it: a text (split when long), or the file by its ``file_id``
    with the learner's caption (escaped: the sender writes HTML)."""
    if part.kind in ("text", "link"):
        key = "review-part-link" if part.kind == "link" else "review-part-text"
        return [OutMessage(l10n(key, text=escape(chunk))) for chunk in chunks(part.text or "")]
    if part.kind not in FILE_KINDS or part.file_id is None:
        return []
    return [OutMessage(_caption(part), known=KnownFile(part.kind, part.file_id))]  # type: ignore[arg-type]


def parts_messages(l10n: Localizer, parts: Sequence[Part]) -> list[OutMessage]:
    """The parts as the learner sent them: texts as messages (long ones split), files by their
    ``file_id`` with their captions, an album again as one album (one request, not ten)."""
    messages: list[OutMessage] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        group = [part]
        if part.media_group_id is not None and part.kind in ALBUM_KINDS and part.file_id:
            while index + len(group) < len(parts) and len(group) < ALBUM_MAX:
                following = parts[index + len(group)]
                if (
                    following.media_group_id != part.media_group_id
                    or following.kind not in ALBUM_KINDS
                    or not following.file_id
                    or _album_family(following.kind) != _album_family(part.kind)
                ):
                    break
                group.append(following)
        if len(group) > 1:
            album = tuple(AlbumItem(KnownFile(p.kind, p.file_id or ""), _caption(p)) for p in group)  # type: ignore[arg-type]
            messages.append(OutMessage("", album=album))
        else:
            messages.extend(part_messages(l10n, part))
        index += len(group)
    return messages


def review_messages(
    l10n: Localizer,
    entry: QueuedSubmission,
    context: HomeworkContext,
    parts: Sequence[Part],
    controls: str,
    buttons: tuple[tuple[Button, ...], ...],
) -> tuple[OutMessage, ...]:
    """A submission for a curator (a private chat's review, a review group's post): the header,
    the parts, and a last line ``controls`` carrying the decision ``buttons``."""
    header = OutMessage(review_header(l10n, entry, context, len(parts)))
    return (header, *parts_messages(l10n, parts), OutMessage(controls, buttons=buttons))


def group_post_messages(l10n: Localizer, post: ReviewPost) -> tuple[OutMessage, ...]:
    """The review group's post: the header, the parts (an album as one album), and the buttons
    under a last line. Its lane in the sender keeps the group's 20 messages a minute."""
    submission = post.entry.submission
    buttons = (
        (
            Button(l10n("review-button-accept"), callback_data=group_callback("accept", submission.id)),
            Button(l10n("review-button-return-short"), callback_data=group_callback("return", submission.id)),
        ),
    )
    return review_messages(l10n, post.entry, post.context, post.parts, l10n("review-group-controls"), buttons)


def decision_line(l10n: Localizer, review: Review, max_score: int | None, learner: str) -> str:
    """What the review group's post says once decided: who decided what (and the comment)."""
    who = escape(review.reviewer_name or l10n("review-someone"))
    score = ""
    if review.score is not None and max_score is not None:
        score = l10n("review-score-suffix", score=review.score, max=max_score)
    key = "review-group-accepted" if review.decision == ACCEPTED else "review-group-returned"
    text = l10n(key, curator=who, name=escape(learner), score=score)
    if review.comment:
        text += "\n" + l10n("homework-result-comment", comment=escape(review.comment))
    return text
