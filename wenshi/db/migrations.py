"""Numbered schema migrations.

Each migration is frozen SQL (never generated from the current models, which move on), run
inside one transaction together with the ``schema_version`` bump. Before upgrading an
existing library, ``connection.open_database`` takes a copy of the database file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime

from peewee import SqliteDatabase

V1_INITIAL = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE person (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    unit     TEXT NOT NULL DEFAULT '',
    identity TEXT NOT NULL DEFAULT '',
    phone    TEXT NOT NULL DEFAULT '',
    address  TEXT NOT NULL DEFAULT '',
    notes    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX person_name ON person(name);
CREATE TABLE volume (
    id             INTEGER PRIMARY KEY,
    number         INTEGER NOT NULL UNIQUE,
    title          TEXT NOT NULL,
    year           INTEGER,
    status         TEXT NOT NULL DEFAULT 'planning',
    target_words   INTEGER,
    chars_per_line INTEGER NOT NULL DEFAULT 28,
    lines_per_page INTEGER NOT NULL DEFAULT 30,
    created_at     TEXT NOT NULL
);
CREATE TABLE section (
    id        INTEGER PRIMARY KEY,
    volume_id INTEGER NOT NULL REFERENCES volume(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    position  INTEGER NOT NULL,
    UNIQUE (volume_id, name)
);
CREATE TABLE manuscript (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL,
    subtitle          TEXT NOT NULL DEFAULT '',
    unit              TEXT NOT NULL DEFAULT '',
    identity          TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    address           TEXT NOT NULL DEFAULT '',
    received_date     TEXT,
    received_via      TEXT NOT NULL DEFAULT '',
    section_wish      TEXT NOT NULL DEFAULT '',
    genre             TEXT NOT NULL DEFAULT 'prose',
    body              TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL DEFAULT 'received',
    notes             TEXT NOT NULL DEFAULT '',
    section_id        INTEGER REFERENCES section(id) ON DELETE SET NULL,
    position          INTEGER,
    start_page        INTEGER,
    similar_to_id     INTEGER REFERENCES manuscript(id) ON DELETE SET NULL,
    sketch            BLOB,
    words             INTEGER NOT NULL DEFAULT 0,
    cjk               INTEGER NOT NULL DEFAULT 0,
    non_cjk_words     INTEGER NOT NULL DEFAULT 0,
    han               INTEGER NOT NULL DEFAULT 0,
    chars_no_spaces   INTEGER NOT NULL DEFAULT 0,
    chars_with_spaces INTEGER NOT NULL DEFAULT 0,
    paragraphs        INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
);
CREATE INDEX manuscript_status ON manuscript(status);
CREATE INDEX manuscript_section ON manuscript(section_id, position);
CREATE TABLE credit (
    id            INTEGER PRIMARY KEY,
    manuscript_id INTEGER NOT NULL REFERENCES manuscript(id) ON DELETE CASCADE,
    person_id     INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    role          TEXT NOT NULL,
    position      INTEGER NOT NULL,
    UNIQUE (manuscript_id, person_id, role)
);
CREATE INDEX credit_person ON credit(person_id);
CREATE TABLE tag (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE manuscript_tag (
    manuscript_id INTEGER NOT NULL REFERENCES manuscript(id) ON DELETE CASCADE,
    tag_id        INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    PRIMARY KEY (manuscript_id, tag_id)
);
CREATE TABLE stored_file (
    id            INTEGER PRIMARY KEY,
    manuscript_id INTEGER NOT NULL REFERENCES manuscript(id) ON DELETE CASCADE,
    sha256        TEXT NOT NULL UNIQUE,
    original_name TEXT NOT NULL,
    size          INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    encoding      TEXT NOT NULL DEFAULT '',
    added_at      TEXT NOT NULL
);
CREATE INDEX stored_file_manuscript ON stored_file(manuscript_id);
CREATE TABLE revision (
    id            INTEGER PRIMARY KEY,
    manuscript_id INTEGER NOT NULL REFERENCES manuscript(id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    body          TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    UNIQUE (manuscript_id, number)
);
CREATE TABLE review_event (
    id            INTEGER PRIMARY KEY,
    manuscript_id INTEGER NOT NULL REFERENCES manuscript(id) ON DELETE CASCADE,
    from_status   TEXT,
    to_status     TEXT NOT NULL,
    actor         TEXT NOT NULL DEFAULT '',
    opinion       TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL
);
CREATE INDEX review_event_manuscript ON review_event(manuscript_id);
"""


