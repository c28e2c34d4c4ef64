"""governing_timex: the timex that dates a trigger's clause, from the dependency parse."""

from __future__ import annotations

from datetime import date

import pytest

from brink.nlp import parse
from brink.timex import governing_timex, tag

ANCHOR = date(2021, 12, 8)

# (sentence, {trigger word: text of the governing timex, or None})
CASES = [
    (
        "Putin said during a news conference with the Greek prime minister on Wednesday that "
        "Russia and the U.S. had agreed to set up a new joint body.",
        {"said": "Wednesday", "agreed": None, "set": None},
    ),
    (
        "The Russian leader during Tuesday's video call with Biden repeated his demand for "
        "guarantees.",
        {"repeated": "Tuesday", "call": "Tuesday", "demand": "Tuesday"},
    ),
    (
        "The ministry said on Friday that troops had attacked the village on Tuesday.",
        {"said": "Friday", "attacked": "Tuesday"},
    ),
    (
        "On Monday, rebels shelled the town and killed ten civilians.",
        {"shelled": "Monday", "killed": "Monday"},
    ),
    (
        "Rebels shelled the town on Monday and will hold talks next week.",
        {"shelled": "Monday", "hold": "next week", "talks": "next week"},
    ),
    (
        "The attack on Sunday killed 12 soldiers, officials said Tuesday.",
        {"attack": "Sunday", "killed": "Sunday", "said": "Tuesday"},
    ),
    ("Biden and Putin held talks on Tuesday.", {"talks": "Tuesday", "held": "Tuesday"}),
    (
        "Sullivan told reporters that the two leaders, who last spoke in June, would speak again.",
        {"told": None, "speak": None, "spoke": "June"},
    ),
    (
        "The strike, which took place early Thursday, destroyed a radar station.",
        {"strike": "early Thursday", "took": "early Thursday", "destroyed": "early Thursday"},
    ),
    (
        "Moscow would send its proposals within the next week, he said on Wednesday.",
        {"send": "the next week", "said": "Wednesday"},
    ),
    (
        "Troops began withdrawing from the border on Tuesday after talks ended last week.",
        {"began": "Tuesday", "withdrawing": "Tuesday", "ended": "last week"},
    ),
    (
        "Officials said the election, held in 2019, was marred by fraud.",
        {"held": "2019", "election": "2019", "said": None},
    ),
    (
        "Ukraine accused Russia on Thursday of massing 94,000 troops near the border.",
        {"accused": "Thursday", "massing": None},
    ),
    (
        "Police arrested 40 protesters yesterday, a day after the government banned rallies in "
        "the capital.",
        {"arrested": "yesterday"},
    ),
    (
        "In 2014, Russia annexed Crimea, and last week it warned Kyiv against joining NATO.",
        {"annexed": "2014", "warned": "last week"},
    ),
]


def _token(doc, word):
    hits = [t for t in doc if t.text == word]
    assert hits, word
    return hits[0]


@pytest.fixture(scope="module")
def parsed():
    return {s: parse(s) for s, _ in CASES}


@pytest.mark.parametrize("sentence,expected", CASES, ids=[f"s{i}" for i in range(len(CASES))])
def test_governing_timex(parsed, sentence, expected):
    doc = parsed[sentence]
    timexes = tag(sentence, ANCHOR, doc=doc)
    assert len(timexes) >= 1
    for word, want in expected.items():
        got = governing_timex(_token(doc, word), timexes)
        assert (got.text if got else None) == want, word


def test_only_timexes_of_the_trigger_sentence_count():
    text = "Talks ended on Monday. The rebels attacked the town."
    doc = parse(text)
    timexes = tag(text, ANCHOR, doc=doc)
    assert [t.text for t in timexes] == ["Monday"]
    assert governing_timex(_token(doc, "attacked"), timexes) is None
    assert governing_timex(_token(doc, "ended"), timexes).text == "Monday"


def test_no_timexes():
    doc = parse("The rebels attacked the town.")
    assert governing_timex(_token(doc, "attacked"), []) is None
