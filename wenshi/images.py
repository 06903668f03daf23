"""Photos attached to manuscripts: originals kept byte for byte, thumbnails cached.

A photo's bytes go to ``files/`` like every imported original (never modified); a JPEG
thumbnail, turned upright by the EXIF orientation, is cached in ``thumbs/`` and rebuilt
when missing. 图注 (caption), date and photographer default to what the EXIF says.
"""

from __future__ import annotations

import io
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import Model
from PIL import Image as PILImage
from PIL import ImageOps

from wenshi.changes import Aspect, Changes
from wenshi.errors import ImportFileError, NotFoundError
from wenshi.fsutil import printable
from wenshi.i18n import _
from wenshi.reading.limits import DEFAULT_LIMITS, Limits
from wenshi.reading.pixels import UNREADABLE, check_image
from wenshi.timeutil import now_iso

if TYPE_CHECKING:
    from wenshi.db.models import Tables
    from wenshi.library import Library

THUMB_DIR = "thumbs"
THUMB_SIZE = (320, 320)
_EXIF_DATE = 0x9003  # DateTimeOriginal (in the Exif IFD)
_EXIF_IFD = 0x8769
_ARTIST = 0x013B
# What a removed photo's row holds, kept so that an undo attaches it again as it was.
_KEPT = (
    "sha256",
    "original_name",
    "caption",
    "taken_on",
    "photographer",
    "width",
    "height",
    "position",
    "added_at",
)


@dataclass
class ImageInfo:
    id: int
    manuscript_id: int
    position: int  # 1-based, in the order shown and printed
    original_name: str
    caption: str
    taken_on: str
    photographer: str
    width: int
    height: int
    path: str
    thumbnail: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _read_image(data: bytes, name: str, limits: Limits | None) -> tuple[PILImage.Image, str, str]:
    """The upright image plus the EXIF date and artist; refuses what Pillow cannot read
    and, given ``limits``, an image over the pixel limit before it is decoded."""
    if limits is not None:
        check_image(data, name, limits)
    try:
        with PILImage.open(io.BytesIO(data)) as probe:
            probe.verify()
        image = PILImage.open(io.BytesIO(data))
        image.load()
    except UNREADABLE as exc:
        raise ImportFileError(
            _("{name}：不是可识别的图片（{kind}）").format(name=name, kind=type(exc).__name__)
        ) from exc
    exif = image.getexif()
    date = str(exif.get_ifd(_EXIF_IFD).get(_EXIF_DATE, "") or "")
    if date[:10].count(":") == 2:
        date = date[:10].replace(":", "-")
    artist = str(exif.get(_ARTIST, "") or "").strip()
    return ImageOps.exif_transpose(image), date, artist


