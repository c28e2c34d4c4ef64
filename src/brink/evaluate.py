"""`brink eval`: scores on the development gold sets in ../shared/eval, skipped when absent.

- plv_dev.csv (sentences with one PLOVER label and actor/recipient spans): the prediction for a
  sentence is the type of its highest-confidence real event (CONCEDE and RETREAT count as the
  file's YIELD); per-type precision/recall/F1, macro-F1, top-1 accuracy, actor and recipient span
  match on the correctly typed sentences, and a confidence reliability table.
- plover_gsr.json (PLOVER gold-standard records): type accuracy and actor/recipient country.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from brink.options import load_options
from brink.pipeline import Pipeline
from brink.records import Document, Event

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
YIELD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
# CAMEO actor codes in plover_gsr.json that are not ISO 3166 alpha-3.
GSR_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
GSR_CLASSES = {"IGO", "NGO", "IMG", "ISM"}  # any IGO / NGO / militant group
NONE = "NONE"


def default_eval_dir() -> Path | None:
    """../shared/eval relative to the working directory or to the source checkout."""
    here = Path(__file__).resolve()
    for base in (Path.cwd(), *here.parents):
        candidate = base / ".." / "shared" / "eval"
        if candidate.is_dir():
            return candidate.resolve()
    return None


def best_event(events: list[Event]) -> Event | None:
    """The sentence's main act: real events first, then by confidence."""
    if not events:
        return None
    return max(events, key=lambda e: (not (e.modality.negated or e.modality.hypothetical), e.confidence))


def code_texts(texts: Iterable[tuple[str, str]], pipeline: Pipeline,
               published: dict[str, date] | None = None) -> dict[str, list[Event]]:
    """Events for (id, sentence) pairs, each sentence coded as its own document (dated when the
    gold set gives a date)."""
    published = published or {}
    docs = [Document(id=i, text=t, origin=f"eval:{i}", published=published.get(i)) for i, t in texts]
    out: dict[str, list[Event]] = {}
    for result in pipeline.analyse_documents(docs):
        if hasattr(result, "events"):
            out[result.document.id] = result.events
    return out


_NORM = re.compile(r"[^\w]+")
_DETS = {"the", "a", "an"}


def _tokens(text: str) -> list[str]:
    return [t for t in _NORM.sub(" ", text.lower()).split() if t not in _DETS]


def span_match(predicted: str | None, gold: str | None) -> bool:
    """Relaxed span match: one contains the other, or half the tokens are shared."""
    if not predicted or not gold:
        return False
    p, g = _tokens(predicted), _tokens(gold)
    if not p or not g:
        return False
    ps, gs = " ".join(p), " ".join(g)
    if ps in gs or gs in ps:
        return True
    shared = len(set(p) & set(g))
    return shared / max(len(set(p) | set(g)), 1) >= 0.5


def prf(gold: list[str], pred: list[str]) -> dict[str, Any]:
    labels = sorted(set(gold) - {NONE})
    per: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    macro = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0
    accuracy = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold) if gold else 0.0
    return {"per_type": per, "macro_f1": macro, "accuracy": accuracy, "n": len(gold)}


def reliability(pairs: list[tuple[float, bool]]) -> list[dict[str, Any]]:
    """Accuracy of predictions by confidence band."""
    bands = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
    table = []
    for lo, hi in bands:
        inside = [ok for conf, ok in pairs if lo <= conf < hi]
        table.append({"band": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": len(inside),
                      "accuracy": sum(inside) / len(inside) if inside else None})  # fmt: skip
    above = [ok for conf, ok in pairs if conf >= 0.8]
    table.append({"band": ">=0.8", "n": len(above), "accuracy": sum(above) / len(above) if above else None})
    return table


def eval_plv(path: Path, pipeline: Pipeline, limit: int | None = None) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    # A few sentences repeat with different labels; each row is scored on its own.
    coded = code_texts(((f"{i}", r["text"]) for i, r in enumerate(rows)), pipeline)
    gold, pred, pairs = [], [], []
    actor_hits = recipient_hits = recipient_total = typed = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for i, row in enumerate(rows):
        event = best_event(coded.get(f"{i}", []))
        label = row["label"]
        guess = YIELD.get(event.type, event.type) if event else NONE
        gold.append(label)
        pred.append(guess)
        confusion[(label, guess)] += 1
        if event is not None:
            pairs.append((event.confidence, guess == label))
        if event is not None and guess == label:
            typed += 1
            actor_hits += span_match(event.actor.text if event.actor else None, row["source"])
            target = row["target"] if row["target"] != "recipient" else ""
            if target:
                recipient_total += 1
                recipient_hits += span_match(event.recipient.text if event.recipient else None, target)
    scores = prf(gold, pred)
    scores["actor_span_match"] = actor_hits / typed if typed else 0.0
    scores["recipient_span_match"] = recipient_hits / recipient_total if recipient_total else 0.0
    scores["no_event"] = pred.count(NONE)
    scores["reliability"] = reliability(pairs)
    scores["confusion"] = {f"{g}->{p}": n for (g, p), n in confusion.most_common() if g != p}
    return scores


