"""An editor's day, start to end, by the keyboard alone: import the morning's folder,
take the three pieces through review together, place them in volume 17, publish the
volume, and take back a slip of the finger. Every step is a key a user presses; a dialog
the program opens is answered with keys while it runs, as a modal dialog is.

The same day by the mouse, with the pieces dragged into the volume, runs where Qt has a
drag loop: tests/ui/test_volume_drag.py."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.day import REVIEW_STEPS, TITLES, answered, state_of, when_dialog, write_morning
from tests.ui.gestures import entries
from tests.ui.test_volume_drag import in_core
from tests.ui.test_workflows import load_sample

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def key(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the focus is."""
    target: QWidget = QApplication.focusWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, key, modifiers)


def tab_to(qtbot, widget: QWidget, limit: int = 40) -> None:
    """Tab on until ``widget`` has the focus, as a user does."""
    for _ in range(limit):
        if widget.hasFocus():
            return
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget!r}")


def back_to(qtbot, window) -> None:
    """The main window active again once a dialog or menu has gone (a desktop does it)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def titles_selected(window) -> list[str]:
    return window.catalog.selected_titles()


def test_an_editors_day_by_the_keyboard_alone(qtbot, window, tmp_path, monkeypatch):
    load_sample(qtbot, window)
    inbox = tmp_path / "今日来稿"
    write_morning(inbox)
    # The system's folder chooser is the platform's; it answers with the morning's folder.
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(inbox))
    back_to(qtbot, window)

    # 1. Ctrl+Shift+I: the folder's files are read and shown; Enter imports; Esc closes.
    def importing(dialog) -> None:
        qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20000)
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.close_button.text() == "Done", timeout=20000)
        key(qtbot, Qt.Key.Key_Escape)

    when_dialog(importing)
    key(qtbot, Qt.Key.Key_1, CTRL)
    key(qtbot, Qt.Key.Key_I, CTRL | SHIFT)
    wait_idle(qtbot, window)
    answered()
    assert [state_of(window, t) for t in TITLES] == ["收稿"] * 3
    by_id = [m.title for m in window.library.queries.list() if m.title in TITLES]

    # 2. The three together through 初审, 复审 and 终审 to 采用: Ctrl+End and Shift+Up
    # select them, Alt+M → Selected manuscripts (L) → Review step for all → the step.
    back_to(qtbot, window)
    key(qtbot, Qt.Key.Key_1, CTRL)
    key(qtbot, Qt.Key.Key_End, CTRL)
    key(qtbot, Qt.Key.Key_Up, SHIFT)
    key(qtbot, Qt.Key.Key_Up, SHIFT)
    assert sorted(titles_selected(window)) == sorted(TITLES)
    for step in REVIEW_STEPS:

        def opinion(dialog, step=step) -> None:
            assert dialog.windowTitle() == f"Review: {step}"
            if not dialog.actor.text():
                type_chinese(QApplication.focusWidget(), "王主任")
            key(qtbot, Qt.Key.Key_Tab)
            type_chinese(QApplication.focusWidget(), f"三篇同意{step}")
            key(qtbot, Qt.Key.Key_Return, CTRL)

        when_dialog(opinion)
        key(qtbot, Qt.Key.Key_M, ALT)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=3000)
        qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_L)  # Selected manuscripts
        selection = QApplication.activePopupWidget()
        assert selection.activeAction().text() == "Review step for all", (
            step,
            titles_selected(window),
        )
        qtbot.keyClick(selection, Qt.Key.Key_Right)
        qtbot.waitUntil(
            lambda selection=selection: QApplication.activePopupWidget() is not selection,
            timeout=3000,
        )
        steps = QApplication.activePopupWidget()
        wanted = f"→ {step}…"
        assert wanted in entries(steps), entries(steps)
        for _ in range(len(steps.actions())):
            if steps.activeAction() is not None and steps.activeAction().text() == wanted:
                break
            qtbot.keyClick(steps, Qt.Key.Key_Down)
        qtbot.keyClick(steps, Qt.Key.Key_Return)
        wait_idle(qtbot, window)
        answered()
        back_to(qtbot, window)
        assert [state_of(window, t) for t in TITLES] == [step] * 3

    # 3. Ctrl+3, Tab to the pool, Ctrl+A, Tab to "Place in section…", Space; the section
    # chooser opens on the first 栏目, Enter places them all there.
    builder = window.builder
    key(qtbot, Qt.Key.Key_3, CTRL)
    wait_idle(qtbot, window)
    assert builder.number == 17
    tab_to(qtbot, builder.pool)
    key(qtbot, Qt.Key.Key_A, CTRL)
    tab_to(qtbot, builder.put_in)
    when_dialog(lambda dialog: key(qtbot, Qt.Key.Key_Return))
    key(qtbot, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    answered()
    assert in_core(window, 17)[0] == ("史海钩沉", ["秦渠与汉渠", *by_id, "父親的靈武"])

    # 4. Published from the layout dialog: Tab to its state, End picks 已出版, Enter.
    back_to(qtbot, window)
    tab_to(qtbot, builder.settings_button)

    def publish(dialog) -> None:
        tab_to(qtbot, dialog.status)
        key(qtbot, Qt.Key.Key_End)
        assert dialog.status.currentText() == "已出版"
        key(qtbot, Qt.Key.Key_Return)

    when_dialog(publish)
    key(qtbot, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    answered()
    assert window.library.volumes.plan(17).status == "published"
    assert [state_of(window, t) for t in TITLES] == ["已刊"] * 3

    # 5. A slip: Delete on a piece in the catalog, Enter on the question; Ctrl+Z brings it
    # back as it was.
    back_to(qtbot, window)
    key(qtbot, Qt.Key.Key_1, CTRL)
    key(qtbot, Qt.Key.Key_Up)  # the row above the batch, alone
    [slipped] = titles_selected(window)
    when_dialog(lambda dialog: key(qtbot, Qt.Key.Key_Return))
    key(qtbot, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    answered()
    assert slipped not in [m.title for m in window.library.queries.list()]
    back_to(qtbot, window)
    assert window.act_undo.text() == f"&Undo move to trash: 《{slipped}》"
    key(qtbot, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot, window)
    assert state_of(window, slipped) == "已刊"
    assert in_core(window, 17)[0] == ("史海钩沉", ["秦渠与汉渠", *by_id, "父親的靈武"])
