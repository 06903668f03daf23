"""Citations as a researcher uses them: GB/T 7714-2015 for a paper, RIS and CSL-JSON for
Zotero and EndNote, BibTeX for LaTeX — each checked against what reads it back (the CSL
schema, rispy, bibtexparser), and every refusal naming the reason."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from wenshi.errors import InvalidValueError
from wenshi.sample import load_sample

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "data" / "csl" / "csl-data.json").read_text("utf-8")
)
EDITOR = "政协灵武市委员会文史资料委员会"
PERMIT = "宁新出(2021)内资字第18号"


@pytest.fixture
def sample(library):
    load_sample(library)
    library.volumes.update(
        16,
        editor=EDITOR,
        place="灵武",
        publisher="政协灵武市委员会",
        internal=True,
        permit=PERMIT,
    )
    return library


def ids_of(library, *titles: str) -> list[int]:
    by_title = {m.title: m.id for m in library.queries.list()}
    return [by_title[t] for t in titles]


def test_gbt7714_for_an_article_and_for_a_page_of_it(sample):
    [hengcheng] = ids_of(sample, "横城古渡忆旧")
    assert sample.citations.cite([hengcheng]) == (
        "马振华. 横城古渡忆旧: 黄河东岸一处渡口的兴衰[M]//政协灵武市委员会文史资料委员会. "
        "灵武文史: 第16辑. 灵武: 政协灵武市委员会, 2021: 5-8.\n"
    )
    assert sample.citations.cite([hengcheng], page=6) == (
        "马振华. 横城古渡忆旧: 黄河东岸一处渡口的兴衰[M]//政协灵武市委员会文史资料委员会. "
        "灵武文史: 第16辑. 灵武: 政协灵武市委员会, 2021: 6.\n"
    )


def test_gbt7714_numbers_several_and_credits_oral_history(sample):
    ids = ids_of(sample, "横城古渡忆旧", "我当生产队长的那些年")
    lines = sample.citations.cite(ids).splitlines()
    assert lines[0].startswith("[1] 马振华. 横城古渡忆旧")
    assert lines[1] == (
        "[2] 王福成口述, 李秀英整理. 我当生产队长的那些年[M]//政协灵武市委员会文史资料委员会. "
        "灵武文史: 第16辑. 灵武: 政协灵武市委员会, 2021: 13-16."
    )


def test_facts_not_recorded_are_marked_as_the_standard_says(sample):
    # Volume 17 is still being compiled: no place, no publisher yet, and no pages to cite.
    [qinqu] = ids_of(sample, "秦渠与汉渠")
    assert sample.citations.cite([qinqu]) == (
        "马振华. 秦渠与汉渠: 灵武引黄灌区的两条古渠[M]//灵武文史: 第17辑. "
        "[出版地不详]: [出版者不详], 2022.\n"
    )


def test_ris_as_zotero_reads_it(sample):
    [hengcheng] = ids_of(sample, "横城古渡忆旧")
    text = sample.citations.cite([hengcheng], style="ris")
    assert text.splitlines()[0] == "TY  - CHAP"  # no counter line before the first tag
    [entry] = rispy.loads(text)
    assert entry == {
        "type_of_reference": "CHAP",
        "id": f"wenshi{hengcheng}",
        "authors": ["马振华"],
        "title": "横城古渡忆旧: 黄河东岸一处渡口的兴衰",
        "secondary_title": "灵武文史",
        "volume": "16",
        "secondary_authors": [EDITOR],
        "place_published": "灵武",
        "publisher": "政协灵武市委员会",
        "year": "2021",
        "start_page": "5",
        "end_page": "8",
        "notes": [f"内部资料（准印证号：{PERMIT}）"],
        "language": "zh",
    }


def test_csl_json_is_valid_against_the_csl_schema(sample):
    ids = ids_of(sample, "横城古渡忆旧", "我当生产队长的那些年", "秦渠与汉渠")
    items = json.loads(sample.citations.cite(ids, style="csl-json"))
    jsonschema.validate(items, SCHEMA)
    assert items[0] == {
        "id": f"wenshi{ids[0]}",
        "type": "chapter",
        "title": "横城古渡忆旧: 黄河东岸一处渡口的兴衰",
        "container-title": "灵武文史",
        "volume": "16",
        "language": "zh-CN",
        "author": [{"literal": "马振华"}],
        "editor": [{"literal": EDITOR}],
        "publisher-place": "灵武",
        "publisher": "政协灵武市委员会",
        "issued": {"date-parts": [[2021]]},
        "page": "5-8",
        "note": f"内部资料（准印证号：{PERMIT}）",
    }
    assert "page" not in items[2] and "publisher" not in items[2]


def test_the_schema_check_would_catch_a_wrong_item():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "chapter", "pages": "5-8"}], SCHEMA)


def test_bibtex_parses_back(sample):
    ids = ids_of(sample, "横城古渡忆旧", "我当生产队长的那些年")
    parsed = bibtexparser.parse_string(sample.citations.cite(ids, style="bibtex"))
    assert not parsed.failed_blocks
    first, second = parsed.entries
    assert first.entry_type == "incollection" and first.key == f"wenshi{ids[0]}"
    assert {f.key: f.value for f in first.fields} == {
        "author": "{马振华}",
        "title": "{横城古渡忆旧: 黄河东岸一处渡口的兴衰}",
        "booktitle": "{灵武文史}",
        "volume": "16",
        "editor": "{政协灵武市委员会文史资料委员会}",
        "address": "灵武",
        "publisher": "政协灵武市委员会",
        "year": "2021",
        "pages": "5--8",
        "note": f"内部资料（准印证号：{PERMIT}）",
        "langid": "chinese",
    }
    assert second.fields_dict["author"].value == "{王福成口述} and {李秀英整理}"


def test_an_isbn_is_checked_and_hyphenated(sample):
    sample.volumes.update(16, isbn="ISBN 9787522700007")
    assert sample.volumes.plan(16).facts.isbn == "978-7-5227-0000-7"
    [hengcheng] = ids_of(sample, "横城古渡忆旧")
    assert json.loads(sample.citations.cite([hengcheng], style="csl-json"))[0]["ISBN"] == (
        "978-7-5227-0000-7"
    )
    with pytest.raises(InvalidValueError, match="ISBN“978-7-5227-0000-0”无效：校验位不符"):
        sample.volumes.update(16, isbn="978-7-5227-0000-0")
    with pytest.raises(InvalidValueError, match="ISBN“97875227”无效：应为 10 位或 13 位"):
        sample.volumes.update(16, isbn="97875227")
    assert sample.volumes.plan(16).facts.isbn == "978-7-5227-0000-7"  # nothing half-stored


def test_a_published_volume_keeps_its_facts_correctable(sample):
    assert sample.volumes.plan(16).status == "published"
    sample.volumes.update(16, place="银川")
    assert sample.volumes.plan(16).facts.place == "银川"


def test_refusals_name_the_reason(sample):
    [southern, hengcheng] = ids_of(sample, "灵武老城南街旧事", "横城古渡忆旧")
    [qinqu] = ids_of(sample, "秦渠与汉渠")
    not_placed = f"稿件 #{southern}《灵武老城南街旧事》未编入任何一辑"
    with pytest.raises(InvalidValueError, match=not_placed):
        sample.citations.cite([southern])
    with pytest.raises(InvalidValueError, match="《横城古渡忆旧》在第 5–8 页，没有第 9 页"):
        sample.citations.cite([hengcheng], page=9)
    with pytest.raises(InvalidValueError, match="第 17 辑尚未出版"):
        sample.citations.cite([qinqu], page=7)
    with pytest.raises(InvalidValueError, match="引文格式“apa”无效"):
        sample.citations.cite([hengcheng], style="apa")


def test_a_citation_file_takes_its_format_from_its_name(sample, tmp_path):
    [hengcheng] = ids_of(sample, "横城古渡忆旧")
    assert sample.exports.citations([hengcheng], tmp_path / "引文.ris") == 1
    assert rispy.loads((tmp_path / "引文.ris").read_text("utf-8"))[0]["end_page"] == "8"
    with pytest.raises(InvalidValueError, match=r"不支持的引文格式“\.doc”"):
        sample.exports.citations([hengcheng], tmp_path / "引文.doc")
    with pytest.raises(InvalidValueError, match="文件扩展名与 --format bibtex 不符"):
        sample.exports.citations([hengcheng], tmp_path / "引文.ris", style="bibtex")


def test_the_concordance_cites_each_hit(sample, tmp_path):
    """The sample's texts have no printed pages of their own: each hit is cited by its
    article's pages in the published volume (a back-catalogue PDF's hits are cited at
    their page: tests/core/test_volume_import.py)."""
    out = tmp_path / "横城.csv"
    sample.exports.concordance("横城古渡", out)
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][-1] == "引文"
    hengcheng, father = ids_of(sample, "横城古渡忆旧", "父親的靈武")
    cited = sample.citations.cite([hengcheng]).strip()
    assert [(r[0], r[4], r[-1]) for r in rows[1:]] == [
        (str(hengcheng), "题名", cited),
        (str(hengcheng), "正文", cited),
        (str(father), "正文", ""),  # in no volume yet: nothing to cite it by
    ]
