"""Importing folders of real-looking manuscripts: encodings, .docx, cleanup, duplicates,
bad files, and that nothing is half-imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus import DOCX_PARAGRAPHS, DOCX_TABLE, DOCX_TITLE, FIXTURES, SAMPLE
from wenshi import importer, query
from wenshi.catalog import Catalog
from wenshi.errors import CancelledError
from wenshi.library import Library
from wenshi.progress import Progress


def by_name(results) -> dict[str, importer.ImportResult]:
    return {Path(r.path).name: r for r in results}


def test_folder_with_every_encoding_and_docx(library: Library, manuscripts_dir: Path):
    results = by_name(importer.import_paths(library, [manuscripts_dir]))
    assert set(results) == {
        "mahongbin.txt",
        "shuidonggou-gbk.txt",
        "lingzhou-utf16.txt",
        "traditional-big5.txt",
        "changzao.docx",
    }  # .DS_Store and Word's ~$ lock file are not manuscripts
    assert {r.status for r in results.values()} == {"imported"}
    assert results["mahongbin.txt"].encoding == "utf-8"
    assert results["shuidonggou-gbk.txt"].encoding == "gb18030"
    assert results["lingzhou-utf16.txt"].encoding.startswith("utf-16")
    assert results["traditional-big5.txt"].encoding == "big5"
    catalog = Catalog(library)

    gbk = catalog.get(results["shuidonggou-gbk.txt"].id)
    assert gbk.title == "水洞沟遗址发现记"
    assert gbk.narrators == ["王福林"] and gbk.compilers == ["李秀兰"]
    assert "桑志华（Émile Licent）" in gbk.body

    big5 = catalog.get(results["traditional-big5.txt"].id)
    assert big5.title == "靈武舊事" and big5.authors == ["陳國棟"]
    assert "馬鴻賓部駐防於此" in big5.body  # stored as written, never converted

    docx = catalog.get(results["changzao.docx"].id)
    assert docx.title == DOCX_TITLE and docx.authors == ["杨振宇"]
    body = docx.body
    positions = [
        body.index(DOCX_PARAGRAPHS[0]),
        body.index("1985年"),
        body.index("140000"),
        body.index(DOCX_PARAGRAPHS[1]),
    ]
    assert positions == sorted(positions)  # table cells in document order
    assert all(cell in body for row in DOCX_TABLE for cell in row)
    assert (
        docx.files[0].kind == "docx"
        and Path(docx.files[0].path).read_bytes()
        == (manuscripts_dir / "第十七辑" / "changzao.docx").read_bytes()
    )


def test_counts_match_the_stored_body(library: Library):
    from wenshi.text.wordcount import count_text

    [r] = importer.import_paths(library, [FIXTURES / "mahongbin.txt"])
    d = Catalog(library).get(r.id)
    assert d.counts == count_text(d.body).as_dict()
    assert r.words == d.counts["words"]


def test_ocr_sample_is_cleaned_reversibly(library: Library):
    if not SAMPLE.exists():
        pytest.skip("shared sample not present")
    [r] = importer.import_paths(library, [SAMPLE])
    catalog = Catalog(library)
    d = catalog.get(r.id)
    assert d.title == "汇聚奋进力量 写好履职答卷"
    assert d.subtitle == "2022年灵武市政协工作综述"
    assert d.authors == ["毕竞"]
    assert "人民政协“重要阵地、重要平台、重要渠道”作用" in d.body
    assert "改疾儿童" in d.body and "康复明练" in d.body  # misreadings are a person's job
    # Revision 1 is the raw extracted text: restoring it undoes the cleanup.
    raw = catalog.revision_text(r.id, 1)
    assert raw == SAMPLE.read_text(encoding="utf-8")
    assert "人民 政协" in raw
    # The original bytes are kept, unmodified.
    assert Path(d.files[0].path).read_bytes() == SAMPLE.read_bytes()


def test_bad_files_fail_alone(library: Library, bad_dir: Path):
    results = by_name(importer.import_paths(library, [bad_dir, bad_dir / "missing.txt"]))
    assert results["good.txt"].status == "imported"
    failed = {name for name, r in results.items() if r.status == "error"}
    assert failed == {"empty.txt", "binary.txt", "fake.docx", "photo.jpg", "old.doc", "missing.txt"}
    for name in failed:
        message = results[name].error
        assert name in message and "\n" not in message
    assert "为空" in results["empty.txt"].error
    assert ".docx" in results["old.doc"].error
    assert [r.title for r in query.list_manuscripts()] == ["灵州古城考略"]
    stored = [p for p in library.files.root.rglob("*") if p.is_file()]
    assert len(stored) == 1  # nothing of the bad files reached the library


def test_identical_bytes_are_refused_with_the_existing_id(library: Library, tmp_path: Path):
    [first] = importer.import_paths(library, [FIXTURES / "lingzhou.txt"])
    copy = tmp_path / "copy-of-lingzhou.txt"
    copy.write_bytes((FIXTURES / "lingzhou.txt").read_bytes())
    [again] = importer.import_paths(library, [copy])
    assert again.status == "duplicate" and again.id == first.id
    assert len(query.list_manuscripts()) == 1


def test_retyped_manuscript_is_imported_but_flagged(library: Library, tmp_path: Path):
    [first] = importer.import_paths(library, [FIXTURES / "mahongbin.txt"])
    text = (FIXTURES / "mahongbin.txt").read_text(encoding="utf-8")
    retyped = text.replace("，", ",").replace("六百余人", "六百多人").replace("旬日", "十日")
    (tmp_path / "retyped.txt").write_text(retyped, encoding="gb18030")
    (tmp_path / "other.txt").write_bytes((FIXTURES / "shuidonggou.txt").read_bytes())
    results = by_name(importer.import_paths(library, [tmp_path]))
    assert results["retyped.txt"].status == "imported"
    assert results["retyped.txt"].similar_to == first.id
    assert results["other.txt"].similar_to is None
    assert Catalog(library).get(results["retyped.txt"].id).similar_to == first.id


def test_same_file_twice_in_one_batch(library: Library, tmp_path: Path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes((FIXTURES / "poem.txt").read_bytes())
    results = by_name(importer.import_paths(library, [tmp_path]))
    assert results["a.txt"].status == "imported"
    assert results["b.txt"].status == "duplicate" and results["b.txt"].id == results["a.txt"].id


def test_prepare_writes_nothing(library: Library, manuscripts_dir: Path):
    items = importer.prepare(library, [manuscripts_dir])
    assert len(items) == 5 and all(i.error is None for i in items)
    assert query.list_manuscripts() == []
    assert not any(p.is_file() for p in library.files.root.rglob("*"))


def test_encoding_override(library: Library, tmp_path: Path):
    f = tmp_path / "gbk.txt"
    f.write_bytes("灵武".encode("gbk"))  # too short to tell GBK from Big5 with confidence
    [auto] = importer.import_paths(library, [f])
    assert auto.status == "error" and "--encoding" in auto.error
    [forced] = importer.import_paths(library, [f], encoding="gbk")
    assert forced.status == "imported" and Catalog(library).get(forced.id).title == "灵武"


def test_status_on_import_and_review_trail(library: Library):
    [r] = importer.import_paths(library, [FIXTURES / "lingzhou.txt"], status="已刊")
    d = Catalog(library).get(r.id)
    assert d.status == "published"
    assert [e.to_status for e in Catalog(library).reviews(r.id)] == ["published"]


def test_cancel_stops_between_files_and_keeps_what_was_done(library: Library, manuscripts_dir):
    items = importer.prepare(library, [manuscripts_dir])
    holder: dict[str, Progress] = {}

    def cancel_after_two(done: int, total: int, msg: str) -> None:
        if done == 2:
            holder["progress"].cancel()

    progress = holder["progress"] = Progress(cancel_after_two)
    with pytest.raises(CancelledError):
        importer.commit(library, items, progress=progress)
    assert len(query.list_manuscripts()) == 2
