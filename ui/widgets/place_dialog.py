"""Add manuscripts to a volume from the catalog: a volume still open (a published one is
frozen) and one of its sections; the pieces go to the section's end, as a drop on the
section in the volume tree puts them, and Undo takes the placing back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from ui.hub import Hub

OpenVolumes = list[tuple[int, str, list[str]]]  # number, title, section names


class PlaceDialog(QDialog):
    """Choose the volume, then one of its sections."""

    def __init__(self, parent: QWidget | None, volumes: OpenVolumes, what: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add to volume"))
        self.volumes = volumes
        self.volume = QComboBox()
        for number, title, _sections in volumes:
            self.volume.addItem(title, number)
        self.section = QComboBox()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout(self)
        form.addRow(QLabel(what))
        form.addRow(self.tr("Volume"), self.volume)
        form.addRow(self.tr("Section"), self.section)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.volume.currentIndexChanged.connect(self._offer_sections)
        self._offer_sections(0)

    def _offer_sections(self, index: int) -> None:
        """The chosen volume's sections; without any there is nowhere to put a piece."""
        self.section.clear()
        sections = self.volumes[index][2] if 0 <= index < len(self.volumes) else []
        self.section.addItems(sections)
        if not sections:
            self.section.addItem(self.tr("(no section yet: add one in the Volumes view)"))
        self.section.setEnabled(bool(sections))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(sections))

    def choice(self) -> tuple[int, str]:
        return self.volume.currentData(), self.section.currentText()


def add_to_volume(hub: Hub, ids: list[int], titles: list[str], parent: QWidget) -> None:
    """Ask where, then place ``ids`` (named by ``titles``) there, on the lane."""
    if not ids:
        return
    volumes = hub.library.volumes

    def read(_progress: object) -> OpenVolumes:
        return [
            (v.number, v.title, volumes.sections(v.number))
            for v in volumes.list()
            if v.status != "published"
        ]

    # Asked once the read's answer has been handed over, so the lane is idle meanwhile.
    def ask(found: OpenVolumes) -> None:
        QTimer.singleShot(0, lambda: _ask(hub, ids, titles, found, parent))

    hub.read(read, ask, parent)


def _ask(hub: Hub, ids: list[int], titles: list[str], found: OpenVolumes, parent: QWidget) -> None:
    if not found:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("PlaceDialog", "Add to volume"),
            QCoreApplication.translate(
                "PlaceDialog",
                "There is no volume to add to: create one in the Volumes view (a published "
                "volume is closed).",
            ),
        )
        return
    count = QCoreApplication.translate("PlaceDialog", "%1 manuscripts")
    what = f"《{titles[0]}》" if len(ids) == 1 else count.replace("%1", str(len(ids)))
    dialog = PlaceDialog(parent, found, what)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    number, section = dialog.choice()
    volumes, before = hub.library.volumes, []

    def place(_progress: object):
        before.append(volumes.arrangement(number))
        return volumes.place(number, ids, section)

    label = (
        QCoreApplication.translate("PlaceDialog", "place %1 in %2")
        .replace("%1", what)
        .replace("%2", section)
    )
    hub.run_op(
        place,
        lambda _r: hub.undo.push(label, lambda: volumes.rearrange(number, before[0])),
        parent,
    )
