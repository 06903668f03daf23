"""Photos: EXIF orientation and date, thumbnails, captions, counted in the volume plan."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image as PILImage

from wenshi.errors import ImportFileError
from wenshi.images import ImageInfo
from wenshi.library import Library
from wenshi.records import NewManuscript


def photo(path: Path, size=(400, 300), orientation: int | None = None, date: str = "") -> Path:
    """A JPEG as a camera writes it: pixels stored sideways plus an Orientation tag."""
    image = PILImage.new("RGB", size, (180, 150, 90))
    exif = PILImage.Exif()
    if orientation:
        exif[0x0112] = orientation
    if date:
        exif.get_ifd(0x8769)[0x9003] = date
    image.save(path, "JPEG", exif=exif.tobytes())
    return path


@pytest.fixture
def mid(library: Library) -> int:
    catalog = library.manuscripts
    new = NewManuscript(title="横城古渡", body="黄河岸边的横城古渡，旧时商旅云集。")
    mid = catalog.add(new).value
    for step in ("初审", "复审", "终审", "采用"):
        catalog.transition(mid, step)
    return mid


def test_attach_keeps_original_and_makes_an_upright_thumbnail(library, mid, tmp_path):
    original = photo(tmp_path / "渡口.jpg", orientation=6, date="1985:06:01 10:00:00")
    info = library.images.attach(mid, original, caption="1985年的横城渡口").value
    assert isinstance(info, ImageInfo)
    assert (info.width, info.height) == (300, 400)  # turned upright by EXIF orientation 6
    assert info.taken_on == "1985-06-01" and info.caption == "1985年的横城渡口"
    assert (info.position, info.original_name, info.photographer) == (1, "渡口.jpg", "")
    assert Path(info.path).read_bytes() == original.read_bytes()
    with PILImage.open(info.thumbnail) as thumb:
        assert thumb.size == (240, 320)  # upright, within 320 x 320
    Path(info.thumbnail).unlink()
    assert Path(library.images.list(mid)[0].thumbnail).exists()  # rebuilt when missing


def test_not_an_image_is_refused(library, mid, tmp_path):
    fake = tmp_path / "fake.jpg"
    fake.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(ImportFileError) as err:
        library.images.attach(mid, fake)
    # The reason in brackets is the name of what Pillow raised (it differs by format).
    assert re.fullmatch(rf"{re.escape(str(fake))}：不是可识别的图片（\w+）", str(err.value))
    assert library.images.list(mid) == []


def test_images_count_in_the_volume_plan(library, mid, tmp_path):
    volumes = library.volumes
    volumes.create(17, "第十七辑")
    volumes.add_section(17, "史海钩沉")
    volumes.place(17, [mid], "史海钩沉")
    before = volumes.plan(17).sections[0].items[0].lines
    images = library.images
    first = images.attach(mid, photo(tmp_path / "a.jpg")).value
    images.attach(mid, photo(tmp_path / "b.png", size=(50, 50)))
    plan = volumes.plan(17)
    assert plan.totals.images == 2
    # Title 3 + body (2 indent + 17 characters) 1 line; then 10 lines for each photo.
    assert (before, plan.sections[0].items[0].lines) == (4, 24)
    images.remove(first.id)
    assert [i.position for i in images.list(mid)] == [1]


def test_a_removed_photo_is_put_back_at_its_place_with_its_details(library, mid, tmp_path):
    images = library.images
    for n, caption in enumerate(["横城渡口", "秦渠", "古塔"]):
        images.attach(mid, photo(tmp_path / f"{n}.jpg", size=(40 + n, 30)), caption=caption)
    before = [(i.position, i.caption, i.width, i.original_name) for i in images.list(mid)]
    removed = images.remove(images.list(mid)[1].id).value
    assert [i.caption for i in images.list(mid)] == ["横城渡口", "古塔"]
    back = images.put_back(removed).value
    assert (back.position, back.caption) == (2, "秦渠")
    assert [(i.position, i.caption, i.width, i.original_name) for i in images.list(mid)] == before
    assert Path(back.path).read_bytes() == (tmp_path / "1.jpg").read_bytes()
