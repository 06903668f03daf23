"""Realistic manuscripts for tests: fixture files and builders for the shapes they arrive in."""

from __future__ import annotations

import random
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "lingwu-cppcc-2022-review.txt"

TRADITIONAL = """靈武舊事
文／陳國棟

靈武地處黃河東岸，自古為塞上重鎮。民國二十五年，馬鴻賓部駐防於此，修築城牆，疏浚渠道。

據老人回憶，當年橫城渡口船隻往來不絕，羊皮筏子載著枸杞與灘羊皮順流而下，遠至包頭。
"""

DOCX_TITLE = "灵武长枣栽培史话"
DOCX_PARAGRAPHS = [
    "灵武长枣是宁夏灵武市的特产，栽培历史已有一千三百余年。",
    "清乾隆年间《灵州志》已有“枣园”之记载。民国时期，东塔寺一带枣林连片。",
]
DOCX_TABLE = [["年份", "面积（亩）"], ["1985年", "3200"], ["2020年", "140000"]]


def make_docx(path: Path) -> Path:
    """A manuscript as editors receive it from Word: title, by-line, paragraphs, a table."""
    import docx

    document = docx.Document()
    document.add_paragraph(DOCX_TITLE)
    document.add_paragraph("文/杨振宇")
    document.add_paragraph(DOCX_PARAGRAPHS[0])
    table = document.add_table(rows=len(DOCX_TABLE), cols=2)
    for r, row in enumerate(DOCX_TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph(DOCX_PARAGRAPHS[1])
    document.save(str(path))
    return path


# -- synthetic articles --------------------------------------------------------------------
# Deterministic 文史-shaped prose for tests that need many manuscripts: Chinese about 灵武 and
# 宁夏 with dates, figures, book titles, quotations, the odd Latin word and OCR'd spacing.
# The same seed always gives the same text, so the benchmarks (bench/) use it too and their
# figures from different runs and machines are comparable.
PLACES = (
    "灵武",
    "宁夏",
    "黄河",
    "横城",
    "水洞沟",
    "银川",
    "吴忠",
    "磁窑堡",
    "临河",
    "崇兴",
    "梧桐树",
    "白土岗",
    "马家滩",
    "宁东",
    "贺兰山",
    "灵州",
    "郝家桥",
    "东塔",
    "新华桥",
    "大泉",
    "狼皮子梁",
    "石沟驿",
    "河东",
    "秦渠",
    "汉渠",
)
PEOPLE = (
    "马鸿宾",
    "马鸿逵",
    "马福祥",
    "王文郁",
    "李振华",
    "张建国",
    "刘玉兰",
    "杨树森",
    "周福德",
    "郭守义",
    "马万福",
    "田兴汉",
    "苏占魁",
    "𪚥文清",
)
ERAS = (
    "民国二十五年",
    "民国三十八年",
    "民国十八年",
    "清光绪二十六年",
    "同治元年",
    "乾隆三年",
    "1936年5月",
    "1949年9月23日",
    "1958年",
    "1976年秋",
    "2022年6月24日",
    "2008年10月",
)
BOOKS = ("灵武文史", "灵武县志", "宁夏通志", "朔方道志", "银川文史资料", "宁夏文史")
ORGS = (
    "灵武县人民政府",
    "宁夏省政府",
    "灵武市政协",
    "文史资料委员会",
    "灵武县志编纂委员会",
    "灵武市档案馆",
    "自治区文物考古研究所",
)
THINGS = (
    "古城墙遗址",
    "清真寺",
    "石器和骨器",
    "明代长城",
    "渡口",
    "水车",
    "枣园",
    "盐池",
    "学堂",
    "驿站",
    "烽火台",
    "手抄本家谱",
)
LATIN = (
    "GPS",
    "PDF",
    "COVID-19",
    "Excel",
    "CCTV",
    "Yellow River",
    "UNESCO",
    "Word",
    "QQ",
    "ISBN 978-7-227-05123-4",
    "Teilhard de Chardin",
    "Licent",
)
QUOTES = (
    "那年黄河结冰早，运粮的驼队在横城渡口等了半个月",
    "我们村里的老人都记得，城门外有一棵大槐树",
    "枣子熟了的时候，满城都是甜味",
    "水洞沟的石头，一敲就是几万年",
)

SENTENCES = (
    "{era}，{person}率部进驻{place}，修筑{thing}，历时{n}个月。",
    "据《{book}》记载，{place}一带旧有{thing}{n}处，今多已湮没。",
    "{person}回忆说：“{quote}。”",
    "{era}，{place}遭遇大旱，粮食减产{pct}%，受灾群众达{big}余人。",
    "{place}至{place2}的公路全长{n}公里，于{era}建成通车。",
    "该遗址出土{thing}{big}余件，其中以{thing2}最为完整……",
    "{org}组织人员利用{latin}对{place}{thing}进行测绘，绘制图纸{n}幅。",
    "{place}、{place2}、{place3}三地的{thing}，合称“河东{n}景”。",
    "{place}——黄河东岸的一座小城——历来是商旅往来的要道。",
    "{person}（{year}—{year2}），{place}人，{era}毕业于{place2}学堂。",
    "1923年，法国学者{latin}在{place}发现旧石器时代遗址，是为中国第一处经科学发掘的旧石器地点。",
    "全县共有耕地{big}亩，人口{big2}人，其中回族占{pct}%。",
    "{org}于{era}编印《{book}》，收录文章{n}篇、图片{big}幅，约{n}万字。",
    "《{book}》第{n}辑收入{person}、{person2}等人的回忆文章。",
    "当时{place}的集市上，一斗米卖{n}块银元, 一匹布卖{n2}块。",
)


def docx_with_picture(path: Path, picture: bytes | None = None) -> Path:
    """A .docx of one paragraph and one picture, the picture's bytes replaced by
    ``picture`` when given (a broken or oversized image, as a hostile file has it)."""
    import io
    import zipfile

    import docx
    from PIL import Image

    photo = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(photo, format="PNG")
    document = docx.Document()
    document.add_paragraph("灵武长枣")
    document.add_picture(photo)
    good = io.BytesIO()
    document.save(good)
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            replace = picture is not None and name.startswith("word/media/")
            target.writestr(name, picture if replace else data)
    return path


def _sentence(rng: random.Random) -> str:
    template = rng.choice(SENTENCES)
    return template.format(
        era=rng.choice(ERAS),
        person=rng.choice(PEOPLE),
        person2=rng.choice(PEOPLE),
        place=rng.choice(PLACES),
        place2=rng.choice(PLACES),
        place3=rng.choice(PLACES),
        thing=rng.choice(THINGS),
        thing2=rng.choice(THINGS),
        book=rng.choice(BOOKS),
        org=rng.choice(ORGS),
        latin=rng.choice(LATIN),
        quote=rng.choice(QUOTES),
        n=rng.randint(2, 48),
        n2=rng.randint(2, 20),
        big=f"{rng.randint(100, 9999):,}",
        big2=rng.randint(10_000, 300_000),
        pct=rng.randint(5, 95),
        year=rng.randint(1880, 1930),
        year2=rng.randint(1950, 2010),
    )


def _paragraph(rng: random.Random) -> str:
    text = "".join(_sentence(rng) for _ in range(rng.randint(2, 8)))
    # Real files mix the ways a paragraph starts: ideographic indent, none, OCR spaces.
    return rng.choice(("\u3000\u3000", "", "", "  ")) + text


def _article(rng: random.Random, chars: int) -> str:
    place, thing = rng.choice(PLACES), rng.choice(THINGS)
    lines = [f"{place}{thing}考略", f"文/{rng.choice(PEOPLE)}", ""]
    size = sum(len(line) + 1 for line in lines)
    section = 0
    while size < chars:
        if rng.random() < 0.1:
            section += 1
            numeral = "一二三四五六七八九十"[(section - 1) % 10]
            lines.append(f"# {numeral}、{rng.choice(PLACES)}旧事")
            size += len(lines[-1]) + 1
        lines.append(_paragraph(rng))
        size += len(lines[-1]) + 1
    # The joined text is size - 1 >= chars - 1 long: cut it to length at a full stop.
    return "\n".join(lines)[: chars - 1] + "。"


def generate_articles(n_articles: int, chars_per_article: int, seed: int = 17) -> list[str]:
    """``n_articles`` plausible 文史 articles of exactly ``chars_per_article`` characters.

    A title line, a by-line, then paragraphs with occasional ``# 一、…`` section headings.
    """
    rng = random.Random(seed)
    return [_article(rng, chars_per_article) for _ in range(n_articles)]
