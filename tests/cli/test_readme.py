"""Every ``wenshi`` command the README shows is one the command line takes, and runs: in
README order, as written, from a folder holding the files they name, each exits 0 and does
what the README says.

The README's first command is ``wenshi sample``: it loads only into a library without those
volumes, so it comes first, and the examples after it are written for the library it makes
(#12 just received, volume 17 being compiled). The test starts with no library at all, at
``WENSHI_LIBRARY``, so that the commands run without ``--library`` as a user types them."""

from __future__ import annotations

import itertools
import json
import os
import re
import shlex
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import rispy

from bench.volume_corpus import Article, Volume, build, write_articles
from tests.corpus import TRADITIONAL, make_docx
from tests.ui.scans import SOFFICE, draw_scan, needs_font, needs_soffice
from wenshi.cli.main import build_parser, main
from wenshi.sample import SAMPLE_DIR

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_commands() -> list[list[str]]:
    blocks = re.findall(r"```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    commands = []
    for line in "\n".join(blocks).splitlines():
        for command in line.split(" ; "):
            words = shlex.split(command, comments=True)
            if words[:1] == ["wenshi"]:
                commands.append(words[1:])
    return commands


def test_readme_shows_commands():
    assert len(readme_commands()) >= 20


@pytest.mark.parametrize("words", readme_commands(), ids=" ".join)
def test_readme_command_is_accepted(words: list[str]):
    args = build_parser().parse_args(words)
    assert args.command == words[0]
    assert callable(args.handler)


# -- the files the commands name -----------------------------------------------------------
SCAN_LINES = ["灵州古城考略", "作者：马文华", "灵州城始建于汉代，历代屡有修筑。"]
# 第十辑.pdf: three articles in three 栏目, each opening on a paragraph of its own and
# running on with the bench volume's prose; only the first names 马鸿宾.
VOLUME_TEN = [
    (
        "马鸿宾驻防灵武纪略",
        "杨文华",
        "史海钩沉",
        "民国十九年，马鸿宾出任宁夏省政府主席。马鸿宾部驻防灵武期间，修缮城垣，疏浚秦渠。",
    ),
    ("横城渡口的羊皮筏子", "王振宇", "乡土风情", "横城渡口在黄河东岸，当年船只往来不绝。"),
    ("崇兴古塔忆往", "丁学成", "往事回眸", "崇兴的古塔，见证了这片土地数百年的沧桑变化。"),
]
REVISED = ("六十多年来", "七十多年来")  # what 修改稿.txt changes in #12


def sample_body(name: str) -> str:
    """A sample manuscript's body: what follows its heading (title, subtitle, by-line)."""
    text = (SAMPLE_DIR / "manuscripts" / name).read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1].strip()


