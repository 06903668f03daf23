"""Plain data that crosses from the core to the CLI and the GUI (no peewee objects leak out)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

COUNT_FIELDS: tuple[str, ...] = (
    "words",
    "cjk",
    "non_cjk_words",
    "han",
    "chars_no_spaces",
    "chars_with_spaces",
    "paragraphs",
)

ROLE_LABELS = {"author": "作者", "compiler": "整理", "narrator": "口述"}


def shown_people(credits: list[tuple[str, str]]) -> list[str]:
    """Who a list shows for a piece, from its (role, name) credits in order: its authors;
    for an oral history without one, its 口述 then 整理 people marked as such (王福林（口述）),
    so no list (catalog, search, pool) shows it without a name."""
    authors = [name for role, name in credits if role == "author"]
    if authors:
        return authors
    return [
        f"{name}（{ROLE_LABELS[role]}）"
        for wanted in ("narrator", "compiler")
        for role, name in credits
        if role == wanted
    ]


# Metadata an editor may set on a manuscript (besides people, tags, body and status).
EDITABLE_FIELDS: tuple[str, ...] = (
    "title",
    "subtitle",
    "unit",
    "identity",
    "phone",
    "address",
    "received_date",
    "received_via",
    "section_wish",
    "genre",
    "notes",
)

GENRES = {"prose": "文章", "verse": "诗词"}


@dataclass
class ManuscriptSummary:
    """One row of the catalog."""

    id: int
    title: str
    authors: list[str]
    status: str
    status_label: str
    words: int
    han: int
    volume: int | None
    section: str | None
    received_date: str | None
    similar_to: int | None
    deleted_at: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FileInfo:
    sha256: str
    original_name: str
    size: int
    kind: str
    encoding: str
    added_at: str
    path: str
    pages: str = ""  # the pages of the file this manuscript is ("12-18"), "" for all


@dataclass
class ManuscriptDetail:
    """Everything about one manuscript: metadata, people, counts, placement, files."""

    id: int
    title: str
    subtitle: str
    authors: list[str]
    compilers: list[str]
    narrators: list[str]
    status: str
    status_label: str
    unit: str
    identity: str
    phone: str
    address: str
    received_date: str | None
    received_via: str
    section_wish: str
    genre: str
    notes: str
    tags: list[str]
    body: str
    counts: dict[str, int]
    volume: int | None
    section: str | None
    position: int | None
    start_page: int | None
    similar_to: int | None
    revisions: int
    files: list[FileInfo] = field(default_factory=list)
    version: int = 1
    # The printed pages the body spans, for a text from a paged source (None otherwise).
    first_page: int | None = None
    last_page: int | None = None
    furniture: str = ""
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    periods: list[tuple[int, int]] = field(default_factory=list)  # years the text mentions

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        counts = data.pop("counts")
        return {**data, **counts}


@dataclass
class RevisionInfo:
    number: int
    reason: str
    created_at: str
    words: int
    chars_no_spaces: int
    current: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ReviewInfo:
    from_status: str | None
    to_status: str
    to_label: str
    actor: str
    opinion: str
    at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# Names of the details whose changes are kept, as the history shows them.
DETAIL_LABELS: dict[str, str] = {
    "title": "题名",
    "subtitle": "副题",
    "unit": "单位",
    "identity": "身份",
    "phone": "电话",
    "address": "地址",
    "received_date": "来稿日期",
    "received_via": "来稿方式",
    "section_wish": "拟投栏目",
    "genre": "体裁",
    "notes": "备注",
    "author": "作者",
    "compiler": "整理",
    "narrator": "口述",
    "tags": "标签",
    "fee_kind": "稿件类别",
    "fee_basis": "计酬依据",
    "fee_rate": "稿酬标准",
    "fee_paid_on": "稿酬支付日期",
}


@dataclass
class DetailChangeInfo:
    """One change of a detail: the old and the new value as text."""

    field: str
    label: str
    old: str
    new: str
    actor: str
    at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class NewManuscript:
    """What is needed to register a manuscript; everything but the title is optional."""

    title: str
    body: str = ""
    subtitle: str = ""
    authors: list[str] = field(default_factory=list)
    compilers: list[str] = field(default_factory=list)
    narrators: list[str] = field(default_factory=list)
    unit: str = ""
    identity: str = ""
    phone: str = ""
    address: str = ""
    received_date: str | None = None
    received_via: str = ""
    section_wish: str = ""
    genre: str = "prose"
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    status: str = "received"
    first_page: int | None = None  # printed page the body starts on (paged sources)
    furniture: str = ""  # running heads and footers of the source, not counted
