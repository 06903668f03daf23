"""Benchmark full-text search on 4 M and 40 M characters of synthetic 文史 text.

Run from the repository root::

    python bench/search.py                      # 4 M, then 40 M characters
    python bench/search.py --chars 4000000      # one size (repeat --chars for several)

For each size: generate the corpus (``tests/corpus.py``, seed 17, articles of 4,000
characters), register every article through ``library.manuscripts.add`` inside
``Library.batch`` in a fresh temporary library opened with ``auto_index=False``, then time

1. ``lib.index.rebuild()`` (characters per second; index folder size against the UTF-8
   size of the text);
2. ``lib.search.search(q, limit=20)`` for every query below: one warm-up run
   (reported as "1st"), then ``--runs`` timed runs (p50/p95);
3. the same queries against two baselines built from the same articles:
   - brute force: the folded title and body of every article held in memory, every
     document scanned with ``str.count`` (a regex where a phrase has white space or a
     Latin/digit term needs word boundaries), ranked by count, first 20 with 3 snippets of
     40 characters — the floor any index has to beat;
   - SQLite FTS5 with the trigram tokenizer over the stored (unfolded) text: ``MATCH`` +
     ``ORDER BY rank`` + ``snippet()`` for terms of 3 characters or more; trigram cannot
     answer 1- and 2-character queries through its index, so those use ``LIKE '%q%'``
     (a full scan, unranked, stopping at the 20th match);
4. recall and precision: the ids (and per-document occurrence counts) of
   ``lib.search.search(..., limit=0)`` must equal the brute force's for every query, otherwise
   the script exits with status 1 after printing the difference;
5. freshness: the library reopened with ``auto_index=True``; time from
   ``manuscripts.edit_body`` adding a new word until ``search`` returns that manuscript.

The generator's vocabulary has no 桑志华 and no 水洞沟遗址, so one sentence naming them is
planted in every 73rd article (14 at 4 M): they are the rare name and the rare 4-character
string. Only one benchmark should run at a time on a shared machine.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus import generate_articles
from wenshi.library import Library
from wenshi.records import NewManuscript
from wenshi.search.fold import fold

CHARS_PER_ARTICLE = 4000
SEED = 17
LIMIT = 20
SNIPPET = 40
PLANT_EVERY, PLANT_OFFSET = 73, 11
PLANTED = "1923年，法国神父桑志华（Émile Licent）与德日进在水洞沟遗址发掘出大批石器。"

# Targets from the search brief.
TARGET_RATE = 300_000  # characters indexed per second
TARGET_INDEX_RATIO = 4.0  # index folder / UTF-8 text
TARGET_P95_MS = {4_000_000: 20.0, 40_000_000: 100.0}
TARGET_FRESH_MS = 200.0


@dataclass(frozen=True)
class Query:
    kind: str
    text: str  # as typed in the search box
    terms: tuple[str, ...]  # what a document must contain (ANDed), for the baselines


QUERIES = (
    Query("1 字", "马", ("马",)),
    Query("1 字", "枣", ("枣",)),
    Query("1 字", "灵", ("灵",)),
    Query("2 字", "灵武", ("灵武",)),
    Query("2 字", "黄河", ("黄河",)),
    Query("4 字", "水洞沟遗", ("水洞沟遗",)),
    Query("4 字", "民国二十", ("民国二十",)),
    Query("人名", "马鸿宾", ("马鸿宾",)),
    Query("人名 稀见", "桑志华", ("桑志华",)),
    Query("人名 扩展B", "𪚥文清", ("𪚥文清",)),
    Query("日期", "1958年", ("1958年",)),
    Query("日期", "民国二十五年", ("民国二十五年",)),
    Query("短语", '"银元, 一匹布"', ("银元, 一匹布",)),
    Query("拉丁", "Licent", ("Licent",)),
    Query("拉丁短语", '"Yellow River"', ("Yellow River",)),
    Query("繁体", "靈武", ("靈武",)),
    Query("两词 AND", "马鸿宾 水洞沟", ("马鸿宾", "水洞沟")),
)


# -- corpus and library -------------------------------------------------------------------
@dataclass
class Article:
    title: str
    author: str
    body: str


def make_articles(n: int) -> list[Article]:
    """Title = the article's first line, author from its 文/ by-line, body = the rest."""
    out = []
    for i, text in enumerate(generate_articles(n, CHARS_PER_ARTICLE, SEED)):
        title, byline, body = text.split("\n", 2)
        body = body.lstrip("\n")
        if i % PLANT_EVERY == PLANT_OFFSET:
            cut = body.index("。") + 1
            body = body[:cut] + PLANTED + body[cut:]
        out.append(Article(title, byline.removeprefix("文/"), body))
    return out


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 20 runs is the second slowest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


