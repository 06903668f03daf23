"""The core's messages in the interface's language.

They are written in Chinese, the language of the people wenshi is made for and of its
command line; ``resources/i18n/core/en/LC_MESSAGES/wenshi.po`` (compiled to ``.mo``) gives
them in English for the English interface. The desktop program calls ``set_language``
when it starts and when the user switches; the command line never does, so scripts read
the same Chinese messages whatever the machine's locale.

A message with values is a template: ``_("第 {number} 辑不存在").format(number=n)``, so the
translation can put the values where its grammar wants them.
"""

from __future__ import annotations

import gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "core"
DOMAIN = "wenshi"
SOURCE_LANGUAGE = "zh_CN"

_current: gettext.NullTranslations = gettext.NullTranslations()


def set_language(code: str) -> None:
    """Chinese (the messages as written) for ``zh*``, else the catalogue of ``code``
    (``en``), or Chinese again if there is none."""
    global _current
    if code.startswith("zh"):
        _current = gettext.NullTranslations()
    else:
        _current = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)


def language() -> str:
    """The language messages are given in now."""
    info = _current.info() if isinstance(_current, gettext.GNUTranslations) else {}
    return info.get("language", SOURCE_LANGUAGE)


def _(message: str) -> str:
    """``message`` in the current language."""
    return _current.gettext(message)


def N_(message: str) -> str:
    """Marks a message kept in a table for ``_`` to translate where it is shown: a table is
    built once, at import, before the language is known."""
    return message
