"""What a citation says of one article, gathered once for every format."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Reference:
    manuscript_id: int
    title: str
    subtitle: str
    authors: tuple[str, ...]
    narrators: tuple[str, ...]  # 口述
    compilers: tuple[str, ...]  # 整理
    volume: int  # 第 N 辑
    series: str  # 书名: 灵武文史
    editor: str  # 主编/编者, a person or a body
    place: str  # 出版地
    publisher: str  # 出版者
    year: int | None
    first_page: int | None  # the pages the article spans, where they are known
    last_page: int | None
    page: int | None = None  # the page cited (a search hit's), within those
    isbn: str = ""
    internal: bool = False  # 内部资料
    permit: str = ""  # 准印证号

    def at_page(self, page: int) -> Reference:
        """The same article cited at one of its pages (a search hit's), if it has pages."""
        return replace(self, page=page) if self.first_page is not None else self

    @property
    def key(self) -> str:
        """The reference's id in RIS, CSL-JSON and BibTeX: stable per article."""
        return f"wenshi{self.manuscript_id}" + (f"p{self.page}" if self.page else "")

    @property
    def pages(self) -> str:
        """The cited page, or the article's range (5-12), or "" where pages are unknown."""
        if self.page is not None:
            return str(self.page)
        if self.first_page is None:
            return ""
        if self.last_page is None or self.last_page == self.first_page:
            return str(self.first_page)
        return f"{self.first_page}-{self.last_page}"

    @property
    def full_title(self) -> str:
        """题名: 副题名 — GB/T 7714's other title information after a colon."""
        return f"{self.title}: {self.subtitle}" if self.subtitle else self.title

    @property
    def contributors(self) -> list[str]:
        """The article's responsibility as it is credited: its authors; a piece told by one
        and written down by another credits them as 王福林口述, 李秀兰整理."""
        return [
            *self.authors,
            *(f"{name}口述" for name in self.narrators),
            *(f"{name}整理" for name in self.compilers),
        ]

    @property
    def note(self) -> str:
        """内部资料 and its 准印证号, which no citation field holds."""
        if not self.internal:
            return ""
        return f"内部资料（准印证号：{self.permit}）" if self.permit else "内部资料"
