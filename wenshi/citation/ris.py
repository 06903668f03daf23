"""RIS (Research Information Systems) as Zotero and EndNote import it: a book section
(CHAP) with its book (T2), volume (VL), editor (A2), place, publisher and pages. Written
by rispy, the maintained RIS reader and writer, so the tags and line format are RIS's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import rispy
from rispy.writer import RisWriter

from wenshi.citation.reference import Reference


class _Writer(RisWriter):
    """RIS without rispy's "1." counter line before each reference, which is no tag."""

    def set_header(self, count: int) -> str:
        return ""


def fields(ref: Reference) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "type_of_reference": "CHAP",
        "id": ref.key,
        "authors": ref.contributors,
        "title": ref.full_title,
        "secondary_title": ref.series,
        "volume": str(ref.volume),
    }
    if ref.editor:
        entry["secondary_authors"] = [ref.editor]
    if ref.place:
        entry["place_published"] = ref.place
    if ref.publisher:
        entry["publisher"] = ref.publisher
    if ref.year:
        entry["year"] = str(ref.year)
    if ref.page is not None:
        entry["start_page"] = str(ref.page)
    elif ref.first_page is not None:
        entry["start_page"] = str(ref.first_page)
        entry["end_page"] = str(ref.last_page or ref.first_page)
    if ref.isbn:
        entry["issn"] = ref.isbn  # rispy's name for SN, ISBN and ISSN alike
    if ref.note:
        entry["notes"] = [ref.note]
    entry["language"] = "zh"
    return entry


def write(refs: Sequence[Reference]) -> str:
    return rispy.dumps([fields(ref) for ref in refs], implementation=_Writer)
