"""Finding toponym mentions: gazetteer names in a parsed document, with the evidence that each
is a place at all.

Capitalised token runs are read against the gazetteer, longest name first ("Gulf of Aden" beats
"Aden"). For each match the evidence is recorded: spaCy's entity label, a locative preposition
before it ("in Kharkiv", "the city of Bakhmut"), a verb of capture or attack ("captured
Avdiivka"), a "Town, Country" apposition; and a match is dropped outright for a title before it
("Gen. Jackson"), an organisation word after it ("Kyiv Independent"), a person's full name
("Paris Hilton"), an acronym in capitals ("PISA"). The small spaCy model often labels unfamiliar
toponyms PERSON, ORG or even LANGUAGE ("Avdiivka", "Kyiv", "Odesa"), so labels are evidence,
never the gate.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from brink.places.gazetteer import COUNTRY, OWN, QUALIFIED, REGION, Entry, Gazetteer
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

FUZZY = 3  # a match kind, after OWN, ALTERNATE and QUALIFIED: a misspelling within reach
PLACE_LABELS = frozenset({"GPE", "LOC"})
NOT_PLACE_LABELS = frozenset({
    "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY",
})
ORG_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
SMALL_CITY = 100000  # below this, a city needs a place label, a preposition or support ...
KNOWN = 25  # ... unless GeoNames knows it by this many names (Kherson, Kupiansk)


class View:
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


def find_mentions(doc: Doc, gaz: Gazetteer) -> tuple[list[Mention], Counter[str]]:
    """Gazetteer names in `doc` with their evidence, and the countries of the demonyms seen."""
    return find_in_view(View(doc), gaz)


def find_in_view(v: View, gaz: Gazetteer) -> tuple[list[Mention], Counter[str]]:
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
        if found is None and "-" in v.words[i][1:]:
            m = _hyphen_prefix(v, i, gaz)  # "U.S.-backed", one token in spaCy
            if m is not None:
                m.sent = v.sent[i]
                if _admit(v, m, gaz, person_parts):
                    mentions.append(m)
                i += 1
                continue
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


def _can_start(v: View, i: int) -> bool:
    if v.cap(i):
        return True
    # "al-Hol", "el-Fasher": a lower-case article joined by a hyphen to a capitalised word.
    return (v.lower[i] in ARTICLES and i + 2 < v.n and v.words[i + 1] == "-" and v.cap(i + 2))


def _longest_match(v: View, i: int, gaz: Gazetteer) -> tuple[int, str] | None:
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
            region_word = v.lower[j] in REGION_WORDS  # "White Nile state", "Donetsk region"
            elided = len(w) > 2 and w[1] in "'’" and w[2].isupper()  # "Côte d'Ivoire"
            if j in v.sent_starts or not (v.cap(j) or v.lower[j] in CONNECTORS or region_word
                                          or elided):
                break
            if not (v.cap(j) or region_word or elided or (len(w) > 1 and w.endswith("."))):
                continue  # a name never ends on a connector
        key = name_key(v.text[start_char:v.idx[j] + len(w)])
        if key.count(" ") + 1 > max_words:
            break
        if gaz.has_key(key):
            best = (j + 1, key)
    return best


def _hyphen_prefix(v: View, i: int, gaz: Gazetteer) -> Mention | None:
    """The place name before the hyphen of a one-token compound ("U.S.-backed")."""
    word = v.words[i]
    prefix = word[:word.index("-", 1)]
    key = name_key(prefix)
    cands = [(e, kind) for e, kind in gaz.lookup(key) if kind == OWN] if key else []
    if not cands or not word[0].isupper():
        return None
    return Mention(i, i + 1, v.idx[i], v.idx[i] + len(prefix), key, cands)


def _fuzzy_mention(v: View, i: int, gaz: Gazetteer) -> Mention | None:
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


def _qualifier(v: View, m: Mention) -> str:
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


def _qualify(v: View, m: Mention) -> bool:
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


def _loc_context(v: View, start: int) -> bool:
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


def _admit(v: View, m: Mention, gaz: Gazetteer, person_parts: set[str]) -> bool:
    """Decide whether a name match can be a place at all, and record its evidence."""
    doc = v.doc
    if m.key in gaz.demonyms:
        return False
    own = [(e, kind) for e, kind in m.cands if kind in (OWN, QUALIFIED)]
    country_like = any(e.feature in (COUNTRY, REGION) for e, _ in own)
    big = country_like or any(e.population >= SMALL_CITY or e.fame >= KNOWN for e, _ in own)
    surface = v.text[m.cstart:m.cend]
    if surface.isupper() and len(surface) > 1:
        # "PISA", "NISA": acronyms. Capitals pass only as the own names of countries and regions
        # (US, UK, DRC, RUSSIA in a headline), or as a dateline opening a sentence ("ISLAMABAD -",
        # "BLANTYRE, Malawi").
        dateline = m.start in v.sent_starts and m.end < v.n and v.words[m.end] in (
            ",", "-", "—", "–", "(")
        if m.key not in gaz.names or not (dateline and big or country_like):
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
        # known only by a GeoNames alternate: spaCy must see exactly this span as a place, or a
        # preposition must (and then the place's country must be in the story: see resolve)
        return (m.whole and m.label == "GPE") or m.loc_context
    return True


def _appositions(v: View, mentions: list[Mention]) -> None:
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
