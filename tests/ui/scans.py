"""Test data for the GUI's scans: pages drawn with Pillow, and the bench volume's PDF."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="fonts-noto-cjk is not installed")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


def draw_scan(pages: list[list[str]], path: Path) -> Path:
    """A clean scan of small pages (a multi-page TIFF, or one image): each page's lines
    drawn black on white at 40 px, about 10 pt at 300 dpi."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 40)
    images = []
    for lines in pages:
        image = Image.new("L", (1000, 120 + 80 * len(lines)), 255)
        draw = ImageDraw.Draw(image)
        for n, line in enumerate(lines):
            draw.text((60, 60 + 80 * n), line, font=font, fill=0)
        images.append(image)
    images[0].save(path, save_all=True, append_images=images[1:], resolution=300)
    return path
