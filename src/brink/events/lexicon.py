"""The event lexicon: curated triggers, verb+object frames, event nouns and modality cues, plus the
PETRARCH2-derived CAMEO verb dictionary as a fallback and the PLOVER codebook tables.

All of it is data under `brink/data/lexicon/` (see its README for sources and licences); this
module only loads it into fast lookup tables, once per process.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

DATA = "data/lexicon"

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
VERBAL_COOPERATION = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}  # become AGREE when only intended
TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True)
class Sense:
    """What a trigger means: PLOVER type and mode, CAMEO code, contexts and a prior weight."""

    type: str
    mode: str | None
    cameo: str | None
    context: tuple[str, ...]
    weight: float
    source: str  # "verb", "frame", "noun" or "cameo"
    recipient_preps: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Pattern:
    """A multi-word pattern: a head lemma plus modifier words that must appear with it."""

    head: str
    modifiers: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Pattern:
        words = text.lower().split()  # hyphenated words ("build-up") stay one word
        return cls(head=words[-1], modifiers=tuple(words[:-1]))


@dataclass
class Frame:
    verbs: frozenset[str]
    objects: tuple[Pattern, ...]
    sense: Sense | None  # None: vetoes the verb's default sense


@dataclass
class CameoVerb:
    lemma: str
    particle: str | None
    sense: Sense | None
    patterns: list[tuple[list[list[str]], list[tuple[str, list[list[str]]]], Sense]]


@dataclass
class Lexicon:
    verbs: dict[str, Sense] = field(default_factory=dict)  # "call on", "meet"
    particles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    frames: dict[str, list[Frame]] = field(default_factory=lambda: defaultdict(list))
    subject_frames: dict[str, list[Frame]] = field(default_factory=lambda: defaultdict(list))  # "rockets hit"
    nouns: dict[str, list[tuple[Pattern, Sense]]] = field(default_factory=lambda: defaultdict(list))
    cues: dict[tuple[str, str], str] = field(default_factory=dict)  # (lemma, pos) -> effect
    cameo: dict[str, CameoVerb] = field(default_factory=dict)
    cameo_plover: dict[str, tuple[str, str | None, tuple[str, ...]]] = field(default_factory=dict)
    scores: dict[tuple[str, str | None], float] = field(default_factory=dict)
    cameo_sets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    evaluations: dict[str, str] = field(default_factory=dict)  # "arbitrary" -> "criticism"

    def slot_matches(self, alternatives: list[list[str]], words: set[str]) -> bool:
        """Does any alternative (a word list; "&SET" names a synonym set) occur among `words`?"""
        return any(all(self._word_matches(w, words) for w in alt) for alt in alternatives)

    def _word_matches(self, word: str, words: set[str]) -> bool:
        if word.startswith("&"):
            return any(all(m in words for m in member) for member in self.cameo_sets.get(word[1:], ()))
        return word in words

    def score(self, type_: str, mode: str | None) -> float | None:
        return self.scores.get((type_, mode), self.scores.get((type_, None)))

    def cue(self, lemma: str, pos: str) -> str | None:
        return self.cues.get((lemma, pos))

    def polarity(self, words: Iterable[Token]) -> str | None:
        """"praise" or "criticism" for the first evaluative word (or two-word phrase) among `words`."""
        words = list(words)
        for i, tok in enumerate(words):
            pair = f"{tok.lower_} {words[i + 1].lower_}" if i + 1 < len(words) else ""
            found = self.evaluations.get(pair) or self.evaluations.get(tok.lower_) or self.evaluations.get(
                tok.lemma_.lower())
            if found:
                return found
        return None


def _rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated data file with `#` comment lines and a header line."""
    path = resources.files("brink").joinpath(f"{DATA}/{name}")
    if not path.is_file():
        return
    lines = [line for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        yield {k: (v if v not in ("-", None) else "") for k, v in row.items()}


def _context(value: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in value.replace(";", ",").split(",") if c.strip())


def _sense(row: dict[str, str], source: str) -> Sense:
    return Sense(
        type=row["type"],
        mode=row.get("mode") or None,
        cameo=row.get("cameo") or None,
        context=_context(row.get("context", "")),
        weight=float(row.get("weight") or 0.5),
        source=source,
        recipient_preps=frozenset(p for p in row.get("recipient_preps", "").split("|") if p),
    )


def _register_verb(lex: Lexicon, lemma: str) -> None:
    verb, _, particle = lemma.partition(" ")
    if particle:
        lex.particles[verb].add(particle)


def _load_cameo(lex: Lexicon) -> None:
    """The PETRARCH2-derived verb dictionary (built by scripts/build_lexicon.py), if present.

    One JSON object per CAMEO verb block: its verbs share the block's patterns, whose `&SET` words
    name synonym sets in cameo_sets.json.
    """
    base = resources.files("brink").joinpath(DATA)
    if not base.joinpath("cameo_verbs.jsonl").is_file():
        return
    if base.joinpath("cameo_sets.json").is_file():
        lex.cameo_sets = {
            name: [tuple(m) for m in members]
            for name, members in json.loads(base.joinpath("cameo_sets.json").read_text("utf-8")).items()
        }
    for line in base.joinpath("cameo_verbs.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        block = json.loads(line)
        patterns = []
        for pat in block.get("patterns", []):
            psense = _cameo_sense(lex, pat.get("cameo"))
            if psense is None:
                continue
            preps = [(p["prep"], p.get("words", [])) for p in pat.get("preps", [])]
            patterns.append((pat.get("object", []), preps, psense))
        for verb in block.get("verbs", []):
            lemma = verb["lemma"] + (f" {verb['particle']}" if verb.get("particle") else "")
            sense = _cameo_sense(lex, verb.get("cameo"))  # "[---]" verbs have no code of their own
            if sense is None and not patterns:
                continue
            if lemma in lex.cameo:  # a verb listed in several blocks: try both blocks' patterns
                lex.cameo[lemma].patterns.extend(patterns)
                continue
            lex.cameo[lemma] = CameoVerb(verb["lemma"], verb.get("particle"), sense, list(patterns))
            _register_verb(lex, lemma)


def _cameo_sense(lex: Lexicon, code: str | None) -> Sense | None:
    if not code or code not in lex.cameo_plover:
        return None
    type_, mode, context = lex.cameo_plover[code]
    if type_ not in TYPES:
        return None
    # Dictionary-derived senses are weaker evidence than curated ones.
    return Sense(type_, mode, code, context, 0.45, "cameo")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lex = Lexicon()
    for row in _rows("cameo_plover.tsv"):
        lex.cameo_plover[row["cameo"]] = (row["type"], row.get("mode") or None, _context(row.get("context", "")))
    for row in _rows("plover_scores.tsv"):
        lex.scores[(row["type"], row.get("mode") or None)] = float(row["score"])
    for row in _rows("verbs.tsv"):
        lex.verbs.setdefault(row["lemma"], _sense(row, "verb"))
        _register_verb(lex, row["lemma"])
    for name, column, table in (("verb_objects.tsv", "objects", lex.frames),
                                ("verb_subjects.tsv", "subjects", lex.subject_frames)):
        for row in _rows(name):
            sense = None if row["type"] == "NONE" else _sense(row, "frame")
            verbs = frozenset(v for v in row["verbs"].split("|") if v)
            objects = tuple(Pattern.parse(o) for o in row[column].split("|") if o)
            frame = Frame(verbs, objects, sense)
            for verb in verbs:
                table[verb].append(frame)
                _register_verb(lex, verb)
    for row in _rows("nouns.tsv"):
        pattern = Pattern.parse(row["noun"])
        lex.nouns[pattern.head].append((pattern, _sense(row, "noun")))
    for patterns in lex.nouns.values():
        patterns.sort(key=lambda item: -len(item[0].modifiers))  # most specific first
    for row in _rows("cues.tsv"):
        lex.cues[(row["lemma"], row["pos"])] = row["effect"]
    for row in _rows("evaluations.tsv"):
        lex.evaluations[row["word"]] = row["polarity"]
    _load_cameo(lex)
    return lex
