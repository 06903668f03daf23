"""Each workflow driven as a user would: clicks and keys on the real window, modal dialogs
answered the way a person answers them, results read off the widgets."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from tests.corpus import FIXTURES, TRADITIONAL
from tests.ui.conftest import type_chinese, wait_idle
from ui.models.catalog_model import Column
from wenshi.queries import Filter


def load_sample(qtbot, window) -> None:
    assert window.stack.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert window.stack.currentWidget() is window.tabs


def click_row(qtbot, window, title: str, wait: bool = True) -> int:
    """Click the catalog row titled ``title`` and (``wait``) wait, as a user does, until the
    editor shows that manuscript (it is read on the lane)."""
    view = window.catalog.table
    model = window.catalog.model
    row = next(r for r in range(model.rowCount()) if model.index(r, Column.TITLE).data() == title)
    rect = view.visualRect(model.index(row, Column.TITLE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if wait:
        wait_idle(qtbot, window)
    return model.id_at(row)


def test_first_run_offers_the_sample_library(qtbot, window):
    load_sample(qtbot, window)
    assert window.catalog.model.rowCount() == 14
    assert window.totals_label.text() == "14 manuscripts · 17,354 words"
    window.tabs.setCurrentWidget(window.builder)  # the builder reads when it is shown
    assert window.builder.volume.count() == 2
    # The filter bar narrows the table: by section, then by state.
    section = window.catalog.section
    section.setCurrentIndex(section.findData("诗词楹联"))
    wait_idle(qtbot, window)  # the list is read off the GUI thread
    titles = {
        window.catalog.model.index(r, Column.TITLE).data()
        for r in range(window.catalog.model.rowCount())
    }
    assert titles == {"七律·秋访水洞沟", "秦渠谣"}
    status = window.catalog.status
    status.setCurrentIndex(status.findData("published"))
    wait_idle(qtbot, window)
    assert [
        window.catalog.model.index(r, Column.TITLE).data()
        for r in range(window.catalog.model.rowCount())
    ] == ["七律·秋访水洞沟"]


def test_import_a_folder_with_preview_and_errors(qtbot, window, tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(FIXTURES / "mahongbin.txt", inbox)
    (inbox / "big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (inbox / "empty.txt").write_bytes(b"")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(inbox))
    from ui.widgets.import_dialog import ImportDialog

    opened: list[ImportDialog] = []
    monkeypatch.setattr(ImportDialog, "exec", lambda self: opened.append(self) or self.show())
    qtbot.mouseClick(window.welcome.import_button, Qt.MouseButton.LeftButton)
    dialog = opened[0]
    wait_idle(qtbot, window)
    table = dialog.table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert set(rows) == {"mahongbin.txt", "big5.txt", "empty.txt"}
    assert table.item(rows["big5.txt"], 1).text() == "big5"
    assert table.item(rows["mahongbin.txt"], 2).text() == "马鸿宾与灵武"
    assert table.item(rows["empty.txt"], 5).text() == f"{inbox / 'empty.txt'}：文件为空"
    assert window.catalog.model.rowCount() == 0  # nothing stored before "Import"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert sorted((Path(r.path).name, r.status) for r in dialog.results) == [
        ("big5.txt", "imported"),
        ("empty.txt", "error"),
        ("mahongbin.txt", "imported"),
    ]
    assert window.catalog.model.rowCount() == 2


def test_edit_body_live_counts_save_and_restore(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    mid = click_row(qtbot, window, "秦渠谣")
    editor = window.editor
    assert editor.manuscript_id == mid
    before = editor.body.counts.text()
    editor.body.editor.moveCursor(editor.body.editor.textCursor().MoveOperation.End)
    type_chinese(editor.body.editor, "新添一句")
    qtbot.waitUntil(lambda: editor.body.counts.text() != before)
    assert editor.save_button.isEnabled()
    type_chinese(editor.reason, "补一句")
    qtbot.keyClick(editor.body.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert editor.body.text().endswith("新添一句")
    history = editor.history.revisions
    assert re.fullmatch(
        r"Revision 3  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d  (\d+) words\n补一句  \(current\)",
        history.item(0).text(),
    ), history.item(0).text()
    # Restore the previous revision from the History tab: the diff (computed on the lane)
    # shows the added sentence, then the restore takes it out again.
    editor.tabs.setCurrentWidget(editor.history)
    history.setCurrentRow(1)
    wait_idle(qtbot, window)
    previous = editor.history.old.toPlainText()
    assert editor.history.new.toPlainText() == previous + "新添一句"
    assert editor.history.restore.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(editor.history.restore, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert editor.body.text() == previous
    assert editor.history.revisions.count() == 4


def test_review_shows_only_allowed_steps_and_records_the_opinion(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    click_row(qtbot, window, "一条巷子里的两种年")  # 收稿
    panel = window.editor.review
    buttons = {
        b.objectName()
        for b in panel.findChildren(type(window.editor.save_button))
        if b.objectName().startswith("review-")
    }
    assert buttons == {"review-first_review", "review-rejected"}
    from ui.dialogs import OpinionDialog

    def answer(dialog: OpinionDialog) -> int:
        dialog.actor.setText("王主任")
        dialog.opinion.setPlainText("民俗材料可贵，送复审")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OpinionDialog, "exec", answer)
    button = panel.findChild(type(window.editor.save_button), "review-first_review")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert panel.state.text() == "Current state: <b>初审</b>"
    assert panel.trail.item(0, 1).text() == "初审"
    assert panel.trail.item(0, 3).text() == "民俗材料可贵，送复审"


def test_search_and_open_a_hit(qtbot, window):
    load_sample(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = window.search
    assert window.tabs.currentWidget() is panel
    type_chinese(panel.query, "靈武 横城")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert panel.results.count() == 4
    assert panel.summary.text() == "4 manuscripts match; showing 1–4"
    item = panel.results.item(0)
    rect = panel.results.visualItemRect(item)
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)  # the manuscript is read on the lane, then its hits marked
    body = window.editor.body
    assert window.tabs.currentIndex() == 0
    assert window.editor.detail.title == "横城古渡忆旧"
    assert body.hits_bar.isVisible()
    assert body.editor.textCursor().selectedText() == "横城"
    assert body.hit_label.text() == "Hit 1 of 12"
    qtbot.mouseClick(body.next_hit, Qt.MouseButton.LeftButton)
    assert body.editor.textCursor().selectedText() == "灵武"  # 靈武 finds the simplified form
    assert body.hit_label.text() == "Hit 2 of 12"


def test_bad_query_shows_the_reason(qtbot, window):
    load_sample(qtbot, window)
    panel = window.search
    window.tabs.setCurrentWidget(panel)
    type_chinese(panel.query, "(灵武 OR")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert panel.summary.text() == (
        '<span style="color:#b00">检索式有误：第 5 个字符处的“OR”后面缺少检索词</span>'
    )


def test_build_reorder_and_export_a_volume(qtbot, window, monkeypatch, tmp_path):
    load_sample(qtbot, window)
    builder = window.builder
    window.tabs.setCurrentWidget(builder)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (18, True))

    def answer_text(_parent, _title, label, **_kw):
        return ("海峡情缘", True) if "Section" in label else ("《灵武文史》第十八辑", True)

    monkeypatch.setattr(QInputDialog, "getText", answer_text)
    qtbot.mouseClick(builder.new_volume, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert builder.number == 18
    qtbot.mouseClick(builder.add_section, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert [s.name for s in builder.plan.sections] == ["海峡情缘"]
    # Place the held piece from the pool.
    builder.pool.setCurrentRow(0)
    from ui.dialogs import ChoiceDialog

    monkeypatch.setattr(ChoiceDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    qtbot.mouseClick(builder.put_in, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert builder.plan.totals.articles == 1
    assert builder.pool.count() == 0
    assert builder.totals.text() == (
        "1 articles · 998 words (Han 885) · layout words 1,260 · 0 photos · "
        "about 2 pages (16开, 28×30)"
    )

    # Reorder in volume 17 with the keyboard-friendly buttons.
    builder.volume.setCurrentIndex(builder.volume.findData(17))
    wait_idle(qtbot, window)  # the plan is computed on the lane
    first_section = builder.tree.topLevelItem(0)
    builder.tree.setCurrentItem(first_section.child(0))
    moved = first_section.child(0).data(0, Qt.ItemDataRole.UserRole)
    qtbot.mouseClick(builder.down, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert builder.plan.sections[1].items[0].id == moved  # across into the next section

    target = tmp_path / "第十七辑目录.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(builder.export_toc, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert target.exists() and target.stat().st_size > 0
    # 史海钩沉, emptied by the move, drops out of the 目录; the moved piece leads 文化教育.
    assert builder.preview.page.rows() == [
        "目录",
        "文化教育",
        "秦渠与汉渠——灵武引黄灌区的两条古渠　马振华……7",
        "从关帝庙到教学楼——台子小学的变迁　张淑贞……9",
        "民俗风情",
        "河东川里唱花儿——灵武花儿采录札记　李秀英……11",
        "诗词楹联",
        "秦渠谣　冯志远……13",
    ]


@pytest.mark.parametrize("number", [17, 16])
def test_rejected_action_shows_one_message_and_changes_nothing(qtbot, window, monkeypatch, number):
    """Into 第17辑 a 退稿 piece is refused for its state; 第16辑 is published: frozen."""
    load_sample(qtbot, window)
    builder = window.builder
    window.tabs.setCurrentWidget(builder)
    builder.volume.setCurrentIndex(builder.volume.findData(number))
    wait_idle(qtbot, window)  # the plan is computed on the lane
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    section = builder.plan.sections[0].name
    before = builder.plan.to_dict()
    [rejected] = window.library.queries.list(Filter(status="rejected"))
    builder.tree.dropped.emit([rejected.id], section, 1)  # as if dragged in from elsewhere
    wait_idle(qtbot, window)
    assert shown == [
        f"稿件 {rejected.id}《{rejected.title}》的状态是“退稿”，"
        "只有采用、待用（及其后的编辑加工、校对）的稿件可以编入"
        if number == 17
        else "第 16 辑已出版，内容和版式不能再改；如需更正，请先重新打开"
        "（wenshi volume set 16 --status planning，各篇的审稿记录会记下这一步）"
    ]
    assert builder.plan.to_dict() == before


def test_layout_persists(qtbot, window, tmp_path):
    from ui.main_window import MainWindow

    window.resize(window.width(), 520)  # the offscreen screen is small: keep within it
    window.catalog.table.setColumnWidth(1, 171)
    window.close()
    again = MainWindow(str(Path(window.library.path)))
    qtbot.addWidget(again)
    assert not again.built and again.hub.tasks.busy  # the views come over a few turns
    wait_idle(qtbot, again)
    assert again.built
    assert again.size().height() == 520
    assert again.catalog.table.columnWidth(1) == 171
    again.hub.tasks.shutdown()


def test_failing_export_shows_one_message_and_writes_nothing(qtbot, window, monkeypatch, tmp_path):
    load_sample(qtbot, window)
    builder = window.builder
    window.tabs.setCurrentWidget(builder)
    wait_idle(qtbot, window)  # the plan is computed on the lane
    target = tmp_path / "no-such-folder" / "目录.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    qtbot.mouseClick(builder.export_toc, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert shown == [f"{target}：无法写入（文件夹不存在（可能已被移走或删除））"]
    assert not target.parent.exists()


def test_publish_a_volume_from_the_layout_dialog(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    builder = window.builder
    window.tabs.setCurrentWidget(builder)
    builder.volume.setCurrentIndex(builder.volume.findData(17))
    wait_idle(qtbot, window)  # the plan is computed on the lane
    from ui.widgets.volume_settings import VolumeSettingsDialog

    def publish(dialog: VolumeSettingsDialog) -> int:
        dialog.status.setCurrentIndex(dialog.status.findData("published"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(VolumeSettingsDialog, "exec", publish)
    qtbot.mouseClick(builder.settings_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert builder.plan.status == "published"
    assert {i.status for s in builder.plan.sections for i in s.items} == {"published"}


def test_failed_save_when_leaving_keeps_the_text_and_stays(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    editor = window.editor
    mid = click_row(qtbot, window, "秦渠谣")
    editor.body.editor.moveCursor(editor.body.editor.textCursor().MoveOperation.End)
    type_chinese(editor.body.editor, "改后的一句")
    title = editor.fields["title"]
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)  # an empty title cannot be saved
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: errors.append(text))
    click_row(qtbot, window, "七律·秋访水洞沟")
    wait_idle(qtbot, window)
    assert errors == ["题名不能为空"]
    assert editor.manuscript_id == mid and editor.dirty
    assert editor.body.text().endswith("改后的一句")


def test_typing_while_a_save_waits_is_kept(qtbot, window):
    import time

    load_sample(qtbot, window)
    editor = window.editor
    click_row(qtbot, window, "秦渠谣")
    window.hub.tasks.run(lambda _p: time.sleep(0.6))  # the lane is busy (an import, say)
    editor.body.editor.moveCursor(editor.body.editor.textCursor().MoveOperation.End)
    type_chinese(editor.body.editor, "第一处修改")
    qtbot.keyClick(editor.body.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    type_chinese(editor.body.editor, "再补一段")
    wait_idle(qtbot, window)
    assert editor.body.text().endswith("第一处修改再补一段")
    assert editor.dirty


def test_review_step_keeps_unsaved_edits(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    editor = window.editor
    click_row(qtbot, window, "一条巷子里的两种年")
    editor.body.editor.moveCursor(editor.body.editor.textCursor().MoveOperation.End)
    type_chinese(editor.body.editor, "未保存的补充")
    from ui.dialogs import OpinionDialog

    monkeypatch.setattr(OpinionDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    button = editor.review.findChild(type(editor.save_button), "review-first_review")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert editor.review.state.text() == "Current state: <b>初审</b>"
    assert editor.body.text().endswith("未保存的补充") and editor.dirty


def test_delete_acts_only_where_the_catalog_has_the_focus(qtbot, window, monkeypatch):
    """Select a row, go to 分辑编排, click a piece and press Delete: nothing is asked and
    nothing trashed. Back in the catalog, Delete names the manuscript it moves."""
    load_sample(qtbot, window)
    asked: list[str] = []

    def question(parent, title, text):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    mid = click_row(qtbot, window, "秦渠与汉渠")
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    wait_idle(qtbot, window)
    tree = window.builder.tree
    piece = tree.topLevelItem(0).child(0)
    where = tree.visualItemRect(piece).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert asked == []
    assert window.library.manuscripts.get(mid).deleted_at is None
    assert not window.act_delete.isEnabled()

    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    click_row(qtbot, window, "秦渠与汉渠")
    qtbot.keyClick(window.catalog.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert asked == ["Move 1 manuscript(s) to the trash: 《秦渠与汉渠》? They can be restored."]
    assert window.library.manuscripts.get(mid).deleted_at is not None
