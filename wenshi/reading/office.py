"""Word 97–2003 (.doc), Kingsoft WPS (.wps), RTF and OpenDocument (.odt) through LibreOffice.

LibreOffice reads all of these as well as anything does; it runs headless and turns each
file into .docx, which then takes the one .docx path (footnotes, tables and furniture
included). Every conversion gets a user profile of its own, so a LibreOffice the user has
open is neither disturbed nor waited for, and a time limit, so a file that makes
LibreOffice hang fails alone: its whole process group is killed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from wenshi.errors import ImportFileError
from wenshi.i18n import N_, _
from wenshi.reading.document import Document
from wenshi.reading.docx import extract_docx
from wenshi.reading.limits import over_limit

if TYPE_CHECKING:
    from wenshi.reading import ReadOptions

NAMES = {
    "doc": N_(" Word 97–2003 文档"),
    "wps": N_(" WPS 文字文档"),
    "rtf": N_(" RTF 文档"),
    "odt": N_(" ODF 文本文档"),
}
INSTALL_HINT = N_(
    "需要安装 LibreOffice 才能导入 .doc、.wps、.rtf、.odt 文件"
    "（Debian/Ubuntu：sudo apt install libreoffice-writer；"
    "Windows/macOS：从 libreoffice.org 安装），"
    "或在 Word/WPS 中另存为 .docx"
)


def soffice() -> str | None:
    """The LibreOffice program: ``WENSHI_SOFFICE`` if set, else the first on PATH."""
    named = os.environ.get("WENSHI_SOFFICE")
    if named:
        return named if Path(named).exists() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_office(data: bytes, kind: str, name: str, options: ReadOptions) -> Document:
    docx = convert_to_docx(data, kind, name, options.limits.convert_timeout)
    document = extract_docx(docx, name, options.limits)
    document.kind = kind
    document.converted_by = "LibreOffice"
    return document


def convert_to_docx(data: bytes, kind: str, name: str, timeout: float) -> bytes:
    """The bytes of ``data`` converted to .docx by LibreOffice, or an ``ImportFileError``."""
    program = soffice()
    if program is None:
        raise ImportFileError(_("{name}：{hint}").format(name=name, hint=_(INSTALL_HINT)))
    with tempfile.TemporaryDirectory(prefix="wenshi-convert-") as work:
        folder = Path(work)
        source = folder / f"source.{kind}"  # LibreOffice picks its filter by content anyway
        source.write_bytes(data)
        out = folder / "out"
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ]
        _run(command, name, timeout)
        result = out / "source.docx"
        if not result.exists():
            raise ImportFileError(
                _(
                    "{name}：LibreOffice 无法打开此文件（文件已损坏、加了密码，或不是{value}）"
                ).format(name=name, value=_(NAMES[kind]))
            )
        return result.read_bytes()


def _run(command: list[str], name: str, timeout: float) -> None:
    """Run LibreOffice in a process group of its own; past ``timeout`` kill the group."""
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as exc:
        raise ImportFileError(
            _("{name}：无法启动 LibreOffice（{value}）").format(
                name=name, value=exc.strerror or exc
            )
        ) from exc
    try:
        process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise over_limit(
            name,
            _("LibreOffice 转换超过 {timeout:g} 秒仍未完成，已停止，文件可能已损坏").format(
                timeout=timeout
            ),
            "convert_timeout",
        ) from None
