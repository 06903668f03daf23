"""A printed volume of 《灵武文史》 made from text written here, as a printer's PDF and a scan.

The .docx has what a real volume has: a cover, a 目录 of 栏目 headings and entries (title,
author, dotted leader, page), and the articles in their 栏目, running on from one to the
next, with a running head and page numbers that start at 1 on the first article. LibreOffice
turns it into the text-layer PDF; the 目录's page numbers are the real ones, found in a
first conversion. ``scan`` rasterises the pages at 300 dpi with a scanner's defects (skew,
blur, speckle) into an image-only PDF. The truth is kept: every article's title, author,
section, text and printed start page.
"""

from __future__ import annotations

import random
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

SECTIONS = ["史海钩沉", "人物春秋", "文化遗存", "乡土风情", "往事回眸"]
PLACES = ["灵州", "灵武", "崇兴", "梧桐树", "临河", "东塔", "郝家桥", "马家滩", "宁东", "白土岗"]
THINGS = [
    "古城",
    "秦渠",
    "汉渠",
    "长枣",
    "羊皮",
    "水洞沟",
    "清真寺",
    "古塔",
    "驿站",
    "烽燧",
    "书院",
    "庙会",
    "社火",
    "剪纸",
    "花儿",
    "黄河渡口",
]
TOPICS = ["考略", "的传说与历史", "旧事", "见闻", "琐记", "的变迁", "史话", "忆往", "纪略", "述闻"]
SURNAMES = "马王张李杨刘陈赵郭何丁金吴孙朱胡高林罗郑"
GIVEN = "文华振宇建国秀兰志明玉林学成德胜永福桂芳国栋长青春生海涛"
SENTENCES = [
    "据当地老人回忆，{p}一带在{y}年前后还保留着完整的{t}遗迹。",
    "{n}先生早年在{p}任教，对{t}的来历多有考证。",
    "史书记载，{p}地处黄河东岸，自古为塞上要冲。",
    "{y}年，{p}遭遇大旱，百姓引黄河水灌溉，{t}由此得名。",
    "每逢农历正月，{p}的乡亲们都要举办{t}，热闹非凡。",
    "据《灵州志》载，{t}始建于明代，清代屡有修葺。",
    "{n}回忆说，那时候的{p}只有几条土路，商贩往来多靠骆驼。",
    "新中国成立后，{p}的{t}得到了妥善保护，成为重要的文物保护单位。",
    "{y}年秋，县里组织人员对{t}进行了全面普查，登记在册的文物有一百余件。",
    "老一辈人常说，{p}的{t}是祖辈留下的宝贵财富，不能在我们手里丢掉。",
    "为了弄清{t}的来历，{n}走访了{p}周边的十几个村庄。",
    "民国时期，{p}商号林立，{t}的名声远播陕甘。",
    "{p}一带土地肥沃，渠道纵横，素有“塞上江南”之称。",
    "当年修渠时，{n}带领乡亲们起早贪黑，硬是用铁锹和背篓挖出了一条水渠。",
    "如今，{t}已经成为{p}的一张名片，吸引了许多游客前来参观。",
    "这段往事，至今仍在{p}的老人中间流传。",
    "{n}在整理{t}资料的过程中，发现了一份{y}年的契约文书。",
    "{p}的{t}，见证了这片土地数百年的沧桑变化。",
]


@dataclass
class Article:
    title: str
    author: str
    section: str
    paragraphs: list[str]
    start_page: int = 0  # printed page, found from the first conversion

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class Volume:
    number: int
    title: str
    articles: list[Article] = field(default_factory=list)
    docx: Path | None = None
    pdf: Path | None = None


