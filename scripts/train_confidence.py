"""Train brink's event-confidence model on brink's own labelled sentences.

    python scripts/train_confidence.py [--out src/brink/data/lexicon/confidence_model.json]

Data, all written for the project (MIT): tests/data/event_suite.jsonl and modality_suite.jsonl
(sentences) and tests/data/articles_train_*.jsonl (VOA stories annotated like the article gold
set; tests/data/articles_gold.jsonl is kept out, it is the measure). Every record the coder emits
is labelled right (it matches an expected or optional event) or wrong (spurious, or a forbidden act
emitted as real); correctly flagged unreal acts are left out. A logistic regression with an L2
penalty is fitted by gradient descent on the features of `brink.events.confidence.features`.
Nothing from ../shared/eval is used.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import numpy as np

from brink.evaluate import _absent_violated, matches_gold, suite_match, violates
from brink.ingest import read_inputs
from brink.options import load_options
from brink.pipeline import Pipeline
from brink.records import Document

ROOT = Path(__file__).resolve().parents[1]
SUITES = [ROOT / "tests" / "data" / "event_suite.jsonl", ROOT / "tests" / "data" / "modality_suite.jsonl"]
ARTICLES = sorted((ROOT / "tests" / "data").glob("articles_train_*.jsonl"))
SAMPLE = ROOT / "data" / "sample"
OUT = ROOT / "src" / "brink" / "data" / "lexicon" / "confidence_model.json"


def labelled_events() -> list[tuple[dict[str, float], int]]:
    records = [json.loads(x) for path in SUITES for x in path.read_text("utf-8").splitlines() if x.strip()]
    docs = [Document(id=r["id"], text=r["text"], origin=r["id"],
                     published=date.fromisoformat(r["published"]) if r.get("published") else None)
            for r in records]  # fmt: skip
    pipeline = Pipeline(load_options().replace(min_confidence=0.0))
    by_id = {r["id"]: r for r in records}
    rows: list[tuple[dict[str, float], int]] = []
    for result in pipeline.analyse_documents(docs):
        record = by_id[result.document.id]
        for event in result.events:
            good = any(suite_match(event, g) for g in record["events"] + record.get("optional", []))
            bad = any(_absent_violated(event, a) for a in record.get("absent", []))
            unreal = event.modality.negated or event.modality.hypothetical
            if not good and not bad and unreal:
                continue  # a correctly flagged unreal act: neither right nor wrong as a new act
            rows.append((event.features or {}, int(good and not bad)))
    return rows + labelled_article_events(pipeline)


def labelled_article_events(pipeline: Pipeline) -> list[tuple[dict[str, float], int]]:
    golds = {g["doc_id"]: g for path in ARTICLES for g in map(json.loads, path.read_text("utf-8").splitlines()) if g}
    raws = [r for r in read_inputs([SAMPLE]) if getattr(r, "id", None) in golds]
    rows: list[tuple[dict[str, float], int]] = []
    for result in pipeline.run(raws):
        gold = golds[result.document.id]
        for event in result.events:
            if any(matches_gold(event, g) for g in gold["events"]):
                rows.append((event.features or {}, 1))
                continue
            verdicts = [violates(event, f) for f in gold["forbidden"]]
            if None in verdicts and True not in verdicts:
                continue  # an acceptable, correctly flagged emission
            rows.append((event.features or {}, 0))
    return rows


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000, lr: float = 0.5) -> np.ndarray:
    """Weights (bias last) of an L2-penalised logistic regression, by full-batch gradient descent."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2 / len(x))
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) / len(x) + penalty * w
        w -= lr * grad
    return w


def cross_validate(x: np.ndarray, y: np.ndarray, folds: int = 5) -> dict[str, float]:
    rng = np.random.default_rng(7)
    order = rng.permutation(len(x))
    losses, hits, n = [], 0, 0
    for k in range(folds):
        test = order[k::folds]
        train = np.setdiff1d(order, test)
        w = fit(x[train], y[train])
        p = 1.0 / (1.0 + np.exp(-(np.hstack([x[test], np.ones((len(test), 1))]) @ w)))
        p = np.clip(p, 1e-6, 1 - 1e-6)
        losses.append(float(-np.mean(y[test] * np.log(p) + (1 - y[test]) * np.log(1 - p))))
        hits += int(np.sum((p >= 0.5) == (y[test] == 1)))
        n += len(test)
    return {"log_loss": float(np.mean(losses)), "accuracy": hits / n}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = labelled_events()
    names = sorted({name for feats, _ in rows for name in feats})
    x = np.array([[feats.get(name, 0.0) for name in names] for feats, _ in rows])
    y = np.array([label for _, label in rows], dtype=float)
    cv = cross_validate(x, y)
    w = fit(x, y)
    model = {
        "about": "brink event-confidence model: logistic regression over brink.events.confidence.features, "
                 "trained by scripts/train_confidence.py on tests/data/event_suite.jsonl, "
                 "modality_suite.jsonl and articles_train_*.jsonl (brink's own annotations, MIT).",
        "trained_on": {"records": len(rows), "right": int(y.sum()), "wrong": int(len(y) - y.sum())},
        "cross_validation": cv,
        "bias": round(float(w[-1]), 5),
        "weights": {name: round(float(v), 5) for name, v in zip(names, w[:-1], strict=True) if abs(v) > 1e-6},
    }  # fmt: skip
    args.out.write_text(json.dumps(model, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(rows)} records ({int(y.sum())} right); 5-fold CV: log-loss {cv['log_loss']:.3f}, "
          f"accuracy {cv['accuracy']:.3f}; wrote {args.out}")


if __name__ == "__main__":
    main()
