"""GB/T 7714-2015 for a contribution in a collection (析出文献, 8.1.2 and 8.4):

    作者. 题名[M]//编者. 书名: 第N辑. 出版地: 出版者, 年: 起页-止页.

with the standard's half-width punctuation, at most three names before ", 等" (8.1.1),
and "[出版地不详]" / "[出版者不详]" where a fact is not recorded (8.4.1.3, 8.4.2.3)."""

from __future__ import annotations

from collections.abc import Sequence

from wenshi.citation.reference import Reference


def names(people: Sequence[str]) -> str:
    shown = ", ".join(people[:3])
    return shown + ", 等" if len(people) > 3 else shown


def entry(ref: Reference) -> str:
    head = f"{names(ref.contributors)}. " if ref.contributors else ""
    container = f"{ref.editor}. " if ref.editor else ""
    place = ref.place or "[出版地不详]"
    publisher = ref.publisher or "[出版者不详]"
    year = str(ref.year) if ref.year else "[出版年不详]"
    pages = f": {ref.pages}" if ref.pages else ""
    return (
        f"{head}{ref.full_title}[M]//{container}{ref.series}: 第{ref.volume}辑. "
        f"{place}: {publisher}, {year}{pages}."
    )


def write(refs: Sequence[Reference]) -> str:
    """One reference a line, numbered [1], [2] … when there are several (顺序编码制)."""
    if len(refs) == 1:
        return entry(refs[0]) + "\n"
    return "".join(f"[{n}] {entry(ref)}\n" for n, ref in enumerate(refs, 1))
