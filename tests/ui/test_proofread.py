"""Proofreading an OCR'd manuscript against its scan, as a proofreader does it: open it
from the manuscript, see the unsure characters outlined on the page and shaded in the
text, click a character on the scan to find it in the text, type the correction, turn
the pages with PageUp/PageDown, save it as a revision with its page breaks."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.scans import draw_scan, needs_font
from tests.ui.test_volume_import import PAGES
from tests.ui.test_workflows import click_row
from ui.widgets.proofread_view import PAGE_MARGIN

# What OCR was unsure of (confidences set after the import: the clean drawing is read
# with confidence near 1 everywhere).
UNSURE = {0: "汉", 1: "重"}


def import_scan(qtbot, window, tmp_path) -> int:
    tif = draw_scan(PAGES, tmp_path / "扫描.tif")
    library = window.library
    window.hub.run_op(lambda p: library.imports.run([tif], progress=p))
    wait_idle(qtbot, window, timeout=120000)
    [summary] = library.queries.list()
    sha = library.manuscripts.get(summary.id).files[0].sha256
    pages = library.ocr.pages(sha)
    for page in pages:
        for line in page.lines:
            line["confs"] = [0.5 if ch == UNSURE[page.page] else 0.99 for ch in line["chars"]]
    window.hub.run_op(lambda _p: library.ocr.store(sha, pages))
    wait_idle(qtbot, window)
    return summary.id


def box_of(window, mid: int, page: int, char: str) -> list[list[int]]:
    """Where OCR saw ``char`` on ``page`` (pixels of the page image)."""
    sha = window.library.manuscripts.get(mid).files[0].sha256
    ocr = window.library.ocr.pages(sha)[page]
    for line in ocr.lines:
        if char in line["chars"]:
            return line["boxes"][line["chars"].index(char)]
    raise AssertionError(char)


def on_screen(dialog, box, where: str = "center") -> QPoint:
    """The point of ``box`` on the page as shown: fitted to its pane, inside a margin."""
    m = PAGE_MARGIN
    f = (dialog.image.width() - 2 * m) / dialog.image.image.width()
    xs, ys = [x for x, _ in box], [y for _, y in box]
    x = m + (min(xs) + max(xs)) / 2 * f
    if where == "top":  # the middle of its top edge, where its outline runs
        return QPoint(round(x), round(m + min(ys) * f))
    return QPoint(round(x), round(m + (min(ys) + max(ys)) / 2 * f))


def outline_at(dialog, point: QPoint) -> QColor:
    image = dialog.image.grab().toImage()
    colors = [image.pixelColor(point.x(), point.y() + dy) for dy in (-1, 0, 1)]
    return max(colors, key=lambda c: abs(c.red() - c.green()))  # the most coloured


def shading_of(dialog, offset: int) -> QColor:
    """The background of the character at ``offset`` in the text as shown."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(dialog.text.document())
    cursor.setPosition(offset)
    left = dialog.text.cursorRect(cursor)
    image = dialog.text.viewport().grab().toImage()
    return image.pixelColor(left.x() + 3, left.top() + 1)


@needs_font
def test_proofread_a_scan_page_by_page(qtbot, window, tmp_path):
    mid = import_scan(qtbot, window, tmp_path)
    click_row(qtbot, window, "灵州古城考略")
    editor = window.editor
    body = window.library.manuscripts.get(mid).body
    first, second = body.split("\f")
    assert (first.strip(), second) == (PAGES[0][2], PAGES[1][0])
    assert editor.proofread_button.isVisible() and window.act_proofread.isEnabled()

    qtbot.mouseClick(editor.proofread_button, Qt.MouseButton.LeftButton)
    dialog = window.proofreader
    wait_idle(qtbot, window)  # the text, then the page image rendered on the lane
    assert dialog.isVisible()
    assert dialog.heading.text() == (
        f'<b>#{mid} 灵州古城考略</b>　<span style="color:#666;font-size:11pt">马文华</span>'
    )
    assert dialog.page_label.text() == "Page 1 of the file · 1/2"
    assert dialog.text.toPlainText() == first
    assert dialog.unsure.text() == "Unsure characters on this page: 1 (corrected: 0)"
    assert not dialog.prev_page.isEnabled() and dialog.next_page.isEnabled()
    assert not dialog.save_button.isEnabled()
    # The unsure 汉 is outlined in red on the page and shaded in the text.
    han = box_of(window, mid, 0, "汉")
    red = outline_at(dialog, on_screen(dialog, han, "top"))
    assert red.red() > 150 and red.green() < 120, red.name()
    assert shading_of(dialog, first.index("汉")) == QColor("#fadbd8")
    assert shading_of(dialog, first.index("修")) == QColor("white")

    # A click on 修 in the scan selects it in the text, and says what OCR read there.
    qtbot.mouseClick(
        dialog.image, Qt.MouseButton.LeftButton, pos=on_screen(dialog, box_of(window, mid, 0, "修"))
    )
    cursor = dialog.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectedText()) == (first.index("修"), "修")
    assert dialog.char_info.text() == "OCR read “修” here (99% sure)"
    # Moving the text cursor onto a character names it in turn.
    qtbot.keyClick(dialog.text, Qt.Key.Key_Home)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Right)
    assert dialog.char_info.text() == "OCR read “州” here (99% sure)"

    # F3 goes to the next unsure character; typing corrects it, and it turns green.
    qtbot.keyClick(dialog.text, Qt.Key.Key_F3)
    assert dialog.text.textCursor().selectedText() == "汉"
    assert dialog.char_info.text() == "OCR read “汉” here (50% sure)"
    type_chinese(dialog.text, "漢")
    qtbot.waitUntil(
        lambda: dialog.unsure.text() == "Unsure characters on this page: 1 (corrected: 1)"
    )
    green = outline_at(dialog, on_screen(dialog, han, "top"))
    assert green.green() > green.red() + 40, green.name()
    assert shading_of(dialog, first.index("汉")) == QColor("white")
    assert dialog.save_button.isEnabled()

    # PageDown: the next page, its own unsure character; PageUp: back, the edit kept.
    qtbot.keyClick(dialog.text, Qt.Key.Key_PageDown)
    wait_idle(qtbot, window)
    assert dialog.page_label.text() == "Page 2 of the file · 2/2"
    assert dialog.text.toPlainText() == second
    assert dialog.unsure.text() == "Unsure characters on this page: 1 (corrected: 0)"
    qtbot.keyClick(dialog.text, Qt.Key.Key_PageUp)
    wait_idle(qtbot, window)
    assert dialog.page_label.text() == "Page 1 of the file · 1/2"
    assert dialog.text.toPlainText() == first.replace("汉", "漢")
    # The button turns the page too.
    qtbot.mouseClick(dialog.next_page, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert dialog.page_label.text() == "Page 2 of the file · 2/2"

    # Saved as a revision of the body, page break and all; the editor shows it.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    expected = body.replace("汉", "漢")
    assert window.library.manuscripts.get(mid).body == expected
    history = window.library.manuscripts.history(mid)
    assert history[0].reason.startswith("OCR 识别原文")
    assert history[-1].reason == "Proofread against the scan"
    assert not dialog.save_button.isEnabled()
    assert dialog.page_label.text() == "Page 2 of the file · 2/2"  # where it was
    assert editor.body.text() == expected
    dialog.close()
