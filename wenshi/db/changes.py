"""The change counter: every write that the search index must see stamps the manuscript
with the next ``meta.change_seq``, inside the same transaction as the write itself."""

from __future__ import annotations

from collections.abc import Iterable

from wenshi.db.models import Manuscript, Meta


def next_seq() -> int:
    """Increment and return the library's change counter (call inside a transaction)."""
    Meta.update(value=(Meta.value.cast("INTEGER") + 1)).where(Meta.key == "change_seq").execute()
    return int(Meta.get(Meta.key == "change_seq").value)


def stamp(ids: Iterable[int]) -> None:
    """Mark manuscripts as changed for the index (e.g. after a volume or section rename)."""
    ids = list(ids)
    if ids:
        Manuscript.update(change_seq=next_seq()).where(Manuscript.id.in_(ids)).execute()


def current_seq() -> int:
    row = Meta.get_or_none(Meta.key == "change_seq")
    return int(row.value) if row else 0
