"""Scans: images and PDF pages without a text layer, read by OCR.

rapidocr-onnxruntime runs PaddleOCR's PP-OCR Chinese models (they ship inside its wheel)
on ONNX Runtime, offline, and gives each character's box and confidence, which the
proofreading view marks. Pages are read in worker processes, one per core, each engine
held to one thread (so the cores are not oversubscribed) and loaded once per worker.
Every finished page is kept in the OCR cache at once, so a stopped run continues where
it stopped, and a cancelled one stops between pages.
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image, UnidentifiedImageError

from wenshi.errors import CancelledError, ImportFileError
from wenshi.i18n import _
from wenshi.reading.document import Document, OcrPage
from wenshi.reading.layout import PageText, assemble

if TYPE_CHECKING:
    from wenshi.reading import ReadOptions

# PDF pages are rendered at this resolution for OCR (the engine scales a page's longer
# side to at most OCR_MAX_SIDE pixels: 5-号 text of a 16开 page stays legible, and a page
# takes a third of the time it takes at full size).
RENDER_DPI = 300
# A volume's 目录 stands on its first pages (volume_import looks there too).
CONTENTS_PAGES = 20
OCR_MAX_SIDE = 2000


def engine_name() -> str:
    return f"rapidocr-onnxruntime {metadata.version('rapidocr-onnxruntime')}"


@dataclass(frozen=True)
class PageJob:
    """One page to read: page ``index`` of the PDF or image file at ``path``."""

    path: str
    kind: str  # pdf | image
    index: int


def read_image(data: bytes, name: str, options: ReadOptions) -> Document:
    """An image file (a multi-page TIFF is one page per frame) read by OCR."""
    frames = _frame_count(data, name, options.limits.max_pixels)
    if options.ocr == "never":
        raise ImportFileError(
            _("{name}：图片只能经 OCR 识别文字，而 OCR 已关闭（--ocr never）").format(name=name)
        )
    pages = run_ocr(data, "image", range(frames), name, options)
    document = assemble([PageText.from_ocr(page) for page in pages], "image", name, pages)
    if frames == 1:
        document.first_page = None  # a single photo has no page numbers to cite
    return document


def ocr_pdf_pages(
    data: bytes, indices: list[int], name: str, options: ReadOptions
) -> list[OcrPage]:
    return run_ocr(data, "pdf", indices, name, options)


def _frame_count(data: bytes, name: str, max_pixels: int) -> int:
    """How many pages an image file holds; refuses what is not an image or is too large,
    from the header alone (nothing is decoded yet)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            frames = getattr(image, "n_frames", 1)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ImportFileError(
            _("{name}：不是可识别的图片（{kind}）").format(name=name, kind=type(exc).__name__)
        ) from None
    except Image.DecompressionBombError:
        width, height, frames = max_pixels + 1, 1, 1
    if width * height > max_pixels:
        raise ImportFileError(
            _(
                "{name}：图片 {width}×{height} 超过 {value} 百万像素的上限"
                "（可用 --max-pixels 放宽）"
            ).format(name=name, width=width, height=height, value=max_pixels // 1_000_000)
        )
    return frames


def run_ocr(
    data: bytes,
    kind: str,
    indices: Iterable[int],
    name: str,
    options: ReadOptions,
) -> list[OcrPage]:
    """OCR the pages ``indices`` of ``data``, cached pages taken from the cache."""
    wanted = list(indices)
    engine = engine_name()
    cache = _Cache(options.ocr_cache, hashlib.sha256(data).hexdigest(), engine)
    done: dict[int, OcrPage] = {}
    for index in wanted:
        cached = cache.get(index)
        if cached is not None:
            done[index] = cached
    todo = [index for index in wanted if index not in done]
    total = len(wanted)
    options.progress.update(len(done), total, _("OCR 识别"))
    if todo:
        with tempfile.TemporaryDirectory(prefix="wenshi-ocr-") as work:
            path = Path(work) / f"source.{kind}"
            path.write_bytes(data)
            jobs = [PageJob(str(path), kind, index) for index in todo]
            for page in _pool_map(jobs, options):
                cache.put(page)
                done[page.page] = page
                options.progress.update(len(done), total, _("OCR 识别"))
    return [done[index] for index in wanted]


def _pool_map(jobs: list[PageJob], options: ReadOptions) -> Iterator[OcrPage]:
    """Run the jobs in worker processes, yielding pages as they finish; cancelling stops
    the queued pages and ends the workers."""
    workers = max(1, min(len(jobs), os.cpu_count() or 1))
    context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker)
    try:
        pending: set[Future[OcrPage]] = {pool.submit(_read_page, job) for job in jobs}
        while pending:
            finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            if options.progress.cancelled:
                raise CancelledError(_("OCR 已取消，已识别的页面会保留，下次从中断处继续"))
            for future in finished:
                try:
                    yield future.result()
                except BrokenProcessPool:
                    raise ImportFileError(
                        _("OCR 进程意外退出（内存不足或识别引擎损坏）；已识别的页面会保留")
                    ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_ENGINE: Any = None


def _start_worker() -> None:
    global _ENGINE
    from rapidocr_onnxruntime import RapidOCR

    one = {"intra_op_num_threads": 1, "inter_op_num_threads": 1}
    _ENGINE = RapidOCR(
        max_side_len=OCR_MAX_SIDE,
        # Dilating the detection map joins lines of a closely set page into one box,
        # and a line of text is lost: each line is found on its own without it.
        det_use_dilation=False,
        **{f"{part}_{key}": value for part in ("det", "cls", "rec") for key, value in one.items()},
    )


def _read_page(job: PageJob) -> OcrPage:
    """In a worker: the page's image, read by the engine, then a closer look at what a
    whole-page pass misses: the small page number in a margin and the page numbers at the
    right end of 目录 lines, behind a dotted leader."""
    image = _page_image(job).convert("RGB")
    lines = [_line(*row) for row in _ENGINE(_bgr(image), return_word_box=True)[0] or []]
    if lines:
        lines += _margin_numbers(image, lines)
        if job.index < CONTENTS_PAGES and not _is_prose(image, lines):
            _line_end_numbers(image, lines)
    return OcrPage(job.index, image.width, image.height, engine_name(), lines)


def _is_prose(image: Image.Image, lines: list[dict[str, Any]]) -> bool:
    """Most lines run to the right edge of the text block and end in text: a page of
    running text, not a 目录 (whose rows end in page numbers or stop short of them)."""
    edge = image.width - min(x for line in lines for x, _ in line["box"])
    full = 0
    for line in lines:
        ys = [y for _, y in line["box"]]
        reach = max(x for x, _ in line["box"]) > edge - 3 * (max(ys) - min(ys))
        full += reach and not _NUMBER.search(line["text"].rstrip(_TRAILING))
    return 2 * full > len(lines)


def _bgr(image: Image.Image) -> Any:
    import numpy as np

    return np.asarray(image)[:, :, ::-1]


def _line(box: Any, text: str, score: float, *words: Any) -> dict[str, Any]:
    boxes, chars, confs = words if len(words) == 3 else ([], list(text), [score] * len(text))
    return {
        "box": [[round(x), round(y)] for x, y in box],
        "text": text,
        "score": round(float(score), 4),
        "chars": list(chars),
        "boxes": [[[round(x), round(y)] for x, y in b] for b in boxes],
        "confs": [round(float(c), 4) for c in confs],
    }


def _margin_numbers(image: Image.Image, lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Page numbers above the first or below the last line, read at twice the size."""
    top = min(y for line in lines for _, y in line["box"])
    bottom = max(y for line in lines for _, y in line["box"])
    found = []
    for y0, y1 in ((0, top - 4), (bottom + 4, image.height)):
        if y1 - y0 < 20:
            continue
        strip = image.crop((0, y0, image.width, y1))
        strip = strip.resize((strip.width * 2, strip.height * 2))
        for box, text, score in _ENGINE(_bgr(strip), use_cls=False)[0] or []:
            if _NUMBER.fullmatch(text.strip()):
                found.append(_line([[x / 2, y0 + y / 2] for x, y in box], text.strip(), score))
    return found


def _line_end_numbers(image: Image.Image, lines: list[dict[str, Any]]) -> None:
    """A row that stops short of the text's right edge may end in a page number the
    whole-page pass did not see (a 目录 entry behind a faint leader): read the strip at
    the right edge of the row at twice the size."""
    left = min(x for line in lines for x, _ in line["box"])
    edge = image.width - left  # the text block's right edge, margins being equal
    for line in lines:
        xs = [x for x, _ in line["box"]]
        ys = [y for _, y in line["box"]]
        top, bottom = min(ys), max(ys)
        height = bottom - top
        middle = (top + bottom) / 2
        if max(xs) > edge - 3 * height or _NUMBER.search(line["text"].rstrip(_TRAILING)):
            continue
        if any(
            other is not line
            and min(x for x, _ in other["box"]) > max(xs)
            and min(y for _, y in other["box"]) <= middle <= max(y for _, y in other["box"])
            for other in lines
        ):
            continue  # only the rightmost piece of a row
        strip = image.crop(
            (int(edge - 3 * height), int(top) - 6, int(edge + height), int(bottom) + 6)
        )
        strip = strip.resize((strip.width * 2, strip.height * 2))
        for _box, text, score in _ENGINE(_bgr(strip), use_cls=False)[0] or []:
            if _NUMBER.fullmatch(text.strip()) and score > 0.8:
                line["text"] += f" {text.strip()}"
                break


_NUMBER = re.compile(r"\d{1,4}$")  # searched at a line's end, or the whole text
_TRAILING = " .。·"  # OCR reads a speck after a page number as a full stop


_OPEN: dict[str, Any] = {}  # in a worker: the file it reads pages of, opened once


def _page_image(job: PageJob) -> Image.Image:
    if job.kind == "pdf":
        import pypdfium2 as pdfium

        pdf = _OPEN.get(job.path)
        if pdf is None:
            _OPEN.clear()
            pdf = _OPEN[job.path] = pdfium.PdfDocument(job.path)
        return render_page(pdf, job.index, RENDER_DPI)
    image = Image.open(job.path)
    image.seek(job.index)
    return image


def render_page(pdf: Any, index: int, dpi: float) -> Image.Image:
    """Page ``index`` of an open PDF as an image (also what the proofreading view shows)."""
    page = pdf[index]
    try:
        return page.render(scale=dpi / 72).to_pil()
    finally:
        page.close()


# Raised whenever the way a page is read changes, so that pages read before are read again.
_CACHE_VERSION = 2


class _Cache:
    """Finished pages of one file as JSON files, written atomically; no folder, no cache."""

    def __init__(self, folder: Path | None, sha256: str, engine: str) -> None:
        self.folder = folder
        self.stem = f"{sha256}-{engine.replace(' ', '_')}-{_CACHE_VERSION}"

    def _path(self, index: int) -> Path | None:
        return None if self.folder is None else self.folder / f"{self.stem}-{index}.json"

    def get(self, index: int) -> OcrPage | None:
        path = self._path(index)
        if path is None or not path.exists():
            return None
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return OcrPage(index, raw["width"], raw["height"], raw["engine"], raw["lines"])
        except (OSError, ValueError, KeyError):
            return None  # a damaged entry is read again

    def put(self, page: OcrPage) -> None:
        path = self._path(page.page)
        if path is None:
            return
        record = {"width": page.width, "height": page.height, "engine": page.engine}
        record["lines"] = page.lines
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass  # the cache only saves time; the page itself is in hand
