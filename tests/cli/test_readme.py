"""Every ``wenshi`` command the README shows is one the command line takes (parsed, not
run), so an option renamed or removed cannot leave the README behind."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from wenshi.cli.main import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_commands() -> list[list[str]]:
    blocks = re.findall(r"```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    commands = []
    for line in "\n".join(blocks).splitlines():
        for command in line.split(" ; "):
            words = shlex.split(command, comments=True)
            if words[:1] == ["wenshi"]:
                commands.append(words[1:])
    return commands


def test_readme_shows_commands():
    assert len(readme_commands()) >= 20


@pytest.mark.parametrize("words", readme_commands(), ids=" ".join)
def test_readme_command_is_accepted(words: list[str]):
    args = build_parser().parse_args(words)
    assert args.command == words[0]
    assert callable(args.handler)
