"""Start the wenshi desktop program: python main.py [--library DIR]."""

from ui.app import run

if __name__ == "__main__":
    raise SystemExit(run())
