"""event_location: where the act named by a trigger word happened, read from the trigger's clause.

A place counts when the dependency parse ties it to the trigger as a location:
- a locative prepositional phrase on the trigger or on its arguments ("strikes on Kharkiv",
  "talks in Geneva", "killed in an airstrike in Iraq's Anbar desert", "withdrew from Avdiivka");
- the object of a verb of physical action ("shelled Kharkiv", "captured Avdiivka", "visited
  Beijing"), or its passive subject ("Kharkiv was shelled");
- a border or coast named by a demonym ("troops near the Ukrainian border" -> Ukraine).
Places that are actors do not count: a subject ("Moscow said", "Washington imposed sanctions"), a
possessor or modifier of a non-place noun ("Kyiv's forces", "U.S. troops"), or the object of a
non-physical "on" ("sanctions on Moscow"). Places in another clause belong to that clause's act:
in "Putin said in Moscow that talks in Geneva ...", the saying is in Moscow, the talks in Geneva.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from brink.places.gazetteer import COUNTRY, Gazetteer, load_gazetteer
from brink.places.lexicon import SPEECH_VERBS
from brink.places.names import name_key
from brink.records import Place

# Prepositions that place an act wherever the head is ("in", "near"); others need a head of the
# right kind ("on" an attack, "to" a journey, "from" a withdrawal).
WHERE_PREPS = frozenset({
    "in", "at", "near", "outside", "inside", "around", "across", "over", "off", "along",
    "throughout", "within", "beyond", "nearby", "behind", "beneath", "under", "above",
    "into", "onto",
})
TARGET_PREPS = frozenset({"on", "upon", "against", "at"})
TOWARD_PREPS = frozenset({"to", "toward", "towards", "into"})
FROM_PREPS = frozenset({"from", "out"})
# Nouns through which "of" and possessives stay locative: "the city of Bakhmut", "the outskirts of
# Kyiv", "Ukraine's east", "Iraq's Anbar desert".
PLACE_NOUNS = frozenset({
    "city", "town", "village", "region", "province", "oblast", "state", "district", "area",
    "capital", "port", "outskirts", "suburb", "suburbs", "governorate", "county", "municipality",
    "territory", "enclave", "camp", "settlement", "island", "coast", "border", "borders",
    "frontier", "north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest", "centre", "center", "heart", "streets", "parts", "part", "shores", "waters",
    "airspace", "neighbourhood", "neighborhood", "strip", "peninsula", "countryside", "desert",
    "mountains", "valley", "sea", "gulf", "strait", "river", "bank", "frontline", "front",
    "environs", "vicinity", "edge", "interior", "soil", "side", "hills", "highlands", "plains",
    "coastline", "zone", "downtown", "base", "harbor", "harbour",
    "airport", "hospital", "market", "square", "compound", "facility", "plant", "refinery",
})
BORDER_NOUNS = frozenset({
    "border", "borders", "frontier", "coast", "waters", "airspace", "territory", "soil",
    "shores", "coastline", "side",
})
# Verbs (and nouns) of physical action whose object or target is where the act happens.
PHYSICAL = frozenset({
    "attack", "strike", "shell", "bomb", "hit", "target", "capture", "seize", "take", "enter",
    "invade", "occupy", "liberate", "retake", "recapture", "besiege", "encircle", "storm", "visit",
    "tour", "raid", "pound", "overrun", "bombard", "reach", "evacuate", "blockade", "surround",
    "annex", "lose", "defend", "hold", "patrol", "control", "assault", "advance", "push", "fire",
    "launch", "shoot", "drop", "rain", "pummel", "batter", "blast", "destroy", "damage", "flood",
    "march", "move", "drive", "offensive", "incursion", "bombardment", "shelling", "airstrike",
"strikes", "barrage", "missile", "drone", "rocket", "sweep", "siege",
    "invasion", "occupation", "fighting", "clash",
    "land", "dock", "deploy", "station", "send", "rule", "govern", "cross", "infiltrate",
})
JOURNEY = frozenset({
    "travel", "fly", "go", "come", "arrive", "send", "deploy", "move", "return", "visit", "trip",
    "journey", "deployment", "head", "flee", "evacuate", "relocate", "transfer", "march",
    "advance", "push", "sail", "dispatch", "rush", "airlift", "bring", "take", "deliver", "ship",
    "smuggle", "cross", "infiltrate", "escape", "retreat", "withdraw", "redeploy", "mission",
    "expand", "extend", "spread", "incursion", "invasion", "offensive",
})
LEAVING = frozenset({
    "withdraw", "retreat", "pull", "flee", "evacuate", "expel", "oust", "drive", "push", "escape",
    "withdrawal", "pullout", "evacuation", "exodus", "rescue", "free", "liberate",
    "clear", "dislodge", "repel", "displace",
})
CLAUSE_DEPS = frozenset({
    "ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "xcomp", "pcomp",
})
NOMINAL_LINKS = frozenset({"compound", "amod", "poss", "appos", "conj", "nmod", "nummod", "cc"})
SPECIFIC = {"city": 0, "region": 1, "country": 2}


def event_location(
    trigger: Token, places: list[Place], gazetteer: Gazetteer | None = None
) -> Place | None:
    """The place where the act named by `trigger` happened, or None when the text doesn't say.

    `places` is `geoparse(trigger.doc)` (or any places with character offsets into the same
    text); only those in the trigger's sentence are considered.
    """
    doc = trigger.doc
    sent = trigger.sent
    best: tuple[tuple[int, int, float, float, int], Place] | None = None
    for p in places:
        if p.start < sent.start_char or p.end > sent.end_char:
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or trigger.i in range(span.start, span.end):
            continue
        rank = _rank(span, trigger)
        if rank is None:
            continue
        # the act's own phrase first (its prepositions and object), then the most specific place
        # ("recaptured the village of Robotyne in the Zaporizhzhia region" -> Robotyne)
        near = 0 if rank[0] <= 0.5 else 1
        key = (near, SPECIFIC.get(p.feature, 3), rank[0], rank[1], abs(span.root.i - trigger.i))
        if best is None or key < best[0]:
            best = (key, p)
    if best is not None:
        return best[1]
    return _border(trigger, gazetteer or load_gazetteer())


def _climb(tok: Token) -> Token:
    """From a place name up to the noun phrase it names or modifies ("Anbar" -> "desert")."""
    t = tok
    for _ in range(6):
        if t.dep_ in NOMINAL_LINKS and t.head.i != t.i and t.head.pos_ in ("NOUN", "PROPN"):
            if t.dep_ in ("poss", "compound", "amod", "nmod") and t.head.lower_ not in PLACE_NOUNS \
                    and t.head.pos_ == "NOUN":
                return t  # "Kyiv's forces", "U.S. troops": a modifier of an actor, not a place
            if t.dep_ == "conj" and t.head.pos_ not in ("NOUN", "PROPN"):
                return t
            t = t.head
        else:
            break
    return t


def _anchor(root: Token) -> tuple[Token, str] | None:
    """The word a place attaches to as a location, and how ("where", "object")."""
    t = _climb(root)
    for _ in range(6):
        if t.dep_ in ("poss", "compound", "amod", "nmod") and t.head.pos_ == "NOUN" \
                and t.head.lower_ not in PLACE_NOUNS:
            return None  # an actor's modifier
        if t.dep_ == "pobj" and t.head.dep_ == "prep":
            prep = t.head
            p = prep.lower_
            h = prep.head
            if p == "of" and h.lower_ in PLACE_NOUNS:
                t = _climb(h)  # "the city of Bakhmut", "the outskirts of Kyiv": go on up
                continue
            if p == "with" and h.lower_ in BORDER_NOUNS:
                t = _climb(h)  # "the border with Ukraine"
                continue
            if p in WHERE_PREPS:
                return h, "where"
            lemma = h.lemma_.lower()
            if p in TARGET_PREPS and (lemma in PHYSICAL or h.lower_ in PHYSICAL):
                return h, "where"
            if p in TOWARD_PREPS and (lemma in JOURNEY or h.lower_ in JOURNEY):
                return h, "where"
            if p in FROM_PREPS and (lemma in LEAVING or h.lower_ in LEAVING):
                return h, "where"
            if p == "of" and p and h.pos_ == "VERB" and lemma in LEAVING:
                return h, "where"  # "pulled out of Kherson"
            return None
        if t.dep_ in ("dobj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"):
            lemma = t.head.lemma_.lower()
            if lemma in PHYSICAL or lemma in JOURNEY:
                return t.head, "object"
            return None
        return None
    return None


def _rank(span: Span, trigger: Token) -> tuple[float, float] | None:
    """(priority, depth) of a place for this trigger, or None when it is not this act's place."""
    found = _anchor(span.root)
    if found is None:
        return None
    head, how = found
    if head.i == trigger.i:
        return (0.0, 0.0) if how == "where" else (0.5, 0.0)
    # the anchor lies inside the trigger's phrase ("killed in an airstrike in Anbar")
    t, depth = head, 0
    while t.head.i != t.i and depth < 8:
        if t.dep_ in CLAUSE_DEPS or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")):
            break
        t = t.head
        depth += 1
        if t.i == trigger.i:
            return 1.0, depth
    # the trigger is an argument of the anchor verb ("Israeli strikes killed 20 in Gaza")
    if trigger.head.i == head.i and head.lemma_.lower() not in SPEECH_VERBS:
        if trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "xcomp", "ccomp"):
            return 1.5, 0.0
        if trigger.dep_ in ("amod", "compound") and trigger.pos_ == "VERB":
            return 1.5, 0.0  # "Turkey hosted talks in ...", parsed with "hosted" modifying "talks"
    # the trigger's light verb: "launched strikes on Kharkiv" with trigger "launched" is covered
    # above; "carried out an attack in Kabul" with trigger "attack" shares the anchor's head
    if head.head.i == trigger.head.i and head.dep_ == "dobj" and trigger.dep_ == "dobj":
        return 2.0, 0.0
    return None


