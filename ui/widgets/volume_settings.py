"""A volume's settings in one dialog: the volume (title, year, target, state), its layout,
and its publication facts, which citations of its articles give. Only what the editor
changed is sent, so a published volume — whose layout is frozen — can still get its
year, title and facts corrected, or be reopened."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wenshi.volumes.facts import series_title
from wenshi.volumes.plan import VolumePlan
from wenshi.volumes.service import VOLUME_STATUSES


class VolumeSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, plan: VolumePlan) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Volume %d settings") % plan.number)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._volume_page(plan), self.tr("Volume"))
        self.tabs.addTab(self._layout_page(plan), self.tr("Layout"))
        self.tabs.addTab(self._publication_page(plan), self.tr("Publication"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        if plan.frozen:  # the layout and the target are the content's: reopen to change
            for widget in (self.layout_page, self.target):
                widget.setEnabled(False)
                widget.setToolTip(plan.frozen)
        self.before = self.values()

    def _volume_page(self, plan: VolumePlan) -> QWidget:
        self.title = QLineEdit(plan.title)
        self.year = QSpinBox(maximum=2100)
        self.year.setSpecialValueText(self.tr("unknown"))
        self.year.setValue(plan.year or 0)
        self.target = QSpinBox(maximum=10_000_000, singleStep=10_000)
        self.target.setValue(plan.target_words or 0)
        self.status = QComboBox()
        for key, label in VOLUME_STATUSES.items():
            self.status.addItem(label, key)
        self.status.setCurrentIndex(max(0, self.status.findData(plan.status)))
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Target words"), self.target)
        form.addRow(
            self.tr("State (published marks every piece 已刊 with its start page)"), self.status
        )
        return page

    def _layout_page(self, plan: VolumePlan) -> QWidget:
        s = plan.settings
        self.paper = QComboBox(editable=True)
        self.paper.addItems(["16开", "32开", "大16开", "A4"])
        self.paper.setCurrentText(s.paper)
        self.cpl = QSpinBox(minimum=1, maximum=200)
        self.cpl.setValue(s.chars_per_line)
        self.lpp = QSpinBox(minimum=1, maximum=200)
        self.lpp.setValue(s.lines_per_page)
        self.title_lines = QSpinBox(maximum=50)
        self.title_lines.setValue(s.title_lines)
        self.section_lines = QSpinBox(maximum=50)
        self.section_lines.setValue(s.section_lines)
        self.image_lines = QSpinBox(maximum=200)
        self.image_lines.setValue(s.image_lines)
        self.front = QSpinBox(maximum=500)
        self.front.setValue(s.front_pages)
        self.new_page = QCheckBox(self.tr("Each article starts a new page"))
        self.new_page.setChecked(s.new_page)
        self.right_hand = QCheckBox(self.tr("Each article starts on a right-hand page"))
        self.right_hand.setChecked(s.right_hand)
        self.layout_page = page = QWidget()
        form = QFormLayout(page)
        for label, widget in (
            (QT_TRANSLATE_NOOP("VolumeSettingsDialog", "Format"), self.paper),
            (QT_TRANSLATE_NOOP("VolumeSettingsDialog", "Characters per line"), self.cpl),
            (QT_TRANSLATE_NOOP("VolumeSettingsDialog", "Lines per page"), self.lpp),
            (QT_TRANSLATE_NOOP("VolumeSettingsDialog", "Lines a title takes"), self.title_lines),
            (
                QT_TRANSLATE_NOOP("VolumeSettingsDialog", "Lines a section heading takes"),
                self.section_lines,
            ),
            (QT_TRANSLATE_NOOP("VolumeSettingsDialog", "Lines a photo takes"), self.image_lines),
            (QT_TRANSLATE_NOOP("VolumeSettingsDialog", "Front matter pages"), self.front),
        ):
            form.addRow(self.tr(label), widget)
        form.addRow(self.new_page)
        form.addRow(self.right_hand)
        return page

    def _publication_page(self, plan: VolumePlan) -> QWidget:
        f = plan.facts
        self.editor = QLineEdit(f.editor)
        self.editor.setPlaceholderText("政协灵武市委员会文史资料委员会")
        self.place = QLineEdit(f.place)
        self.publisher = QLineEdit(f.publisher)
        self.internal = QCheckBox(self.tr("Internal material (内部资料, printed under a permit)"))
        self.internal.setChecked(f.internal)
        self.permit = QLineEdit(f.permit)
        self.permit.setEnabled(f.internal)
        self.internal.toggled.connect(self.permit.setEnabled)
        self.isbn = QLineEdit(f.isbn)
        self.isbn.setPlaceholderText("978-7-…")
        self.series = QLineEdit(f.series)
        self.series.setPlaceholderText(series_title(plan.title, ""))
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Editor (person or body)"), self.editor)
        form.addRow(self.tr("Place of publication"), self.place)
        form.addRow(self.tr("Publisher"), self.publisher)
        form.addRow(self.internal)
        form.addRow(self.tr("Permit number (准印证号)"), self.permit)
        form.addRow(self.tr("ISBN"), self.isbn)
        form.addRow(self.tr("Series title (书名)"), self.series)
        return page

    def values(self) -> dict[str, object]:
        return {
            "title": self.title.text(),
            "year": self.year.value() or None,
            "target_words": self.target.value() or None,
            "paper": self.paper.currentText(),
            "chars_per_line": self.cpl.value(),
            "lines_per_page": self.lpp.value(),
            "title_lines": self.title_lines.value(),
            "section_lines": self.section_lines.value(),
            "image_lines": self.image_lines.value(),
            "front_pages": self.front.value(),
            "new_page": self.new_page.isChecked(),
            "right_hand": self.right_hand.isChecked(),
            "status": self.status.currentData(),
            "editor": self.editor.text(),
            "place": self.place.text(),
            "publisher": self.publisher.text(),
            "internal": self.internal.isChecked(),
            "permit": self.permit.text(),
            "isbn": self.isbn.text(),
            "series": self.series.text(),
        }

    def changes(self) -> dict[str, object]:
        """What the editor changed: the one core update sends nothing else."""
        return {k: v for k, v in self.values().items() if self.before.get(k) != v}
