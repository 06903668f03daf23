"""Full-text search: exact CJK substring matching through n-gram postings.

``terms`` (what is indexed), ``store`` (all of whoosh), ``fold`` (matching form),
``querylang`` (the query language), ``documents`` (what the index and the engine read from
the database), ``index`` (the index's lifecycle), ``engine`` (evaluation, ranking,
snippets, concordance), ``service`` (search as the CLI and the GUI call it).
"""
