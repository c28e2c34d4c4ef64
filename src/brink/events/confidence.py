"""Event confidence: how likely a coded record is right, as a calibrated probability.

The coder describes each record by a few dozen features (what kind of trigger, how its actor was
found and resolved, how deep in the sentence it sits, its modality, its date source). A logistic
model over these features, trained by `scripts/train_confidence.py` on brink's own labelled
sentences (tests/data/event_suite.jsonl and modality_suite.jsonl, written for the project), turns
them into a probability. The weights are data (`data/lexicon/confidence_model.json`); when that
file is absent the rule-based prior is used instead.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

MODEL_FILE = "data/lexicon/confidence_model.json"
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")  # fmt: skip
DEPS = ("ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "pobj", "dobj", "nsubj")


def argument_kind(resolved: Any | None) -> str:
    """none | pronoun | country | sector | common (an unplaced common noun: "37 prisoners") | unresolved"""
    if resolved is None:
        return "none"
    if resolved.span.root.pos_ == "PRON" and not resolved.country:
        return "pronoun"
    if resolved.country:
        return "country"
    if resolved.sector:
        return "sector"
    if resolved.span.root.pos_ == "NOUN":
        return "common"
    return "unresolved"


def features(draft: Any, actor: Any | None, recipient: Any | None, date_source: str,
             candidates_in_sentence: int) -> dict[str, float]:  # fmt: skip
    """The feature dict of one record (names are stable: the model file refers to them)."""
    cand, gov = draft.cand, draft.gov
    tok = cand.token
    f: dict[str, float] = {
        "prior": draft.weight,
        f"source={cand.sense.source}": 1.0,
        f"type={draft.type}": 1.0,
        f"actor={argument_kind(actor)}": 1.0,
        f"recipient={argument_kind(recipient)}": 1.0,
        f"dep={tok.dep_ if tok.dep_ in DEPS else 'other'}": 1.0,
        f"date={date_source}": 1.0,
        "kind=noun": float(cand.kind == "noun"),
        "frame": float(cand.consumed is not None),
        "reported": float(draft.reporter is not None),
        "claim": float(gov.claim),
        "negated": float(gov.negated),
        "hypothetical": float(gov.hypothetical),
        "future": float(gov.future),
        "consequent": float(gov.consequent),
        "recipient_from_sentence": float("recipient from sentence" in draft.notes),
        "recipient_from_location": float("recipient from location" in draft.notes),
        "refusal": float("refusal" in draft.notes),
        "same_country": float(bool(actor and recipient and actor.country and actor.country == recipient.country)),
        "passive": float(any(c.dep_ == "auxpass" for c in tok.children)),
        "in_quote": float(in_quote(tok)),
        "crowded": math.log1p(max(candidates_in_sentence - 1, 0)),
        "headline": float(not tok.sent.text.rstrip().endswith((".", "”", '"', "’", "'"))),
        "many_actors": float(len(draft.actors) > 1),
    }
    return f


def in_quote(tok: Any) -> bool:
    """Is the token between an opening and a closing quotation mark in its sentence?"""
    opened = False
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.text in ("“", "”", '"', "``", "''"):
            opened = t.text in ("“", "``") or (t.text == '"' and not opened)
    return opened


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any] | None:
    path = resources.files("brink").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    return json.loads(path.read_text("utf-8"))


def probability(feats: dict[str, float], model: dict[str, Any]) -> float:
    z = model["bias"] + sum(model["weights"].get(name, 0.0) * value for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def rule_prior(draft: Any, actor: Any | None, recipient: Any | None) -> float:
    """The hand-set score used when no trained model is present."""
    score = draft.weight
    if actor is None:
        score -= 0.25
    elif actor.country:
        score += 0.1
    else:
        score -= 0.05
    if draft.type in ("AID", "COOPERATE", "SANCTION") and recipient is None:
        score -= 0.1
    if recipient is not None and recipient.country:
        score += 0.03
    if draft.gov.claim:
        score -= 0.1
    if "recipient from sentence" in draft.notes:
        score -= 0.05
    if draft.cand.kind == "noun":
        score -= 0.05
    return max(0.01, min(0.99, score))


def confidence(draft: Any, actor: Any | None, recipient: Any | None, date_source: str,
               candidates_in_sentence: int) -> tuple[float, dict[str, float]]:  # fmt: skip
    feats = features(draft, actor, recipient, date_source, candidates_in_sentence)
    model = load_model()
    if model is None:
        return rule_prior(draft, actor, recipient), feats
    return probability(feats, model), feats
