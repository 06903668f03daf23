"""``wenshi import-volume``: what a script reads back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.volume_corpus import build
from tests.cli.test_cli import Run

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


def test_import_volume_json(capsys, tmp_path: Path) -> None:
    volume = build(tmp_path / "volume", count=3, paragraphs=(2, 3), soffice=SOFFICE)
    run = Run(capsys, tmp_path / "lib")
    code, out, _ = run("import-volume", str(volume.pdf), "--volume", "18", "--json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["volume", "pages", "ocr_pages", "articles"]
    assert list(data["articles"][0]) == [
        "id",
        "title",
        "authors",
        "section",
        "start_page",
        "end_page",
        "words",
    ]
    assert [a["start_page"] for a in data["articles"]] == [a.start_page for a in volume.articles]

    code, out, err = run("import-volume", str(volume.pdf), "--volume", "18")
    assert (code, out) == (1, "")
    assert err == "wenshi: 第 18 辑已存在；请换一个辑号，或先删除该辑\n"
    code, out, _ = run("show", str(data["articles"][0]["id"]), "--json")
    shown = json.loads(out)
    assert (shown["first_page"], shown["furniture"], shown["status"]) == (
        1,
        "灵武文史",
        "published",
    )