V2_CHANGE_SEQ = """
ALTER TABLE manuscript ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX manuscript_change_seq ON manuscript(change_seq);
INSERT INTO meta(key, value) VALUES ('change_seq', '0')
"""


V3_VOLUMES = """
ALTER TABLE volume ADD COLUMN paper TEXT NOT NULL DEFAULT '16开';
ALTER TABLE volume ADD COLUMN title_lines INTEGER NOT NULL DEFAULT 3;
ALTER TABLE volume ADD COLUMN section_lines INTEGER NOT NULL DEFAULT 2;
ALTER TABLE volume ADD COLUMN image_lines INTEGER NOT NULL DEFAULT 10;
ALTER TABLE volume ADD COLUMN new_page INTEGER NOT NULL DEFAULT 0;
ALTER TABLE volume ADD COLUMN right_hand INTEGER NOT NULL DEFAULT 0;
ALTER TABLE volume ADD COLUMN front_pages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE manuscript ADD COLUMN fee_kind TEXT NOT NULL DEFAULT 'original';
ALTER TABLE manuscript ADD COLUMN fee_basis TEXT NOT NULL DEFAULT 'words';
ALTER TABLE manuscript ADD COLUMN fee_rate REAL;
ALTER TABLE manuscript ADD COLUMN fee_paid_on TEXT;
CREATE TABLE image (
    id            INTEGER PRIMARY KEY,
    manuscript_id INTEGER NOT NULL REFERENCES manuscript(id) ON DELETE CASCADE,
    sha256        TEXT NOT NULL,
    original_name TEXT NOT NULL,
    caption       TEXT NOT NULL DEFAULT '',
    taken_on      TEXT NOT NULL DEFAULT '',
    photographer  TEXT NOT NULL DEFAULT '',
    width         INTEGER NOT NULL DEFAULT 0,
    height        INTEGER NOT NULL DEFAULT 0,
    position      INTEGER NOT NULL,
    added_at      TEXT NOT NULL
);
CREATE INDEX image_manuscript ON image(manuscript_id, position)
"""


V4_VERSIONS = """
ALTER TABLE manuscript ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TABLE detail_change (
    id            INTEGER PRIMARY KEY,
    manuscript_id INTEGER NOT NULL REFERENCES manuscript(id) ON DELETE CASCADE,
    field         TEXT NOT NULL,
    old           TEXT NOT NULL,
    new           TEXT NOT NULL,
    actor         TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL
);
CREATE INDEX detail_change_manuscript ON detail_change(manuscript_id)
"""


