"""Turn the bytes of an imported text file into text, or say why not.

Manuscripts reach the archive as UTF-8, as UTF-16 from Windows Notepad, or in the legacy
Chinese encodings (GB2312/GBK/GB18030 from the mainland, Big5 from Taiwan and Hong Kong).
A wrong guess turns a manuscript into mojibake that may go unnoticed until print, so an
encoding is only chosen when the evidence is clear; otherwise the user is asked to name it.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

from wenshi.errors import DecodeError
from wenshi.i18n import N_, _

# The 500 most frequent simplified characters (ranked by summing the word frequencies of
# jieba's dictionary, a large modern-Chinese corpus), then their traditional forms (OpenCC
# s2t, s2tw and s2hk). In real prose they make up well over half of all Han characters; in
# the mojibake of a wrong legacy decoding they are rare, which is what tells the two apart.
_COMMON_SIMPLIFIED = (
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发"
    "自之对得主长可过天作分方用多你着部能市等业全里工公经本都而高政法面门动日进区事代那去心"
    "小同北定开产前其军还然起种所如现理机体表力好外与文当两实重新三么只山水关明从化平建又制"
    "南内西没此将员名手最东头者月间无安看见各城十相但已些正口通想度加第她合院物性战由位常点"
    "海意场武使次二向治因立数样身情入原问把路被并利石老教万知级量任江及应省资委务元美特期世"
    "湖回系比气汉总展电科金先声提品设或义王社很统处四首共马形己儿司太目基领队直计别女权话少"
    "流命至报米给打变果书清活几州华解议更称程今决张导术府才保交放管结师便走达族反再题色五京"
    "河接条规式县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼兵"
    "传带空干农边据集联古广完质阳难增历史专官每住商即步认车台林必死游举线言皇土团收考求德叫"
    "近备研争非具李众连调感转笑革该持始英克士尔让拉思根格造较际亲单朝红型价校约器字段周亚深"
    "候则功属积快图火千准究往极育装许参半令吃观鱼精办像帝八复影告远群包整构料随划算象容示投"
    "势热值夫网望源息语股铁断派速怎需片爱律纪支早况病境证编"
)
_COMMON_TRADITIONAL = (
    "並亞來個們備傳價兒內兩別則動務勢區卻參員問喫單國圖團報場學實將專對導屬師帶幹幾廣張強後"
    "從復愛應戰據數斷於時書會東條業極構樣機權歷氣決沒況準漢濟為無熱爭爲爾現產當發眾種稱積紀"
    "約紅級組結給統經網線編縣總羣義聯聲職聽臺與舉華萬著處號衆術裏裝裡見規親觀計記設許話該認"
    "語說説調論證議變讓資質車軍較轉辦農這連進遊運過達遠選還邊鐵長門開間關陽隊際隨難電領頭題"
    "類風馬體魚麼黃點黨"
)
# Punctuation of printed Chinese; a wrong legacy decoding never produces it.
_CJK_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉「」『』【】—…·"
_COMMON = frozenset(_COMMON_SIMPLIFIED + _COMMON_TRADITIONAL + _CJK_PUNCTUATION)

# A reading is plausible Chinese when at least this share of its non-ASCII characters is
# common; correct readings of prose score about 0.7 (headings 0.4), wrong ones below 0.1.
_PLAUSIBLE_SHARE = 0.35
# The plausible reading must beat the other one by this much to be chosen.
_MARGIN = 0.25
# Fewer non-ASCII characters than this are too few to judge the encoding by.
_MIN_EVIDENCE = 12

# Readings tried for legacy files: label reported -> Python codecs tried in order.
# GB18030 decodes everything GB2312 and GBK can; cp950 is Big5 as Windows writes it, and
# big5hkscs adds the Hong Kong characters.
_LEGACY = {"gb18030": ("gb18030",), "big5": ("cp950", "big5hkscs")}
# What charset-normalizer may call each legacy family.
_FAMILY = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "hz": "gb18030",
    "big5": "big5",
    "cp950": "big5",
    "big5hkscs": "big5",
}

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SIGNATURES = (
    (b"%PDF", N_("这是 PDF 文件，不是文本文件")),
    (b"PK\x03\x04", N_("这是 ZIP 压缩文件（.docx 等 Office 文档也是），不是文本文件")),
    (b"PK\x05\x06", N_("这是 ZIP 压缩文件（.docx 等 Office 文档也是），不是文本文件")),
    (b"\x89PNG\r\n\x1a\n", N_("这是 PNG 图片，不是文本文件")),
    (b"\xff\xd8\xff", N_("这是 JPEG 图片，不是文本文件")),
    (b"GIF87a", N_("这是 GIF 图片，不是文本文件")),
    (b"GIF89a", N_("这是 GIF 图片，不是文本文件")),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        N_("这是旧版 Word 文档（.doc），请在 Word 或 WPS 中另存为 .docx 后再导入"),
    ),
)


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the encoding it was read with."""

    text: str
    # Canonical lower-case name: "utf-8", "utf-8-sig", "utf-16", "gb18030", "big5", ...
    encoding: str
    # False only with an override: detection alone would not have read this text.
    confident: bool


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode a text file; raise DecodeError rather than guess.

    ``encoding`` is the user's override (``--encoding``): it is used strictly, and
    ``confident`` then says whether detection would have read the same text.
    """
    if not data:
        raise DecodeError(_("{name}：文件为空").format(name=name))
    for signature, reason in _SIGNATURES:
        if data.startswith(signature):
            raise DecodeError(_("{name}：{reason}").format(name=name, reason=_(reason)))
    if encoding is not None:
        return _decode_override(data, name, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data, codec, codec, name), codec, name)
    if b"\x00" in data:
        raise DecodeError(_("{name}：不是文本文件（含二进制数据）").format(name=name))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(data, name)
    return _checked(text, "utf-8", name)


def _decode_override(data: bytes, name: str, encoding: str) -> Decoded:
    """Decode with the user's encoding; Big5 means the same Big5 readers as detection."""
    try:
        canonical = codecs.lookup(encoding).name
    except LookupError:
        raise DecodeError(
            _("{name}：不认识编码名称“{encoding}”").format(name=name, encoding=encoding)
        ) from None
    if _FAMILY.get(canonical) == "big5":
        text = _first_reading(data, _LEGACY["big5"])
        if text is None:  # report the error of the plain reading
            _strict(data, "cp950", "big5", name)
        canonical = "big5"
    else:
        text = _strict(data, canonical, canonical, name)
    text = _checked(text, canonical, name).text
    try:
        detected = decode_bytes(data, name).text
    except DecodeError:
        detected = None
    return Decoded(text, canonical, detected == text)


