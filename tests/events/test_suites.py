"""The event coder on brink's labelled sentence suites (tests/data, written for the project).

Per-sentence checks hold the guarantees (a threatened, denied, conditional or historical act is
never emitted as a new act); floors on recall keep accuracy from sliding. The confidence model is
trained on these suites, so their numbers are not an unbiased estimate: `brink eval` reports the
held-out ones.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from brink.evaluate import _absent_violated, eval_suite, suite_match
from brink.options import load_options
from brink.pipeline import Pipeline
from brink.records import Document

DATA = Path(__file__).resolve().parents[1] / "data"
MODALITY = [json.loads(x) for x in (DATA / "modality_suite.jsonl").read_text("utf-8").splitlines() if x.strip()]


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(load_options())


@pytest.fixture(scope="module")
def modality_events(pipeline):
    docs = [Document(id=r["id"], text=r["text"], published=date.fromisoformat(r["published"])) for r in MODALITY]
    return {res.document.id: res.events for res in pipeline.analyse_documents(docs)}


@pytest.mark.parametrize("record", [r for r in MODALITY if r.get("absent")], ids=lambda r: r["id"])
def test_unreal_acts_are_never_new_acts(record, modality_events):
    emitted = modality_events[record["id"]]
    for event in emitted:
        for absent in record["absent"]:
            assert not _absent_violated(event, absent), (
                f"{event.type} '{event.evidence.trigger}' emitted as a new act ({absent['reason']}): {record['text']}"
            )


@pytest.mark.parametrize("record", [r for r in MODALITY if "no-event" in r.get("tags", [])], ids=lambda r: r["id"])
def test_no_event_sentences_yield_no_real_events(record, modality_events):
    real = [e for e in modality_events[record["id"]] if not (e.modality.negated or e.modality.hypothetical)]
    unexpected = [e for e in real if not any(suite_match(e, g) for g in record.get("optional", []))]
    assert not unexpected, f"{[(e.type, e.evidence.trigger) for e in unexpected]}: {record['text']}"


@pytest.mark.parametrize(
    ("suite", "recall_floor", "violation_ceiling"),
    [("modality_suite", 0.62, 0), ("event_suite", 0.58, 3)],
)
def test_suite_floors(pipeline, suite, recall_floor, violation_ceiling):
    scores = eval_suite(DATA / f"{suite}.jsonl", pipeline)
    assert scores["recall"] >= recall_floor, scores["failures"][:20]
    assert scores["violations"] <= violation_ceiling, [f for f in scores["failures"] if "forbidden" in f]
    assert scores["date_accuracy"] >= 0.9