@pytest.fixture
def workdir(tmp_path: Path, manuscripts_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Volume:
    """The editor's folder, made the current one: every file the README's commands name.
    The library the commands use without ``--library`` is ``WENSHI_LIBRARY``, not yet made.
    Returns what 第十辑.pdf holds."""
    import docx
    from PIL import Image, ImageDraw

    folder = tmp_path / "work"
    folder.mkdir()
    # An inbox in every encoding and shape; its Big5 file is old.txt here.
    shutil.copytree(manuscripts_dir, folder / "来稿", ignore=shutil.ignore_patterns("*big5*"))
    (folder / "old.txt").write_bytes(TRADITIONAL.encode("big5"))
    draw_scan([SCAN_LINES], folder / "旧刊扫描.pdf")  # an image-only PDF page
    articles = [
        Article(title, author, section, [first, *filler.paragraphs])
        for (title, author, section, first), filler in zip(
            VOLUME_TEN, write_articles(len(VOLUME_TEN), (4, 6)), strict=True
        )
    ]
    volume = build(tmp_path / "volume", number=10, articles=articles, soffice=SOFFICE)
    shutil.copy(volume.pdf, folder / "第十辑.pdf")
    county = docx.Document()
    for text in ("灵武县志大事记", "一九五八年，灵武县人民公社化。", "一九七二年，秦渠改建。"):
        county.add_paragraph(text)
    county.save(str(folder / "县志.docx"))
    make_docx(folder / "稿件.docx")
    body = sample_body("12-huihan-minsu.txt")
    assert body.count(REVISED[0]) == 1
    (folder / "修改稿.txt").write_text(body.replace(*REVISED), encoding="utf-8")
    photo = Image.new("RGB", (800, 600), (168, 150, 120))
    ImageDraw.Draw(photo).rectangle((0, 380, 800, 600), fill=(90, 110, 140))  # the river
    photo.save(folder / "渡口.jpg", quality=85)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("WENSHI_LIBRARY", str(tmp_path / "lib"))
    return volume


# -- running them ---------------------------------------------------------------------------
class Walk:
    """The commands as typed at a prompt in that folder: ``main(words)``, no ``--library``."""

    def __init__(self, capsys: pytest.CaptureFixture[str], volume: Volume) -> None:
        self.capsys = capsys
        self.volume = volume  # what 第十辑.pdf holds

    def __call__(self, *words: str) -> tuple[int, str, str]:
        code = main(list(words))
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *words: str):
        code, out, err = self(*words, "--json")
        assert code == 0, err
        return json.loads(out)

    def show(self, manuscript_id: int) -> dict:
        return self.json("show", str(manuscript_id))

    def ids(self, *words: str) -> list[int]:
        return [row["id"] for row in self.json(*words)]

    def plan(self, number: int) -> dict[str, list[int]]:
        """A volume's sections and the ids in each, in order."""
        sections = self.json("volume", "show", str(number))["sections"]
        return {s["name"]: [i["id"] for i in s["items"]] for s in sections}


Check = Callable[[Walk, str], None]
CHECKS: dict[str, Check] = {}


def after(command: str) -> Callable[[Check], Check]:
    """Register what must hold after the README command ``command`` (its words joined by
    spaces, without ``wenshi`` and quotes) printed ``out`` and exited 0."""

    def register(check: Check) -> Check:
        assert command not in CHECKS, command
        CHECKS[command] = check
        return check

    return register


def docx_text(path: str) -> list[str]:
    import docx

    return [p.text for p in docx.Document(path).paragraphs]


def sheet_rows(path: str) -> list[tuple]:
    import openpyxl

    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


# Ids as the commands below leave them: the sample's 1–14, then the imports in README order.
INBOX = [15, 16, 17, 18]  # 来稿/
SCANNED, VOLUME_TEN_IDS, OLD, COUNTY = 19, [20, 21, 22], 23, 24


@after("sample")
def sample_loaded(walk: Walk, out: str) -> None:
    assert out == "已载入示例文库：14 篇稿件，第十六、十七辑（wenshi volume list 查看）\n"
    assert (Path(os.environ["WENSHI_LIBRARY"]) / "wenshi.db").is_file()
    volumes = walk.json("volume", "list")
    assert [(v["number"], v["status"], v["articles"]) for v in volumes] == [
        (16, "published", 5),
        (17, "planning", 4),
    ]


@after("import 来稿/ --status 收稿 --received 2026-11-20")
def inbox_imported(walk: Walk, out: str) -> None:
    # Every encoding told apart, the subfolder read, the system clutter left alone.
    assert out.splitlines() == [
        "已导入  #15  马鸿宾与灵武  [utf-8，字数 194]",
        "已导入  #16  水洞沟遗址发现记  [gb18030，字数 213]",
        "已导入  #17  灵武长枣栽培史话  [docx，字数 75]",
        "已导入  #18  灵州古城考略  [utf-16，字数 171]",
        "共 4 个文件：导入 4，重复 0，失败 0",
    ]
    assert walk.ids("list", "--status", "收稿") == [12, *INBOX]
    assert walk.show(17)["authors"] == ["杨振宇"]
    assert {walk.show(n)["received_date"] for n in INBOX} == {"2026-11-20"}


@after("import 旧刊扫描.pdf --ocr always")
def scan_read_by_ocr(walk: Walk, out: str) -> None:
    assert out.splitlines()[0] == f"已导入  #{SCANNED}  灵州古城考略  [pdf，字数 16]"
    shown = walk.show(SCANNED)
    assert (shown["title"], shown["authors"], shown["body"]) == (
        SCAN_LINES[0],
        ["马文华"],
        SCAN_LINES[2],
    )
    assert shown["history"][0]["reason"] == "OCR 识别原文（1 页，未校对）"


