"""Near-duplicate sketches: a re-typed copy resembles its original; other articles do not."""

from __future__ import annotations

from tests.corpus import FIXTURES
from wenshi.text.similarity import THRESHOLD, resemblance, sketch


def text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_identical_text_resembles_fully():
    s = sketch(text("mahongbin.txt"))
    assert resemblance(s, s) == 1.0


def test_retyped_copy_with_other_punctuation_and_slips_is_similar():
    original = text("mahongbin.txt")
    retyped = original.replace("，", ",").replace("。", ".").replace("六百余人", "六百多人")
    assert resemblance(sketch(original), sketch(retyped)) >= THRESHOLD


def test_different_articles_are_not_similar():
    assert resemblance(sketch(text("mahongbin.txt")), sketch(text("lingzhou.txt"))) < 0.2


def test_empty_sketch_resembles_nothing():
    assert resemblance(sketch(""), sketch(text("poem.txt"))) == 0.0
    assert resemblance(None, sketch(text("poem.txt"))) == 0.0
