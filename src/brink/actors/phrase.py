"""Resolve one actor phrase: read its pieces (`brink.actors.pieces.segment`) as a noun phrase.

Coordinations ("X and Y") become groups, commas mark appositions, a preposition starts a phrase
whose object may give the country ("the president of Russia"), possessives and adjectives give
the country, and the head word gives the sector ("Russia's defence ministry" -> RUS GOV). A
personal name takes its country and sector from the title and country words around it, else from
the roles the knowledge base lists for the date.

Anything that needs the rest of the document (earlier names, "the alliance", "the two leaders")
goes through a `Context`.
"""

from __future__ import annotations

from datetime import date

from brink.actors.kb import Agent, Entity, Hit, KnowledgeBase, singular
from brink.actors.people import pick_person
from brink.actors.pieces import Context, Piece, segment
from brink.actors.text import Word, norm
from brink.actors.types import Resolution

# Armed organisations keep their own sector for armed sector words ("Hamas gunmen" is REB).
_ARMED_GROUPS = {"REB", "PRM", "CRM", "UAF"}
_STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}
_ARMED = {"REB", "PRM", "CRM", "UAF", "MIL", "COP"}
INDEFINITE_WORDS = ("a", "an", "another", "one", "some", "any")


def resolve_words(words: list[Word], kb: KnowledgeBase, when: date,
                  ctx: Context | None = None,
                  proper: dict[int, str] | None = None) -> Resolution | None:
    """Resolve a phrase given as words; None when nothing in it names an actor."""
    ctx = ctx if ctx is not None else Context()
    ctx.phrase = " ".join(w.raw for w in words)
    pieces = segment(words, kb, proper, ctx)
    parts = _coordination(pieces)
    if len(parts) > 1:
        members = [r for r in (_resolve_part(p, kb, when, ctx) for p in parts) if r and r.resolved]
        if sum(1 for m in members if m.country or m.name) < 2:
            # "military and political heads": modifiers sharing one head, not several actors
            return members[-1] if members else None
        return _group(members)
    return _resolve_part(parts[0], kb, when, ctx) if parts else None


def _coordination(pieces: list[Piece]) -> list[list[Piece]]:
    """Split at "and"/"or" (with the commas of a list); a comma alone keeps appositions together."""
    if not any(p.kind == "word" and p.wclass == "conj" for p in pieces):
        return [pieces] if pieces else []
    parts: list[list[Piece]] = [[]]
    for p in pieces:
        if (p.kind == "word" and p.wclass == "conj") or (p.kind == "punct" and p.wvalue == ","):
            parts.append([])
        else:
            parts[-1].append(p)
    parts = [p for p in parts if p]
    # "U.S. and Iraqi officials": conjuncts of bare country words share the last one's head
    last = parts[-1] if parts else []
    head = last[-1] if last and last[-1].kind == "agent" else None
    if head is not None:
        for part in parts[:-1]:
            if all(p.kind == "entity" and all(h.entity.kind == "country" for h in p.hits)
                   or (p.kind == "word" and p.wclass == "skip") for p in part):
                part.append(head)
    return parts


def _group(members: list[Resolution]) -> Resolution:
    countries = {m.country for m in members}
    sectors = {m.sector for m in members}
    return Resolution(
        name=" and ".join(m.name or "?" for m in members),
        country=countries.pop() if len(countries) == 1 else None,
        sector=sectors.pop() if len(sectors) == 1 else None,
        kind="group", score=min(m.score for m in members), members=members, plural=True,
        leader=all(m.leader for m in members),
    )


def _resolve_part(pieces: list[Piece], kb: KnowledgeBase, when: date,
                  ctx: Context) -> Resolution | None:
    # appositions: "Nikol Pashinyan, Armenia's prime minister" -> main part + extra information
    chunks: list[list[Piece]] = [[]]
    for p in pieces:
        if p.kind == "punct":
            chunks.append([])
        else:
            chunks[-1].append(p)
    chunks = [c for c in chunks if c]
    if not chunks:
        return None
    main = _resolve_chunk(chunks[0], kb, when, ctx)
    for extra in chunks[1:]:
        other = _resolve_chunk(extra, kb, when, ctx)
        if other is None:
            continue
        if main is None or not main.resolved:
            if main is not None and main.kind == "person" and other.kind in ("agent", "person"):
                main.country, main.sector, main.leader = other.country, other.sector, other.leader
                main.score = min(0.9, other.score)
                continue
            main = other
        elif main.kind == "person" and other.kind in ("agent", "person"):
            apposition(main, other, kb)
    return main


