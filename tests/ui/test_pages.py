"""The pages of a paged text, where a user sees them: the page-break lines in the editor
(edited around and saved back with the form feeds where they were), the page of a search
snippet, and the printed and source pages in the details."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_workflows import click_row
from wenshi.records import NewManuscript

BODY = "灵州城始建于汉代。\f历代屡有修筑，明代增筑外城。\n\f清代重修城楼。"


def add(qtbot, window, body: str = BODY, first_page: int | None = 12) -> int:
    new = NewManuscript(title="灵州古城考略", body=body, first_page=first_page)
    ids: list[int] = []
    window.hub.run_op(lambda _p: window.library.manuscripts.add(new), lambda c: ids.append(c.value))
    wait_idle(qtbot, window)
    return ids[0]


def key(qtbot, widget, k, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(widget, k, modifier)


def test_page_breaks_show_as_lines_and_save_back_as_form_feeds(qtbot, window):
    mid = add(qtbot, window)
    click_row(qtbot, window, "灵州古城考略")
    body = window.editor.body
    edit = body.editor
    # Each page after the first begins with a line naming its printed page.
    assert body.page_labels() == ["Page 13", "Page 14"]
    assert body.text() == BODY
    assert body.counts.text().startswith("Words (Word) 30 ")
    assert not window.editor.save_button.isEnabled()

    # Type at the end of page 12, then just after the break at the start of page 13.
    edit.setFocus()
    key(qtbot, edit, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, edit, Qt.Key.Key_Right, times=len("灵州城始建于汉代。"))
    type_chinese(edit, "甲")
    key(qtbot, edit, Qt.Key.Key_Right)  # over the page break: one step
    type_chinese(edit, "乙")
    assert body.text() == "灵州城始建于汉代。甲\f乙历代屡有修筑，明代增筑外城。\n\f清代重修城楼。"
    # Backspace twice: the 乙, then the break itself — page 13 joins page 12 …
    key(qtbot, edit, Qt.Key.Key_Backspace, times=2)
    assert body.page_labels() == ["Page 13"]
    assert body.text() == "灵州城始建于汉代。甲历代屡有修筑，明代增筑外城。\n\f清代重修城楼。"
    # … and undo brings the break back as a break.
    key(qtbot, edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert body.page_labels() == ["Page 13", "Page 14"]
    assert body.text() == "灵州城始建于汉代。甲\f历代屡有修筑，明代增筑外城。\n\f清代重修城楼。"
    # A new paragraph typed before the last break stays on its page.
    key(qtbot, edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, edit, Qt.Key.Key_Left, times=len("清代重修城楼。") + 1)  # before the break
    key(qtbot, edit, Qt.Key.Key_Return)
    type_chinese(edit, "丙")
    expected = "灵州城始建于汉代。甲\f历代屡有修筑，明代增筑外城。\n\n丙\f清代重修城楼。"
    assert body.text() == expected
    qtbot.waitUntil(lambda: body.counts.text().startswith("Words (Word) 32 "))  # recounted

    # Copying the whole text gives the form feeds; pasting it back keeps every break.
    key(qtbot, edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == expected
    key(qtbot, edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert body.text() == expected
    assert body.page_labels() == ["Page 13", "Page 14"]

    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert window.library.manuscripts.get(mid).body == expected
    assert not window.editor.save_button.isEnabled()
    assert body.page_labels() == ["Page 13", "Page 14"]


def test_a_text_without_page_numbers_counts_its_own_pages(qtbot, window):
    add(qtbot, window, body="第一页。\f第二页。", first_page=None)
    click_row(qtbot, window, "灵州古城考略")
    assert window.editor.body.page_labels() == ["Page 2"]
    assert window.editor.pages.text() == "—"


def test_search_snippets_cite_their_page(qtbot, window):
    add(qtbot, window)
    window.focus_search()
    type_chinese(window.search.query, "城楼")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    results = window.search.results
    assert results.count() == 1
    label = results.itemWidget(results.item(0))
    shown = _plain(label.text())
    # The page of the hit (城楼 is on the third page, printed page 14), then the snippet.
    assert (
        shown.splitlines()[-1]
        == "p. 14 灵州城始建于汉代。 历代屡有修筑，明代增筑外城。 清代重修城楼。"
    )


def _plain(html: str) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText().replace("\u2029", "\n")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_details_show_the_printed_pages_and_the_pages_of_the_file(qtbot, window, tmp_path):
    from bench.volume_corpus import build

    volume = build(tmp_path / "volume", count=3, paragraphs=(5, 7), soffice=SOFFICE)
    window.hub.run_op(lambda p: window.library.volume_imports.run(volume.pdf, 18, progress=p))
    wait_idle(qtbot, window, timeout=60000)
    last = volume.articles[-1]  # it starts on page 2 and runs over onto page 3
    click_row(qtbot, window, last.title)
    editor = window.editor
    editor.tabs.setCurrentIndex(1)
    assert editor.pages.text() == "2–3"
    assert editor.files.text() == f"{volume.pdf.name}（pdf，—）, pages 4–5 of the file"
    assert editor.body.page_labels() == ["Page 3"]
    # A text-layer PDF: nothing to proofread against a scan.
    assert not editor.proofread_button.isVisible()
    assert not window.act_proofread.isEnabled()
