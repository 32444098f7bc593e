"""The report's charts, drawn with matplotlib (Agg backend, no display, no network).

Readable in print and for colour-blind readers: colours from the Okabe-Ito palette, the
"planned" series also hatched (it stays apart from "published" on a grey-scale printer),
every bar labelled with its number, and text at print size (charts are drawn at the width
they take on an A4 page). Each chart is a PNG with the same bytes for the same report.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402  (after choosing the backend)
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from ..core.i18n import t  # noqa: E402
from .build import SemesterReport, Tally  # noqa: E402
from .chartlist import CHARTS, Chart, chart_labels, labelled  # noqa: E402,F401
from .wording import number, percent  # noqa: E402

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common kind of
# colour blindness.
ORANGE = "#E69F00"
BLUE = "#0072B2"
SKY = "#56B4E9"
GREEN = "#009E73"
VERMILLION = "#D55E00"
INK = "#222222"
WIDTH_INCHES = 6.7  # 170 mm: the text width of the A4 PDF
DPI = 200
FONT_SIZE = 9


def report_charts(report: SemesterReport) -> list[Chart]:
    """Every chart of the report, in the order the report shows them."""
    draw = {"bulan": _month_figure, "jenis": _type_figure, "platform": _platform_figure,
            "rutin": _share_figure}
    return [labelled(name, key, _png(draw[name](report))) for name, key in CHARTS]


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    laid_out(figure)
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()


def laid_out(figure: Figure) -> None:
    """Place the axes of ``figure`` by its constrained layout once, at the PNG's resolution,
    and switch the layout off: ``savefig`` of a figure with a layout engine first draws it
    whole without output to run the engine, then draws it again; without an engine it draws
    once (issue 23: about 0.07 s of the report process per half-year). The positions, hence
    the PNG's bytes, are those ``savefig`` lays out (same renderer resolution)."""
    engine = figure.get_layout_engine()
    if engine is None:
        return
    figure.set_dpi(DPI)
    engine.execute(figure)
    figure.set_layout_engine(None)


def _figure(height: float) -> tuple[Figure, Axes]:
    with plt.rc_context(_STYLE):  # type: ignore[arg-type]
        figure, axes = plt.subplots(figsize=(WIDTH_INCHES, height), layout="constrained")
    _tidy(axes)
    return figure, axes


_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": FONT_SIZE,
    "axes.titlesize": FONT_SIZE + 1,
    "hatch.linewidth": 0.8,
    "svg.hashsalt": "kalender",
}


def _tidy(axes: Axes) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=FONT_SIZE, colors=INK)


def planned_style() -> dict[str, object]:
    """The "planned" bars: orange, hatched, outlined (apart from "published" in grey print)."""
    return {"color": ORANGE, "hatch": "///", "edgecolor": INK, "linewidth": 0.6,
            "label": t("report.col.planned")}


def published_style() -> dict[str, object]:
    """The "published" bars: solid blue."""
    return {"color": BLUE, "edgecolor": INK, "linewidth": 0.6,
            "label": t("report.col.published")}


def _grouped_bars(axes: Axes, tallies: Sequence[Tally]) -> None:
    """Two bars per tally (planned, published), each labelled with its number."""
    positions = list(range(len(tallies)))
    width = 0.38
    planned = axes.bar([p - width / 2 for p in positions], [x.planned for x in tallies],
                       width, **planned_style())  # type: ignore[arg-type]
    published = axes.bar([p + width / 2 for p in positions], [x.published for x in tallies],
                         width, **published_style())  # type: ignore[arg-type]
    for bars in (planned, published):
        axes.bar_label(bars, labels=[number(int(b.get_height())) for b in bars], padding=2,
                       fontsize=FONT_SIZE, color=INK)
    axes.set_xticks(positions, [x.label for x in tallies])
    axes.set_ylabel(t("report.chart.count"))
    top = max([x.planned for x in tallies] + [1])
    axes.set_ylim(0, top * 1.18 + 0.5)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(frameon=False, loc="upper left", ncols=2, bbox_to_anchor=(0, 1.12))


def _month_figure(report: SemesterReport) -> Figure:
    figure, axes = _figure(2.9)
    _grouped_bars(axes, report.by_month)
    return figure


def _platform_figure(report: SemesterReport) -> Figure:
    figure, axes = _figure(2.7)
    _grouped_bars(axes, report.by_platform)
    return figure


def _type_figure(report: SemesterReport) -> Figure:
    """Horizontal bars: the type names are long and read best on the left."""
    tallies = list(reversed(report.by_type))
    figure, axes = _figure(3.6)
    positions = list(range(len(tallies)))
    height = 0.38
    published = axes.barh([p - height / 2 for p in positions], [x.published for x in tallies],
                          height, **published_style())  # type: ignore[arg-type]
    planned = axes.barh([p + height / 2 for p in positions], [x.planned for x in tallies],
                        height, **planned_style())  # type: ignore[arg-type]
    for bars in (planned, published):
        axes.bar_label(bars, labels=[number(int(b.get_width())) for b in bars], padding=3,
                       fontsize=FONT_SIZE, color=INK)
    axes.set_yticks(positions, [x.label for x in tallies])
    axes.set_xlabel(t("report.chart.count"))
    right = max([x.planned for x in tallies] + [1])
    axes.set_xlim(0, right * 1.15 + 0.5)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    handles, labels = axes.get_legend_handles_labels()
    axes.legend(handles[::-1], labels[::-1], frameon=False, loc="lower right")
    return figure


def _share_figure(report: SemesterReport) -> Figure:
    """One bar split in two, rutin against sewaktu-waktu, each part labelled in words."""
    figure, axes = _figure(1.5)
    rutin, sewaktu = report.category("rutin"), report.category("sewaktu-waktu")
    total = rutin.published + sewaktu.published
    parts = [(rutin, BLUE, "", "white"), (sewaktu, ORANGE, "\\\\\\", INK)]
    left = 0
    for tally, colour, hatch, text_colour in parts:
        bar = axes.barh([0], [tally.published], left=left, color=colour, hatch=hatch,
                        edgecolor=INK, linewidth=0.6, height=0.6)
        if tally.published:
            share = percent(tally.published / total if total else None)
            label = t("report.chart.share_label", label=tally.label,
                      count=number(tally.published), share=share)
            axes.bar_label(bar, labels=[label], label_type="center", fontsize=FONT_SIZE,
                           color=text_colour, fontweight="bold",
                           bbox={"facecolor": "white" if text_colour == INK else colour,
                                 "edgecolor": "none", "pad": 1.5})
        left += tally.published
    axes.set_xlim(0, max(total, 1))
    axes.set_yticks([])
    axes.set_xlabel(t("report.chart.count"))
    axes.spines["left"].set_visible(False)
    return figure
