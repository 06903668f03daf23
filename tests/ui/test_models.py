"""Models checked by Qt's model tester, over a real library."""

from __future__ import annotations

from tests.corpus import FIXTURES
from wenshi import importer, query
from wenshi.library import Library


def test_catalog_model_passes_qtmodeltester(qtmodeltester, tmp_path):
    from ui.models.catalog_model import CatalogModel, Column

    with Library.open(tmp_path / "lib", auto_index=False) as library:
        importer.import_paths(library, [FIXTURES])
        model = CatalogModel()
        model.reload()
        qtmodeltester.check(model)
        assert model.rowCount() == 4
        model.sort(Column.WORDS)
        words = [model.index(r, Column.WORDS).data() for r in range(model.rowCount())]
        assert words == sorted(words)
        model.reload(query.Filter(text="马建国"))
        assert [model.index(r, Column.TITLE).data() for r in range(model.rowCount())] == [
            "马鸿宾与灵武"
        ]
        qtmodeltester.check(model)
