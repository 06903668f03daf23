"""Odd input a user can type or pipe, each answered in one line (or quietly), never as an
internal error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import Run


def test_a_closed_pipe_ends_quietly(run: Run):
    wenshi = [sys.executable, "-m", "wenshi.cli.main", "--library", str(run.library)]
    listing = subprocess.Popen([*wenshi, "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert listing.stdout is not None
    first = listing.stdout.readline().decode("utf-8")
    listing.stdout.close()  # what ``| head -1`` does
    assert listing.wait(timeout=60) == 0
    assert first.startswith("ID")
    assert listing.stderr is not None and listing.stderr.read() == b""


def test_search_on_an_empty_library(tmp_path: Path, capsys):
    empty = Run(capsys, tmp_path / "empty")
    code, out, _err = empty("search", "灵武")
    assert (code, out) == (0, "没有找到“灵武”\n")


def test_a_query_starting_with_a_dash_says_how_to_write_it(run: Run):
    code, out, err = run("search", "-宁夏")
    assert (code, out) == (2, "")
    assert err == (
        "wenshi: 检索式“-宁夏”以“-”开头，会被当作选项；请写在 -- 之后：wenshi search -- -宁夏\n"
    )
    with_words = run("search", "-宁夏 灵武", "--json")
    after_dashes = run("search", "--json", "--", "-宁夏 灵武")
    assert with_words[0] == after_dashes[0] == 0
    assert with_words[1] == after_dashes[1]


def test_deeply_nested_brackets_are_refused_in_one_line(run: Run):
    code, _out, err = run("search", "(" * 5000 + "灵武" + ")" * 5000)
    assert (code, err) == (1, "wenshi: 检索式有误：第 101 个字符处的括号或“-”嵌套超过 100 层\n")
    code, out, _err = run("search", "(" * 50 + "灵武" + ")" * 50, "--json")
    assert code == 0 and out == run("search", "灵武", "--json")[1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("show", "12345678901234567890123"),
            "wenshi: argument id: “12345678901234567890123”超出范围"
            "（应为 0 到 9223372036854775807 的整数）（用法见 wenshi show --help）\n",
        ),
        (
            ("concordance", "灵武", "--context", "-5"),
            "wenshi: argument --context: “-5”超出范围"
            "（应为 0 到 9223372036854775807 的整数）（用法见 wenshi concordance --help）\n",
        ),
        (
            ("search", "灵武", "--limit", "十"),
            "wenshi: argument --limit: “十”不是整数（用法见 wenshi search --help）\n",
        ),
    ],
)
def test_impossible_numbers_are_usage_errors(run: Run, argv: tuple[str, ...], message: str):
    assert run(*argv) == (2, "", message)


def test_count_of_an_empty_file_is_zero_and_json_keeps_one_entry_per_file(
    tmp_path: Path, capsys
):
    empty, text, missing = tmp_path / "空.txt", tmp_path / "a.txt", tmp_path / "无.txt"
    empty.write_bytes(b"")
    text.write_text("灵武", encoding="utf-8")
    count = Run(capsys, tmp_path / "unused")
    code, out, err = count("count", str(empty), str(text), str(missing), "--json", library=False)
    rows = json.loads(out)
    assert code == 1
    assert [(r["file"], r.get("words"), r.get("encoding")) for r in rows] == [
        (str(empty), 0, None),
        (str(text), 2, "utf-8"),
        (str(missing), None, None),
    ]
    assert rows[2]["error"] == f"{missing}：无法读取（No such file or directory）"
    assert err == f"wenshi: {missing}：无法读取（No such file or directory）\n"
    code, out, _err = count("count", str(empty), library=False)
    assert (code, out.splitlines()[1].split()[1:]) == (0, ["—", *"0000000"])


def test_volume_create_prints_the_title_as_given(run: Run):
    code, out, _err = run("volume", "create", "18", "--title", "《灵武文史》第十八辑")
    assert (code, out) == (0, "已新建第 18 辑 《灵武文史》第十八辑（版心 28x30）\n")
