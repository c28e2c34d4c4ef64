"""The TempEval-3-style scorer and the marked-up gold format."""

from __future__ import annotations

from datetime import date

from brink.records import Timex
from brink.timex.scoring import parse_marked, read_gold, score


def test_parse_marked_offsets():
    text, gold = parse_marked("Talks ended {last week|DATE|2021-W48} in {Geneva|DATE|x}.")
    assert text == "Talks ended last week in Geneva."
    assert [(t.start, t.end, t.text) for t in gold] == [(12, 21, "last week"), (25, 31, "Geneva")]
    assert all(text[t.start : t.end] == t.text for t in gold)


def test_read_gold_anchors_and_comments():
    items = read_gold("# c\n@ 2021-12-08\nOn {Friday|DATE|2021-12-03}.\n@ none\nNothing.\n")
    assert [(i.anchor, len(i.timexes), i.line) for i in items] == [
        (date(2021, 12, 8), 1, 3),
        (None, 0, 5),
    ]


def _t(s, e, v, typ="DATE"):
    return Timex(s, e, "x" * (e - s), typ, v)


def test_relaxed_strict_and_value():
    gold = [_t(0, 10, "2021-12-07"), _t(20, 25, "2021"), _t(30, 35, "P1W", "DURATION")]
    pred = [_t(3, 10, "2021-12-07"), _t(20, 25, "2020"), _t(50, 55, "2022")]
    s = score([(gold, pred)])
    assert (s.relaxed.tp, s.strict.tp, s.value.tp) == (2, 1, 1)
    assert round(s.relaxed.precision, 3) == round(2 / 3, 3)
    assert round(s.relaxed.recall, 3) == round(2 / 3, 3)
    assert round(s.value.f1, 3) == round(1 / 3, 3)


def test_alignment_is_one_to_one():
    gold = [_t(0, 10, "a")]
    pred = [_t(0, 4, "a"), _t(5, 10, "a")]
    s = score([(gold, pred)])
    assert (s.relaxed.tp, s.relaxed.n_pred, s.relaxed.n_gold) == (1, 2, 1)


def test_empty_scores_are_perfect():
    s = score([([], [])])
    assert s.relaxed.f1 == 1.0 and s.value.f1 == 1.0
