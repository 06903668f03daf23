"""The ``wenshi`` command line, driven as a user types it (``main(argv)``), checking the
printed output, the JSON fields and the exit status."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.corpus import FIXTURES
from wenshi.cli.main import main
from wenshi.library import Library
from wenshi.records import NewManuscript


class Run:
    def __init__(self, capsys, library: Path) -> None:
        self.capsys = capsys
        self.library = library

    def __call__(self, *argv: str, library: bool = True) -> tuple[int, str, str]:
        args = (["--library", str(self.library)] if library else []) + list(argv)
        code = main(args)
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *argv: str) -> object:
        code, out, err = self(*argv, "--json")
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def run(capsys, tmp_path: Path) -> Run:
    return Run(capsys, tmp_path / "lib")


def test_count_json_fields_without_a_library(run: Run, tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text("2022年6月24日，灵武市政协举办诗歌朗诵会。\nCOVID-19 期间", encoding="utf-8")
    code, out, _ = run("count", str(f), "--layout", "10x20", "--json", library=False)
    assert code == 0
    [row] = json.loads(out)
    assert (row["file"], row["kind"], row["encoding"]) == (str(f), "txt", "utf-8")
    # 年月日 ， 灵武市政协举办诗歌朗诵会(12) 。 期间 = 3+1+12+1+2 = 19 cjk; 2022 6 24 COVID-19 = 4
    assert (row["cjk"], row["non_cjk_words"], row["words"]) == (19, 4, 23)
    assert row["paragraphs"] == 2
    # 17 汉字; 24 + 10 characters on the two lines, 35 with the space in "COVID-19 期间";
    # at 10 a line: (2 indent + 24) -> 3 lines, (2 + 2 + 9 half-width) -> 1 line; 4 x 10.
    assert (row["han"], row["chars_no_spaces"], row["chars_with_spaces"]) == (17, 34, 35)
    assert row["layout_words"] == 40
    assert list(row) == [
        "file",
        "kind",
        "encoding",
        "words",
        "cjk",
        "non_cjk_words",
        "han",
        "chars_no_spaces",
        "chars_with_spaces",
        "paragraphs",
        "layout_words",
    ]
    assert not (tmp_path / "lib").exists()


def test_count_human_output_names_the_figures(run: Run):
    code, out, _ = run(
        "count", str(FIXTURES / "poem.txt"), "--layout", "28x30", "--verse", library=False
    )
    assert code == 0
    # 黄河谣 + six lines of 7 字 and a mark: 51 characters, 44 汉字, 7 paragraphs; a short
    # poem is paid as 10 lines, 1,000 版面字.
    assert [line.split() for line in out.splitlines()] == [
        [
            "文件",
            "编码",
            "字数(Word)",
            "中文字符",
            "非中文单词",
            "汉字",
            "字符数(不计空格)",
            "字符数(计空格)",
            "段落数",
            "版面字数",
        ],
        [str(FIXTURES / "poem.txt"), "utf-8", "51", "51", "0", "44", "51", "51", "7", "1000"],
    ]


def test_count_bad_file_is_one_line_and_exit_1(run: Run, tmp_path: Path):
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"not a zip")
    code, out, err = run("count", str(fake), str(FIXTURES / "poem.txt"), library=False)
    assert code == 1
    assert err == f"wenshi: {fake}：不是有效的 .docx 文件（文件已损坏或不是 Word 文档）\n"
    assert [line.split()[:3] for line in out.splitlines()] == [
        ["文件", "编码", "字数(Word)"],
        [str(FIXTURES / "poem.txt"), "utf-8", "51"],
    ]


def test_usage_error_is_exit_2_one_line(run: Run):
    code, _, err = run("frobnicate")
    assert code == 2
    # argparse's list of choices is quoted differently by Python versions: check the ends.
    assert err.count("\n") == 1
    assert err.startswith("wenshi: argument COMMAND: invalid choice: 'frobnicate' (choose from ")
    assert err.endswith(")（用法见 wenshi --help）\n")
    code, _, err = run("count", "x.txt", "--layout", "0x30", library=False)
    assert code == 1
    assert err == (
        "wenshi: 版式“0x30”无法识别：应写作“每行字数x每页行数”，两者都是正整数，例如“28x30”。\n"
    )


def test_import_list_show_set_history_restore(run: Run, manuscripts_dir: Path, tmp_path: Path):
    results = run.json("import", str(manuscripts_dir))
    # Sorted paths: files in the folder first, then the subfolder's.
    assert [
        (
            Path(r["path"]).name,
            r["status"],
            r["id"],
            r["error"],
            r["kind"],
            r["encoding"],
            r["words"],
        )
        for r in results
    ] == [
        ("mahongbin.txt", "imported", 1, None, "txt", "utf-8", 194),
        ("shuidonggou-gbk.txt", "imported", 2, None, "txt", "gb18030", 213),
        ("changzao.docx", "imported", 3, None, "docx", None, 75),
        ("lingzhou-utf16.txt", "imported", 4, None, "txt", "utf-16", 171),
        ("traditional-big5.txt", "imported", 5, None, "txt", "big5", 84),
    ]
    assert [list(r) for r in results] == [
        ["path", "status", "id", "kind", "error", "encoding", "words", "similar_to", "title"]
    ] * 5
    assert [r["similar_to"] for r in results] == [None] * 5
    ids = {Path(r["path"]).name: r["id"] for r in results}
    rows = run.json("list")
    assert [(r["title"], r["authors"]) for r in rows] == [
        ("马鸿宾与灵武", ["马建国"]),
        ("水洞沟遗址发现记", ["王福林（口述）", "李秀兰（整理）"]),
        ("灵武长枣栽培史话", ["杨振宇"]),
        ("灵州古城考略", ["张文华", "刘玉梅"]),
        ("靈武舊事", ["陳國棟"]),
    ]

    mid = ids["mahongbin.txt"]
    shown = run.json("show", str(mid))
    assert shown["authors"] == ["马建国"] and shown["subtitle"] == "民国时期宁夏军政往事"
    # 191 East Asian characters + 1930, 1936, 1958.
    assert (shown["words"], shown["cjk"], shown["non_cjk_words"]) == (194, 191, 3)
    assert shown["body"].split("\n\n")[0] == (
        "民国十九年（1930年），马鸿宾出任宁夏省政府主席。"
        "其时宁夏初建行省，百废待兴，灵武一县地处黄河东岸，为省城银川之屏障。"
    )
    assert (shown["version"], shown["detail_changes"]) == (1, [])
    imported_on = shown["received_date"]
    assert imported_on == date.today().isoformat()

    code, out, err = run("set", str(mid), "--status", "采用", "--opinion", "好")
    assert (code, out) == (1, "")
    assert err == "wenshi: 不能从“收稿”直接转为“采用”；允许的下一步：初审、退稿\n"
    code, out, _ = run(
        "set",
        str(mid),
        "--status",
        "初审",
        "--opinion",
        "史料可信",
        "--by",
        "王主任",
        "--author",
        "马建国",
        "--author",
        "马玉成",
        "--received-date",
        "2022/6/24",
    )
    assert (code, out) == (0, f"#{mid}  马鸿宾与灵武  状态：初审\n")
    shown = run.json("show", str(mid))
    assert shown["authors"] == ["马建国", "马玉成"] and shown["received_date"] == "2022-06-24"
    assert shown["reviews"][-1]["opinion"] == "史料可信"
    assert shown["reviews"][-1]["actor"] == "王主任"
    assert [(c["label"], c["old"], c["new"], c["actor"]) for c in shown["detail_changes"]] == [
        ("来稿日期", imported_on, "2022-06-24", "王主任"),
        ("作者", "马建国", "马建国、马玉成", "王主任"),
    ]

    new_body = tmp_path / "new.txt"
    new_body.write_text("改写后的正文：横城渡口旧事。", encoding="utf-8")
    before = shown["body"]
    code, out, _ = run("edit", str(mid), "--body-file", str(new_body), "--reason", "作者修改")
    assert (code, out) == (0, f"#{mid} 已保存为第 3 版（可用 wenshi restore {mid} 2 恢复旧版本）\n")
    hist = run.json("history", str(mid))
    assert [(r["number"], r["reason"], r["words"], r["current"]) for r in hist["revisions"]] == [
        (1, "导入原文（提取的全文，未清理）", 215, False),
        (2, "导入：分出题名与署名，清理排版", 194, False),
        (3, "作者修改", 14, True),
    ]
    code, out, _ = run("history", str(mid))
    undated = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", "T", out)
    assert [line.split() for line in undated.split("信息修改：")[1].splitlines()[1:4]] == [
        ["时间", "项目", "原为", "改为", "经办人"],
        ["T", "来稿日期", imported_on, "2022-06-24", "王主任"],
        ["T", "作者", "马建国", "马建国、马玉成", "王主任"],
    ]
    previous = hist["revisions"][-2]["number"]
    code, out, _ = run("history", str(mid), "--diff", str(previous))
    assert out == (
        "--- 第 2 版\n+++ 当前正文\n@@ -1,5 +1 @@\n"
        + "".join(f"-{line}\n" for line in before.split("\n"))
        + "+改写后的正文：横城渡口旧事。\n"
    )
    code, out, _ = run("restore", str(mid), str(previous))
    assert (code, out) == (0, f"#{mid} 已恢复为第 2 版的正文，保存为第 4 版\n")
    assert run.json("show", str(mid))["body"] == before


def test_import_bad_files_one_line_each_others_import(run: Run, bad_dir: Path):
    code, out, err = run("import", str(bad_dir))
    assert code == 1
    assert err.splitlines() == [
        f"wenshi: {bad_dir / 'binary.txt'}：不是文本文件（含二进制数据）",
        f"wenshi: {bad_dir / 'empty.txt'}：文件为空",
        f"wenshi: {bad_dir / 'fake.docx'}：不是有效的 .docx 文件（文件已损坏或不是 Word 文档）",
        f"wenshi: {bad_dir / 'old.doc'}：LibreOffice 无法打开此文件"
        "（文件已损坏、加了密码，或不是 Word 97–2003 文档）",
        f"wenshi: {bad_dir / 'photo.jpg'}：不是可识别的图片（UnidentifiedImageError）",
    ]
    assert out == (
        "已导入  #1  灵州古城考略  [utf-8，字数 171]\n共 6 个文件：导入 1，重复 0，失败 5\n"
    )
    assert [r["title"] for r in run.json("list")] == ["灵州古城考略"]


def test_duplicate_import_names_the_existing_id(run: Run):
    first = run.json("import", str(FIXTURES / "lingzhou.txt"))
    again = run.json("import", str(FIXTURES / "lingzhou.txt"))
    assert again[0]["status"] == "duplicate" and again[0]["id"] == first[0]["id"]
    code, out, _ = run("import", str(FIXTURES / "lingzhou.txt"))
    assert code == 0
    assert out == (
        f"重复    #{first[0]['id']}  {FIXTURES / 'lingzhou.txt'}"
        f"（与库中稿件 {first[0]['id']} 的原始文件相同，未导入）\n"
        "共 1 个文件：导入 0，重复 1，失败 0\n"
    )


def test_rm_trash_undelete(run: Run):
    [r] = run.json("import", str(FIXTURES / "poem.txt"))
    code, out, _ = run("rm", str(r["id"]))
    assert (code, out) == (
        0,
        f"#{r['id']}《黄河谣》已移入回收站（wenshi undelete {r['id']} 可恢复）\n",
    )
    assert run.json("list") == []
    assert [t["id"] for t in run.json("trash")] == [r["id"]]
    code, out, _ = run("undelete", str(r["id"]))
    assert (code, out) == (0, f"#{r['id']}《黄河谣》已从回收站恢复\n")
    assert [x["id"] for x in run.json("list")] == [r["id"]]


def test_stats(run: Run, manuscripts_dir: Path):
    run("import", str(manuscripts_dir))
    stats = run.json("stats")
    # 字数 of the five: 194 + 213 + 75 + 171 + 84; 汉字 161 + 179 + 60 + 135 + 74.
    assert stats == {
        "manuscripts": 5,
        "words": 737,
        "han": 609,
        "in_trash": 0,
        "by_status": [
            {"status": "received", "label": "收稿", "manuscripts": 5, "words": 737, "han": 609}
        ],
        "open_elsewhere": [],
    }


def test_stats_names_the_other_programs_that_have_the_library_open(run: Run):
    with Library.open(run.library, program="wenshi-gui"):
        code, out, _ = run("stats")
        assert code == 0
        assert out.splitlines()[-1] == f"同时打开本文库的程序：wenshi-gui（进程 {os.getpid()}）"
        assert run.json("stats")["open_elsewhere"] == [
            {"program": "wenshi-gui", "pid": os.getpid()}
        ]
    assert "同时打开" not in run("stats")[1]


def test_missing_manuscript_is_one_line(run: Run):
    code, out, err = run("show", "42")
    assert code == 1 and out == "" and err == "wenshi: 稿件 42 不存在\n"


def test_backup_zip_opens_as_a_library(run: Run, manuscripts_dir: Path, tmp_path: Path):
    run("import", str(manuscripts_dir))
    code, out, _ = run("backup", str(tmp_path / "备份.zip"))
    assert (code, out) == (0, f"已备份到 {tmp_path / '备份.zip'}（数据库和 5 个原始文件）\n")
    restored = tmp_path / "restored"
    with zipfile.ZipFile(tmp_path / "备份.zip") as zf:
        names = zf.namelist()
        assert names[0] == "wenshi.db" and len(names) == 6
        assert all(
            re.fullmatch(r"files/[0-9a-f]{2}/[0-9a-f]{64}\.(txt|docx)", n) for n in names[1:]
        )
        zf.extractall(restored)
    code, out, _ = Run(run.capsys, restored)("list", "--json")
    assert code == 0 and len(json.loads(out)) == 5


def test_backup_to_unwritable_place_fails_cleanly(run: Run, tmp_path: Path):
    run("import", str(FIXTURES / "poem.txt"))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run("backup", str(blocker / "sub" / "b.zip"))
    assert code == 1
    assert err == f"wenshi: {blocker / 'sub' / 'b.zip'}：无法写入备份（上级路径不是文件夹）\n"


def test_console_script_runs(tmp_path: Path):
    """The installed ``wenshi`` entry point (or ``python -m``) answers like main()."""
    exe = shutil.which("wenshi")
    cmd = [exe] if exe else [sys.executable, "-m", "wenshi.cli.main"]
    proc = subprocess.run(
        [*cmd, "count", str(FIXTURES / "lingzhou.txt"), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0]["words"] == 187


def test_import_with_given_title(run: Run, tmp_path: Path):
    f = tmp_path / "note.txt"
    f.write_text("民国二年（1913年），灵州改为灵武县。", encoding="utf-8")
    [r] = run.json("import", str(f), "--title", "灵武县名由来")
    shown = run.json("show", str(r["id"]))
    assert shown["title"] == "灵武县名由来"
    assert shown["body"] == "民国二年（1913年），灵州改为灵武县。"
    code, _, err = run("import", str(f), str(FIXTURES / "poem.txt"), "--title", "x")
    assert (code, err) == (1, "wenshi: 指定题名时只能导入一个文件（现有 2 个）\n")


def test_import_sets_the_received_date(run: Run, manuscripts_dir: Path):
    """收稿日期: the day of the import, or the one given; a bad or future day imports none."""
    [today] = run.json("import", str(FIXTURES / "lingzhou.txt"))
    assert run.json("show", str(today["id"]))["received_date"] == date.today().isoformat()
    given = run.json("import", str(manuscripts_dir), "--received", "2022年6月24日")
    assert {run.json("show", str(r["id"]))["received_date"] for r in given} == {"2022-06-24"}
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    code, out, err = run("import", str(FIXTURES / "poem.txt"), "--received", tomorrow)
    assert (code, out) == (1, "")
    assert err == f"wenshi: 收稿日期“{tomorrow}”在今天（{date.today().isoformat()}）之后\n"
    code, _, err = run("import", str(FIXTURES / "poem.txt"), "--received", "2022-13-01")
    assert (code, err) == (
        1,
        "wenshi: 日期“2022-13-01”无效；请写成 2022-06-24、2022/6/24 或 2022年6月24日\n",
    )
    assert len(run.json("list")) == 1 + len(given)


def test_set_is_all_or_nothing(run: Run):
    [r] = run.json("import", str(FIXTURES / "lingzhou.txt"))
    code, _, err = run("set", str(r["id"]), "--title", "新题名", "--status", "采用")
    assert code == 1
    assert err == "wenshi: 不能从“收稿”直接转为“采用”；允许的下一步：初审、退稿\n"
    assert run.json("show", str(r["id"]))["title"] == "灵州古城考略"


def test_image_cli(run: Run, tmp_path: Path):
    from tests.core.test_images import photo

    [r] = run.json("import", str(FIXTURES / "lingzhou.txt"))
    mid = str(r["id"])
    code, out, _ = run(
        "image",
        "add",
        mid,
        str(photo(tmp_path / "p.jpg")),
        "--caption",
        "枣园",
        "--by",
        "李秀兰",
    )
    assert (code, out) == (0, "图1  #1  p.jpg  400×300  枣园\n")
    [info] = run.json("image", "list", mid)
    assert (info["caption"], info["photographer"], info["position"]) == ("枣园", "李秀兰", 1)
    code, out, _ = run("image", "list", mid)
    assert [line.split() for line in out.splitlines()] == [
        ["图", "ID", "文件", "尺寸", "图注", "日期", "摄影"],
        ["1", "1", "p.jpg", "400×300", "枣园", "李秀兰"],  # no date: an empty column
    ]
    assert run("image", "set", str(info["id"]), "--caption", "灵武长枣园") == (
        0,
        "图片 1 已修改\n",
        "",
    )
    assert run.json("image", "list", mid)[0]["caption"] == "灵武长枣园"
    bad = tmp_path / "x.jpg"
    bad.write_text("no")
    code, _, err = run("image", "add", mid, str(bad))
    assert code == 1
    assert re.fullmatch(rf"wenshi: {re.escape(str(bad))}：不是可识别的图片（\w+）\n", err)
    assert run("image", "rm", str(info["id"])) == (
        0,
        "图片 1 已移除（原始文件仍保存在文库中）\n",
        "",
    )
    assert run.json("image", "list", mid) == []


def test_docx_running_heads_are_shown_not_counted(run: Run, tmp_path: Path):
    import docx

    document = docx.Document()
    document.add_paragraph("灵武长枣")
    document.add_paragraph("　　灵武长枣，果实长圆，皮薄肉脆。")
    section = document.sections[0]
    section.header.paragraphs[0].text = "《灵武文史》第十八辑征稿"
    section.footer.paragraphs[0].text = "灵武市政协文史委员会"
    path = tmp_path / "征稿.docx"
    document.save(str(path))
    # 4 + 15 as Word counts the page; the header (12) and footer (10) are not text.
    [counted] = run.json("count", str(path))
    assert counted["words"] == 19
    [imported] = run.json("import", str(path))
    shown = run.json("show", str(imported["id"]))
    assert shown["furniture"] == "《灵武文史》第十八辑征稿\n灵武市政协文史委员会"
    assert (shown["body"], shown["words"]) == ("　　灵武长枣，果实长圆，皮薄肉脆。", 15)
    code, out, _ = run("show", str(imported["id"]))
    assert code == 0
    assert "页眉页脚（不计字数）：《灵武文史》第十八辑征稿 / 灵武市政协文史委员会\n" in out


def test_original_copies_the_file_out_under_its_own_name(run: Run, tmp_path: Path):
    source = tmp_path / "来稿" / "灵州古城考略.txt"
    source.parent.mkdir()
    shutil.copy(FIXTURES / "lingzhou.txt", source)
    [r] = run.json("import", str(source))
    out = tmp_path / "出"
    out.mkdir()
    code, text, _ = run("original", str(r["id"]), "--to", str(out))
    assert (code, text) == (0, f"{out / '灵州古城考略.txt'}\n")
    assert (out / "灵州古城考略.txt").read_bytes() == source.read_bytes()
    # Never over a file already there.
    assert run.json("original", str(r["id"]), "--to", str(out)) == [
        str(out / "灵州古城考略 (2).txt")
    ]
    code, _, err = run("original", str(r["id"]), "--to", str(out / "无此文件夹"))
    assert (code, err) == (1, f"wenshi: {out / '无此文件夹'}：不是一个文件夹\n")
    with Library.open(run.library) as library:  # as the desktop program's 新建稿件 does
        new = library.manuscripts.add(NewManuscript(title="手写的稿", body="")).value
    code, _, err = run("original", str(new))
    assert (code, err) == (
        1,
        f"wenshi: 稿件 #{new}《手写的稿》没有原始文件（它是在 wenshi 里新建的）\n",
    )
