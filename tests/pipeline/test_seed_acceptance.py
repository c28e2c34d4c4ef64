"""The reference documents: the December 2021 Biden–Putin calls, end to end."""

from __future__ import annotations

import pytest

from brink.options import load_options
from brink.pipeline import Pipeline
from brink.records import RawDocument


@pytest.fixture(scope="module")
def seed_events(seeds):
    pipeline = Pipeline(load_options())
    raws = [RawDocument(origin=s["id"], id=s["id"], text=s["text"], published=s["published"]) for s in seeds.values()]
    return {r.document.id: r.events for r in pipeline.run(raws)}


def find(events, type_, actor, recipient, trigger_word=None):
    return [
        e for e in events
        if e.type == type_ and e.actor and e.actor.country == actor
        and e.recipient and e.recipient.country == recipient
        and (trigger_word is None or trigger_word in e.evidence.trigger.lower())
    ]  # fmt: skip


def real(event):
    m = event.modality
    return not (m.negated or m.hypothetical or m.historical)


def test_putin_demand_for_guarantees_is_a_request_to_the_us_on_tuesday(seed_events):
    hits = find(seed_events["seed-000"], "REQUEST", "RUS", "USA", "demand")
    assert hits and hits[0].date == "2021-12-07" and real(hits[0])
    assert "legally binding guaranties" in hits[0].evidence.sentence


def test_biden_warning_of_sanctions_is_a_threat_dated_to_the_call(seed_events):
    hits = find(seed_events["seed-000"], "THREATEN", "USA", "RUS", "warned")
    dated = [e for e in hits if e.date == "2021-12-07"]
    assert dated and "new sanctions" in dated[0].evidence.sentence


def test_threatened_sanctions_are_not_a_sanction(seed_events):
    sentence = "Biden had warned that the U.S. would impose new sanctions"
    for e in seed_events["seed-000"]:
        if sentence in e.evidence.sentence:
            assert e.type == "THREATEN"


def test_red_line_remark_is_a_rejection_on_friday(seed_events):
    hits = find(seed_events["seed-000"], "REJECT", "USA", "RUS")
    assert any(e.date == "2021-12-03" and "red line" in e.evidence.sentence for e in hits)


def test_kremlin_blames_kyiv(seed_events):
    hits = find(seed_events["seed-000"], "ACCUSE", "RUS", "UKR", "blame")
    assert hits and hits[0].actor.sector == "GOV"


def test_crimea_annexation_is_not_a_new_act(seed_events):
    for e in seed_events["seed-004"]:
        if "annexation of Crimea in 2014" in e.evidence.sentence and "annexation" in e.evidence.trigger:
            assert e.modality.historical or e.date.startswith("2014")
            assert not e.date.startswith("2021")


def test_conditional_invasion_is_not_an_assault_that_happened(seed_events):
    for e in seed_events["seed-004"]:
        if "if Russia further invades Ukraine" in e.evidence.sentence and e.type == "ASSAULT":
            assert e.modality.hypothetical


def test_every_event_points_at_its_sentence(seeds, seed_events):
    from brink.clean import clean_document

    for doc_id, events in seed_events.items():
        seed = seeds[doc_id]
        text = clean_document(RawDocument(origin=doc_id, text=seed["text"], published=seed["published"])).text
        for e in events:
            assert text[e.evidence.start:e.evidence.end] == e.evidence.sentence
            assert text[e.evidence.trigger_start:e.evidence.trigger_end].split()[0] == e.evidence.trigger.split()[0]
            if e.actor:
                assert text[e.actor.start:e.actor.end] == e.actor.text
            assert 0 < e.confidence <= 1
