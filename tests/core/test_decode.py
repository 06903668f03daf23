"""decode_bytes: realistic manuscripts in every encoding they arrive in, and refusals."""

from __future__ import annotations

import codecs

import pytest

from wenshi.errors import DecodeError, ImportFileError
from wenshi.text.decode import Decoded, decode_bytes

SIMPLIFIED = (
    "马鸿宾与灵武\n"
    "——民国时期宁夏军政往事\n"
    "文/马建国\n\n"
    "　　民国二十五年（1936年）秋，马鸿宾率部移驻灵武。当时的灵武城墙多处坍塌，"
    "城内人口不足万人，商铺寥寥无几。他到任后即着手修缮城墙，疏浚秦渠、汉渠，"
    "并在城东兴办了一所新式小学，聘请从兰州、西安来的教员授课。\n"
    "　　据当地老人回忆，那几年灵武的粮价相对平稳，集市逐渐恢复了往日的热闹。"
    "每逢农历初一、十五，四乡的农民赶着毛驴车进城，用枸杞、甘草和滩羊皮换回布匹、"
    "食盐和农具。马鸿宾本人也常常骑马到各乡查看水利，询问收成，对克扣民夫口粮的"
    "官员严加惩处。\n"
    "　　一九四九年九月，宁夏和平解放。马鸿宾审时度势，率部起义，为家乡免除了一场"
    "兵灾。此后他历任宁夏省人民政府副主席、甘肃省副省长等职，晚年仍关心灵武的"
    "建设，多次写信询问黄河灌区的治理情况。\n"
)
TRADITIONAL = (
    "馬鴻賓與靈武\n"
    "——民國時期寧夏軍政往事\n"
    "文/馬建國\n\n"
    "　　民國二十五年（1936年）秋，馬鴻賓率部移駐靈武。當時的靈武城牆多處坍塌，"
    "城內人口不足萬人，商鋪寥寥無幾。他到任後即著手修繕城牆，疏浚秦渠、漢渠，"
    "並在城東興辦了一所新式小學，聘請從蘭州、西安來的教員授課。\n"
    "　　據當地老人回憶，那幾年靈武的糧價相對平穩，集市逐漸恢復了往日的熱鬧。"
    "每逢農曆初一、十五，四鄉的農民趕著毛驢車進城，用枸杞、甘草和灘羊皮換回布匹、"
    "食鹽和農具。馬鴻賓本人也常常騎馬到各鄉查看水利，詢問收成，對剋扣民夫口糧的"
    "官員嚴加懲處。\n"
)
# 𠮷 (U+20BB7) is outside GBK: only GB18030 encodes it, in four bytes.
EXTENSION_B = "吉林的“吉”字，在当地的老地契上常写作“𠮷”，上面是“土”而不是“士”。" * 4


def test_decoded_is_frozen() -> None:
    decoded = decode_bytes(SIMPLIFIED.encode(), "a.txt")
    with pytest.raises(AttributeError):
        decoded.text = ""  # type: ignore[misc]
    assert decoded == Decoded(SIMPLIFIED, "utf-8", True)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("utf-16"), "utf-16"),  # BOM in the machine's order
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + SIMPLIFIED.encode("utf-32-le"), "utf-32"),
        (codecs.BOM_UTF32_BE + SIMPLIFIED.encode("utf-32-be"), "utf-32"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (SIMPLIFIED.encode("gbk"), "gb18030"),
        (SIMPLIFIED.replace("——", "").encode("gb2312"), "gb18030"),
    ],
)
def test_simplified_article_in_each_encoding(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data, "马鸿宾与灵武.txt")
    assert decoded.encoding == encoding
    assert decoded.confident
    assert decoded.text.startswith("马鸿宾与灵武\n")
    assert "\ufeff" not in decoded.text
    assert decoded.text.rstrip("\n").endswith("治理情况。")


@pytest.mark.parametrize(("codec", "encoding"), [("big5", "big5"), ("cp950", "big5")])
def test_traditional_article_in_big5(codec: str, encoding: str) -> None:
    decoded = decode_bytes(TRADITIONAL.encode(codec), "馬鴻賓與靈武.txt")
    assert decoded == Decoded(TRADITIONAL, encoding, True)


def test_traditional_article_in_utf8() -> None:
    assert decode_bytes(TRADITIONAL.encode(), "a.txt") == Decoded(TRADITIONAL, "utf-8", True)


def test_big5_with_windows_only_character() -> None:
    # 碁 is F9D6 in cp950 (Windows Big5), which the strict big5 codec lacks.
    text = TRADITIONAL + "　　老人們閒時也下圍棋，稱之為「碁」。\n"
    data = text.encode("cp950")
    with pytest.raises(UnicodeDecodeError):
        data.decode("big5")
    assert decode_bytes(data, "a.txt") == Decoded(text, "big5", True)


def test_extension_b_character_in_gb18030() -> None:
    data = EXTENSION_B.encode("gb18030")
    with pytest.raises(UnicodeEncodeError):
        EXTENSION_B.encode("gbk")
    decoded = decode_bytes(data, "地契.txt")
    assert decoded == Decoded(EXTENSION_B, "gb18030", True)
    assert "\U00020bb7" in decoded.text