@after("import-volume 第十辑.pdf --volume 10")
def volume_split_by_its_contents(walk: Walk, out: str) -> None:
    import pypdfium2 as pdfium

    pages = len(pdfium.PdfDocument(walk.volume.pdf))
    assert out.splitlines()[-1] == f"已导入第 10 辑：{pages} 页，3 篇，均为已刊"
    plan = walk.json("volume", "show", "10")
    assert plan["status"] == "published"
    assert [
        (s["name"], [(i["id"], i["title"], i["authors"], i["start_page"]) for i in s["items"]])
        for s in plan["sections"]
    ] == [
        (a.section, [(n, a.title, [a.author], a.start_page)])
        for n, a in zip(VOLUME_TEN_IDS, walk.volume.articles, strict=True)
    ]
    first = walk.show(VOLUME_TEN_IDS[0])
    assert (first["status"], first["first_page"], first["files"][0]["original_name"]) == (
        "published",
        1,
        "第十辑.pdf",
    )
    assert first["body"].startswith(VOLUME_TEN[0][3])


@after("import old.txt --encoding big5")
def big5_read_as_told(walk: Walk, out: str) -> None:
    assert out.splitlines()[0] == f"已导入  #{OLD}  靈武舊事  [big5，字数 84]"
    shown = walk.show(OLD)
    # The characters are kept as written, never converted.
    assert (shown["authors"], shown["files"][0]["encoding"]) == (["陳國棟"], "big5")
    assert "民國二十五年，馬鴻賓部駐防於此" in shown["body"]


@after("import 县志.docx --max-paragraphs 500000")
def docx_imported_under_the_raised_limit(walk: Walk, out: str) -> None:
    assert out.splitlines()[0] == f"已导入  #{COUNTY}  灵武县志大事记  [docx，字数 26]"
    assert walk.show(COUNTY)["body"] == "一九五八年，灵武县人民公社化。\n一九七二年，秦渠改建。"


@after("count 稿件.docx --layout 28x30")
def counted_without_a_library(walk: Walk, out: str) -> None:
    # 72 汉字 and 9 marks; “ ” and / 1985 3200 2020 140000 are the 7 words Word counts apart.
    # 28 a line: title, by-line, 2 lines a paragraph (its indent included), 3 table rows.
    header, row = (line.split() for line in out.splitlines())
    assert dict(zip(header, row, strict=True)) == {
        "文件": "稿件.docx",
        "编码": "docx",
        "字数(Word)": "88",
        "中文字符": "81",
        "非中文单词": "7",
        "汉字": "72",
        "字符数(不计空格)": "102",
        "字符数(计空格)": "105",
        "段落数": "7",
        "版面字数": "252",
    }


@after("list --status 初审 --json")
def listed_by_state(walk: Walk, out: str) -> None:
    rows = json.loads(out)
    assert [(r["id"], r["title"], r["status"]) for r in rows] == [
        (10, "灵武老城南街旧事", "first_review")
    ]


@after("original 15 --to .")
def original_copied(walk: Walk, out: str) -> None:
    name = walk.show(15)["files"][0]["original_name"]
    [came_in] = Path("来稿").rglob(name)
    assert out == f"{name}\n"
    assert Path(name).read_bytes() == came_in.read_bytes()


@after("show 12")
def shown_in_full(walk: Walk, out: str) -> None:
    lines = out.splitlines()
    assert lines[:5] == [
        "#12  一条巷子里的两种年",
        "      ——回汉邻里民俗杂记",
        "作者：丁桂兰",
        "状态：收稿",
        "来稿日期：2022-06-24",
    ]
    assert "字数(Word) 1007  中文字符 999  非中文单词 8  汉字 885" in out
    assert "审稿记录：1 条（wenshi history 12）" in out
    assert lines[-1] == sample_body("12-huihan-minsu.txt").splitlines()[-1]


