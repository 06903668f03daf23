"""The sample library shipped in ``resources/sample``: two volumes of 《灵武文史》 and a few
manuscripts in review, so a new user sees a populated program in one click.

Loaded through the public API like any user's work: import, review steps with opinions,
volumes, sections, placement.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from wenshi import workflow
from wenshi.changes import Changes
from wenshi.errors import InvalidValueError
from wenshi.i18n import _
from wenshi.layout import Layout
from wenshi.progress import Progress

if TYPE_CHECKING:
    from wenshi.library import Library

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "resources" / "sample"
# The shortest review path to each state, from 收稿.
_PATHS: dict[str, tuple[str, ...]] = {
    "received": (),
    "first_review": ("first_review",),
    "revise": ("first_review", "revise"),
    "rejected": ("first_review", "rejected"),
    "held": ("first_review", "second_review", "final_review", "held"),
    "accepted": ("first_review", "second_review", "final_review", "accepted"),
    "published": (
        "first_review",
        "second_review",
        "final_review",
        "accepted",
        "editing",
        "proofreading",
        "published",
    ),
}


class HoldsManuscriptsError(InvalidValueError):
    """The library already holds manuscripts: made-up ones would pass for real."""


def load_sample(
    library: Library,
    folder: Path = SAMPLE_DIR,
    progress: Progress | None = None,
    force: bool = False,
) -> Changes:
    """Load the sample into ``library``, which must be empty unless ``force`` (its volume
    numbers must be free even so); ``value``: manuscripts added."""
    progress = progress or Progress()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    volumes = library.volumes
    manuscripts = library.manuscripts
    taken = {v.number for v in volumes.list()}
    clash = [v["number"] for v in manifest["volumes"] if v["number"] in taken]
    if clash:
        raise InvalidValueError(
            _("文库中已有第 {value} 辑，示例文库只能载入到没有这些辑的文库中").format(
                value=clash[0]
            )
        )
    held = library.tables.Manuscript.select().count()  # those in the trash are real too
    if held and not force:
        raise HoldsManuscriptsError(
            _("文库中已有 {held} 篇稿件，示例文库的稿件是虚构的，不宜混入").format(held=held)
        )
    files = sorted((folder / "manuscripts").glob("*.txt"))
    ids: dict[str, int] = {}
    with library.batch():
        results = library.imports.run(files, progress=progress).value
        for path, result in zip(files, results, strict=True):
            if result.status == "imported" and result.id is not None:
                ids[path.name] = result.id
        for index, (name, mid) in enumerate(sorted(ids.items())):
            progress.update(index, len(ids), _("审稿 {name}").format(name=name))
            progress.check()
            manuscripts.update(
                mid,
                fields={
                    "received_date": manifest.get("received", {}).get(name),
                    "genre": manifest.get("genres", {}).get(name, "prose"),
                },
                tags=manifest.get("tags", {}).get(name),
            )
            opinion = manifest.get("opinions", {}).get(name, "")
            status = workflow.parse_status(manifest["statuses"].get(name, "received"))
            path = _PATHS[status]
            # "终审意见：…" belongs to the 终审 step; an opinion naming no step, to the last.
            named = [s for s in path if opinion.startswith(workflow.label(s))]
            at = named[0] if named else (path[-1] if path else None)
            for step in path:
                manuscripts.transition(
                    mid, step, actor="编辑部", opinion=opinion if step == at else ""
                )
        for spec in manifest["volumes"]:
            volumes.create(
                spec["number"],
                spec["title"],
                year=spec.get("year"),
                target_words=spec.get("target_words"),
                settings=Layout(**spec.get("layout", {})),
            )
            for section in spec["sections"]:
                volumes.add_section(spec["number"], section["name"])
                placed = [ids[f] for f in section["files"] if f in ids]
                if placed:
                    volumes.place(spec["number"], placed, section["name"])
            if all(
                manifest["statuses"].get(f) == "published"
                for s in spec["sections"]
                for f in s["files"]
            ):
                volumes.update(spec["number"], status="published")
    return Changes.everything(len(ids))