def test_ascii_is_utf8() -> None:
    assert decode_bytes(b"Lingwu 1936\n", "a.txt") == Decoded("Lingwu 1936\n", "utf-8", True)


@pytest.mark.parametrize(
    "text",
    ["灵武文史", "你好", "汇聚奋进力量", "第十七辑"],
)
def test_short_legacy_bytes_are_not_guessed(text: str) -> None:
    data = text.encode("gbk")
    with pytest.raises(DecodeError) as caught:
        decode_bytes(data, "短.txt")
    message = str(caught.value)
    assert message.startswith("短.txt：")
    assert "无法可靠地判断文件编码" in message
    assert "--encoding gb18030" in message


def test_ambiguous_message_lists_the_candidates() -> None:
    # Both readings decode strictly, and four characters cannot tell them apart.
    data = "你好世界".encode("gbk")
    data.decode("cp950")
    with pytest.raises(DecodeError, match=r"可能是 (gb18030、big5|big5、gb18030)"):
        decode_bytes(data, "a.txt")


def test_undecodable_bytes_say_so() -> None:
    data = b"\x81\x30" * 40  # half of a GB18030 four-byte sequence, never Big5
    with pytest.raises(DecodeError, match="无法可靠地判断文件编码"):
        decode_bytes(data, "a.txt")


def test_unplausible_legacy_text_is_refused() -> None:
    # Korean EUC-KR decodes as GB18030 into rare Han characters: not plausible Chinese.
    data = ("한국어 문서입니다. 이것은 중국어가 아닙니다. " * 10).encode("euc-kr")
    with pytest.raises(DecodeError, match="--encoding"):
        decode_bytes(data, "a.txt")


def test_override_decodes_short_text() -> None:
    data = "灵武文史".encode("gbk")
    decoded = decode_bytes(data, "a.txt", encoding="gbk")
    assert decoded.text == "灵武文史"
    assert decoded.encoding == "gbk"
    assert not decoded.confident  # detection alone could not have chosen


def test_override_agreeing_with_detection_is_confident() -> None:
    decoded = decode_bytes(SIMPLIFIED.encode("gbk"), "a.txt", encoding="GB18030")
    assert decoded == Decoded(SIMPLIFIED, "gb18030", True)


def test_override_big5_reads_like_detection() -> None:
    text = TRADITIONAL + "碁"
    decoded = decode_bytes(text.encode("cp950"), "a.txt", encoding="big5")
    assert decoded == Decoded(text, "big5", True)


def test_override_utf8_drops_bom() -> None:
    data = codecs.BOM_UTF8 + SIMPLIFIED.encode()
    assert decode_bytes(data, "a.txt", encoding="utf-8").text == SIMPLIFIED


def test_wrong_override_names_encoding_and_offset() -> None:
    data = "abc马鸿宾".encode("gbk")
    with pytest.raises(DecodeError) as caught:
        decode_bytes(data, "稿件.txt", encoding="utf-8")
    message = str(caught.value)
    assert message.startswith("稿件.txt：")
    assert "utf-8" in message
    assert "第 3 字节" in message


def test_wrong_big5_override_is_refused() -> None:
    data = EXTENSION_B.encode("gb18030")
    with pytest.raises(DecodeError, match="big5"):
        decode_bytes(data, "a.txt", encoding="big5")


def test_unknown_override() -> None:
    with pytest.raises(DecodeError, match="不认识编码名称“gb-9999”"):
        decode_bytes(b"abc", "a.txt", encoding="gb-9999")


def test_override_still_refuses_binary() -> None:
    with pytest.raises(DecodeError, match="不是文本文件"):
        decode_bytes(b"abc\x00def", "a.txt", encoding="gbk")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG 图片"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG 图片"),
        (b"GIF89a\x01\x00", "GIF 图片"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF 文件"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP 压缩文件"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "另存为 .docx"),
        (b"\x00\x01\x02binary\x00data", "不是文本文件（含二进制数据）"),
        ("马建国\x00".encode("utf-16-le"), "不是文本文件（含二进制数据）"),  # UTF-16 without BOM
    ],
)
def test_binary_files_are_refused(data: bytes, fragment: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode_bytes(data, "扫描件.txt")
    assert str(caught.value).startswith("扫描件.txt：")
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_BE,
        b"  \r\n\t\n",
        "　\n".encode(),
    ],
)
def test_empty_files(data: bytes) -> None:
    with pytest.raises(DecodeError, match=r"^空\.txt：文件为空$"):
        decode_bytes(data, "空.txt")


def test_errors_are_import_errors() -> None:
    with pytest.raises(ImportFileError):
        decode_bytes(b"", "a.txt")


def test_broken_utf16_names_offset() -> None:
    data = codecs.BOM_UTF16_LE + "灵武".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    with pytest.raises(DecodeError, match="utf-16"):
        decode_bytes(data, "a.txt")


def test_the_refusal_suggests_the_likelier_encoding() -> None:
    """Too short to be sure, but one reading looks more Chinese: suggest that one."""
    with pytest.raises(DecodeError) as big5:
        decode_bytes("靈武舊事".encode("big5"), "x.txt")
    assert str(big5.value) == (
        "x.txt：无法可靠地判断文件编码（不是 UTF-8，可能是 big5、gb18030），"
        "请用 --encoding 指定编码，例如 --encoding big5"
    )
