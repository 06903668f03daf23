"""First run: an empty library offers to import a folder or load the sample library."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    import_folder = Signal()
    load_sample = Signal()

    def __init__(self, library_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to wenshi 文史"))
        title.setObjectName("welcome-title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "This library is empty. Import the manuscripts you have — .txt in any Chinese "
                "encoding, .md or .docx, a whole folder at once — or load the sample library "
                "(two volumes of 《灵武文史》 and a few manuscripts in review) to look around "
                "first."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        where = QLabel(self.tr("Library: %s") % library_path)
        where.setObjectName("hint")
        where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.import_button = QPushButton(self.tr("Import a folder…"))
        self.sample_button = QPushButton(self.tr("Load the sample library"))
        for button in (self.import_button, self.sample_button):
            button.setMinimumSize(220, 56)
            button.setObjectName("big")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addWidget(text)
        layout.addSpacing(28)
        layout.addLayout(buttons)
        layout.addSpacing(18)
        layout.addWidget(where)
        layout.addStretch(3)
        layout.setContentsMargins(120, 40, 120, 40)
        self.import_button.clicked.connect(self.import_folder)
        self.sample_button.clicked.connect(self.load_sample)
