"""geoparse: the toponyms of a parsed document, resolved to gazetteer places.

Two steps. `find_mentions` reads capitalised token runs against the gazetteer (longest name first,
so "Gulf of Aden" beats "Aden") and records the evidence that a match is a place at all: spaCy's
entity label, a locative preposition before it ("in Kharkiv"), a "Town, Country" apposition, a
title before it ("Gen. Jackson"), an organisation word after it ("Kyiv Independent"). The small
spaCy model often labels unfamiliar toponyms PERSON or ORG ("Avdiivka", "Kyiv"), so labels are
evidence, never the gate.

`resolve` then picks one place per name, one sense per document: every mention of "Tripoli" in a
story resolves alike. A candidate's score is its prior (countries first, then regions, then cities
by population and prominence) plus support from the rest of the document: places and countries
named in the same sentence, the actor countries the caller passes, places in the same first-level
region, appositions ("Paris, Texas"), and, weakly, the countries named anywhere in the story (weakly
because the United States is named in most stories). Three rounds let places settle each other
(Atlanta makes Georgia the state; Tbilisi makes it the country).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from brink.places.gazetteer import (
    ALTERNATE,
    CITY,
    COUNTRY,
    OWN,
    QUALIFIED,
    REGION,
    Entry,
    Gazetteer,
    load_gazetteer,
)
from brink.places.lexicon import (
    ARTICLES,
    CONNECTORS,
    GEO_NOUNS,
    LOCATIVE_PREPS,
    OF_NOUNS,
    ORG_HEADS,
    PLACE_VERBS,
    PLURAL_REGION_WORDS,
    REGION_WORDS,
    SPEECH_VERBS,
    TITLES,
)
from brink.places.names import name_key
from brink.records import Place

FUZZY = 3
KIND_PENALTY = {OWN: 0.0, ALTERNATE: -1.5, QUALIFIED: 0.0, FUZZY: -2.0}
PLACE_LABELS = frozenset({"GPE", "LOC"})
NOT_PLACE_LABELS = frozenset({
    "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY",
})
ORG_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
MINOR_TOWN = 15000  # below this, a town needs its country named in the story
SMALL_CITY = 100000  # below this, a city needs a place label, a preposition or support ...
KNOWN = 25  # ... unless GeoNames knows it by this many names (Kherson, Kupiansk)
ROUNDS = 3


class _View:
    """Per-token attributes of a Doc, read once through `Doc.to_array` (making a Token object per
    attribute access costs more than the rest of geoparse)."""

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import IDX, ORTH, POS, SENT_START, TAG

        self.doc = doc
        self.text = doc.text
        strings = doc.vocab.strings
        arr = doc.to_array([ORTH, POS, TAG, IDX, SENT_START]) if len(doc) else None
        orth, pos, tag, idx, starts = (arr.T.tolist() if arr is not None else ([],) * 5)
        self.words = [strings[o] for o in orth]
        self.lower = [w.lower() for w in self.words]
        self.pos = [strings[p] for p in pos]
        self.tag = [strings[t] for t in tag]
        self.idx = idx
        self.n = len(orth)
        self.sent_starts = {i for i, s in enumerate(starts) if s == 1} | {0}
        self.sent = [0] * self.n
        k = -1
        for i in range(self.n):
            if i in self.sent_starts:
                k += 1
            self.sent[i] = k
        self.ent: list[tuple[str, int, int] | None] = [None] * self.n
        for e in doc.ents:
            for i in range(e.start, e.end):
                self.ent[i] = (e.label_, e.start, e.end)

    def cap(self, i: int) -> bool:
        w = self.words[i]
        return bool(w) and w[0].isupper()

    def end_char(self, i: int) -> int:
        return self.idx[i] + len(self.words[i])


@dataclass(eq=False)
class Mention:
    start: int  # token offsets [start, end)
    end: int
    cstart: int  # character offsets into doc.text
    cend: int
    key: str
    cands: list[tuple[Entry, int]]
    sent: int = 0
    qualified: bool = False
    label: str = ""
    whole: bool = False  # the entity is exactly this span
    partial: bool = False  # the entity is longer than this span ("Sado" in "Sado Khelo")
    loc_context: bool = False
    weak: bool = False  # a common word, person name or non-proper noun: needs more evidence
    appos: Mention | None = None  # "X, Y": the Y of this X
    chosen: Entry | None = None  # what its group resolved to in the current round


@dataclass(eq=False)
class Group:
    """All mentions of one name in a document; they resolve alike."""

    key: str
    mentions: list[Mention] = field(default_factory=list)
    chosen: Entry | None = None
    support: float = 0.0
    country_support: float = 0.0
    kind: int = OWN

    @property
    def qualified(self) -> bool:
        return any(m.qualified for m in self.mentions)

    def cands(self) -> list[tuple[Entry, int]]:
        best: dict[int, tuple[Entry, int]] = {}
        for m in self.mentions:
            for e, kind in m.cands:
                if e.index not in best or KIND_PENALTY[kind] > KIND_PENALTY[best[e.index][1]]:
                    best[e.index] = (e, kind)
        return list(best.values())


def geoparse(
    doc: Doc, context_countries: Iterable[str] = (), gazetteer: Gazetteer | None = None
) -> list[Place]:
    """Resolve the toponyms of `doc` to places, in text order.

    `context_countries` are ISO alpha-3 codes known to matter for this document (the countries of
    its actors, say); they tip ambiguous names towards places in those countries.
    """
    gaz = gazetteer or load_gazetteer()
    view = _View(doc)
    mentions, demonyms = _find(view, gaz)
    groups = resolve(mentions, gaz, context_countries, demonyms)
    text = view.text  # Doc.text joins every token on each access: read it once
    places = []
    for g in groups:
        e = g.chosen
        if e is None:
            continue
        for m in g.mentions:
            places.append(Place(
                text=text[m.cstart:m.cend], name=e.name, country=e.country, admin1=e.admin1,
                lat=e.lat, lon=e.lon, geonames_id=e.geonames_id, feature=e.feature,
                start=m.cstart, end=m.cend,
            ))
    places.sort(key=lambda p: p.start)
    return places


# --- finding mentions --------------------------------------------------------------------------

def find_mentions(doc: Doc, gaz: Gazetteer) -> tuple[list[Mention], Counter[str]]:
    """Gazetteer names in `doc` with their evidence, and the countries of the demonyms seen."""
    return _find(_View(doc), gaz)


def _find(v: _View, gaz: Gazetteer) -> tuple[list[Mention], Counter[str]]:
    doc = v.doc
    demonyms: Counter[str] = Counter()
    person_parts: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "NORP":
            c = gaz.demonyms.get(name_key(ent.text))
            if c:
                demonyms[c] += 1
        elif ent.label_ == "PERSON" and len(ent) > 1:
            person_parts.add(name_key(ent[-1].text))
    mentions: list[Mention] = []
    i = 0
    while i < v.n:
        if not _can_start(v, i):
            i += 1
            continue
        found = _longest_match(v, i, gaz)
        if found is None:
            m = _fuzzy_mention(v, i, gaz)
            if m is None:
                i += 1
                continue
        else:
            end, key = found
            m = Mention(i, end, v.idx[i], v.end_char(end - 1), key, gaz.lookup(key))
        m.sent = v.sent[i]
        end = m.end
        if _qualify(v, m) and _admit(v, m, gaz, person_parts):
            mentions.append(m)
        i = max(end, m.end)
    _appositions(v, mentions)
    return mentions, demonyms


def _can_start(v: _View, i: int) -> bool:
    if v.cap(i):
        return True
    # "al-Hol", "el-Fasher": a lower-case article joined by a hyphen to a capitalised word.
    return (v.lower[i] in ARTICLES and i + 2 < v.n and v.words[i + 1] == "-" and v.cap(i + 2))


def _longest_match(v: _View, i: int, gaz: Gazetteer) -> tuple[int, str] | None:
    """The longest token span starting at i whose text is a gazetteer name: (end, key)."""
    first = name_key(v.words[i])
    if not first:
        return None
    max_words = gaz.words_from(first.split(" ", 1)[0])
    if not max_words:
        return None
    start_char = v.idx[i]
    best = None
    for j in range(i, min(v.n, i + 2 * max_words + 1)):
        w = v.words[j]
        if j > i:
            if j in v.sent_starts or not (v.cap(j) or v.lower[j] in CONNECTORS):
                break
            if not (v.cap(j) or (len(w) > 1 and w.endswith("."))):
                continue  # a name never ends on a connector
        key = name_key(v.text[start_char:v.idx[j] + len(w)])
        if key.count(" ") + 1 > max_words:
            break
        if gaz.has_key(key):
            best = (j + 1, key)
    return best


def _fuzzy_mention(v: _View, i: int, gaz: Gazetteer) -> Mention | None:
    """A misspelt toponym: a one-token GPE/LOC entity, or a proper noun after "in"/"near"."""
    ent = v.ent[i]
    single = ent is not None and ent[2] - ent[1] == 1
    place_ent = single and ent is not None and ent[0] in PLACE_LABELS
    after_prep = v.pos[i] == "PROPN" and i > 0 and v.lower[i - 1] in ("in", "near", "at")
    if not (place_ent or (after_prep and (ent is None or single))):
        return None
    if v.words[i].isupper():
        return None
    key = name_key(v.words[i])
    if key in gaz.demonyms or key in gaz.ambiguous:
        return None
    hit = gaz.fuzzy(key)
    if hit is None:
        return None
    cands = [(e, FUZZY) for e, kind in gaz.lookup(hit) if kind == OWN]
    if not cands:
        return None
    return Mention(i, i + 1, v.idx[i], v.end_char(i), hit, cands)


def _qualifier(v: _View, m: Mention) -> str:
    """How a name is used as a region: "after" ("the Donetsk region"), "before" ("province of
    Idlib"), "list" ("the Donetsk and Luhansk regions"), or "" (not)."""
    nxt = v.lower[m.end] if m.end < v.n else ""
    if nxt in REGION_WORDS:
        return "after"
    if m.start >= 2 and v.lower[m.start - 1] == "of" and (
            v.lower[m.start - 2] in REGION_WORDS or v.lower[m.start - 2] == "governor"):
        return "before"  # "the province of Idlib", "the governor of Kherson"
    if nxt in ("and", ",", "or"):
        for k in range(m.end + 1, min(v.n, m.end + 6)):
            if v.lower[k] in PLURAL_REGION_WORDS:
                return "list"
            if not (v.cap(k) or v.lower[k] in CONNECTORS):
                break
    return ""


def _qualify(v: _View, m: Mention) -> bool:
    """Keep region readings for region uses, drop region-only names elsewhere; False: no place."""
    how = _qualifier(v, m)
    if how:
        regions = [(e, kind) for e, kind in m.cands if e.feature == REGION]
        if regions:
            m.qualified = True
            m.cands = regions
            if how == "after":
                m.end += 1
                m.cend = v.end_char(m.end - 1)
            return True
        if how == "after" and not any(e.feature == COUNTRY for e, _ in m.cands):
            return False  # "the Amur region": a region we do not know, not a town called Amur
    m.cands = [(e, kind) for e, kind in m.cands if kind != QUALIFIED]
    return bool(m.cands)


def _loc_context(v: _View, start: int) -> bool:
    """A locative preposition before the name, over articles and adjectives ("in eastern ...",
    "in the city of ...", "near Russian-occupied ...")."""
    k = start - 1
    skipped = 0
    while k >= 0 and skipped <= 4:
        low = v.lower[k]
        if low in LOCATIVE_PREPS:
            return True
        if low == "of":
            return k > 0 and (v.lower[k - 1] in GEO_NOUNS or v.lower[k - 1] in OF_NOUNS)
        if v.pos[k] in ("DET", "ADJ", "NUM", "PUNCT") or low in GEO_NOUNS or v.tag[k] == "VBN" \
                or (v.pos[k] == "VERB" and k + 1 < start and v.words[k + 1] == "-"):
            if low in (",", ".", ";", ":"):
                return False
            k -= 1
            skipped += 1
            continue
        return False
    return False


def _admit(v: _View, m: Mention, gaz: Gazetteer, person_parts: set[str]) -> bool:
    """Decide whether a name match can be a place at all, and record its evidence."""
    doc = v.doc
    if m.key in gaz.demonyms:
        return False
    own = [(e, kind) for e, kind in m.cands if kind in (OWN, QUALIFIED)]
    country_like = any(e.feature in (COUNTRY, REGION) for e, _ in own)
    big = country_like or any(e.population >= SMALL_CITY or e.fame >= KNOWN for e, _ in own)
    surface = v.text[m.cstart:m.cend]
    if surface.isupper() and len(surface) > 1:
        # "PISA", "NISA": acronyms. Capitals pass only as curated short forms of countries
        # (US, UK, DRC), or as a dateline opening a sentence ("ISLAMABAD -", "BLANTYRE, Malawi").
        dateline = m.start in v.sent_starts and m.end < v.n and v.words[m.end] in (
            ",", "-", "—", "–", "(")
        if m.key not in gaz.names or not (dateline and big or (country_like and len(m.key) <= 4)):
            return False
        m.cands = own
    ent = v.ent[m.start]
    if ent is not None:
        label, es, ee = ent
        m.label = label
        if label in NOT_PLACE_LABELS and not big:
            return False  # "March" as a date (but "Niger", mislabelled DATE, stays)
        longer = es <= m.start and m.end <= ee and (ee - es) > (m.end - m.start)
        m.whole = es == m.start and ee == m.end
        m.partial = longer
        if longer and label == "PERSON" and (not country_like or (
                m.start == es and m.end < ee and v.cap(m.end))):
            return False  # "Paris Hilton", "Israel Katz", "Jordan Bardella"
        if label == "NORP" and not country_like and not _loc_context(v, m.start):
            return False  # "Houthi", "Druze" (but "the village of Robotyne", mislabelled)
        if longer and label in ORG_LABELS:
            if m.start == es and m.end < ee and v.cap(m.end):
                return False  # "Israel Defense Forces", "U.S. Central Command"
            if m.start > es and not country_like and v.cap(m.start - 1):
                return False  # "World Bank", "Islamic State" (not "Niamey and Agadez")
    if m.key in person_parts and not country_like:
        return False  # the surname of someone named in full elsewhere ("Mohamed Morsi")
    if m.label == "PERSON" and not country_like and m.end < v.n:
        head = doc[m.end - 1].head
        if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass") and head.lemma_ in SPEECH_VERBS:
            return False  # "Mendoza said"
    if m.start > 0 and v.cap(m.start - 1) and v.words[m.start - 1].rstrip(".").lower() in TITLES:
        return False  # "Gen. Jackson", "Secretary Austin" (not "the president of Georgia")
    if m.end < v.n and v.words[m.end] in ORG_HEADS:
        return False  # "Kyiv Independent", "Geneva Conventions"
    if m.end + 1 < v.n and v.words[m.end] == "-" and v.idx[m.end] == m.cend and not big and (
            v.cap(m.end + 1) or v.lower[m.end + 1] in CONNECTORS):
        return False  # "Dasht-e-Barchi": a longer hyphenated name we do not know
    m.loc_context = _loc_context(v, m.start)
    if not m.loc_context:
        tok = doc[m.end - 1]
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in PLACE_VERBS:
            m.loc_context = True  # "captured Avdiivka", "Kharkiv was shelled"
    single = m.end - m.start == 1
    m.weak = m.key in gaz.ambiguous or (single and v.pos[m.start] != "PROPN"
                                        and m.label not in PLACE_LABELS and not country_like)
    if m.weak and m.partial:
        return False  # "Soviet Union", "Central Europe": part of a longer name we do not know
    if m.start in v.sent_starts and single and v.pos[m.start] not in ("PROPN", "NOUN") \
            and m.label not in PLACE_LABELS and not big:
        return False  # "Reading the report, ..."
    if not any(kind in (OWN, QUALIFIED) for _, kind in m.cands):
        # known only by a GeoNames alternate: spaCy must see exactly this span as a place
        return m.whole and m.label == "GPE"
    return True


def _appositions(v: _View, mentions: list[Mention]) -> None:
    """"Paris, Texas", "Tbilisi, the capital of Georgia", "Tripoli, in northern Lebanon"."""
    for k in range(len(mentions) - 1):
        m, m2 = mentions[k], mentions[k + 1]
        if m2.start <= m.end or v.words[m.end] != ",":
            continue
        if not any(e.feature in (COUNTRY, REGION) for e, _ in m2.cands):
            continue  # "Kyiv, Kharkiv and Odesa" is a list, not an apposition
        words = range(m.end + 1, m2.start)
        if not words:
            m.appos = m2
            continue
        last = v.lower[m2.start - 1]
        if len(words) <= 6 and not any(v.cap(k) for k in words) and last in ("of", "in") and (
                last == "in" or any(v.lower[k] in GEO_NOUNS for k in words)):
            m.appos = m2


# --- resolving ---------------------------------------------------------------------------------

@dataclass
class _Context:
    countries: Counter[str]  # countries named as countries
    places: Counter[str]  # countries of other sub-national places (capitals count half)
    local: dict[int, set[str]]  # sentence -> countries of sub-national places named in it
    local_countries: dict[int, set[str]]  # sentence -> countries named in it
    local_regions: dict[int, set[str]]  # sentence -> countries of first-level regions in it
    regions: set[tuple[str | None, str]]  # (country, name) of first-level regions named
    city_admin1: Counter[tuple[str | None, str]]  # (country, admin1) of cities named
    demonyms: Counter[str]
    given: frozenset[str]


def _context(groups: list[Group], skip: Group, demonyms: Counter[str],
             given: frozenset[str]) -> _Context:
    ctx = _Context(Counter(), Counter(), {}, {}, {}, set(), Counter(), demonyms, given)
    for g in groups:
        e = g.chosen
        if g is skip or e is None or e.country is None:
            continue
        n = len(g.mentions)
        if e.feature == COUNTRY:
            for m in g.mentions:
                ctx.local_countries.setdefault(m.sent, set()).add(e.country)
            ctx.countries[e.country] += n
            continue
        for m in g.mentions:
            ctx.local.setdefault(m.sent, set()).add(e.country)
            if e.feature == REGION and e.admin1 == e.name:
                ctx.local_regions.setdefault(m.sent, set()).add(e.country)
        ctx.places[e.country] += 1 if e.capital else 2
        if e.feature == REGION and e.admin1 == e.name:
            ctx.regions.add((e.country, e.name))
        elif e.admin1:
            ctx.city_admin1[(e.country, e.admin1)] += n
    return ctx


def _support(e: Entry, g: Group, ctx: _Context, gaz: Gazetteer) -> tuple[float, float]:
    """(all support, the part that says "this place's country is in the story")."""
    c = e.country
    if c is None:
        return 0.0, 0.0
    s = 0.0
    if any(c in ctx.local.get(m.sent, ()) for m in g.mentions):
        s += 1.5  # a town or region of the same country in the same sentence
    # Country-level evidence: the country named in the sentence or the story, its places, its
    # demonyms, the caller's actor countries. Capped, because most of it is one fact (the
    # country is an actor in the story) and the United States is an actor in most stories.
    pool = 0.0
    if any(c in ctx.local_countries.get(m.sent, ()) for m in g.mentions):
        pool += 0.75
    if ctx.countries[c]:
        pool += 0.75
    if ctx.places[c]:
        pool += 0.5 if ctx.places[c] < 4 else 1.0
    if ctx.demonyms[c]:
        pool += 0.5
    if c in ctx.given:
        pool += 1.5
    s += min(pool, 1.5)
    country_support = s
    if s == 0.0:
        named = set(ctx.countries) | set(ctx.places) | ctx.given
        if any(c in gaz.neighbours.get(x, ()) for x in named):
            s += 0.25
    if e.feature == CITY and e.admin1:
        if (c, e.admin1) in ctx.regions:
            s += 2.5
        elif ctx.city_admin1[(c, e.admin1)]:
            s += 0.5
    elif e.feature == REGION and e.admin1 == e.name:
        if ctx.city_admin1[(c, e.name)]:
            s += 2.5  # Atlanta makes Georgia the state
        if any(c in ctx.local_regions.get(m.sent, ()) for m in g.mentions):
            s += 3.0  # "from Alabama and Georgia": a sibling region in the same sentence
    return s, country_support


def _agree(x: Entry, y: Entry) -> float:
    """How well place x lies in place y."""
    if x.country is None or x.country != y.country:
        return 0.0
    if y.feature == COUNTRY:
        return 4.0
    if y.feature == REGION and x.admin1 and x.admin1 == y.name:
        return 5.0
    return 2.0


def _apposition_bonus(e: Entry, g: Group, inner: dict[int, list[Entry]]) -> float:
    """From "X, Y": as X, agreeing with Y; as Y, agreeing with X."""
    bonus = 0.0
    for m in g.mentions:
        if m.appos is not None and m.appos.chosen is not None:
            bonus = max(bonus, _agree(e, m.appos.chosen))
    for x in inner.get(id(g), ()):
        bonus = max(bonus, _agree(x, e))
    return bonus


def resolve(mentions: list[Mention], gaz: Gazetteer, context_countries: Iterable[str] = (),
            demonyms: Counter[str] | None = None) -> list[Group]:
    """Choose one place for every group of mentions (or none, when the evidence is too thin)."""
    by_key: dict[tuple[str, bool], Group] = {}
    for m in mentions:
        by_key.setdefault((m.key, m.qualified), Group(m.key)).mentions.append(m)
    groups = list(by_key.values())
    group_of = {id(m): g for g in groups for m in g.mentions}
    given = frozenset(c for c in context_countries if c in gaz.countries)
    demonyms = demonyms if demonyms is not None else Counter()
    for g in groups:  # round 0: priors only
        _choose(g, None, gaz, {})
    for _ in range(ROUNDS):
        inner: dict[int, list[Entry]] = {}
        for g in groups:
            for m in g.mentions:
                m.chosen = g.chosen
                if m.appos is not None and g.chosen is not None:
                    inner.setdefault(id(group_of[id(m.appos)]), []).append(g.chosen)
        changed = False
        for g in groups:
            before = g.chosen
            _choose(g, _context(groups, g, demonyms, given), gaz, inner)
            changed |= g.chosen is not before
        if not changed:
            break
    for g in groups:
        if g.chosen is not None and not _accept(g):
            g.chosen = None
    return groups


def _choose(g: Group, ctx: _Context | None, gaz: Gazetteer, inner: dict[int, list[Entry]]) -> None:
    best_score = float("-inf")
    for e, kind in g.cands():
        support, country_support = 0.0, 0.0
        if ctx is not None:
            support, country_support = _support(e, g, ctx, gaz)
            support += _apposition_bonus(e, g, inner)
        score = e.prior + KIND_PENALTY[kind] + support
        if g.qualified and e.feature == REGION:
            score += 3.0
        if score > best_score:
            best_score = score
            g.chosen, g.support, g.country_support, g.kind = e, support, country_support, kind


def _accept(g: Group) -> bool:
    """Thin evidence is no place: a common word, an alternate spelling or a small town needs a
    place label, a locative preposition, an apposition or its country in the story."""
    e = g.chosen
    assert e is not None
    labelled = any(m.label in PLACE_LABELS for m in g.mentions)
    loc = any(m.loc_context for m in g.mentions)
    appos = any(m.appos is not None for m in g.mentions)
    local = g.support - g.country_support >= 2.0 or g.country_support >= 1.5
    if any(m.weak for m in g.mentions) and not (labelled and (loc or appos or local)):
        return False
    if g.kind in (ALTERNATE, FUZZY) and not (labelled or loc):
        return False
    if g.kind == FUZZY and g.country_support <= 0:
        return False  # a misspelling is trusted only where its country is in the story
    if all(m.partial for m in g.mentions) and e.feature == CITY and e.population < SMALL_CITY \
            and g.country_support <= 0:
        return False  # "Sado" in "Sado Khelo area" (Afghanistan), not Sado in Japan
    if e.feature == CITY:
        one_country = len({c.country for c, _ in g.cands()}) == 1
        if e.population < MINOR_TOWN and not (g.country_support > 0 or appos
                                              or (loc and (labelled or one_country))):
            return False
        if e.population < SMALL_CITY and e.fame < KNOWN \
                and not (labelled or loc or appos or g.support > 0):
            return False
    return True
