"""Odd input a user can type or pipe, each answered in one line (or quietly), never as an
internal error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image as PILImage

from tests.cli.test_cli import Run
from tests.core.test_import_limits import docx_with, paragraphs, png_header, undecodable


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


def test_pasted_text_with_an_unmatched_closing_quote_is_searched_as_written(run: Run):
    """Copied out of a text, a fragment often ends inside a quotation: its ” is one more
    character to find, not a typing mistake."""
    hits = run.json("search", "挖石头”的事")
    assert [(h["title"], h["hits"]) for h in hits] == [("水洞沟遗址发现记", 1)]
    both = run.json("search", "挖石头”的事 灵武")
    assert [(h["title"], h["hits"]) for h in both] == [("水洞沟遗址发现记", 2)]
    assert [h["title"] for h in run.json("search", "故号灵州”")] == ["灵州古城考略"]
    assert run("search", "挖石头”的人") == (0, "没有找到“挖石头”的人”\n", "")


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


def test_count_of_an_empty_file_is_zero_and_json_keeps_one_entry_per_file(tmp_path: Path, capsys):
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


def test_a_file_name_that_is_not_utf8_prints_with_escapes(tmp_path: Path):
    folder = tmp_path / "来稿"
    folder.mkdir()
    undecodable(folder, b"\xff\xfe.txt", "灵武旧事\n\n马鸿宾是灵武人。".encode())
    undecodable(folder, b"\xff.docx", "这不是 Word 文件".encode())
    wenshi = [sys.executable, "-m", "wenshi.cli.main", "--library", str(tmp_path / "lib")]
    shown = subprocess.run([*wenshi, "import", str(folder)], capture_output=True, timeout=120)
    assert shown.returncode == 1
    assert shown.stdout.decode("utf-8").splitlines() == [
        "已导入  #1  灵武旧事  [utf-8，字数 8]",
        "共 2 个文件：导入 1，重复 0，失败 1",
    ]
    assert shown.stderr.decode("utf-8") == (
        f"wenshi: {folder}/\\xff.docx：不是有效的 .docx 文件（文件已损坏或不是 Word 文档）\n"
    )
    again = subprocess.run([*wenshi, "import", str(folder), "--json"], capture_output=True)
    rows = json.loads(again.stdout.decode("utf-8"))
    assert [(r["path"], r["status"]) for r in rows] == [
        (f"{folder}/\\xff.docx", "error"),
        (f"{folder}/\\xff\\xfe.txt", "duplicate"),
    ]


def test_import_limits_are_raised_by_their_options(run: Run, tmp_path: Path):
    path = docx_with(tmp_path / "短.docx", paragraphs(30, "灵武文史。"))
    assert run("import", str(path), "--max-paragraphs", "20") == (
        1,
        "共 1 个文件：导入 0，重复 0，失败 1\n",
        f"wenshi: {path}：段落超过 20 个的上限（可用 --max-paragraphs 放宽）\n",
    )
    code, _out, err = run("import", str(path), "--max-unpacked-mb", "0")
    assert code == 1 and "（可用 --max-unpacked-mb 放宽）" in err
    code, out, err = run("import", str(path), "--max-paragraphs", "30", "--max-unpacked-mb", "1")
    assert (code, err) == (0, "") and out.endswith("共 1 个文件：导入 1，重复 0，失败 0\n")


def test_image_add_refuses_an_image_of_too_many_pixels_and_adds_the_next(run: Run, tmp_path: Path):
    text = tmp_path / "a.txt"
    text.write_text("横城古渡\n\n黄河岸边的横城古渡。", encoding="utf-8")
    assert run("import", str(text))[0] == 0
    huge, small = tmp_path / "巨幅.png", tmp_path / "小.png"
    huge.write_bytes(png_header(30000, 30000))
    PILImage.new("RGB", (20, 10), "red").save(small)
    assert run("image", "add", "1", str(huge), str(small)) == (
        1,
        "图1  #1  小.png  20×10  \n",
        f"wenshi: {huge}：图片 30000×30000 有 900,000,000 像素，超过 200,000,000 像素的上限"
        "（可用 --max-pixels 放宽）\n",
    )
    code, _out, err = run("image", "add", "1", str(small), "--max-pixels", "199")
    assert code == 1 and "超过 199 像素的上限（可用 --max-pixels 放宽）" in err
