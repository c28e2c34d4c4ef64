"""Resolving mentions: one place per name and document, from priors and the rest of the story.

Every mention of a name resolves alike (one sense per document). A candidate's score is its prior
(countries, then regions, then cities by population and prominence; `Entry.prior`) plus support
from the rest of the document: places of the same country in the same sentence, places in the
same first-level region, appositions ("Paris, Texas"), and a capped pool of country-level
evidence (the country named, its demonyms, the caller's actor countries; capped because the
United States is an actor in most stories). Three rounds let places settle each other: Atlanta
makes Georgia the state, Tbilisi the country. Thin evidence is no place (`_accept`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from brink.places.gazetteer import ALTERNATE, CITY, COUNTRY, OWN, QUALIFIED, REGION, Entry, Gazetteer
from brink.places.mentions import FUZZY, KNOWN, PLACE_LABELS, SMALL_CITY, Mention

KIND_PENALTY = {OWN: 0.0, ALTERNATE: -1.5, QUALIFIED: 0.0, FUZZY: -2.0}
MINOR_TOWN = 15000  # below this, a town needs its country named in the story
ROUNDS = 3


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
    if g.kind == ALTERNATE and not any(m.whole and m.label == "GPE" for m in g.mentions) \
            and g.country_support <= 0:
        return False  # "near Dzhankoi" (GeoNames: Dzhankoy) needs Crimea or Ukraine in the story
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
