"""The zip package of a .docx checked against the limits before python-docx parses it.

python-docx unpacks every part into memory and parses the text into an lxml tree, which
costs hundreds of bytes a paragraph: a 5 MB file of two million short paragraphs took
minutes and gigabytes, and a 1 MB one of a single part of 1 GB was unpacked whole before
it was found broken. So the zip directory is checked first (how many parts, how large
unpacked), then every part is unpacked a piece at a time — a part that holds more than
its directory entry says is refused there, which zipfile would not notice before
unpacking it all — and the text parts are counted as they stream by (paragraphs and
characters), stopping at the first limit passed.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from xml.parsers import expat

from wenshi.errors import ImportFileError
from wenshi.i18n import _
from wenshi.reading.limits import Limits, megabytes, over_limit

_CHUNK = 1 << 20
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, …, name length, extra field length
_LOCAL_SIGNATURE = b"PK\x03\x04"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main "
_PARAGRAPH, _TEXT = _W + "p", _W + "t"


def check_package(data: bytes, name: str, limits: Limits) -> None:
    """Refuse a package over a limit; a damaged one raises what zipfile and zlib raise
    (``zipfile.BadZipFile``, ``zlib.error``), for the caller to report as damaged."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = package.infolist()
    if len(members) > limits.max_parts:
        raise over_limit(
            name,
            _("包含 {count:,} 个部件，超过 {max_parts:,} 个的上限").format(
                count=len(members), max_parts=limits.max_parts
            ),
            "max_parts",
        )
    declared = sum(member.file_size for member in members)
    if declared > limits.max_unpacked_bytes:
        raise over_limit(name, _unpacked_over(declared, limits), "max_unpacked_bytes")
    budget = _TextBudget(name, limits)
    for member in members:
        parser = budget.parser() if member.filename.endswith(".xml") else None
        for chunk in _unpacked(data, member, name):
            if parser is not None:
                try:
                    parser.Parse(chunk, False)
                except expat.ExpatError:  # not well-formed: python-docx says so if it matters
                    parser = None


def _unpacked_over(size: int, limits: Limits) -> str:
    return (
        f"解压后有 {megabytes(size)}，超过 {megabytes(limits.max_unpacked_bytes)} 的上限，"
        "可能是“压缩炸弹”"
    )


def _unpacked(data: bytes, member: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """The bytes of one part a megabyte at a time, never more than its entry declares."""
    signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(data, member.header_offset)
    if signature != _LOCAL_SIGNATURE:
        raise zipfile.BadZipFile(member.filename)
    start = member.header_offset + _LOCAL_HEADER.size + name_length + extra_length
    packed = memoryview(data)[start : start + member.compress_size]
    if member.compress_type == zipfile.ZIP_STORED:
        for at in range(0, min(len(packed), member.file_size), _CHUNK):
            yield bytes(packed[at : min(at + _CHUNK, member.file_size)])
        return
    if member.compress_type != zipfile.ZIP_DEFLATED:  # the only two a package may use
        raise zipfile.BadZipFile(member.filename)
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size = 0
    for at in range(0, len(packed), _CHUNK):
        pending = packed[at : at + _CHUNK]
        while True:
            chunk = inflater.decompress(pending, _CHUNK)
            size += len(chunk)
            if size > member.file_size:
                raise ImportFileError(
                    _(
                        "{name}：其中的“{filename}”解压后超过压缩包目录中记载的大"
                        "小（{megabytes}），已停止解压（文件已损坏或是“压缩炸弹”）"
                    ).format(
                        name=name, filename=member.filename, megabytes=megabytes(member.file_size)
                    )
                )
            yield chunk
            pending = inflater.unconsumed_tail
            if not pending and len(chunk) < _CHUNK:
                break
        if inflater.eof:
            break


class _TextBudget:
    """Paragraphs and characters of the text parts, counted as they are unpacked."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name, self.limits = name, limits
        self.paragraphs = self.chars = 0
        self.in_text = 0

    def parser(self) -> expat.XMLParserType:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True  # a text in one call, not one per line of it
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        return parser

    def _start(self, tag: str, _attributes: dict[str, str]) -> None:
        if tag == _TEXT:
            self.in_text += 1
        elif tag == _PARAGRAPH:
            self.paragraphs += 1
            if self.paragraphs > self.limits.max_paragraphs:
                raise over_limit(
                    self.name,
                    _("段落超过 {max_paragraphs:,} 个的上限").format(
                        max_paragraphs=self.limits.max_paragraphs
                    ),
                    "max_paragraphs",
                )

    def _end(self, tag: str) -> None:
        if tag == _TEXT:
            self.in_text -= 1

    def _text(self, text: str) -> None:
        if self.in_text:
            self.chars += len(text)
            if self.chars > self.limits.max_chars:
                raise over_limit(
                    self.name,
                    _("文字超过一篇稿件 {max_chars:,} 个字符的上限").format(
                        max_chars=self.limits.max_chars
                    ),
                    "max_chars",
                )
