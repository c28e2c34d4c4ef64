"""Split an actor phrase into pieces the knowledge base knows.

`segment()` matches the longest known phrase at each word: names of entities, sector words
("agents") and function words; unknown capitalised words become name pieces. `Context` is what
the rest of a document can tell the phrase resolver (the plain `Context` knows nothing;
`brink.actors.doc.DocActors` knows the document).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from brink.actors.kb import Agent, Hit, KnowledgeBase
from brink.actors.text import Word
from brink.actors.types import Resolution

# Entity labels of a parser that mark a capitalised word as part of a non-person name.
_ORG_LABELS = {"ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LOC", "GPE", "NORP"}
# Name particles that may stay lower case inside a personal name ("Abu Bakr al-Baghdadi").
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "del", "van", "von", "der", "la", "le",
                   "du", "abu", "ben", "bint", "ul", "ud"}


@dataclass
class Piece:
    start: int  # word indices [start, end)
    end: int
    text: str
    kind: str  # entity | agent | word | name | other | poss | punct
    hits: list[Hit] = field(default_factory=list)
    agent: Agent | None = None
    wclass: str = ""
    wvalue: str = ""
    possessive: bool = False
    sponsor: bool = False


class Context:
    """Document knowledge used while resolving a phrase; this base class knows nothing."""

    text: str = ""
    phrase: str = ""  # the phrase being resolved (set by resolve_words)

    def local_name(self, key: str) -> Resolution | None:
        return None

    def choose(self, key: str, cues: tuple[str, ...], phrase: str = "") -> bool:
        """True when cues in the phrase (or, for a document, around it) select the alternative
        reading of an ambiguous name ("Atlanta, Georgia")."""
        low = phrase.lower()
        return any(cue in low for cue in cues)

    def antecedent(self, want: str, anaphor: str = "", sector: str | None = None,
                   country: str | None = None, head: str | None = None) -> Resolution | None:
        return None

    def several(self, want: str, count: int) -> list[Resolution]:
        return []



def segment(words: list[Word], kb: KnowledgeBase, proper: dict[int, str] | None = None,
            ctx: Context | None = None) -> list[Piece]:
    """Longest-match the words against the knowledge base. `proper` (offsets of proper-noun
    tokens, when a parser has seen the text) keeps a capitalised common word at the start of a
    phrase ("Legal experts", "Such matters") out of names, unless the document named it before."""
    pieces: list[Piece] = []
    n, i = len(words), 0
    norms = [w.norm for w in words]
    while i < n:
        w = words[i]
        if w.norm in ("'s", "'"):
            if pieces:
                pieces[-1].possessive = True
            i += 1
            continue
        if w.norm in (",", ";", ":", "(", ")", "/"):
            pieces.append(Piece(i, i + 1, w.raw, "punct", wvalue=w.norm))
            i += 1
            continue
        best: Piece | None = None
        for size in range(min(kb.max_words, n - i), 0, -1):
            key = " ".join(norms[i : i + size])
            span = words[i : i + size]
            text = " ".join(x.raw for x in span)
            hits = [h for h in kb.lookup(key)
                    if not h.case_sensitive or all(x.is_upper for x in span)]
            agent = kb.agent(key)
            if hits and agent is not None and all(h.via == "surname" for h in hits):
                hits = []  # "King", "Price": a title word before a namesake's surname
            if hits and size == 1 and key in kb.words:
                # "You", "Who": a function word is a name only as a capitalised acronym ("WHO")
                hits = [h for h in hits if h.case_sensitive]
            if hits and (size > 1 or w.is_title or w.is_upper or hits[0].entity.kind == "country"):
                best = Piece(i, i + size, text, "entity", hits=hits, agent=agent)
            elif agent is not None:
                best = Piece(i, i + size, text, "agent", agent=agent)
            elif key in kb.words:
                cls, value = kb.words[key]
                best = Piece(i, i + size, text, "word", wclass=cls, wvalue=value)
            if best is not None:
                break
        if best is None:
            is_name = w.is_title and (proper is None or w.start in proper or i > 0 or (
                ctx is not None and ctx.local_name(w.norm) is not None))
            if is_name and proper is not None and proper.get(w.start) in _ORG_LABELS:
                is_name = False  # "the Somali Military Command": part of an organisation's name
            best = Piece(i, i + 1, w.raw, "name" if is_name else "other")
        # unknown capitalised words (and particles inside them) join into one name
        if best.kind == "name" and pieces and pieces[-1].kind == "name":
            pieces[-1].end, pieces[-1].text = best.end, f"{pieces[-1].text} {best.text}"
        elif (best.kind == "name" and pieces and pieces[-1].kind == "other"
              and pieces[-1].text.lower() in _NAME_PARTICLES and len(pieces) > 1
              and pieces[-2].kind == "name"):
            particle = pieces.pop()
            pieces[-1].end = best.end
            pieces[-1].text = f"{pieces[-1].text} {particle.text} {best.text}"
        else:
            pieces.append(best)
        i = best.end
    _mark_sponsors(pieces)
    return pieces


def _mark_sponsors(pieces: list[Piece]) -> None:
    """"Iran-backed Houthis", "pro-Russian separatists": the sponsor is not the actor's country."""
    for k, p in enumerate(pieces):
        if p.kind == "word" and p.wclass == "sponsor":
            if p.text.lower() in ("pro", "anti"):
                if k + 1 < len(pieces):
                    pieces[k + 1].sponsor = True
            elif k > 0:
                pieces[k - 1].sponsor = True
