"""CSL-JSON, the Citation Style Language's input data (Zotero, Pandoc, citeproc): a
"chapter" in its "container-title" and "volume". Names stay whole as "literal": a
Chinese name has no given/family split a program may guess (欧阳 is one surname)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from wenshi.citation.reference import Reference


def item(ref: Reference) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": ref.key,
        "type": "chapter",
        "title": ref.full_title,
        "container-title": ref.series,
        "volume": str(ref.volume),
        "language": "zh-CN",
    }
    if ref.contributors:
        data["author"] = [{"literal": name} for name in ref.contributors]
    if ref.editor:
        data["editor"] = [{"literal": ref.editor}]
    if ref.place:
        data["publisher-place"] = ref.place
    if ref.publisher:
        data["publisher"] = ref.publisher
    if ref.year:
        data["issued"] = {"date-parts": [[ref.year]]}
    if ref.pages:
        data["page"] = ref.pages
    if ref.isbn:
        data["ISBN"] = ref.isbn
    if ref.note:
        data["note"] = ref.note
    return data


def write(refs: Sequence[Reference]) -> str:
    return json.dumps([item(ref) for ref in refs], ensure_ascii=False, indent=2) + "\n"
