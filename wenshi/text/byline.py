"""Title, subtitle and by-line at the head of a manuscript.

文史 articles open with a title, often a subtitle (——…), and a by-line in one of many
newspaper and journal styles: ``文/马建国``, ``作者：马建国、李秀兰``, ``◎马建国``,
``口述：王福林 整理：马建国``, ``本报记者 毕 竞 文/图``. The catalog needs the people apart
by role, and the body without those lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_AUTHOR, _COMPILER, _NARRATOR, _PHOTO = "author", "compiler", "narrator", "photo"
_LABELS = {
    **dict.fromkeys(("文·图", "文/图", "文／图", "图/文", "图／文", "图文", "文图"), _AUTHOR),
    **dict.fromkeys(("本报记者", "本报通讯员", "特约记者", "见习记者", "记者"), _AUTHOR),
    **dict.fromkeys(("通讯员", "撰文", "撰稿", "执笔", "作者", "文字", "著", "文"), _AUTHOR),
    **dict.fromkeys(("采访整理", "记录整理", "搜集整理", "收集整理", "整理者", "整理"), _COMPILER),
    **dict.fromkeys(("口述者", "口述", "讲述者", "讲述"), _NARRATOR),
    **dict.fromkeys(("摄影", "图片", "供图", "摄", "图"), _PHOTO),
}
# Tried longest first, so that 文/图 wins over 文 and 整理者 over 整理.
_LABEL = re.compile("|".join(sorted(map(re.escape, _LABELS), key=len, reverse=True)))
# Labels that may run straight into the name: 本报记者毕竞. Others need a space or a
# separator after them, so that a heading like 整理说明 is not read as a by-line.
_GLUED_LABELS = frozenset({"本报记者", "本报通讯员", "特约记者", "见习记者"})
_SEPARATORS = "：:/／∕⁄"  # Big5 (cp950) decodes ／ as ∕ U+2215
_EXPLICIT = re.compile(rf"\s*[{_SEPARATORS}]")
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
# A person: two to five Han characters, or a transliterated name with middle dots.
_NAME = re.compile(rf"[{_HAN}]{{2,5}}|[{_HAN}]+(?:[·•・][{_HAN}]+)+")
_NAME_SEPARATORS = re.compile(r"[、，,；;\s]+")
_NOTE = re.compile(r"（[^）]*）|\([^)]*\)")  # (灵武市政协委员) after a name
_DECORATION = "◎□■●○◆◇★☆▲△※·• \u3000\t"
_BYLINE_MARKS = "◎□■"  # a name after one of these is the author: ◎马建国
# A by-line is short and is not a sentence.
_MAX_BYLINE = 40
_SENTENCE_END = tuple("。！？…")
_DASHES = re.compile(r"(?:[—―─]+|[-－~～]{2,})\s*")
_ENCLOSED = re.compile(r"[（(](.+)[）)]")
_NUMERAL = re.compile(r"[一二三四五六七八九十百零〇\d]+")
_BYLINE_WINDOW = 3
# Common surnames (and the compound ones still met): a name signed alone under a title
# starts with one, a heading (前言, 引子, 概述) does not. Left out on purpose: surnames
# that begin common headings (时间, 成就, 全文, 简介).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳"
    "翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝路游"
    "辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪车项连芦麦褚娄窦戚岑景党宫费卜"
    "冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼满闻厉伊仝郜海练阚纳哈撒锁拜"
    "虎妥喇达黑买洪脱"
)
_COMPOUND_SURNAMES = frozenset(
    {
        *("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟"),
        *("长孙", "宇文", "司徒", "夏侯", "端木", "公孙", "南宫", "呼延"),
    }
)


@dataclass(frozen=True)
class Header:
    """What the head of a manuscript says about it, and the text that follows."""

    title: str
    subtitle: str
    authors: list[str]  # persons credited as 作者 (文/, 作者：, 撰文, 本报记者 …)
    compilers: list[str]  # 整理：/整理者
    narrators: list[str]  # 口述：/口述者
    body: str  # the text with the title, subtitle and by-line lines removed


def parse_header(text: str, title: str | None = None) -> Header:
    """Split the title, subtitle and by-line off the text.

    With ``title`` given, the first line is taken as the title only if it says the same
    (spaces aside); otherwise it stays in the body and a by-line is looked for from the top.
    """
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    removed: set[int] = set()
    first = filled[0] if filled else None
    subtitle = ""
    if title is None:
        title = "" if first is None else _title_of(lines[first])
        has_title_line = first is not None
    else:
        title = title.strip()
        has_title_line = first is not None and _same(_title_of(lines[first]), title)
    if has_title_line:
        removed.add(filled.pop(0))
    people: dict[str, list[str]] = {_AUTHOR: [], _COMPILER: [], _NARRATOR: []}
    for position, index in enumerate(filled[:_BYLINE_WINDOW]):
        line = lines[index].strip()
        if position == 0 and has_title_line and (found := _subtitle_of(line)):
            subtitle = found
        elif (credits := _byline(line)) is not None:
            if not any(credits.get(role) for role in people):
                continue  # only photographers: a photo credit, kept in the body
            for role, names in people.items():
                names += [name for name in credits.get(role, []) if name not in names]
        elif (
            has_title_line
            and position == (1 if subtitle else 0)
            and position + 1 < len(filled)
            and (name := _signed_name(line, lines[filled[position + 1]]))
        ):
            people[_AUTHOR].append(name)
        else:
            break
        removed.add(index)
    body = [line for i, line in enumerate(lines) if i not in removed]
    while body and not body[0].strip():
        body.pop(0)
    return Header(
        title=title,
        subtitle=subtitle,
        authors=people[_AUTHOR],
        compilers=people[_COMPILER],
        narrators=people[_NARRATOR],
        body="\n".join(body),
    )


def credited(line: str) -> list[str] | None:
    """The people a line standing alone under a title credits, whatever their roles: a
    by-line (文/马建国, 口述：王福林 整理：马建国) or bare names (马兰学：), else None."""
    credits = _byline(line)
    if credits is not None:  # a photo credit alone is a caption's, kept in the text
        names = [name for role, names in credits.items() if role != _PHOTO for name in names]
        return names or None
    bare = line.strip(_DECORATION + _SEPARATORS)
    return _names(bare) if bare and len(bare) <= _MAX_BYLINE else None


def _signed_name(line: str, following: str) -> str | None:
    """The name a line alone under the title signs, as poems are signed (海志强, 毕 竞):
    two to four Han characters starting with a surname, followed by a line of another
    length (关关雎鸠 / 在河之洲 is verse). Only called with text after it, so a piece of
    one line keeps it as its body."""
    name = "".join(line.split())
    if not 2 <= len(name) <= 4 or len(name) == len("".join(following.split())):
        return None
    compound = name[:2] in _COMPOUND_SURNAMES
    if (compound and len(name) == 2) or not (compound or name[0] in _SURNAMES):
        return None  # 欧阳 alone is a surname, not a name
    return name if _NAME.fullmatch(name) else None


def _title_of(line: str) -> str:
    return line.strip().lstrip("#").strip()


def _same(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())


def _subtitle_of(line: str) -> str:
    """The subtitle a line states by a leading dash or by enclosing parentheses, or ""."""
    if dashes := _DASHES.match(line):
        return line[dashes.end() :].strip()
    if (enclosed := _ENCLOSED.fullmatch(line)) and not _NUMERAL.fullmatch(enclosed[1]):
        return enclosed[1].strip()
    return ""


@dataclass
class _Label:
    role: str
    start: int
    end: int
    explicit: bool  # followed by ：or /: the names come after it, never before
    names: list[str]


def _byline(line: str) -> dict[str, list[str]] | None:
    """The people a by-line credits, by role, or None if the line is not a by-line."""
    marked = line[:1] in _BYLINE_MARKS
    line = line.lstrip(_DECORATION).strip()
    if not line or len(line) > _MAX_BYLINE or line.endswith(_SENTENCE_END):
        return None
    labels = _labels(line)
    if not labels:
        names = _names(line) if marked else None
        return None if names is None else {_AUTHOR: names}
    bounds = [0, *(label.start for label in labels), len(line)]
    for i, chunk_start in enumerate([0, *(label.end for label in labels)]):
        chunk = line[chunk_start : bounds[i + 1]].strip(_SEPARATORS + " \u3000\t")
        if not chunk:
            continue
        names = _names(chunk)
        if names is None:
            return None
        before = labels[i - 1] if i > 0 else None
        after = labels[i] if i < len(labels) else None
        if before is not None and (before.explicit or not before.names):
            before.names += names
        elif after is not None and not after.explicit:
            after.names += names
        else:
            return None
    credits: dict[str, list[str]] = {}
    for label in labels:
        credits.setdefault(label.role, []).extend(label.names)
    return credits if any(credits.values()) else None


def _labels(line: str) -> list[_Label]:
    """Role labels standing on their own, not characters of a name like 马文华."""
    labels: list[_Label] = []
    for match in _LABEL.finditer(line):
        start, end = match.span()
        before = line[start - 1] if start else " "
        after = line[end] if end < len(line) else " "
        explicit = _EXPLICIT.match(line, end) is not None
        if not (after.isspace() or explicit or match[0] in _GLUED_LABELS):
            continue
        if len(match[0]) == 1 and not (before.isspace() or before in _SEPARATORS):
            continue
        role = _LABELS[match[0]]
        previous = labels[-1] if labels else None
        if (  # 作者：张 文 — a spaced two-character name, not the label 文
            len(match[0]) == 1
            and previous is not None
            and previous.explicit
            and previous.role == role
            and len((line[previous.end : start].lstrip(_SEPARATORS).split() or [""])[-1]) == 1
        ):
            continue
        labels.append(_Label(role, start, end, explicit, []))
    return labels


def _names(chunk: str) -> list[str] | None:
    """Split a run of names; letters spaced out for alignment (毕 竞) make one name."""
    chunk = _NOTE.sub(" ", chunk).strip().removesuffix("等")
    tokens: list[str] = []
    for token in _NAME_SEPARATORS.split(chunk):
        if not token:
            continue
        halves = token.split("和")
        if len(halves) == 2 and min(map(len, halves)) >= 2:  # 马建国和李秀兰, not 王和平
            tokens += halves
        else:
            tokens.append(token)
    names: list[str] = []
    singles: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1:
            singles.append(token)
            continue
        if singles:  # 毕 竞 → 毕竞; 王 平 李 文 → 王平、李文
            size = len(singles) if len(singles) <= 3 else 2
            names += ["".join(singles[i : i + size]) for i in range(0, len(singles), size)]
            singles = []
        if token:
            names.append(token)
    if not names or not all(_NAME.fullmatch(name) for name in names):
        return None
    return names
