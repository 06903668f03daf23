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

import pytest
from openpyxl import load_workbook

from bench.corpus import generate_articles
from tests.core.test_cli import Run
from tests.corpus import FIXTURES
from wenshi.search.fold import fold


@pytest.fixture
def run(capsys, tmp_path: Path) -> Run:
    r = Run(capsys, tmp_path / "lib")
    code, _, err = r("import", str(FIXTURES))
    assert code == 0, err
    return r


def test_search_json_fields(run: Run):
    hits = run.json("search", "马鸿宾")
    assert len(hits) == 1
    hit = hits[0]
    assert set(hit) >= {
        "id",
        "title",
        "authors",
        "volume",
        "section",
        "status",
        "score",
        "hits",
        "snippets",
    }
    assert hit["title"] == "马鸿宾与灵武" and hit["authors"] == ["马建国"] and hit["hits"] == 4
    assert "【马鸿宾】" in hit["snippets"][0]["marked"]


def test_search_human_output_and_limit(run: Run):
    code, out, _ = run("search", "灵武", "--limit", "1")
    assert code == 0 and out.startswith("共 ") and out.count("\n#") == 1
    assert len(run.json("search", "灵武", "--limit", "0")) == int(out.split()[1])
    code, out, _ = run("search", "无此地名")
    assert code == 0 and "没有找到" in out


def test_bad_query_is_one_line_exit_1(run: Run):
    code, out, err = run("search", "(灵武 OR")
    assert code == 1 and out == "" and err.count("\n") == 1 and "检索式" in err


def test_concordance_exports(run: Run, tmp_path: Path):
    lines = run.json("concordance", "灵武")
    assert lines and set(lines[0]) >= {"id", "title", "offset", "before", "match", "after"}
    code, out, _ = run("concordance", "灵武", "-o", str(tmp_path / "灵武.csv"))
    assert code == 0 and f"已导出 {len(lines)} 处" in out
    with open(tmp_path / "灵武.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["ID", "题名", "位置"] and len(rows) == len(lines) + 1
    assert all(fold(r[5]) == "灵武" for r in rows[1:])
    code, _, _ = run("concordance", "灵武", "-o", str(tmp_path / "灵武.xlsx"))
    assert code == 0
    sheet = load_workbook(tmp_path / "灵武.xlsx").active
    assert sheet.max_row == len(lines) + 1 and sheet["F2"].value == "灵武"
    code, _, err = run("concordance", "灵武", "-o", str(tmp_path / "灵武.pdf"))
    assert code == 1 and ".pdf" in err
    code, _, err = run("concordance", "灵武", "-o", str(tmp_path / "no" / "such" / "x.csv"))
    assert code == 1 and err.count("\n") == 1


def test_reindex_and_deleted_index(run: Run):
    code, out, _ = run("reindex")
    assert code == 0 and "4 篇" in out
    import shutil

    shutil.rmtree(run.library / "index")
    code, out, err = run("search", "黄河", "--json")
    assert code == 0 and json.loads(out) and "正在重建" in err


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