def igo_office(res: Resolution, kb: KnowledgeBase) -> bool:
    """The phrase names a post at an international organisation ("the UN envoy")."""
    return res.country is not None and res.country not in kb.countries


def apposition(main: Resolution, other: Resolution, kb: KnowledgeBase) -> bool:
    """Complete a person from an apposition ("X, Armenia's foreign minister"). An office at an
    international organisation ("Kenzo Oshima, the United Nations Emergency Relief Coordinator")
    wins over the person's nationality and the roles the knowledge base lists; other titles only
    fill what the name left open. True when something changed."""
    if not other.resolved:
        return False
    if igo_office(other, kb) and (main.country != other.country or main.sector in (
            None, "CVL", "GOV")):
        main.country = other.country
        main.sector = other.sector if other.sector in ("MIL", "JUD", "ELI") else "IGO"
        main.leader = False
        return True
    if main.country and main.sector not in (None, "CVL"):
        return False
    main.country = main.country or other.country
    if main.sector in (None, "CVL") and other.sector:
        main.sector = other.sector
    main.leader = main.leader or other.leader
    return True


def _resolve_chunk(pieces: list[Piece], kb: KnowledgeBase, when: date,
                   ctx: Context) -> Resolution | None:
    """One noun phrase without commas or conjunctions."""
    # a preposition after the first content piece starts the prepositional phrase
    core, pp, prep = pieces, [], ""
    for k, p in enumerate(pieces):
        if p.kind == "word" and p.wclass == "prep" and any(
            q.kind in ("entity", "agent", "name") for q in pieces[:k]
        ):
            core, pp, prep = pieces[:k], pieces[k + 1 :], p.text.lower()
            break
    if not any(q.kind in ("entity", "agent", "name") for q in core) and pp:
        core, pp = pp, []  # "one of the protesters"
    res = _compose(core, pp, kb, when, ctx)
    return _people_of_a_place(res, core, pp, prep, kb, when, ctx)


def _people_of_a_place(res: Resolution | None, core: list[Piece], pp: list[Piece], prep: str,
                       kb: KnowledgeBase, when: date, ctx: Context) -> Resolution | None:
    """"Ethnic Albanians in south Serbia", "the Albanians of southern Serbia", "ethnic Turks":
    a people named by a demonym belongs to the state it lives in (the place after "in"/"of"),
    not to the state of the same name; alone ("ethnic Turks") it has no country."""
    demonyms = [p for p in core if p.kind == "entity" and p.hits and all(
        h.entity.kind == "country" and h.via in ("adjective", "region") for h in p.hits)]
    if not demonyms:
        return res
    ethnic = any(p.ethnic for p in demonyms)
    head = demonyms[-1]
    people = head is core[-1] or (core[-1].kind == "agent" and core[-1].agent is not None and
                                  core[-1].agent.sector == "CVL")
    if not ethnic and not (people and prep == "of" and head.text.lower().endswith("s")):
        return res
    if res is not None and res.sector not in (None, "CVL"):
        return res  # "ethnic Albanian rebels": the sector word decides, the country stays open
    # the place the people live in is the PP's head ("the Israeli-occupied West Bank")
    place = _owner([], _country_entities(pp)[::-1], kb, when, ctx) if prep in ("in", "of") \
        else None
    country = place.country if place is not None else None
    if not ethnic and country is None:
        return res
    return Resolution(head.text, country, "CVL", "agent", 0.7 if country else 0.5, plural=True,
                      head=head.text.lower())


def _country_entities(pieces: list[Piece]) -> list[Piece]:
    return [p for p in pieces if p.kind == "entity" and not p.sponsor]


