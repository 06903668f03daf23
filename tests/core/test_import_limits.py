"""Hostile and oversized input: each such file is refused before the work, in one line that
names it, the limit and the option raising it; the rest of the run imports, and nothing of
the refused file is stored (no original in files/, no manuscript)."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from PIL import Image as PILImage

from tests.corpus import FIXTURES, docx_with_picture
from wenshi.errors import ImportFileError
from wenshi.imports import ImportResult
from wenshi.library import Library
from wenshi.reading.limits import Limits
from wenshi.records import NewManuscript

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(library: Library, paths, **kw) -> dict[str, ImportResult]:
    return {Path(r.path).name: r for r in library.imports.run(paths, **kw).value}


def assert_only_imported_stored(library: Library, results: dict[str, ImportResult]) -> None:
    """Exactly the imported files have a manuscript and an original in files/."""
    imported = [r for r in results.values() if r.status == "imported"]
    assert len(library.queries.list()) == len(imported)
    assert len(list(library.files.all_files())) == len(imported)


def inbox(tmp_path: Path) -> Path:
    """A folder with one good manuscript, for the bad file to go beside."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_bytes((FIXTURES / "lingzhou.txt").read_bytes())
    return folder


def docx_with(path: Path, body: str, extra: dict[str, bytes] | None = None) -> Path:
    """A real .docx whose body is ``body`` (WordprocessingML), plus ``extra`` parts."""
    document = docx.Document()
    document.add_paragraph("占位")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'
                data = data.encode()
            out.writestr(name, data)
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return path


def paragraphs(n: int, text: str = "字") -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" * n


def unpacked_mb(path: Path) -> str:
    """What the zip directory of ``path`` says it unpacks to, in whole MB."""
    with zipfile.ZipFile(path) as package:
        return f"{sum(info.file_size for info in package.infolist()) / 1024 / 1024:,.0f}"


def declare_size(path: Path, member: str, size: int) -> None:
    """Make the zip directory entry of ``member`` say it unpacks to ``size`` bytes."""
    data = bytearray(path.read_bytes())
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) != -1:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == member.encode():
            struct.pack_into("<I", data, at + 24, size)
        at += 4
    path.write_bytes(bytes(data))


# -- .docx: paragraphs, characters, parts, unpacked size ---------------------------------


def test_docx_of_too_many_paragraphs_is_refused_as_it_is_scanned(library, tmp_path):
    folder = inbox(tmp_path)
    bad = docx_with(folder / "长.docx", paragraphs(200_001))
    results = run(library, [folder])
    assert results["长.docx"].error == (
        f"{bad}：段落超过 200,000 个的上限（可用 --max-paragraphs 放宽）"
    )
    assert results["good.txt"].status == "imported"
    assert_only_imported_stored(library, results)


def test_the_paragraph_limit_can_be_raised(library, tmp_path):
    path = docx_with(tmp_path / "短.docx", paragraphs(30, "灵武文史。"))
    [refused] = run(library, [path], limits=Limits(max_paragraphs=20)).values()
    assert refused.error == f"{path}：段落超过 20 个的上限（可用 --max-paragraphs 放宽）"
    [imported] = run(library, [path], limits=Limits(max_paragraphs=30)).values()
    assert imported.status == "imported"


def test_docx_over_the_character_limit_stops_at_the_limit(library, tmp_path):
    path = docx_with(tmp_path / "多字.docx", paragraphs(3, "灵" * 400))
    [result] = run(library, [path], limits=Limits(max_chars=1000)).values()
    assert result.error == (f"{path}：文字超过一篇稿件 1,000 个字符的上限（可用 --max-chars 放宽）")
    assert_only_imported_stored(library, {"": result})


