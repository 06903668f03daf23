"""异体字 find their standard forms, as 繁简 do: 峯 峰, 羣 群, 甯 宁 … through OpenCC's
tables (fold.py), and search finds exactly what a scan of the folded texts finds."""

from __future__ import annotations

import pytest

from wenshi.records import NewManuscript
from wenshi.search.fold import fold

VARIANTS = {"峯": "峰", "羣": "群", "甯": "宁", "衆": "众", "爲": "为", "綫": "线", "敎": "教"}
TEXTS = {
    "贺兰山记": "贺兰山主峯高三千余米，羣山连绵。",
    "甯夏旧事": "甯夏府城，衆人爲之修渠。",
    "电报线": "民国时期架设电报綫，设敎堂。",
    "今日": "贺兰山主峰，群山连绵，宁夏众人为之修渠，电报线和教堂。",
}


def test_each_variant_folds_to_its_standard_form():
    assert {v: fold(v) for v in VARIANTS} == VARIANTS


@pytest.mark.parametrize("query", ["主峰", "群山", "宁夏", "众人", "为之", "电报线", "教堂"])
def test_search_finds_exactly_what_a_folded_scan_finds(library, query):
    for title, body in TEXTS.items():
        library.manuscripts.add(NewManuscript(title=title, body=body))
    found = sorted(h.title for h in library.search.search(query, limit=0).hits)
    scanned = sorted(t for t, body in TEXTS.items() if fold(query) in fold(t + "\n" + body))
    assert found == scanned and len(found) == 2  # the variant text and today's