def _gsr_codes(value: Any) -> list[str]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    return [GSR_CODES.get(v.get("code", ""), v.get("code", "")) for v in value if isinstance(v, dict)]


def country_match(actor_country: str | None, sector: str | None, gold: list[str]) -> bool:
    if not gold or (actor_country is None and sector not in ("NGO", "IGO")):
        return False
    for code in gold:
        if code == actor_country:
            return True
        # GSR's old CAMEO "IGO" code covers international non-state bodies too (it codes Amnesty
        # International and the Red Cross as IGO); brink gives those sector NGO and no country.
        non_state = actor_country is not None and not re.fullmatch(r"[A-Z]{3}", actor_country)
        if code == "IGO" and (sector in ("IGO", "NGO") or non_state):
            return True
        if code == "NGO" and sector == "NGO":
            return True
        if code in ("IMG", "ISM") and sector in ("REB", "UAF", "INS"):
            return True
    return False


def eval_gsr(path: Path, pipeline: Pipeline, limit: int | None = None) -> dict[str, Any]:
    records = [r for r in json.loads(path.read_text("utf-8")) if r.get("event") != "DOCUMENT" and r.get("text")]
    records = records[:limit]
    # each record's date (the set gives 2000-01-01, close to its stories' time) is the story's
    dates = {r["id"]: date.fromisoformat(r["date"]) for r in records if r.get("date")}
    coded = code_texts(((r["id"], r["text"]) for r in records), pipeline, dates)
    gold, pred = [], []
    actor_ok = actor_n = recipient_ok = recipient_n = 0
    for r in records:
        event = best_event(coded.get(r["id"], []))
        label = OLD_LABELS.get(r["event"], r["event"])
        gold.append(label)
        pred.append(event.type if event else NONE)
        sources, targets = _gsr_codes(r.get("source")), _gsr_codes(r.get("target"))
        if sources:
            actor_n += 1
            a = event.actor if event else None
            actor_ok += country_match(a.country if a else None, a.sector if a else None, sources)
        if targets:
            recipient_n += 1
            t = event.recipient if event else None
            recipient_ok += country_match(t.country if t else None, t.sector if t else None, targets)
    scores = prf(gold, pred)
    scores["actor_country"] = actor_ok / actor_n if actor_n else 0.0
    scores["recipient_country"] = recipient_ok / recipient_n if recipient_n else 0.0
    return scores


def run(eval_dir: str | Path | None = None, limit: int | None = None) -> dict[str, Any]:
    base = Path(eval_dir) if eval_dir else default_eval_dir()
    results: dict[str, Any] = {"eval_dir": str(base) if base else None}
    pipeline = Pipeline(load_options().replace(min_confidence=0.0))
    for name, fn, key in (("plv_dev.csv", eval_plv, "plv_dev"), ("plover_gsr.json", eval_gsr, "plover_gsr")):
        path = base / name if base else None
        if path is None or not path.is_file():
            where = path or "../shared/eval"
            results[key] = {"skipped": f"[E030] evaluation data not found at {where}: evaluation skipped"}
            continue
        results[key] = fn(path, pipeline, limit)
    articles = default_articles()
    if articles is not None:
        # Articles are scored on what a user gets: the default confidence threshold applies.
        results["articles"] = eval_articles(*articles, Pipeline(load_options()))
    return results