@dataclass
class Timing:
    first: float  # ms, the warm-up run
    runs: list[float]  # ms

    @property
    def p50(self) -> float:
        return percentile(self.runs, 50)

    @property
    def p95(self) -> float:
        return percentile(self.runs, 95)


def timed(func: Callable[[], object], runs: int) -> Timing:
    start = time.perf_counter()
    func()
    first = (time.perf_counter() - start) * 1000
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        out.append((time.perf_counter() - start) * 1000)
    return Timing(first, out)


# -- brute force ----------------------------------------------------------------------------
# A Latin letter or digit: a term that starts or ends with one must not continue a longer
# word (``Licent`` does not match ``Licentiate``, ``1958年`` does not match ``21958年``).
_EDGE = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")


def brute_finder(term: str) -> Callable[[str, int], tuple[int, int] | None]:
    """The first occurrence of the folded ``term`` at or after ``start`` in folded text:
    ``str.find``, or a regex for a phrase with white space (any run of white space matches
    it); at a Latin/digit end the neighbouring character is checked, and a rejected
    occurrence resumes the search one character later."""
    folded = fold(term).strip()
    left, right = bool(_EDGE.match(folded[0])), bool(_EDGE.match(folded[-1]))
    if " " in folded:
        pattern = re.compile(r"\s+".join(re.escape(p) for p in folded.split()))

        def raw(text: str, start: int) -> tuple[int, int] | None:
            match = pattern.search(text, start)
            return match.span() if match else None
    else:

        def raw(text: str, start: int) -> tuple[int, int] | None:
            at = text.find(folded, start)
            return None if at < 0 else (at, at + len(folded))

    if not left and not right:
        return raw

    def bounded(text: str, start: int) -> tuple[int, int] | None:
        while (span := raw(text, start)) is not None:
            s, e = span
            if not (left and s > 0 and _EDGE.match(text[s - 1])) and not (
                right and e < len(text) and _EDGE.match(text[e])
            ):
                return span
            start = s + 1
        return None

    return bounded


def brute_counter(term: str) -> Callable[[str], int]:
    """Non-overlapping occurrences of ``term`` in folded text: ``str.count`` for a plain
    term, else ``brute_finder`` in a loop."""
    folded = fold(term).strip()
    if " " not in folded and not _EDGE.match(folded[0]) and not _EDGE.match(folded[-1]):
        return lambda text: text.count(folded)
    find = brute_finder(term)

    def count(text: str) -> int:
        n, start = 0, 0
        while (span := find(text, start)) is not None:
            n += 1
            start = span[1]
        return n

    return count


