"""The Chinese interface: every string in ui/ has a finished translation in the .ts, the
translations keep their placeholders and mnemonics, and the compiled .qm is what the
program loads by default (English only when the setting says so)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "wenshi_zh_CN.ts"
QM = I18N / "wenshi_zh_CN.qm"
PLACEHOLDER = re.compile(r"%p%|%\d|%[ds]")
MNEMONIC = re.compile(r"&(?!&)(\w)")


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


def test_every_message_is_translated():
    translated = messages(TS)
    assert translated
    problems = [
        f"{context}: {source!r}"
        for (context, source), translation in translated.items()
        if translation is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]
    assert not problems, "unfinished or empty translations:\n" + "\n".join(problems)


def test_translations_keep_placeholders_and_mnemonics():
    problems = []
    for (context, source), translation in messages(TS).items():
        text = translation.text or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} -> {text!r} (placeholders)")
        if len(MNEMONIC.findall(source)) != len(MNEMONIC.findall(text)):
            problems.append(f"{context}: {source!r} -> {text!r} (mnemonic)")
    assert not problems, "\n".join(problems)


def test_every_ui_string_has_a_translation(tmp_path):
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    sources = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "ui").rglob("*.py"))]
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, *sources, "-no-obsolete", "-locations", "none", "-silent", "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    found = messages(fresh)
    assert found, "lupdate found no strings in ui/"
    committed = messages(TS)
    missing = [
        f"{context}: {source!r}"
        for context, source in found
        if (context, source) not in committed
        or committed[(context, source)].get("type") is not None
        or not (committed[(context, source)].text or "").strip()
    ]
    assert not missing, (
        "strings in ui/ without a finished translation in "
        f"{TS.name} (run the lupdate command in resources/i18n/README.md):\n" + "\n".join(missing)
    )


def test_chinese_by_default_english_on_request(qapp):
    from PySide6.QtCore import QCoreApplication

    from ui.labels import page_label, volume_place, words_label
    from ui.language import install_translators
    from ui.widgets.welcome import WelcomePage

    assert QM.exists(), "compile the .ts with pyside6-lrelease (resources/i18n/README.md)"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    translators = install_translators(qapp, "zh_CN")
    try:
        assert translators
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert QCoreApplication.translate("MainWindow", "&Import files…") == "导入文件(&I)…"
        assert QCoreApplication.translate("CatalogModel", "Words") == "字数"
        assert volume_place(17, "史海钩沉") == "第17辑 · 史海钩沉"  # ui/labels.py
        assert page_label(12) == "第12页"
        assert words_label(2216) == "2,216 字"
        page = WelcomePage("/tmp/library")  # self.tr() in a Python subclass
        assert page.import_button.text() == "导入文件夹…"
        page.deleteLater()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"

    assert install_translators(qapp, "en") == []
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
