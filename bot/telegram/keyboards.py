"""Inline and reply keyboards, labelled through Fluent in the person's language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Localizer, Translator
from bot.people import regions
from bot.people import registration as form
from bot.people.model import PROFILE_FIELDS
from bot.people.registration import Step
from bot.telegram.callbacks import FormCb, LanguageCb, ProfileCb

# Each language is named in its own words, whatever the current interface language is.
LANGUAGE_BUTTONS = (("kk", "language-name-kk"), ("ru", "language-name-ru"), ("en", "language-name-en"))


def language_keyboard(translator: Translator, origin: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code, key in LANGUAGE_BUTTONS:
        builder.button(text=translator.get(code, key), callback_data=LanguageCb(code=code, origin=origin))
    builder.adjust(3)
    return builder.as_markup()


def consent_keyboard(l10n: Localizer) -> InlineKeyboardMarkup:
    step = "consent"
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=l10n("button-consent-yes"), callback_data=FormCb(step=step, action="consent-yes").pack()
                )
            ],
            [
                InlineKeyboardButton(
                    text=l10n("button-consent-no"), callback_data=FormCb(step=step, action="consent-no").pack()
                )
            ],
        ]
    )


def _navigation_row(l10n: Localizer, step: str, *, back: bool = True) -> list[InlineKeyboardButton]:
    row = []
    if back:
        row.append(
            InlineKeyboardButton(text=l10n("button-back"), callback_data=FormCb(step=step, action="back").pack())
        )
    row.append(
        InlineKeyboardButton(text=l10n("button-cancel"), callback_data=FormCb(step=step, action="cancel").pack())
    )
    return row


def question_keyboard(l10n: Localizer, step: Step, *, editing: bool = False) -> InlineKeyboardMarkup:
    """The buttons under a form question: its choices, if any, then Back and Cancel.

    In the profile editor (``editing``) there is no Back: Cancel leaves the profile unchanged.
    """
    rows: list[list[InlineKeyboardButton]] = []
    if step in form.BUTTON_STEPS:
        values: Sequence[str] = form.choices_for(step)
        if step is Step.REGION:
            values = regions.in_alphabetical_order(l10n.locale, lambda code: l10n(regions.message_id(code)), values)
        choices = [
            InlineKeyboardButton(
                text=l10n(form.choice_message_id(step, value)),
                callback_data=FormCb(step=step, action="pick", value=value).pack(),
            )
            for value in values
        ]
        width = 2
        rows.extend(choices[i : i + width] for i in range(0, len(choices), width))
    rows.append(_navigation_row(l10n, step, back=not editing))
    return InlineKeyboardMarkup(inline_keyboard=rows)


def confirm_keyboard(l10n: Localizer) -> InlineKeyboardMarkup:
    """Save, or change any one answer and come straight back here."""
    step = Step.CONFIRM
    builder = InlineKeyboardBuilder()
    builder.button(text=l10n("button-save"), callback_data=FormCb(step=step, action="save"))
    for field in PROFILE_FIELDS:
        builder.button(text=l10n(f"button-edit-{field}"), callback_data=FormCb(step=step, action="change", value=field))
    builder.adjust(1, 2, 2, 2)
    builder.row(*_navigation_row(l10n, step))
    return builder.as_markup()


def restart_registration_keyboard(l10n: Localizer) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=l10n("button-register"), callback_data=ProfileCb(action="register").pack())]
        ]
    )


def profile_keyboard(l10n: Localizer) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for field in PROFILE_FIELDS:
        builder.button(text=l10n(f"button-edit-{field}"), callback_data=ProfileCb(action="edit", field=field))
    builder.button(text=l10n("button-language"), callback_data=ProfileCb(action="language"))
    builder.button(text=l10n("button-delete-data"), callback_data=ProfileCb(action="delete"))
    builder.adjust(2, 2, 2, 1, 1)
    return builder.as_markup()


def delete_confirm_keyboard(l10n: Localizer) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=l10n("button-delete-yes"), callback_data=ProfileCb(action="delete-yes").pack())],
            [InlineKeyboardButton(text=l10n("button-delete-no"), callback_data=ProfileCb(action="delete-no").pack())],
        ]
    )


def main_menu(l10n: Localizer) -> ReplyKeyboardMarkup:
    """The always-visible buttons, so nobody has to remember a command."""
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=l10n("menu-courses")), KeyboardButton(text=l10n("menu-profile"))],
            [KeyboardButton(text=l10n("menu-language")), KeyboardButton(text=l10n("menu-help"))],
        ],
        resize_keyboard=True,
        is_persistent=True,
    )


T = TypeVar("T")


def page_of(items: Sequence[T], page: int, size: int) -> tuple[Sequence[T], int, int]:
    """The items on ``page`` (from 0, clamped to the pages there are), that page, and how many
    pages there are (at least one, even for no items)."""
    pages = max(1, -(-len(items) // size))
    page = min(max(page, 0), pages - 1)
    return items[page * size : (page + 1) * size], page, pages
