"""Inline and reply keyboards, labelled through Fluent in the person's language."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Literal, TypeVar

from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Localizer, Translator
from bot.people import access, regions
from bot.people import registration as form
from bot.people.model import PROFILE_FIELDS, Cohort, Learner
from bot.people.registration import Step
from bot.telegram.callbacks import (
    BroadcastCb,
    CohortAdminCb,
    CohortCb,
    CompletionCb,
    CourseCb,
    DraftCb,
    FormCb,
    GroupReviewCb,
    HomeworkCb,
    LanguageCb,
    NewCohortAction,
    NewCohortCb,
    ProfileCb,
    ReportCb,
    ReviewCb,
    RoleCb,
    SurveyAction,
    SurveyCb,
)
from bot.text.buttons import BUTTON_LIMIT, fitted_label, shorten

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
    builder.button(text=l10n("button-mydata"), callback_data=ProfileCb(action="mydata"))
    builder.button(text=l10n("button-delete-data"), callback_data=ProfileCb(action="delete"))
    builder.adjust(2, 2, 2, 1, 1, 1)
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


def pager_row(
    l10n: Localizer, page: int, pages: int, data: Callable[[int], CallbackData]
) -> list[InlineKeyboardButton]:
    """Previous and Next under a paged list (from the first page, Previous goes round to the last).

    ``data(page)`` is the button's callback data for the page it opens (from 0).
    """
    return [
        InlineKeyboardButton(text=l10n("button-previous"), callback_data=data((page - 1) % pages).pack()),
        InlineKeyboardButton(text=l10n("button-next"), callback_data=data((page + 1) % pages).pack()),
    ]


def one_per_row(buttons: Iterable[tuple[str, CallbackData]]) -> InlineKeyboardMarkup:
    """A column of buttons, one (label, callback data) per row."""
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=text, callback_data=data.pack())] for text, data in buttons]
    )


# Cohorts (staff)


def cohort_list_keyboard(l10n: Localizer, cohorts: Sequence[Cohort], *, can_create: bool) -> InlineKeyboardMarkup:
    buttons: list[tuple[str, CallbackData]] = [
        (
            fitted_label(l10n, "cohort-list-button", "name", name=cohort.name, learners=cohort.active_learners),
            CohortCb(action="card", cohort_id=cohort.id),
        )
        for cohort in cohorts
    ]
    if can_create:
        buttons.append((l10n("cohort-button-new"), CohortAdminCb(action="new")))
    return one_per_row(buttons)


def cohort_card_keyboard(l10n: Localizer, cohort: Cohort, roles: frozenset[str]) -> InlineKeyboardMarkup:
    """Looking for everyone who may see the cohort; changing it for organizers."""
    builder = InlineKeyboardBuilder()
    builder.button(text=l10n("cohort-button-invite"), callback_data=CohortCb(action="invite", cohort_id=cohort.id))
    builder.button(text=l10n("cohort-button-learners"), callback_data=CohortCb(action="learners", cohort_id=cohort.id))
    if access.allowed(roles, access.ORGANIZER):
        toggle: Literal["close", "reopen"] = "close" if cohort.enrolment_open else "reopen"
        builder.button(
            text=l10n(f"cohort-button-{toggle}"), callback_data=CohortAdminCb(action=toggle, cohort_id=cohort.id)
        )
        builder.button(
            text=l10n("cohort-button-remove"), callback_data=CohortAdminCb(action="remove", cohort_id=cohort.id)
        )
        builder.button(
            text=l10n("cohort-button-curator"), callback_data=CohortAdminCb(action="curator", cohort_id=cohort.id)
        )
        if cohort.status != "finished":
            builder.button(
                text=l10n("broadcast-button-cohort"), callback_data=BroadcastCb(action="cohort", cohort_id=cohort.id)
            )
            builder.button(
                text=l10n("completion-button-finish"),
                callback_data=CompletionCb(action="finish", cohort_id=cohort.id),
            )
    builder.button(
        text=l10n("completion-button-results"), callback_data=CompletionCb(action="results", cohort_id=cohort.id)
    )
    builder.button(text=l10n("reports-button-stats"), callback_data=ReportCb(action="stats", cohort_id=cohort.id))
    builder.button(text=l10n("reports-button-export"), callback_data=ReportCb(action="export", cohort_id=cohort.id))
    builder.button(text=l10n("cohort-button-all"), callback_data=CohortCb(action="list"))
    builder.adjust(2)
    return builder.as_markup()


def report_cohorts_keyboard(
    l10n: Localizer,
    cohorts: Sequence[Cohort],
    action: Literal["stats", "export"],
    courses: Sequence[tuple[int, str]] = (),
) -> InlineKeyboardMarkup:
    """A button per cohort for /stats or /export; for /stats, one more per course whose cohorts
    (two or more of them) can be seen added up (``courses``: id and title)."""
    buttons: list[tuple[str, CallbackData]] = [
        (
            fitted_label(l10n, "cohort-list-button", "name", name=cohort.name, learners=cohort.active_learners),
            ReportCb(action=action, cohort_id=cohort.id),
        )
        for cohort in cohorts
    ]
    buttons += [
        (fitted_label(l10n, "reports-button-course", "title", title=title), ReportCb(action="course", course_id=cid))
        for cid, title in courses
    ]
    return one_per_row(buttons)


def cohort_learners_keyboard(l10n: Localizer, cohort_id: int, page: int, pages: int) -> InlineKeyboardMarkup | None:
    """Arrows under a page of the learners list. They carry the page they open plus one: 0 in
    the callback means "a fresh list", sent as a new message; turning a page edits it in place."""
    if pages < 2:
        return None
    row = pager_row(l10n, page, pages, lambda to: CohortCb(action="learners", cohort_id=cohort_id, page=to + 1))
    return InlineKeyboardMarkup(inline_keyboard=[row])


def remove_learner_keyboard(
    l10n: Localizer, cohort_id: int, shown: Sequence[Learner], page: int, pages: int
) -> InlineKeyboardMarkup:
    """A button per learner on this page, and arrows (page plus one, as for the learners list)."""
    rows = [
        [
            InlineKeyboardButton(
                text=fitted_label(
                    l10n,
                    "cohort-remove-person",
                    "library",
                    name=p.full_name or str(p.user_id),
                    library=p.library or "—",
                ),
                callback_data=CohortAdminCb(action="remove-ask", cohort_id=cohort_id, user_id=p.user_id).pack(),
            )
        ]
        for p in shown
    ]
    if pages > 1:
        rows.append(
            pager_row(l10n, page, pages, lambda to: CohortAdminCb(action="remove", cohort_id=cohort_id, page=to + 1))
        )
    return InlineKeyboardMarkup(inline_keyboard=rows)


def remove_confirm_keyboard(l10n: Localizer, cohort_id: int, user_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=l10n("cohort-remove-yes"),
        callback_data=CohortAdminCb(action="remove-yes", cohort_id=cohort_id, user_id=user_id),
    )
    builder.button(text=l10n("cohort-remove-no"), callback_data=CohortCb(action="card", cohort_id=cohort_id))
    return builder.as_markup()


def curator_candidates_keyboard(cohort_id: int, candidates: Sequence[tuple[int, str | None]]) -> InlineKeyboardMarkup:
    return one_per_row(
        (name or str(uid), CohortAdminCb(action="curator-add", cohort_id=cohort_id, user_id=uid))
        for uid, name in candidates
    )


def new_cohort_keyboard(
    l10n: Localizer, step: str, choices: Sequence[tuple[str, NewCohortAction, str]]
) -> InlineKeyboardMarkup:
    """A /newcohort question: its choices (label, action, value), one per row, then Cancel."""
    buttons: list[tuple[str, CallbackData]] = [
        (text, NewCohortCb(step=step, action=action, value=value)) for text, action, value in choices
    ]
    buttons.append((l10n("button-cancel"), NewCohortCb(step=step, action="cancel")))
    return one_per_row(buttons)


# Roles (owners)


def revoke_keyboard(l10n: Localizer, holders: Sequence[tuple[int, str, str | None]]) -> InlineKeyboardMarkup:
    return one_per_row(
        (
            fitted_label(
                l10n, "roles-revoke-button", "name", name=full_name or str(user_id), role=l10n(f"role-{role}")
            ),
            RoleCb(action="revoke", user_id=user_id, role=role),
        )
        for user_id, role, full_name in holders
    )


def grant_keyboard(l10n: Localizer, user_id: int, roles: Iterable[str]) -> InlineKeyboardMarkup:
    return one_per_row((l10n(f"role-{role}"), RoleCb(action="grant", user_id=user_id, role=role)) for role in roles)


# A learner's courses


def my_courses_keyboard(
    l10n: Localizer,
    entries: Sequence[tuple[int, str, bool]],
    open_homework: Sequence[tuple[int, int]] = (),
    certified: Sequence[int] = (),
) -> InlineKeyboardMarkup:
    """Per course (cohort id, title, whether lessons were given): "send again" and "leave";
    first, "Hand in" for each (cohort id, lesson number) whose homework may be handed in now;
    "🎓 Certificate" for each cohort in ``certified`` (the learner holds a valid one)."""
    buttons: list[tuple[str, CallbackData]] = [
        (
            l10n("homework-button-hand-in-lesson", number=lesson),
            HomeworkCb(action="open", cohort_id=cohort, lesson=lesson),
        )
        for cohort, lesson in open_homework
    ]
    for cohort_id, title, _ in entries:
        if cohort_id in certified:
            buttons.append(
                (
                    fitted_label(l10n, "certificates-button", "title", title=title),
                    CourseCb(action="certificate", cohort_id=cohort_id),
                )
            )
    for cohort_id, title, given in entries:
        if given:
            buttons.append(
                (
                    fitted_label(l10n, "courses-again-button", "title", title=title),
                    CourseCb(action="again", cohort_id=cohort_id),
                )
            )
        buttons.append(
            (
                fitted_label(l10n, "courses-leave-button", "title", title=title),
                CourseCb(action="leave", cohort_id=cohort_id),
            )
        )
    return one_per_row(buttons)


def lessons_again_keyboard(l10n: Localizer, cohort_id: int, lessons: Sequence[tuple[int, str]]) -> InlineKeyboardMarkup:
    return one_per_row(
        (
            fitted_label(l10n, "courses-again-lesson", "title", number=number, title=title),
            CourseCb(action="again-lesson", cohort_id=cohort_id, lesson=number),
        )
        for number, title in lessons
    )


def leave_confirm_keyboard(l10n: Localizer, cohort_id: int) -> InlineKeyboardMarkup:
    return one_per_row(
        [
            (l10n("courses-leave-yes"), CourseCb(action="leave-yes", cohort_id=cohort_id)),
            (l10n("courses-leave-no"), CourseCb(action="leave-no", cohort_id=cohort_id)),
        ]
    )


# Questionnaire and self-assessment (learners)


def survey_step_keyboard(
    l10n: Localizer,
    form: Literal["q", "b"],
    cohort_id: int,
    position: int,
    kind: str,
    options: Sequence[str],
    chosen: object,
    *,
    optional: bool,
) -> InlineKeyboardMarkup:
    """The buttons of one item: the scale as one row of 1-5, a single choice as one button per
    option, a multiple choice as ✅ toggles and Done; then Skip (optional items) and Back.

    ``options`` are the option labels, already fitted; ``chosen`` is the answer given so far
    (marked, so that Back shows what the person had answered).
    """

    def data(action: SurveyAction, value: int = 0) -> str:
        return SurveyCb(action=action, form=form, cohort_id=cohort_id, step=position, value=value).pack()

    rows: list[list[InlineKeyboardButton]] = []
    if kind == "scale":
        rows.append(
            [
                InlineKeyboardButton(
                    text=f"✅{point}" if chosen == point else str(point), callback_data=data("pick", point)
                )
                for point in range(1, 6)
            ]
        )
    elif kind == "single":
        rows.extend(
            [InlineKeyboardButton(text=("✅ " if chosen == i else "") + label, callback_data=data("pick", i))]
            for i, label in enumerate(options)
        )
    elif kind == "multiple":
        picked = chosen if isinstance(chosen, list) else []
        rows.extend(
            [InlineKeyboardButton(text=("✅ " if i in picked else "▫️ ") + label, callback_data=data("toggle", i))]
            for i, label in enumerate(options)
        )
        rows.append([InlineKeyboardButton(text=l10n("surveys-button-done"), callback_data=data("done"))])
    last: list[InlineKeyboardButton] = []
    if position > 0:
        last.append(InlineKeyboardButton(text=l10n("button-back"), callback_data=data("back")))
    if optional:
        last.append(InlineKeyboardButton(text=l10n("surveys-button-skip"), callback_data=data("skip")))
    if last:
        rows.append(last)
    return InlineKeyboardMarkup(inline_keyboard=rows)


def survey_check_keyboard(
    l10n: Localizer, form: Literal["q", "b"], cohort_id: int, position: int
) -> InlineKeyboardMarkup:
    def data(action: SurveyAction) -> str:
        return SurveyCb(action=action, form=form, cohort_id=cohort_id, step=position).pack()

    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=l10n("surveys-button-send"), callback_data=data("send"))],
            [InlineKeyboardButton(text=l10n("button-back"), callback_data=data("back"))],
        ]
    )


def survey_open_keyboard(l10n: Localizer, form: Literal["q", "b"], cohort_id: int) -> InlineKeyboardMarkup:
    """Fill in (the questionnaire) or Rate myself (the self-assessment before)."""
    label = "surveys-button-fill-in" if form == "q" else "surveys-button-rate-myself"
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=l10n(label), callback_data=SurveyCb(action="open", form=form, cohort_id=cohort_id).pack()
                )
            ]
        ]
    )


# Homework


def hand_in_keyboard(l10n: Localizer, cohort_id: int, lesson: int) -> InlineKeyboardMarkup:
    return one_per_row(
        [(l10n("homework-button-hand-in"), HomeworkCb(action="open", cohort_id=cohort_id, lesson=lesson))]
    )


def draft_keyboard(l10n: Localizer, submission_id: int) -> InlineKeyboardMarkup:
    return one_per_row(
        [
            (l10n("homework-button-send"), DraftCb(action="send", submission_id=submission_id)),
            (l10n("homework-button-start-over"), DraftCb(action="over", submission_id=submission_id)),
        ]
    )


def open_homework_keyboard(l10n: Localizer, entries: Sequence[tuple[int, int]]) -> InlineKeyboardMarkup | None:
    """ "Hand in: lesson N" for each (cohort id, lesson number) that may be handed in now."""
    if not entries:
        return None
    return one_per_row(
        (
            l10n("homework-button-hand-in-lesson", number=lesson),
            HomeworkCb(action="open", cohort_id=cohort, lesson=lesson),
        )
        for cohort, lesson in entries
    )


def which_homework_keyboard(l10n: Localizer, entries: Sequence[tuple[int, int, str]]) -> InlineKeyboardMarkup:
    """For something sent outside a draft: (cohort id, lesson number, lesson title) to put it in."""
    return one_per_row(
        (
            fitted_label(l10n, "homework-which-button", "title", number=lesson, title=title),
            HomeworkCb(action="pick", cohort_id=cohort, lesson=lesson),
        )
        for cohort, lesson, title in entries
    )


def review_cohorts_keyboard(l10n: Localizer, entries: Sequence[tuple[int, str, int]]) -> InlineKeyboardMarkup:
    """(cohort id, name, submissions waiting) for the curator to pick."""
    return one_per_row(
        (
            fitted_label(l10n, "review-cohort-button", "name", name=name, count=count),
            ReviewCb(action="cohort", cohort_id=cid),
        )
        for cid, name, count in entries
    )


def review_keyboard(l10n: Localizer, cohort_id: int, submission_id: int) -> InlineKeyboardMarkup:
    return one_per_row(
        [
            (l10n("review-button-accept"), ReviewCb(action="accept", cohort_id=cohort_id, submission_id=submission_id)),
            (l10n("review-button-return"), ReviewCb(action="return", cohort_id=cohort_id, submission_id=submission_id)),
            (l10n("review-button-next"), ReviewCb(action="next", cohort_id=cohort_id, submission_id=submission_id)),
        ]
    )


def review_next_keyboard(l10n: Localizer, cohort_id: int, submission_id: int) -> InlineKeyboardMarkup:
    return one_per_row(
        [(l10n("review-button-next"), ReviewCb(action="next", cohort_id=cohort_id, submission_id=submission_id))]
    )


def group_review_keyboard(l10n: Localizer, submission_id: int) -> InlineKeyboardMarkup:
    """The buttons under a review group's post (bot/homework/render.py writes the same)."""
    builder = InlineKeyboardBuilder()
    builder.button(
        text=l10n("review-button-accept"), callback_data=GroupReviewCb(action="accept", submission_id=submission_id)
    )
    builder.button(
        text=l10n("review-button-return-short"),
        callback_data=GroupReviewCb(action="return", submission_id=submission_id),
    )
    return builder.as_markup()


