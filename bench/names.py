"""Benchmarks of the researchers' name tools, on a library built here.

    python bench/names.py            # about two minutes on the 2-core machine

1. ``person:`` with ten names against a plain search for one of them, in the same run, on
   4 M characters (1,000 articles of tests/corpus.py's text, each name of the person
   written into some): the target is at most 2x the one-name time.
2. The 人名/地名索引 of a 190,000-字 volume (44 articles) with 300 entries of two names
   each in the authority list: the target is under 5 s.
3. Candidate suggestion (jieba's nr tags and the by-lines, ranked) over the same 4 M
   characters, with progress and a cancel check per manuscript, against plain
   ``jieba.posseg.cut`` over the same texts in the same run.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus import generate_articles
from wenshi.library import Library
from wenshi.records import NewManuscript
from wenshi.volumes.name_index import build_index

NAMES = [
    "马鸿宾",
    "马子寅",
    "马少云",
    "馬鴻賓",
    "马主席",
    "马师长",
    "子寅公",
    "马公",
    "鸿宾先生",
    "马将军",
]
RUNS = 15


def median_time(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def person_search(folder: Path) -> None:
    rng = random.Random(17)
    library = Library.open(folder / "search", auto_index=False)
    with library.batch():
        for n, body in enumerate(generate_articles(1000, 4000)):
            if n % 7 == 0:  # one article in seven names him, under one of his names
                cut = rng.randrange(len(body))
                body = body[:cut] + rng.choice(NAMES) + body[cut:]
            library.manuscripts.add(NewManuscript(title=f"第{n}篇", body=body))
    library.index.rebuild()
    library.authorities.add("person", NAMES[0])
    for name in NAMES[1:]:
        library.authorities.alias(
            "person", NAMES[0], name, type_="别名" if name != "馬鴻賓" else "繁体"
        )
    person = library.search.search("person:马鸿宾", limit=20)
    plain = library.search.search("马鸿宾", limit=20)
    assert person.total > plain.total, (person.total, plain.total)
    one = median_time(lambda: library.search.search("马鸿宾", limit=20))
    ten = median_time(lambda: library.search.search("person:马鸿宾", limit=20))
    print(f"plain 马鸿宾           {one * 1000:7.1f} ms  ({plain.total} manuscripts)")
    print(f"person:马鸿宾 (10 names) {ten * 1000:7.1f} ms  ({person.total} manuscripts)")
    ratio = ten / one
    print(f"ratio {ratio:.2f}x (target ≤ 2x): {'met' if ratio <= 2 else 'NOT met'}")
    suggestions(library)
    library.close()


def suggestions(library: Library) -> None:
    import jieba.posseg

    from wenshi.progress import Progress

    m = library.tables.Manuscript
    bodies = [body for (body,) in m.select(m.body).tuples()]
    chars = sum(map(len, bodies))
    jieba.posseg.lcut("预热")  # the dictionary loads once, outside both timings
    started = time.perf_counter()
    for body in bodies:
        jieba.posseg.lcut(body)
    plain = time.perf_counter() - started
    reported: list[int] = []
    started = time.perf_counter()
    found = library.name_candidates.suggest(
        "person", limit=20, progress=Progress(lambda done, total, _m: reported.append(done))
    )
    ours = time.perf_counter() - started
    assert reported[-1] == len(bodies)
    print(f"plain jieba.posseg over {chars:,} chars  {plain:6.1f} s")
    print(
        f"suggest('person') with progress, cancel  {ours:6.1f} s  ({ours / plain:.2f}x; "
        f"top: {'、'.join(c.name for c in found[:5])})"
    )


def volume_index(folder: Path) -> None:
    rng = random.Random(18)
    library = Library.open(folder / "index", auto_index=False)
    library.volumes.create(17, "《灵武文史》第十七辑", year=2022)
    library.volumes.add_section(17, "史海钩沉")
    persons = [
        f"{rng.choice('马杨王李张刘陈')}{rng.choice('文建振福秀鸿')}{rng.choice('华国宾林英成')}"
        for _ in range(600)
    ]
    persons = list(dict.fromkeys(persons))[:200]
    places = list(
        dict.fromkeys(
            f"{rng.choice('东西南北上下')}{rng.choice('河渠滩沟堡寨')}{rng.choice('村镇乡')}"
            for _ in range(400)
        )
    )[:100]
    ids = []
    with library.batch():
        for n, body in enumerate(generate_articles(44, 4400, seed=19)):
            words = [rng.choice(persons + places) for _ in range(40)]
            for word in words:
                cut = rng.randrange(len(body))
                body = body[:cut] + word + body[cut:]
            library.manuscripts.add(NewManuscript(title=f"第{n}篇", body=body))
        ids = [m.id for m in library.queries.list()]
        for mid in ids:
            for step in ("初审", "复审", "终审", "采用"):
                library.manuscripts.transition(mid, step)
        library.volumes.place(17, ids, "史海钩沉")
        for name in persons:
            library.authorities.add("person", name)
            library.authorities.alias("person", name, name + "公")
        for name in places:
            library.authorities.add("place", name)
            library.authorities.alias("place", name, name[:2] + "旧" + name[2:], type_="旧名")
    words = library.volumes.plan(17).totals.words
    started = time.perf_counter()
    persons_index = build_index(library, 17, "person")
    places_index = build_index(library, 17, "place")
    seconds = time.perf_counter() - started
    print(
        f"人名索引 + 地名索引 of {words:,} 字 (44 articles, 300 entries): {seconds:.2f} s, "
        f"{len(persons_index.entries)} + {len(places_index.entries)} lines "
        f"(target < 5 s): {'met' if seconds < 5 else 'NOT met'}"
    )
    library.close()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="wenshi-bench-names-") as folder:
        person_search(Path(folder))
        volume_index(Path(folder))


if __name__ == "__main__":
    main()
