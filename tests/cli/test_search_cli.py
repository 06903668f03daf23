"""``wenshi search`` / ``concordance`` / ``reindex`` as a user runs them, including a
library whose import was killed half-way."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from openpyxl import load_workbook

from tests.cli.test_cli import Run
from tests.corpus import generate_articles
from wenshi.search.fold import fold


def test_search_json_fields(run: Run):
    hits = run.json("search", "马鸿宾")
    assert len(hits) == 1
    hit = hits[0]
    assert list(hit) == [
        "id",
        "title",
        "authors",
        "volume",
        "section",
        "status",
        "status_label",
        "score",
        "hits",
        "body_hits",
        "snippets",
        "title_highlights",
        "names",
    ]
    assert hit["title"] == "马鸿宾与灵武" and hit["authors"] == ["马建国"] and hit["hits"] == 4
    assert hit["body_hits"] == 3 and len(hit["title_highlights"]) == 1
    assert (hit["volume"], hit["section"], hit["status"], hit["status_label"]) == (
        None,
        None,
        "received",
        "收稿",
    )
    assert hit["title_highlights"] == [[0, 3]]
    # Three snippets for the three occurrences in the body (the fourth is in the title).
    assert [(s["highlights"], s["marked"]) for s in hit["snippets"]] == [
        (
            [[13, 16]],
            "民国十九年（1930年），【马鸿宾】出任宁夏省政府主席。其时宁夏初建行省，百废待兴，…",
        ),
        (
            [[19, 22]],
            "…地处黄河东岸，为省城银川之屏障。  【马鸿宾】部驻防灵武期间，修缮城垣，疏浚秦渠、汉…",
        ),
        (
            [[19, 22]],
            "…五年（1936年）春，秦渠决口三处，【马鸿宾】调兵夫六百余人抢修，旬日而竣。  老人…",
        ),
    ]


def test_search_human_output_and_limit(run: Run):
    code, out, _ = run("search", "灵武", "--limit", "1")
    assert code == 0
    assert out == (
        "共 4 篇 第 1–1 篇\n"
        "\n"
        "#2  马鸿宾与灵武  马建国  未编辑  收稿  4 处\n"
        "    …政府主席。其时宁夏初建行省，百废待兴，"
        "【灵武】一县地处黄河东岸，为省城银川之屏障。 …\n"
        "    …岸，为省城银川之屏障。  马鸿宾部驻防【灵武】期间，修缮城垣，疏浚秦渠、汉渠，县境农…\n"
        "    …疏浚秦渠、汉渠，县境农田赖以灌溉。据《【灵武】县志》载，民国二十五年（1936年）春…\n"
    )
    # All four: 灵州古城考略 and 马鸿宾与灵武 4 times each, 黄河谣 and 水洞沟遗址发现记 once.
    every = run.json("search", "灵武", "--limit", "0")
    assert [(h["title"], h["hits"]) for h in every] == [
        ("马鸿宾与灵武", 4),
        ("灵州古城考略", 4),
        ("黄河谣", 1),
        ("水洞沟遗址发现记", 1),
    ]
    code, out, _ = run("search", "无此地名")
    assert (code, out) == (0, "没有找到“无此地名”\n")


def test_bad_query_is_one_line_exit_1(run: Run):
    code, out, err = run("search", "(灵武 OR")
    assert (code, out) == (1, "")
    assert err == "wenshi: 检索式有误：第 5 个字符处的“OR”后面缺少检索词\n"


def test_concordance_exports(run: Run, tmp_path: Path):
    lines = run.json("concordance", "灵武")
    # 4 in 灵州古城考略, 4 in 马鸿宾与灵武 (one in its title), 1 each in the other two.
    assert len(lines) == 10
    assert lines[0] == {
        "id": 1,
        "title": "灵州古城考略",
        "field": "body",
        "offset": 74,
        "page": None,
        "before": "唐天宝十五载（756年），太子李亨即位于",
        "match": "灵武",
        "after": "，是为唐肃宗。灵武由此名闻天下。宋代，灵",
    }
    code, out, _ = run("concordance", "灵武", "-o", str(tmp_path / "灵武.csv"))
    assert (code, out) == (0, f"已导出 10 处到 {tmp_path / '灵武.csv'}\n")
    with open(tmp_path / "灵武.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 11
    assert rows[0] == ["ID", "题名", "位置", "页码", "字段", "前文", "检索词", "后文", "引文"]
    assert rows[5] == [
        "2",
        "马鸿宾与灵武",
        "4",
        "",
        "题名",
        "马鸿宾与",
        "灵武",
        " 民国时期宁夏军政往事",
        "",  # in no volume: nothing to cite it by
    ]
    assert [(r[0], r[2]) for r in rows[1:]] == [(str(c["id"]), str(c["offset"])) for c in lines]
    assert all(fold(r[6]) == "灵武" for r in rows[1:])
    code, _, _ = run("concordance", "灵武", "-o", str(tmp_path / "灵武.xlsx"))
    assert code == 0
    sheet = load_workbook(tmp_path / "灵武.xlsx").active
    assert sheet.max_row == 11 and sheet["G2"].value == "灵武"
    assert [c.value for c in sheet[2]] == [
        1,
        "灵州古城考略",
        74,
        None,
        "正文",
        "唐天宝十五载（756年），太子李亨即位于",
        "灵武",
        "，是为唐肃宗。灵武由此名闻天下。宋代，灵",
        None,
    ]
    code, _, err = run("concordance", "灵武", "-o", str(tmp_path / "no" / "such" / "x.csv"))
    assert code == 1
    missing = tmp_path / "no" / "such" / "x.csv"
    assert err == f"wenshi: {missing}：无法写入（文件夹不存在（可能已被移走或删除））\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib", "灵武.csv", "灵武.xlsx"]


def test_concordance_to_an_unknown_format_names_the_file(run: Run, tmp_path: Path):
    code, out, err = run("concordance", "灵武", "-o", str(tmp_path / "灵武.pdf"))
    assert (code, out) == (1, "")
    assert err == f"wenshi: {tmp_path / '灵武.pdf'}：不支持的表格格式“.pdf”；可用 .csv、.xlsx\n"


def test_reindex_and_deleted_index(run: Run):
    code, out, _ = run("reindex")
    assert (code, out) == (0, "检索索引已重建：4 篇\n")
    import shutil

    shutil.rmtree(run.library / "index")
    code, out, err = run("search", "黄河", "--json")
    assert code == 0
    assert [h["title"] for h in json.loads(out)] == ["黄河谣", "灵州古城考略", "马鸿宾与灵武"]
    assert err == "wenshi: 检索索引不存在，正在重建……\n"


def test_killed_import_leaves_a_consistent_index(tmp_path: Path):
    """Kill ``wenshi import`` with SIGKILL half-way through a folder: every manuscript the
    database committed is found by search, exactly as a substring scan finds it."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, text in enumerate(generate_articles(150, 2500, seed=11)):
        (inbox / f"{i:03d}.txt").write_text(f"稿件第{i}号\n{text}", encoding="utf-8")
    library = tmp_path / "lib"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    cmd = [sys.executable, "-m", "wenshi.cli.main", "--library", str(library)]
    proc = subprocess.Popen(
        [*cmd, "import", str(inbox)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.time() + 60
    committed = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            con = sqlite3.connect(library / "wenshi.db", timeout=1)
            committed = con.execute("SELECT COUNT(*) FROM manuscript").fetchone()[0]
            con.close()
        except sqlite3.Error:
            continue
        if committed >= 20:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert committed >= 20, "the import did not get going"
    con = sqlite3.connect(library / "wenshi.db")
    rows = con.execute("SELECT id, title, body FROM manuscript").fetchall()
    con.close()
    assert 20 <= len(rows) < 150
    for query in ("马鸿宾", "灵武", "黄河"):
        expected = {mid for mid, title, body in rows if query in fold(title) + " " + fold(body)}
        out = subprocess.run(
            [*cmd, "search", query, "--limit", "0", "--json"],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        )
        assert {h["id"] for h in json.loads(out.stdout)} == expected, query


def test_an_oral_history_shows_its_narrator_and_compiler_wherever_authors_are_shown(run: Run):
    """水洞沟遗址发现记 has no 作者, only 口述 and 整理: they stand where authors do."""
    people = ["王福林（口述）", "李秀兰（整理）"]
    [hit] = run.json("search", "挖石头")
    assert (hit["title"], hit["authors"]) == ("水洞沟遗址发现记", people)
    code, out, _err = run("search", "挖石头")
    assert (code, out.splitlines()[2]) == (
        0,
        "#4  水洞沟遗址发现记  王福林（口述）、李秀兰（整理）  未编辑  收稿  1 处",
    )
    for step in ("初审", "复审", "终审", "采用"):
        assert run("set", "4", "--status", step)[0] == 0
    assert [(p["title"], p["authors"]) for p in run.json("volume", "pool")] == [
        ("水洞沟遗址发现记", people)
    ]


def test_terms_that_overlap_count_each_place_once(run: Run):
    """武 inside 灵武 is one place, marked once in the text: counted once."""

    def hits(query: str) -> list[tuple[str, int]]:
        return [(h["title"], h["hits"]) for h in run.json("search", query, "--limit", "0")]

    assert hits("灵武 武") == [
        ("马鸿宾与灵武", 4),
        ("灵州古城考略", 5),  # 灵武 four times, and 武 once on its own
        ("黄河谣", 1),
        ("水洞沟遗址发现记", 1),
    ]
    assert hits("灵武 靈武") == hits("灵武")
    assert hits("马鸿宾 鸿宾") == hits("马鸿宾")
