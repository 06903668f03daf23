"""Every edge of the review rule book, and every change it forbids, taken through the
command line: allowed steps succeed and are recorded; forbidden ones exit 1 with one line
naming what is allowed, and change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wenshi import workflow
from wenshi.cli.main import main
from wenshi.library import Library
from wenshi.records import NewManuscript

# The shortest review path from 收稿 to each state.
PATHS: dict[str, tuple[str, ...]] = {
    "received": (),
    "first_review": ("first_review",),
    "second_review": ("first_review", "second_review"),
    "final_review": ("first_review", "second_review", "final_review"),
    "revise": ("first_review", "revise"),
    "rejected": ("rejected",),
    "held": ("first_review", "second_review", "final_review", "held"),
    "accepted": ("first_review", "second_review", "final_review", "accepted"),
    "editing": ("first_review", "second_review", "final_review", "accepted", "editing"),
    "proofreading": (
        "first_review",
        "second_review",
        "final_review",
        "accepted",
        "editing",
        "proofreading",
    ),
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


def _in_state(library: Library, status: str, title: str) -> int:
    mid = library.manuscripts.add(NewManuscript(title=title, body="正文")).value
    for step in PATHS[status]:
        library.manuscripts.transition(mid, step)
    return mid


def test_every_review_edge_and_every_forbidden_change(tmp_path: Path, capsys):
    folder = tmp_path / "lib"
    allowed: dict[tuple[str, str], int] = {}
    forbidden_owner: dict[str, int] = {}
    with Library.open(folder) as library, library.batch():
        for source in workflow.STATUSES:
            forbidden_owner[source] = _in_state(library, source, f"{source}-forbidden")
            for target in workflow.NEXT[source]:
                allowed[source, target] = _in_state(library, source, f"{source}->{target}")
    capsys.readouterr()
    for source in workflow.STATUSES:
        for target in workflow.STATUSES:
            if target == source:
                continue
            label = workflow.label(target)
            if (source, target) in allowed:
                mid = allowed[source, target]
                code = main(
                    [
                        "--library",
                        str(folder),
                        "set",
                        str(mid),
                        "--status",
                        label,
                        "--by",
                        "王主任",
                        "--opinion",
                        f"{source}→{target}",
                    ]
                )
                out, err = capsys.readouterr()
                assert (code, err) == (0, ""), (source, target)
                assert out.endswith(f"状态：{label}\n")
            else:
                mid = forbidden_owner[source]
                code = main(["--library", str(folder), "set", str(mid), "--status", label])
                out, err = capsys.readouterr()
                assert (code, out) == (1, ""), (source, target)
                assert err.count("\n") == 1 and err.startswith("wenshi: "), err
                assert f"“{workflow.label(source)}”" in err
    with Library.open(folder) as library:
        for (source, target), mid in allowed.items():
            last = library.manuscripts.reviews(mid)[-1]
            assert (last.from_status, last.to_status, last.actor, last.opinion) == (
                source,
                target,
                "王主任",
                f"{source}→{target}",
            )
        for source, mid in forbidden_owner.items():
            assert library.manuscripts.get(mid).status == source
            assert len(library.manuscripts.reviews(mid)) == len(PATHS[source]) + 1


def test_forbidden_messages_name_the_allowed_steps(tmp_path: Path, capsys):
    folder = tmp_path / "lib"
    with Library.open(folder) as library:
        mid = _in_state(library, "first_review", "初审稿")
        accepted = _in_state(library, "accepted", "采用稿")
    assert main(["--library", str(folder), "set", str(mid), "--status", "采用"]) == 1
    assert capsys.readouterr().err == (
        "wenshi: 不能从“初审”直接转为“采用”；允许的下一步：复审、退修、退稿\n"
    )
    assert main(["--library", str(folder), "set", str(accepted), "--status", "已刊"]) == 1
    assert capsys.readouterr().err == (
        "wenshi: “采用”转为“已刊”只能由所在的辑出版引起（wenshi volume set N --status published）\n"
    )


@pytest.mark.parametrize("source", ["accepted", "held", "editing", "proofreading"])
def test_publishing_and_reopening_a_volume_through_the_cli(tmp_path: Path, capsys, source):
    folder = tmp_path / "lib"
    with Library.open(folder) as library:
        mid = _in_state(library, source, "编入稿")
    run = ["--library", str(folder)]
    assert main([*run, "volume", "create", "17", "--title", "第十七辑"]) == 0
    assert main([*run, "volume", "section", "17", "add", "史海钩沉"]) == 0
    assert main([*run, "volume", "add", "17", str(mid), "--section", "史海钩沉"]) == 0
    assert main([*run, "volume", "set", "17", "--status", "published"]) == 0
    with Library.open(folder) as library:
        last = library.manuscripts.reviews(mid)[-1]
        assert (last.from_status, last.to_status) == (source, "published")
        assert library.manuscripts.get(mid).start_page == 1
    assert main([*run, "volume", "set", "17", "--status", "planning"]) == 0
    with Library.open(folder) as library:
        last = library.manuscripts.reviews(mid)[-1]
        assert (last.from_status, last.to_status, last.opinion) == (
            "published",
            "proofreading",
            "第17辑重新开放修改",
        )
    assert capsys.readouterr().err == ""


FROZEN = (
    "wenshi: 第 17 辑已出版，内容和版式不能再改；如需更正，请先重新打开"
    "（wenshi volume set 17 --status planning，各篇的审稿记录会记下这一步）\n"
)


@pytest.mark.parametrize(
    "change",
    [
        ("volume", "add", "17", "{other}", "--section", "史海钩沉"),
        ("volume", "remove", "17", "{mid}"),
        ("volume", "move", "17", "{mid}", "--section", "人物春秋"),
        ("volume", "section", "17", "add", "文化教育"),
        ("volume", "section", "17", "rename", "史海钩沉", "史海"),
        ("volume", "section", "17", "move", "人物春秋", "1"),
        ("volume", "section", "17", "rm", "人物春秋"),
        ("volume", "set", "17", "--title-lines", "4"),
        ("volume", "set", "17", "--target-words", "200000"),
    ],
)
def test_a_published_volume_is_frozen_until_reopened(tmp_path: Path, capsys, change):
    folder = tmp_path / "lib"
    with Library.open(folder) as library:
        mid = _in_state(library, "accepted", "编入稿")
        other = _in_state(library, "accepted", "待编稿")
    run = ["--library", str(folder)]
    for argv in (
        ("volume", "create", "17", "--title", "第十七辑"),
        ("volume", "section", "17", "add", "史海钩沉"),
        ("volume", "section", "17", "add", "人物春秋"),
        ("volume", "add", "17", str(mid), "--section", "史海钩沉"),
        ("volume", "set", "17", "--status", "published"),
    ):
        assert main([*run, *argv]) == 0
    capsys.readouterr()
    words = [w.format(mid=mid, other=other) for w in change]
    before = main([*run, "volume", "show", "17", "--json"]), capsys.readouterr().out
    assert main([*run, *words]) == 1
    assert capsys.readouterr().err == FROZEN
    assert (main([*run, "volume", "show", "17", "--json"]), capsys.readouterr().out) == before
    # Reopened (the step lands in the piece's trail), the same change is accepted.
    assert main([*run, "volume", "set", "17", "--status", "planning"]) == 0
    assert main([*run, *words]) == 0
    with Library.open(folder) as library:
        steps = [(r.from_status, r.to_status) for r in library.manuscripts.reviews(mid)]
        assert steps[-2:] == [("accepted", "published"), ("published", "proofreading")]


def _published_with_one_piece(tmp_path: Path) -> tuple[list[str], Path, int]:
    """Volume 17, published with one piece in 史海钩沉: the CLI's words, library, piece."""
    folder = tmp_path / "lib"
    with Library.open(folder) as library:
        mid = _in_state(library, "accepted", "编入稿")
    run = ["--library", str(folder)]
    for argv in (
        ("volume", "create", "17", "--title", "第十七辑"),
        ("volume", "section", "17", "add", "史海钩沉"),
        ("volume", "add", "17", str(mid), "--section", "史海钩沉"),
        ("volume", "set", "17", "--status", "published"),
    ):
        assert main([*run, *argv]) == 0
    return run, folder, mid


