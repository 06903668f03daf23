"""Photos: EXIF orientation and date, thumbnails, captions, counted in the volume plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image as PILImage

from tests.core.test_cli import Run
from wenshi.catalog import Catalog
from wenshi.errors import ImportFileError
from wenshi.images import Images
from wenshi.library import Library
from wenshi.records import NewManuscript
from wenshi.volumes.service import Volumes


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
    catalog = Catalog(library)
    mid = catalog.add(NewManuscript(title="横城古渡", body="黄河岸边的横城古渡，旧时商旅云集。"))
    for step in ("初审", "复审", "终审", "采用"):
        catalog.transition(mid, step)
    return mid


def test_attach_keeps_original_and_makes_an_upright_thumbnail(library, mid, tmp_path):
    original = photo(tmp_path / "渡口.jpg", orientation=6, date="1985:06:01 10:00:00")
    info = Images(library).attach(mid, original, caption="1985年的横城渡口")
    assert (info.width, info.height) == (300, 400)  # turned upright by EXIF orientation 6
    assert info.taken_on == "1985-06-01" and info.caption == "1985年的横城渡口"
    assert Path(info.path).read_bytes() == original.read_bytes()
    with PILImage.open(info.thumbnail) as thumb:
        assert thumb.width < thumb.height
    Path(info.thumbnail).unlink()
    assert Path(Images(library).list(mid)[0].thumbnail).exists()  # rebuilt when missing


def test_not_an_image_is_refused(library, mid, tmp_path):
    fake = tmp_path / "fake.jpg"
    fake.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(ImportFileError, match="不是可识别的图片"):
        Images(library).attach(mid, fake)
    assert Images(library).list(mid) == []


def test_images_count_in_the_volume_plan(library, mid, tmp_path):
    volumes = Volumes(library)
    volumes.create(17, "第十七辑")
    volumes.add_section(17, "史海钩沉")
    volumes.add(17, [mid], "史海钩沉")
    before = volumes.plan(17).sections[0].items[0].lines
    images = Images(library)
    first = images.attach(mid, photo(tmp_path / "a.jpg"))
    images.attach(mid, photo(tmp_path / "b.png", size=(50, 50)))
    plan = volumes.plan(17)
    assert plan.totals.images == 2
    assert plan.sections[0].items[0].lines == before + 2 * plan.settings.image_lines
    images.remove(first.id)
    assert [i.position for i in images.list(mid)] == [1]


def test_image_cli(capsys, tmp_path, mid, library):
    run = Run(capsys, library.path)
    code, out, _ = run(
        "image",
        "add",
        str(mid),
        str(photo(tmp_path / "p.jpg")),
        "--caption",
        "枣园",
        "--by",
        "李秀兰",
    )
    assert code == 0 and "图1" in out
    [info] = run.json("image", "list", str(mid))
    assert info["caption"] == "枣园" and info["photographer"] == "李秀兰"
    assert run("image", "set", str(info["id"]), "--caption", "灵武长枣园")[0] == 0
    assert run.json("image", "list", str(mid))[0]["caption"] == "灵武长枣园"
    bad = tmp_path / "x.jpg"
    bad.write_text("no")
    code, _, err = run("image", "add", str(mid), str(bad))
    assert code == 1 and "x.jpg" in err and err.count("\n") == 1
    assert run("image", "rm", str(info["id"]))[0] == 0
    assert run.json("image", "list", str(mid)) == []
