"""The ``wenshi`` command line, driven as a user types it (``main(argv)``), checking the
printed output, the JSON fields and the exit status."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.corpus import FIXTURES
from wenshi.cli.main import main


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
    assert row["file"] == str(f) and row["encoding"] == "utf-8"
    # 年月日 ， 灵武市政协举办诗歌朗诵会(12) 。 期间 = 3+1+12+1+2 = 19 cjk; 2022 6 24 COVID-19 = 4
    assert (row["cjk"], row["non_cjk_words"], row["words"]) == (19, 4, 23)
    assert row["paragraphs"] == 2
    assert set(row) >= {"han", "chars_no_spaces", "chars_with_spaces", "layout_words"}
    assert not (tmp_path / "lib").exists()


def test_count_human_output_names_the_figures(run: Run):
    code, out, _ = run(
        "count", str(FIXTURES / "poem.txt"), "--layout", "28x30", "--verse", library=False
    )
    assert code == 0
    assert "字数(Word)" in out and "版面字数" in out and "1000" in out


def test_count_bad_file_is_one_line_and_exit_1(run: Run, tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run("count", str(empty), str(FIXTURES / "poem.txt"), library=False)
    assert code == 1
    assert err.count("\n") == 1 and "empty.txt" in err and "空" in err
    assert "poem.txt" in out


def test_usage_error_is_exit_2_one_line(run: Run):
    code, _, err = run("frobnicate")
    assert code == 2
    assert err.count("\n") == 1 and "--help" in err
    code, _, err = run("count", "x.txt", "--layout", "0x30", library=False)
    assert code == 1 and "0x30" in err


def test_import_list_show_set_history_restore(run: Run, manuscripts_dir: Path, tmp_path: Path):
    results = run.json("import", str(manuscripts_dir))
    assert len(results) == 5
    assert {r["status"] for r in results} == {"imported"}
    assert all(
        set(r) >= {"path", "status", "id", "error", "encoding", "words", "similar_to"}
        for r in results
    )
    ids = {Path(r["path"]).name: r["id"] for r in results}
    rows = run.json("list")
    assert {r["title"] for r in rows} >= {"马鸿宾与灵武", "水洞沟遗址发现记", "灵州古城考略"}

    mid = ids["mahongbin.txt"]
    shown = run.json("show", str(mid))
    assert shown["authors"] == ["马建国"] and shown["subtitle"] == "民国时期宁夏军政往事"
    assert shown["words"] == shown["cjk"] + shown["non_cjk_words"]
    assert shown["body"].startswith("民国十九年")

    code, out, err = run("set", str(mid), "--status", "采用", "--opinion", "好")
    assert code == 1 and "初审" in err and out == ""
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
    assert code == 0 and "初审" in out
    shown = run.json("show", str(mid))
    assert shown["authors"] == ["马建国", "马玉成"] and shown["received_date"] == "2022-06-24"
    assert shown["reviews"][-1]["opinion"] == "史料可信"
    assert shown["reviews"][-1]["actor"] == "王主任"

    new_body = tmp_path / "new.txt"
    new_body.write_text("改写后的正文：横城渡口旧事。", encoding="utf-8")
    before = shown["body"]
    code, out, _ = run("edit", str(mid), "--body-file", str(new_body), "--reason", "作者修改")
    assert code == 0
    hist = run.json("history", str(mid))
    assert hist["revisions"][-1]["reason"] == "作者修改"
    previous = hist["revisions"][-2]["number"]
    code, out, _ = run("history", str(mid), "--diff", str(previous))
    assert "+改写后的正文：横城渡口旧事。" in out
    code, out, _ = run("restore", str(mid), str(previous))
    assert code == 0
    assert run.json("show", str(mid))["body"] == before


def test_import_bad_files_one_line_each_others_import(run: Run, bad_dir: Path):
    code, out, err = run("import", str(bad_dir))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 5
    for name in ("empty.txt", "binary.txt", "fake.docx", "photo.jpg", "old.doc"):
        assert sum(name in line for line in lines) == 1, name
    assert "已导入" in out and "灵州古城考略" in out
    assert [r["title"] for r in run.json("list")] == ["灵州古城考略"]


def test_duplicate_import_names_the_existing_id(run: Run):
    first = run.json("import", str(FIXTURES / "lingzhou.txt"))
    again = run.json("import", str(FIXTURES / "lingzhou.txt"))
    assert again[0]["status"] == "duplicate" and again[0]["id"] == first[0]["id"]
    code, out, _ = run("import", str(FIXTURES / "lingzhou.txt"))
    assert code == 0 and f"#{first[0]['id']}" in out


def test_rm_trash_undelete(run: Run):
    [r] = run.json("import", str(FIXTURES / "poem.txt"))
    code, out, _ = run("rm", str(r["id"]))
    assert code == 0 and "回收站" in out
    assert run.json("list") == []
    assert [t["id"] for t in run.json("trash")] == [r["id"]]
    code, _, _ = run("undelete", str(r["id"]))
    assert code == 0 and [x["id"] for x in run.json("list")] == [r["id"]]


def test_stats(run: Run, manuscripts_dir: Path):
    run("import", str(manuscripts_dir))
    stats = run.json("stats")
    assert stats["manuscripts"] == 5
    assert stats["by_status"][0]["label"] == "收稿"
    assert stats["words"] == sum(r["words"] for r in run.json("list"))


def test_missing_manuscript_is_one_line(run: Run):
    code, out, err = run("show", "42")
    assert code == 1 and out == "" and err == "wenshi: 稿件 42 不存在\n"


def test_backup_zip_opens_as_a_library(run: Run, manuscripts_dir: Path, tmp_path: Path):
    run("import", str(manuscripts_dir))
    code, out, _ = run("backup", str(tmp_path / "备份.zip"))
    assert code == 0
    restored = tmp_path / "restored"
    with zipfile.ZipFile(tmp_path / "备份.zip") as zf:
        names = zf.namelist()
        assert "wenshi.db" in names and sum(n.startswith("files/") for n in names) == 5
        zf.extractall(restored)
    code, out, _ = Run(run.capsys, restored)("list", "--json")
    assert code == 0 and len(json.loads(out)) == 5


def test_backup_to_unwritable_place_fails_cleanly(run: Run, tmp_path: Path):
    run("import", str(FIXTURES / "poem.txt"))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run("backup", str(blocker / "sub" / "b.zip"))
    assert code == 1 and err.count("\n") == 1


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
    assert json.loads(proc.stdout)[0]["words"] > 100


def test_import_with_given_title(run: Run, tmp_path: Path):
    f = tmp_path / "note.txt"
    f.write_text("民国二年（1913年），灵州改为灵武县。", encoding="utf-8")
    [r] = run.json("import", str(f), "--title", "灵武县名由来")
    shown = run.json("show", str(r["id"]))
    assert shown["title"] == "灵武县名由来"
    assert shown["body"] == "民国二年（1913年），灵州改为灵武县。"
    code, _, err = run("import", str(f), str(FIXTURES / "poem.txt"), "--title", "x")
    assert code == 1 and "只能导入一个文件" in err


def test_set_is_all_or_nothing(run: Run):
    [r] = run.json("import", str(FIXTURES / "lingzhou.txt"))
    code, _, err = run("set", str(r["id"]), "--title", "新题名", "--status", "采用")
    assert code == 1 and "初审" in err
    assert run.json("show", str(r["id"]))["title"] == "灵州古城考略"
