"""Where the library lives: ``--library DIR``, else ``$WENSHI_LIBRARY``, else user data."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "WENSHI_LIBRARY"


def default_library_dir() -> Path:
    """The per-user default, e.g. ``~/.local/share/wenshi/library`` on Linux."""
    return platformdirs.user_data_path("wenshi", appauthor=False) / "library"


def resolve_library_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library folder the user asked for, in order of precedence."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return default_library_dir()
