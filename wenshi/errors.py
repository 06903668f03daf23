"""User-facing failures.

Every failure a person can cause (bad file, bad value, missing library) is raised as a
``WenshiError`` whose message is one complete Chinese sentence naming the thing and the
reason. The CLI prints it as one line on stderr; the GUI shows it in a dialog. Anything
else that escapes is a bug.
"""

from __future__ import annotations


class WenshiError(Exception):
    """Base class: ``str(err)`` is the one-line message shown to the user."""


class LibraryError(WenshiError):
    """The library folder is missing, foreign, too new or damaged."""


class LibraryBusyError(LibraryError):
    """Another process held the write lock for longer than we wait."""


class StaleError(WenshiError):
    """A write started from a version of a manuscript that someone else has since changed;
    it is refused rather than overwrite what its author never saw."""


class NotFoundError(WenshiError):
    """A manuscript, revision, volume or section that does not exist."""


class InvalidValueError(WenshiError):
    """An impossible value: a bad status, an empty title, a layout of 0 characters."""


class FrozenError(WenshiError):
    """A change to a published volume: it stays as printed until explicitly reopened."""


class TransitionError(WenshiError):
    """A review step that the workflow does not allow from the current state."""


class ImportFileError(WenshiError):
    """One file could not be imported; the message names the file and the reason."""


class DecodeError(ImportFileError):
    """The bytes of a text file could not be decoded with confidence."""


class CancelledError(WenshiError):
    """A long job was cancelled by the user; nothing of it was committed."""