# v5 rebuilds the two tables that hold texts so that every other column comes before the
# text: SQLite stores a long text in overflow pages, and reading any column after it means
# walking them all (the catalog, the totals and a history of 200 revisions read through
# megabytes of text to find a status or a date). Run with foreign keys off (see migrate).
V5_TEXT_LAST = """
CREATE TABLE manuscript_v5 (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL,
    subtitle          TEXT NOT NULL DEFAULT '',
    unit              TEXT NOT NULL DEFAULT '',
    identity          TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    address           TEXT NOT NULL DEFAULT '',
    received_date     TEXT,
    received_via      TEXT NOT NULL DEFAULT '',
    section_wish      TEXT NOT NULL DEFAULT '',
    genre             TEXT NOT NULL DEFAULT 'prose',
    status            TEXT NOT NULL DEFAULT 'received',
    notes             TEXT NOT NULL DEFAULT '',
    section_id        INTEGER REFERENCES section(id) ON DELETE SET NULL,
    position          INTEGER,
    start_page        INTEGER,
    similar_to_id     INTEGER REFERENCES manuscript(id) ON DELETE SET NULL,
    words             INTEGER NOT NULL DEFAULT 0,
    cjk               INTEGER NOT NULL DEFAULT 0,
    non_cjk_words     INTEGER NOT NULL DEFAULT 0,
    han               INTEGER NOT NULL DEFAULT 0,
    chars_no_spaces   INTEGER NOT NULL DEFAULT 0,
    chars_with_spaces INTEGER NOT NULL DEFAULT 0,
    paragraphs        INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    change_seq        INTEGER NOT NULL DEFAULT 0,
    fee_kind          TEXT NOT NULL DEFAULT 'original',
    fee_basis         TEXT NOT NULL DEFAULT 'words',
    fee_rate          REAL,
    fee_paid_on       TEXT,
    version           INTEGER NOT NULL DEFAULT 1,
    sketch            BLOB,
    body              TEXT NOT NULL DEFAULT ''
);
INSERT INTO manuscript_v5 (
    id, title, subtitle, unit, identity, phone, address, received_date, received_via,
    section_wish, genre, status, notes, section_id, position, start_page, similar_to_id,
    words, cjk, non_cjk_words, han, chars_no_spaces, chars_with_spaces, paragraphs,
    created_at, updated_at, deleted_at, change_seq, fee_kind, fee_basis, fee_rate,
    fee_paid_on, version, sketch, body)
SELECT
    id, title, subtitle, unit, identity, phone, address, received_date, received_via,
    section_wish, genre, status, notes, section_id, position, start_page, similar_to_id,
    words, cjk, non_cjk_words, han, chars_no_spaces, chars_with_spaces, paragraphs,
    created_at, updated_at, deleted_at, change_seq, fee_kind, fee_basis, fee_rate,
    fee_paid_on, version, sketch, body
FROM manuscript;
DROP TABLE manuscript;
ALTER TABLE manuscript_v5 RENAME TO manuscript;
CREATE INDEX manuscript_status ON manuscript(status);
CREATE INDEX manuscript_section ON manuscript(section_id, position);
CREATE INDEX manuscript_change_seq ON manuscript(change_seq);
CREATE TABLE revision_v5 (
    id              INTEGER PRIMARY KEY,
    manuscript_id   INTEGER NOT NULL REFERENCES manuscript(id) ON DELETE CASCADE,
    number          INTEGER NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    words           INTEGER,
    chars_no_spaces INTEGER,
    body            TEXT NOT NULL,
    UNIQUE (manuscript_id, number)
);
INSERT INTO revision_v5 (id, manuscript_id, number, reason, created_at, body)
SELECT id, manuscript_id, number, reason, created_at, body FROM revision;
DROP TABLE revision;
ALTER TABLE revision_v5 RENAME TO revision
"""