def group_score_keyboard(l10n: Localizer, submission_id: int, max_score: int) -> InlineKeyboardMarkup:
    """The score for an accepted submission, in the review group: 0..max_score, and Back."""
    builder = InlineKeyboardBuilder()
    for score in range(max_score + 1):
        builder.button(
            text=str(score), callback_data=GroupReviewCb(action="score", submission_id=submission_id, score=score)
        )
    builder.button(text=l10n("button-back"), callback_data=GroupReviewCb(action="back", submission_id=submission_id))
    numbers = max_score + 1
    builder.adjust(*([6] * (numbers // 6) + ([numbers % 6] if numbers % 6 else [])), 1)
    return builder.as_markup()


SCORE_BUTTONS = 10  # up to this max_score every score is a button; above it, the curator types it


def score_keyboard(l10n: Localizer, cohort_id: int, submission_id: int, max_score: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if max_score <= SCORE_BUTTONS:
        for score in range(max_score + 1):
            builder.button(
                text=str(score),
                callback_data=ReviewCb(action="score", cohort_id=cohort_id, submission_id=submission_id, score=score),
            )
    builder.button(text=l10n("button-cancel"), callback_data=ReviewCb(action="cancel", cohort_id=cohort_id))
    numbers = max_score + 1 if max_score <= SCORE_BUTTONS else 0
    rows = [6] * (numbers // 6) + ([numbers % 6] if numbers % 6 else [])
    builder.adjust(*rows, 1)
    return builder.as_markup()


def accept_comment_keyboard(l10n: Localizer, cohort_id: int, submission_id: int) -> InlineKeyboardMarkup:
    return one_per_row(
        [
            (
                l10n("review-button-accept-no-comment"),
                ReviewCb(action="plain", cohort_id=cohort_id, submission_id=submission_id),
            ),
            (l10n("button-cancel"), ReviewCb(action="cancel", cohort_id=cohort_id)),
        ]
    )


def review_cancel_keyboard(l10n: Localizer, cohort_id: int) -> InlineKeyboardMarkup:
    return one_per_row([(l10n("button-cancel"), ReviewCb(action="cancel", cohort_id=cohort_id))])


# Broadcasts (organizers)


def broadcast_cohorts_keyboard(cohorts: Sequence[tuple[str, int]]) -> InlineKeyboardMarkup:
    return one_per_row((label, BroadcastCb(action="cohort", cohort_id=cohort_id)) for label, cohort_id in cohorts)


def broadcast_audience_keyboard(
    l10n: Localizer, cohort_id: int, *, can_write: bool, filters: Sequence[tuple[str, str]] = ()
) -> InlineKeyboardMarkup:
    """Region, rural / urban, the filters other features add ((label, key), only those with
    choices in this cohort), Write, Cancel."""
    buttons: list[tuple[str, CallbackData]] = [
        (l10n("broadcast-button-region"), BroadcastCb(action="region", cohort_id=cohort_id)),
        (l10n("broadcast-button-settlement"), BroadcastCb(action="settlement", cohort_id=cohort_id)),
    ]
    buttons += [(label, BroadcastCb(action="filter", cohort_id=cohort_id, value=key)) for label, key in filters]
    if can_write:
        buttons.append((l10n("broadcast-button-write"), BroadcastCb(action="write", cohort_id=cohort_id)))
    buttons.append((l10n("button-cancel"), BroadcastCb(action="cancel", cohort_id=cohort_id)))
    return one_per_row(buttons)


def broadcast_regions_keyboard(
    l10n: Localizer, cohort_id: int, found: Sequence[tuple[str, int]]
) -> InlineKeyboardMarkup:
    """The regions the cohort's learners come from, most learners first, and "all regions"."""
    buttons: list[tuple[str, CallbackData]] = [
        (l10n("broadcast-region-all"), BroadcastCb(action="region-set", cohort_id=cohort_id))
    ]
    for code, count in found:
        name = l10n(regions.message_id(code)) if code in regions.ALL else code
        label = fitted_label(l10n, "broadcast-region-choice", "region", region=name, count=count)
        buttons.append((label, BroadcastCb(action="region-set", cohort_id=cohort_id, value=code)))
    buttons.append((l10n("button-back"), BroadcastCb(action="audience", cohort_id=cohort_id)))
    return one_per_row(buttons)


def broadcast_filter_keyboard(
    l10n: Localizer, cohort_id: int, key: str, choices: Sequence[tuple[str, str]]
) -> InlineKeyboardMarkup:
    """One filter's choices ((label, value)), "anyone" (the filter off), and Back."""
    buttons: list[tuple[str, CallbackData]] = [
        (label, BroadcastCb(action="filter-set", cohort_id=cohort_id, value=f"{key}={value}"))
        for label, value in choices
    ]
    buttons.append(
        (l10n("broadcast-filter-off"), BroadcastCb(action="filter-set", cohort_id=cohort_id, value=f"{key}="))
    )
    buttons.append((l10n("button-back"), BroadcastCb(action="audience", cohort_id=cohort_id)))
    return one_per_row(buttons)


def broadcast_confirm_keyboard(l10n: Localizer, cohort_id: int, count: int) -> InlineKeyboardMarkup:
    return one_per_row(
        [
            (l10n("broadcast-button-send", count=count), BroadcastCb(action="send", cohort_id=cohort_id)),
            (l10n("broadcast-button-rewrite"), BroadcastCb(action="rewrite", cohort_id=cohort_id)),
            (l10n("broadcast-button-audience"), BroadcastCb(action="audience", cohort_id=cohort_id)),
            (l10n("button-cancel"), BroadcastCb(action="cancel", cohort_id=cohort_id)),
        ]
    )


def broadcast_message_keyboard(l10n: Localizer, cohort_id: int) -> InlineKeyboardMarkup:
    return one_per_row(
        [
            (l10n("broadcast-button-audience"), BroadcastCb(action="audience", cohort_id=cohort_id)),
            (l10n("button-cancel"), BroadcastCb(action="cancel", cohort_id=cohort_id)),
        ]
    )


def broadcast_stop_keyboard(l10n: Localizer, broadcast_id: int) -> InlineKeyboardMarkup:
    return one_per_row([(l10n("broadcast-button-stop"), BroadcastCb(action="stop", broadcast_id=broadcast_id))])


# Completion (staff)


def finish_confirm_keyboard(l10n: Localizer, cohort_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=l10n("completion-button-finish-yes"),
                    callback_data=CompletionCb(action="finish-yes", cohort_id=cohort_id).pack(),
                ),
                InlineKeyboardButton(
                    text=l10n("completion-button-finish-no"),
                    callback_data=CompletionCb(action="finish-no", cohort_id=cohort_id).pack(),
                ),
            ]
        ]
    )


def results_cohorts_keyboard(cohorts: Sequence[Cohort]) -> InlineKeyboardMarkup:
    """/results with several cohorts: one button each."""
    return one_per_row((shorten(c.name, BUTTON_LIMIT), CompletionCb(action="results", cohort_id=c.id)) for c in cohorts)
