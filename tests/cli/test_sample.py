"""The sample library a new user loads in one click."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import Run


def test_sample_library_loads_with_volumes_and_review_states(capsys, tmp_path: Path):
    run = Run(capsys, tmp_path / "lib")
    code, out, err = run("sample")
    assert code == 0, err
    assert out == "已载入示例文库：14 篇稿件，第十六、十七辑（wenshi volume list 查看）\n"
    volumes = run.json("volume", "list")
    assert [(v["number"], v["status"], v["articles"], v["words"]) for v in volumes] == [
        (16, "published", 5, 8252),
        (17, "planning", 4, 4485),
    ]
    stats = {s["status"]: s["manuscripts"] for s in run.json("stats")["by_status"]}
    assert stats == {
        "received": 1,
        "first_review": 1,
        "accepted": 4,
        "revise": 1,
        "rejected": 1,
        "held": 1,
        "published": 5,
    }
    plan = run.json("volume", "show", "16")
    # After 4 front pages; the sections follow each other without page breaks.
    assert [[(i["id"], i["start_page"]) for i in s["items"]] for s in plan["sections"]] == [
        [(1, 5), (2, 8), (3, 11)],
        [(4, 13)],
        [(5, 16)],
    ]
    # The index follows the load: the two pieces on 水洞沟, and the traditional-script
    # piece that mentions 水洞溝.
    assert [h["id"] for h in run.json("search", "水洞沟")] == [2, 5, 14]
    hits = run.json("search", "靈武", "--include-rejected", "--limit", "0")
    # Simplified texts found through a traditional query: every piece but the oral history
    # (4) and the poem (5), which never name 灵武.
    assert sorted(h["id"] for h in hits) == [1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    code, _, err = run("sample")
    # Never loaded twice over a library.
    assert (code, err) == (
        1,
        "wenshi: 文库中已有第 16 辑，示例文库只能载入到没有这些辑的文库中\n",
    )


def test_sample_opinions_sit_on_the_step_they_name(tmp_path: Path):
    import json

    from wenshi.library import Library
    from wenshi.sample import SAMPLE_DIR, load_sample

    manifest = json.loads((SAMPLE_DIR / "manifest.json").read_text(encoding="utf-8"))
    with Library.open(tmp_path / "lib", auto_index=False) as library:
        assert load_sample(library).value == 14
        catalog = library.manuscripts
        by_title = {catalog.get(i).title: i for i in range(1, 15)}
        steps = {}
        for name, opinion in manifest["opinions"].items():
            title = (SAMPLE_DIR / "manuscripts" / name).read_text(encoding="utf-8").split("\n")[0]
            events = catalog.reviews(by_title[title.strip()])
            [event] = [e for e in events if e.opinion == opinion]
            steps[name] = (opinion[:2], event.to_label)
        # Each "终审意见：…" sits on 终审 and so on; 13 was rejected at 初审 and never reached
        # 终审, so its opinion sits on the last step of its path, 退稿.
        assert steps == {
            "01-hengcheng-gudu.txt": ("终审", "终审"),
            "02-shuidonggou.txt": ("复审", "复审"),
            "03-minguo-zhangbu.txt": ("初审", "初审"),
            "04-koushu-shengchandui.txt": ("终审", "终审"),
            "05-shi-shuidonggou.txt": ("终审", "终审"),
            "06-qinqu-hanqu.txt": ("复审", "复审"),
            "07-xuexiao-bianqian.txt": ("终审", "终审"),
            "08-huaer.txt": ("初审", "初审"),
            "10-laojie-laodian.txt": ("初审", "初审"),
            "11-chengbaodi.txt": ("退修", "退修"),
            "13-lingwu-changzao.txt": ("终审", "退稿"),
            "14-taiwan-fuqin.txt": ("终审", "终审"),
        }


def test_sample_refuses_a_library_of_real_manuscripts_unless_forced(capsys, tmp_path: Path):
    """Made-up manuscripts mixed into an office's own would be taken for real ones."""
    run = Run(capsys, tmp_path / "lib")
    real = tmp_path / "来稿.txt"
    real.write_text("灵武旧事\n\n马鸿宾是灵武人。", encoding="utf-8")
    assert run("import", str(real))[0] == 0
    assert run("sample") == (
        1,
        "",
        "wenshi: 文库中已有 1 篇稿件，示例文库的稿件是虚构的，不宜混入；确需载入请加 --force\n",
    )
    assert run.json("stats")["manuscripts"] == 1 and run.json("volume", "list") == []
    assert run("sample", "--force") == (
        0,
        "已载入示例文库：14 篇稿件，第十六、十七辑（wenshi volume list 查看）\n",
        "",
    )
    assert run.json("stats")["manuscripts"] == 15