def test_zip_bomb_is_refused_from_the_zip_directory(library, tmp_path):
    folder = inbox(tmp_path)
    bomb = docx_with(folder / "炸弹.docx", paragraphs(1), {"word/media/x.xml": b""})
    declare_size(bomb, "word/media/x.xml", 1100 * 1024 * 1024)  # 1 KB that says 1.1 GB
    results = run(library, [folder])
    assert results["炸弹.docx"].error == (
        f"{bomb}：解压后有 {unpacked_mb(bomb)} MB，超过 512 MB 的上限，可能是“压缩炸弹”"
        "（可用 --max-unpacked-mb 放宽）"
    )
    assert results["good.txt"].status == "imported"
    assert_only_imported_stored(library, results)


def test_unpacked_size_counts_every_part(library, tmp_path):
    path = docx_with(tmp_path / "大.docx", paragraphs(1), {"word/media/a.bin": b"\0" * 3_000_000})
    [result] = run(library, [path], limits=Limits(max_unpacked_bytes=2 * 1024 * 1024)).values()
    assert unpacked_mb(path) == "4"  # python-docx's template and 3 MB
    assert result.error == (
        f"{path}：解压后有 4 MB，超过 2 MB 的上限，可能是“压缩炸弹”（可用 --max-unpacked-mb 放宽）"
    )


def test_part_that_unpacks_to_more_than_its_entry_says_is_stopped(library, tmp_path):
    folder = inbox(tmp_path)
    liar = docx_with(folder / "谎报.docx", paragraphs(1) + " " * 20_000_000)
    declare_size(liar, "word/document.xml", 40_000)
    results = run(library, [folder])
    assert results["谎报.docx"].error == (
        f"{liar}：其中的“word/document.xml”解压后超过压缩包目录中记载的大小（40,000 字节），"
        "已停止解压（文件已损坏或是“压缩炸弹”）"
    )
    assert results["good.txt"].status == "imported"
    assert_only_imported_stored(library, results)


def test_docx_of_too_many_parts(library, tmp_path):
    parts = {f"customXml/item{n}.bin": b"" for n in range(10_001)}
    path = docx_with(tmp_path / "碎.docx", paragraphs(1), parts)
    count = len(zipfile.ZipFile(path).infolist())
    [result] = run(library, [path]).values()
    assert result.error == (
        f"{path}：包含 {count:,} 个部件，超过 10,000 个的上限（可用 --max-parts 放宽）"
    )


# -- plain text ------------------------------------------------------------------------


def test_text_file_certainly_too_long_is_refused_by_its_size(library, tmp_path):
    folder = inbox(tmp_path)
    big = folder / "巨.txt"
    with open(big, "wb") as file:  # sparse: only its size is ever looked at
        file.write("灵武".encode())
        file.truncate(4 * 5_000_001 + 1)
    results = run(library, [folder])
    assert results["巨.txt"].error == (
        f"{big}：文件有 19 MB，文字必定超过一篇稿件 5,000,000 个字符的上限（可用 --max-chars 放宽）"
    )
    assert results["good.txt"].status == "imported"
    assert_only_imported_stored(library, results)


def test_text_over_the_character_limit_is_refused_once_decoded(library, tmp_path):
    path = tmp_path / "长文.txt"
    path.write_text("灵武\n\n" + "马鸿宾。" * 50, encoding="utf-8")  # 608 bytes
    [result] = run(library, [path], limits=Limits(max_chars=200)).values()
    assert result.error == (
        f"{path}：文字有 204 个字符，超过一篇稿件 200 个字符的上限（可用 --max-chars 放宽）"
    )
    [result] = run(library, [path], limits=Limits(max_chars=204)).values()
    assert result.status == "imported"


# -- file names, links -------------------------------------------------------------------


def undecodable(folder: Path, name: bytes, data: bytes) -> Path:
    """A file whose name is not valid UTF-8, or a skip where the file system refuses one."""
    try:
        with open(os.path.join(os.fsencode(folder), name), "wb") as file:
            file.write(data)
    except OSError:
        pytest.skip("this file system takes only valid UTF-8 names")
    return folder / os.fsdecode(name)


