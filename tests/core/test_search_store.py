"""The index adapter: its fast way of reading postings gives exactly what whoosh's public
API gives, on an index of several segments with deleted documents; and no other module
touches whoosh."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.corpus import generate_articles
from wenshi.search import store
from wenshi.search.fold import fold
from wenshi.search.store import IndexStore
from wenshi.search.terms import index_terms

ROOT = Path(__file__).resolve().parents[2]


def test_fast_and_public_postings_agree_with_segments_and_deletions(tmp_path: Path):
    assert store.FAST_PATH, "whoosh-reloaded is not the version the fast path was written for"
    ix = IndexStore.create(tmp_path)
    texts = generate_articles(240, 600, seed=3)
    for start in range(0, 240, 60):  # four commits: four segments
        with ix.writer() as writer:
            for mid in range(start, start + 60):
                writer.add(mid, fold(f"第{mid}篇"), fold(texts[mid]))
    with ix.writer() as writer:  # deletions in old segments, replacements in a new one
        for mid in range(0, 240, 7):
            writer.delete(mid)
        for mid in range(3, 240, 11):
            writer.replace(mid, fold(f"第{mid}篇（修订）"), fold(texts[mid] + "灵武灵武"))
    snapshot = ix.snapshot()
    mids = snapshot.mids()
    tokens: set[str] = {"修订", "篇"}
    pairs: set[str] = {"灵武"}
    for text in texts[:40]:
        counts, starts = index_terms(fold(text))
        tokens |= set(counts)
        pairs |= set(starts)
    assert len(tokens) > 200 and len(pairs) > 500
    for field in ("title", "body"):
        for term in sorted(tokens | pairs):
            fast = snapshot.postings(field, term)
            public = snapshot.postings_public(field, term)
            assert sorted(zip(*fast, strict=True)) == sorted(zip(*public, strict=True)), term
        for term in sorted(pairs):
            fast_starts = snapshot.starts(field, term)
            assert fast_starts.tolist() == snapshot.starts_public(field, term).tolist(), term
            assert fast_starts.tolist() == sorted(fast_starts.tolist())
    docnums, freqs = snapshot.postings("body", "灵武")
    found = {mids[d]: f for d, f in zip(docnums, freqs, strict=True)}
    replaced = {mid for mid in range(240) if mid % 11 == 3}
    alive = {mid for mid in range(240) if mid % 7} | replaced
    counts = {
        mid: fold(texts[mid] + ("灵武灵武" if mid in replaced else "")).count("灵武")
        for mid in alive
    }
    expected = {mid: n for mid, n in counts.items() if n}
    assert found == expected
    located: dict[int, list[int]] = {}
    for key in snapshot.starts("body", "灵武").tolist():
        located.setdefault(mids[key >> 32], []).append(key & 0xFFFFFFFF)
    assert located == {
        mid: index_terms(fold(texts[mid] + ("灵武灵武" if mid in replaced else "")))[1]["灵武"]
        for mid in expected
    }
    snapshot.close()
    ix.close()


def test_only_the_adapter_imports_whoosh():
    users = sorted(
        str(path.relative_to(ROOT))
        for folder in ("wenshi", "ui")
        for path in (ROOT / folder).rglob("*.py")
        if re.search(r"^\s*(from|import) whoosh", path.read_text("utf-8"), re.M)
    )
    assert users == ["wenshi/search/store.py"]


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_folding_never_changes_the_length_of_a_text(text: str):
    assert len(fold(text)) == len(text)


def test_a_new_snapshot_never_sees_a_document_deleted_since(tmp_path: Path):
    """whoosh's Searcher.refresh reuses segment readers with stale deletions; the store's
    snapshot does not."""
    ix = IndexStore.create(tmp_path)
    with ix.writer() as writer:
        writer.add(1, "甲", "灵武渡口")
    with ix.writer() as writer:
        writer.add(2, "乙", "灵武城墙")
    first = ix.snapshot()
    assert [a.tolist() for a in first.postings("body", "灵武")] == [[0, 1], [1, 1]]
    with ix.writer() as writer:
        writer.delete(2)
    second = ix.snapshot(first)
    assert second is not first
    assert [a.tolist() for a in second.postings("body", "灵武")] == [[0], [1]]
    assert ix.snapshot(second) is second
    second.close()
    ix.close()


def test_an_index_built_in_a_child_process_is_the_same_and_can_be_cancelled(tmp_path: Path):
    from wenshi.errors import CancelledError
    from wenshi.library import Library
    from wenshi.progress import Progress
    from wenshi.records import NewManuscript

    with Library.open(tmp_path / "lib") as lib:
        with lib.batch():
            for n, text in enumerate(generate_articles(300, 400, seed=4)):
                lib.manuscripts.add(NewManuscript(title=f"第{n}篇", body=text))
        in_process = [(h.id, h.hits) for h in lib.search.search("灵武", limit=0).hits]
        lib.index.build_apart = True
        seen: list[tuple[int, int]] = []
        assert lib.index.rebuild(Progress(lambda d, t, m: seen.append((d, t)))) == 300
        assert seen[0] == (0, 300) and seen[-1] == (300, 300)
        assert [(h.id, h.hits) for h in lib.search.search("灵武", limit=0).hits] == in_process
        progress = Progress(lambda d, t, m: progress.cancel() if d >= 200 else None)
        with pytest.raises(CancelledError):
            lib.index.rebuild(progress)
        assert sorted(
            p.name for p in (tmp_path / "lib").iterdir() if p.name.startswith("index")
        ) == [
            "index",
            "index.lock",
        ]


def test_positions_of_a_field_longer_than_65535_tokens(tmp_path: Path):
    """Positions past 65,535 are stored 4 bytes wide, in a block with 2-byte ones."""
    ix = IndexStore.create(tmp_path)
    long_body = "黄河" * 40_000 + "灵武渡口"  # 80,004 tokens
    with ix.writer() as writer:
        writer.add(1, "短", "灵武渡口灵武")
        writer.add(2, "长", long_body)
        writer.add(3, "短", "渡口在灵武")
    snapshot = ix.snapshot()
    mids = snapshot.mids()
    expected = {1: [0, 4], 2: [80_000], 3: [3]}
    for read in (snapshot.starts, snapshot.starts_public):
        located: dict[int, list[int]] = {}
        for key in read("body", "灵武").tolist():
            located.setdefault(mids[key >> 32], []).append(key & 0xFFFFFFFF)
        assert located == expected
    assert snapshot.starts("body", "黄河").tolist()[-1] == (mids.index(2) << 32) | 79_998
    snapshot.close()
    ix.close()


def test_edits_merge_small_segments_and_leave_rebuilt_ones(tmp_path: Path):
    """A rebuild writes a few large segments; every edit adds one of a single document.
    The small ones are merged five of a size at a time, the large ones never."""
    ix = IndexStore.create(tmp_path)
    texts = generate_articles(460, 80, seed=5)
    for start in (0, 150, 300):
        with ix.writer(merge=False) as writer:
            for mid in range(start, start + 150):
                writer.add(mid, "题", fold(texts[mid]))
    assert ix.segment_sizes() == [150, 150, 150]
    sizes = []
    for mid in range(450, 460):
        with ix.writer() as writer:
            writer.add(mid, "题", fold(texts[mid]))
        sizes.append(ix.segment_sizes())
    assert sizes[4] == [1, 1, 1, 1, 1, 150, 150, 150]
    assert sizes[5] == [6, 150, 150, 150]  # the sixth commit took the five before it along
    assert sizes[9] == [1, 1, 1, 1, 6, 150, 150, 150]
    snapshot = ix.snapshot()
    assert snapshot.doc_count() == 460
    snapshot.close()
    ix.close()
