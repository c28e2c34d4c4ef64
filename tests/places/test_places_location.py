"""event_location: the place of the act, read from the trigger's clause (locations.tsv)."""

from __future__ import annotations

import pytest
from places_eval import doc_for, judge_location, load_locations

from brink.places import event_location, geoparse

CASES = load_locations()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.trigger}:{c.sentence[:40]}" for c in CASES])
def test_location(case) -> None:
    ok, got = judge_location(case)
    assert ok, f"{case.label} -> {got.text if got else None}"


def test_location_is_one_of_the_given_places() -> None:
    doc = doc_for("A bombing in Kabul killed 12 people on Tuesday.")
    places = geoparse(doc)
    where = event_location(doc[1], places)
    assert where is places[0]


def test_places_outside_the_trigger_sentence_do_not_count() -> None:
    doc = doc_for("Officials met in Kyiv on Monday. A strike killed three people.")
    trigger = next(t for t in doc if t.text == "strike")
    assert event_location(trigger, geoparse(doc)) is None


def test_no_places_no_location() -> None:
    doc = doc_for("A strike killed three people, officials said.")
    trigger = next(t for t in doc if t.text == "strike")
    assert event_location(trigger, []) is None