@after("set 12 --status 初审 --opinion 史料翔实 --by 王主任")
def reviewed(walk: Walk, out: str) -> None:
    assert out == "#12  一条巷子里的两种年  状态：初审\n"
    shown = walk.show(12)
    assert shown["status"] == "first_review"
    last = shown["reviews"][-1]
    assert (last["from_status"], last["to_status"], last["actor"], last["opinion"]) == (
        "received",
        "first_review",
        "王主任",
        "史料翔实",
    )


@after("set 12 --author 马建国 --author 李秀兰 --received-date 2022-06-24 --tag 民国")
def details_set(walk: Walk, out: str) -> None:
    shown = walk.show(12)
    assert (shown["authors"], shown["received_date"], shown["tags"]) == (
        ["马建国", "李秀兰"],
        "2022-06-24",
        ["民国"],
    )
    assert shown["version"] == 4  # what the next command names


@after("set 12 --title 新题名 --if-version 4")
def saved_from_the_version_it_names(walk: Walk, out: str) -> None:
    assert walk.show(12)["title"] == "新题名"
    # The same command again starts from a version that is no longer the current one.
    code, out, err = walk("set", "12", "--title", "另一个题名", "--if-version", "4")
    assert (code, out) == (1, "")
    assert "现在是第 5 版信息，您打开的是第 4 版" in err
    assert walk.show(12)["title"] == "新题名"


@after("edit 12 --body-file 修改稿.txt --reason 作者修改")
def body_replaced(walk: Walk, out: str) -> None:
    assert out == "#12 已保存为第 3 版（可用 wenshi restore 12 2 恢复旧版本）\n"
    shown = walk.show(12)
    assert shown["body"] == Path("修改稿.txt").read_text(encoding="utf-8")
    assert shown["history"][-1]["reason"] == "作者修改"


@after("history 12")
def history_shown(walk: Walk, out: str) -> None:
    for part in ("正文版本：", "信息修改：", "审稿记录："):
        assert part in out
    assert re.search(r"^3 .* 作者修改 +当前$", out, re.M)
    assert re.search(r"^\S+ +题名 +一条巷子里的两种年 +新题名$", out, re.M)
    assert re.search(r"^\S+ +初审 +王主任 +史料翔实$", out, re.M)


@after("history 12 --diff 1")
def diff_shown(walk: Walk, out: str) -> None:
    assert out.startswith("--- 第 1 版\n+++ 当前正文\n")
    removed = [line for line in out.splitlines() if line.startswith("-") and REVISED[0] in line]
    added = [line for line in out.splitlines() if line.startswith("+") and REVISED[1] in line]
    assert len(removed) == len(added) == 1
    # Revision 1 is the text as read, heading included; the cleanup took the heading out.
    assert "-文/丁桂兰" in out.splitlines()


@after("restore 12 1")
def revision_restored(walk: Walk, out: str) -> None:
    assert out == "#12 已恢复为第 1 版的正文，保存为第 4 版\n"
    body = walk.show(12)["body"]
    assert body.startswith("一条巷子里的两种年\n——回汉邻里民俗杂记\n文/丁桂兰\n")
    assert REVISED[0] in body and REVISED[1] not in body
    assert len(walk.json("history", "12")["revisions"]) == 4


@after("rm 12")
def moved_to_trash(walk: Walk, out: str) -> None:
    assert 12 not in walk.ids("list")


@after("trash")
def trash_listed(walk: Walk, out: str) -> None:
    assert [line.split()[:2] for line in out.splitlines()[1:]] == [["12", "新题名"]]


@after("undelete 12")
def back_from_trash(walk: Walk, out: str) -> None:
    assert 12 in walk.ids("list")
    assert walk.json("trash") == []


@after("stats")
def stats_shown(walk: Walk, out: str) -> None:
    assert out.splitlines()[-2].split()[:2] == ["合计", "24"]
    stats = walk.json("stats")
    assert {s["status"]: s["manuscripts"] for s in stats["by_status"]} == {
        "received": 7,  # 来稿 (4), the scan, old.txt, 县志.docx
        "first_review": 2,  # 10 and 12
        "accepted": 4,
        "revise": 1,
        "rejected": 1,
        "held": 1,
        "published": 8,  # volume 16 and the three articles of volume 10
    }


