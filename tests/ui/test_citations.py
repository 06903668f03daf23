"""Citing from the desktop program as a researcher does: the volume's publication facts
entered in its settings, then a search result, a catalog selection or the open manuscript
copied as a citation — GB/T 7714 for a paper, RIS for Zotero."""

from __future__ import annotations

import rispy
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.day import answered, when_dialog
from tests.ui.gestures import choose, entries, right_click
from tests.ui.test_responsive import search
from tests.ui.test_volume_drag import open_volume
from tests.ui.test_workflows import click_row, load_sample

EDITOR = "政协灵武市委员会文史资料委员会"
HENGCHENG = (
    "马振华. 横城古渡忆旧: 黄河东岸一处渡口的兴衰[M]//政协灵武市委员会文史资料委员会. "
    "灵武文史: 第16辑. 灵武: 政协灵武市委员会, 2021: 5-8."
)


def click(qtbot, widget, pos: QPoint | None = None) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def type_into(qtbot, field, text: str) -> None:
    click(qtbot, field)
    field.selectAll()
    type_chinese(field, text)


def enter_facts(qtbot, window, *, isbn: str = "") -> None:
    """Volume 16's settings → Publication: editor, place, publisher, 内部资料, OK."""
    builder = open_volume(qtbot, window, 16)

    def facts(dialog) -> None:
        bar = dialog.tabs.tabBar()
        click(qtbot, bar, bar.tabRect(2).center())
        assert dialog.tabs.currentIndex() == 2
        type_into(qtbot, dialog.editor, EDITOR)
        type_into(qtbot, dialog.place, "灵武")
        type_into(qtbot, dialog.publisher, "政协灵武市委员会")
        assert not dialog.permit.isEnabled()
        click(qtbot, dialog.internal)
        assert dialog.permit.isEnabled()
        type_into(qtbot, dialog.permit, "宁新出(2021)内资字第18号")
        if isbn:
            type_into(qtbot, dialog.isbn, isbn)
        # Published: its layout is frozen, and the page says why.
        assert not dialog.layout_page.isEnabled()
        assert dialog.layout_page.toolTip().startswith("第 16 辑已出版")
        click(qtbot, dialog.ok)

    when_dialog(facts)
    click(qtbot, builder.settings_button)
    wait_idle(qtbot, window)
    answered()


def test_facts_entered_then_a_search_hit_copied_as_gbt7714(qtbot, window):
    load_sample(qtbot, window)
    enter_facts(qtbot, window)
    facts = window.library.volumes.plan(16).facts
    assert (facts.editor, facts.place, facts.publisher, facts.internal, facts.permit) == (
        EDITOR,
        "灵武",
        "政协灵武市委员会",
        True,
        "宁新出(2021)内资字第18号",
    )
    assert window.library.volumes.plan(16).status == "published"  # unchanged by the dialog

    panel = window.search
    window.tabs.setCurrentWidget(panel)
    search(qtbot, panel, "横城古渡")
    wait_idle(qtbot, window)
    results = panel.results
    first = results.visualItemRect(results.item(0)).center()
    menu = right_click(qtbot, results.viewport(), first)
    choose(qtbot, menu, "Copy citation", "GB/T 7714")
    wait_idle(qtbot, window)
    assert QApplication.clipboard().text() == HENGCHENG
    assert window.statusBar().currentMessage() == "Citation copied (GB/T 7714)"


def test_a_catalog_selection_copied_as_ris_for_zotero(qtbot, window):
    load_sample(qtbot, window)
    enter_facts(qtbot, window)
    window.tabs.setCurrentWidget(window.split)
    click_row(qtbot, window, "横城古渡忆旧")
    table = window.catalog.table
    model = window.catalog.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.summary_at(r).title == "水洞沟：近百年前的那次发掘"
    )
    second = table.visualRect(model.index(row, 1)).center()
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, second
    )
    menu = right_click(qtbot, table.viewport(), second)
    choose(qtbot, menu, "Copy citation", "RIS (Zotero, EndNote)")
    wait_idle(qtbot, window)
    cited = rispy.loads(QApplication.clipboard().text())
    assert [(c["title"], c["start_page"], c["end_page"]) for c in cited] == [
        ("横城古渡忆旧: 黄河东岸一处渡口的兴衰", "5", "8"),
        ("水洞沟：近百年前的那次发掘: 兼记村里老人讲的“洋人挖石头”", "8", "11"),
    ]
    assert window.statusBar().currentMessage() == "2 citations copied (RIS (Zotero, EndNote))"


def test_a_piece_in_no_volume_says_why_it_cannot_be_cited(qtbot, window):
    load_sample(qtbot, window)
    click_row(qtbot, window, "灵武老城南街旧事")
    table = window.catalog.table
    menu = right_click(qtbot, table.viewport(), table.visualRect(table.currentIndex()).center())
    [cite] = [a for a in menu.actions() if a.text() == "Copy citation"]
    assert not cite.isEnabled()
    assert cite.toolTip() == (
        "Only a piece placed in a volume can be cited (by its volume and pages)"
    )
    menu.close()


def test_the_open_manuscript_cited_from_the_manuscript_menu(qtbot, window):
    load_sample(qtbot, window)
    click_row(qtbot, window, "秦渠谣")
    bar = window.menuBar()
    [manuscript] = [a for a in bar.actions() if a.text() == "&Manuscript"]
    click(qtbot, bar, bar.actionGeometry(manuscript).center())
    qtbot.waitUntil(manuscript.menu().isVisible, timeout=3000)
    assert "&Copy citation of this manuscript" in entries(manuscript.menu())
    choose(qtbot, manuscript.menu(), "&Copy citation of this manuscript", "BibTeX")
    wait_idle(qtbot, window)
    assert QApplication.clipboard().text().splitlines()[:3] == [
        f"@incollection{{wenshi{window.editor.manuscript_id},",
        "\tauthor = {{冯志远}},",
        "\ttitle = {{秦渠谣}},",
    ]


def test_a_wrong_isbn_is_refused_by_name_and_nothing_is_stored(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    enter_facts(qtbot, window, isbn="978-7-5227-0000-0")
    # (The core speaks Chinese in these tests, as the other GUI tests have it.)
    assert shown == ["ISBN“978-7-5227-0000-0”无效：校验位不符"]
    assert window.library.volumes.plan(16).facts.editor == ""  # one transaction: none of it
