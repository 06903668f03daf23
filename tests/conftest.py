"""Shared fixtures: a fresh library, and folders of realistic manuscripts in every shape
they arrive in (encodings, .docx, broken files)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.corpus import FIXTURES, TRADITIONAL, make_docx
from wenshi.library import Library


@pytest.fixture
def library(tmp_path: Path):
    lib = Library.open(tmp_path / "library")
    yield lib
    lib.close()


@pytest.fixture
def manuscripts_dir(tmp_path: Path) -> Path:
    """A folder as an editor's inbox looks: UTF-8, GB18030, Big5, UTF-16 and .docx files in
    subfolders, plus system clutter that is not a manuscript."""
    root = tmp_path / "inbox"
    (root / "第十七辑").mkdir(parents=True)
    shutil.copy(FIXTURES / "mahongbin.txt", root / "mahongbin.txt")
    (root / "shuidonggou-gbk.txt").write_bytes(
        (FIXTURES / "shuidonggou.txt").read_text(encoding="utf-8").encode("gb18030")
    )
    (root / "第十七辑" / "lingzhou-utf16.txt").write_bytes(
        (FIXTURES / "lingzhou.txt").read_text(encoding="utf-8").encode("utf-16")
    )
    (root / "第十七辑" / "traditional-big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    make_docx(root / "第十七辑" / "changzao.docx")
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / "第十七辑" / "~$changzao.docx").write_bytes(b"\x00lock")
    return root


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    """Files that must each fail with one clear line, without stopping the others."""
    root = tmp_path / "bad"
    root.mkdir()
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "fake.docx").write_bytes("这不是 Word 文件".encode())
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    (root / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    shutil.copy(FIXTURES / "lingzhou.txt", root / "good.txt")
    return root


_EXIT_STATUS = {"code": 0}


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS["code"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the run without the interpreter's own teardown: native libraries loaded by the
    tests (Qt, PDFium, ONNX Runtime) can crash while Python frees them at exit, after
    every result was reported, which turned a passing run into exit status 139."""
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_EXIT_STATUS["code"])
