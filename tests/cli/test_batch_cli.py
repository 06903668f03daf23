"""Several manuscripts at once from the command line: one review step with one opinion for
all of them (all or none), and tags added or taken away without touching the others."""

from __future__ import annotations

from tests.cli.test_cli import Run


def titles_by_id(run: Run) -> dict[str, int]:
    return {row["title"]: row["id"] for row in run.json("list")}


def test_one_review_step_with_one_opinion_for_several(run: Run):
    ids = titles_by_id(run)
    three = [ids["灵州古城考略"], ids["马鸿宾与灵武"], ids["黄河谣"]]
    code, out, err = run(
        "set", *map(str, three), "--status", "初审", "--opinion", "史料可信", "--by", "王主任"
    )
    assert (code, err) == (0, "")
    assert out == (
        f"#{three[0]}  灵州古城考略  状态：初审\n"
        f"#{three[1]}  马鸿宾与灵武  状态：初审\n"
        f"#{three[2]}  黄河谣  状态：初审\n"
    )
    for mid in three:
        last = run.json("history", str(mid))["reviews"][-1]
        assert (last["to_label"], last["actor"], last["opinion"]) == ("初审", "王主任", "史料可信")
    assert run.json("show", str(ids["水洞沟遗址发现记"]))["status_label"] == "收稿"


def test_a_batch_step_one_of_them_cannot_take_changes_none(run: Run):
    ids = titles_by_id(run)
    first, second, stays = ids["灵州古城考略"], ids["马鸿宾与灵武"], ids["水洞沟遗址发现记"]
    assert run("set", str(first), str(second), "--status", "初审")[0] == 0
    code, out, err = run("set", str(first), str(stays), str(second), "--status", "复审")
    assert (code, out) == (1, "")
    assert err == (
        f"wenshi: 稿件 #{stays}《水洞沟遗址发现记》：不能从“收稿”直接转为“复审”；"
        "允许的下一步：初审、退稿；这 3 篇都没有改动\n"
    )
    states = [run.json("show", str(m))["status_label"] for m in (first, stays, second)]
    assert states == ["初审", "收稿", "初审"]


def test_tags_are_added_and_taken_away_keeping_the_others(run: Run):
    ids = titles_by_id(run)
    a, b = ids["灵州古城考略"], ids["马鸿宾与灵武"]
    assert run("set", str(a), "--tag", "古城")[0] == 0
    code, out, _ = run("set", str(a), str(b), "--add-tag", "灵武", "--add-tag", "民国")
    assert code == 0
    assert out == (
        f"#{a}  灵州古城考略  状态：收稿  标签：古城、民国、灵武\n"
        f"#{b}  马鸿宾与灵武  状态：收稿  标签：民国、灵武\n"
    )
    code, out, _ = run("set", str(a), str(b), "--remove-tag", "民国")
    assert out == (
        f"#{a}  灵州古城考略  状态：收稿  标签：古城、灵武\n"
        f"#{b}  马鸿宾与灵武  状态：收稿  标签：灵武\n"
    )
    changes = run.json("history", str(b))["detail_changes"]
    assert [(c["old"], c["new"]) for c in changes if c["field"] == "tags"] == [
        ("", "民国、灵武"),
        ("民国、灵武", "灵武"),
    ]


def test_details_of_several_at_once_are_refused(run: Run):
    ids = titles_by_id(run)
    code, out, err = run("set", str(ids["黄河谣"]), str(ids["马鸿宾与灵武"]), "--title", "同名")
    assert (code, out) == (1, "")
    assert err == "wenshi: 题名、作者等信息一次只改一篇；多篇稿件只能一起转审稿状态或加减标签\n"
    assert run("set", "1", "--add-tag", " ")[2] == "wenshi: 没有要加上或去掉的标签\n"