def test_a_name_that_is_not_utf8_is_imported_and_shown_with_escapes(library, tmp_path):
    folder = inbox(tmp_path)
    undecodable(folder, b"\xff\xfe.txt", "灵武旧事\n\n马鸿宾是灵武人。".encode())
    undecodable(folder, b"\xff.docx", "这不是 Word 文件".encode())
    results = run(library, [folder])
    good = results["\\xff\\xfe.txt"]
    assert (good.status, good.path) == ("imported", f"{folder}/\\xff\\xfe.txt")
    assert library.manuscripts.get(good.id).files[0].original_name == "\\xff\\xfe.txt"
    assert results["\\xff.docx"].error == (
        f"{folder}/\\xff.docx：不是有效的 .docx 文件（文件已损坏或不是 Word 文档）"
    )
    assert results["good.txt"].status == "imported"
    assert_only_imported_stored(library, results)


def test_broken_links_are_reported_and_the_rest_imports(library, tmp_path):
    folder = inbox(tmp_path)
    (folder / "丢失.txt").symlink_to(folder / "没有这个文件.txt")
    (folder / "甲.txt").symlink_to(folder / "乙.txt")
    (folder / "乙.txt").symlink_to(folder / "甲.txt")
    (folder / "子").mkdir()
    (folder / "子" / "上级").symlink_to(folder)
    other = tmp_path / "别处"
    other.mkdir()
    (other / "shuidonggou.txt").write_bytes((FIXTURES / "shuidonggou.txt").read_bytes())
    (folder / "子" / "别处").symlink_to(other)  # a link to a folder is followed
    results = {r.path: r for r in library.imports.run([folder]).value}
    assert {path: r.error for path, r in results.items() if r.status == "error"} == {
        f"{folder}/丢失.txt": f"{folder}/丢失.txt：链接指向的文件不存在",
        f"{folder}/甲.txt": f"{folder}/甲.txt：链接形成循环",
        f"{folder}/乙.txt": f"{folder}/乙.txt：链接形成循环",
        f"{folder}/子/上级": f"{folder}/子/上级：链接形成循环",
    }
    imported = sorted(path for path, r in results.items() if r.status == "imported")
    assert imported == [f"{folder}/good.txt", f"{folder}/子/别处/shuidonggou.txt"]
    assert_only_imported_stored(library, {Path(p).name: r for p, r in results.items()})


# -- images ------------------------------------------------------------------------------


def png_header(width: int, height: int) -> bytes:
    """The start of a PNG as large as given: enough for its size to be read, never decoded."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@pytest.fixture
def mid(library: Library) -> int:
    return library.manuscripts.add(NewManuscript(title="横城古渡", body="黄河岸边。")).value


def test_an_image_of_too_many_pixels_is_refused_from_its_header(library, mid, tmp_path):
    huge = tmp_path / "巨幅.png"
    huge.write_bytes(png_header(30000, 30000))
    with pytest.raises(ImportFileError) as refused:
        library.images.attach(mid, huge)
    assert str(refused.value) == (
        f"{huge}：图片 30000×30000 有 900,000,000 像素，超过 200,000,000 像素的上限"
        "（可用 --max-pixels 放宽）"
    )
    assert library.images.list(mid) == [] and list(library.files.all_files()) == []


def test_the_pixel_limit_can_be_raised(library, mid, tmp_path):
    photo = tmp_path / "小.png"
    PILImage.new("RGB", (20, 10), "red").save(photo)
    with pytest.raises(ImportFileError, match="200 像素"):
        library.images.attach(mid, photo, limits=Limits(max_pixels=199))
    assert library.images.attach(mid, photo, limits=Limits(max_pixels=200)).value.width == 20


def test_docx_with_a_picture_of_too_many_pixels_is_refused_as_it_is_read(library, tmp_path):
    folder = inbox(tmp_path)
    path = docx_with_picture(folder / "巨图.docx", png_header(30000, 30000))
    results = run(library, [folder])
    assert results["巨图.docx"].error == (
        f"{path}：巨图-图1.png：图片 30000×30000 有 900,000,000 像素，"
        "超过 200,000,000 像素的上限（可用 --max-pixels 放宽）"
    )
    assert results["good.txt"].status == "imported"
    assert_only_imported_stored(library, results)
