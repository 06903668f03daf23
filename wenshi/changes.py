"""What an operation changed, so every view re-reads only that (Anki's ``OpChanges``).

Every core operation returns a ``Changes``: the manuscripts and volumes it touched and in
which respects. The GUI's hub hands it to the views; the CLI ignores all but ``value``
(the new id, the revision number …). Writes by another process arrive as the set of
manuscripts whose change counter moved, with every aspect set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Aspect(StrEnum):
    CREATED = "created"  # new manuscripts
    BODY = "body"  # the text (and so its counts)
    DETAILS = "details"  # title, people, tags, dates, genre, notes
    STATUS = "status"  # review state and trail
    PLACEMENT = "placement"  # volume, section or position
    TRASH = "trash"  # moved to or from the trash
    IMAGES = "images"  # photos attached, changed or removed
    FEE = "fee"  # 稿酬 settings
    VOLUME = "volume"  # a volume's details, layout or sections
    INDEX = "index"  # the search index was rebuilt
    AUTHORITY = "authority"  # the persons and places of the authority list


EVERY_ASPECT = frozenset(Aspect)


@dataclass(frozen=True)
class Changes:
    """Manuscript ids and volume numbers an operation changed, and how. ``all`` means
    "anything may have changed" (a sample load, another process's batch)."""

    manuscripts: frozenset[int] = frozenset()
    volumes: frozenset[int] = frozenset()
    aspects: frozenset[Aspect] = frozenset()
    all: bool = False
    value: Any = field(default=None, compare=False)

    def __bool__(self) -> bool:
        return self.all or bool(self.manuscripts or self.volumes or self.aspects)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.manuscripts | other.manuscripts,
            self.volumes | other.volumes,
            self.aspects | other.aspects,
            self.all or other.all,
            other.value if other.value is not None else self.value,
        )

    def touches(self, *aspects: Aspect) -> bool:
        """True if any of ``aspects`` may have changed."""
        return self.all or not self.aspects.isdisjoint(aspects)

    def touches_manuscript(self, manuscript_id: int) -> bool:
        return self.all or manuscript_id in self.manuscripts

    def with_value(self, value: Any) -> Changes:
        return Changes(self.manuscripts, self.volumes, self.aspects, self.all, value)

    @classmethod
    def everything(cls, value: Any = None) -> Changes:
        return cls(aspects=EVERY_ASPECT, all=True, value=value)


class Recorder:
    """Collects the changes of one transaction as its steps note them."""

    def __init__(self) -> None:
        self.changes = Changes()

    def note(
        self,
        *aspects: Aspect,
        manuscripts: Iterable[int] = (),
        volumes: Iterable[int] = (),
    ) -> None:
        self.changes = self.changes | Changes(
            frozenset(manuscripts), frozenset(volumes), frozenset(aspects)
        )

    def note_all(self) -> None:
        self.changes = self.changes | Changes.everything()
