"""wenshi — the core of the 文史 archive manager. Pure Python: never imports Qt."""

__version__ = "0.1.0"
