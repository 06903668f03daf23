"""``wenshi person`` and ``wenshi place`` as a researcher types them, on the fixture
library (马鸿宾与灵武, 灵州古城考略 …): an entry with its names, found under all of them."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook

from tests.cli.test_cli import Run


def test_person_add_alias_show_and_search(run: Run, tmp_path: Path):
    assert run("person", "add", "马鸿宾", "--dates", "1884—1960") == (0, "已新增：马鸿宾\n", "")
    code, out, _ = run("person", "alias", "马鸿宾", "马子寅", "--type", "字")
    assert (code, out) == (0, "马鸿宾：马子寅（字）\n")
    code, out, _ = run("person", "list")
    assert out.splitlines() == [
        "正名    其他名称      生卒",
        "马鸿宾  马子寅（字）  1884—1960",
    ]
    [hit] = run.json("search", "person:马子寅")
    assert (hit["title"], hit["names"]) == ("马鸿宾与灵武", ["马鸿宾"])
    shown = run.json("person", "show", "马子寅")
    assert (shown["name"], [m["title"] for m in shown["mentions"]]) == ("马鸿宾", ["马鸿宾与灵武"])
    code, out, _ = run("person", "show", "马鸿宾", "-o", str(tmp_path / "马鸿宾.xlsx"))
    assert (code, out) == (0, f"已导出 1 篇到 {tmp_path / '马鸿宾.xlsx'}\n")
    sheet = load_workbook(tmp_path / "马鸿宾.xlsx").active
    assert [c.value for c in sheet[1]][:8] == [
        "ID",
        "题名",
        "作者",
        "辑",
        "栏目",
        "年份",
        "所用名称",
        "处数",
    ]
    assert [c.value for c in sheet[2]][1:2] + [c.value for c in sheet[2]][6:8] == [
        "马鸿宾与灵武",
        "马鸿宾",
        4,
    ]


def test_place_with_a_historical_name_and_its_period(run: Run):
    assert run("place", "add", "灵武")[0] == 0
    code, out, _ = run("place", "alias", "灵武", "灵州", "--period", "北魏—明")
    assert (code, out) == (0, "灵武：灵州（旧名，北魏—明）\n")
    titles = sorted(h["title"] for h in run.json("search", "place:灵州"))
    assert titles == sorted(h["title"] for h in run.json("search", "灵武 OR 灵州"))


def test_refusals_are_one_line(run: Run, tmp_path: Path):
    run("person", "add", "马鸿宾")
    run("person", "alias", "马鸿宾", "马子寅")
    run("person", "add", "马福祥")
    assert run("person", "alias", "马福祥", "马子寅") == (
        1,
        "",
        "wenshi: “马子寅”已是人物“马鸿宾”的名称，不能再给另一条\n",
    )
    assert run("person", "show", "张三") == (1, "", "wenshi: 人物“张三”不在名录中\n")
    bad = tmp_path / "坏.csv"
    bad.write_text("类别,正名,名称,类型,时期,生卒,说明\n人物,马少云,马子寅,字,,,\n", "utf-8")
    code, _, err = run("person", "import", str(bad))
    assert (code, err) == (1, f"wenshi: {bad} 第 2 行：人物“马少云”不在名录中\n")


def test_csv_export_and_import(run: Run, tmp_path: Path):
    run("person", "add", "马鸿宾", "--dates", "1884—1960")
    run("person", "alias", "马鸿宾", "馬鴻賓", "--type", "繁体")
    out = tmp_path / "人物.csv"
    assert run("person", "export", str(out)) == (0, f"已导出 1 条到 {out}\n", "")
    with out.open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f))[1:] == [
            ["人物", "马鸿宾", "马鸿宾", "正名", "", "1884—1960", ""],
            ["人物", "马鸿宾", "馬鴻賓", "繁体", "", "", ""],
        ]
    assert run("person", "rm", "马鸿宾") == (0, "已删除：马鸿宾\n", "")
    assert run("person", "import", str(out)) == (0, "已导入 2 个名称\n", "")
    assert [e["name"] for e in run.json("person", "list")] == ["马鸿宾"]


def test_suggest_then_accept_or_reject(run: Run):
    found = {c["name"]: c for c in run.json("person", "suggest", "--limit", "0")}
    assert found["马鸿宾"]["count"] == 3 and found["马鸿宾"]["sources"] == ["正文"]
    assert found["马建国"]["sources"] == ["署名"]  # the by-line of 马鸿宾与灵武
    assert run("person", "reject", "马建国") == (0, "已记下：马建国 不再作为候选\n", "")
    assert run("person", "add", "马鸿宾")[0] == 0
    names = [c["name"] for c in run.json("person", "suggest", "--limit", "0")]
    assert "马鸿宾" not in names and "马建国" not in names
    code, out, _ = run("person", "suggest", "--limit", "1")
    assert code == 0 and out.splitlines()[0].split() == ["候选", "次数", "篇数", "其他写法", "来源"]
