"""What OCR read on the pages of stored files, kept for proofreading against the scan.

Rows are keyed by the file's SHA-256 and page, not by manuscript: a volume's scanned PDF is
the source of each of its articles, and each article's proofreading view shows its pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from wenshi.reading.document import OcrPage
from wenshi.timeutil import now_iso

if TYPE_CHECKING:
    from wenshi.db.models import Tables
    from wenshi.library import Library


class OcrResults:
    def __init__(self, library: Library) -> None:
        self.library = library

    @property
    def t(self) -> Tables:
        return self.library.tables

    def store(self, sha256: str, pages: Iterable[OcrPage]) -> None:
        """Keep each page's result (a page read again replaces what was kept)."""
        pages = list(pages)
        if not pages:
            return
        t = self.t
        now = now_iso()
        with self.library.transaction():
            for page in pages:
                t.OcrPage.insert(
                    sha256=sha256,
                    page=page.page,
                    width=page.width,
                    height=page.height,
                    engine=page.engine,
                    created_at=now,
                    lines=page.lines_json(),
                ).on_conflict_replace().execute()

    def pages(self, sha256: str) -> list[OcrPage]:
        """The OCR'd pages of one file, in page order (newest engine's reading per page)."""
        t = self.t
        rows = (
            t.OcrPage.select()
            .where(t.OcrPage.sha256 == sha256)
            .order_by(t.OcrPage.page, t.OcrPage.created_at)
        )
        found: dict[int, OcrPage] = {}
        for row in rows:
            found[row.page] = OcrPage(
                page=row.page,
                width=row.width,
                height=row.height,
                engine=row.engine,
                lines=json.loads(row.lines),
            )
        return list(found.values())

    def page_numbers(self, sha256: str) -> list[int]:
        """The pages of one file OCR read (0-based), without reading what it read."""
        t = self.t
        query = t.OcrPage.select(t.OcrPage.page).where(t.OcrPage.sha256 == sha256).distinct()
        return sorted(row.page for row in query)