def _compose(core: list[Piece], pp: list[Piece], kb: KnowledgeBase, when: date,
             ctx: Context) -> Resolution | None:
    rel = max((k for k, p in enumerate(core) if p.kind == "word" and p.wclass == "relational"),
              default=None)
    if rel is not None:
        # "Israel's militia ally", "its northern neighbour", "Ukraine's allies": the actor is
        # someone else than the owner named before the relational word
        # ("NATO allies" are NATO's members: an organisation stays)
        core = [p for p in core[:rel] if not (p.kind == "name" or (p.kind == "entity" and not all(
            h.entity.kind == "igo" for h in p.hits)) or (p.kind == "word" and p.wclass in (
                "posspron", "anaphor")))] + core[rel + 1:]
    agents = [p for p in core if p.kind == "agent" and p.agent is not None]
    former = any(a.agent is not None and "former" in a.agent.flags for a in agents)
    agents = [a for a in agents if a.agent is not None and "former" not in a.agent.flags]
    entities = _country_entities(core)
    definite = bool(core) and core[0].kind == "word" and core[0].text.lower() in ("the", "both")
    count = _count(core)

    # an IGO or organisation name used as a sector word after a country ("Russian Security Council")
    for k, e in enumerate(entities):
        prev = entities[k - 1] if k > 0 else None
        if e.agent is not None and prev is not None and (
                prev.end == e.start or (prev.possessive and prev.end + 1 == e.start)) and \
                all(h.entity.kind in ("igo", "group") for h in e.hits) and \
                any(h.entity.kind == "country" for h in prev.hits):
            # "Peru's Congress", "the Russian Security Council": the word, not the US/UN body
            e.kind = "agent"
            agents.append(e)
    entities = [e for e in entities if e.kind == "entity"]
    agents.sort(key=lambda p: p.start)
    names = [p for p in core if p.kind == "name"]
    head = _head(core)
    # a known person next to unknown capitalised words ("Nikol" + "Pashinyan", headline words)
    if head is not None and head.kind == "name":
        city = next((e for e in entities if e.end == head.start and not e.possessive and e.hits
                     and all(h.via in ("capital", "place") for h in e.hits)), None)
        if city is not None and not any(p.kind == "agent" and p.start < city.start for p in core):
            # "Aden Barre Duale", "Paris Hilton": a city's name starting a personal name
            merged = Piece(city.start, head.end, f"{city.text} {head.text}", "name")
            entities = [e for e in entities if e is not city]
            core = [merged if p is head else p for p in core if p is not city]
            head = merged
        after = next((e for e in entities if _is_person(e) and e.end == head.start), None)
        before = next((e for e in entities if _is_person(e) and e.start == head.end), None)
        if after is not None and not all(h.via == "surname" for h in after.hits):
            head = after  # "Putin Reiterated Demand": capitalised words after a known name
        elif after is not None:
            # "Michel" + "Duclos": a surname key of someone else starting an unknown name
            merged = Piece(after.start, head.end, f"{after.text} {head.text}", "name")
            entities = [e for e in entities if e is not after]
            core = [merged if p is head else p for p in core if p is not after]
            head = merged
        elif before is not None and " " not in before.text.strip():
            # "Samia Suluhu" + "Hassan": read the whole unknown name
            merged = Piece(head.start, before.end, f"{head.text} {before.text}", "name")
            entities = [e for e in entities if e is not before]
            core = [merged if p is head else p for p in core if p is not before]
            head = merged
        elif before is not None:
            head = before
    elif head is not None and _is_person(head):
        prev = next((p for p in core if p.end == head.start and p.kind in ("name", "entity")), None)
        # a run of capitalised pieces before a surname: "Aden Barre Duale" (Aden is also a
        # capital, Barre a surname) is the knowledge base's Aden Duale
        run = [head]
        while True:
            before_run = next((p for p in core if p.end == run[0].start and not p.possessive and (
                p.kind == "name" or _is_person(p) or (p.kind == "entity" and p.hits and all(
                    h.via in ("capital", "place", "surname") for h in p.hits)))), None)
            if before_run is None:
                break
            run.insert(0, before_run)
        if len(run) >= 3:
            words = norm(" ".join(p.text for p in run)).split()
            full = [h for k in (" ".join(words), f"{words[0]} {words[-1]}")
                    for h in kb.lookup(k) if h.entity.kind == "person"]
            if full or any(p.kind == "name" for p in run):
                # (else the whole run is one name unknown to the knowledge base)
                merged = Piece(run[0].start, head.end, " ".join(p.text for p in run),
                               "entity" if full else "name", hits=full)
                entities = [e for e in entities if e not in run]
                core = [merged if p is head else p for p in core if p not in run[:-1]]
                head = merged
                prev = None
        if prev is not None and (prev.kind == "name" or _is_person(prev)):
            # "Samia Suluhu" + "Hassan": two name pieces make one name
            full = [h for h in kb.lookup(norm(f"{prev.text} {head.text}"))
                    if h.entity.kind == "person"]
            if full:
                merged = Piece(prev.start, head.end, f"{prev.text} {head.text}", "entity",
                               hits=full)
            elif prev.kind == "entity" and " " in prev.text.strip():
                merged = prev
            else:
                merged = Piece(prev.start, head.end, f"{prev.text} {head.text}", "name")
            entities = [e for e in entities if e is not prev and e is not head]
            core = [merged if p is head else p for p in core if p is not prev]
            head = merged
    # "the Putin-Biden meeting", "Modi's visit": the phrase's head is no actor word
    trailing = bool(core) and (core[-1].kind == "other" or core[-1].wclass == "thing") and (
        (head is not None and core[-1].start > head.start) or any(p.possessive for p in core))

    if head is not None and head.kind == "name" and core[-1].wclass == "thing":
        return None  # "the Geneva Convention", "the Camp David Accords": a thing, no one
    if head is not None and (head.kind == "name" or _is_person(head)):
        res = _person(head, core, pp, agents, former, kb, when, ctx)
        if trailing:
            res.score *= 0.5
        return res

    # "the two leaders", "both countries"
    group_word = next((p for p in core if p.kind == "word" and p.wclass == "group"), None)
    if not entities and count >= 2 and (group_word is not None or (
            head is not None and head.agent is not None and "leader" in head.agent.flags)):
        members = ctx.several(group_word.wvalue if group_word else "person", count)
        if len(members) >= 2:
            return _group(members)

    pp_entities = _country_entities(pp)
    owner = _owner(entities, pp_entities, kb, when, ctx)
    if owner is None and not entities and agents:
        poss = next((p for p in core if p.kind == "word" and (
            p.wclass == "posspron" or (p.wclass == "anaphor" and p.possessive))), None)
        if poss is not None:  # "its forces", "his government", "the country's army"
            owner = ctx.antecedent(poss.wvalue)
    if owner is None and not agents:
        return _anaphor_or_name(core, names, kb, when, ctx)

    base = _entity_resolution(head, kb, when, ctx) if head is not None and \
        head.kind == "entity" else None
    if base is not None and not any(a.start > head.start for a in agents):  # type: ignore[union-attr]
        # the phrase ends in a name: "Russia's Federation Council", "Iran-backed Houthis"
        if base.country is None and owner is not None:
            base.country = owner.country
        if base.sector is None or base.kind == "country":
            base.sector = _sector(agents, None, base, kb, when) or base.sector
        elif base.kind == "group":
            # "the rebel Revolutionary United Front" (a party by then), "the opposition Umma":
            # the text's own word for the group's role on the day
            said = [a.agent.sector for a in agents if a.agent is not None and
                    a.start < head.start and "weak" not in a.agent.flags]  # type: ignore[union-attr]
            if said and said[-1] in ("REB", "OPP") and base.sector not in ("REB", "OPP"):
                base.sector = said[-1]
        if former and base.sector:
            base.sector = "ELI"
        if trailing:
            base.score *= 0.5
        return base

    sector = _sector(agents, head, owner, kb, when)
    if former and sector not in (None, "CVL", "REB", "REF"):
        sector = "ELI"
    is_leader = bool(head and head.agent and "leader" in head.agent.flags)
    head_key = singular(head.agent.phrase) if head is not None and head.agent is not None else None
    if owner is None:
        # "the militants", "the government": the latest such actor, or the country in focus
        # ("The officials" after "Iraqi officials"; a strong sector word may also match by sector)
        last = head_key.rpartition(" ")[2] if head_key else ""
        if definite and kb.words.get(last, ("", ""))[0] == "anaphor":
            # "the terror group", "the militant movement": the latest organisation of that sector
            group = ctx.antecedent("group", anaphor=last)
            if group is not None and group.sector in (sector, None):
                return group
        strong = head is not None and head.agent is not None and "weak" not in head.agent.flags
        found = ctx.antecedent("sector", sector=sector if strong else None,
                               head=head_key) if definite and head_key else None
        one_per_state = head is not None and head.agent is not None and _is_plural_title(head, kb)
        if found is None and definite and strong and sector in _STATE_SECTORS and not one_per_state:
            # "the government", "the army": the country the article is about ("the foreign
            # ministers" are several countries' ministers, not the focus country's)
            found = ctx.antecedent("focus")
        if found is not None and found.kind == "igo":
            return found  # "the council": the Security Council named before
        if found is not None:
            return Resolution(found.name if found.kind == "group" else None, found.country,
                              sector, "agent", 0.5, plural=_plural(head), leader=is_leader,
                              head=head_key)
        return Resolution(None, None, sector, "agent", 0.8, plural=_plural(head),
                          leader=is_leader, head=head_key)
    if is_leader and definite and owner.kind in ("country", "seat") and owner.country:
        # "the Russian leader": the leader named earlier, else the one in office
        found = ctx.antecedent("leader", country=owner.country)
        if found is not None:
            return found
        leaders = kb.leaders_of(owner.country, when)
        if len(leaders) == 1:
            return _person_resolution(leaders[0], None, None, False, when, 0.7)
    kind = "agent" if agents else owner.kind
    score = min(owner.score, 0.95) if agents else owner.score
    if trailing:
        score *= 0.5
    return Resolution(owner.name, owner.country, sector, kind, score, leader=is_leader,
                      plural=_plural(head), head=head_key)


