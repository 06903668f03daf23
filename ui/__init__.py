"""The wenshi desktop program (PySide6). Thin: every capability comes from ``wenshi``."""