class Brute:
    """Every article's folded title and body in memory (built once, outside the timing)."""

    def __init__(self, ids: list[int], articles: list[Article]) -> None:
        self.docs = [
            (mid, fold(a.title), fold(a.body), a.body) for mid, a in zip(ids, articles, strict=True)
        ]

    def counts(self, query: Query) -> dict[int, int]:
        counters = [brute_counter(t) for t in query.terms]
        out: dict[int, int] = {}
        for mid, title, body, _ in self.docs:
            total = 0
            for count in counters:
                found = count(title) + count(body)
                if not found:
                    break
                total += found
            else:
                out[mid] = total
        return out

    def search(self, query: Query) -> list[tuple[int, int, list[str]]]:
        """First page ranked by occurrences, each with up to 3 snippets of 40 characters."""
        counts = self.counts(query)
        page = sorted(counts, key=lambda m: (-counts[m], m))[:LIMIT]
        finders = [brute_finder(t) for t in query.terms]
        by_id = {d[0]: d for d in self.docs}
        out = []
        for mid in page:
            _, _, body, original = by_id[mid]
            snippets: list[str] = []
            for find in finders:
                start = 0
                while len(snippets) < 3:
                    span = find(body, start)
                    if span is None:
                        break
                    left = max(0, span[0] - SNIPPET // 2)
                    snippets.append(original[left : left + SNIPPET])
                    start = span[1]
            out.append((mid, counts[mid], snippets[:3]))
        return out


# -- SQLite FTS5 trigram --------------------------------------------------------------------
class Fts5:
    def __init__(self, folder: Path, ids: list[int], articles: list[Article]) -> None:
        self.path = folder / "fts5.db"
        self.con = sqlite3.connect(self.path)
        start = time.perf_counter()
        with self.con:
            self.con.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='trigram')")
            self.con.executemany(
                "INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)",
                ((mid, a.title, a.body) for mid, a in zip(ids, articles, strict=True)),
            )
        self.build_seconds = time.perf_counter() - start
        self.size = self.path.stat().st_size

    @staticmethod
    def indexed(query: Query) -> bool:
        """Trigram answers through its index only terms of 3 characters or more."""
        return all(len(t) >= 3 for t in query.terms)

    @staticmethod
    def match_expr(query: Query) -> str:
        return " ".join('"' + t.replace('"', '""') + '"' for t in query.terms)

    def search(self, query: Query) -> list[tuple]:
        if self.indexed(query):
            return self.con.execute(
                "SELECT rowid, snippet(t, -1, '【', '】', '…', 20) FROM t WHERE t MATCH ? "
                "ORDER BY rank LIMIT ?",
                (self.match_expr(query), LIMIT),
            ).fetchall()
        (term,) = query.terms
        return self.con.execute(
            "SELECT rowid, substr(body, max(instr(body, ?) - 20, 1), 40) FROM t "
            "WHERE title LIKE ? OR body LIKE ? LIMIT ?",
            (term, f"%{term}%", f"%{term}%", LIMIT),
        ).fetchall()

    def count(self, query: Query) -> int:
        if self.indexed(query):
            sql, args = "SELECT count(*) FROM t WHERE t MATCH ?", (self.match_expr(query),)
        else:
            (term,) = query.terms
            sql, args = (
                "SELECT count(*) FROM t WHERE title LIKE ? OR body LIKE ?",
                (
                    f"%{term}%",
                    f"%{term}%",
                ),
            )
        return self.con.execute(sql, args).fetchone()[0]

    def close(self) -> None:
        self.con.close()


# -- one size -------------------------------------------------------------------------------
@dataclass
class Row:
    query: Query
    docs: int
    wenshi: Timing
    brute: Timing
    fts: Timing
    fts_docs: int
    check: str


@dataclass
class Report:
    chars: int
    articles: int
    text_bytes: int
    generate_s: float
    insert_s: float
    rebuild_s: float
    index_bytes: int
    db_bytes: int
    fts_build_s: float
    fts_bytes: int
    rows: list[Row] = field(default_factory=list)
    fresh_ms: list[tuple[float, float]] = field(default_factory=list)  # edit, search
    reopen_first_ms: float = 0.0
    failures: list[str] = field(default_factory=list)


def check_query(lib: Library, brute: Brute, query: Query) -> tuple[int, str, str | None]:
    """wenshi's complete result set against the brute force: (docs, verdict, failure)."""
    results = lib.search.search(query.text, limit=0)
    got = {h.id: h.hits for h in results.hits}
    want = brute.counts(query)
    if got == want:
        return len(got), "100%/100%", None
    missed, extra = set(want) - set(got), set(got) - set(want)
    recall = 100 * (len(want) - len(missed)) / len(want) if want else 100.0
    precision = 100 * (len(got) - len(extra)) / len(got) if got else 100.0
    wrong = sorted(m for m in set(got) & set(want) if got[m] != want[m])
    verdict = f"{recall:.1f}%/{precision:.1f}%"
    detail = (
        f"{query.text}: recall {recall:.2f}% precision {precision:.2f}%, "
        f"missed {sorted(missed)[:10]}, extra {sorted(extra)[:10]}, "
        f"wrong counts {[(m, got[m], want[m]) for m in wrong[:10]]}"
    )
    if not missed and not extra:
        verdict += " (counts differ)"
    return len(got), verdict, detail


