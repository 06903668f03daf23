"""Which OCR character is which character of a page's text, as the proofreading view
needs it: in reading order, through corrections, with pages of a shared source."""

from __future__ import annotations

from wenshi.proofread import align, file_pages, ocr_chars
from wenshi.reading.document import OcrPage


def _line(text: str, top: int, left: int = 100, confs: list[float] | None = None) -> dict:
    boxes = [
        [[left + 40 * n, top], [left + 40 * n + 38, top], [left + 40 * n + 38, top + 40],
         [left + 40 * n, top + 40]]
        for n in range(len(text))
    ]  # fmt: skip
    return {
        "box": [[left, top], [left + 40 * len(text), top], [left + 40 * len(text), top + 40],
                [left, top + 40]],
        "text": text,
        "chars": list(text),
        "boxes": boxes,
        "confs": confs or [0.99] * len(text),
    }  # fmt: skip


def test_characters_in_reading_order_with_shared_boxes():
    page = OcrPage(0, 1000, 800, "test", [_line("第二行", 200), _line("第一行", 100)])
    number = _line("12", 300)
    number["chars"], number["boxes"] = ["12"], [number["box"]]  # boxed as one word
    number["confs"] = [0.5]
    page.lines.append(number)
    chars = ocr_chars(page)
    assert "".join(c.char for c in chars) == "第一行第二行12"
    assert [c.line for c in chars][:3] == [1, 1, 1]
    one, two = chars[-2:]
    assert (one.conf, one.unsure) == (0.5, True)
    assert one.box[0] == (100.0, 300.0) and two.box[1] == (180.0, 300.0)  # halves of it


def test_alignment_follows_corrections_and_skips_what_is_not_in_the_text():
    lines = [_line("灵武文史", 50), _line("灵州城始建于汊代，", 150), _line("历代屡有修筑。", 200)]
    chars = ocr_chars(OcrPage(3, 1000, 800, "test", lines))
    text = "灵州城始建于汉代，历代屡有修筑。"  # the running head is not in it; 汊 corrected
    offsets = align(chars, text)
    assert offsets[:4] == [None] * 4
    assert [text[o] for o in offsets[4:]] == list(text)  # one to one, 汊 → 汉 too
    rewritten = "灵州城始建于汉代，\n后来历代屡有修筑。"
    offsets = align(chars, rewritten)
    assert [rewritten[o] if o is not None else None for o in offsets[-7:]] == list("历代屡有修筑。")


def test_file_pages():
    assert file_pages("") is None
    assert file_pages("8-9") == (7, 8)
    assert file_pages("3") == (2, 2)
