"""Search: a query box with the syntax hint, ranked results with highlighted snippets,
facets by 辑 and state, paging, and opening a result at its first hit; a result's menu
opens it or copies its hits with the title and page, to quote elsewhere."""

from __future__ import annotations

import html
import time
from collections.abc import Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.citing import citation_menu, copy_citation, not_citable
from ui.hub import Hub
from ui.labels import page_label, volume_place
from ui.tasks import Slices
from wenshi import workflow
from wenshi.search import engine

PAGE = 20
SLICE_S = 0.008  # GUI-thread time spent making result widgets before the window may paint
HINT = QT_TRANSLATE_NOOP(
    "SearchPanel",
    'Spaces: all terms · OR: either · -term: without · "a phrase" · ( ) groups · '
    "title: author: volume:10-17 section: status: year:2020-2022 tag: "
    "person: place: period:1930-1939",
)


def marked_html(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` escaped, the [start, end) spans marked as the editor marks hits."""
    out, last = [], 0
    for start, end in spans:
        out.append(html.escape(text[last:start]))
        out.append(
            f'<span style="background:#ffe08a;color:#8a1c00">{html.escape(text[start:end])}</span>'
        )
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def quoted(hit: engine.SearchHit) -> str:
    """A result as an editor quotes it: a line per snippet, each with the title and the
    printed page it is on (where the text has pages); the title alone if no snippet."""
    title = f"《{hit.title}》"
    lines = [
        title + (f"第{s.page}页" if s.page is not None else "") + f"：{s.text}"
        for s in hit.snippets
    ]
    return "\n".join(lines or [title])


def hit_count(hit: engine.SearchHit) -> str:
    """How often the query stands in the text — the figure the editor shows as "Hit 1 of N"
    when the result is opened — and in the title, which the editor does not count."""
    translate = QCoreApplication.translate
    parts = []
    if hit.body_hits:
        text = translate("SearchPanel", "%1 in the text")
        parts.append(text.replace("%1", str(hit.body_hits)))
    if hit.hits > hit.body_hits:
        text = translate("SearchPanel", "%1 in the title")
        parts.append(text.replace("%1", str(hit.hits - hit.body_hits)))
    return translate("SearchPanel", ", ").join(parts)


class ResultWidget(QLabel):
    """One result: title line, then its snippets with the hits marked."""

    def __init__(self, hit: engine.SearchHit) -> None:
        place = volume_place(hit.volume, hit.section)
        rejected = ' <span style="color:#b00">［退稿］</span>' if hit.status == "rejected" else ""
        title = marked_html(hit.title, hit.title_highlights)
        lines = [
            f'<b style="font-size:13pt">{title}</b>{rejected}',
            f'<span style="color:#555">{html.escape("、".join(hit.authors))}　{place}　'
            f"{hit.status_label}　{html.escape(hit_count(hit))}</span>",
        ]
        if hit.names:  # person:/place: — under which of its names this text has it
            used = QCoreApplication.translate("SearchPanel", "as %1").replace(
                "%1", "、".join(hit.names)
            )
            lines[1] = lines[1].replace("</span>", f"　{html.escape(used)}</span>")
        lines += [
            (
                f'<span style="color:#8a6d3b">{page_label(s.page)}</span>　'
                if s.page is not None
                else ""
            )
            + f'<span style="color:#222">{marked_html(s.text, s.highlights)}</span>'
            for s in hit.snippets
        ]
        super().__init__("<br>".join(lines))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setContentsMargins(6, 6, 6, 6)
        # Clicks belong to the list (select, double-click to open), not to the label.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


class SearchPanel(QWidget):
    """Emits ``open_hit(id, query)`` when a result is opened."""

    open_hit = Signal(int, str)

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Search every volume: a name, a place, a phrase…"))
        self.query.setClearButtonEnabled(True)
        self.go = QPushButton(self.tr("Search"))
        self.rejected = QCheckBox(self.tr("Include rejected"))
        self.sort = QComboBox()
        for key, label in (
            ("relevance", QT_TRANSLATE_NOOP("SearchPanel", "Relevance")),
            ("volume", QT_TRANSLATE_NOOP("SearchPanel", "Volume")),
            ("date", QT_TRANSLATE_NOOP("SearchPanel", "Date received")),
            ("title", QT_TRANSLATE_NOOP("SearchPanel", "Title")),
        ):
            self.sort.addItem(self.tr(label), key)
        self.hint = QLabel(self.tr(HINT))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.summary = QLabel()
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.volumes = QListWidget()
        self.statuses = QListWidget()
        self.decades = QListWidget()
        self.prev = QPushButton(self.tr("◀ Previous page"))
        self.next = QPushButton(self.tr("Next page ▶"))

        bar = QHBoxLayout()
        bar.addWidget(self.query, 1)
        bar.addWidget(self.go)
        bar.addWidget(self.sort)
        bar.addWidget(self.rejected)
        facets = QVBoxLayout()
        facets.addWidget(QLabel(self.tr("By volume")))
        facets.addWidget(self.volumes)
        facets.addWidget(QLabel(self.tr("By state")))
        facets.addWidget(self.statuses)
        facets.addWidget(QLabel(self.tr("By period the texts mention")))
        facets.addWidget(self.decades)
        facet_box = QWidget()
        facet_box.setLayout(facets)
        split = QSplitter()
        split.addWidget(self.results)
        split.addWidget(facet_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        paging = QHBoxLayout()
        paging.addWidget(self.summary, 1)
        paging.addWidget(self.prev)
        paging.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(split, 1)
        layout.addLayout(paging)

        self.offset = 0
        self.last: engine.SearchResults | None = None
        self._building: Slices | None = None
        self._indexing = False  # the summary shows the index being built
        self.query.returnPressed.connect(self.search)
        self.go.clicked.connect(self.search)
        self.sort.activated.connect(self.search)
        self.rejected.toggled.connect(self.search)
        self.prev.clicked.connect(lambda: self._page(-PAGE))
        self.next.clicked.connect(lambda: self._page(PAGE))
        self.results.itemActivated.connect(self._open)
        self.results.customContextMenuRequested.connect(self._result_menu)
        self.volumes.itemActivated.connect(self._narrow)
        hub.index_progress.connect(self._index_progress)
        self.volumes.itemClicked.connect(self._narrow)
        self.statuses.itemClicked.connect(self._narrow)
        self.decades.itemClicked.connect(self._narrow)
        self._update_paging()

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def search(self) -> None:
        self.offset = 0
        self._run()

    def _page(self, delta: int) -> None:
        self.offset = max(0, self.offset + delta)
        self._run()

    def _run(self) -> None:
        text = self.query.text().strip()
        if not text:
            return
        search = self.hub.library.search
        options = dict(
            limit=PAGE,
            offset=self.offset,
            include_rejected=self.rejected.isChecked(),
            sort=self.sort.currentData(),
            facets=True,
        )
        self.summary.setText(self.tr("Searching…"))

        def failed(exc: BaseException) -> None:
            self.summary.setText(f'<span style="color:#b00">{html.escape(str(exc))}</span>')

        self.hub.read(lambda _p: search.search(text, **options), self._show, self, on_error=failed)

    def _index_progress(self, done: int, total: int) -> None:
        """While the index is first built a search waits behind it: say so, with how far."""
        if done < total:
            self.summary.setText(
                self.tr("Building the search index (once for this library): %1 of %2 manuscripts…")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )
            self._indexing = True
        elif self._indexing:
            self._indexing = False
            self.summary.setText(self.tr("Searching…") if self.query.text().strip() else "")

    def _show(self, results: engine.SearchResults) -> None:
        self.last = results
        self.results.clear()
        if self._building is not None:
            self._building.cancel()  # the rest of an older page
        self._building = self.hub.tasks.slices(self._add_results(results.hits))
        if results.total:
            self.summary.setText(
                self.tr("%1 manuscripts match; showing %2–%3")
                .replace("%1", str(results.total))
                .replace("%2", str(results.offset + 1))
                .replace("%3", str(results.offset + len(results.hits)))
            )
        else:
            self.summary.setText(self.tr("Nothing found for “%s”") % results.query)
        self.volumes.clear()
        for number, count in sorted(
            results.by_volume.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)
        ):
            label = f"第{number}辑" if number is not None else self.tr("Not in a volume")
            item = QListWidgetItem(f"{label}　{count}")
            item.setData(Qt.ItemDataRole.UserRole, f"volume:{number}" if number else "")
            self.volumes.addItem(item)
        self.statuses.clear()
        for status, count in sorted(
            results.by_status.items(), key=lambda kv: workflow.STATUSES.index(kv[0])
        ):
            item = QListWidgetItem(f"{workflow.label(status)}　{count}")
            item.setData(Qt.ItemDataRole.UserRole, f"status:{workflow.label(status)}")
            self.statuses.addItem(item)
        self.decades.clear()
        for decade, count in results.by_decade.items():
            label = self.tr("%1s").replace("%1", str(decade)) if decade >= 0 else str(decade)
            item = QListWidgetItem(f"{label}　{count}")
            item.setData(Qt.ItemDataRole.UserRole, f"period:{decade}-{decade + 9}")
            self.decades.addItem(item)
        self._update_paging()

    def _add_results(self, hits: list[engine.SearchHit]) -> Iterator[None]:
        """The result widgets, as many per event-loop turn as fit in ``SLICE_S``: laying
        out twenty rich-text snippets at once held the window for tens of milliseconds."""
        width = max(400, self.results.viewport().width() - 10)
        started = time.perf_counter()
        for hit in hits:
            if time.perf_counter() - started > SLICE_S:
                yield
                started = time.perf_counter()
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            widget = ResultWidget(hit)
            widget.setFixedWidth(width)
            item.setSizeHint(widget.sizeHint())
            self.results.addItem(item)
            self.results.setItemWidget(item, widget)
        self._building = None

    def _update_paging(self) -> None:
        total = self.last.total if self.last else 0
        self.prev.setEnabled(self.offset > 0)
        self.next.setEnabled(self.offset + PAGE < total)

    def _narrow(self, item: QListWidgetItem) -> None:
        term = item.data(Qt.ItemDataRole.UserRole)
        if term and term not in self.query.text().split():
            self.query.setText(f"{self.query.text().strip()} {term}")
            self.search()

    def _open(self, item: QListWidgetItem) -> None:
        if self.last is not None:
            self.open_hit.emit(item.data(Qt.ItemDataRole.UserRole), self.last.query)

    def _result_menu(self, pos: QPoint) -> None:
        item = self.results.itemAt(pos)
        if item is None or self.last is None:
            return
        mid, query = item.data(Qt.ItemDataRole.UserRole), self.last.query
        hit = next(h for h in self.last.hits if h.id == mid)
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_hit.emit(mid, query))
        menu.addAction(
            self.tr("Copy the hits with title and page"),
            lambda: QApplication.clipboard().setText(quoted(hit)),
        )
        # Cited at the page of the first hit shown, where the text has printed pages.
        page = next((s.page for s in hit.snippets if s.page is not None), None)
        citation_menu(
            menu,
            lambda style: copy_citation(self.hub, self, [mid], style, page),
            not_citable([hit.volume]),
        )
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.results.viewport().mapToGlobal(pos))
