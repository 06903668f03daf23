"""Citations of articles and of search hits: one ``Reference`` per cited article (built by
``wenshi.citations``), written out as GB/T 7714-2015 prescribes for a contribution in a
collection (析出文献), or as RIS, CSL-JSON and BibTeX for Zotero, EndNote and LaTeX."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from wenshi.citation import bibtex, csl_json, gbt7714, ris
from wenshi.citation.reference import Reference

# Each format writes a list of references as one text (one file, one clipboard).
FORMATS: dict[str, Callable[[Sequence[Reference]], str]] = {
    "gbt7714": gbt7714.write,
    "ris": ris.write,
    "csl-json": csl_json.write,
    "bibtex": bibtex.write,
}

__all__ = ["FORMATS", "Reference"]