@after("backup 备份-2026-11.zip")
def backed_up(walk: Walk, out: str) -> None:
    # One original a manuscript, but one PDF for the three articles of volume 10.
    assert out == "已备份到 备份-2026-11.zip（数据库和 22 个原始文件）\n"
    with zipfile.ZipFile("备份-2026-11.zip") as archive:
        names = archive.namelist()
    assert "wenshi.db" in names
    assert len([n for n in names if n.startswith("files/")]) == 22


@after("restore-backup 备份-2026-11.zip 恢复的文库")
def backup_restored(walk: Walk, out: str) -> None:
    assert out.startswith("已恢复到 恢复的文库：24 篇稿件、3 辑、22 个原始文件，检查无误")
    assert walk.json("--library", "恢复的文库", "stats") == walk.json("stats")


@after("search 马鸿宾 volume:10-17")
def searched_within_volumes(walk: Walk, out: str) -> None:
    assert out.splitlines()[:3] == [
        "共 1 篇 第 1–1 篇",
        "",
        f"#{VOLUME_TEN_IDS[0]}  马鸿宾驻防灵武纪略  杨文华  第10辑·史海钩沉  已刊  3 处",
    ]
    assert out.splitlines()[3].strip().startswith("第1页  民国十九年，【马鸿宾】出任")
    # Outside the range: the inbox's piece, and old.txt's 馬鴻賓 (traditional characters).
    assert sorted(walk.ids("search", "马鸿宾")) == [15, VOLUME_TEN_IDS[0], OLD]


@after(
    "volume set 10 --year 1995 --editor 政协灵武市委员会文史资料委员会 --place 灵武 "
    "--publisher 政协灵武市委员会 --internal --permit 宁内准字(1995)第7号"
)
def volume_ten_facts(walk: Walk, out: str) -> None:
    assert out == "第 10 辑已修改\n"
    assert walk.json("volume", "show", "10")["publication"] == {
        "editor": "政协灵武市委员会文史资料委员会",
        "place": "灵武",
        "publisher": "政协灵武市委员会",
        "internal": True,
        "permit": "宁内准字(1995)第7号",
        "isbn": "",
        "series": "",
    }


MA_HONGBIN_CITED = (
    "杨文华. 马鸿宾驻防灵武纪略[M]//政协灵武市委员会文史资料委员会. 灵武文史: 第10辑. "
    "灵武: 政协灵武市委员会, 1995: 1."
)


@after("cite 20 --page 1")
def cited_at_a_page(walk: Walk, out: str) -> None:
    assert out == MA_HONGBIN_CITED + "\n"


@after("cite 20 21 -o 引文.ris")
def cited_for_zotero(walk: Walk, out: str) -> None:
    assert out == "已写入 2 条引文：引文.ris\n"
    first, second = rispy.loads(Path("引文.ris").read_text(encoding="utf-8"))
    assert (first["title"], first["authors"], first["secondary_title"], first["volume"]) == (
        "马鸿宾驻防灵武纪略",
        ["杨文华"],
        "灵武文史",
        "10",
    )
    assert (first["start_page"], first["year"], first["notes"]) == (
        "1",
        "1995",
        ["内部资料（准印证号：宁内准字(1995)第7号）"],
    )
    assert second["title"] == walk.volume.articles[1].title


@after("concordance 马鸿宾 -o 马鸿宾.xlsx")
def concordance_exported(walk: Walk, out: str) -> None:
    assert out == "已导出 8 处到 马鸿宾.xlsx\n"
    header, *rows = sheet_rows("马鸿宾.xlsx")
    assert header == ("ID", "题名", "位置", "页码", "字段", "前文", "检索词", "后文", "引文")
    # Each title hit and every one in the text, found as written (馬鴻賓 too), with the
    # printed page of the volume's.
    assert [(r[0], r[3], r[4], r[6]) for r in rows] == [
        (20, 1, "题名", "马鸿宾"),
        (20, 1, "正文", "马鸿宾"),
        (20, 1, "正文", "马鸿宾"),
        (15, None, "题名", "马鸿宾"),
        (15, None, "正文", "马鸿宾"),
        (15, None, "正文", "马鸿宾"),
        (15, None, "正文", "马鸿宾"),
        (OLD, None, "正文", "馬鴻賓"),
    ]
    # Cited at the hit's page where the volume was printed; pieces in no volume are not.
    assert {(r[0], r[8]) for r in rows} == {(20, MA_HONGBIN_CITED), (15, None), (OLD, None)}