def _count(core: list[Piece]) -> int:
    """The number of actors a phrase announces ("the two leaders" -> 2, "14 countries" -> 14)."""
    out = 0
    for p in core:
        if p.kind == "word" and p.wclass == "count":
            out = max(out, int(p.wvalue))
        elif p.kind == "other" and p.text.isdigit():
            out = max(out, int(p.text))
    return out


def _is_person(piece: Piece) -> bool:
    return piece.kind == "entity" and all(h.entity.kind == "person" for h in piece.hits)


# Sector words that take a plural verb without a plural ending ("police were", "people say").
_PLURAL_NOUNS = {"police", "people", "personnel", "staff", "clergy", "youth", "forces", "media"}


def _is_plural_title(head: Piece, kb: KnowledgeBase) -> bool:
    """"foreign ministers", "presidents": a title one person per state holds, in the plural."""
    if head.agent is None:
        return False
    one = singular(head.agent.phrase)
    found = kb.agent(one) if one != head.agent.phrase else None
    return found is not None and "title" in found.flags


def _plural(head: Piece | None) -> bool:
    """The head names several people ("forces", "police") rather than one body ("the
    government", "the army"): "they" can point back to it, "it" cannot."""
    if head is None:
        return False
    if head.agent is not None and "person" in head.agent.flags:
        return head.text.lower() != singular(head.text.lower())
    last = head.text.lower().rsplit(" ", 1)[-1]
    return last in _PLURAL_NOUNS or singular(last) != last


