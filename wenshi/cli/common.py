"""What the command modules share: flags used by many commands."""

from __future__ import annotations

import argparse


def json_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="输出 JSON")
