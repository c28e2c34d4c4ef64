"""Choosing among people who share a name, and finding people under unseen spellings."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from brink.actors.kb import Entity, KnowledgeBase
from brink.actors.text import norm

if TYPE_CHECKING:
    from brink.actors.pieces import Context

# Phoenix roles left open in 2014 are weak evidence of holding office years later.
STALE_AFTER = date(2016, 1, 1)
FUZZY_MIN = 88  # rapidfuzz ratio needed to accept an unseen spelling of a known name
FUZZY_IN_OFFICE_MIN = 80  # the same for a long surname of someone in office on the day


def _strength(ent: Entity, when: date, country: str | None) -> tuple[float, ...]:
    role = ent.role_on(when)
    covers = 0.0
    if role is not None and role.dated:
        covers = 1.0 if (role.curated or role.end is not None or when < STALE_AFTER) else 0.5
        if role.sector == "ELI":
            covers *= 0.6
    elif role is not None:
        covers = 0.3
    same_country = 1.0 if country and any(r.country == country for r in ent.roles) else 0.0
    latest = max((r.start or date.min for r in ent.roles if r.start and r.start <= when),
                 default=date.min)
    return (same_country, covers, float(ent.curated), latest.toordinal())


def pick_person(candidates: list[Entity], when: date, kb: KnowledgeBase, ctx: Context,
                country: str | None = None, surname: bool = False) -> tuple[Entity | None, float]:
    """The most likely person among namesakes on `when`, and a confidence.

    Ranking: the country the phrase names, then holding a role on the date (curated and closed
    roles count fully), then curated over generated, then the latest start. A surname shared by
    people of different countries with no one in office is left unresolved.
    """
    unique = list(dict.fromkeys(candidates))
    if surname:
        # a bare surname is trusted for people in office on the date ("Sullivan" in 2021)
        unique = [e for e in unique if (r := e.role_on(when)) is not None and r.dated]
    if not unique:
        return None, 0.0
    if len(unique) == 1:
        return unique[0], 0.85 if surname else 1.0
    ranked = sorted(unique, key=lambda e: _strength(e, when, country), reverse=True)
    best, second = _strength(ranked[0], when, country), _strength(ranked[1], when, country)
    if best[:3] > second[:3]:
        return ranked[0], 0.8 if surname else 0.9
    countries = {e.any_country() for e in ranked if _strength(e, when, country)[:3] == best[:3]}
    if len(countries) == 1:
        return ranked[0], 0.6 if best[1] > 0 else 0.5  # namesakes of one country ("Assad")
    return None, 0.0


def lookup_unknown(text: str, kb: KnowledgeBase, when: date, ctx: Context,
                   country: str | None = None) -> tuple[Entity | None, float]:
    """A personal name not in the name index: try first+last name, the surname (when the first
    name agrees), transliteration variants, then fuzzy spelling."""
    key = norm(text)
    words = key.split()
    if not words:
        return None, 0.0
    if len(words) >= 3:
        hits = [h.entity for h in kb.lookup(f"{words[0]} {words[-1]}") if h.entity.kind == "person"]
        if hits:
            return pick_person(hits, when, kb, ctx, country)
    if len(words) >= 2:
        hits = [h.entity for h in kb.lookup(words[-1]) if h.entity.kind == "person"]
        hits = [e for e in hits + kb.surnames.get(words[-1], []) if _first_name_agrees(e, words[0])]
        if hits:
            ent, score = pick_person(hits, when, kb, ctx, country, surname=True)
            if ent is not None:
                return ent, min(score, 0.8)
    elif len(key) >= 4 and key in kb.surnames:
        ent, score = pick_person(kb.surnames[key], when, kb, ctx, country, surname=True)
        if ent is not None:
            return ent, min(score, 0.6)
    if len(words) == 1 and key in _given_names(kb):
        return None, 0.0  # "Sheikh Hamad" is someone called Hamad, not a man surnamed Hammad
    phon = [h.entity for h in kb.phonetic_lookup(key) if h.entity.kind == "person"]
    if phon:
        ent, score = pick_person(phon, when, kb, ctx, country)
        if ent is not None:
            return ent, min(score, 0.75)
    if len(key) >= 6:
        ent = _fuzzy_person(key, kb)
        if ent is not None:
            return ent, 0.6
    return None, 0.0


def lookup_titled(text: str, kb: KnowledgeBase, when: date, ctx: Context,
                  country: str | None = None) -> tuple[Entity | None, float]:
    """An unknown name after a title ("President Dos Sontas"): a misspelling of the name of
    someone in office on the day."""
    key = norm(text)
    if len(key) < 5:
        return None, 0.0
    ent, score = pick_person(_fuzzy_in_office(key, kb, when), when, kb, ctx, country)
    return (ent, min(score, 0.6)) if ent is not None else (None, 0.0)


def _first_name_agrees(ent: Entity, first: str) -> bool:
    """"Joseph Biden" for Joe Biden: same first name, or one a close spelling or short form of
    the other (not merely the same first letters: Abdel is not Abdul)."""
    words = norm(ent.name).split()
    if not words:
        return False
    f = words[0]
    return f == first or fuzz.ratio(f, first) >= 85 or (
        min(len(f), len(first)) >= 3 and (f.startswith(first) or first.startswith(f)))


_FUZZY_CACHE: dict[int, dict[str, list[str]]] = {}
_TAIL_CACHE: dict[int, dict[int, tuple[list[str], list[Entity]]]] = {}
_GIVEN_CACHE: dict[int, frozenset[str]] = {}


def _given_names(kb: KnowledgeBase) -> frozenset[str]:
    """First words of the full names of people in the knowledge base ("hamad", "vladimir")."""
    found = _GIVEN_CACHE.get(id(kb))
    if found is None:
        found = frozenset(k.split()[0] for k, hits in kb.names.items() if " " in k and any(
            h.entity.kind == "person" and h.via == "name" for h in hits))
        _GIVEN_CACHE[id(kb)] = found
    return found


def _fuzzy_person(key: str, kb: KnowledgeBase) -> Entity | None:
    """Closest full name among people whose name starts with the same letter."""
    buckets = _FUZZY_CACHE.get(id(kb))
    if buckets is None:
        buckets = {}
        for k, hits in kb.names.items():
            if " " in k and any(h.entity.kind == "person" and h.via in ("name", "alias")
                                for h in hits):  # full names, not "al hassan" surname keys
                buckets.setdefault(k[0], []).append(k)
        _FUZZY_CACHE[id(kb)] = buckets
    choices = buckets.get(key[0], [])
    found = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
    if found is None:
        return None
    if found[0].split()[-1][:1] != key.split()[-1][:1]:
        return None  # a misspelling keeps the surname's first letter: "David Gee" is not Lee
    people = [h.entity for h in kb.lookup(found[0]) if h.entity.kind == "person"]
    return people[0] if len(people) == 1 else None


def _fuzzy_in_office(key: str, kb: KnowledgeBase, when: date) -> list[Entity]:
    """"President Dos Sontas": people holding a dated role on the day whose surname (the name's
    last words, as many as given) is a close spelling of the one given."""
    tails = _TAIL_CACHE.get(id(kb))
    if tails is None:
        tails = {}
        for ent in kb.people:
            words = norm(ent.name).split()
            for n in (1, 2):
                if n < len(words):
                    tails.setdefault(n, ([], []))
                    tails[n][0].append(" ".join(words[-n:]))
                    tails[n][1].append(ent)
        _TAIL_CACHE[id(kb)] = tails
    names, people = tails.get(len(key.split()), ([], []))
    # the date narrows the field to a few hundred people, so a longer name may differ more
    cutoff = FUZZY_MIN if len(key) < 8 else FUZZY_IN_OFFICE_MIN
    found = process.extract(key, names, scorer=fuzz.ratio, score_cutoff=cutoff, limit=50)
    return list({people[i].id: people[i] for name, _, i in found
                 if name[:1] == key[:1] and abs(len(name) - len(key)) <= 1  # a misspelling
                 and (r := people[i].role_on(when)) is not None and r.dated}.values())