@after("person add 马鸿宾 --dates 1884—1960")
def person_added(walk: Walk, out: str) -> None:
    assert out == "已新增：马鸿宾\n"


@after("person alias 马鸿宾 马子寅 --type 字")
def person_alias(walk: Walk, out: str) -> None:
    assert out == "马鸿宾：马子寅（字）\n"


@after("search person:马子寅")
def searched_a_person(walk: Walk, out: str) -> None:
    # Found under 马鸿宾 (and 馬鴻賓 in old.txt), each result naming what it has.
    assert sorted(walk.ids("search", "person:马子寅")) == [15, VOLUME_TEN_IDS[0], OLD]
    names = {h["id"]: h["names"] for h in walk.json("search", "person:马子寅")}
    assert names == {15: ["马鸿宾"], VOLUME_TEN_IDS[0]: ["马鸿宾"], OLD: ["馬鴻賓"]}
    assert out.startswith("共 3 篇 第 1–3 篇\n")


@after("place add 灵武")
def place_added(walk: Walk, out: str) -> None:
    assert out == "已新增：灵武\n"


@after("place alias 灵武 灵州 --period 北魏—明")
def place_alias(walk: Walk, out: str) -> None:
    assert out == "灵武：灵州（旧名，北魏—明）\n"
    assert sorted(walk.ids("search", "place:灵州")) == sorted(walk.ids("search", "灵武 OR 灵州"))


@after("person show 马鸿宾 -o 马鸿宾.xlsx")
def person_page_exported(walk: Walk, out: str) -> None:
    assert out == "已导出 3 篇到 马鸿宾.xlsx\n"
    header, *rows = sheet_rows("马鸿宾.xlsx")
    assert header[:8] == ("ID", "题名", "作者", "辑", "栏目", "年份", "所用名称", "处数")
    assert (rows[0][0], rows[0][3], rows[0][5], rows[0][6]) == (
        VOLUME_TEN_IDS[0],
        10,
        1995,
        "马鸿宾",
    )


@after("person suggest --limit 10")
def names_suggested(walk: Walk, out: str) -> None:
    lines = out.splitlines()
    assert lines[0].split() == ["候选", "次数", "篇数", "其他写法", "来源"]
    assert len([line for line in lines[1:] if line.strip()]) == 10 + 1  # and the hint
    suggested = [c["name"] for c in walk.json("person", "suggest", "--limit", "0")]
    assert "马鸿宾" not in suggested and "马子寅" not in suggested  # in the list already
    assert "杨文华" in suggested  # the by-line of 马鸿宾驻防灵武纪略


@after("search period:民国 灵武")
def searched_a_period(walk: Walk, out: str) -> None:
    found = walk.ids("search", "period:民国 灵武")
    assert VOLUME_TEN_IDS[0] in found  # 民国十九年 in 马鸿宾驻防灵武纪略
    assert out.startswith(f"共 {len(found)} 篇")


@after("reindex")
def reindexed(walk: Walk, out: str) -> None:
    assert out == "检索索引已重建：24 篇\n"
    assert walk.ids("search", "马鸿宾 volume:10-17") == [VOLUME_TEN_IDS[0]]


@after("image add 12 渡口.jpg --caption 1985年的横城渡口")
def photo_added(walk: Walk, out: str) -> None:
    [image] = walk.json("image", "list", "12")
    assert (image["original_name"], image["caption"], image["width"], image["height"]) == (
        "渡口.jpg",
        "1985年的横城渡口",
        800,
        600,
    )