def test_a_published_volume_keeps_its_title_year_and_facts_correctable(tmp_path: Path, capsys):
    """They describe the book, not its content: a back-catalogue volume arrives without
    them, and a citation needs them right."""
    run, _folder, _mid = _published_with_one_piece(tmp_path)
    for argv in (
        ("volume", "set", "17", "--title", "《灵武文史》第十七辑", "--year", "2022"),
        ("volume", "set", "17", "--place", "灵武", "--isbn", "9787522700007"),
    ):
        assert main([*run, *argv]) == 0
    capsys.readouterr()
    shown = json.loads((main([*run, "volume", "show", "17", "--json"]), capsys.readouterr().out)[1])
    assert (shown["title"], shown["year"], shown["status"]) == (
        "《灵武文史》第十七辑",
        2022,
        "published",
    )
    assert (shown["publication"]["place"], shown["publication"]["isbn"]) == (
        "灵武",
        "978-7-5227-0000-7",
    )


def test_a_piece_taken_out_of_a_reopened_volume_keeps_no_printed_page(tmp_path: Path, capsys):
    """Its start page belonged to the volume it left: show never prints 第None辑."""
    run, folder, mid = _published_with_one_piece(tmp_path)
    capsys.readouterr()
    assert main([*run, "show", str(mid)]) == 0
    assert "已刊：第17辑第1页起" in capsys.readouterr().out.splitlines()
    assert main([*run, "volume", "set", "17", "--status", "planning"]) == 0
    assert main([*run, "volume", "remove", "17", str(mid)]) == 0
    capsys.readouterr()
    assert main([*run, "show", str(mid)]) == 0
    assert [line for line in capsys.readouterr().out.splitlines() if "已刊" in line] == []
    with Library.open(folder) as library:
        detail = library.manuscripts.get(mid)
        assert (detail.volume, detail.start_page) == (None, None)
