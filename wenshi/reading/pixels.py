"""An image's size read from its header and checked before any pixel is decoded.

Pillow guards itself with ``Image.MAX_IMAGE_PIXELS`` (a warning at 89 and an error at 179
megapixels), raised from inside ``Image.open`` as an exception that names no file. Here
the limit is the user's (``Limits.max_pixels``, which can be raised), so Pillow's is
switched off for the whole program and every image is checked by ``check_image`` first.
"""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

from wenshi.errors import ImportFileError
from wenshi.i18n import _
from wenshi.reading.limits import Limits, over_limit

Image.MAX_IMAGE_PIXELS = None

# What Pillow raises for a file it cannot read as an image.
UNREADABLE = (UnidentifiedImageError, OSError, SyntaxError, ValueError)


def check_image(data: bytes, name: str, limits: Limits) -> tuple[int, int]:
    """The width and height of the image in ``data``; refuses what is not an image or has
    more pixels than the limit. Only the header is read."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except UNREADABLE as exc:
        raise ImportFileError(
            _("{name}：不是可识别的图片（{kind}）").format(name=name, kind=type(exc).__name__)
        ) from None
    if width * height > limits.max_pixels:
        raise over_limit(
            name,
            _("图片 {width}×{height} 有 {value:,} 像素，超过 {max_pixels:,} 像素的上限").format(
                width=width, height=height, value=width * height, max_pixels=limits.max_pixels
            ),
            "max_pixels",
        )
    return width, height
