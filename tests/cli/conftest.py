"""The ``run`` most CLI tests use: a library holding the fixture files (a module that
needs another library defines its own ``run``, which takes precedence)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import Run
from tests.corpus import FIXTURES


@pytest.fixture
def run(capsys, tmp_path: Path) -> Run:
    r = Run(capsys, tmp_path / "lib")
    code, _, err = r("import", str(FIXTURES))
    assert code == 0, err
    return r
