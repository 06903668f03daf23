"""Photos of a manuscript as a thumbnail strip: add, edit 图注/date/photographer, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.file_dialogs import open_files
from ui.hub import Hub
from wenshi.changes import Changes
from wenshi.images import ImageInfo

IMAGE_FILTER = QT_TRANSLATE_NOOP(
    "ImageStrip", "Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif *.webp)"
)


class CaptionDialog(QDialog):
    def __init__(self, parent: QWidget | None, info: ImageInfo) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photo %d") % info.position)
        form = QFormLayout(self)
        self.caption = QLineEdit(info.caption)
        self.taken_on = QLineEdit(info.taken_on)
        self.photographer = QLineEdit(info.photographer)
        form.addRow(self.tr("Caption"), self.caption)
        form.addRow(self.tr("Date"), self.taken_on)
        form.addRow(self.tr("Photographer"), self.photographer)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ImageStrip(QWidget):
    images_changed = Signal(int)

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.manuscript_id = 0
        self.infos: list[ImageInfo] = []
        self.strip = QListWidget()
        self.strip.setViewMode(QListWidget.ViewMode.IconMode)
        self.strip.setFlow(QListWidget.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setIconSize(QSize(120, 120))
        self.strip.setFixedHeight(170)
        self.strip.setMovement(QListWidget.Movement.Static)
        self.add = QPushButton(self.tr("Add photos…"))
        self.edit = QPushButton(self.tr("Caption…"))
        self.remove = QPushButton(self.tr("Remove"))
        buttons = QHBoxLayout()
        for button in (self.add, self.edit, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.strip)
        layout.addLayout(buttons)
        self.add.clicked.connect(self._add)
        self.edit.clicked.connect(self._edit)
        self.remove.clicked.connect(self._remove)
        self.strip.itemDoubleClicked.connect(lambda _item: self._edit())
        self.strip.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.strip.customContextMenuRequested.connect(self._menu)

    def _menu(self, pos: QPoint) -> None:
        """The photo under the pointer's actions, the same as the buttons' (Remove still
        asks first and can be undone), plus viewing it and copying its 图注."""
        item = self.strip.itemAt(pos)
        if item is None:
            return
        self.strip.setCurrentItem(item)
        info = self._current()
        if info is None:
            return
        menu = QMenu(self.strip)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("View photo"), lambda: self._view(info))
        menu.addAction(self.tr("Caption…"), self._edit)
        copy = menu.addAction(self.tr("Copy caption"), lambda: self._copy_caption(info))
        copy.setEnabled(bool(info.caption))
        menu.addSeparator()
        menu.addAction(self.tr("Remove"), self._remove)
        menu.popup(self.strip.viewport().mapToGlobal(pos))

    def _view(self, info: ImageInfo) -> None:
        """Opens the stored original in the system's image viewer: the strip shows only
        thumbnails."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(info.path))

    def _copy_caption(self, info: ImageInfo) -> None:
        QGuiApplication.clipboard().setText(info.caption)

    def load(self, manuscript_id: int) -> None:
        """Show the photos of a manuscript. They are listed on the lane: a thumbnail not
        yet cached is made from the original there, never on the GUI thread."""
        self.manuscript_id = manuscript_id
        self.strip.clear()
        self.infos = []
        images = self.hub.library.images
        self.hub.read(
            lambda _p: images.list(manuscript_id),
            lambda infos: self._show(manuscript_id, infos),
            self,
        )

    def _show(self, manuscript_id: int, infos: list[ImageInfo]) -> None:
        if manuscript_id != self.manuscript_id:
            return  # another manuscript was opened meanwhile
        self.infos = infos
        self.strip.clear()
        for info in infos:
            item = QListWidgetItem(
                QIcon(QPixmap(info.thumbnail)), f"图{info.position} {info.caption}".strip()
            )
            item.setToolTip(
                f"{info.original_name}\n{info.width}×{info.height}\n"
                f"{info.taken_on} {info.photographer}"
            )
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.strip.addItem(item)

    def _current(self) -> ImageInfo | None:
        row = self.strip.currentRow()
        return self.infos[row] if 0 <= row < len(self.infos) else None

    def _add(self) -> None:
        files = open_files(self, self.tr("Add photos"), self.tr(IMAGE_FILTER), "photos")
        if not files:
            return
        mid, images = self.manuscript_id, self.hub.library.images

        def attach(_progress) -> Changes:
            changes = Changes()
            for name in files:
                changes |= images.attach(mid, Path(name))
            return changes

        self.hub.run_op(attach, lambda _r: self.images_changed.emit(mid), self)

    def _edit(self) -> None:
        info = self._current()
        if info is None:
            return
        dialog = CaptionDialog(self, info)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        images, mid = self.hub.library.images, self.manuscript_id
        values = (dialog.caption.text(), dialog.taken_on.text(), dialog.photographer.text())
        self.hub.run_op(
            lambda _p: images.update(
                info.id, caption=values[0], taken_on=values[1], photographer=values[2]
            ),
            lambda _r: self.images_changed.emit(mid),
            self,
        )

    def _remove(self) -> None:
        info = self._current()
        if info is None:
            return
        name = f"“{info.caption}”" if info.caption else info.original_name
        answer = QMessageBox.question(
            self,
            self.tr("Remove photo"),
            self.tr("Remove photo %1 from this manuscript? Undo brings it back.").replace(
                "%1", name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        images, mid = self.hub.library.images, self.manuscript_id

        def done(result) -> None:
            removed = result.value
            label = self.tr("remove photo %1").replace("%1", name)
            self.hub.undo.push(label, lambda: images.put_back(removed))
            self.images_changed.emit(mid)

        self.hub.run_op(lambda _p: images.remove(info.id), done, self)
