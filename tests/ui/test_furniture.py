"""A manuscript's running heads and footers are shown in its details, apart from its text."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import wait_idle
from tests.ui.test_workflows import click_row


def test_running_heads_shown_in_the_details(qtbot, window, tmp_path: Path):
    import docx

    document = docx.Document()
    document.add_paragraph("灵武长枣")
    document.add_paragraph("　　灵武长枣，果实长圆，皮薄肉脆。")
    document.sections[0].header.paragraphs[0].text = "《灵武文史》第十八辑征稿"
    document.sections[0].footer.paragraphs[0].text = "灵武市政协文史委员会"
    document.save(str(tmp_path / "征稿.docx"))
    window.hub.run_op(lambda _p: window.library.imports.run([tmp_path / "征稿.docx"]))
    wait_idle(qtbot, window)
    click_row(qtbot, window, "灵武长枣")
    wait_idle(qtbot, window)
    editor = window.editor
    assert editor.furniture.text() == "《灵武文史》第十八辑征稿 / 灵武市政协文史委员会"
    assert editor.body.text() == "　　灵武长枣，果实长圆，皮薄肉脆。"