# v6: what a paged source brings. ``first_page`` is the printed number of the page the body
# starts on (a form feed in the body starts each following page); ``furniture`` holds the
# running heads and footers, kept apart from the body and its 字数. One stored file (a
# volume's PDF) can be the source of many manuscripts, each of its own ``pages``; OCR
# results are kept per page of a stored file, with each character's box and confidence,
# so a proofreader sees the scan and an interrupted OCR run resumes.
V6_PAGES = """
CREATE TABLE manuscript_v6 (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL,
    subtitle          TEXT NOT NULL DEFAULT '',
    unit              TEXT NOT NULL DEFAULT '',
    identity          TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    address           TEXT NOT NULL DEFAULT '',
    received_date     TEXT,
    received_via      TEXT NOT NULL DEFAULT '',
    section_wish      TEXT NOT NULL DEFAULT '',
    genre             TEXT NOT NULL DEFAULT 'prose',
    status            TEXT NOT NULL DEFAULT 'received',
    notes             TEXT NOT NULL DEFAULT '',
    section_id        INTEGER REFERENCES section(id) ON DELETE SET NULL,
    position          INTEGER,
    start_page        INTEGER,
    similar_to_id     INTEGER REFERENCES manuscript(id) ON DELETE SET NULL,
    words             INTEGER NOT NULL DEFAULT 0,
    cjk               INTEGER NOT NULL DEFAULT 0,
    non_cjk_words     INTEGER NOT NULL DEFAULT 0,
    han               INTEGER NOT NULL DEFAULT 0,
    chars_no_spaces   INTEGER NOT NULL DEFAULT 0,
    chars_with_spaces INTEGER NOT NULL DEFAULT 0,
    paragraphs        INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    change_seq        INTEGER NOT NULL DEFAULT 0,
    fee_kind          TEXT NOT NULL DEFAULT 'original',
    fee_basis         TEXT NOT NULL DEFAULT 'words',
    fee_rate          REAL,
    fee_paid_on       TEXT,
    version           INTEGER NOT NULL DEFAULT 1,
    first_page        INTEGER,
    furniture         TEXT NOT NULL DEFAULT '',
    sketch            BLOB,
    body              TEXT NOT NULL DEFAULT ''
);
INSERT INTO manuscript_v6 (
    id, title, subtitle, unit, identity, phone, address, received_date, received_via,
    section_wish, genre, status, notes, section_id, position, start_page, similar_to_id,
    words, cjk, non_cjk_words, han, chars_no_spaces, chars_with_spaces, paragraphs,
    created_at, updated_at, deleted_at, change_seq, fee_kind, fee_basis, fee_rate,
    fee_paid_on, version, sketch, body)
SELECT
    id, title, subtitle, unit, identity, phone, address, received_date, received_via,
    section_wish, genre, status, notes, section_id, position, start_page, similar_to_id,
    words, cjk, non_cjk_words, han, chars_no_spaces, chars_with_spaces, paragraphs,
    created_at, updated_at, deleted_at, change_seq, fee_kind, fee_basis, fee_rate,
    fee_paid_on, version, sketch, body
FROM manuscript;
DROP TABLE manuscript;
ALTER TABLE manuscript_v6 RENAME TO manuscript;
CREATE INDEX manuscript_status ON manuscript(status);
CREATE INDEX manuscript_section ON manuscript(section_id, position);
CREATE INDEX manuscript_change_seq ON manuscript(change_seq);
CREATE TABLE stored_file_v6 (
    id            INTEGER PRIMARY KEY,
    manuscript_id INTEGER NOT NULL REFERENCES manuscript(id) ON DELETE CASCADE,
    sha256        TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size          INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    encoding      TEXT NOT NULL DEFAULT '',
    pages         TEXT NOT NULL DEFAULT '',
    added_at      TEXT NOT NULL,
    UNIQUE (manuscript_id, sha256)
);
INSERT INTO stored_file_v6 (
    id, manuscript_id, sha256, original_name, size, kind, encoding, added_at)
SELECT id, manuscript_id, sha256, original_name, size, kind, encoding, added_at
FROM stored_file;
DROP TABLE stored_file;
ALTER TABLE stored_file_v6 RENAME TO stored_file;
CREATE INDEX stored_file_manuscript ON stored_file(manuscript_id);
CREATE INDEX stored_file_sha256 ON stored_file(sha256);
CREATE TABLE ocr_page (
    id       INTEGER PRIMARY KEY,
    sha256   TEXT NOT NULL,
    page     INTEGER NOT NULL,
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    engine   TEXT NOT NULL,
    created_at TEXT NOT NULL,
    lines    TEXT NOT NULL,
    UNIQUE (sha256, page, engine)
)
"""

V7_PUBLICATION = """
ALTER TABLE volume ADD COLUMN editor    TEXT NOT NULL DEFAULT '';
ALTER TABLE volume ADD COLUMN place     TEXT NOT NULL DEFAULT '';
ALTER TABLE volume ADD COLUMN publisher TEXT NOT NULL DEFAULT '';
ALTER TABLE volume ADD COLUMN internal  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE volume ADD COLUMN permit    TEXT NOT NULL DEFAULT '';
ALTER TABLE volume ADD COLUMN isbn      TEXT NOT NULL DEFAULT '';
ALTER TABLE volume ADD COLUMN series    TEXT NOT NULL DEFAULT ''
"""

V8_AUTHORITIES = """
CREATE TABLE authority (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    name       TEXT NOT NULL,
    dates      TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (kind, name)
);
CREATE TABLE authority_name (
    id           INTEGER PRIMARY KEY,
    authority_id INTEGER NOT NULL REFERENCES authority(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    type         TEXT NOT NULL,
    period       TEXT NOT NULL DEFAULT '',
    folded       TEXT NOT NULL,
    UNIQUE (authority_id, name)
);
CREATE INDEX authority_name_folded ON authority_name(kind, folded)
"""

