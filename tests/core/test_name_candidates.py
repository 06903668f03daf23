"""Candidates for the authority list, as an editor works through them: the names the
archive uses most that the list lacks, accepted, merged or rejected, and a scan that
reports progress and stops when cancelled."""

from __future__ import annotations

import pytest

from wenshi.errors import CancelledError
from wenshi.progress import Progress
from wenshi.records import NewManuscript

TEXTS = [
    ("驻防记", ["马建国"], "民国十九年，马鸿宾到宁夏。马鸿宾驻防灵武，又到银川。"),
    ("修渠记", ["马建国"], "马鸿宾修秦渠。宁夏的百姓记得马鸿宾。"),
    ("父亲的回忆", ["陳秉坤"], "父親常說起馬鴻賓在寧夏的事。"),
]


@pytest.fixture
def archive(library):
    for title, authors, body in TEXTS:
        library.manuscripts.add(NewManuscript(title=title, body=body, authors=authors))
    return library


def names(candidates) -> dict[str, tuple[int, int, list[str], list[str]]]:
    return {c.name: (c.count, c.manuscripts, c.spellings, c.sources) for c in candidates}


def test_persons_from_the_texts_and_the_by_lines(archive):
    found = names(archive.name_candidates.suggest("person", limit=0))
    assert found["马鸿宾"] == (5, 3, ["马鸿宾", "馬鴻賓"], ["正文"])  # one name, two spellings
    assert found["马建国"] == (2, 2, ["马建国"], ["署名"])
    assert found["陳秉坤"] == (1, 1, ["陳秉坤"], ["署名"])
    ranked = [c.name for c in archive.name_candidates.suggest("person", limit=2)]
    assert ranked == ["马鸿宾", "马建国"]


def test_places(archive):
    found = names(archive.name_candidates.suggest("place", limit=0))
    assert found["宁夏"] == (3, 3, ["宁夏", "寧夏"], ["正文"])
    assert "马鸿宾" not in found  # jieba's tags decide: a person's name is no place


def test_accepted_merged_or_rejected_they_are_not_offered_again(archive):
    archive.authorities.add("person", "马鸿宾")  # accepted
    archive.authorities.add("person", "杨文华")
    archive.authorities.alias("person", "杨文华", "马建国")  # merged (as if a pen name)
    archive.name_candidates.reject("person", "陈秉坤")  # rejected, however it is written
    found = names(archive.name_candidates.suggest("person", limit=0))
    assert not {"马鸿宾", "馬鴻賓", "马建国", "陳秉坤"} & set(found)
    # A place already listed is not offered as a person either.
    archive.authorities.add("place", "宁夏")
    assert "宁夏" not in names(archive.name_candidates.suggest("person", limit=0))


def test_a_scan_reports_progress_and_stops_when_cancelled(archive):
    seen: list[tuple[int, int]] = []
    archive.name_candidates.suggest(
        "place", progress=Progress(lambda d, t, _m: seen.append((d, t)))
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]
    progress = Progress(lambda d, t, _m: progress.cancel())
    with pytest.raises(CancelledError):
        archive.name_candidates.suggest("place", progress=progress)
