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
