"""BibTeX: an @incollection with its booktitle, volume, editor and pages, written by
bibtexparser (its writer braces and lays out the fields). Titles are braced once more so
that no style changes their case, and TeX's special characters are escaped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from wenshi.citation.reference import Reference

if TYPE_CHECKING:
    from bibtexparser.model import Entry

_SPECIAL = re.compile(r"([&%$#_{}])")


def tex(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text.replace("\\", r"\textbackslash{}"))


def entry(ref: Reference) -> Entry:
    """The @incollection of ``ref`` (bibtexparser loads on the first BibTeX citation)."""
    from bibtexparser.model import Entry, Field

    values = [
        ("author", " and ".join(f"{{{tex(n)}}}" for n in ref.contributors)),
        ("title", f"{{{tex(ref.full_title)}}}"),
        ("booktitle", f"{{{tex(ref.series)}}}"),
        ("volume", str(ref.volume)),
        ("editor", f"{{{tex(ref.editor)}}}" if ref.editor else ""),
        ("address", tex(ref.place)),
        ("publisher", tex(ref.publisher)),
        ("year", str(ref.year or "")),
        ("pages", ref.pages.replace("-", "--")),
        ("isbn", ref.isbn),
        ("note", tex(ref.note)),
        ("langid", "chinese"),
    ]
    return Entry("incollection", ref.key, [Field(k, v) for k, v in values if v])


def write(refs: Sequence[Reference]) -> str:
    import bibtexparser

    library = bibtexparser.Library()
    for ref in refs:
        library.add(entry(ref))
    return bibtexparser.write_string(library)