def run_size(chars: int, runs: int) -> Report:
    n = max(1, round(chars / CHARS_PER_ARTICLE))
    print(f"\n=== {chars:,} characters: {n:,} articles of {CHARS_PER_ARTICLE:,} ===", flush=True)
    start = time.perf_counter()
    articles = make_articles(n)
    generate_s = time.perf_counter() - start
    total_chars = sum(len(a.title) + len(a.body) for a in articles)
    text_bytes = sum(len(a.title.encode()) + len(a.body.encode()) for a in articles)

    folder = Path(tempfile.mkdtemp(prefix="wenshi-bench-search-"))
    try:
        lib_path = folder / "library"
        lib = Library.open(lib_path, auto_index=False)
        start = time.perf_counter()
        with lib.batch():
            ids = [
                lib.manuscripts.add(
                    NewManuscript(title=a.title, body=a.body, authors=[a.author])
                ).value
                for a in articles
            ]
        insert_s = time.perf_counter() - start
        print(f"generated in {generate_s:.1f} s, inserted in {insert_s:.1f} s", flush=True)

        gc.collect()
        start = time.perf_counter()
        lib.index.rebuild()
        rebuild_s = time.perf_counter() - start
        index_bytes = folder_size(lib.index.path)
        print(f"index built in {rebuild_s:.1f} s", flush=True)

        brute = Brute(ids, articles)
        fts = Fts5(folder, ids, articles)
        print(f"FTS5 built in {fts.build_seconds:.1f} s", flush=True)
        report = Report(
            chars=total_chars,
            articles=n,
            text_bytes=text_bytes,
            generate_s=generate_s,
            insert_s=insert_s,
            rebuild_s=rebuild_s,
            index_bytes=index_bytes,
            db_bytes=(lib_path / "wenshi.db").stat().st_size,
            fts_build_s=fts.build_seconds,
            fts_bytes=fts.size,
        )

        for query in QUERIES:
            t_wenshi = timed(lambda q=query: lib.search.search(q.text, limit=LIMIT), runs)
            t_brute = timed(lambda q=query: brute.search(q), runs)
            t_fts = timed(lambda q=query: fts.search(q), runs)
            docs, verdict, failure = check_query(lib, brute, query)
            if failure:
                report.failures.append(failure)
            report.rows.append(
                Row(query, docs, t_wenshi, t_brute, t_fts, fts.count(query), verdict)
            )
            print(
                f"  {query.text:<16} {docs:>6} docs  wenshi p50 {t_wenshi.p50:7.1f} ms  "
                f"brute p50 {t_brute.p50:7.1f} ms  fts5 p50 {t_fts.p50:7.1f} ms  {verdict}",
                flush=True,
            )
        fts.close()
        lib.close()

        # Freshness: reopened the way the program opens it, with automatic indexing.
        lib = Library.open(lib_path)
        catalog = lib.manuscripts
        start = time.perf_counter()
        lib.search.search("灵武", limit=LIMIT)
        report.reopen_first_ms = (time.perf_counter() - start) * 1000
        for k, char in enumerate("甲乙丙丁戊"):
            mid = ids[(len(ids) - 1) * k // 4]
            word = f"鼋鼍龘{char}"
            body = catalog.get(mid).body + f"\n新发现的{word}碑文。"
            start = time.perf_counter()
            catalog.edit_body(mid, body, "bench")
            edited = time.perf_counter()
            found = lib.search.search(word, limit=LIMIT)
            done = time.perf_counter()
            if [h.id for h in found.hits] != [mid]:
                report.failures.append(f"freshness: {word} not found in {mid} after edit")
            report.fresh_ms.append(((edited - start) * 1000, (done - edited) * 1000))
        lib.close()
        return report
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- output ---------------------------------------------------------------------------------
def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def print_report(r: Report) -> None:
    rate = r.chars / r.rebuild_s
    ratio = r.index_bytes / r.text_bytes
    target_p95 = TARGET_P95_MS.get(
        min(TARGET_P95_MS, key=lambda size: abs(math.log(size / r.chars)))
    )
    print(
        f"\n## {r.chars:,} characters, {r.articles:,} articles ({r.text_bytes / 1e6:.1f} MB UTF-8)"
    )
    print(
        f"generate {r.generate_s:.1f} s; manuscripts.add ×{r.articles:,} in batch "
        f"{r.insert_s:.1f} s "
        f"({r.insert_s / r.articles * 1000:.2f} ms each); wenshi.db {r.db_bytes / 1e6:.1f} MB"
    )
    print(
        f"index rebuild: {r.rebuild_s:.2f} s = {rate:,.0f} chars/s "
        f"(target ≥ {TARGET_RATE:,}: {verdict(rate >= TARGET_RATE)})"
    )
    print(
        f"index folder: {r.index_bytes / 1e6:.1f} MB = {ratio:.2f}× the UTF-8 text "
        f"(target < {TARGET_INDEX_RATIO:.0f}×: {verdict(ratio < TARGET_INDEX_RATIO)})"
    )
    print(
        f"FTS5 trigram: built in {r.fts_build_s:.2f} s "
        f"({r.chars / r.fts_build_s:,.0f} chars/s), {r.fts_bytes / 1e6:.1f} MB = "
        f"{r.fts_bytes / r.text_bytes:.2f}× the text"
    )
    print()
    header = (
        "| kind | query | docs | wenshi 1st | wenshi p50 | wenshi p95 | brute p50 | brute p95 "
        "| brute/wenshi | FTS5 p50 | FTS5 p95 | FTS5 how | FTS5 docs | recall/precision |"
    )
    print(header)
    print("|" + "---|" * 3 + "---:|" * 10 + "---|")
    for row in r.rows:
        q = row.query
        how = "MATCH" if Fts5.indexed(q) else "LIKE"
        print(
            f"| {q.kind} | `{q.text}` | {row.docs:,} | {row.wenshi.first:.1f} | "
            f"{row.wenshi.p50:.1f} | {row.wenshi.p95:.1f} | {row.brute.p50:.1f} | "
            f"{row.brute.p95:.1f} | {row.brute.p50 / row.wenshi.p50:.1f}× | "
            f"{row.fts.p50:.1f} | {row.fts.p95:.1f} | {how} | {row.fts_docs:,} | {row.check} |"
        )
    worst = max(r.rows, key=lambda row: row.wenshi.p95)
    print(
        f"\nslowest wenshi p95: {worst.wenshi.p95:.1f} ms (`{worst.query.text}`); "
        f"target < {target_p95:.0f} ms: {verdict(worst.wenshi.p95 < target_p95)}"
    )
    misses = [row.query.text for row in r.rows if row.wenshi.p95 >= target_p95]
    if misses:
        print(f"queries over the p95 target: {'、'.join(misses)}")
    ratios = sorted(row.brute.p50 / row.wenshi.p50 for row in r.rows)
    print(
        f"brute/wenshi (p50): min {ratios[0]:.1f}×, median {ratios[len(ratios) // 2]:.1f}×, "
        f"max {ratios[-1]:.1f}×"
    )
    fresh = [edit + search for edit, search in r.fresh_ms]
    print(f"first search after reopening: {r.reopen_first_ms:.0f} ms")
    print(
        "freshness (edit_body incl. index sync + search finding the new word): "
        + ", ".join(f"{e:.0f}+{s:.0f}={e + s:.0f} ms" for e, s in r.fresh_ms)
        + f"; worst {max(fresh):.0f} ms (target < {TARGET_FRESH_MS:.0f} ms: "
        f"{verdict(max(fresh) < TARGET_FRESH_MS)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--chars", type=int, action="append", help="corpus size (repeatable; default 4 M and 40 M)"
    )
    parser.add_argument("--runs", type=int, default=20, help="timed runs per query (default 20)")
    args = parser.parse_args()
    sizes = args.chars or [4_000_000, 40_000_000]
    print(
        f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.2f} at start",
        flush=True,
    )
    failures = []
    for size in sizes:
        start = time.perf_counter()
        report = run_size(size, args.runs)
        print_report(report)
        print(
            f"(this size took {time.perf_counter() - start:.0f} s in all; "
            f"load average now {os.getloadavg()[0]:.2f})",
            flush=True,
        )
        failures += report.failures
    if failures:
        print("\nMISMATCH — wenshi and the brute force disagree:", file=sys.stderr)
        for line in failures:
            print("  " + line, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
