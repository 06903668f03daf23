"""What a drop (or a folder) holds that an import would read: the files of a kind wenshi
reads, found as the import finds them (folders walked, clutter skipped)."""

from __future__ import annotations

from pathlib import Path

from wenshi.imports import importable


def test_only_readable_kinds_count(tmp_path: Path):
    inbox = tmp_path / "来稿"
    (inbox / "第二批").mkdir(parents=True)
    (inbox / "第二批" / "秦渠谣.TXT").write_text("秦渠谣", encoding="utf-8")
    (inbox / "渡口.docx").write_bytes(b"PK")
    (inbox / "照片.zip").write_bytes(b"PK")
    (inbox / "~$渡口.docx").write_bytes(b"lock")  # Word's lock file: clutter
    (tmp_path / "账目.xlsx").write_bytes(b"PK")
    assert importable([inbox, tmp_path / "账目.xlsx"]) == [
        inbox / "渡口.docx",
        inbox / "第二批" / "秦渠谣.TXT",
    ]
    assert importable([tmp_path / "账目.xlsx", tmp_path / "没有这个.txt"]) == [
        tmp_path / "没有这个.txt"  # missing: the import reports it in its turn
    ]