def _strict(data: bytes, codec: str, label: str, name: str) -> str:
    """Decode strictly, naming the encoding and the first bad byte on failure."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise DecodeError(
            _("{name}：无法按 {label} 编码解码（第 {start} 字节处的数据不符合该编码）").format(
                name=name, label=label, start=err.start
            )
        ) from None


def _checked(text: str, encoding: str, name: str) -> Decoded:
    """Refuse text that is empty or holds NUL characters; drop a stray leading BOM."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise DecodeError(_("{name}：文件为空").format(name=name))
    if "\x00" in text:
        raise DecodeError(_("{name}：不是文本文件（含二进制数据）").format(name=name))
    return Decoded(text, encoding, True)


def _first_reading(data: bytes, codecs_to_try: tuple[str, ...]) -> str | None:
    """The text of the first codec that decodes ``data`` strictly, or None."""
    for codec in codecs_to_try:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def _common_share(text: str) -> tuple[float, int]:
    """Share of common Chinese characters among the non-ASCII ones, and how many there were."""
    chars = [ch for ch in text if ord(ch) > 0x7F and not ch.isspace()]
    if not chars:
        return 0.0, 0
    return sum(ch in _COMMON for ch in chars) / len(chars), len(chars)


def _normalizer_guess(data: bytes) -> str | None:
    """The canonical name of charset-normalizer's best guess for ``data``, if any."""
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else codecs.lookup(best.encoding).name


def _decode_legacy(data: bytes, name: str) -> Decoded:
    """Choose between GB18030 and Big5 only when one reading is clearly Chinese.

    charset-normalizer is asked too: if it prefers the other family, nothing is chosen.
    """
    readings = {
        label: text
        for label, tried in _LEGACY.items()
        if (text := _first_reading(data, tried)) is not None
    }
    scores = {label: _common_share(text) for label, text in readings.items()}
    candidates = sorted(readings, key=lambda label: scores[label][0], reverse=True)
    guess = _normalizer_guess(data)
    if candidates:
        best = candidates[0]
        share, evidence = scores[best]
        runner_up = scores[candidates[1]][0] if len(candidates) > 1 else 0.0
        if (
            evidence >= _MIN_EVIDENCE
            and share >= _PLAUSIBLE_SHARE
            and share - runner_up >= _MARGIN
            and _FAMILY.get(guess or "", best) == best
        ):
            return _checked(readings[best], best, name)
    elif guess is not None:
        candidates = [guess]
    listed = (
        _("可能是 {names}").format(names="、".join(candidates))
        if candidates
        else _("也不是 GB18030 或 Big5")
    )
    likely = candidates[0] if candidates else "gb18030"  # the reading that looked most Chinese
    raise DecodeError(
        _(
            "{name}：无法可靠地判断文件编码（不是 UTF-8，{listed}），"
            "请用 --encoding 指定编码，例如 --encoding {likely}"
        ).format(name=name, listed=listed, likely=likely)
    )


def common_share(text: str) -> float:
    """The share of frequent Chinese characters and marks among the non-ASCII characters of
    ``text``: about 0.7 for prose, under 0.1 for mojibake or a PDF's unmapped glyphs."""
    wide = [ch for ch in text if ord(ch) > 0x7F and not ch.isspace()]
    return sum(ch in _COMMON for ch in wide) / len(wide) if wide else 0.0
