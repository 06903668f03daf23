"""Opening, creating, refusing and upgrading libraries."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from wenshi.db import migrations
from wenshi.errors import LibraryError
from wenshi.library import Library
from wenshi.paths import ENV_VAR, resolve_library_dir


def test_new_library_is_created_with_db_and_files(tmp_path: Path):
    with Library.open(tmp_path / "lib") as lib:
        assert (tmp_path / "lib" / "wenshi.db").is_file()
        assert (tmp_path / "lib" / "files").is_dir()
        assert lib.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_keeps_data(tmp_path: Path):
    from wenshi.records import NewManuscript

    with Library.open(tmp_path / "lib") as lib:
        mid = lib.manuscripts.add(
            NewManuscript(title="灵州古城考略", body="灵州之名，始见于西汉。")
        ).value
    with Library.open(tmp_path / "lib") as lib:
        assert lib.manuscripts.get(mid).title == "灵州古城考略"


def test_foreign_folder_is_refused_untouched(tmp_path: Path):
    folder = tmp_path / "mydocs"
    folder.mkdir()
    (folder / "稿件.docx").write_bytes(b"x")
    with pytest.raises(LibraryError, match="不是 wenshi 文库"):
        Library.open(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["稿件.docx"]


def test_foreign_sqlite_database_is_refused(tmp_path: Path):
    folder = tmp_path / "lib"
    folder.mkdir()
    con = sqlite3.connect(folder / "wenshi.db")
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    before = (folder / "wenshi.db").read_bytes()
    with pytest.raises(LibraryError, match="不是 wenshi 文库的数据库"):
        Library.open(folder)
    assert (folder / "wenshi.db").read_bytes() == before


def test_corrupt_database_is_refused(tmp_path: Path):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "wenshi.db").write_bytes(b"garbage" * 200)
    with pytest.raises(LibraryError, match="损坏"):
        Library.open(folder)


def test_library_from_newer_wenshi_is_refused(tmp_path: Path):
    Library.open(tmp_path / "lib").close()
    con = sqlite3.connect(tmp_path / "lib" / "wenshi.db")
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(LibraryError, match="更新版本"):
        Library.open(tmp_path / "lib")


def test_path_that_is_a_file_is_refused(tmp_path: Path):
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    with pytest.raises(LibraryError, match="不是文件夹"):
        Library.open(target)


def test_first_schema_library_opens_with_current_code(tmp_path: Path):
    """A library written by schema version 1 (frozen SQL, raw rows) opens and keeps its data;
    when an upgrade runs, a copy of the old database is taken first."""
    folder = tmp_path / "old"
    (folder / "files").mkdir(parents=True)
    con = sqlite3.connect(folder / "wenshi.db")
    for statement in migrations.V1_INITIAL.split(";"):
        if statement.strip():
            con.execute(statement)
    con.executemany(
        "INSERT INTO meta(key, value) VALUES (?, ?)",
        [("app", "wenshi"), ("schema_version", "1")],
    )
    con.execute(
        "INSERT INTO manuscript(id, title, body, status, words, created_at, updated_at) "
        "VALUES (1, '水洞沟遗址发现记', '1923年，桑志华来到水洞沟。', 'first_review', 12, "
        "'2021-03-01T09:00:00', '2021-03-01T09:00:00')"
    )
    con.execute(
        "INSERT INTO revision(manuscript_id, number, body, reason, created_at) "
        "VALUES (1, 1, '1923年，桑志华来到水洞沟。', '导入', '2021-03-01T09:00:00')"
    )
    con.commit()
    con.close()
    with Library.open(folder) as lib:
        detail = lib.manuscripts.get(1)
        assert detail.title == "水洞沟遗址发现记"
        assert detail.status == "first_review"
        version = lib.db.execute_sql("SELECT value FROM meta WHERE key='schema_version'")
        assert int(version.fetchone()[0]) == migrations.SCHEMA_VERSION
        if migrations.SCHEMA_VERSION > 1:
            assert lib.upgrade_backup is not None and lib.upgrade_backup.exists()


def test_models_match_migrated_schema(library: Library):
    """Every model field has a column of that name after all migrations, and no column is
    left without a field: the frozen SQL and the models describe the same database."""
    for model in library.tables.all:
        table = model._meta.table_name
        columns = {row[1] for row in library.db.execute_sql(f"PRAGMA table_info({table})")}
        fields = {f.column_name for f in model._meta.sorted_fields}
        assert columns == fields, table


def test_library_location_precedence(monkeypatch, tmp_path: Path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env"))
    assert resolve_library_dir(str(tmp_path / "explicit")) == tmp_path / "explicit"
    assert resolve_library_dir(None) == tmp_path / "from-env"
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    if sys.platform.startswith("linux"):
        assert resolve_library_dir(None) == tmp_path / "data" / "wenshi" / "library"
    else:
        assert resolve_library_dir(None).parts[-2:] == ("wenshi", "library")


def _old_library(folder: Path, version: int) -> dict[str, int]:
    """A library of schema ``version`` built by the frozen migrations, with a row in every
    table that version has; returns the row count of each table."""
    (folder / "files").mkdir(parents=True)
    db = SqliteDatabase(str(folder / "wenshi.db"), pragmas={"foreign_keys": 1})
    migrations.migrate(db, 0, version)
    rows = [
        "INSERT INTO person(id, name) VALUES (1, '马建国')",
        "INSERT INTO volume(id, number, title, created_at) VALUES (1, 17, '第十七辑', '2022')",
        "INSERT INTO section(id, volume_id, name, position) VALUES (1, 1, '史海钩沉', 0)",
        "INSERT INTO manuscript(id, title, body, status, section_id, position, words, "
        "created_at, updated_at) VALUES (1, '横城古渡', '横城古渡在黄河边。', 'accepted', 1, 0, "
        "9, '2022-06-24', '2022-06-24')",
        "INSERT INTO manuscript(id, title, body, similar_to_id, created_at, updated_at) "
        "VALUES (2, '横城古渡（重）', '横城古渡在黄河边。', 1, '2022-06-25', '2022-06-25')",
        "INSERT INTO credit(manuscript_id, person_id, role, position) VALUES (1, 1, 'author', 0)",
        "INSERT INTO tag(id, name) VALUES (1, '渡口')",
        "INSERT INTO manuscript_tag(manuscript_id, tag_id) VALUES (1, 1)",
        "INSERT INTO stored_file(manuscript_id, sha256, original_name, size, kind, added_at) "
        "VALUES (1, 'ab', '横城古渡.txt', 27, 'txt', '2022-06-24')",
        "INSERT INTO revision(manuscript_id, number, body, reason, created_at) "
        "VALUES (1, 1, '横城古渡在黄河边。', '导入', '2022-06-24')",
        "INSERT INTO review_event(manuscript_id, to_status, at) VALUES (1, 'accepted', '2022')",
    ]
    if version >= 3:
        rows.append(
            "INSERT INTO image(manuscript_id, sha256, original_name, position, added_at) "
            "VALUES (1, 'cd', '渡口.jpg', 0, '2022-06-24')"
        )
    if version >= 4:
        rows.append(
            "INSERT INTO detail_change(manuscript_id, field, old, new, at) "
            "VALUES (1, 'title', '古渡', '横城古渡', '2022-06-24')"
        )
    for statement in rows:
        db.execute_sql(statement)
    tables = [r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")]
    counts = {t: db.execute_sql(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    db.close()
    return counts


@pytest.mark.parametrize("version", range(1, migrations.SCHEMA_VERSION))
def test_every_old_schema_upgrades_keeping_every_row(tmp_path: Path, version: int):
    folder = tmp_path / f"v{version}"
    before = _old_library(folder, version)
    with Library.open(folder) as lib:
        assert lib.upgrade_backup is not None and lib.upgrade_backup.exists()
        for table, count in before.items():
            if table != "meta":
                now = lib.db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                assert now == count, table
        assert lib.db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        assert lib.db.execute_sql("PRAGMA foreign_keys").fetchone() == (1,)
        detail = lib.manuscripts.get(1)
        assert (detail.title, detail.body, detail.authors, detail.tags) == (
            "横城古渡",
            "横城古渡在黄河边。",
            ["马建国"],
            ["渡口"],
        )
        assert (detail.volume, detail.section, lib.manuscripts.get(2).similar_to) == (
            17,
            "史海钩沉",
            1,
        )
        assert [(r.number, r.words) for r in lib.manuscripts.history(1)] == [(1, 9)]
