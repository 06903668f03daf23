"""Full-text search: exact CJK substring matching through whoosh n-gram postings.

``analyzer`` (stable import path), ``fold`` (matching form), ``querylang`` (the query
language), ``documents`` (what the index and the engine read from the catalog), ``index``
(the whoosh index lifecycle), ``engine`` (evaluation, ranking, snippets, concordance).
"""