@after(
    "volume create 18 --title 《灵武文史》第十八辑 --year 2023 --target-words 190000"
    " --layout 28x30 --front-pages 4"
)
def volume_created(walk: Walk, out: str) -> None:
    plan = walk.json("volume", "show", "18")
    assert (plan["title"], plan["year"], plan["status"], plan["target_words"]) == (
        "《灵武文史》第十八辑",
        2023,
        "planning",
        190000,
    )
    layout = plan["layout"]
    assert (layout["chars_per_line"], layout["lines_per_page"], layout["front_pages"]) == (
        28,
        30,
        4,
    )


@after("volume section 17 add 人物春秋")
def section_added(walk: Walk, out: str) -> None:
    assert list(walk.plan(17)) == ["史海钩沉", "文化教育", "民俗风情", "诗词楹联", "人物春秋"]
    assert walk.plan(17)["人物春秋"] == []


@after("volume pool")
def pool_listed(walk: Walk, out: str) -> None:
    assert [line.split()[:3] for line in out.splitlines()[1:]] == [["14", "父親的靈武", "陳秉坤"]]


@after("volume add 17 14 --section 人物春秋 --at 1")
def placed(walk: Walk, out: str) -> None:
    assert walk.plan(17)["人物春秋"] == [14]
    assert walk.json("volume", "pool") == []


@after("volume move 17 8 --section 人物春秋")
def moved(walk: Walk, out: str) -> None:
    plan = walk.plan(17)
    assert (plan["民俗风情"], plan["人物春秋"]) == ([], [14, 8])


@after("volume remove 17 9")
def removed(walk: Walk, out: str) -> None:
    assert walk.plan(17)["诗词楹联"] == []
    assert walk.ids("volume", "pool") == [9]
    assert (walk.show(9)["volume"], walk.show(9)["status"]) == (None, "accepted")


@after("volume show 17")
def plan_shown(walk: Walk, out: str) -> None:
    assert "【人物春秋】 2 篇  2310 字  版面 3108 字" in out.splitlines()
    # 6, 7, 14 and 8: 1520 + 1487 + 998 + 1312 字.
    assert out.splitlines()[-1].startswith("合计：4 篇，5317 字（汉字 4675），版面字数 6664")
    assert re.search(r"^11 +14 +父親的靈武 +陳秉坤 +998 +1260$", out, re.M)


@after("volume set 17 --new-page --title-lines 4 --image-lines 12")
def layout_set(walk: Walk, out: str) -> None:
    plan = walk.json("volume", "show", "17")
    layout = plan["layout"]
    assert (layout["new_page"], layout["title_lines"], layout["image_lines"]) == (True, 4, 12)
    items = [i for s in plan["sections"] for i in s["items"]]
    # Each article starts on the page after the one before ends.
    for before, item in itertools.pairwise(items):
        assert item["start_page"] == before["end_page"] + 1


@after("volume set 17 --status published")
def published(walk: Walk, out: str) -> None:
    plan = walk.json("volume", "show", "17")
    assert plan["status"] == "published"
    items = [i for s in plan["sections"] for i in s["items"]]
    assert [i["id"] for i in items] == [6, 7, 14, 8]
    for item in items:
        shown = walk.show(item["id"])
        assert (shown["status"], shown["start_page"]) == ("published", item["start_page"])
    # Frozen as printed.
    code, _, err = walk("volume", "remove", "17", "6")
    assert (code, err.split("，")[0]) == (1, "wenshi: 第 17 辑已出版")
    assert walk.plan(17)["史海钩沉"] == [6]


@after("volume set 17 --status planning")
def reopened(walk: Walk, out: str) -> None:
    assert walk.json("volume", "show", "17")["status"] == "planning"
    assert {walk.show(n)["status"] for n in (6, 7, 8, 14)} == {"proofreading"}


@after("export-toc 17 --format docx -o 目录.docx")
def toc_exported(walk: Walk, out: str) -> None:
    import docx

    assert docx.Document("目录.docx").core_properties.title == "《灵武文史》第十七辑 目录"
    pages = {
        i["title"]: i["start_page"]
        for s in walk.json("volume", "show", "17")["sections"]
        for i in s["items"]
    }
    text = docx_text("目录.docx")
    assert text[0] == "目录"
    assert [t for t in text[1:] if "\t" not in t] == ["史海钩沉", "文化教育", "人物春秋"]
    entries = [t for t in text if "\t" in t]
    assert [(e.split("——")[0], int(e.split("\t")[1])) for e in entries] == list(pages.items())
    assert entries[2] == f"父親的靈武——寫給靈武的鄉親們\u3000陳秉坤\t{pages['父親的靈武']}"