def write_articles(count: int, paragraphs: tuple[int, int], seed: int = 17) -> list[Article]:
    """``count`` articles in the five 栏目, with distinct titles and plausible text."""
    rng = random.Random(seed)
    titles: list[str] = []
    while len(titles) < count:
        title = rng.choice(PLACES) + rng.choice(THINGS) + rng.choice(TOPICS)
        if title not in titles:
            titles.append(title)
    articles = []
    for index, title in enumerate(titles):
        author = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
        body = []
        for _ in range(rng.randint(*paragraphs)):
            sentences = [
                rng.choice(SENTENCES).format(
                    p=rng.choice(PLACES),
                    t=rng.choice(THINGS),
                    n=rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                    y=rng.randint(1912, 1990),
                )
                for _ in range(rng.randint(2, 6))
            ]
            body.append("".join(sentences))
        section = SECTIONS[index * len(SECTIONS) // count]
        articles.append(Article(title, author, section, body))
    return articles


def build(
    folder: Path,
    *,
    number: int = 18,
    count: int = 40,
    paragraphs: tuple[int, int] = (6, 14),
    soffice: str = "soffice",
    articles: list[Article] | None = None,
) -> Volume:
    """Write the volume's .docx and PDF in ``folder`` (two LibreOffice runs): ``articles``,
    or ``count`` written by ``write_articles``."""
    folder.mkdir(parents=True, exist_ok=True)
    if articles is None:
        articles = write_articles(count, paragraphs)
    volume = Volume(number, f"灵武文史（第{number}辑）", articles)
    path = folder / f"灵武文史第{number}辑.docx"
    _write_docx(volume, path)  # 目录 with placeholder pages of the same width
    pdf = _to_pdf(path, folder, soffice)
    _find_start_pages(volume, pdf)
    _write_docx(volume, path)
    pdf = _to_pdf(path, folder, soffice)
    found = [a.start_page for a in volume.articles]
    _find_start_pages(volume, pdf)
    if found != [a.start_page for a in volume.articles]:
        raise RuntimeError("the 目录 moved the articles; make its page numbers fixed-width")
    volume.docx, volume.pdf = path, pdf
    return volume


def _write_docx(volume: Volume, path: Path) -> None:
    document = docx.Document()
    styles = document.styles
    styles["Normal"].font.name = "Noto Serif CJK SC"
    styles["Normal"].element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    styles["Normal"].font.size = Pt(10.5)
    first = document.sections[0]
    first.page_width, first.page_height = Mm(185), Mm(260)  # 16开
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(first, side, Mm(22))
    cover = document.add_paragraph(volume.title)
    cover.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cover.runs[0].font.size = Pt(26)
    editor = document.add_paragraph("政协灵武市委员会文史资料委员会 编")
    editor.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_section(WD_SECTION.NEW_PAGE)
    heading = document.add_paragraph("目　录")
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.runs[0].font.size = Pt(16)
    width = first.page_width - first.left_margin - first.right_margin
    current = None
    for article in volume.articles:
        if article.section != current:
            current = article.section
            document.add_paragraph(current).runs[0].bold = True
        entry = document.add_paragraph(
            f"{article.title}\t{article.author}\t{article.start_page:>3}".replace(" ", "\u2007")
        )
        stops = entry.paragraph_format.tab_stops
        stops.add_tab_stop(int(width * 0.62), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS)
        stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    body = document.add_section(WD_SECTION.NEW_PAGE)
    body.header.is_linked_to_previous = False
    body.footer.is_linked_to_previous = False
    body.header.paragraphs[0].text = "灵武文史"
    body.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = body.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(footer)
    number_type = OxmlElement("w:pgNumType")
    number_type.set(qn("w:start"), "1")
    body._sectPr.append(number_type)
    current = None
    for article in volume.articles:
        if article.section != current:
            current = article.section
            part = document.add_paragraph(current)
            part.alignment = WD_ALIGN_PARAGRAPH.CENTER
            part.runs[0].font.size = Pt(14)
            part.runs[0].bold = True
        title = document.add_paragraph(article.title)
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.runs[0].font.size = Pt(15)
        title.paragraph_format.space_before = Pt(12)
        byline = document.add_paragraph(article.author)
        byline.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for text in article.paragraphs:
            paragraph = document.add_paragraph(text)
            paragraph.paragraph_format.first_line_indent = Pt(21)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    document.save(path)


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        element = OxmlElement("w:fldChar" if kind else "w:instrText")
        if kind:
            element.set(qn("w:fldCharType"), kind)
        else:
            element.text = text
        run._r.append(element)


def _to_pdf(path: Path, folder: Path, soffice: str) -> Path:
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(path)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return path.with_suffix(".pdf")


def _find_start_pages(volume: Volume, pdf: Path) -> None:
    """Each article's printed start page: the page where its title line stands, counted
    from the first page with the running head (printed page 1)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    lines_of = []
    for page in document:
        lines_of.append(page.get_textpage().get_text_range().split("\r\n"))
    first_body = next(i for i, lines in enumerate(lines_of) if lines[0] == "灵武文史")
    position = first_body
    for article in volume.articles:
        while article.title not in lines_of[position]:
            position += 1
        article.start_page = position - first_body + 1


def scan(pdf: Path, target: Path, pages: list[int] | None = None, seed: int = 5) -> Path:
    """An image-only PDF of ``pages`` (all by default) at 300 dpi: each page turned by
    0.5–1°, slightly blurred, with speckle."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    document = pdfium.PdfDocument(pdf)
    images = []
    for index in pages if pages is not None else range(len(document)):
        image = document[index].render(scale=300 / 72).to_pil().convert("L")
        angle = rng.uniform(0.5, 1.0) * rng.choice((-1, 1))
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        image = image.filter(ImageFilter.GaussianBlur(0.8))
        pixels = image.load()
        for _ in range(image.width * image.height // 2000):
            x, y = rng.randrange(image.width - 2), rng.randrange(image.height - 2)
            shade = rng.randrange(0, 120)
            for dx, dy in ((0, 0), (1, 0), (0, 1), (1, 1))[: rng.randint(1, 4)]:
                pixels[x + dx, y + dy] = shade
        images.append(image)
    images[0].save(target, save_all=True, append_images=images[1:], resolution=300)
    return target
