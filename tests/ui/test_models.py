"""Models checked by Qt's model tester, over a real library."""

from __future__ import annotations

from tests.corpus import FIXTURES
from wenshi.library import Library
from wenshi.queries import Filter


def test_catalog_model_passes_qtmodeltester(qtmodeltester, tmp_path):
    from ui.models.catalog_model import CatalogModel, Column

    with Library.open(tmp_path / "lib", auto_index=False) as library:
        library.imports.run([FIXTURES])
        model = CatalogModel(library.queries)
        model.reload()
        qtmodeltester.check(model)
        assert model.rowCount() == 4
        model.sort(Column.WORDS)
        rows = [
            (model.index(r, Column.TITLE).data(), model.index(r, Column.WORDS).data())
            for r in range(model.rowCount())
        ]
        assert rows == [
            ("黄河谣", 48),
            ("灵州古城考略", 171),
            ("马鸿宾与灵武", 194),
            ("水洞沟遗址发现记", 213),
        ]
        model.reload(Filter(text="马建国"))
        assert [model.index(r, Column.TITLE).data() for r in range(model.rowCount())] == [
            "马鸿宾与灵武"
        ]
        qtmodeltester.check(model)


def test_catalog_cells_paint_what_the_model_holds(qtbot, tmp_path):
    """The table paints through ``multiData`` (all roles of a cell in one call): what a
    delegate draws is what ``data`` answers, alignment included."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    from ui.models.catalog_model import CatalogModel, Column

    with Library.open(tmp_path / "lib", auto_index=False) as library:
        library.imports.run([FIXTURES])
        model = CatalogModel(library.queries)
        model.reload()
        model.sort(Column.WORDS)
        delegate = QStyledItemDelegate()
        painted = []
        for column in (Column.TITLE, Column.STATUS, Column.WORDS):
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, model.index(0, column))
            painted.append((option.text, option.displayAlignment & Qt.AlignmentFlag.AlignRight))
        assert painted == [
            ("黄河谣", Qt.AlignmentFlag(0)),
            ("收稿", Qt.AlignmentFlag(0)),
            ("48", Qt.AlignmentFlag.AlignRight),
        ]
