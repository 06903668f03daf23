"""Reading manuscripts and volumes of every format an office holds into a ``Document``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wenshi.errors import ImportFileError
from wenshi.fsutil import printable
from wenshi.i18n import _
from wenshi.progress import Progress
from wenshi.reading.document import Document
from wenshi.reading.limits import DEFAULT_LIMITS, Limits, megabytes, over_limit

# Suffix -> kind. The office formats are converted by LibreOffice, images read by OCR.
KINDS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".doc": "doc",
    ".wps": "wps",
    ".rtf": "rtf",
    ".odt": "odt",
    ".pdf": "pdf",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    ".tif": "image",
    ".tiff": "image",
    ".bmp": "image",
}
# The signature of an OLE2 compound file: Word 97–2003, WPS, and encrypted .docx.
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OFFICE_KINDS = frozenset({"doc", "wps", "rtf", "odt"})
PLAIN_KINDS = frozenset({"txt", "md"})
OCR_MODES = ("auto", "always", "never")


@dataclass
class ReadOptions:
    """How to read: ``encoding`` of plain text (None: detect), ``ocr`` for PDFs (auto: only
    pages without a usable text layer; always; never), the limits, and where to report."""

    encoding: str | None = None
    ocr: str = "auto"
    limits: Limits = DEFAULT_LIMITS
    progress: Progress = field(default_factory=Progress)
    password: str | None = None  # of an encrypted PDF
    ocr_cache: Path | None = None  # folder keeping each OCR'd page, so a stopped run resumes


def kind_of(path: Path) -> str:
    """The kind of file ``path`` names by its suffix, or a refusal naming what is readable."""
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise ImportFileError(
            _(
                "{name}：不支持的文件类型“{value}”；可导入 .txt、.md"
                "、.docx、.doc、.wps、.rtf、.odt、.pdf 和图片（.jpg、.png"
                "、.tif）"
            ).format(name=printable(path), value=printable(path.suffix) or _("（无扩展名）"))
        )
    return kind


def read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            _("{name}：无法读取（{value}）").format(name=printable(path), value=exc.strerror or exc)
        ) from exc
    if not data:
        raise ImportFileError(_("{name}：文件为空").format(name=printable(path)))
    return data


def read_document(path: Path, options: ReadOptions | None = None) -> tuple[bytes, Document]:
    """Read one file: its bytes and what they hold. Raises ``ImportFileError`` naming the
    file and the reason when it cannot be read; a text file certainly over the
    ``max_chars`` limit is refused by its size, before it is read."""
    options = options or ReadOptions()
    kind = kind_of(path)
    name = printable(path)
    if kind in PLAIN_KINDS:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # read_bytes says why
        # No encoding takes more than 4 bytes a character (UTF-32 adds a 4-byte BOM).
        if size > 4 * (options.limits.max_chars + 1):
            raise _too_long(
                name,
                _("文件有 {megabytes}，文字必定").format(megabytes=megabytes(size)),
                options.limits,
            )
    data = read_bytes(path)
    return data, read_data(data, kind, name, options)


def _too_long(name: str, what: str, limits: Limits) -> ImportFileError:
    return over_limit(
        name,
        _("{what}超过一篇稿件 {max_chars:,} 个字符的上限").format(
            what=what, max_chars=limits.max_chars
        ),
        "max_chars",
    )


def read_data(data: bytes, kind: str, name: str, options: ReadOptions) -> Document:
    """The ``Document`` in ``data`` of ``kind``, refused if its text is over the
    ``max_chars`` limit; ``name`` is for messages."""
    document = _read_kind(data, kind, name, options)
    if len(document.text) > options.limits.max_chars:
        raise _too_long(
            name, _("文字有 {count:,} 个字符，").format(count=len(document.text)), options.limits
        )
    return document


def _read_kind(data: bytes, kind: str, name: str, options: ReadOptions) -> Document:
    if kind == "docx" and data.startswith(OLE2):
        kind = "doc"  # a .doc renamed .docx, or an encrypted .docx: LibreOffice tells which
    if kind == "docx":
        from wenshi.reading.docx import extract_docx

        return extract_docx(data, name, options.limits)
    if kind in OFFICE_KINDS:
        from wenshi.reading.office import read_office

        return read_office(data, kind, name, options)
    if kind == "pdf":
        from wenshi.reading.pdf import read_pdf

        return read_pdf(data, name, options)
    if kind == "image":
        from wenshi.reading.scan import read_image

        return read_image(data, name, options)
    from wenshi.reading.plain import read_plain

    return read_plain(data, kind, name, options)
