"""brink.timex.tag on hand-written news sentences (gold.txt, heldout.txt) and the sample corpus."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from brink.timex import tag
from brink.timex.patterns import dispatch, master, triggers
from brink.timex.scoring import read_gold, score
from brink.timex.tagger import _scan

HERE = Path(__file__).parent
GOLD = read_gold((HERE / "gold.txt").read_text(encoding="utf-8"))
HELDOUT = read_gold((HERE / "heldout.txt").read_text(encoding="utf-8"))
SAMPLE = HERE.parents[1] / "data" / "sample" / "voa_stories.jsonl"

# The shape of every value the tagger may produce.
VALUE = re.compile(
    r"^(?:"
    r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?"  # day (+ time)
    r"|T\d\d:\d\d"  # clock time without a date
    r"|(?:\d{4}|XXXX)-W(?:\d\d|XX)(?:-[1-7]|-WE)?"  # ISO week, weekday, weekend
    r"|(?:\d{4}|XXXX)-(?:\d\d|Q[1-4X]|H[12]|SP|SU|FA|WI)"  # month, quarter, half, season
    r"|\d{2,4}|XXXX?|FY\d{4}"  # year, decade, century, fiscal year
    r"|P(?:T?(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|H|S|DE|CE))"  # duration / set period
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
    r")$"
)


def _rows(timexes):
    return [(t.start, t.end, t.text, t.type, t.value) for t in timexes]


@pytest.mark.parametrize("item", GOLD, ids=[f"gold-L{i.line}" for i in GOLD])
def test_gold_sentence(item):
    assert _rows(tag(item.text, item.anchor)) == _rows(item.timexes)


def test_gold_is_big_enough_and_covers_every_type():
    timexes = [t for item in GOLD for t in item.timexes]
    assert len(timexes) >= 200
    assert {t.type for t in timexes} == {"DATE", "TIME", "DURATION", "SET"}
    assert sum(1 for item in GOLD if not item.timexes) >= 20  # negatives


def test_scores_on_gold_and_heldout():
    """TempEval-3-style scores; gold.txt was tuned on, heldout.txt was not."""
    gold = score((i.timexes, tag(i.text, i.anchor)) for i in GOLD)
    held = score((i.timexes, tag(i.text, i.anchor)) for i in HELDOUT)
    print("gold.txt\n" + gold.report() + "\nheldout.txt\n" + held.report())
    assert gold.value.f1 == 1.0
    assert held.relaxed.f1 >= 0.97
    assert held.value.f1 >= 0.95


@pytest.fixture(scope="module")
def sample_docs():
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def test_sample_corpus_offsets_and_values(sample_docs):
    seen = 0
    for d in sample_docs:
        text = d["text"]
        out = tag(text, date.fromisoformat(d["published"][:10]))
        for t in out:
            assert text[t.start : t.end] == t.text
            assert t.type in ("DATE", "TIME", "DURATION", "SET")
            assert VALUE.match(t.value), (d["id"], t)
        assert [t.start for t in out] == sorted(t.start for t in out)
        assert all(a.end <= b.start for a, b in zip(out, out[1:], strict=False))
        seen += len(out)
    assert seen > 500


def test_trigger_scan_finds_what_a_full_scan_finds(sample_docs):
    """The fast scan must match the plain left-to-right alternation exactly."""
    pattern, _ = master()
    for d in sample_docs:
        text = d["text"]
        full = [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]
        fast = [(m.start(), m.end(), m.lastgroup) for m in _scan(text, triggers(), dispatch())]
        assert fast == full, d["id"]


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin said the talks in Geneva would go ahead on January 10 and 11 as planned.",
        "Shelling resumed at 4:15 a.m. on Dec. 3, 2021, and again on Saturday night.",
        "From 2014 to 2016 the economy shrank; in the '90s it grew every year.",
    ],
)
def test_trigger_scan_on_constructed_text(text):
    pattern, _ = master()
    full = [(m.start(), m.end()) for m in pattern.finditer(text)]
    assert [(m.start(), m.end()) for m in _scan(text, triggers(), dispatch())] == full
    assert full


def test_weekday_resolution_follows_tense():
    wed = date(2021, 12, 8)
    assert tag("Troops left the town on Friday.", wed)[0].value == "2021-12-03"
    assert tag("Troops will leave the town on Friday.", wed)[0].value == "2021-12-10"
    assert tag("The ministers met Wednesday.", wed)[0].value == "2021-12-08"
    assert tag("The ministers meet next Wednesday.", wed)[0].value == "2021-12-15"
    assert tag("The ministers met last Wednesday.", wed)[0].value == "2021-12-01"


def test_parse_tense_is_used_when_a_doc_is_given():
    from brink.nlp import parse

    wed = date(2021, 12, 8)
    text = "On Friday, the envoy who had met Putin will fly to Kyiv."
    # Cue words alone see "had met" first (a known weakness of tag(text) without a parse);
    # the parse attaches "On Friday" to "will fly".
    assert tag(text, wed)[0].value == "2021-12-03"
    assert tag(text, wed, doc=parse(text))[0].value == "2021-12-10"
    past = "Officials said the ministers voted on Friday."
    assert tag(past, wed, doc=parse(past))[0].value == "2021-12-03"


def test_empty_and_no_anchor():
    assert tag("", date(2021, 12, 8)) == []
    assert tag("Nothing happened here.", None) == []
    (tx,) = tag("The ministers met last week.", None)
    assert tx.value == "XXXX-WXX"
    # a datetime anchor is taken as its date
    (tx,) = tag("The ministers met last week.", datetime(2021, 12, 8, 23, 59))
    assert tx.value == "2021-W48"
