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
                   "du", "abu", "ben", "bint", "ul", "ud", "dos", "das", "do", "di", "della"}


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
    ethnic: bool = False  # "ethnic Albanians": a people, not the state the adjective names


class Context:
    """Document knowledge used while resolving a phrase; this base class knows nothing."""

    text: str = ""
    phrase: str = ""  # the phrase being resolved (set by resolve_words)

    def local_name(self, key: str) -> Resolution | None:
        return None

    def has_alias(self, key: str) -> bool:
        """Did the document define this exact short name ("… Agency (NISA)")? No fuzzy matching."""
        return False

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
        for size in range(min(kb.longest_from(norms[i]), n - i), 0, -1):
            key = " ".join(norms[i : i + size])
            span = words[i : i + size]
            text = " ".join(x.raw for x in span)
            hits = [h for h in kb.lookup(key)
                    if not h.case_sensitive or all(x.is_upper or not _has_letters(x) for x in span)]
            content = [x for x in span if kb.words.get(x.norm, ("", ""))[0] not in (
                "skip", "prep", "conj")] or span
            if hits and not any(x.is_title or x.is_upper for x in content):
                # names are capitalised: "the union" is not the EU, "red cross" not the ICRC
                # (unless the data wrote the name in lower case: "world body")
                hits = [h for h in hits if h.lower_ok]
            if hits and i == 0 and proper is not None and size == 1 and w.is_title and \
                    not w.is_upper and w.start not in proper and all(
                        h.entity.kind in ("person", "group") for h in hits):
                # a common word capitalised at the start of a sentence ("Price increases",
                # "Card games"): the parser did not take it for a proper noun
                hits = []
            agent = kb.agent(key)
            if hits and agent is not None and all(h.via == "surname" for h in hits):
                hits = []  # "King", "Price": a title word before a namesake's surname
            if hits and size == 1 and key in kb.words:
                # "You", "Who": a function word is a name only as a capitalised acronym ("WHO")
                hits = [h for h in hits if h.case_sensitive]
            if hits and size == 1 and w.is_title and all(
                    h.entity.kind == "person" for h in hits) and pieces and \
                    pieces[-1].kind == "word" and pieces[-1].text.lower() in _LOCATIVE:
                # "police in Lagos": after "in" a place, not Ricardo Lagos
                best = _place(words, norms, i, kb, pieces, proper)
                if best is not None:
                    break
            if hits:
                best = Piece(i, i + size, text, "entity", hits=hits, agent=agent)
            elif agent is not None:
                best = Piece(i, i + size, text, "agent", agent=agent)
            elif key in kb.words:
                cls, value = kb.words[key]
                best = Piece(i, i + size, text, "word", wclass=cls, wvalue=value)
            if best is not None:
                break
        if best is not None and best.kind == "entity" and best.end - i > 1 and \
                kb.words.get(w.norm, ("", ""))[0] == "skip" and \
                _longest_key_end(norms, i + 1, kb) > best.end:
            # "the Sudan People's Liberation Army": not "the Sudan" + "People's Liberation Army"
            cls, value = kb.words[w.norm]
            best = Piece(i, i + 1, w.raw, "word", wclass=cls, wvalue=value)
        if best is None and w.is_title and (proper is None or proper.get(w.start) != "PERSON"):
            best = _place(words, norms, i, kb, pieces, proper)
        if best is None:
            is_name = w.is_title and (proper is None or w.start in proper or i > 0 or (
                ctx is not None and ctx.local_name(w.norm) is not None))
            if is_name and proper is not None and proper.get(w.start) in _ORG_LABELS and not (
                    ctx is not None and ctx.has_alias(w.norm)):  # fmt: skip
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


_LOCATIVE = {"in", "near", "inside", "at", "across", "within", "outside"}
# Words after a place name that make it a place ("the Tyumen region", "Kunduz province").
_REGION_WORDS = {"region", "province", "state", "oblast", "district", "county", "governorate",
                 "prefecture", "territory", "city", "town", "village", "area", "krai", "valley"}
_PLACE_WORDS = 4  # longest place name tried ("Khanty Mansiysk Autonomous Okrug")