def _head(core: list[Piece]) -> Piece | None:
    """The last content piece of a noun phrase is its head."""
    for p in reversed(core):
        if p.kind in ("entity", "agent", "name") and not (p.possessive and p is not core[-1]):
            return p
        if p.kind == "word" and p.wclass in ("group", "anaphor"):
            return p
    return None


def _owner(entities: list[Piece], pp_entities: list[Piece], kb: KnowledgeBase, when: date,
           ctx: Context) -> Resolution | None:
    """The entity that gives the phrase its country: possessive, then nearest modifier, then PP."""
    order = [e for e in entities if e.possessive] + list(reversed(
        [e for e in entities if not e.possessive])) + pp_entities
    if order and _is_person(order[0]) and order[0].possessive and any(
            not e.possessive and not _is_person(e) for e in entities):
        # "Osama bin Laden's al-Qaeda terror network": the organisation, not its leader
        order = order[1:] + order[:1]
    stateless = None
    for e in order:
        if stateless is not None and e in pp_entities:
            break  # "the Red Cross operating in Iraq" is not Iraqi
        res = _entity_resolution(e, kb, when, ctx)
        if res.country is not None and not (res.kind == "person" and res.score < 0.5):
            return res  # (a surname nobody held office under says little: "police in Lagos")
        if stateless is None and res.kind == "group" and res.sector and res.score > 0:
            stateless = res  # an organisation of no country ("Amnesty International")
    return stateless


