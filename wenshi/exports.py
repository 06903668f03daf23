"""Export operations: every file wenshi writes for people outside it — the 目录, the whole
volume, the 总目录, the 稿酬 sheet, a concordance. Each gathers what it needs from the
library in one place and writes through a temporary file beside the target."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wenshi.authorities import MENTION_HEADERS, mention_rows
from wenshi.citation import gbt7714
from wenshi.citation.reference import Reference
from wenshi.errors import InvalidValueError, NotFoundError
from wenshi.export import payments
from wenshi.export.atomic import atomic_path, check_suffix
from wenshi.export.index_docx import write_index_docx
from wenshi.export.tables import FORMATS as TABLE_FORMATS
from wenshi.export.tables import write_table
from wenshi.export.toc import CATALOGUE_FORMATS, TOC_FORMATS, write_all_volumes_toc, write_toc
from wenshi.export.volume_docx import Figure, write_volume_docx
from wenshi.i18n import _
from wenshi.volumes.fees import Fee
from wenshi.volumes.name_index import build_index

if TYPE_CHECKING:
    from wenshi.library import Library
    from wenshi.volumes.plan import VolumePlan

CONCORDANCE_HEADERS = ["ID", "题名", "位置", "页码", "字段", "前文", "检索词", "后文", "引文"]
# A citation file's format follows its name, as the programs that import it expect.
CITATION_SUFFIXES = {".txt": "gbt7714", ".ris": "ris", ".json": "csl-json", ".bib": "bibtex"}


class Exports:
    def __init__(self, library: Library) -> None:
        self.library = library

    def _target(self, path: Path):
        return atomic_path(Path(path), self.library.session)

    def toc(self, number: int, path: Path, fmt: str | None = None) -> Path:
        """The 目录 of a volume as .docx, .md, .html or .csv (``fmt`` must match the name)."""
        path = Path(path)
        if fmt is not None and path.suffix.lower() != f".{fmt}":
            raise InvalidValueError(
                _("{path}：文件扩展名与 --format {fmt} 不符").format(path=path, fmt=fmt)
            )
        check_suffix(path, TOC_FORMATS, _("目录"))
        plan = self.library.volumes.plan(number)
        with self._target(path) as tmp:
            write_toc(plan, tmp)
        return path

    def volume(self, number: int, path: Path, indexes: tuple[str, ...] = ()) -> int:
        """The whole volume for the typesetter (.docx), with the 人名/地名索引 of
        ``indexes`` (person, place) at its end; returns the number of articles."""
        path = Path(path)
        check_suffix(path, (".docx",), _("成书文件"))
        plan = self.library.volumes.plan(number)
        ids = [item.id for section in plan.sections for item in section.items]
        bodies = self.library.index.docs.originals(ids)
        figures = {mid: self._figures(mid) for mid in ids}
        built = [build_index(self.library, number, kind) for kind in indexes]
        with self._target(path) as tmp:
            write_volume_docx(plan, bodies, tmp, figures, built)
        return plan.totals.articles

    def _figures(self, manuscript_id: int) -> list[Figure]:
        """The photos of a manuscript as printed; a missing original is named, not skipped."""
        figures = []
        for image in self.library.images.list(manuscript_id):
            if not image.path:
                raise NotFoundError(
                    _(
                        "稿件 {manuscript_id} 的图片 {position}（{original_name}）"
                        "的原始文件已不在文库中"
                    ).format(
                        manuscript_id=manuscript_id,
                        position=image.position,
                        original_name=image.original_name,
                    )
                )
            figures.append(Figure(Path(image.path), image.caption))
        return figures

    def all_volumes_toc(self, path: Path) -> int:
        """The 总目录 of every volume (.docx or .csv); returns the number of volumes."""
        check_suffix(Path(path), CATALOGUE_FORMATS, _("总目录"))
        plans = self.library.volumes.all_plans()
        if not plans:
            raise InvalidValueError(_("文库中还没有任何一辑，无法生成总目录"))
        with self._target(Path(path)) as tmp:
            write_all_volumes_toc(plans, tmp)
        return len(plans)

    def payments(self, number: int, path: Path, default_rate: float | None = None) -> list[Fee]:
        """The 稿酬 sheet of a volume (.xlsx or .csv); returns its lines."""
        check_suffix(Path(path), TABLE_FORMATS, _("表格"))
        lines = self.library.volumes.payments(number, default_rate)
        with self._target(Path(path)) as tmp:
            payments.write_payments(lines, tmp)
        return lines

    def concordance(
        self, query: str, path: Path, *, include_rejected: bool = False, context: int = 20
    ) -> int:
        """Every occurrence of a query with its context and its citation (GB/T 7714, at
        the hit's page where the text has pages) (.csv or .xlsx); returns the count."""
        check_suffix(Path(path), TABLE_FORMATS, _("表格"))
        lines = self.library.search.concordance(
            query, include_rejected=include_rejected, context=context
        )
        cite = self._citer()
        rows = [
            [
                c.id,
                c.title,
                c.offset,
                c.page if c.page is not None else "",
                "题名" if c.field == "title" else "正文",
                c.before,
                c.match,
                c.after,
                cite(c.id, c.page),
            ]
            for c in lines
        ]
        with self._target(Path(path)) as tmp:
            write_table(tmp, CONCORDANCE_HEADERS, rows, sheet="索引")
        return len(lines)

    def _citer(self):
        """cite(id, page): the GB/T 7714 citation of a hit, "" for a piece in no volume;
        each article's facts are gathered once however many hits it has."""
        references: dict[int, Reference | None] = {}
        plans: dict[int, VolumePlan] = {}  # each volume's plan once for all its hits

        def cite(manuscript_id: int, page: int | None) -> str:
            if manuscript_id not in references:
                try:
                    references[manuscript_id] = self.library.citations.reference(
                        manuscript_id, plans=plans
                    )
                except InvalidValueError:  # not in a volume: nothing to cite it by
                    references[manuscript_id] = None
            ref = references[manuscript_id]
            if ref is None:
                return ""
            return gbt7714.entry(ref.at_page(page) if page is not None else ref)

        return cite

    def citations(
        self, ids: list[int], path: Path, *, page: int | None = None, style: str | None = None
    ) -> int:
        """The citations of ``ids`` in a file whose name gives the format (.txt GB/T 7714,
        .ris, .json CSL-JSON, .bib BibTeX); returns how many were written."""
        path = Path(path)
        suffix = check_suffix(path, tuple(CITATION_SUFFIXES), _("引文"))
        if style is not None and CITATION_SUFFIXES[suffix] != style:
            raise InvalidValueError(
                _("{path}：文件扩展名与 --format {fmt} 不符").format(path=path, fmt=style)
            )
        text = self.library.citations.cite(ids, page=page, style=CITATION_SUFFIXES[suffix])
        with self._target(path) as tmp:
            tmp.write_text(text, encoding="utf-8")
        return len(ids)

    def mentions(self, kind: str, name: str, path: Path) -> int:
        """The articles that mention a person or place, as a table (.csv or .xlsx)."""
        check_suffix(Path(path), TABLE_FORMATS, _("表格"))
        mentions = self.library.authorities.mentions(kind, name)
        with self._target(Path(path)) as tmp:
            write_table(tmp, MENTION_HEADERS, mention_rows(mentions), sheet=name[:31])
        return len(mentions)

    def name_index(self, number: int, kind: str, path: Path) -> int:
        """The 人名索引 (``kind`` person) or 地名索引 (place) of a volume, as .docx (two
        columns, pages right-aligned) or .csv; returns the number of lines."""
        path = Path(path)
        suffix = check_suffix(path, (".docx", ".csv"), _("索引"))
        index = build_index(self.library, number, kind)
        with self._target(path) as tmp:
            if suffix == ".docx":
                write_index_docx(self.library.volumes.plan(number), index, tmp)
            else:
                rows = [
                    [e.name, e.pinyin, ", ".join(map(str, e.pages)), e.see] for e in index.entries
                ]
                write_table(tmp, ["名称", "拼音", "页码", "见"], rows, sheet="索引")
        return len(index.entries)
