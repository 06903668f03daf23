"""clean_text: the mechanical cleanup of imported and OCR'd manuscripts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wenshi.text.cleanup import clean_text

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "samples" / "lingwu-cppcc-2022-review.txt"

ARTICLE = (
    "　　民国二十五年（1936年）秋，马鸿宾率部移驻灵武。当时的灵武城墙多处坍塌，城内人口不足"
    "万人，商铺寥寥无几。他到任后即着手修缮城墙，疏浚秦渠、汉渠，并在城东兴办了一所新式小学。\n"
    "　　据当地老人回忆，那几年灵武的粮价相对平稳，集市逐渐恢复了往日的热闹。每逢农历初一、"
    "十五，四乡的农民赶着毛驴车进城，用枸杞、甘草和滩羊皮换回布匹、食盐和农具。\n"
    "　　一九四九年九月，宁夏和平解放。马鸿宾审时度势，率部起义，为家乡免除了一场兵灾。"
)


def _hard_wrap(text: str, width: int) -> str:
    return "\n".join(
        line[i : i + width] for line in text.split("\n") for i in range(0, len(line), width)
    )


# -- line ends, control characters, trailing whitespace ------------------------------


def test_line_ends_and_control_characters() -> None:
    raw = "\ufeff马鸿宾与灵武\r\n——民国\u200b时期\x07往事\r文/马建国\x00\r\n"
    assert clean_text(raw) == "马鸿宾与灵武\n——民国时期往事\n文/马建国"


def test_page_breaks_become_line_breaks() -> None:
    assert clean_text("第一页末段。\f第二页首段。") == "第一页末段。\n第二页首段。"
    assert clean_text("甲。\u2028乙。\x85丙。") == "甲。\n乙。\n丙。"


def test_c1_controls_removed() -> None:
    assert clean_text("灵\x80武\x9f市") == "灵武市"


def test_trailing_whitespace_removed_indentation_kept() -> None:
    raw = "　　第一段。  \t\n    第二段。\u3000\n\t第三段。"
    assert clean_text(raw) == "　　第一段。\n    第二段。\n\t第三段。"


def test_empty_input() -> None:
    assert clean_text("") == ""
    assert clean_text(" \n\r\n\u3000\n") == ""


# -- spaces between CJK --------------------------------------------------------------


def test_column_wrap_spaces_in_prose_removed() -> None:
    raw = '充分发挥人民 政协"重要阵地、重要平台、重要渠 道"作用,交出一份答卷。'
    assert clean_text(raw) == "充分发挥人民政协“重要阵地、重要平台、重要渠道”作用，交出一份答卷。"


def test_all_kinds_of_spaces_between_cjk() -> None:
    # Not a tab: it separates table cells (see test_table_rows_and_notes_…).
    raw = "灵武\u3000市政协 加强与\u00a0民主党派  的联系。"
    assert clean_text(raw) == "灵武市政协加强与民主党派的联系。"


def test_space_after_converted_comma_removed() -> None:
    assert clean_text("林秀苑等小区调研, 听取群众意见。") == "林秀苑等小区调研，听取群众意见。"


def test_spaces_next_to_digits_and_latin_kept() -> None:
    raw = "送春联 1000 余副，运用网络直播、线上 VR 展厅等形式。"
    assert clean_text(raw) == raw


@pytest.mark.parametrize(
    "line",
    [
        "汇聚奋进力量 写好履职答卷",  # a headline of two phrases
        "本报记者 毕 竞 文/图",  # a by-line spaced for alignment
        "口述：王福林 整理：马建国",
        "人民 政协",
    ],
)
def test_spaces_in_lines_without_clause_punctuation_kept(line: str) -> None:
    assert clean_text(line) == line


def test_leading_indentation_of_cjk_kept() -> None:
    assert clean_text("　　灵武 市政协，") == "　　灵武市政协，"


# -- punctuation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("服务中心献良策,凝聚共识增合力。", "服务中心献良策，凝聚共识增合力。"),
        ("及时了解全市发展大事实事;全体委员观摩。", "及时了解全市发展大事实事；全体委员观摩。"),
        ("作者:马建国", "作者：马建国"),
        ("这是为什么?他问。", "这是为什么？他问。"),
        ("好!", "好！"),
        ("真的吗?!", "真的吗？！"),
        ("2022年6月24日,灵武市政协举办", "2022年6月24日，灵武市政协举办"),
        ("时间:3:30", "时间：3:30"),
        ("共1,000人,其中", "共1,000人，其中"),
        ("Hello, world. 下午3:30开会。", "Hello, world. 下午3:30开会。"),
        ("约3.5万人。Dr. Li 来访。", "约3.5万人。Dr. Li 来访。"),
        ("网址 http://example.org/a?b=1 可查。", "网址 http://example.org/a?b=1 可查。"),
    ],
)
def test_half_width_marks_next_to_cjk(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("十三届三次常委(扩大)会议", "十三届三次常委（扩大）会议"),
        ("《委员履职考核管理办法(试行)》", "《委员履职考核管理办法（试行）》"),
        ("见附件(1)和(2)。", "见附件(1)和(2)。"),
        ("马鸿宾(1884—1960)，宁夏人。", "马鸿宾(1884—1960)，宁夏人。"),
        ("(灵武(宁夏)县志)", "（灵武（宁夏）县志）"),
        ("((1)灵武)", "（(1)灵武）"),  # CJK text after an inner pair counts for the outer
        ("(甲(1))", "（甲(1)）"),
        ("(1)(灵武)", "(1)（灵武）"),
        ("未闭合(灵武", "未闭合(灵武"),
    ],
)
def test_parentheses_around_cjk(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ('深刻领会"两个确立"的决定性意义', "深刻领会“两个确立”的决定性意义"),
        ('围绕"甲""乙"等议题', "围绕“甲”“乙”等议题"),
        ('他说:"好。"', "他说：“好。”"),
        ('型号"A-1"与"灵武"号', '型号"A-1"与“灵武”号'),
        ('只有一个"引号', '只有一个"引号'),
        ('"a" "b"', '"a" "b"'),
    ],
)
def test_straight_double_quotes(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("马鸿宾出任省政府主席.其时宁夏初建行省.", "马鸿宾出任省政府主席。其时宁夏初建行省。"),
        ("他说:“好.” 众人称是.", "他说：“好。”众人称是。"),
        ("灵武. Lingwu", "灵武。 Lingwu"),
        ("约3.5万人.", "约3.5万人。"),
        ("见www.nxlw.gov.cn.", "见www.nxlw.gov.cn."),
        ("见 nxlw.gov.cn 网站", "见 nxlw.gov.cn 网站"),
        ("Dr. Li 来访.", "Dr. Li 来访。"),
        ("第1.2节", "第1.2节"),
        ("1.灵武概况", "1.灵武概况"),
        ("灵武.cn", "灵武.cn"),
        ("等等...", "等等..."),
        ("灵武..", "灵武.."),
    ],
)
def test_half_width_full_stop_after_cjk(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("所谓'灵州'即此地。", "所谓‘灵州’即此地。"),
        ("他说:\"人称'小马'。\"", "他说：“人称‘小马’。”"),
        ("'甲''乙'二字", "‘甲’‘乙’二字"),
        ("Teilhard's 发现与'水洞沟'遗址。", "Teilhard's 发现与‘水洞沟’遗址。"),
        ("It's 'Lingwu' 灵武。", "It's 'Lingwu' 灵武。"),
        ("只有一个'引号。", "只有一个'引号。"),
        ("'90年代'", "‘90年代’"),
    ],
)
def test_straight_single_quotes(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


# -- joining lines -------------------------------------------------------------------


def test_hard_wrapped_article_joined() -> None:
    wrapped = _hard_wrap(ARTICLE, 24)
    assert wrapped.count("\n") > 8
    assert clean_text(wrapped) == ARTICLE


def test_hard_wrapped_paragraphs_between_blank_lines() -> None:
    paragraphs = [
        "　　民国二十五年秋，马鸿宾率部移驻灵武。当时的灵武城墙多处坍塌，城内人口不足万人。",
        "　　据当地老人回忆，那几年灵武的粮价相对平稳。",
        "　　一九四九年九月，宁夏和平解放。马鸿宾审时度势，率部起义，为家乡免除了一场兵灾。",
    ]
    # The middle paragraph wraps into two lines: its block is judged by the whole text.
    wrapped = "\n\n".join(_hard_wrap(p, 18) for p in paragraphs)
    assert wrapped.count("\n") == 9
    assert clean_text(wrapped) == "\n\n".join(paragraphs)


def test_hard_wrapped_latin_gets_a_space() -> None:
    text = (
        "The county annals of Lingwu were\n"
        "revised in the Qing dynasty and\n"
        "again during the Republic period\n"
        "by the local gentry.\n"
    )
    assert clean_text(text) == (
        "The county annals of Lingwu were revised in the Qing dynasty and again during the "
        "Republic period by the local gentry."
    )


def test_narrow_newspaper_columns_joined() -> None:
    columns = (
        "灵武市政协始终坚持人民政协\n"
        "性质定位，把服务发展大局作为\n"
        "履职主线，围绕践行全过程人民\n"
        "民主，精心选题、精准建言，全\n"
        "力助推经济社会高质量发展。\n"
        "　　充分发挥政协专门协商机构\n"
        "作用，紧扣中心任务开展协商议\n"
        "政。"
    )
    assert clean_text(columns) == (
        "灵武市政协始终坚持人民政协性质定位，把服务发展大局作为履职主线，围绕践行全过程人民"
        "民主，精心选题、精准建言，全力助推经济社会高质量发展。\n"
        "　　充分发挥政协专门协商机构作用，紧扣中心任务开展协商议政。"
    )


def test_list_of_titles_not_joined() -> None:
    contents = (
        "马鸿宾与灵武——民国时期宁夏军政往事\n"
        "灵武古城墙的变迁与保护\n"
        "回忆灵武县第一所新式小学的创办\n"
        "秦渠汉渠的疏浚与灵武农业\n"
        "宁夏和平解放前后的灵武"
    )
    assert clean_text(contents) == contents


def test_poem_lines_not_joined() -> None:
    poem = "塞上江南\n\n黄河九曲绕灵州，\n塞上江南稻谷稠。\n枸杞红时秋正好，\n滩羊肥处牧歌悠。"
    assert clean_text(poem) == poem


def test_headings_and_captions_not_joined() -> None:
    text = (
        "履行政协职能 建言资政成果更加丰硕\n"
        "2022年8月30日，灵武市政协组织委员观摩\n"
        "灵武市政协始终坚持人民政协性质定位，把服务发展大局作为履职主线，围绕践行全过程人民"
        "民主，精心选题、精准建言，全力助推经济社会高质量发展。"
    )
    assert clean_text(text) == text


def test_one_paragraph_per_line_not_joined() -> None:
    text = "\n".join(
        [
            "灵武市政协始终把加强和改进政协自身建设作为履职重要基础",
            "注重加强委员能力建设，举办“政协委员履职能力提升培训班”，由灵武市政协主席与"
            "各委办主任自主备课、亲自授课，不断增强履职的责任感和使命感",
            "创新履职工作方法，打破界别限制",
        ]
    )
    assert clean_text(text) == text


def test_indented_next_line_starts_a_paragraph() -> None:
    text = "　　第一段写到一半没有标点的地方就换了行而且很长很长\n　　第二段另起一行缩进开头。"
    wrapped = text + "\n" + "　　" + "第三段" * 8
    assert clean_text(wrapped) == wrapped


def test_paragraph_ending_in_comma_joined_across_blank_lines() -> None:
    text = (
        "做好政协文史工作，召开编辑工作座谈会2次，广泛听取文史界人士的意见建议，收录稿件44篇19万字,\n"
        "\n"
        "\n"
        "编辑出版《灵武文史》第十七辑，发挥“存史、资政、团结、育人”作用。"
    )
    assert clean_text(text) == (
        "做好政协文史工作，召开编辑工作座谈会2次，广泛听取文史界人士的意见建议，收录稿件44篇19万字，"
        "编辑出版《灵武文史》第十七辑，发挥“存史、资政、团结、育人”作用。"
    )


def test_paragraph_ending_in_enumeration_comma_joined() -> None:
    text = (
        "坚持把协商民主贯穿于政协履职的全过程,积极践行有事好商量、\n\n众人的事情由众人商量的理念。"
    )
    assert clean_text(text) == (
        "坚持把协商民主贯穿于政协履职的全过程，积极践行有事好商量、众人的事情由众人商量的理念。"
    )


@pytest.mark.parametrize(
    "text",
    [
        "各位委员，\n\n现在我代表政协常委会报告工作。",  # a short salutation
        "主要做法有以下几个方面的内容和经验总结如下：\n\n一、加强学习。",
        "一是加强理论学习，提高政治站位和履职能力水平；\n\n二是加强调查研究。",
        "第一段写到这里用逗号结束而且足够长足够长，\n\n　　下一段是缩进的。",
    ],
)
def test_not_joined_after_salutation_colon_semicolon_or_before_indent(text: str) -> None:
    assert clean_text(text) == text


# -- blank lines ---------------------------------------------------------------------


def test_table_rows_and_notes_stay_lines_of_their_own() -> None:
    rows = [
        "城关镇东门外\t一千二百户人家\t六千口人",
        "东乡的吴忠堡\t八百户人家口\t四千口人",
        "据县志记载。\t不详，待考。\t不详",  # a tab between CJK in prose stays a cell break
    ]
    notes = [
        "注释：",
        "①《灵武县志》，宁夏人民出版社1999年版，第123页",
        "②《宁夏通志》，宁夏人民出版社2008年版，第45页",
        "③《银川史话》，宁夏人民出版社2010年版，第67页",
    ]
    assert clean_text("\n".join([*rows, *notes])) == "\n".join([*rows, *notes])
    # A row ending in a comma does not take the next line, nor the line before it.
    assert clean_text("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉，\n城关\t一千户，") == (
        "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉，\n城关\t一千户，"
    )


def test_blank_line_runs_collapse_single_ones_stay() -> None:
    text = "\n\n第一段。\n\n\n\n第二段。\n\n第三段。\n第四段。\n\n\n"
    assert clean_text(text) == "第一段。\n\n第二段。\n\n第三段。\n第四段。"


# -- what is never touched -----------------------------------------------------------


def test_misread_characters_and_script_untouched() -> None:
    text = "就灵武市改疾儿童工作进行实地调研，规范康复明练场所建设。馬鴻賓與靈武，马鸿宾与灵武。"
    assert clean_text(text) == text


# -- idempotence ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        _hard_wrap(ARTICLE, 24),
        "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未\n" * 3
        + "短行\n"
        + "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未\n" * 3,
        'abc,\n\n"灵武"市政协,\n灵 武 市。',
    ],
)
def test_idempotent_examples(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


_ALPHABET = (
    "灵武市政协马建国文的了是人，。、；：？！“”（）《》——…　 \t\n\n\r"
    ",;:?!()\"'.ab12\x00\ufeff\u200b"
)
_LINES = st.lists(st.text(alphabet=_ALPHABET.replace("\n", ""), max_size=40), max_size=15).map(
    "\n".join
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(alphabet=_ALPHABET, max_size=300), _LINES, st.text(max_size=200)))
def test_idempotent_property(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    assert "\r" not in once
    assert "\n\n\n" not in once
    assert all(line == line.rstrip() for line in once.split("\n"))


# -- the real OCR sample -------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> str:
    if not SAMPLE.exists():
        pytest.skip(f"{SAMPLE} is not there")
    return clean_text(SAMPLE.read_text(encoding="utf-8"))


def test_sample_column_spaces_and_quotes(sample: str) -> None:
    assert "充分发挥人民政协“重要阵地、重要平台、重要渠道”作用" in sample
    assert "制定《灵武市政协加强与民主党派、工商联联系的实施意见》" in sample


def test_sample_misreadings_kept(sample: str) -> None:
    assert "改疾儿童" in sample
    assert "康复明练" in sample
    assert "打通服对口域等" in sample


def test_sample_cut_paragraph_joined(sample: str) -> None:
    assert "收录稿件44篇19万字，编辑出版《灵武文史》第十七辑" in sample
    assert "专题议政性常委会议协商议题，先后6次组织界别委员" in sample


def test_sample_header_and_captions_stay_paragraphs(sample: str) -> None:
    paragraphs = sample.split("\n\n")
    assert paragraphs[:3] == [
        "汇聚奋进力量 写好履职答卷",
        "——2022年灵武市政协工作综述",
        "本报记者 毕 竞 文/图",
    ]
    assert "2022年7月29日，灵武市政协十三届三次常委（扩大）会议召开。" in paragraphs
    assert "2022年3月8日，灵武市政协“凝心聚力一起向未来”志愿服务及联谊座谈会举办" in paragraphs
    assert "履行政协职能 建言资政成果更加丰硕" in paragraphs
    assert "\n\n\n" not in sample


def test_sample_spaces_before_digits_kept(sample: str) -> None:
    assert "送春联 1000 余副" in sample
    assert "收获点赞量 5 万多条" in sample


def test_sample_idempotent(sample: str) -> None:
    assert clean_text(sample) == sample
