"""Copying citations from the views (a search result, the catalog's selection, the open
manuscript): the formats offered, and the copy itself, made by the core on the lane and
put on the clipboard with a word in the status bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from ui.hub import Hub

# The formats as their users know them; GB/T 7714 first, as a Chinese paper cites.
STYLES = (
    ("gbt7714", "GB/T 7714"),
    ("ris", "RIS (Zotero, EndNote)"),
    ("csl-json", "CSL-JSON (Zotero, Pandoc)"),
    ("bibtex", "BibTeX"),
)


def citation_menu(menu: QMenu, cite: Callable[[str], None], refusal: str | None = None) -> QMenu:
    """Add "Copy citation" → one entry per format to ``menu``; each calls ``cite(style)``.
    With a ``refusal`` (a piece in no volume) the entry is off and says why."""
    sub = menu.addMenu(QCoreApplication.translate("citing", "Copy citation"))
    add_styles(sub, cite)
    if refusal:
        sub.setEnabled(False)
        sub.menuAction().setToolTip(refusal)
        menu.setToolTipsVisible(True)
    return sub


def add_styles(menu: QMenu, cite: Callable[[str], None]) -> None:
    for style, label in STYLES:
        menu.addAction(label, lambda s=style: cite(s))


def not_citable(volumes: Sequence[int | None]) -> str | None:
    """Why the pieces cannot be cited, if one of them is in no volume."""
    if all(v is not None for v in volumes):
        return None
    return QCoreApplication.translate(
        "citing", "Only a piece placed in a volume can be cited (by its volume and pages)"
    )


def copy_citation(
    hub: Hub, parent: QWidget, ids: list[int], style: str, page: int | None = None
) -> None:
    """The citations of ``ids`` (at ``page``, a hit's) to the clipboard."""
    citations = hub.library.citations

    def done(text: str) -> None:
        QApplication.clipboard().setText(text.rstrip("\n"))
        label = dict(STYLES)[style]
        message = QCoreApplication.translate("citing", "Citation copied (%1)")
        if len(ids) > 1:
            message = QCoreApplication.translate("citing", "%2 citations copied (%1)")
        hub.status_message.emit(message.replace("%1", label).replace("%2", str(len(ids))))

    hub.read(lambda _p: citations.cite(ids, page=page, style=style), done, parent)
