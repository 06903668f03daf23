"""Gestures QTest's widget helpers do not make whole: a right-click that opens the
widget's context menu, and picking an entry of the menu that opened."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget


def right_click(qtbot, widget: QWidget, pos: QPoint) -> QMenu:
    """Right-click ``widget`` at ``pos`` (its own coordinates); the menu that pops up.

    The press and release go to the widget as QTest sends them (the press makes the row
    under it current), then the context-menu event the platform makes of a right-click:
    QTest's widget clicks bypass the window, where Qt would make it."""
    qtbot.mouseClick(widget, Qt.MouseButton.RightButton, pos=pos)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    return QApplication.activePopupWidget()


def entries(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def choose(qtbot, menu: QMenu, *path: str) -> None:
    """Click the entries named by ``path``, opening submenus on the way."""
    for text in path:
        action = next(a for a in menu.actions() if a.text() == text)
        submenu = action.menu()  # asked first: a click that runs a dialog may delete the menu
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        if submenu is not None:
            menu = submenu
            qtbot.waitUntil(menu.isVisible, timeout=3000)
