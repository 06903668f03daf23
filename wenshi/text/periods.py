"""The years a text talks about, however it writes them — 1936年, 一九三六年, 民国二十五年,
乾隆十年, 光绪庚子年, 咸丰年间 (a range), 公元前221年 — each as 公元 years (BC negative).

A year written only in 干支 (庚子年) recurs every sixty years: it is reported as
ambiguous, never guessed. A reign year the era never reached (乾隆七十年) is reported as
impossible. Texts are read folded (wenshi.search.fold), so 民國 and 乾隆 in traditional
characters read as written in simplified ones.

Fast by construction: the scan jumps from one 年 to the next (str.find, in C) and reads
only the few characters before each, so a text is read at many millions of characters
a second (bench/periods_bench.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wenshi.errors import InvalidValueError
from wenshi.i18n import _
from wenshi.search.fold import fold

# Reign eras (年号) as 公元 first and last years; the first year of an era is its 元年.
# Ming, Qing and the Republic in full, and the Tang eras local histories cite most.
ERAS: dict[str, tuple[int, int]] = {
    "贞观": (627, 649),
    "开元": (713, 741),
    "天宝": (742, 756),
    "洪武": (1368, 1398),
    "建文": (1399, 1402),
    "永乐": (1403, 1424),
    "洪熙": (1425, 1425),
    "宣德": (1426, 1435),
    "正统": (1436, 1449),
    "景泰": (1450, 1456),
    "天顺": (1457, 1464),
    "成化": (1465, 1487),
    "弘治": (1488, 1505),
    "正德": (1506, 1521),
    "嘉靖": (1522, 1566),
    "隆庆": (1567, 1572),
    "万历": (1573, 1620),
    "泰昌": (1620, 1620),
    "天启": (1621, 1627),
    "崇祯": (1628, 1644),
    "顺治": (1644, 1661),
    "康熙": (1662, 1722),
    "雍正": (1723, 1735),
    "乾隆": (1736, 1795),
    "嘉庆": (1796, 1820),
    "道光": (1821, 1850),
    "咸丰": (1851, 1861),
    "同治": (1862, 1874),
    "光绪": (1875, 1908),
    "宣统": (1909, 1911),
    "民国": (1912, 1949),
}
# Dynasties a period may be searched by.
DYNASTIES: dict[str, tuple[int, int]] = {
    "唐": (618, 907),
    "宋": (960, 1279),
    "元": (1271, 1368),
    "明": (1368, 1644),
    "清": (1644, 1911),
}

# Texts are read folded, and folding reads some era names otherwise (乾 alone → 干):
# each era is looked for in its folded form, and named as written here.
_BY_FOLDED = {fold(name): name for name in ERAS}

STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_ERA_NAMES = "|".join(sorted(_BY_FOLDED, key=len, reverse=True))
_NUMBER = "元|[一二三四五六七八九十廿卅]+"
# Anchored at the end of the few characters before a 年.
_BEFORE = re.compile(
    rf"(?:(?P<bc>公元前)|(?P<ad>公元))?(?P<western>\d{{1,4}})\s*$"
    rf"|(?P<cn>[〇零一二三四五六七八九]{{4}})$"
    rf"|(?P<era>{_ERA_NAMES})(?:(?P<n>{_NUMBER})|(?P<gz>[{STEMS}][{BRANCHES}]))?$"
    rf"|(?P<gzonly>[{STEMS}][{BRANCHES}])$"
)
_WINDOW = 12


@dataclass(frozen=True)
class YearMention:
    """One place a text names a year: [start, end) in the text, the 公元 years it stands
    for (one year, or an era's range), or None with a note when it cannot be told."""

    start: int
    end: int
    text: str
    first: int | None
    last: int | None
    note: str = ""


def chinese_number(text: str) -> int | None:
    """一 … 九十九 (十, 二十五, 廿三, 卅) and 元 (1); None if it is not one."""
    if text == "元":
        return 1
    text = text.replace("廿", "二十").replace("卅", "三十")
    if not text or any(c not in _DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def ganzhi_years(stem_branch: str, first: int, last: int) -> list[int]:
    """The years from ``first`` to ``last`` named ``stem_branch`` (甲子 = 4, 1984 …)."""
    stem, branch = STEMS.index(stem_branch[0]), BRANCHES.index(stem_branch[1])
    if stem % 2 != branch % 2:
        return []
    cycle = next(n for n in range(60) if n % 10 == stem and n % 12 == branch)
    return [y for y in range(first, last + 1) if (y - 4) % 60 == cycle]


def era_year(era: str, number: int) -> int:
    """The 公元 year of ``era`` year ``number``; refused past the era's end."""
    first, last = ERAS[era]
    if not 1 <= number <= last - first + 1:
        raise InvalidValueError(
            _("{era}只有 {count} 年（{first}—{last}），没有{era}{number}年").format(
                era=era, count=last - first + 1, first=first, last=last, number=number
            )
        )
    return first + number - 1


def _read(match: re.Match[str], after: str) -> tuple[int | None, int | None, str]:
    """The years one match before a 年 stands for, and a note where none can be told."""
    if match["western"] is not None:
        year = int(match["western"])
        if match["bc"]:
            return -year, -year, ""
        if match["ad"] or len(match["western"]) >= 3:
            return year, year, ""
        return None, None, "skip"  # 10年 is a length of time, not a year
    if match["cn"] is not None:
        year = int("".join(str(_DIGITS[c]) for c in match["cn"]))
        return year, year, ""
    if match["era"] is not None:
        era = _BY_FOLDED[match["era"]]
        first, last = ERAS[era]
        if match["n"] is not None:
            number = chinese_number(match["n"])
            if number is None:
                return None, None, "skip"
            try:
                year = era_year(era, number)
            except InvalidValueError as refusal:
                return None, None, str(refusal)
            return year, year, ""
        if match["gz"] is not None:
            years = ganzhi_years(match["gz"], first, last)
            if len(years) == 1:
                return years[0], years[0], ""
            return None, None, _("{era}年间没有{gz}年").format(era=era, gz=match["gz"])
        if after == "间":  # 咸丰年间: the whole era
            return first, last, ""
        return None, None, "skip"
    return None, None, _("干支纪年，未指明年号，无法确定是哪一年")


def year_mentions(text: str) -> list[YearMention]:
    """Every year ``text`` names, in text order (read folded: same offsets)."""
    folded = fold(text)
    found: list[YearMention] = []
    position = folded.find("年")
    while position >= 0:
        window_start = max(0, position - _WINDOW)
        match = _BEFORE.search(folded, window_start, position)
        if match is not None:
            after = folded[position + 1 : position + 2]
            first, last, note = _read(match, after)
            if note != "skip":
                end = position + (2 if after == "间" and match["era"] and not match["n"] else 1)
                found.append(
                    YearMention(match.start(), end, text[match.start() : end], first, last, note)
                )
        position = folded.find("年", position + 1)
    return found


def year_ranges(text: str) -> list[tuple[int, int]]:
    """The distinct year ranges a text talks about, in order: what search filters on."""
    return sorted({(m.first, m.last) for m in year_mentions(text) if m.first is not None})


def ranges_label(ranges: list[tuple[int, int]]) -> str:
    """1851—1861、1936、公元前221 — years as a reader reads them."""

    def year(y: int) -> str:
        return f"公元前{-y}" if y < 0 else str(y)

    return "、".join(year(a) if a == b else f"{year(a)}—{year(b)}" for a, b in ranges)


def period_bounds(value: str) -> tuple[int, int]:
    """The years a ``period:`` query names: 1930-1939, 1936, 民国, 乾隆, 乾隆十年, 清,
    公元前221; refused, naming the reason, when it names none."""
    text = fold(value.strip())
    western = re.fullmatch(r"(公元前|前)?(\d{1,4})(?:\s*[-–—~～至]\s*(\d{1,4}))?", text)
    if western:
        sign = -1 if western[1] else 1
        low = sign * int(western[2])
        high = sign * int(western[3]) if western[3] else low
        if low > high:
            raise InvalidValueError(
                _("时期“{value}”前大后小，应写成“{high}-{low}”").format(
                    value=value, low=low, high=high
                )
            )
        return low, high
    if text in _BY_FOLDED:
        return ERAS[_BY_FOLDED[text]]
    if text in DYNASTIES:
        return DYNASTIES[text]
    reign = re.fullmatch(rf"({_ERA_NAMES})({_NUMBER})年?", text)
    if reign:
        number = chinese_number(reign[2])
        if number is not None:
            year = era_year(_BY_FOLDED[reign[1]], number)
            return year, year
    named = re.match(r"[^\d\s元一二三四五六七八九十廿卅年]+", value.strip())
    raise InvalidValueError(
        _(
            "时期“{value}”无法识别（“{name}”不是已知的年号或朝代）；"
            "可写 1930-1939、1936、民国、乾隆十年或 清"
        ).format(value=value, name=named[0] if named else text)
    )