def _entity_resolution(piece: Piece, kb: KnowledgeBase, when: date, ctx: Context) -> Resolution:
    hits = piece.hits
    if not any(ch.isupper() for ch in piece.text) and all(h.entity.kind in ("group", "person") for h in hits):
        # Names are capitalised in news text: "anyone's red line" is not the Greek group Red Line.
        return Resolution(piece.text, None, None, "agent", 0.0)
    people = [h for h in hits if h.entity.kind == "person"]
    if people and len(people) == len(hits) and (
        all(h.via == "surname" for h in people) or " " not in piece.text.strip()
    ):
        # "Sithole" after "Sibusiso Sithole", "Khan" after "Ambassador Shafqat Ali Khan": the
        # article's person, not a namesake the knowledge base knows by that one word
        local = ctx.local_name(piece.text)
        if local is not None and local.name not in {h.entity.name for h in people}:
            return local
    if people and len(people) == len(hits):
        ent, score = pick_person([h.entity for h in people], when, kb, ctx, surname=all(
            h.via == "surname" for h in people))
        if ent is not None:
            return _person_resolution(ent, None, None, False, when, score)
        countries = {h.entity.any_country() for h in people}
        return Resolution(piece.text, countries.pop() if len(countries) == 1 else None, None,
                          "person", 0.3)
    hit = _prefer(hits, when)
    ent = hit.entity
    if ent.kind == "country":
        code = ent.country
        amb = kb.ambiguous.get(" ".join(piece.text.lower().split()))
        if amb is not None and ctx.choose(" ".join(piece.text.lower().split()), amb.cues,
                                          ctx.phrase):
            return Resolution(amb.alt_name, amb.alternative, None, "country", 0.8)
        if hit.via == "place":  # a region or city of the gazetteer: where, not a state
            return Resolution(ent.name, code, None, "place", 0.8)
        sector = "GOV" if hit.via == "capital" else None
        return Resolution(ent.name, code, sector, "seat" if hit.via == "capital" else "country",
                          0.95 if hit.via == "capital" else 1.0, plural=hit.via == "adjective")
    if ent.kind == "group":
        role = ent.role_on(when)
        if role is None:
            role = max(ent.roles, key=lambda r: r.start or date.min) if ent.roles else None
        return Resolution(ent.name, role.country if role else None, role.sector if role else None,
                          "group", 0.95, plural=True)
    return Resolution(ent.name, ent.country, ent.sector, ent.kind, 1.0)


def _prefer(hits: list[Hit], when: date) -> Hit:
    """Among non-person hits of one phrase: countries, then IGOs, seats, groups."""
    rank = {"country": 0, "igo": 1, "seat": 2, "group": 3, "person": 4}
    return min(hits, key=lambda h: (rank.get(h.entity.kind, 5), not h.entity.curated))


def _sector(agents: list[Piece], head: Piece | None, owner: Resolution | None,
            kb: KnowledgeBase, when: date) -> str | None:
    head_agent = head.agent if head is not None and head.kind == "agent" else None
    modifiers = [a.agent for a in agents if a is not head and a.agent is not None]
    dominant = next((m.sector for m in modifiers if "dominant" in m.flags), None)
    if owner is not None and owner.kind == "group" and owner.sector == "NGO" and not (
            head_agent is not None and head_agent.sector in _ARMED):
        return "NGO"  # "Amnesty International researchers", "Red Cross officials"
    if owner is not None and owner.kind == "group" and owner.sector:
        # an organisation keeps its sector for its fighters and officials ("Hamas gunmen",
        # "Hezbollah officials"); other sector words win ("the Hamas-run health ministry")
        strong = head_agent.sector if head_agent and "weak" not in head_agent.flags else None
        armed_group = owner.sector in _ARMED_GROUPS
        office = head_agent is not None and "person" in head_agent.flags and strong == "GOV"
        if strong is None or office or (armed_group and strong in _ARMED) or \
                strong == owner.sector:
            return owner.sector
        if owner.sector == "GOV" and strong in ("REB", "UAF"):
            return owner.sector
        return strong
    if dominant and not (head_agent and head_agent.sector == dominant):
        sector: str | None = dominant
    elif head_agent is not None and "weak" not in head_agent.flags:
        sector = head_agent.sector
    elif owner is not None and owner.kind in ("seat", "igo") and owner.sector:
        sector = owner.sector
    elif any("weak" not in m.flags for m in modifiers):
        sector = next(m.sector for m in modifiers if "weak" not in m.flags)
    elif head_agent is not None:
        sector = head_agent.sector
    elif owner is not None and owner.kind == "seat":
        sector = owner.sector
    else:
        sector = None
    if owner is not None and owner.kind == "igo" and sector in ("GOV", None, "LEG", "JUD"):
        sector = owner.sector if owner.sector != "MIL" or sector is None else "IGO"
        sector = sector or "IGO"
    return sector


