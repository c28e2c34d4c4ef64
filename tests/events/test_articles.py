"""Whole articles (tests/data/articles_gold.jsonl): found, correct, and never an unreal act as real."""

from __future__ import annotations

from pathlib import Path

from brink.evaluate import eval_articles
from brink.options import load_options
from brink.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]


def test_article_gold_floors():
    scores = eval_articles(ROOT / "tests" / "data" / "articles_gold.jsonl", ROOT / "data" / "sample",
                           Pipeline(load_options()))  # fmt: skip
    assert scores["recall_required"] >= 0.52, scores["per_doc"]
    assert scores["precision"] >= 0.68, scores["per_doc"]
    assert scores["violations"] <= 5, scores["violation_examples"]
    assert scores["date_accuracy"] >= 0.78