def format_results(results: dict[str, Any]) -> str:
    lines: list[str] = []
    for key in ("plv_dev", "plover_gsr"):
        scores = results.get(key, {})
        lines.append(f"== {key}")
        if "skipped" in scores:
            lines.append("  " + scores["skipped"])
            continue
        lines.append(f"  {'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
        for label, v in scores["per_type"].items():
            lines.append(f"  {label:<10} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['support']:5d}")
        lines.append(f"  macro-F1 {scores['macro_f1']:.3f}   top-1 accuracy {scores['accuracy']:.3f}   n={scores['n']}")
        if key == "plv_dev":
            lines.append(f"  actor span match {scores['actor_span_match']:.3f}   "
                         f"recipient span match {scores['recipient_span_match']:.3f}   "
                         f"(of correctly typed sentences)   no event: {scores['no_event']}")  # fmt: skip
            lines.append("  reliability (confidence band: n, accuracy):")
            for row in scores["reliability"]:
                acc = f"{row['accuracy']:.3f}" if row["accuracy"] is not None else "  -  "
                lines.append(f"    {row['band']:<8} {row['n']:5d}  {acc}")
        else:
            lines.append(f"  actor country {scores['actor_country']:.3f}   "
                         f"recipient country {scores['recipient_country']:.3f}")
    if "articles" in results:
        a = results["articles"]
        date_acc = f"{a['date_accuracy']:.3f} of {a['dated_events']}" if a["date_accuracy"] is not None else "-"
        lines.append("== articles (tests/data/articles_gold.jsonl)")
        lines.append(f"  required events found {a['recall_required']:.3f} ({a['found']}/{a['required']})   "
                     f"emitted correct {a['precision']:.3f} ({a['correct']}/{a['emitted']})   "
                     f"forbidden emitted as new acts: {a['violations']}   date accuracy {date_acc}")  # fmt: skip
        for example in a["violation_examples"][:5]:
            lines.append(f"    violation: {example}")
    return "\n".join(lines)



# --- full articles -----------------------------------------------------------------------------
# tests/data/articles_gold.jsonl: every event a careful coder would code from 16 whole articles
# (required or optional), and the acts that must not be emitted as new acts (forbidden).
FLAGS = ("negated", "hypothetical", "future", "historical")


def _allowed(gold: dict[str, Any], field: str) -> list[Any]:
    return [gold.get(field)] + list((gold.get("alt") or {}).get(field, []))


def _country(actor) -> str | None:
    return actor.country if actor else None


def _in_sentence(event: Event, gold: dict[str, Any]) -> bool:
    spans = [gold["evidence"], *gold.get("also_evidence", [])]
    return any(span in event.evidence.sentence for span in spans)


def matches_gold(event: Event, gold: dict[str, Any]) -> bool:
    """Same act: evidence sentence, type, actor/recipient countries (either order when unordered)
    and modality flags; a gold country of null accepts any."""
    if not _in_sentence(event, gold) or event.type not in _allowed(gold, "type"):
        return False
    if any(bool(getattr(event.modality, f)) != bool(gold.get(f)) for f in ("negated", "hypothetical")):
        return False
    actors, recipients = _allowed(gold, "actor_country"), _allowed(gold, "recipient_country")
    a, r = _country(event.actor), _country(event.recipient)

    def fits(x: str | None, allowed: list[Any]) -> bool:
        return None in allowed or x in allowed

    straight = fits(a, actors) and (r is None or fits(r, recipients))
    swapped = gold.get("unordered") and fits(r, actors) and (a is None or fits(a, recipients))
    return bool(straight or swapped)


def _acceptable(event: Event, forbidden: dict[str, Any]) -> bool:
    for condition in forbidden.get("ok_if") or []:
        ok = True
        for key, value in condition.items():
            if key == "reported_by_country":
                ok &= _country(event.modality.reported_by) == value
            elif key == "date":
                ok &= bool(event.date and event.date.startswith(value))
            else:
                ok &= bool(getattr(event.modality, key)) == bool(value)
        if ok:
            return True
    return False


def violates(event: Event, forbidden: dict[str, Any]) -> bool | None:
    """True: emitted as a new act though forbidden; None: an acceptable (neutral) emission."""
    if event.type != forbidden["type"] or forbidden["evidence"] not in event.evidence.sentence:
        return False
    if forbidden.get("actor_country") and _country(event.actor) not in (forbidden["actor_country"], None):
        return False
    return None if _acceptable(event, forbidden) else True


def eval_articles(gold_path: Path, sample_dir: Path, pipeline: Pipeline) -> dict[str, Any]:
    from brink.ingest import read_inputs

    golds = {g["doc_id"]: g for g in (json.loads(x) for x in gold_path.read_text("utf-8").splitlines() if x)}
    raws = [r for r in read_inputs([sample_dir]) if getattr(r, "id", None) in golds]
    per_doc: dict[str, Any] = {}
    found = required = correct = emitted = neutral = 0
    dated_ok = dated_n = 0
    violations: list[str] = []
    for result in pipeline.run(raws):
        if not hasattr(result, "events"):
            continue
        gold = golds[result.document.id]
        events = result.events
        d_found = sum(1 for g in gold["events"] if g.get("required") and any(matches_gold(e, g) for e in events))
        d_required = sum(1 for g in gold["events"] if g.get("required"))
        d_correct = d_neutral = 0
        for e in events:
            match = next((g for g in gold["events"] if matches_gold(e, g)), None)
            if match is not None:
                d_correct += 1
                if match.get("date") is not None or "date" in (match.get("alt") or {}):
                    dated_n += 1
                    dated_ok += e.date in _allowed(match, "date")
                continue
            verdicts = [violates(e, f) for f in gold["forbidden"]]
            if True in verdicts:
                violations.append(
                    f"{result.document.id}: {e.type} '{e.evidence.trigger}' in: {e.evidence.sentence[:90]}"
                )
            elif None in verdicts:
                d_neutral += 1
        found, required = found + d_found, required + d_required
        correct, emitted, neutral = correct + d_correct, emitted + len(events), neutral + d_neutral
        per_doc[result.document.id] = {"found": d_found, "required": d_required, "correct": d_correct,
                                       "emitted": len(events) - d_neutral}  # fmt: skip
    scored = emitted - neutral
    return {
        "recall_required": found / required if required else 0.0,
        "precision": correct / scored if scored else 0.0,
        "violations": len(violations),
        "violation_examples": violations[:20],
        "date_accuracy": dated_ok / dated_n if dated_n else None,
        "dated_events": dated_n,
        "required": required, "found": found, "emitted": scored, "correct": correct,
        "per_doc": per_doc,
    }  # fmt: skip


def default_articles() -> tuple[Path, Path] | None:
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        gold, sample = base / "tests" / "data" / "articles_gold.jsonl", base / "data" / "sample"
        if gold.is_file() and sample.is_dir():
            return gold, sample
    return None


# --- labelled sentence suites ------------------------------------------------------------------
# tests/data/event_suite.jsonl and modality_suite.jsonl: sentences written for brink, each with the
# events a coder must emit, the acts it must not emit as new acts, and optional ones.


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def suite_match(event: Event, gold: dict[str, Any]) -> bool:
    types = {gold["type"], *(_as_list(gold.get("strict_type")) if gold.get("strict_type") else [])}
    if event.type not in types:
        return False
    for flag in FLAGS:
        if bool(getattr(event.modality, flag)) != bool(gold.get(flag)):
            return False
    countries = [c for c in _as_list(gold.get("actor_country")) if c]
    if countries and _country(event.actor) not in countries:
        return False
    return True


def _absent_violated(event: Event, absent: dict[str, Any]) -> bool:
    if event.type != absent["type"]:
        return False
    trigger = absent.get("trigger")
    if trigger and trigger.split()[0].lower()[:5] not in event.evidence.trigger.lower():
        return False
    allowed = absent.get("allowed_if")
    return not (allowed and getattr(event.modality, allowed, False))


def eval_suite(path: Path, pipeline: Pipeline) -> dict[str, Any]:
    records = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    docs = [Document(id=r["id"], text=r["text"], origin=f"suite:{r['id']}",
                     published=date.fromisoformat(r["published"]) if r.get("published") else None)
            for r in records]  # fmt: skip
    coded = {res.document.id: res.events for res in pipeline.analyse_documents(docs) if hasattr(res, "events")}
    found = expected = violations = spurious = emitted = dated_ok = dated_n = 0
    by_tag: dict[str, list[int]] = {}
    failures: list[str] = []
    for r in records:
        events = coded.get(r["id"], [])
        for g in r["events"]:
            expected += 1
            ok = any(suite_match(e, g) for e in events)
            found += ok
            for tag in r.get("tags", []):
                by_tag.setdefault(tag, [0, 0])[0] += ok
                by_tag.setdefault(tag, [0, 0])[1] += 1
            if not ok:
                failures.append(f"{r['id']} missed {g['type']} {g.get('actor_country')}: {r['text'][:80]}")
            if ok and g.get("date"):
                dated_n += 1
                dated_ok += any(suite_match(e, g) and e.date == g["date"] for e in events)
        for e in events:
            real = not (e.modality.negated or e.modality.hypothetical)
            emitted += 1
            if any(_absent_violated(e, a) for a in r.get("absent", [])):
                violations += 1
                failures.append(f"{r['id']} emitted forbidden {e.type} '{e.evidence.trigger}': {r['text'][:80]}")
            elif real and not any(suite_match(e, g) for g in r["events"] + r.get("optional", [])):
                spurious += 1
    return {
        "recall": found / expected if expected else 0.0,
        "violations": violations,
        "spurious": spurious,
        "emitted": emitted,
        "date_accuracy": dated_ok / dated_n if dated_n else None,
        "by_tag": {t: v[0] / v[1] for t, v in sorted(by_tag.items()) if v[1]},
        "failures": failures,
    }