def _border(trigger: Token, gaz: Gazetteer) -> Place | None:
    """"near the Ukrainian border": the country a demonym names, from the border noun."""
    doc = trigger.doc
    for tok in trigger.sent:
        if tok.lower_ not in BORDER_NOUNS or tok.dep_ != "pobj":
            continue
        prep = tok.head
        if prep.lower_ not in WHERE_PREPS and prep.lower_ not in TOWARD_PREPS:
            continue
        anchor = prep.head
        if not (anchor.i == trigger.i or _inside(anchor, trigger) or trigger.head.i == anchor.i):
            continue
        for mod in tok.children:
            if mod.dep_ not in ("amod", "compound", "nmod"):
                continue
            country = gaz.demonyms.get(name_key(mod.text))
            entry = gaz.countries.get(country) if country else None
            if entry is None or entry.feature != COUNTRY:
                continue
            start, end = mod.idx, tok.idx + len(tok.text)
            return Place(text=doc.text[start:end], name=entry.name, country=entry.country,
                         admin1=None, lat=entry.lat, lon=entry.lon,
                         geonames_id=entry.geonames_id, feature=COUNTRY, start=start, end=end)
    return None


def _inside(head: Token, trigger: Token) -> bool:
    t, depth = head, 0
    while t.head.i != t.i and depth < 8:
        if t.dep_ in CLAUSE_DEPS:
            return False
        t = t.head
        depth += 1
        if t.i == trigger.i:
            return True
    return False
