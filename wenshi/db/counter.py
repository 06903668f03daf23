"""The change counter: every write that the search index or another process must see
stamps the manuscripts it touched with the next ``meta.change_seq``, inside the same
transaction as the write itself."""

from __future__ import annotations

from collections.abc import Iterable

from wenshi.db.models import Tables


def next_seq(t: Tables) -> int:
    """Increment and return the library's change counter (call inside a transaction)."""
    t.Meta.update(value=(t.Meta.value.cast("INTEGER") + 1)).where(
        t.Meta.key == "change_seq"
    ).execute()
    return int(t.Meta.get(t.Meta.key == "change_seq").value)


def stamp(t: Tables, ids: Iterable[int]) -> None:
    """Mark manuscripts as changed (e.g. after a volume or section rename)."""
    ids = list(ids)
    if ids:
        seq = next_seq(t)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            t.Manuscript.update(change_seq=seq).where(t.Manuscript.id.in_(chunk)).execute()


def current_seq(t: Tables) -> int:
    row = t.Meta.get_or_none(t.Meta.key == "change_seq")
    return int(row.value) if row else 0


def changed_since(t: Tables, seq: int) -> list[int]:
    """Ids of the manuscripts (trash included) stamped after ``seq``."""
    query = t.Manuscript.select(t.Manuscript.id).where(t.Manuscript.change_seq > seq)
    return [mid for (mid,) in query.tuples()]
