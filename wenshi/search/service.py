"""Search as the CLI and the GUI call it: the library's index behind the query engine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wenshi.changes import Aspect, Changes
from wenshi.progress import Progress
from wenshi.search import engine

if TYPE_CHECKING:
    from wenshi.library import Library


class Search:
    """Queries on one library's index (kept in step by the library itself)."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        include_rejected: bool = False,
        sort: str = "relevance",
        facets: bool = False,
    ) -> engine.SearchResults:
        """Ranked results with snippets (see ``engine.search``)."""
        return engine.search(
            self.library.index,
            query,
            limit=limit,
            offset=offset,
            include_rejected=include_rejected,
            sort=sort,
            facets=facets,
        )

    def concordance(
        self, query: str, *, include_rejected: bool = False, context: int = 20
    ) -> list[engine.ConcordanceLine]:
        """Every occurrence with its context, in volume order."""
        return engine.concordance(
            self.library.index, query, include_rejected=include_rejected, context=context
        )

    def highlight_spans(self, query: str, text: str) -> list[tuple[int, int]]:
        """Where the query's terms occur in ``text``, exactly as search counts them."""
        return engine.highlight_spans(query, text, self.library.index.aliases)

    def reindex(self, progress: Progress | None = None) -> Changes:
        """Rebuild the index from the database (``value``: documents indexed)."""
        count = self.library.index.rebuild(progress)
        return Changes(aspects=frozenset([Aspect.INDEX]), value=count)