V10_REJECTED_NAMES = """
CREATE TABLE authority_rejected (
    id     INTEGER PRIMARY KEY,
    kind   TEXT NOT NULL,
    name   TEXT NOT NULL,
    folded TEXT NOT NULL,
    UNIQUE (kind, folded)
)
"""


def _fill_periods(db: SqliteDatabase) -> None:
    """v9: the years each text talks about (wenshi.text.periods), a row per range beside
    the manuscript (whose text stays last in its row), so search filters on them
    without reading every text."""
    from wenshi.text.periods import year_ranges

    db.execute_sql(
        "CREATE TABLE manuscript_period ("
        " id INTEGER PRIMARY KEY,"
        " manuscript_id INTEGER NOT NULL REFERENCES manuscript(id) ON DELETE CASCADE,"
        " first INTEGER NOT NULL,"
        " last INTEGER NOT NULL)"
    )
    db.execute_sql("CREATE INDEX manuscript_period_manuscript ON manuscript_period(manuscript_id)")
    rows = db.execute_sql("SELECT id, body FROM manuscript").fetchall()
    for mid, body in rows:
        for first, last in year_ranges(body or ""):
            db.execute_sql(
                "INSERT INTO manuscript_period (manuscript_id, first, last) VALUES (?, ?, ?)",
                (mid, first, last),
            )


def _script(sql: str) -> Callable[[SqliteDatabase], None]:
    def run(db: SqliteDatabase) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                db.execute_sql(statement)

    return run


# MIGRATIONS[n - 1] brings a database from schema version n - 1 to n.
MIGRATIONS: list[Callable[[SqliteDatabase], None]] = [
    _script(V1_INITIAL),
    # v2: a change counter shared by the database and the search index, so an index that
    # missed changes (the program died between the two commits) is brought up to date.
    _script(V2_CHANGE_SEQ),
    # v3: volume layout settings, 稿酬 per manuscript, attached images.
    _script(V3_VOLUMES),
    # v4: a version stamp per manuscript (a write that started from an older version is
    # refused, never a silent overwrite) and the history of its details.
    _script(V4_VERSIONS),
    # v5: texts last in their rows; each revision's 字数 kept with it (NULL for older
    # ones, counted when first shown), so a history is listed without reading its texts.
    _script(V5_TEXT_LAST),
    # v6: page numbers and running heads of paged sources, one file for many
    # manuscripts, OCR results per page.
    _script(V6_PAGES),
    # v7: each volume's publication facts, for citations (wenshi/volumes/facts.py).
    _script(V7_PUBLICATION),
    # v8: the authority list of persons and places under all their names.
    _script(V8_AUTHORITIES),
    # v9: the years each text mentions (a Python step: they are read from the texts).
    _fill_periods,
    # v10: names an editor rejected as authority candidates, so they are not offered again.
    _script(V10_REJECTED_NAMES),
]

SCHEMA_VERSION = len(MIGRATIONS)
APP_ID = "wenshi"


def migrate(db: SqliteDatabase, from_version: int, to_version: int = SCHEMA_VERSION) -> None:
    """Apply migrations ``from_version+1 .. to_version`` in one transaction. Foreign keys
    are off meanwhile (a table rebuilt by copy and rename must not cascade its deletion to
    the rows that reference it) and checked before the commit."""
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            for step in MIGRATIONS[from_version:to_version]:
                step(db)
            broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise sqlite3.IntegrityError(f"foreign keys broken by the upgrade: {broken[:3]}")
            _finish(db, from_version, to_version)
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")


def _finish(db: SqliteDatabase, from_version: int, to_version: int) -> None:
    """Mark a new database as wenshi's and record the version reached."""
    if from_version == 0:
        db.execute_sql(
            "INSERT INTO meta(key, value) VALUES ('app', ?), ('created_at', ?)",
            (APP_ID, datetime.now().isoformat(timespec="seconds")),
        )
    db.execute_sql(
        "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (str(to_version),),
    )
