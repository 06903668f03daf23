"""The back catalogue: reading PDFs and scans of published volumes (issue 9's targets).

Builds the test volumes from text written in bench/volume_corpus.py (LibreOffice typesets
them), then reports, against the text that made them:

- the 40-article volume: articles split at the right page with the right title, author,
  栏目 and text, from the text-layer PDF and from its degraded scan;
- a 300-page text-layer PDF: seconds to read every page, against poppler's ``pdftotext``
  (the baseline) and pdfminer.six, timed in the same run;
- OCR character accuracy on clean and on degraded pages (0.5–1° skew, blur, speckle), and
  pages per minute per core.

Run: ``python -m bench.backcatalogue [--ocr-pages N] [--skip-scan-split]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium

from bench.volume_corpus import Volume, build, scan
from wenshi.library import Library
from wenshi.reading import ReadOptions
from wenshi.reading.layout import join_pages, split_furniture
from wenshi.reading.pdf import read_pdf_pages


def distance(a: str, b: str) -> int:
    """Levenshtein distance (two rows; pages are a thousand characters)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def comparable(text: str) -> str:
    """Text compared without white space or page breaks, full and half width alike."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def split_score(library: Library, result, volume: Volume) -> tuple[int, int]:
    """(articles with the right title, author, 栏目 and start page; of those, with the
    exact text)."""
    placed = exact = 0
    for article, truth in zip(result.articles, volume.articles, strict=False):
        if (article.title, article.authors, article.section, article.start_page) == (
            truth.title,
            [truth.author],
            truth.section,
            truth.start_page,
        ):
            placed += 1
            body = library.manuscripts.get(article.id).body
            exact += comparable(body) == comparable(truth.text)
    return placed, exact


def page_texts(pdf: Path, indices: list[int], ocr: str, cache: Path | None) -> list[str]:
    data = pdf.read_bytes()
    pages, _ = read_pdf_pages(data, pdf.name, ReadOptions(ocr=ocr, ocr_cache=cache))
    bodies, _, _ = split_furniture(pages)
    return [join_pages([bodies[i]]) for i in indices]


def accuracy(truth: list[str], read: list[str]) -> float:
    errors = sum(distance(comparable(t), comparable(r)) for t, r in zip(truth, read, strict=True))
    return 1 - errors / sum(len(comparable(t)) for t in truth)


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


MANY_PAGES = 2000


def many_pages(volume: Volume, work: Path) -> str:
    """Seconds and peak memory of importing a PDF of ``MANY_PAGES`` pages (the volume's
    body pages over and over), in a process of its own so its peak is its own."""
    source = pdfium.PdfDocument(volume.pdf)
    target = pdfium.PdfDocument.new()
    body = list(range(3, len(source)))
    while len(target) < MANY_PAGES:
        target.import_pages(source, body[: MANY_PAGES - len(target)])
    path = work / "many-pages.pdf"
    target.save(path)
    library = work / "lib-many"
    child = (
        "import resource, sys; from wenshi.cli.main import main; code = main(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(code)"
    )
    command = [sys.executable, "-c", child, "--library", str(library), "import", str(path)]
    seconds, done = timed(lambda: subprocess.run(command, check=True, capture_output=True))
    peak = int(done.stdout.decode().split()[-1]) / 1024  # ru_maxrss is in kB on Linux
    return f"{seconds:.1f} s, peak memory {peak:.0f} MB (goal < 1 GB)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ocr-pages", type=int, default=8, help="body pages OCR'd for accuracy")
    parser.add_argument("--skip-scan-split", action="store_true")
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    work = Path(tempfile.mkdtemp(prefix="wenshi-bench-"))
    print(f"corpus in {work}")

    volume = build(work / "volume", count=40, soffice=soffice)
    pdf_pages = len(pdfium.PdfDocument(volume.pdf))
    library = Library.open(work / "lib-text")
    seconds, result = timed(lambda: library.volume_imports.run(volume.pdf, 18))
    placed, exact = split_score(library, result, volume)
    print(f"\n40-article volume, text layer: {pdf_pages} pages, {seconds:.2f} s")
    print(
        f"  articles at the right page with title, author, 栏目: {placed}/40; exact text: {exact}"
    )

    long = build(work / "long", number=19, count=40, paragraphs=(38, 76), soffice=soffice)
    pages = len(pdfium.PdfDocument(long.pdf))
    ours, _ = timed(lambda: read_pdf_pages(long.pdf.read_bytes(), "x", ReadOptions(ocr="never")))
    baseline, _ = timed(
        lambda: subprocess.run(["pdftotext", str(long.pdf), os.devnull], check=True)
    )
    try:
        from pdfminer.high_level import extract_text

        miner, _ = timed(lambda: extract_text(str(long.pdf)))
        miner_line = f"pdfminer.six {miner:.2f} s ({miner / baseline:.2f}× pdftotext)"
    except ImportError:
        miner_line = "pdfminer.six not installed"
    print(f"\n{pages}-page text-layer PDF: wenshi {ours:.2f} s ({ours / baseline:.2f}× pdftotext)")
    print(f"  pdftotext {baseline:.2f} s; {miner_line}")

    print(f"\n{MANY_PAGES}-page PDF imported by `wenshi import`: {many_pages(volume, work)}")

    body_pages = list(range(4, 4 + args.ocr_pages))
    truth = page_texts(volume.pdf, body_pages, "never", None)
    clean_pdf = work / "clean.pdf"
    images = [
        volume_page.render(scale=300 / 72).to_pil().convert("L")
        for volume_page in (pdfium.PdfDocument(volume.pdf)[i] for i in body_pages)
    ]
    images[0].save(clean_pdf, save_all=True, append_images=images[1:], resolution=300)
    degraded_pdf = scan(volume.pdf, work / "degraded.pdf", body_pages)
    indices = list(range(len(body_pages)))
    clean_s, clean = timed(lambda: page_texts(clean_pdf, indices, "always", None))
    degraded_s, degraded = timed(lambda: page_texts(degraded_pdf, indices, "always", None))
    workers = min(len(body_pages), os.cpu_count() or 1)
    per_core = 2 * len(body_pages) / (clean_s + degraded_s) * 60 / workers
    print(f"\nOCR of {len(body_pages)} body pages at 300 dpi ({workers} worker processes)")
    clean_share, degraded_share = accuracy(truth, clean), accuracy(truth, degraded)
    print(f"  character accuracy: clean {clean_share:.2%}, degraded {degraded_share:.2%}")
    spent = f"clean {clean_s:.1f} s, degraded {degraded_s:.1f} s"
    print(f"  {per_core:.1f} pages/minute per core ({spent})")

    if not args.skip_scan_split:
        scanned = scan(volume.pdf, work / "scanned-volume.pdf")
        library = Library.open(work / "lib-scan")
        try:
            seconds, result = timed(lambda: library.volume_imports.run(scanned, 18))
            placed, exact = split_score(library, result, volume)
            print(f"\nScanned volume (degraded, {pdf_pages} pages): {seconds:.0f} s")
            print(f"  articles at the right page with title, author, 栏目: {placed}/40")
        except Exception as exc:  # the report says what happened, the run goes on
            print(f"\nScanned volume: not split ({exc})")


if __name__ == "__main__":
    main()
