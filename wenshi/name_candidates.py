"""Candidates for the authority list, found in the archive: the words jieba's part-of-speech
tagger calls a person's name (nr) or a place name (ns), and for persons every by-line
(作者, 口述, 整理), ranked by how often they occur. An editor accepts a candidate (a new
entry), merges it into an entry (another name of it) or rejects it (never offered again).

jieba and its dictionary load on first use, not when the program starts; a scan reports
progress per manuscript and stops when cancelled."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from wenshi.changes import Aspect, Changes
from wenshi.errors import InvalidValueError
from wenshi.i18n import _
from wenshi.progress import Progress
from wenshi.search.fold import fold

if TYPE_CHECKING:
    from wenshi.library import Library

# jieba's tags for each kind: nr person (nrfg, nrt: its finer ones), ns place.
TAGS = {"person": ("nr", "nrfg", "nrt"), "place": ("ns",)}
BATCH = 100


@dataclass
class Candidate:
    name: str  # the spelling used most
    count: int  # occurrences in the texts (a by-line counts once per manuscript)
    manuscripts: int
    spellings: list[str] = field(default_factory=list)  # 灵武, 靈武: one candidate
    sources: list[str] = field(default_factory=list)  # 正文 (jieba), 署名

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def tagged_words(text: str) -> list[tuple[str, str]]:
    """(word, jieba tag) for ``text``: the one place jieba is called."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # its loading messages are not the user's business
    return [(pair.word, pair.flag) for pair in jieba.posseg.cut(text)]


class NameCandidates:
    def __init__(self, library: Library) -> None:
        self.library = library

    def suggest(
        self, kind: str, *, limit: int = 100, progress: Progress | None = None
    ) -> list[Candidate]:
        """The most frequent names of ``kind`` in the archive that the list lacks."""
        authorities = self.library.authorities
        authorities._kind(kind)
        t = self.library.tables
        # Known names of either list are not offered (jieba tags 灵武 a person's name too).
        known = {
            folded for (folded,) in t.AuthorityName.select(t.AuthorityName.folded).tuples()
        } | {
            folded
            for (folded,) in t.RejectedName.select(t.RejectedName.folded)
            .where(t.RejectedName.kind == kind)
            .tuples()
        }
        tags = TAGS[kind]
        counts: Counter[str] = Counter()  # by folded name
        spellings: dict[str, Counter[str]] = {}
        documents: dict[str, set[int]] = {}
        sources: dict[str, set[str]] = {}
        m = t.Manuscript
        ids = [i for (i,) in m.select(m.id).where(m.deleted_at.is_null()).tuples()]
        progress = progress or Progress()
        for start in range(0, len(ids), BATCH):
            rows = m.select(m.id, m.body).where(m.id.in_(ids[start : start + BATCH])).tuples()
            for done, (mid, body) in enumerate(rows, start + 1):
                progress.check()
                for word, tag in tagged_words(body):
                    if tag in tags and 2 <= len(word) <= 4:
                        key = fold(word)
                        if key not in known:
                            counts[key] += 1
                            spellings.setdefault(key, Counter())[word] += 1
                            documents.setdefault(key, set()).add(mid)
                            sources.setdefault(key, set()).add("正文")
                progress.update(done, len(ids), _("正在查找人名、地名……"))
        if kind == "person":
            credits = (
                t.Credit.select(t.Credit.manuscript, t.Person.name)
                .join(t.Person)
                .join_from(t.Credit, m)
                .where(m.deleted_at.is_null())
                .tuples()
            )
            for mid, name in credits:
                key = fold(name)
                if key not in known and len(name) >= 2:
                    if mid not in documents.setdefault(key, set()):
                        counts[key] += 1
                    documents[key].add(mid)
                    spellings.setdefault(key, Counter())[name] += 1
                    sources.setdefault(key, set()).add("署名")
        ranked = sorted(counts, key=lambda k: (-counts[k], -len(documents[k]), k))
        return [
            Candidate(
                name=spellings[k].most_common(1)[0][0],
                count=counts[k],
                manuscripts=len(documents[k]),
                spellings=[w for w, _n in spellings[k].most_common()],
                sources=sorted(sources[k], key=["正文", "署名"].index),
            )
            for k in ranked[: limit or None]
        ]

    def reject(self, kind: str, name: str) -> Changes:
        """``name`` is no person (or place): not suggested again."""
        name = " ".join(name.split())
        if not name:
            raise InvalidValueError(_("名称不能为空"))
        t = self.library.tables
        with self.library.transaction() as tx:
            self.library.authorities._kind(kind)
            folded = fold(name)
            if not t.RejectedName.get_or_none(
                (t.RejectedName.kind == kind) & (t.RejectedName.folded == folded)
            ):
                t.RejectedName.create(kind=kind, name=name, folded=folded)
            tx.note(Aspect.AUTHORITY)
            return tx.changes
