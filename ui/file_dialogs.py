"""The file dialogs, all starting where the user expects: the folder last used for that
kind of file, else the documents folder (not the program's working folder, which for a
program started from a menu is somewhere the user never looks)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.settings import settings


def documents_folder() -> Path:
    """The user's documents folder (文档), or the home folder if there is none."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location and Path(location).is_dir() else Path.home()


def start_folder(kind: str) -> Path:
    """Where a dialog for ``kind`` (exports, imports, photos, backups…) opens."""
    last = settings().value(f"folders/{kind}")
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    return documents_folder()


def remember_folder(kind: str, chosen: str) -> None:
    """The folder of what was just chosen (or the chosen folder itself) opens next time."""
    path = Path(chosen)
    settings().setValue(f"folders/{kind}", str(path if path.is_dir() else path.parent))


def save_file(parent: QWidget, title: str, name: str, filters: str, kind: str) -> str:
    """Ask where to save ``name``; '' if the user cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder(kind) / name), filters)
    if path:
        remember_folder(kind, path)
    return path


def open_files(parent: QWidget, title: str, filters: str, kind: str) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(kind)), filters)
    if files:
        remember_folder(kind, files[0])
    return files


def open_file(parent: QWidget, title: str, filters: str, kind: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind)), filters)
    if path:
        remember_folder(kind, path)
    return path


def choose_folder(parent: QWidget, title: str, kind: str, start: Path | None = None) -> str:
    folder = QFileDialog.getExistingDirectory(parent, title, str(start or start_folder(kind)))
    if folder:
        remember_folder(kind, folder)
    return folder
