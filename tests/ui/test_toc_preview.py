"""The builder's 目录 preview looks like the exported 目录: entries indented under their
栏目, a dot leader to the page number, the page numbers flush right, a long title wrapped
with the leader on its last line — and it follows every change of the volume."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import wait_idle
from tests.ui.gestures import choose, right_click
from tests.ui.test_volume_drag import open_volume
from tests.ui.test_volume_menus import row_of
from tests.ui.test_workflows import load_sample

SAMPLE_17_TOC = [
    "目录",
    "史海钩沉",
    "秦渠与汉渠——灵武引黄灌区的两条古渠　马振华……7",
    "文化教育",
    "从关帝庙到教学楼——台子小学的变迁　张淑贞……9",
    "民俗风情",
    "河东川里唱花儿——灵武花儿采录札记　李秀英……11",
    "诗词楹联",
    "秦渠谣　冯志远……13",
]


def open_preview(qtbot, window, number: int):
    builder = open_volume(qtbot, window, number)
    bar = builder.info.tabBar()
    tab = next(i for i in range(bar.count()) if bar.tabText(i) == "Contents preview")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
    assert builder.info.currentWidget() is builder.preview
    return builder


def ink_in(image, rect) -> int:
    """Dark pixels inside ``rect`` of the grabbed page: something was drawn there."""
    count = 0
    for x in range(int(rect.left()) + 1, int(rect.right())):
        for y in range(int(rect.top()), int(rect.bottom())):
            if image.pixelColor(x, y).lightness() < 128:
                count += 1
    return count


def test_the_preview_prints_leaders_to_right_aligned_page_numbers(qtbot, window):
    load_sample(qtbot, window)
    builder = open_preview(qtbot, window, 17)
    page = builder.preview.page
    assert page.rows() == SAMPLE_17_TOC
    numbers = [p for p in page.placed if p.kind == "page"]
    assert [n.text for n in numbers] == ["7", "9", "11", "13"]
    assert len({round(n.rect.right()) for n in numbers}) == 1  # flush right
    image = page.grab().toImage()
    leaders = [p for p in page.placed if p.kind == "leader"]
    assert all(leader.rect.width() > 100 for leader in leaders)
    assert all(ink_in(image, leader.rect) > 20 for leader in leaders)  # dots, not a gap
    assert all(ink_in(image, n.rect) > 5 for n in numbers)
    texts = [p for p in page.placed if p.kind == "text"]
    sections = [p for p in page.placed if p.kind == "section"]
    [indent] = {round(t.rect.left()) for t in texts}  # every entry at one indent
    assert {round(s.rect.left()) for s in sections} == {indent - 28}  # two 宋体 characters


def test_a_long_title_wraps_and_the_preview_follows_changes(qtbot, window):
    load_sample(qtbot, window)
    builder = open_preview(qtbot, window, 17)
    [piece] = builder.plan.sections[3].items  # 秦渠谣
    long_title = "秦渠谣——写给灵武引黄灌区两千年来一代又一代开渠、护渠、用渠的普通劳动者们"
    manuscripts = window.library.manuscripts
    window.hub.run_op(lambda _p: manuscripts.update(piece.id, fields={"title": long_title}))
    wait_idle(qtbot, window)
    rows = builder.preview.page.rows()
    assert rows[-2] + rows[-1].split("……")[0] == f"{long_title}　冯志远"
    assert rows[-1].endswith("……13") and len(rows) == len(SAMPLE_17_TOC) + 1
    numbers = [p for p in builder.preview.page.placed if p.kind == "page"]
    assert len({round(n.rect.right()) for n in numbers}) == 1

    tree = builder.tree
    choose(qtbot, right_click(qtbot, tree.viewport(), row_of(tree, "秦渠与汉渠")), "Move down")
    wait_idle(qtbot, window)
    assert builder.preview.page.rows()[1:4] == [
        "文化教育",
        "秦渠与汉渠——灵武引黄灌区的两条古渠　马振华……7",
        "从关帝庙到教学楼——台子小学的变迁　张淑贞……9",
    ]
