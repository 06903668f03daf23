"""``wenshi volume …``, exports and payments as an editor runs them: a volume of 40+
realistic manuscripts built, reordered and exported."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bench.corpus import generate_articles
from tests.core.test_cli import Run
from wenshi import importer
from wenshi.catalog import Catalog
from wenshi.library import Library

SECTIONS = ["史海钩沉", "人物春秋", "文化教育", "民俗风情"]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """44 accepted manuscripts, built once through the API (the CLI's own import and
    review commands are tested elsewhere) and copied for each test."""
    root = tmp_path_factory.mktemp("volume-cli")
    inbox = root / "inbox"
    inbox.mkdir()
    for i, text in enumerate(generate_articles(44, 1200, seed=17)):
        (inbox / f"{i + 1:02d}.txt").write_text(
            f"灵武旧事拾零之{i + 1}\n文/作者{chr(0x4E00 + i * 37)}{chr(0x4E8C + i)}\n\n{text}",
            encoding="utf-8",
        )
    with Library.open(root / "lib") as library:
        catalog = Catalog(library)
        with library.batch():
            for result in importer.import_paths(library, [inbox]):
                for step in ("初审", "复审", "终审", "采用"):
                    catalog.transition(result.id, step, actor="编辑部")
    return root / "lib"


@pytest.fixture
def run(capsys, tmp_path: Path, template: Path) -> Run:
    shutil.copytree(template, tmp_path / "lib")
    return Run(capsys, tmp_path / "lib")


def build(run: Run) -> None:
    assert (
        run(
            "volume",
            "create",
            "17",
            "--title",
            "《灵武文史》第十七辑",
            "--year",
            "2022",
            "--target-words",
            "190000",
            "--layout",
            "28x30",
            "--front-pages",
            "4",
        )[0]
        == 0
    )
    for name in SECTIONS:
        assert run("volume", "section", "17", "add", name)[0] == 0
    for k, name in enumerate(SECTIONS):
        ids = [str(m) for m in range(1 + k * 11, 12 + k * 11)]
        code, _out, err = run("volume", "add", "17", *ids, "--section", name)
        assert code == 0, err


def test_build_show_reorder(run: Run):
    build(run)
    shown = run.json("volume", "show", "17")
    assert set(shown) >= {
        "number",
        "title",
        "words",
        "layout_words",
        "pages",
        "target_words",
        "sections",
    }
    assert [s["name"] for s in shown["sections"]] == SECTIONS
    items = [i for s in shown["sections"] for i in s["items"]]
    assert len(items) == 44
    assert set(items[0]) >= {"id", "title", "authors", "words", "layout_words", "start_page"}
    starts = [i["start_page"] for i in items]
    assert starts == sorted(starts) and starts[0] == 5  # after 4 pages of front matter
    assert shown["words"] == sum(i["words"] for i in items)
    assert shown["pages"] >= starts[-1]

    assert run("volume", "move", "17", "44", "--section", "史海钩沉", "--at", "1")[0] == 0
    assert run("volume", "section", "17", "move", "民俗风情", "1")[0] == 0
    shown = run.json("volume", "show", "17")
    assert [s["name"] for s in shown["sections"]][:2] == ["民俗风情", "史海钩沉"]
    assert shown["sections"][1]["items"][0]["id"] == 44
    code, out, _ = run("volume", "show", "17")
    assert code == 0 and "【史海钩沉】" in out and "约" in out and "目标 190000 字" in out


def test_exports(run: Run, tmp_path: Path):
    build(run)
    for fmt in ("docx", "md", "html", "csv"):
        target = tmp_path / f"目录.{fmt}"
        code, _, err = run("export-toc", "17", "--format", fmt, "-o", str(target))
        assert code == 0 and target.stat().st_size > 0, err
    with open(tmp_path / "目录.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 44 and rows[0]["栏目"] == "史海钩沉" and rows[0]["起始页"] == "5"
    code, _, _ = run("export-volume", "17", "-o", str(tmp_path / "第十七辑.docx"))
    assert code == 0
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "第十七辑.docx")).paragraphs)
    assert text.index("史海钩沉") < text.index("灵武旧事拾零之1") < text.index("人物春秋")
    code, _, _ = run("export-catalogue", "-o", str(tmp_path / "总目录.csv"))
    assert code == 0


def test_payments(run: Run, tmp_path: Path):
    build(run)
    code, _, err = run("payments", "17", "-o", str(tmp_path / "稿酬.xlsx"))
    assert code == 1 and "--rate" in err
    assert run("fee", "1", "--kind", "compilation", "--rate", "15")[0] == 0
    code, _out, _ = run("payments", "17", "--rate", "80", "-o", str(tmp_path / "稿酬.xlsx"))
    assert code == 0
    sheet = load_workbook(tmp_path / "稿酬.xlsx").active
    assert sheet["A1"].value == "ID" and sheet.max_row == 44 + 2
    amounts = [sheet.cell(row=r, column=9).value for r in range(2, 46)]
    assert sheet.cell(row=46, column=9).value == pytest.approx(sum(amounts))
    data = run.json("payments", "17", "--rate", "80")
    first = next(line for line in data["lines"] if line["id"] == 1)
    assert first["rate"] == 15 and first["amount"] == first["thousands"] * 15


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["volume", "show", "9"], "第 9 辑不存在"),
        (["volume", "create", "18", "--title", "第十八辑", "--layout", "0x30"], "0x30"),
        (["volume", "add", "17", "1", "--section", "不存在的栏目"], "现有栏目"),
        (["export-toc", "17", "--format", "docx", "-o", "/nonexistent/dir/目录.docx"], "目录.docx"),
        (["export-toc", "17", "-o", "目录.pdf"], ".pdf"),
    ],
)
def test_bad_requests_one_line_change_nothing(run: Run, argv, message):
    build(run)
    before = run.json("volume", "show", "17")
    code, _out, err = run(*argv)
    assert code == 1 and err.count("\n") == 1 and message in err, err
    assert run.json("volume", "show", "17") == before


def test_rejected_manuscript_is_refused_and_removed_one_returns_to_pool(run: Run, tmp_path):
    build(run)
    extra = tmp_path / "退稿.txt"
    extra.write_text("关于某厂的广告\n本厂产品远销全国。", encoding="utf-8")
    [new] = run.json("import", str(extra))
    assert run("set", str(new["id"]), "--status", "退稿", "--opinion", "非文史稿件")[0] == 0
    code, _, err = run("volume", "add", "17", str(new["id"]), "--section", "史海钩沉")
    assert code == 1 and "退稿" in err
    assert run("volume", "remove", "17", "3")[0] == 0
    assert [p["id"] for p in run.json("volume", "pool")] == [3]
