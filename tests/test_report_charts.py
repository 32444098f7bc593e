"""The report's charts are laid out once before saving (issue 23): the same PNG bytes as
``savefig`` laying out the figure itself, and a figure with no layout engine left to run."""

from __future__ import annotations

import io

import pytest
from matplotlib import pyplot as plt
from matplotlib.figure import Figure

from kalender.core.i18n import set_language
from kalender.report import charts
from kalender.report.build import Tally

MONTHS = [Tally(f"2026-{m:02d}", name, planned, published) for m, name, planned, published in
          [(7, "Juli", 31, 29), (8, "Agustus", 28, 30), (9, "September", 140, 118),
           (10, "Oktober", 9, 0), (11, "November", 1204, 1187), (12, "Desember", 0, 2)]]


def month_chart(height: float) -> Figure:
    figure, axes = charts._figure(height)
    charts._grouped_bars(axes, MONTHS)
    return figure


def saved_by_matplotlib(figure: Figure) -> bytes:
    """The PNG of ``figure`` as ``savefig`` lays it out (its constrained layout engine on)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=charts.DPI, metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()


@pytest.mark.parametrize("height", [1.5, 2.9, 3.6], ids=["low", "month", "tall"])
def test_a_chart_laid_out_once_has_the_bytes_savefig_lays_out(height: float) -> None:
    set_language("id")
    expected = saved_by_matplotlib(month_chart(height))
    figure = month_chart(height)
    assert figure.get_layout_engine() is not None
    charts.laid_out(figure)
    assert figure.get_layout_engine() is None  # savefig draws the figure once, not twice
    assert saved_by_matplotlib(figure) == expected


def test_a_chart_without_a_layout_engine_is_left_as_it_is() -> None:
    figure = plt.figure(figsize=(2, 1))
    figure.add_subplot().plot([0, 1], [1, 0])
    before = figure.dpi, figure.axes[0].get_position().bounds
    charts.laid_out(figure)
    assert (figure.dpi, figure.axes[0].get_position().bounds) == before
    plt.close(figure)