@after("export-volume 17 -o 第十七辑.docx")
def volume_exported(walk: Walk, out: str) -> None:
    assert out == "已导出第 17 辑全文（4 篇）：第十七辑.docx\n"
    text = docx_text("第十七辑.docx")
    assert text[0] == "《灵武文史》第十七辑"
    titles = [
        t for t in text if t in ("秦渠与汉渠", "从关帝庙到教学楼", "父親的靈武", "河东川里唱花儿")
    ]
    assert titles == ["秦渠与汉渠", "从关帝庙到教学楼", "父親的靈武", "河东川里唱花儿"]
    body = walk.show(8)["body"]
    assert body.split("\n\n")[0] in text


@after("export-index 17 --kind place -o 地名索引.docx")
def index_exported(walk: Walk, out: str) -> None:
    text = docx_text("地名索引.docx")
    lines = [t for t in text if "\t" in t or "见" in t]
    assert out == f"已导出第 17 辑地名索引（{len(lines)} 条）：地名索引.docx\n"
    assert text[:2] == ["地名索引", "《灵武文史》第十七辑　按汉语拼音排序　页码为编排中的估算页码"]
    assert [t.split("\t")[0] for t in lines] == ["灵武", "灵州　见 灵武"]


@after("export-catalogue -o 总目录.docx")
def catalogue_exported(walk: Walk, out: str) -> None:
    text = docx_text("总目录.docx")
    # In the newest volume's name (18, still empty); every volume with articles, in order.
    assert text[0] == "《灵武文史》总目录（第10—18辑）"
    assert [t for t in text if t.startswith(("灵武文史（", "《灵武文史》第"))] == [
        "灵武文史（第10辑）（1995）",
        "《灵武文史》第十六辑（2021）",
        "《灵武文史》第十七辑（2022）",
    ]
    assert f"马鸿宾驻防灵武纪略\u3000杨文华\t{walk.volume.articles[0].start_page}" in text


@after("fee 12 --kind compilation --rate 15")
def fee_set(walk: Walk, out: str) -> None:
    assert out == "稿件 12 的稿酬设定已保存\n"
    changes = {c["field"]: c["new"] for c in walk.show(12)["detail_changes"]}
    assert (changes["fee_kind"], changes["fee_rate"]) == ("compilation", "15")


@after("payments 17 --rate 80 -o 稿酬.xlsx")
def payments_exported(walk: Walk, out: str) -> None:
    assert out == "已导出稿酬表：4 篇，合计 560.0 元 → 稿酬.xlsx\n"
    header, *rows = sheet_rows("稿酬.xlsx")
    assert header[0] == "ID" and header[-3] == "金额（元）"
    # Per 千字 of Word 字数, a part-thousand counted as a thousand, at 80 元.
    assert [(r[0], r[5], r[6], r[8]) for r in rows] == [
        (6, 1520, 2, 160),
        (7, 1487, 2, 160),
        (14, 998, 1, 80),
        (8, 1312, 2, 160),
        (None, None, None, 560),
    ]


@needs_soffice  # 第十辑.pdf is typeset by LibreOffice
@needs_font  # 旧刊扫描.pdf is drawn in Noto CJK
def test_readme_commands_run_in_order(workdir: Volume, capsys: pytest.CaptureFixture[str]):
    commands = readme_commands()
    names = [" ".join(words) for words in commands]
    assert len(set(names)) == len(names)
    # A command added to the README needs its check here, and a check its command.
    assert sorted(set(names) - set(CHECKS)) == []
    assert sorted(set(CHECKS) - set(names)) == []
    walk = Walk(capsys, workdir)
    for words, name in zip(commands, names, strict=True):
        code, out, err = walk(*words)
        assert (code, err) == (0, ""), f"wenshi {name}"
        CHECKS[name](walk, out)
