"""The /stats charts as PNG, made to be read on a phone.

Each chart is built as a matplotlib ``Figure`` first (tests count its bars), then ``png()`` turns
it into bytes. Figures are made with the object API and the Agg canvas, never pyplot: no display,
no global state, so two organizers' charts can be drawn at once in worker threads.

Phone rules: a square-ish 1080-pixel image, type of 17 points and more, at most about eight bars
(more regions are grouped as "other"), labels wrapped, every bar carries its number. DejaVu Sans,
which ships with matplotlib, has every Kazakh letter.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.i18n import Localizer
from bot.reports.model import HOMEWORK_CATEGORIES, SCORE_BANDS, CohortStats, PlaceCount
from bot.reports.stats import one_decimal, region_label, settlement_label, shorten

MAX_BARS = 8
SCALE_HINT = re.compile(r"\s*\(\s*1\b[^()]*\)\s*$")
FONT = "DejaVu Sans"
SIZE = (7.2, 7.2)  # inches; at DPI, 1080 × 1080 pixels
DPI = 150
TYPE = 17  # points: tick labels and numbers
TITLE = 20
WRAP = 22  # characters per line of a bar's label

COLOURS = {
    "accepted": "#2e7d32",
    "returned": "#ef6c00",
    "waiting": "#1565c0",
    "late": "#8e24aa",
    "missing": "#bdbdbd",
}
MAIN = "#1565c0"
SECOND = "#90caf9"
DONE = "#2e7d32"


@dataclass(frozen=True)
class Chart:
    name: str  # file name without .png
    figure: Figure


def _figure(
    title: str, rows: int = 1, height: float | None = None, ratios: Sequence[float] | None = None
) -> tuple[Figure, list[Axes]]:
    figure = Figure(figsize=(SIZE[0], height or SIZE[1]), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.subplots(rows, 1, squeeze=False, height_ratios=ratios)[:, 0].tolist()
    figure.suptitle(_wrap(title, 34, 2), fontsize=TITLE, fontweight="bold", fontfamily=FONT)
    for ax in axes:
        ax.tick_params(labelsize=TYPE)
        ax.spines[["top", "right"]].set_visible(False)
    return figure, axes


def _wrap(text: str, width: int = WRAP, lines: int = 3) -> str:
    wrapped = textwrap.wrap(text, width) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = shorten(wrapped[-1] + " …", width)
    return "\n".join(wrapped)


def funnel(l10n: Localizer, stats: CohortStats) -> Figure:
    steps = stats.funnel[:MAX_BARS]
    figure, (ax,) = _figure(l10n("reports-chart-funnel"))
    labels = [_wrap(l10n(step.label, **dict(step.args))) for step in steps]
    counts = [step.count for step in steps]
    bars = ax.barh(range(len(steps)), counts, color=MAIN)
    ax.set_yticks(range(len(steps)), labels)
    ax.invert_yaxis()
    ax.bar_label(bars, labels=[str(c) for c in counts], padding=4, fontsize=TYPE)
    ax.set_xlim(0, max([*counts, 1]) * 1.18)
    ax.xaxis.set_visible(False)
    return figure


def homework(l10n: Localizer, stats: CohortStats) -> Figure:
    """One stacked bar per homework (the last MAX_BARS of them)."""
    shown = stats.homework[-MAX_BARS:]
    figure, (ax,) = _figure(l10n("reports-chart-homework"))
    x = list(range(len(shown)))
    bottom = [0] * len(shown)
    for category in HOMEWORK_CATEGORIES:
        values = [bar.counts.get(category, 0) for bar in shown]
        ax.bar(x, values, bottom=bottom, color=COLOURS[category], label=l10n(f"reports-homework-{category}"), width=0.7)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_xticks(x, [l10n("reports-lesson-short", number=bar.lesson) for bar in shown])
    ax.set_ylabel(l10n("reports-axis-learners"), fontsize=TYPE)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=TYPE - 2, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=2, frameon=False)
    return figure


def scores(l10n: Localizer, stats: CohortStats) -> Figure:
    figure, (ax,) = _figure(l10n("reports-chart-quiz"))
    labels = [f"{low}–{high}%" for low, high in SCORE_BANDS]
    bars = ax.bar(range(len(labels)), stats.scores, color=MAIN, width=0.7)
    ax.set_xticks(range(len(labels)), labels)
    ax.bar_label(bars, labels=[str(v) for v in stats.scores], padding=4, fontsize=TYPE)
    ax.set_ylim(0, max([*stats.scores, 1]) * 1.15)
    ax.yaxis.set_visible(False)  # every bar carries its number
    ax.spines["left"].set_visible(False)
    return figure


def questionnaire(l10n: Localizer, stats: CohortStats) -> Figure:
    items = [m for m in stats.questionnaire if m.mean is not None][:MAX_BARS]
    figure, (ax,) = _figure(l10n("reports-chart-questionnaire", responses=stats.questionnaire_responses))
    labels = [_wrap(_without_scale_hint(m.text)) for m in items]
    means = [m.mean or 0.0 for m in items]
    bars = ax.barh(range(len(items)), means, color=MAIN)
    ax.set_yticks(range(len(items)), labels, fontsize=TYPE - 2)
    ax.invert_yaxis()
    labels = [f"{one_decimal(l10n.locale, m.mean or 0)} (n={m.answered})" for m in items]
    ax.bar_label(bars, labels=labels, padding=4, fontsize=TYPE)
    ax.set_xlim(0, 6.4)
    ax.set_xticks([1, 2, 3, 4, 5])
    return figure


def self_assessment(l10n: Localizer, stats: CohortStats) -> Figure:
    """Before and after side by side; four statements at most (eight bars)."""
    items = stats.self_assessment[: MAX_BARS // 2]
    figure, (ax,) = _figure(l10n("reports-chart-self"))
    y = list(range(len(items)))
    before = ax.barh(
        [i - 0.2 for i in y], [s.before or 0 for s in items], height=0.4, color=SECOND, label=l10n("reports-before")
    )
    after = ax.barh(
        [i + 0.2 for i in y], [s.after or 0 for s in items], height=0.4, color=MAIN, label=l10n("reports-after")
    )
    ax.bar_label(before, labels=[_mean(l10n, s.before) for s in items], padding=4, fontsize=TYPE - 1)
    ax.bar_label(after, labels=[_mean(l10n, s.after) for s in items], padding=4, fontsize=TYPE - 1)
    ax.set_yticks(y, [_wrap(s.text) for s in items], fontsize=TYPE - 2)
    ax.invert_yaxis()
    ax.set_xlim(0, 5.9)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.legend(fontsize=TYPE - 2, loc="upper center", bbox_to_anchor=(0.5, -0.06), ncols=2, frameon=False)
    return figure


def _without_scale_hint(text: str) -> str:
    """A scale question without its "(1 = very poor, 5 = excellent)": the axis says 1 to 5."""
    return SCALE_HINT.sub("", text).strip() or text


def _mean(l10n: Localizer, value: float | None) -> str:
    return "—" if value is None else one_decimal(l10n.locale, value)


def group_places(places: Sequence[PlaceCount], key: str, limit: int) -> list[tuple[str | None, int, int | None]]:
    """Learners (and completed) per region or settlement, largest first; beyond ``limit - 1``
    groups the rest is one "other" group (name ``"*"``)."""
    totals: dict[str | None, list[int | None]] = {}
    for p in places:
        name = p.region if key == "region" else p.settlement
        learners, done = totals.setdefault(name, [0, None])
        totals[name] = [
            (learners or 0) + p.learners,
            None if p.completed is None else (done or 0) + p.completed,
        ]
    ranked = sorted(totals.items(), key=lambda kv: (-(kv[1][0] or 0), kv[0] or "~"))
    rows = [(name, value[0] or 0, value[1]) for name, value in ranked]
    if len(rows) > limit:
        rest = rows[limit - 1 :]
        done_rest = None if any(r[2] is None for r in rest) else sum(r[2] or 0 for r in rest)
        rows = [*rows[: limit - 1], ("*", sum(r[1] for r in rest), done_rest)]
    return rows


def places(l10n: Localizer, stats: CohortStats) -> Figure:
    """Learners by region (at most MAX_BARS bars) and by rural / urban, with completion when a
    completion provider is plugged in."""
    by_region = group_places(stats.places, "region", MAX_BARS - 2)
    by_kind = group_places(stats.places, "settlement", 3)
    figure, (top, bottom) = _figure(
        l10n("reports-chart-places"), rows=2, height=9.6, ratios=(len(by_region) + 0.5, len(by_kind) + 0.5)
    )

    def label(name: str | None, kind: str) -> str:
        if name == "*":
            return l10n("reports-other")
        return region_label(l10n, name) if kind == "region" else settlement_label(l10n, name)

    for ax, rows, kind in ((top, by_region, "region"), (bottom, by_kind, "settlement")):
        y = list(range(len(rows)))
        with_done = any(r[2] is not None for r in rows)
        bars = ax.barh(y, [r[1] for r in rows], color=MAIN, label=l10n("reports-axis-learners"))
        ax.bar_label(bars, labels=[str(r[1]) for r in rows], padding=4, fontsize=TYPE)
        if with_done:
            ax.barh(y, [r[2] or 0 for r in rows], color=DONE, height=0.4, label=l10n("reports-completed"))
            if ax is top:  # one legend, above the bars: inside, it covered a bar's number
                ax.legend(fontsize=TYPE - 3, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False)
        ax.set_yticks(y, [_wrap(label(r[0], kind), 18, 2) for r in rows])
        ax.invert_yaxis()
        ax.set_xlim(0, max([r[1] for r in rows] + [1]) * 1.2)
        ax.xaxis.set_visible(False)
    return figure


def charts(l10n: Localizer, stats: CohortStats) -> list[Chart]:
    """The charts there is something to draw for, in the order they are sent; none for an
    empty cohort (the text says "no data yet" instead)."""
    if stats.empty:
        return []
    found = [Chart("funnel", funnel(l10n, stats))]
    if stats.homework:
        found.append(Chart("homework", homework(l10n, stats)))
    if sum(stats.scores):
        found.append(Chart("quiz", scores(l10n, stats)))
    if any(m.answered for m in stats.questionnaire):
        found.append(Chart("questionnaire", questionnaire(l10n, stats)))
    if any(s.rated_before or s.rated_after for s in stats.self_assessment):
        found.append(Chart("self-assessment", self_assessment(l10n, stats)))
    if stats.places:
        found.append(Chart("places", places(l10n, stats)))
    return found


def png(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def rendered(l10n: Localizer, stats: CohortStats) -> list[tuple[str, bytes]]:
    """(file name, PNG) of every chart: the CPU-bound part, for a worker thread."""
    return [(f"{chart.name}.png", png(chart.figure)) for chart in charts(l10n, stats)]
