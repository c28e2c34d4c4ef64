"""Accuracy floors on the development gold sets in ../shared/eval (skipped when absent).

The floors sit a little under the measured scores so that a change that lowers accuracy fails
loudly; raising a floor after an improvement is a normal commit.
"""

from __future__ import annotations

import pytest

from brink import evaluate
from brink.options import load_options
from brink.pipeline import Pipeline

EVAL = evaluate.default_eval_dir()
pytestmark = pytest.mark.skipif(EVAL is None, reason="../shared/eval not present")


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(load_options().replace(min_confidence=0.0))


def test_plv_dev_floor(pipeline):
    scores = evaluate.eval_plv(EVAL / "plv_dev.csv", pipeline)
    assert scores["macro_f1"] >= 0.74
    assert scores["accuracy"] >= 0.73
    assert scores["actor_span_match"] >= 0.88
    high = scores["reliability"][-1]
    assert high["accuracy"] >= 0.8  # confidence >= 0.8 means right at least 80 % of the time


def test_plover_gsr_floor(pipeline):
    scores = evaluate.eval_gsr(EVAL / "plover_gsr.json", pipeline)
    assert scores["accuracy"] >= 0.70
    assert scores["actor_country"] >= 0.74
