"""The sample library a new user loads in one click."""

from __future__ import annotations

from pathlib import Path

from tests.core.test_cli import Run


def test_sample_library_loads_with_volumes_and_review_states(capsys, tmp_path: Path):
    run = Run(capsys, tmp_path / "lib")
    code, out, err = run("sample")
    assert code == 0 and "14 篇" in out, err
    volumes = run.json("volume", "list")
    assert [v["number"] for v in volumes] == [16, 17]
    assert volumes[0]["status"] == "published" and volumes[0]["articles"] == 5
    stats = {s["status"]: s["manuscripts"] for s in run.json("stats")["by_status"]}
    assert stats["published"] == 5 and stats["accepted"] == 4
    assert {"received", "first_review", "revise", "held"} <= set(stats)
    plan = run.json("volume", "show", "16")
    assert plan["sections"][0]["items"][0]["start_page"] == 5  # after 4 front pages
    assert run.json("search", "水洞沟")  # the index follows the load
    hits = run.json("search", "靈武", "--include-rejected", "--limit", "0")
    assert len(hits) >= 10  # simplified texts found through a traditional query
    code, _, err = run("sample")
    assert code == 1 and "已有第 16 辑" in err  # never loaded twice over a library


def test_sample_opinions_sit_on_the_step_they_name(tmp_path: Path):
    import json

    from wenshi.catalog import Catalog
    from wenshi.library import Library
    from wenshi.sample import SAMPLE_DIR, load_sample

    manifest = json.loads((SAMPLE_DIR / "manifest.json").read_text(encoding="utf-8"))
    with Library.open(tmp_path / "lib", auto_index=False) as library:
        load_sample(library)
        catalog = Catalog(library)
        by_title = {catalog.get(i).title: i for i in range(1, 15)}
        checked = 0
        for name, opinion in manifest["opinions"].items():
            title = (SAMPLE_DIR / "manuscripts" / name).read_text(encoding="utf-8").split("\n")[0]
            events = catalog.reviews(by_title[title.strip()])
            [event] = [e for e in events if e.opinion == opinion]
            if opinion[:2] in {e.to_label for e in events}:
                assert event.to_label == opinion[:2], name
                checked += 1
        assert checked >= 8
