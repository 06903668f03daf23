"""Periods in the desktop program: the years a manuscript's text names in its details, and
a search narrowed by the decade its texts talk about, by clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import wait_idle
from tests.ui.test_responsive import search
from tests.ui.test_workflows import click_row, load_sample


def test_years_in_the_details_and_a_decade_facet(qtbot, window):
    load_sample(qtbot, window)
    click_row(qtbot, window, "从一本旧账簿看民国时期的灵武县城")
    assert window.editor.years.text() == "1929、1933、1934、1935、1936、1937、1941、1952、1988"

    panel = window.search
    window.tabs.setCurrentWidget(panel)
    search(qtbot, panel, "period:民国")
    wait_idle(qtbot, window)
    decades = [panel.decades.item(r).text() for r in range(panel.decades.count())]
    counts = panel.last.by_decade
    assert decades == [f"{d}s　{n}" for d, n in counts.items()]
    row = next(r for r, text in enumerate(decades) if text.startswith("1930s"))
    rect = panel.decades.visualItemRect(panel.decades.item(row))
    qtbot.mouseClick(panel.decades.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)
    assert panel.query.text() == "period:民国 period:1930-1939"
    expected = window.library.search.search("period:1930-1939", limit=0).total
    assert panel.last.total == expected == counts[1930]