def _place(words: list[Word], norms: list[str], i: int, kb: KnowledgeBase,
           pieces: list[Piece], proper: dict[int, str] | None = None) -> Piece | None:
    """A capitalised name the knowledge base does not hold: a misspelt country ("Ethopia",
    "Bosnia-Herzogovina") or a region or city of the gazetteer used as a modifier or on its own
    ("Ontario's provincial leader", "Calgary police", "police in Lagos", "Ontario")."""
    prev = pieces[-1] if pieces else None
    if prev is not None and (prev.kind == "name" or (prev.kind == "word" and prev.wclass in (
            "honorific",)) or (prev.kind == "agent" and prev.agent is not None and
            "person" in prev.agent.flags and prev.end == i and _titled(words, prev))):
        return None  # a name goes on ("Kenzo Oshima") or follows a title ("President Jordan")
    places = kb.places
    # a misspelt country name, alone or completing the country word before it
    if prev is not None and prev.kind == "entity" and prev.end == i and prev.hits and all(
            h.entity.kind == "country" for h in prev.hits):
        two = f"{' '.join(norms[prev.start:i])} {norms[i]}"
        ent = places.fuzzy_country(two)
        if ent is not None and ent in [h.entity for h in prev.hits]:
            pieces.pop()
            text = " ".join(w.raw for w in words[prev.start : i + 1])
            return Piece(prev.start, i + 1, text, "entity", hits=[Hit(ent, "fuzzy")])
    ent = places.fuzzy_country(norms[i])
    if ent is not None:
        return Piece(i, i + 1, words[i].raw, "entity", hits=[Hit(ent, "fuzzy")])
    # a region or city: the longest run of capitalised words the gazetteer knows
    n = len(words)
    if prev is not None and prev.kind == "word" and prev.end == i and prev.end - prev.start == 1 \
            and words[prev.start].is_title and prev.wclass == "skip":
        # "New York": a capitalised function word starting the place name
        span = words[prev.start : i + 1]
        ent = places.place_country(" ".join(w.raw for w in span))
        if ent is not None:
            pieces.pop()
            return Piece(prev.start, i + 1, " ".join(w.raw for w in span), "entity",
                         hits=[Hit(ent, "place")])
    for size in range(min(_PLACE_WORDS, n - i), 0, -1):
        span = words[i : i + size]
        if not all(w.is_title or w.norm in _NAME_PARTICLES for w in span):
            continue
        j = i + size
        after = norms[j] if j < n else ""
        modifier = after in ("'s", "'") or after in _REGION_WORDS or any(
            kb.agent(" ".join(norms[j : j + k])) is not None for k in (1, 2, 3) if j + k <= n)
        before = next((p for p in reversed(pieces) if not (
            p.kind == "word" and p.wclass == "skip")), None)
        in_pp = before is not None and before.kind == "word" and before.wclass == "prep"
        ends = j == n or after in (",", ";", ":", "(", ")", "/", "and", "or")
        if not (modifier or in_pp or ends):
            continue
        bare = ends and not modifier and not in_pp
        tagged = proper is not None and proper.get(words[i].start) in ("GPE", "LOC", "FAC", "NORP")
        ent = places.place_country(" ".join(w.raw for w in span), bare=bare, tagged=tagged)
        if ent is not None:
            return Piece(i, j, " ".join(w.raw for w in span), "entity", hits=[Hit(ent, "place")])
    return None


def _longest_key_end(norms: list[str], i: int, kb: KnowledgeBase) -> int:
    """Where the longest knowledge-base name starting at word `i` ends (`i` if none does)."""
    for size in range(min(kb.longest_from(norms[i]) if i < len(norms) else 1, len(norms) - i), 1, -1):
        if kb.lookup(" ".join(norms[i : i + size])):
            return i + size
    return i


def _has_letters(w: Word) -> bool:
    return any(c.isalpha() for c in w.raw)


def _titled(words: list[Word], piece: Piece) -> bool:
    """The title word is capitalised, as titles before names are ("President Jordan")."""
    return words[piece.start].is_title


def _mark_sponsors(pieces: list[Piece]) -> None:
    """"Iran-backed Houthis", "pro-Russian separatists": the sponsor is not the actor's country."""
    for k, p in enumerate(pieces):
        if p.kind == "word" and p.wclass == "ethnic" and k + 1 < len(pieces) and \
                pieces[k + 1].kind == "entity":
            pieces[k + 1].sponsor = pieces[k + 1].ethnic = True
        if p.kind == "word" and p.wclass == "sponsor":
            if p.text.lower() in ("pro", "anti"):
                if k + 1 < len(pieces):
                    pieces[k + 1].sponsor = True
            elif k > 0:
                pieces[k - 1].sponsor = True