def _person(piece: Piece, core: list[Piece], pp: list[Piece], agents: list[Piece],
            former: bool, kb: KnowledgeBase, when: date, ctx: Context) -> Resolution:
    """A personal name, with whatever titles and country words stand around it."""
    titles = [a.agent for a in agents if a.agent is not None and a.start < piece.start]
    title = titles[-1] if titles else None
    modifiers = [e for e in _country_entities(core) if e is not piece] + _country_entities(pp)
    mod = _owner(modifiers, [], kb, when, ctx) if modifiers else None
    mod_country = mod.country if mod is not None and mod.kind != "person" else None

    ent: Entity | None = None
    score = 0.0
    if piece.kind == "entity":
        people = [h.entity for h in piece.hits if h.entity.kind == "person"]
        local = ctx.local_name(piece.text) if all(h.via == "surname" for h in piece.hits) else None
        if local is not None and local.name not in {p.name for p in people} and title is None:
            return local  # "Khan" after "Ambassador Shafqat Ali Khan": the article's own person
        ent, score = pick_person(people, when, kb, ctx, country=mod_country,
                                 surname=all(h.via == "surname" for h in piece.hits))
    else:
        local = ctx.local_name(" ".join(piece.text.lower().split()))
        if local is not None and title is None and mod_country is None:
            return local
        from brink.actors.people import lookup_titled, lookup_unknown

        ent, score = lookup_unknown(piece.text, kb, when, ctx, country=mod_country)
        if ent is None and title is not None:
            ent, score = lookup_titled(piece.text, kb, when, ctx, country=mod_country)
        if ent is None and local is not None and (local.resolved or not (title or mod_country)):
            return local
    if mod is not None and mod.kind in ("seat", "group", "igo") and mod.sector and (
            title is None or ("weak" in title.flags and title.sector == "GOV")):
        # "CIA Director X", "Pentagon spokesman X": the institution gives the sector
        title = Agent(mod.name or "", mod.sector, frozenset({"person"}))
    res = _person_resolution(ent, title, mod_country, former, when, score or 0.9,
                             name=piece.text if ent is None else None)
    if mod is not None and mod.kind == "igo" and res.sector not in ("MIL", "ELI"):
        res.sector = "IGO"
    return res


def _person_resolution(ent: Entity | None, title: Agent | None, mod_country: str | None,
                       former: bool, when: date, score: float,
                       name: str | None = None) -> Resolution:
    role = ent.role_on(when) if ent is not None else None
    country = mod_country or (role.country if role else None) or (
        ent.any_country() if ent is not None else None)
    if former:
        sector: str | None = "ELI"
    elif title is not None and "weak" not in title.flags:
        sector = title.sector
    elif role is not None:
        sector = role.sector
    elif title is not None:
        sector = title.sector
    elif ent is not None:
        sector = "CVL"  # a known person holding no office on that date
    else:
        sector = None
    if role is not None and role.country != country and mod_country and not former:
        sector = title.sector if title is not None else sector
    leader = bool(title is not None and "leader" in title.flags) or bool(
        role is not None and role.leader and not former)
    return Resolution(ent.name if ent is not None else name, country, sector, "person",
                      score if ent is not None else (0.8 if title or mod_country else 0.3),
                      leader=leader)


def _anaphor_or_name(core: list[Piece], names: list[Piece], kb: KnowledgeBase, when: date,
                     ctx: Context) -> Resolution | None:
    """No entity or sector word: "the alliance", "the country", or an unknown name."""
    # "a group of armed prisoners", "another bloc": an indefinite or partitive noun introduces
    # someone new; it does not point back
    indefinite = bool(core) and core[0].text.lower() in INDEFINITE_WORDS
    for k in range(len(core) - 1, -1, -1):
        p = core[k]
        word = p.text.lower()
        if indefinite or (k + 1 < len(core) and core[k + 1].text.lower() == "of"):
            continue
        if p.kind == "word" and p.wclass == "anaphor":
            found = ctx.antecedent(p.wvalue, anaphor=word)
            if found is not None:
                return found
        if p.kind in ("other", "word"):
            found = ctx.antecedent("igo", anaphor=word)
            if found is not None:
                return found
    if names:
        return _person(names[-1], core, [], [], False, kb, when, ctx)
    return None
