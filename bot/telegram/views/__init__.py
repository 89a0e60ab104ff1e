"""What every feature's handlers repeat, written once: asking a question with its buttons,
taking buttons away, editing a list in place, splitting a long text; plus the views of the
features that more than one router shows (the registration form, the profile card, enrolment,
a cohort's card). Keyboards live in bot.telegram.keyboards."""

from bot.telegram.views.common import (
    MESSAGE_BUDGET,
    QUESTION_MESSAGE,
    ask_question,
    drop_buttons,
    send_or_edit,
    split_text,
)

__all__ = ["MESSAGE_BUDGET", "QUESTION_MESSAGE", "ask_question", "drop_buttons", "send_or_edit", "split_text"]