class Images:
    """Operations on the photos of manuscripts."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.thumbs = library.path / THUMB_DIR

    @property
    def t(self) -> Tables:
        return self.library.tables

    def _info(self, row: Model) -> ImageInfo:
        original = self.library.files.find(row.sha256)
        return ImageInfo(
            id=row.id,
            manuscript_id=row.manuscript_id,
            position=row.position + 1,
            original_name=row.original_name,
            caption=row.caption,
            taken_on=row.taken_on,
            photographer=row.photographer,
            width=row.width,
            height=row.height,
            path=str(original or ""),
            thumbnail=str(self.thumbnail(row)),
        )

    def thumbnail(self, row: Model) -> Path:
        """The cached thumbnail of an image, made again from the original if missing."""
        target = self.thumbs / f"{row.sha256}.jpg"
        if not target.exists():
            original = self.library.files.find(row.sha256)
            if original is None:
                raise NotFoundError(_("图片 {id} 的原始文件已不在文库中").format(id=row.id))
            # Its size was checked against the limits of the run that attached it.
            image, _taken, _artist = _read_image(original.read_bytes(), row.original_name, None)
            image = image.convert("RGB")
            image.thumbnail(THUMB_SIZE)
            self.thumbs.mkdir(exist_ok=True)
            tmp = target.with_suffix(".tmp")
            image.save(tmp, "JPEG", quality=85)
            tmp.replace(target)
        return target

    def attach(
        self,
        manuscript_id: int,
        path: Path,
        *,
        caption: str = "",
        taken_on: str = "",
        photographer: str = "",
        limits: Limits = DEFAULT_LIMITS,
    ) -> Changes:
        """Attach a photo file to a manuscript, after the ones it already has (``value``:
        its ``ImageInfo``); one over the pixel limit is refused before it is decoded."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ImportFileError(
                _("{name}：无法读取（{value}）").format(
                    name=printable(path), value=exc.strerror or exc
                )
            ) from exc
        return self.attach_data(
            manuscript_id,
            data,
            printable(path),
            caption=caption,
            taken_on=taken_on,
            photographer=photographer,
            limits=limits,
        )

    def attach_data(
        self,
        manuscript_id: int,
        data: bytes,
        name: str,
        *,
        caption: str = "",
        taken_on: str = "",
        photographer: str = "",
        limits: Limits | None = DEFAULT_LIMITS,
    ) -> Changes:
        """Attach a photo's bytes (``name``: its file, for messages; the last part is kept
        as its original name). Called inside an import's transaction it joins it, so a
        manuscript and the pictures of its .docx are stored together or not at all.
        ``limits`` None: the caller has checked the picture (an import does as it reads
        the file, so a picture too large refuses the file before anything is stored)."""
        image, exif_date, artist = _read_image(data, name, limits)
        manuscript = self.library.manuscripts.row(manuscript_id)
        sha = self.library.files.put(data, Path(name).suffix)
        t = self.t
        with self.library.transaction() as tx:
            position = t.Image.select().where(t.Image.manuscript == manuscript).count()
            row = t.Image.create(
                manuscript=manuscript,
                sha256=sha,
                original_name=Path(name).name,
                caption=caption.strip(),
                taken_on=taken_on.strip() or exif_date,
                photographer=photographer.strip() or artist,
                width=image.width,
                height=image.height,
                position=position,
                added_at=now_iso(),
            )
            tx.note(Aspect.IMAGES, manuscripts=[manuscript_id])
        return tx.changes.with_value(self._info(row))

    def list(self, manuscript_id: int) -> list[ImageInfo]:
        t = self.t
        rows = (
            t.Image.select().where(t.Image.manuscript == manuscript_id).order_by(t.Image.position)
        )
        return [self._info(r) for r in rows]

    def _get(self, image_id: int) -> Model:
        row = self.t.Image.get_or_none(self.t.Image.id == image_id)
        if row is None:
            raise NotFoundError(_("图片 {image_id} 不存在").format(image_id=image_id))
        return row

    def update(
        self,
        image_id: int,
        *,
        caption: str | None = None,
        taken_on: str | None = None,
        photographer: str | None = None,
    ) -> Changes:
        with self.library.transaction() as tx:
            row = self._get(image_id)
            for name, value in (
                ("caption", caption),
                ("taken_on", taken_on),
                ("photographer", photographer),
            ):
                if value is not None:
                    setattr(row, name, value.strip())
            row.save()
            tx.note(Aspect.IMAGES, manuscripts=[row.manuscript_id])
            return tx.changes

    def remove(self, image_id: int) -> Changes:
        """Detach a photo (its original bytes stay in ``files/``, like every original);
        ``value`` is what ``put_back`` needs to attach it again as it was."""
        with self.library.transaction() as tx:
            row = self._get(image_id)
            manuscript = row.manuscript_id
            removed = {name: getattr(row, name) for name in _KEPT}
            removed["manuscript"] = manuscript
            row.delete_instance()
            self._renumber(manuscript, [])
            tx.note(Aspect.IMAGES, manuscripts=[manuscript])
            return tx.changes.with_value(removed)

    def put_back(self, removed: dict[str, Any]) -> Changes:
        """Attach a removed photo again at its place, with its 图注 and details (the
        desktop's undo of a removal)."""
        t = self.t
        manuscript = self.library.manuscripts.row(removed["manuscript"])
        if self.library.files.find(removed["sha256"]) is None:
            raise NotFoundError(
                _("图片“{value}”的原件已不在文库中").format(value=removed["original_name"])
            )
        with self.library.transaction() as tx:
            row = t.Image.create(manuscript=manuscript, **{n: removed[n] for n in _KEPT})
            self._renumber(manuscript.id, [row], at=removed["position"])
            tx.note(Aspect.IMAGES, manuscripts=[manuscript.id])
            return tx.changes.with_value(self._info(row))

    def _renumber(self, manuscript: int, inserted: list[Model], at: int = 0) -> None:
        """Positions 0, 1, 2 … of a manuscript's photos, ``inserted`` at index ``at``."""
        t = self.t
        ids = {row.id for row in inserted}
        others = [
            row
            for row in t.Image.select()
            .where(t.Image.manuscript == manuscript)
            .order_by(t.Image.position)
            if row.id not in ids
        ]
        for position, row in enumerate([*others[:at], *inserted, *others[at:]]):
            t.Image.update(position=position).where(t.Image.id == row.id).execute()
