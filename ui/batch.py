"""Work on the catalog's whole selection at once: one review step with one opinion for
all of it, a tag added or taken away. Each is one core write (all or none) and one Undo.

A single manuscript's step still goes through its review panel (the trail shows it at
once); this is for the twenty pieces an editor moves on together after a meeting.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QInputDialog, QWidget

from ui.dialogs import OpinionDialog
from ui.hub import Hub
from wenshi import browse, workflow

Place = tuple[int, str, int] | None  # volume, section, 1-based position


def named(titles: Sequence[str], most: int = 3) -> str:
    """《甲》、《乙》、《丙》… — what a confirmation or an undo names."""
    text = "、".join(f"《{t}》" for t in titles[:most])
    return text + ("…" if len(titles) > most else "")


class Batch(QObject):
    """Carries out the selection's batch actions for the window (``parent`` owns the
    dialogs); the actor typed into one opinion dialog is offered in the next."""

    def __init__(self, hub: Hub, parent: QWidget) -> None:
        super().__init__(parent)
        self.hub = hub
        self.window = parent
        self.actor = ""

    def review(self, ids: list[int], titles: list[str], statuses: list[str], target: str) -> None:
        """Ask once for who and why, then move every one of ``ids`` to ``target``."""
        froms = {workflow.label(s) for s in statuses}
        step = (
            self.tr("%1 manuscripts (%2): %3 → %4")
            .replace("%1", str(len(ids)))
            .replace("%2", named(titles))
            .replace("%3", "、".join(sorted(froms)))
            .replace("%4", workflow.label(target))
        )
        dialog = OpinionDialog(self.window, workflow.label(target), self.actor, step)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.actor = actor = dialog.actor.text().strip()
        opinion = dialog.opinion.toPlainText().strip()
        manuscripts = self.hub.library.manuscripts
        before: list[tuple[int, tuple[str, str], Place]] = []

        def take_steps(_progress) -> object:
            before.clear()
            for mid in ids:  # where each stood, for the undo
                detail = manuscripts.get(mid)
                place = None
                if detail.volume is not None and detail.section is not None:
                    place = (detail.volume, detail.section, (detail.position or 0) + 1)
                before.append((mid, (detail.status, target), place))
            return manuscripts.transition_many(ids, target, actor, opinion)

        def done(_result) -> None:
            steps = list(before)
            label = (
                self.tr("review step → %1: %2 manuscripts")
                .replace("%1", workflow.label(target))
                .replace("%2", str(len(ids)))
            )
            self.hub.undo.push(label, lambda: manuscripts.undo_steps(steps, actor))

        self.hub.run_op(take_steps, done, self.window)

    def tag(self, ids: list[int], titles: list[str], add: bool) -> None:
        """Ask for one tag (the library's tags offered, a new one typed) and add it to, or
        take it from, every selected manuscript."""
        library = self.hub.library
        self.hub.read(
            lambda _p: [node.label for node in browse.counts(library).tags],
            lambda tags: self._ask_tag(ids, titles, add, tags),
            self.window,
        )

    def _ask_tag(self, ids: list[int], titles: list[str], add: bool, tags: list[str]) -> None:
        what = named(titles)
        if add:
            title, prompt = self.tr("Add a tag"), self.tr("Tag to add to %1 manuscripts (%2):")
        else:
            title, prompt = (
                self.tr("Remove a tag"),
                self.tr("Tag to take from %1 manuscripts (%2):"),
            )
        prompt = prompt.replace("%1", str(len(ids))).replace("%2", what)
        tag, ok = QInputDialog.getItem(self.window, title, prompt, tags, 0, add)
        tag = tag.strip()
        if not ok or not tag:
            return
        manuscripts = self.hub.library.manuscripts
        give, take = ([tag], []) if add else ([], [tag])

        def done(changes) -> None:
            changed = list(changes.value)
            if not changed:
                return
            label = (
                (self.tr("add tag %1: %2") if add else self.tr("remove tag %1: %2"))
                .replace("%1", tag)
                .replace("%2", what)
            )
            self.hub.undo.push(label, lambda: manuscripts.retag(changed, take, give))

        actor = self.actor
        self.hub.run_op(lambda _p: manuscripts.retag(ids, give, take, actor), done, self.window)
