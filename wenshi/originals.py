"""A manuscript's original files, handed out under the names they came with.

The library keeps each original by its SHA-256 (``files/ab/ab12….docx``); opening that in
Word would show a hash for a title and let an edit change the archived bytes. So an
original is always copied out, under its own name, and the copy is what gets opened.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from wenshi.errors import InvalidValueError, NotFoundError
from wenshi.export.atomic import atomic_path
from wenshi.i18n import _

if TYPE_CHECKING:
    from wenshi.library import Library


def free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name (2)``, ``name (3)`` … if that is taken."""
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while target.exists():
        target = folder / f"{stem} ({number}){suffix}"
        number += 1
    return target


def copy_originals(library: Library, manuscript_id: int, folder: Path) -> list[Path]:
    """Copy the manuscript's original files into ``folder`` under their own names (never
    over a file already there) and return the copies, in the order they were added."""
    detail = library.manuscripts.get(manuscript_id)
    if not detail.files:
        raise InvalidValueError(
            _("稿件 #{manuscript_id}《{title}》没有原始文件（它是在 wenshi 里新建的）").format(
                manuscript_id=manuscript_id, title=detail.title
            )
        )
    folder = Path(folder)
    if not folder.is_dir():
        raise InvalidValueError(_("{folder}：不是一个文件夹").format(folder=folder))
    copies = []
    for info in detail.files:
        stored = library.files.find(info.sha256)
        if stored is None:
            raise NotFoundError(
                _(
                    "稿件 #{manuscript_id} 的原始文件“{original_name}”不在文库"
                    "里（{path_for} 不见了；可从备份恢复）"
                ).format(
                    manuscript_id=manuscript_id,
                    original_name=info.original_name,
                    path_for=library.files.path_for(info.sha256),
                )
            )
        # Only the last part of the recorded name: it came from someone else's disk.
        name = Path(info.original_name).name or f"原始文件{stored.suffix}"
        target = free_name(folder, name)
        with atomic_path(target, library.session) as tmp:  # a failure: one clear line
            shutil.copyfile(stored, tmp)
        copies.append(target)
    return copies
