"""The core's messages are translatable: every message marked in wenshi/ (``_`` and
``N_``) has an English translation that keeps its placeholders, the compiled catalogue
is the .po as it stands, the English interface gets English refusals from the core, and
the command line stays Chinese whatever the machine's locale."""

from __future__ import annotations

import gettext
import os
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from wenshi import i18n
from wenshi.errors import InvalidValueError
from wenshi.library import Library

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "resources" / "i18n" / "core" / "en" / "LC_MESSAGES" / "wenshi.po"
UPDATE = "pybabel update (resources/i18n/README.md)"


def marked() -> set[str]:
    found = extract_from_dir(
        ROOT / "wenshi",
        method_map=[("**.py", "python")],
        keywords={"_": None, "N_": None},
    )
    return {message for _file, _line, message, _comments, _context in found}


def catalogue() -> dict[str, str]:
    with PO.open("rb") as f:
        return {m.id: m.string for m in read_po(f) if m.id and not m.fuzzy}


def fields(template: str) -> list[str]:
    return sorted(f for _text, f, _spec, _conv in string.Formatter().parse(template) if f)


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


def test_every_core_message_has_an_english_translation():
    english = catalogue()
    missing = sorted(m for m in marked() if not english.get(m, "").strip())
    assert not missing, f"untranslated, run {UPDATE}:\n" + "\n".join(missing)
    stale = sorted(set(english) - marked())
    assert not stale, f"no longer in the code, run {UPDATE}:\n" + "\n".join(stale)


def test_translations_keep_their_placeholders():
    wrong = [
        f"{source!r} -> {text!r}"
        for source, text in catalogue().items()
        if fields(source) != fields(text)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_compiled_catalogue_is_the_po():
    mo = gettext.translation(i18n.DOMAIN, i18n.LOCALE_DIR, languages=["en"])
    stale = [source for source, text in catalogue().items() if mo.gettext(source) != text]
    assert not stale, "recompile: pybabel compile (resources/i18n/README.md)\n" + "\n".join(stale)


def test_the_english_interface_gets_english_refusals(tmp_path, english):
    with Library.open(tmp_path / "lib") as library:
        library.volumes.create(17, "《灵武文史》第十七辑")
        with pytest.raises(InvalidValueError) as refused:
            library.volumes.create(17, "again")
        assert str(refused.value) == "Volume 17 already exists"
        library.volumes.update(17, status="published")
        with pytest.raises(Exception) as frozen:
            library.volumes.add_section(17, "史海钩沉")
        assert str(frozen.value) == (
            "Volume 17 is published: its contents and layout can no longer change; to correct "
            "it, reopen it first (wenshi volume set 17 --status planning; each piece’s review "
            "trail records the step)"
        )
    i18n.set_language("zh_CN")
    assert i18n.language() == "zh_CN"
    with Library.open(tmp_path / "lib") as library:
        with pytest.raises(InvalidValueError) as refused:
            library.volumes.create(17, "again")
        assert str(refused.value) == "第 17 辑已存在"


def test_the_command_line_stays_chinese_in_an_english_locale(tmp_path):
    env = {**os.environ, "LANG": "en_US.UTF-8", "LANGUAGE": "en", "LC_ALL": "en_US.UTF-8"}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "wenshi.cli.main",
            "--library",
            str(tmp_path / "lib"),
            "volume",
            "show",
            "9",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == "wenshi: 第 9 辑不存在（可用 wenshi volume create 9 新建）\n"
