"""Typed records passed between pipeline stages.

Every stage is a function over these dataclasses, so the same code runs in one process, in a
process pool or on a Dask cluster (all records pickle). `to_dict()` gives the JSON shape of the
public record schema (`brink.event/2`, documented in the README).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

EVENT_SCHEMA = "brink.event/2"


def _asdict(obj: Any) -> dict[str, Any]:
    return dataclasses.asdict(obj)


@dataclass
class RawDocument:
    """A document as read from its input, before cleaning."""

    origin: str  # file path (and line for JSONL) it came from, for error messages
    id: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # as given; parsed by clean
    source: str | None = None


@dataclass
class Document:
    """A cleaned document: `text` is what every character offset in brink points into."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: str | None = None  # "given", "metadata", "text" or None
    source: str | None = None
    origin: str | None = None
    content_hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = _asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d


@dataclass
class Actor:
    """An actor or recipient: the text span and what it resolves to."""

    text: str
    name: str | None = None  # canonical name (person, organisation or country)
    country: str | None = None  # ISO 3166 alpha-3, or an IGO code such as NATO
    sector: str | None = None  # GOV, MIL, LEG, JUD, REB, IGO, CVL, ...
    start: int = 0  # character offsets into Document.text
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _asdict(self)


@dataclass
class Timex:
    """A TIMEX3-style temporal expression found in text."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # 2021-12-07, 2021-W48, 2022-01, 2021, P1M, PRESENT_REF, ...

    def to_dict(self) -> dict[str, Any]:
        return _asdict(self)


@dataclass
class Place:
    """A resolved toponym."""

    text: str
    name: str
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: str  # city | region | country
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _asdict(self)


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    reported_by: Actor | None = None  # the claimant when the act is only someone's claim

    def to_dict(self) -> dict[str, Any]:
        d = _asdict(self)
        d["reported_by"] = self.reported_by.to_dict() if self.reported_by else None
        return d


@dataclass
class Evidence:
    sentence: str
    start: int  # offsets of the sentence in Document.text
    end: int
    trigger: str
    trigger_start: int = 0
    trigger_end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _asdict(self)


@dataclass
class Event:
    """One coded event: the public record of schema `brink.event/2`."""

    event_id: str
    group_id: str
    doc_id: str
    type: str
    mode: str | None
    context: list[str]
    actor: Actor | None
    recipient: Actor | None
    date: str | None  # ISO date, or a coarser ISO value (2021-W48, 2022-01, 2021)
    date_precision: str  # day | week | month | year
    date_source: str  # text | published | none
    modality: Modality
    evidence: Evidence
    cameo: str | None
    score: float | None
    confidence: float
    location: Place | None = None
    schema: str = EVENT_SCHEMA
    # What the confidence model saw; kept for training and diagnostics, never serialised.
    features: dict[str, float] | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "event_id": self.event_id,
            "group_id": self.group_id,
            "doc_id": self.doc_id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "modality": self.modality.to_dict(),
            "evidence": self.evidence.to_dict(),
            "cameo": self.cameo,
            "score": self.score,
            "confidence": round(self.confidence, 3),
            "location": self.location.to_dict() if self.location else None,
        }


@dataclass
class DocumentResult:
    """What the pipeline produces for one document."""

    document: Document
    events: list[Event] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    words: int = 0


@dataclass
class InputProblem:
    """A document (or whole input) that was skipped, and why."""

    origin: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: [{self.code}] {self.message}"
