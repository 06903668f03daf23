"""The body editor shows a table's tab-separated rows as columns."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF, QTextCursor


def test_table_rows_line_up_in_columns(qtbot):
    from ui.widgets.body_editor import CELL_CHARS, BodyEditor

    editor = BodyEditor()
    qtbot.addWidget(editor)
    editor.resize(800, 400)
    editor.show()
    rows = ["城关\t一千二百户\t六千口", "东乡\t不详\t三千口"]
    editor.set_text("\n".join(rows))
    document = editor.editor.document()

    def x_of(row: int, column: int) -> float:
        block = document.findBlockByNumber(row)
        offset = sum(len(cell) + 1 for cell in rows[row].split("\t")[:column])
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + offset)
        return editor.editor.cursorRect(cursor).x()

    stop = editor.editor.tabStopDistance()
    assert stop > 0
    for column in (1, 2):
        assert x_of(0, column) == x_of(1, column)
        assert x_of(0, column) - x_of(0, 0) == round(column * stop)
    # A stop every CELL_CHARS (6) characters of the editor's font.
    width = QFontMetricsF(editor.editor.font()).horizontalAdvance("汉")
    assert stop == pytest.approx(CELL_CHARS * width)
    # The counts ignore the tabs: 2 + 5 + 3 and 2 + 2 + 3 East Asian characters.
    assert editor.counts.text().startswith("Words (Word) 17 ")
