"""The event coder: parsed sentences in, PLOVER event records out.

For each sentence: find triggers (`triggers.py`), read whether each act is real (`modality.py`),
find who did it to whom (`arguments.py`) and resolve them (`brink.actors`), then apply the PLOVER
rules that turn intentions into AGREE/THREATEN, refusals into REJECT and announced retreats into
CONCEDE, and date the act against the publication date.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from brink.events import arguments as args
from brink.events.confidence import confidence as score_confidence
from brink.events.lexicon import COOPERATIVE, VERBAL_COOPERATION, Lexicon, Sense, load_lexicon
from brink.events.modality import Governance, govern, is_past, tense_is_present
from brink.events.quotes import FIRST_PERSON, find_quotes, speaker_of
from brink.events.triggers import Candidate, find_candidates, named_in_predicate
from brink.records import Actor, Document, Event, Evidence, Modality, Place, Timex
from brink.timeline import period_bounds

R = TypeVar("R", Actor, Place, None)  # a record with a country

CONFLICTUAL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
ORDERING = {"order", "ask", "tell", "instruct", "force", "give"}
EXPULSION = Sense("SANCTION", "expel", "166", ("diplomatic",), 0.8, "verb")
DEONTIC = {"must", "should"}
DRILLS = {"exercise", "drill", "game", "maneuver", "manoeuvre", "patrol", "wargame"}
CAUSAL_PREPS = {"after", "following", "in", "from", "by", "during", "of", "under"}
HARM_VERBS = {"die", "kill", "injure", "wound", "hurt", "destroy", "damage", "displace", "flee", "lose", "suffer"}
DEPLOYED_TO = {"for", "to", "into", "toward", "towards"}  # "mobilized troops for an offensive against X"
# what force used "to" do acts on: "opened fire to disperse the crowd"
FORCIBLE_PURPOSES = {"disperse", "break", "quell", "stop", "push", "drive", "clear", "evict", "scatter", "repel"}
DEMAND = Sense("REQUEST", None, "100", (), 0.6, "verb")
ACCUSATION = Sense("ACCUSE", "allege", "112", (), 0.75, "verb")
JAILING = Sense("COERCE", "arrest", "173", ("legal",), 0.8, "verb")
PROTESTER_SECTORS = {"CVL", "OPP", "LAB", "EDU", "AGR"}
# weapon nouns the WEAPON synonym set (cameo_sets.json) lacks as single words
EXTRA_WEAPONS = {"explosive", "device", "shell", "grenade", "mortar", "munition", "warhead",
                 "gas", "bullet", "baton", "cannon"}  # (riot control: "used tear gas", "water cannon")
# a protest's stated purpose, where its target is named ("to demand the removal of X", "in protest
# against X"): verbs of the purpose clause, and nouns after "in"
PROTEST_PURPOSES = {"demand", "press", "call", "protest", "denounce", "oppose", "condemn", "show", "voice",
                    "express", "urge", "seek", "demonstrate", "reject"}
PROTEST_HEADS = {"protest", "defiance", "opposition", "response", "anger", "outrage"}
# prepositions on a frame's object that name the recipient, beyond the type's defaults
CONSUMED_PREPS = {"CONCEDE": {"from", "by", "with"}, "REJECT": {"from"}, "AGREE": {"from"}, "SANCTION": {"to"},
                  "CONSULT": {"to"}, "SUPPORT": {"to", "with"}, "RETREAT": {"of", "to", "with"}, "THREATEN": {"to"}}
AGREEMENTS = {"agreement", "deal", "accord", "treaty", "compromise", "settlement", "consensus", "pact"}
# measures whose lifting or imposing names the party under them ("lifted its boycott of X")
RESTRICTIONS = {"ban", "boycott", "blockade", "embargo", "siege", "sanction", "restriction", "curfew", "lockdown",
                "closure", "suspension", "freeze"}
# quantity words heading a phrase whose "of" object is the party ("dozens of political prisoners")
QUANTITY_HEADS = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
                  "some", "many", "several", "most", "all", "group", "number"}
GIVEN_THINGS = {"aid", "assistance", "funding", "loan", "supply", "support", "help", "credit", "shipment",
                "delivery", "grant"}
# nouns whose personal possessor is the one acted upon ("Navalny's arrest"), not the actor
PATIENT_NOUNS = {"arrest", "detention", "imprisonment", "jailing", "killing", "murder", "assassination",
                 "abduction", "kidnapping", "execution", "deportation", "extradition", "release",
                 "conviction", "sentencing", "torture", "disappearance"}
# verbs whose object is the actor's own act ("expressed its commitment", "reaffirmed France's support")
EXPRESSING = {"express", "voice", "declare", "pledge", "reiterate", "reaffirm", "affirm", "offer", "extend",
              "lend", "show", "signal", "underline", "underscore", "renew"}
# people a country takes in or turns away ("accepted 1,141 Iraqi refugees")
TAKEN_IN = {"refugee", "migrant", "seeker", "evacuee", "people", "child", "person", "family", "deportee"}
WEAPON_MODES = {"firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "unconventional"}
ARMED_SECTORS = {"MIL", "REB", "UAF", "SPY", "COP"}
PEOPLE_SECTORS = {"REF", "CVL", "OPP", "REB", "LAB", "EDU", "MED", "HLH", "REL", "AGR", "JRN"}
CLAIM_VERBS = {"claim", "allege", "assert", "contend", "charge", "insist"}
RECIPROCAL = {"CONSULT", "COOPERATE", "AGREE"}
# "Australia, Canada and the U.S. offered to resettle them": each makes the offer, not to each other.
ONE_SIDED = {"offer", "pledge", "promise", "vow", "propose", "volunteer", "commit", "undertake"}
# "Western politicians", "foreign fighters": not of the country the story is in
FOREIGN_WORDS = {"western", "foreign", "international", "world", "global", "overseas", "multinational",
                 "allied", "outside", "european", "arab", "african", "asian", "gulf", "regional"}
DECADE = re.compile(r"\d{2,3}")  # TIMEX3 values of a century ("19") or decade ("198")
LOCATIVE_PREPS = {"in", "on", "from", "inside", "across", "within"}
ANSWERING = {"comment", "respond", "answer", "elaborate", "speculate", "discuss", "specify", "reply"}
REQUESTS = {"request", "demand", "call", "appeal", "plea", "invitation", "summons", "ultimatum", "order"}
QUESTION_VERBS = {"ask", "question", "query", "wonder", "inquire", "enquire"}
# "Indian and Pakistani troops exchanged fire / clashed": each side acts on the other.
MUTUAL_FIGHTING = {"exchange", "trade", "clash", "fight", "battle", "skirmish"}
OCCURRENCE = {"take", "happen", "occur", "begin", "start", "erupt", "break", "continue", "resume",
              "kill", "wound", "injure", "hit", "destroy", "damage", "leave", "target", "end",
              "intensify", "escalate", "rage", "spread", "follow", "claim", "open", "conclude",
              "displace", "cause", "trigger", "prompt", "lead", "force", "spark"}  # fmt: skip
SETTING_PREPS = {"during", "at", "after", "before", "in", "following", "amid", "on"}
# Acts done to a place: its country is the recipient when no party is named (CAMEO coding practice).
PLACE_RECIPIENT_TYPES = {"COERCE", "RETREAT", "CONCEDE", "PROTEST", "ASSAULT", "MOBILIZE", "AID", "SANCTION"}
FALLBACK_RECIPIENT_TYPES = {"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
VERBAL_TYPES = {"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


@dataclass
class Resolved:
    span: Span
    name: str | None
    country: str | None
    sector: str | None
    score: float = 0.0

    def actor(self) -> Actor:
        return Actor(
            text=self.span.text, name=self.name, country=self.country, sector=self.sector,
            start=self.span.start_char, end=self.span.end_char,
        )  # fmt: skip


@dataclass
class Draft:
    """An event before dating and scoring."""

    cand: Candidate
    type: str
    mode: str | None
    cameo: str | None
    context: list[str]
    actors: list[Resolved]
    recipients: list[Resolved]
    gov: Governance
    weight: float
    reporter: Resolved | None = None
    unnamed_recipient: Resolved | None = None  # "an investigation into the business dealings of…"
    claim_clause: Token | None = None  # "alleges [the group broke its word]": dropped if the clause holds an act
    notes: list[str] = field(default_factory=list)


class DocumentCoder:
    """Codes one document; holds the within-document memory (actors seen, narrative time)."""

    def __init__(self, document: Document, doc: Doc, resolver, doc_actors, lexicon: Lexicon | None = None,
                 timexes: list[Timex] | None = None, places: list[Place] | None = None,
                 historical_days: int = 365) -> None:  # fmt: skip
        self.document = document
        self.doc = doc
        self.lex = lexicon or load_lexicon()
        self.resolver = resolver
        self.doc_actors = doc_actors
        self.timexes = timexes or []
        self.places = places or []
        self.published = document.published
        self.historical_days = historical_days
        self.narrative_date: str | None = None  # the last day-precision date an act was given
        # a past year/month being narrated: value, precision, the passage's last sentence, and the
        # sentence that dated it (whose other clauses have their own dates or none)
        self.background: tuple[str, str, int, int] | None = None
        self.focus = focus_country(doc_actors, self.places)
        self.quotes = find_quotes(doc)
        self.trigger_idx: dict[int, str] = {}
        self.trigger: Token | None = None  # the trigger whose arguments are being resolved
        self.candidates_in_sentence = 0
        self.unnamed_recipient: Resolved | None = None
        self.resolved: dict[int, list[Resolved]] = {}  # head token index -> what it names

    # --- resolution ----------------------------------------------------------------------
    def resolve(self, head: Token | None) -> list[Resolved]:
        if head is None:
            return []
        out: list[Resolved] = []
        for tok in args.expand(head):
            tok = args.antecedent(tok)
            if tok.i in self.resolved:  # the same phrase is often an argument of several triggers
                out.extend(self.resolved[tok.i])
                continue
            found = self.resolve_one(tok)
            self.resolved[tok.i] = found
            out.extend(found)
        return out

    def resolve_one(self, tok: Token) -> list[Resolved]:
        """What the phrase headed by `tok` names: one party, or the members of a group."""
        span = args.phrase(tok)
        # resolve with the article the span drops: "the council" points back, "council" does not
        said = span.doc[span.start - 1: span.end] if span.start > 0 and span.doc[span.start - 1].lower_ == "the" \
            else span  # fmt: skip
        res = self.resolver.resolve_span(said, self.published, self.doc_actors) if self.resolver else None
        if res is not None and res.score <= 0:
            res = None  # the resolver echoes phrases it does not know with score 0
        owner = args.possessor(tok)
        unknown = res is None or (res.sector is None and res.kind not in ("person", "country", "igo"))
        if owner is not None and unknown:
            # "its northern neighbor's steel exports", "Canada's electricity": the owner is the party
            owned = self.resolve(owner)
            if owned and owned[0].country:
                return owned
        if (res is None or (res.country is None and res.kind == "agent")) and (
                appos := args.child(tok, "appos")) is not None:  # fmt: skip
            # "Chris Swonger, head of the Distilled Spirits Council of the United States"; "the main
            # Hutu rebel group, the FDD": the apposition names who it is
            found = self.resolve(appos)
            if found and found[0].country:
                first = found[0]
                return [Resolved(span, first.name, first.country, first.sector, first.score * 0.9)]
        if res is None:
            return [Resolved(span, None, None, None, 0.0)]
        if getattr(res, "members", None):
            return [Resolved(span, m.name, m.country, m.sector, m.score) for m in res.members]
        country = res.country
        if country is None and res.sector and res.kind == "agent":
            # "militants in Afghanistan", "rebels based on Congolese soil": the place they are in
            country = self.placed_in(tok, span)
        if country is None and res.sector and res.kind == "agent" and res.sector != "REF":
            # "security forces", "the junta", "militants": the country the story is in (refugees
            # belong to the country they fled, which the text names or not)
            country = self.local_country(tok)
        return [Resolved(span, res.name, country, res.sector, res.score)]

    def sector_word(self, tok: Token) -> bool:
        """A capitalised word that only says what kind of party ("Moslem", "Islamist"; "Riot" in
        "Riot police", which the parser tags as a name), not which country."""
        kb = self.resolver.kb if self.resolver else None
        if kb is None or tok.ent_type_ in ("ORG", "GPE"):
            return False
        following = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
        return kb.agent(tok.lower_) is not None or kb.agent(f"{tok.lower_} {following}") is not None

    def placed_in(self, tok: Token, span: Span) -> str | None:
        """The country of a place named in the phrase's own locative modifier, if any."""
        for prep in tok.children:
            if prep.dep_ == "acl" and prep.i > tok.i:  # "militants present on Afghan soil"
                prep = next((c for c in prep.children if c.dep_ == "prep"), prep)
            if prep.dep_ not in ("prep", "acl") or prep.lower_ not in LOCATIVE_PREPS:
                continue
            for t in prep.subtree:
                if t.ent_type_ in ("GPE", "NORP") and t.i >= span.end and t.ent_iob_ == "B":
                    ent = next((e for e in t.doc.ents if e.start == t.i), None)
                    res = self.resolver.resolve_span(ent, self.published) if ent is not None else None
                    if res is not None and res.country and res.score > 0:
                        return res.country
        return None

    def local_country(self, tok: Token) -> str | None:
        """The country where the act being coded happened, else the document's focus country.

        Only for plain agent nouns ("security forces", "the junta"): a phrase holding a name the
        resolver could not place ("European Community ministers") is left without a country.
        """
        words = args.phrase(tok)
        # (a people the knowledge base cannot place, "Shona rebels", "ethnic Albanians": placed
        # where they live)
        if any(((t.pos_ == "PROPN" and t.ent_type_ != "NORP") or t.ent_type_ in ("ORG", "PERSON"))
               and not self.sector_word(t) or t.lower_ in FOREIGN_WORDS for t in words):  # fmt: skip
            return None
        if self.trigger is not None and self.places:
            from brink.places import event_location

            where = event_location(self.trigger, self.places)
            for clause in (c for c in self.trigger.children if c.dep_ == "advcl" and where is None):
                if any(m.lower_ in ("when", "as", "while") for m in clause.children if m.dep_ in ("mark", "advmod")):
                    where = event_location(clause, self.places)  # "killed 23 people when they blew … up in Tel Aviv"
            if where is not None and where.country:
                return where.country
        return self.focus

    # --- one sentence --------------------------------------------------------------------
    def code_sentence(self, sent: Span) -> list[Event]:
        if is_question(sent):
            return []  # "What did they discuss?" asserts nothing
        candidates = find_candidates(sent, self.lex)
        if not candidates:
            return []
        self.candidates_in_sentence = len(candidates)
        trigger_idx = {c.token.i: c.sense.type for c in candidates}
        self.trigger_idx = trigger_idx
        drafts: dict[int, Draft] = {}
        contents: dict[int, list[Draft]] = {}
        orphans: dict[int, Draft] = {}  # acts that are only wished or demanded, with no trigger over them
        for cand in candidates:
            gov = govern(cand.token, self.lex, trigger_idx)
            draft = self.draft(cand, gov)
            if draft is None:
                continue
            if gov.suppressed:
                if gov.governor is not None:
                    contents.setdefault(gov.governor.i, []).append(draft)
                else:
                    orphans[cand.token.i] = draft
                continue
            if gov.condition:
                continue  # "if Russia further invades Ukraine": a supposition, not an act
            drafts[cand.token.i] = draft
        for idx, draft in drafts.items():
            self.absorb_content(draft, contents.get(idx, []))
        # an alleged failure to act ("has not lived up to its commitment") leaves the accusation
        acts = {i for i, d in drafts.items() if not d.gov.negated} | set(orphans)
        for idx in [i for i, d in drafts.items() if d.claim_clause is not None]:
            if any(t.i in acts for t in drafts[idx].claim_clause.subtree):
                del drafts[idx]  # the alleged act is coded itself, with reported_by
        self.merge_elaborations(drafts)
        self.add_accusations(drafts)
        self.add_demands(sent, drafts, orphans)
        events: list[Event] = []
        for draft in drafts.values():
            events.extend(self.finish(draft, sent))
        return events

    def draft(self, cand: Candidate, gov: Governance) -> Draft | None:
        sense = cand.sense
        tok = cand.token
        self.trigger = tok
        self.unnamed_recipient = None
        clause = accused = None
        if cand.kind == "noun":
            actors, recipients = self.noun_arguments(cand)
            if actors is None:
                return None
        else:
            if sense.weight <= 0:
                return None
            # A speech or claim verb with a clause but no object is only a cue ("denies planning…").
            cue = self.lex.cue(tok.lemma_.lower(), "VERB")
            clause = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp")), None)
            if cue in ("negate", "claim", "report") and not args.direct_object(tok) and clause is not None:
                # "Washington alleges the group has not lived up to its commitment": an accusation
                # whose content is no codable act is itself the event, aimed at the clause's subject.
                if cue != "claim" or sense.type != "ACCUSE" or clause.dep_ != "ccomp":
                    return None
                accused = args.subject(clause)
            if cue == "refuse" and clause is not None and clause.dep_ == "xcomp" and (
                clause.lemma_.lower() in ANSWERING or self.lex.cue(clause.lemma_.lower(), "VERB") == "report"
            ) and not any(t.lemma_.lower() in REQUESTS for t in clause.subtree):
                return None  # "declined to comment" rejects nothing; "refused to answer a request" does
            if tok.lemma_.lower() in QUESTION_VERBS and any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") for c in tok.children for m in c.children
            ):
                return None  # "Asked if the U.S. was considering action, Rubio said…": a question
            doer = args.subject(tok)
            if doer is not None and tok.lemma_.lower() in OCCURRENCE and self.trigger_idx.get(doer.i) == "ASSAULT" \
                    and args.noun_actor(doer) is not None:  # fmt: skip
                return None  # "Syrian air strikes hit the enclave": the strikes are the act, not the hitting
            obj = args.direct_object(tok)
            if obj is not None and obj.lower_ == "you":
                return None  # "thank you": conversation, not an act between actors
            actors = self.resolve(args.subject(tok))
            recipients = self.verb_recipients(cand)
            if accused is not None:
                recipients += [r for r in self.resolve(accused) if is_entity_like(r)]
        if cand.kind == "verb" and tok.lemma_.lower() in ORDERING and (leave := self.leave_order(tok)):
            sense = leave
        elif cand.kind == "verb" and sense.type == "REQUEST" and tok.lemma_.lower() == "order" and any(
            c.dep_ == "xcomp" and c.i in self.trigger_idx for c in tok.children
        ):
            return None  # "ordered troops to withdraw": the ordered act is the event, by the orderer
        if cand.kind == "verb" and sense.mode == "expel" and args.is_passive(tok) and args.agent(tok) is None \
                and (party := next(iter(args.prep_objects(tok, {"from"})), None)) is not None:  # fmt: skip
            # "Geza was expelled from the ruling party": the party expelled him
            actors = self.resolve(party)
            recipients = [r for r in recipients if r.span.root.i != party.i]
            expelled = args.child(tok, "nsubjpass")
            if expelled is not None and not recipients:
                recipients = [r for r in self.resolve(expelled) if is_entity_like(r)]
        reporter = self.resolve(gov.reporter)[:1] if gov.reporter is not None else []
        if reporter and reporter[0].span.root.lower_ in FIRST_PERSON:
            reporter = []
        actors = self.first_person(actors, gov)
        if sense.type == "REQUEST" and tok.lemma_.lower() == "order" and any(a.sector == "JUD" for a in actors):
            # A court ordering someone back to prison arrests them; other orders stay requests.
            if any(t.lemma_.lower() in ("prison", "jail", "detention", "custody") for t in tok.subtree):
                sense = JAILING
        draft = Draft(
            cand=cand, type=sense.type, mode=sense.mode, cameo=sense.cameo,
            context=list(sense.context), actors=actors, recipients=recipients, gov=gov,
            weight=sense.weight, reporter=reporter[0] if reporter else None,
            unnamed_recipient=self.unnamed_recipient, claim_clause=clause if accused is not None else None,
        )  # fmt: skip
        return draft

    def leave_order(self, verb: Token) -> Sense | None:
        """"ordered the French ambassador to leave", "asked the UN mission to leave": an expulsion."""
        for c in verb.children:
            if c.dep_ == "xcomp" and c.lemma_.lower() in ("leave", "depart", "quit", "exit", "withdraw"):
                return EXPULSION
        return None

    def first_person(self, actors: list[Resolved], gov: Governance) -> list[Resolved]:
        """"I don't accept…," Biden said: the quoted "I" is the speaker; "Ford said he is adding a
        levy": a pronoun subject of reported speech is the speaker too, when they agree in kind."""
        if not actors:
            return actors
        word = actors[0].span.root.lower_
        if gov.reporter is None and word in FIRST_PERSON:
            # "“We urge Afghanistan to …,” the ministry said": the quote's speaker, across sentences
            speaker = speaker_of(actors[0].span.root, self.quotes)
            return self.resolve(speaker) if speaker is not None else actors
        reporter = gov.reporter
        if reporter is None:
            return actors
        if word in FIRST_PERSON:
            return self.resolve(reporter)
        pronoun = actors[0].span.root
        earlier = next((t for t in reversed(pronoun.sent[: pronoun.i - pronoun.sent.start])
                        if t.dep_ == "nsubj" and t.tag_ in ("NNS", "NNPS")), None) if word == "they" else None
        if earlier is not None and earlier.i != reporter.i:
            return self.resolve(earlier)  # "bombers killed 23 people when they blew themselves up, police said"
        if word in ("he", "she") and reporter.tag_ == "NN" and (said := self.resolve(reporter)) and said[0].sector:
            return said  # "Ontario's provincial leader said he is adding a levy": one person, the speaker
        if word in ("he", "she") and reporter.ent_type_ == "PERSON" or word in ("it", "they") and \
                reporter.ent_type_ in ("ORG", "GPE", "NORP") or word == "they" and reporter.tag_ == "NNS":  # fmt: skip
            return self.resolve(reporter)
        return actors

    def is_weapon(self, tok: Token) -> bool:
        """Does the noun name a weapon (PETRARCH2's WEAPON set, "explosive device", "shell")?"""
        words = {tok.lemma_.lower(), tok.lower_} | {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        return tok.lemma_.lower() in EXTRA_WEAPONS or self.lex.slot_matches([["&WEAPON"]], words)

    def weapon_targets(self, weapon: Token) -> list[Token]:
        """Whom weapons were used on, where the parser hangs the target on the weapons ("fired tear
        gas and stun grenades at demonstrators")."""
        return [t for w in (weapon, *weapon.conjuncts)
                for t in args.prep_objects(w, args.DEFAULT_RECIPIENT_PREPS["ASSAULT"])]

    def own_side(self, owner: Token, verb: Token) -> bool:
        """Is the possessor the verb's own subject ("France's support" after "Macron reaffirmed")?"""
        if owner.pos_ == "PRON":
            return True
        mine = self.resolve(owner)
        subject = self.resolve(args.subject(verb))
        return bool(mine and subject and mine[0].country and mine[0].country == subject[0].country)

    def verb_recipients(self, cand: Candidate) -> list[Resolved]:
        tok, sense = cand.token, cand.sense
        heads: list[Token] = []
        obj = args.direct_object(tok)
        if obj is None and sense.cameo == "111" and (pred := args.child(tok, "oprd", "acomp", "xcomp", "attr")):
            obj = named_in_predicate(pred) or (pred if pred.pos_ in ("PROPN", "NOUN") else None)  # "called Canada …"
        if sense.type == "MOBILIZE":
            obj = None  # "mobilized troops", "put the army on alert": the forces are the means
            heads.extend(self.mobilized_against(tok))
        if obj is not None and (cand.consumed is None or obj.i != cand.consumed.i):
            if obj.lemma_.lower() in self.lex.nouns and sense.type in ("REQUEST", "AGREE", "THREATEN", "REJECT"):
                # "asked for the call": the requested act is content, not the recipient; "dismissed
                # an appeal from the president": whoever made the proposal is
                if sense.type in ("AGREE", "REJECT"):  # ("refused talks with X": X)
                    heads.extend(args.prep_objects(obj, {"from", "by", "with"}))
                elif sense.type == "REQUEST":  # "demanded support from the assembly": the assembly
                    heads.extend(args.prep_objects(obj, {"from"}))
                    heads.extend(self.asked_to_leave(obj))
            elif sense.type == "REQUEST" and (asked := args.prep_objects(obj, {"from"})):
                heads.extend(asked)  # "demanded compensation from the army": the army, not the compensation
            elif sense.type == "ASSAULT" and self.is_weapon(obj):
                # "detonated a car bomb": the means, not the one attacked; but the parser often hangs
                # the target on the weapon ("fired tear gas and stun grenades at demonstrators")
                heads.extend(self.weapon_targets(obj))
            else:
                heads.append(self.object_target(obj))
        dative = args.child(tok, "dative")
        if dative is not None and dative.pos_ in args.NOMINAL:
            heads.append(dative)
        preps = sense.recipient_preps | args.DEFAULT_RECIPIENT_PREPS.get(sense.type, frozenset())
        heads.extend(args.prep_objects(tok, preps))
        if cand.consumed is not None and cand.consumed.lemma_.lower() not in self.lex.nouns and (
                sense.type in ("RETREAT", "SANCTION", "COERCE", "ASSAULT", "CONSULT") or (
                sense.type in ("AID", "REJECT", "AGREE") and cand.consumed.lemma_.lower() in TAKEN_IN)):  # fmt: skip
            # "freed 1,500 Taliban prisoners", "expelled two diplomats", "took in Iraqi refugees",
            # "received the Kuwaiti ambassador"
            if sense.type == "ASSAULT" and self.is_weapon(cand.consumed):  # not "fired water cannon"
                heads.extend(self.weapon_targets(cand.consumed))
            elif not any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in cand.consumed.children):
                heads.append(cand.consumed)  # (but "opened its borders to refugees": the refugees)
        if cand.consumed is not None:
            extra = {"against", "on"} | ({"into", "of"} if sense.type in ("ACCUSE", "ASSAULT", "COERCE") else set())
            if sense.type in ("AGREE", "CONSULT", "COOPERATE", "SUPPORT") or cand.consumed.lemma_.lower() in AGREEMENTS:
                extra.discard("on")  # "failed to reach agreement on licence plates": the topic
            # "accepted demands from X", "halted aid to X" (but "tariffs on exports to the U.S." name
            # no recipient); the parser often hangs the phrase on the verb ("gave a warm welcome on
            # Thursday to X")
            given = CONSUMED_PREPS.get(sense.type, set()) if sense.type != "SANCTION" or \
                cand.consumed.lemma_.lower() in GIVEN_THINGS else set()  # fmt: skip
            extra |= given
            if cand.consumed.lemma_.lower() in RESTRICTIONS:
                extra |= {"of", "against"}  # "lifted its boycott of X"
            if sense.type in ("CONSULT", "SANCTION"):
                heads.extend(args.prep_objects(tok, given))
            if sense.type in ("CONSULT", "AGREE", "COOPERATE", "SANCTION"):
                # "launched a mediation effort between X and Y" (or "… to resolve the rift between X and
                # Y"), "ended mediation efforts between rival militias"
                heads.extend(args.between(cand.consumed) or (
                    self.between_in(cand.consumed) if sense.mode == "third-party" else []))
            leaving = self.asked_to_leave(cand.consumed) if sense.type == "REQUEST" else []
            heads.extend(leaving or args.prep_objects(cand.consumed, preps | extra))  # "an investigation into X"
            for acl in (c for c in cand.consumed.children if c.dep_ == "acl" and c.tag_ == "VBN"):
                heads.extend(args.prep_objects(acl, {"on", "against"}))  # "lifted sanctions imposed on Sudan"
            # "extended the curfew in Abidjan": the place under it
            if sense.type in ("COERCE", "THREATEN", "SANCTION", "ASSAULT"):
                heads.extend(g for g in args.prep_objects(cand.consumed, {"in"}) if g.ent_type_ == "GPE")
            # "repelled American threats" → the Americans, "defended Germany's decision" → Germany
            # (but "reaffirmed France's support": the support is France's own act)
            own_act = sense.type == "SUPPORT" and tok.lemma_.lower() in EXPRESSING
            if sense.type in ("REJECT", "ACCUSE", "SUPPORT") and (owner := args.noun_actor(cand.consumed)) \
                    and not (own_act and self.own_side(owner, tok)):  # fmt: skip
                heads.append(owner)
        if sense.type in ("RETREAT", "CONCEDE"):
            heads.extend(args.prep_objects(tok, {"from"}))  # "withdrew from South Vietnam", "resign from"
        if sense.type in ("ASSAULT", "COERCE"):
            # "opened fire to disperse the demonstrators": those the purpose clause acts on
            heads.extend(args.direct_object(c) for c in tok.children if c.dep_ in ("advcl", "xcomp")
                         and c.lemma_.lower() in FORCIBLE_PURPOSES)
        heads = [h for h in heads if h is not None]
        out: list[Resolved] = []
        seen: set[int] = set()
        for h in heads:
            if h.i in seen:
                continue
            seen.add(h.i)
            found = [r for r in self.resolve(h) if is_entity_like(r)]
            if not found and sense.type in ("ASSAULT", "COERCE", "SANCTION") and h.pos_ == "NOUN":
                # "hacked into the computers of South Korean officers", "raided Al Jazeera's
                # offices": the owner of the thing the act is aimed at
                owners = args.prep_objects(h, {"of"}) or [args.possessor(h)]
                found = [r for o in owners if o is not None and o.i not in seen for r in self.resolve(o)
                         if r.country and r.span.root.pos_ != "PRON"]
            out.extend(found)
            if not found and self.unnamed_recipient is None:
                unnamed = next((r for r in self.resolve(h) if is_target_phrase(r)), None)
                self.unnamed_recipient = unnamed  # kept as text only, if nothing better turns up
        if not out:
            out = [r for h in self.pressed_party(cand) for r in self.resolve(h) if is_entity_like(r)]
        return out

    def forces_mover(self, noun: Token, forces: Token) -> Token | None:
        """"The United States speeded up the withdrawal of some invasion forces": unnamed forces
        moved by the subject of the verb governing the act (not by a speaker: "warned the
        deployment of troops…")."""
        if forces.lower_ not in ("forces", "troops", "force") or noun.dep_ not in ("dobj", "obj") \
                or any(c.ent_type_ for c in forces.children) or self.lex.cue(noun.head.lemma_.lower(), "VERB"):
            return None
        mover = args.subject(noun.head)
        found = self.resolve(mover) if mover is not None else []
        return mover if found and found[0].country else None

    def between_in(self, noun: Token) -> list[Token]:
        """The parties of a "between X and Y" inside the phrase ("a mediation effort to resolve the
        rift between Saudi Arabia and Iran")."""
        for t in noun.subtree:
            if t.dep_ == "prep" and t.lower_ == "between" and t.i > noun.i:
                return args.between(t.head)
        return []

    def asked_to_leave(self, noun: Token) -> list[Token]:
        """"demanded the withdrawal of all foreign forces", "the resignation of the minister": the
        ones asked to go."""
        if any(n.type == "RETREAT" and n.mode in ("withdraw", "resign") for _, n in self.lex.nouns.get(
                noun.lemma_.lower(), ())):  # fmt: skip
            return args.prep_objects(noun, {"of"})
        return []

    def mobilized_against(self, verb: Token) -> list[Token]:
        """Whom forces are mobilised against, where the parser nests it: "mobilized troops for an
        offensive against al-Shabaab", "sent troops to the border with X" (the place sent to)."""
        found: list[Token] = []
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in DEPLOYED_TO):
            for t in prep.subtree:
                if t.dep_ == "pobj" and t.head.lower_ in ("against", "on"):
                    found.append(t)
            obj = args.child(prep, "pobj")
            if not found and obj is not None and prep.lower_ != "for" and obj.ent_type_ in ("GPE", "LOC"):
                found.append(obj)
        return found

    def pressed_party(self, cand: Candidate) -> list[Token]:
        """Whom a demand or a refusal presses to act, named in a clause: "demanded that the
        government resign", "demanded support from the government to deal with it" (the one giving
        the support), "will not end the strike until the ministry meets their demands"."""
        tok = cand.token
        found: list[Token] = []
        if cand.sense.type == "REQUEST":
            for clause in (c for c in tok.children if c.dep_ == "ccomp"):
                if (asked := args.child(clause, "nsubj")) is not None:
                    found.extend(args.prep_objects(asked, {"from"}) or [asked])
        if cand.sense.type == "CONCEDE":
            # "called off the strike after reaching agreement with the port authority"
            for prep in (c for c in tok.subtree if c.lower_ in ("after", "following") and c.dep_ == "prep"):
                found.extend(t for t in prep.subtree if t.dep_ == "pobj" and t.head.lower_ == "with")
        if cand.sense.type == "REJECT":
            # "declined to resign despite growing pressure by the anti-corruption commission"
            for prep in (t for t in tok.subtree if t.dep_ == "prep" and t.lower_ == "despite"):
                found.extend(o for p in prep.children if p.dep_ == "pobj" for o in args.prep_objects(p, {"by", "from"}))
        if cand.sense.type in ("REJECT", "CONCEDE"):  # (a refused concession: "will not end the strike")
            for clause in (c for c in tok.subtree if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in ("until", "unless") for m in c.children)):  # fmt: skip
                if (pressed := args.child(clause, "nsubj") or args.agent(clause)) is not None:
                    found.append(pressed)
        return found

    def object_target(self, obj: Token) -> Token:
        """"condemned Netanyahu's decision" → Netanyahu; "condemned the attack by X" → X."""
        lemma = obj.lemma_.lower()
        if (obj.pos_ == "NUM" or lemma in QUANTITY_HEADS) and (counted := args.prep_objects(obj, {"of"})):
            return counted[0]  # "released dozens of political prisoners": the prisoners
        is_act = lemma in self.lex.nouns or self.lex.cue(lemma, "NOUN") == "act"
        if obj.pos_ == "NOUN" and is_act and (actor := args.noun_actor(obj)) is not None:
            return actor
        owner = args.child(obj, "poss")
        if obj.pos_ == "NOUN" and owner is not None and owner.ent_type_ in ("GPE", "ORG", "PERSON", "NORP"):
            return owner  # "defended Germany's decision", "praised the UAE's efforts": Germany, the UAE
        return obj

    def noun_arguments(self, cand: Candidate) -> tuple[list[Resolved] | None, list[Resolved]]:
        """Arguments of a nominal event, or (None, []) when the noun is not presented as an act."""
        noun, sense = cand.token, cand.sense
        preps = args.DEFAULT_RECIPIENT_PREPS.get(sense.type, frozenset()) | {"against", "on", "with", "to"}
        if sense.type in ("SANCTION", "RETREAT", "COERCE", "ASSAULT"):
            preps = preps | {"of"}
        if sense.type == "RETREAT":
            preps = preps | {"from"}  # "the withdrawal of forces from Panama"
        heads = args.prep_objects(noun, preps)
        if sense.type == "RETREAT":  # (the parser often hangs "from X" on the forces)
            heads += [o for f in args.prep_objects(noun, {"of"}) for o in args.prep_objects(f, {"from"})]
        recipients = [r for h in heads for r in self.resolve(h) if is_entity_like(r)]
        participants = args.between(noun)
        if participants:
            resolved = [r for p in participants for r in self.resolve(p)]
            return resolved[:1], resolved[1:] + recipients
        if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in OCCURRENCE and sense.type == "ASSAULT" \
                and (hit := args.direct_object(noun.head)) is not None:  # fmt: skip
            recipients += [r for r in self.resolve(hit) if is_entity_like(r)]  # "strikes hit Ghouta"
        actor = args.noun_actor(noun)
        if actor is not None and (mover := self.forces_mover(noun, actor)) is not None:
            # the forces are the mover's own, not the recipient
            recipients = [r for r in recipients if r.span.root.i != actor.i]
            actor = mover
        if actor is not None and actor.dep_ == "poss" and noun.lemma_.lower() in PATIENT_NOUNS and (
                actor.ent_type_ == "PERSON" or actor.lower_ in ("his", "her")) and not args.prep_objects(
                noun, {"of"}):  # fmt: skip
            # "Mhlanga's arrest", "his release": the person it was done to
            recipients = [r for r in self.resolve(actor) if is_entity_like(r)] + recipients
            actor = None
        clause = noun.head.head if noun.dep_ == "pobj" else noun.head
        if actor is not None and actor.pos_ == "PRON" and clause.pos_ in ("VERB", "AUX") \
                and (doer := args.subject(clause)) is not None:  # fmt: skip
            actor = doer  # "the FDD insisted on its demands": its = the FDD
        if actor is None and sense.type in ("ASSAULT", "COERCE") and noun.dep_ == "pobj" \
                and noun.head.lower_ in ("in", "during") and not args.is_passive(clause):  # fmt: skip
            # "lost their lives in the hijacking by armed militants": the parser hangs "by" on the verb
            actor = next(iter(args.prep_objects(clause, {"by"})), None)
        if actor is not None and actor.ent_type_ not in ("DATE", "TIME"):
            return self.resolve(actor), recipients
        head = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in OCCURRENCE:
            return [], recipients  # "talks took place", "an airstrike killed…"
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in SETTING_PREPS \
                and sense.type == "CONSULT" and head.head.pos_ in ("VERB", "AUX"):  # fmt: skip
            # "during Tuesday's meeting with Biden, Putin reiterated…": the subject took part;
            # "told Trump in phone conversations": so did the one told.
            verb = head.head
            if not recipients:
                told = args.child(verb, "dobj", "dative")
                recipients = [r for r in self.resolve(told) if is_entity_like(r)] if told is not None else []
            return self.resolve(args.subject(verb)), recipients
        if noun.dep_ == "ROOT":
            return [], recipients  # headline style: "Protests in Minsk"
        if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in ("come", "be") \
                and sense.type in ("ASSAULT", "COERCE") and (target := args.subject(head.head)):  # fmt: skip
            # "a train came under a bomb and gun attack": it happened, and to the subject
            return [], recipients + [r for r in self.resolve(target) if is_entity_like(r)]
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in CAUSAL_PREPS \
                and sense.type in ("ASSAULT", "COERCE") and head.head.lemma_.lower() in HARM_VERBS:  # fmt: skip
            return [], recipients  # "died after torture", "killed in an airstrike": it happened
        if noun.dep_ in ("dobj", "obj") and self.trigger_idx.get(head.i) == "ACCUSE":
            # "blamed the attack on militants": the blamed did it; "condemned the attack": not the condemner
            culprit = args.prep_objects(noun, {"on"}) if head.lemma_.lower() == "blame" else []
            if culprit:
                return self.resolve(culprit[0]), [r for r in recipients if r.span.root.i != culprit[0].i]
            return None, []
        if noun.dep_ in ("dobj", "obj") and self.lex.cue(head.lemma_.lower(), "VERB") in ("report", "realis", "claim"):
            # "Diab announced the resignation of his government", "Iran announced the release of…"
            owner = [o for o in args.prep_objects(noun, {"of"}) if sense.type in ("RETREAT", "CONCEDE")
                     and sense.mode == "resign"]  # fmt: skip
            announcer = owner[0] if owner else args.subject(head)
            if announcer is not None:
                return self.resolve(announcer), recipients
        return None, []

    def add_demands(self, sent: Span, drafts: dict[int, Draft], orphans: dict[int, Draft]) -> None:
        """"Britain said Libya must hand over the suspects": a demand by the speaker on Libya."""
        for verb in sent:
            if verb.i in drafts or verb.pos_ != "VERB" or self.lex.cue(verb.lemma_.lower(), "VERB") not in (
                "report", "claim"
            ):
                continue
            for clause in verb.children:
                if clause.dep_ != "ccomp" or not any(
                    c.dep_ == "aux" and c.lower_ in DEONTIC for c in clause.children
                ):
                    continue
                speaker, target = args.subject(verb), args.child(clause, "nsubj")
                actors, recipients = self.resolve(speaker), self.resolve(target)
                if not actors or not recipients or not (is_entity_like(actors[0]) and recipients[0].country):
                    continue
                same = recipients[0].span == actors[0].span or (
                    recipients[0].name is not None and recipients[0].name == actors[0].name
                )
                if same:
                    continue  # "Rwandan rebels announced that Kagame must…" is a demand; "X said it must" is not
                content = orphans.get(clause.i)
                cand = Candidate(verb, DEMAND, "verb", [verb])
                gov = govern(verb, self.lex, self.trigger_idx)
                draft = Draft(cand=cand, type="REQUEST", mode=content_mode("REQUEST", content) if content else None,
                              cameo="100", context=list(content.context) if content else [],
                              actors=actors[:1], recipients=recipients[:1], gov=gov, weight=DEMAND.weight)  # fmt: skip
                drafts[verb.i] = draft

    def add_accusations(self, drafts: dict[int, Draft]) -> None:
        """"Russia claimed that Ukraine had attacked the Kremlin": the claim accuses Ukraine."""
        for draft in list(drafts.values()):
            verb = draft.gov.reporting_verb
            if verb is None or verb.i in drafts or verb.lemma_.lower() not in CLAIM_VERBS:
                continue
            if draft.type not in CONFLICTUAL | {"THREATEN"} or draft.reporter is None or not draft.actors:
                continue
            if same_actor(draft.reporter, draft.actors):
                continue
            cand = Candidate(verb, ACCUSATION, "verb", [verb])
            drafts[verb.i] = Draft(cand=cand, type="ACCUSE", mode="allege", cameo="112", context=list(draft.context),
                                   actors=[draft.reporter], recipients=draft.actors[:1], gov=Governance(),
                                   weight=ACCUSATION.weight)  # fmt: skip

    def merge_elaborations(self, drafts: dict[int, Draft]) -> None:
        """"attacked a post, killing 12 soldiers": a participle or conjunct of the same type by the
        same actor describes the same act; it lends its recipient and is not a second event."""
        for idx in sorted(drafts, reverse=True):
            draft = drafts[idx]
            tok = draft.cand.token
            head = drafts.get(tok.head.i)
            if head is None or head is draft or head.type != draft.type or tok.dep_ not in ("advcl", "conj", "xcomp"):
                continue
            if draft.actors and head.actors and not same_actor(draft.actors[0], head.actors):
                continue
            for r in draft.recipients:
                if not any(r.span == h.span for h in head.recipients):
                    head.recipients.append(r)
            del drafts[idx]

    # --- PLOVER rules on embedded content ---------------------------------------------------
    def absorb_content(self, draft: Draft, contents: list[Draft]) -> None:
        """A REQUEST/THREATEN/AGREE/REJECT takes its mode and, if missing, recipient from its content."""
        if not contents:
            return
        content = contents[0]
        if draft.mode is None:
            draft.mode = content_mode(draft.type, content)
        if draft.type == "THREATEN" and content.type not in CONFLICTUAL | {"SANCTION"}:
            draft.mode = None
        if draft.type in ("AGREE", "THREATEN", "REQUEST", "REJECT") and content.context:
            draft.context = sorted(set(draft.context) | set(content.context))
        if draft.type == "AGREE" and content.type in CONFLICTUAL | {"THREATEN"}:
            draft.type, draft.mode = "THREATEN", content_mode("THREATEN", content)  # "vowed to strike"
        if not draft.recipients:
            # "warned that NATO deployments would…": the one whose act it is; "warned that the
            # U.S. would impose sanctions on Moscow": the one the act is aimed at.
            if content.actors and not same_actor(content.actors[0], draft.actors) \
                    and is_entity_like(content.actors[0]):  # fmt: skip
                draft.recipients = content.actors[:1]
            elif content.recipients:
                draft.recipients = content.recipients

    def apply_plover_rules(self, draft: Draft) -> None:
        gov, t = draft.gov, draft.type
        sectors = {a.sector for a in draft.actors}
        if t in ("ASSAULT", "COERCE", "MOBILIZE") and sectors and sectors <= PROTESTER_SECTORS and not (
                t == "ASSAULT" and draft.mode in WEAPON_MODES):  # fmt: skip
            # "Protesters stormed parliament", "farmers blocked border crossings", "crowds massed"
            # (armed prisoners who "exchanged gunfire with guards" are no riot)
            mode, cameo = {"ASSAULT": ("riot", "145"), "COERCE": ("obstruct", "144")}.get(t, ("demo", "141"))
            draft.type, draft.mode, draft.cameo = "PROTEST", mode, cameo
            return
        states = any(a.country and a.sector in (None, "GOV") for a in draft.actors)
        labour = bool(sectors) and sectors <= PROTESTER_SECTORS | {"LAB", "BUS", "HLH", "MED", "JRN"}
        if t == "PROTEST" and draft.mode == "strike" and not labour and (
                sectors & ARMED_SECTORS or states or aimed(draft.cand.token)):  # fmt: skip
            # "the army / Israel launched strikes (on Gaza)": military strikes, not a labour strike
            draft.type, draft.mode, draft.cameo, t = "ASSAULT", None, "190", "ASSAULT"
        consumed = draft.cand.consumed
        if t == "RETREAT" and draft.mode == "withdraw" and consumed is None and draft.recipients and all(
                r.sector == "IGO" for r in draft.recipients):  # fmt: skip
            # PLOVER: a country leaving an organisation ("withdrew from ECOWAS") sanctions it
            draft.type, draft.cameo, t = "SANCTION", "164", "SANCTION"
            draft.context = sorted(set(draft.context) | {"diplomatic"})
        if t == "ASSAULT" and not draft.recipients and consumed is not None \
                and consumed.lemma_.lower() in ("missile", "rocket", "icbm") and not aimed(draft.cand.token):
            draft.type, draft.mode, draft.cameo = "MOBILIZE", "weapons", "150"  # a missile fired at no one: a test
            return
        modal_future = gov.future or any(e == "hypothetical" for e in gov.effects[:1])
        stance = modal_future or tense_is_present(draft.cand.token)  # "I don't accept", "won't end"
        if gov.negated and t in COOPERATIVE and (stance or "negate" in gov.effects) and not gov.hypothetical:
            draft.mode = content_mode("REJECT", draft)
            draft.type, draft.cameo = "REJECT", "120"
            gov.negated = False
            draft.notes.append("refusal")
            return
        if gov.intent:
            # CAMEO 03x "express intent to…" maps to AGREE, retreats and concessions included.
            if t in VERBAL_COOPERATION | {"RETREAT", "CONCEDE"}:
                draft.type, draft.cameo = "AGREE", "030"
            elif t in CONFLICTUAL:
                draft.mode = content_mode("THREATEN", draft)
                draft.type, draft.cameo = "THREATEN", "130"
            gov.future = False
            return
        own_voice = draft.reporter is None or (draft.actors and draft.reporter.country == draft.actors[0].country)
        hedged = gov.modal and not gov.condition and not gov.negated
        announced = gov.future and not gov.hypothetical and draft.reporter is not None and own_voice
        if t in CONFLICTUAL and draft.actors and draft.actors[0].country and own_voice and (
            ((gov.future or gov.hypothetical) and gov.consequent) or hedged or announced
        ):
            # PLOVER: a coercive act the actor says it will, may or would take is a threat
            # ("said they would boycott all contact", "announced it will extend the curfew").
            # "If other tariffs are not dropped, I will increase the tariffs on cars": a threat.
            draft.mode = content_mode("THREATEN", draft)
            draft.type, draft.cameo = "THREATEN", "130"
            draft.notes.append("threat from future act")
            gov.future = gov.hypothetical = False
            return
        if gov.belief and gov.future:
            gov.hypothetical = True  # "he believes the leaders will meet": an expectation, not a plan
            return
        if gov.future and not gov.hypothetical and t in VERBAL_COOPERATION | {"RETREAT", "CONCEDE"}:
            draft.type, draft.cameo = "AGREE", "036" if t == "CONSULT" else "030"

    def warned_target(self, draft: Draft) -> list[Resolved]:
        """The party a warning's clause acts "on" or "against" ("that it will exert pressure on Iran")."""
        clause = next((c for c in draft.cand.token.children if c.dep_ == "ccomp"), None)
        if clause is None:
            return []
        for prep in clause.subtree:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "against") and prep.head.pos_ in ("VERB", "NOUN"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    found = [r for r in self.resolve(obj) if r.country and is_entity_like(r)]
                    if found and not any(same_actor(r, draft.actors) for r in found):
                        return found
        return []

    def protest_target(self, draft: Draft) -> Resolved | None:
        """Whom a protest is aimed at, from its stated purpose: "a hunger strike to demand the
        resignation of President X", "in protest against abuses by the security forces", "in
        defiance of Chinese authorities", "a strike over a bill signed by the labour minister"."""
        tok = draft.cand.token
        # a nominal protest's purpose may hang on its verb: "continued their hunger strike to demand…"
        clause = tok.head if draft.cand.kind == "noun" and tok.dep_ in ("dobj", "obj") else tok
        starts = [c for c in clause.subtree if (
            c.dep_ == "prep" and (c.lower_ in ("against", "at", "over") and c.head.i in (tok.i, clause.i) or (
                c.lower_ == "in" and any(g.lemma_.lower() in PROTEST_HEADS for g in c.children)))
        ) or (c.dep_ in ("advcl", "xcomp", "acl", "relcl") and c.lemma_.lower() in PROTEST_PURPOSES)]
        taken = {t.i for r in draft.actors for t in r.span}
        for start in starts:
            for word in list(start.subtree)[:30]:
                if word.i in taken or word.pos_ not in ("PROPN", "NOUN") or word.dep_ in ("compound", "amod"):
                    continue
                for found in self.resolve(word)[:1]:
                    named = found.sector is not None or found.span.root.ent_type_ in ENTITY_LABELS
                    # the party itself, not "the resignation of President X" or "their demands"
                    plain = not any(t.pos_ == "PRON" or t.dep_ == "prep" for t in found.span)
                    if found.country and named and plain and found.sector not in PROTESTER_SECTORS:
                        return found
        return None

    # --- finishing -----------------------------------------------------------------------
    def finish(self, draft: Draft, sent: Span) -> list[Event]:
        consumed = draft.cand.consumed
        if consumed is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in consumed.children):
            draft.gov.negated = True  # "no talks were held"
        self.apply_plover_rules(draft)
        if draft.type == "PROTEST" and not draft.recipients and (target := self.protest_target(draft)):
            draft.recipients = [target]
        if draft.type == "CONSULT" and draft.cand.kind == "verb" and args.is_passive(draft.cand.token) \
                and args.agent(draft.cand.token) is None:  # fmt: skip
            return []  # "was met with brutality"
        named_counterpart = len(draft.actors) > 1 or any(r.country or r.name for r in draft.recipients)
        if draft.type == "CONSULT" and not named_counterpart and draft.cand.consumed is None \
                and draft.mode != "multilateral":  # fmt: skip
            if not (draft.actors and draft.actors[0].span.root.lower_ in ("leaders", "sides", "two")):
                return []  # a consultation with no one named ("speaking to reporters"); a meeting may be
        drill = draft.cand.consumed is not None and draft.cand.consumed.lemma_.lower() in DRILLS
        if draft.type == "MOBILIZE" and drill and (len(draft.actors) > 1 or draft.recipients or any(
            c.lower_ == "joint" for c in draft.cand.consumed.children
        )):
            draft.type, draft.mode, draft.cameo = "COOPERATE", None, "062"  # joint exercises
            draft.context = sorted(set(draft.context) | {"military"})
        if draft.type == "MOBILIZE" and any(t.lemma_.lower().startswith("peacekeep") for t in sent):
            draft.type, draft.mode, draft.cameo = "AID", None, "074"  # peacekeeping deployments are AID
            draft.context = sorted(set(draft.context) | {"peacekeeping"})
        if not draft.actors and draft.type in VERBAL_TYPES and draft.mode != "investigate":
            # "Sullivan was asked…": a request with no one asking is not an event ("was put under
            # investigation" is an official act, like an arrest, whoever ordered it)
            return []
        if draft.type == "THREATEN" and draft.cand.token.lemma_.lower() == "warn" and not draft.recipients \
                and draft.cand.consumed is None:  # fmt: skip
            # "warned it will keep up pressure on Iran": the one the warned-of act bears on
            draft.recipients = self.warned_target(draft)
            if not draft.recipients:
                return []  # "warned of a possible resurgence": a forecast, not a threat to anyone
        if not draft.recipients and draft.type in FALLBACK_RECIPIENT_TYPES and len(draft.actors) == 1:
            draft.recipients = self.sentence_recipient(draft, sent)
        mutual = is_reciprocal(draft) and len(draft.actors) > 1
        if not draft.recipients and draft.type in PLACE_RECIPIENT_TYPES and not mutual:
            draft.recipients = self.place_recipient(draft)
        if not draft.recipients and draft.type in ("AGREE", "AID", "THREATEN") and not mutual:
            draft.recipients = self.promised_place(draft)
        if not draft.recipients and draft.unnamed_recipient is not None and not mutual:
            draft.recipients = [draft.unnamed_recipient]  # the words, with no country to claim
            draft.notes.append("recipient unnamed")
        date_value, precision, source = self.date_of(draft)
        gov = draft.gov
        modality = Modality(
            negated=gov.negated, hypothetical=gov.hypothetical, future=gov.future,
            historical=False, reported_by=draft.reporter.actor() if draft.reporter else None,
        )  # fmt: skip
        if date_value and self.published and source == "text":
            start, end = period_bounds(date_value)
            if self.long_before_publication(end):
                modality.historical = True
            if start is not None and start > self.published:
                modality.future = True
        if draft.cand.kind == "verb" and already_under_way(draft.cand.token):
            draft.notes.append("under way before")  # "the UN was already providing assistance"
        if {"in a past decade", "in a past period", "under way before"} & set(draft.notes):
            modality.historical = True  # "In the 1980s, Iran had opened its borders": no day to give
        pairs = self.pairs(draft)
        events = []
        cand = draft.cand
        when = (period_bounds(date_value)[0] if date_value else None) or self.published
        location = self.as_of(self.location(cand), when)
        group = stable_hash(self.document.id, cand.start, draft.type)[:12]
        for actor, recipient in pairs:
            confidence, feats = score_confidence(draft, actor, recipient, source, self.candidates_in_sentence)
            ident = stable_hash(self.document.id, cand.start, draft.type,
                                actor.span.start_char if actor else -1, actor.name if actor else None,
                                recipient.span.start_char if recipient else -1,
                                recipient.name if recipient else None)  # fmt: skip
            events.append(Event(
                event_id=ident[:16], group_id=group, doc_id=self.document.id,
                type=draft.type, mode=draft.mode, context=draft.context,
                actor=self.as_of(actor.actor(), when) if actor else None,
                recipient=self.as_of(recipient.actor(), when) if recipient else None,
                date=date_value, date_precision=precision or "day", date_source=source,
                modality=modality, cameo=draft.cameo,
                score=self.lex.score(draft.type, draft.mode), confidence=confidence,
                evidence=Evidence(sentence=sent.text, start=sent.start_char, end=sent.end_char,
                                  trigger=cand.text, trigger_start=cand.start, trigger_end=cand.end),
                location=location, features=feats,
            ))  # fmt: skip
        return events

    def as_of(self, record: R, when: date | None) -> R:
        """The record with its country as it stood on the event's day (Juba in 2005: Sudan)."""
        kb = getattr(self.resolver, "kb", None)
        if record is None or kb is None or (code := kb.country_on(record.country, when)) == record.country:
            return record
        return dataclasses.replace(record, country=code)

    def pairs(self, draft: Draft) -> list[tuple[Resolved | None, Resolved | None]]:
        actors = draft.actors or [None]
        recipients = draft.recipients
        if not recipients and is_reciprocal(draft) and len(actors) > 1:
            return [(actors[0], other) for other in actors[1:]]
        if not recipients:
            return [(a, None) for a in actors]
        # A party is not its own recipient ("the Kremlin … threaten us" → no RUS→RUS pair); a
        # country's refugees protesting against its government are two parties, and protesters
        # ("thousands of Georgians") are never the government they protest against.
        def same(a: Resolved, r: Resolved) -> bool:
            if a.span == r.span:
                return True
            if not (a.name and a.name == r.name and a.country == r.country):
                return False
            if a.sector is None and r.sector in PEOPLE_SECTORS:
                return False  # a state and its refugees, civilians or opposition ("Turkey will allow Turkish refugees")
            if a.sector is None and r.sector and a.span.root.pos_ == "NOUN":
                return False  # "Brazil's truck drivers" acting towards "the Brazilian government"
            if draft.type == "PROTEST":  # ("thousands of Iraqi Kurds" protesting against Iraq: people, not the state)
                people = a.span.root.lower_ in QUANTITY_HEADS or a.span.root.tag_ in ("NNS", "NNPS")
                return a.sector == r.sector and not (people and r.sector is None)
            return not (a.sector and r.sector and a.sector != r.sector)

        return [(a, r) for a in actors for r in recipients if not (a and r and same(a, r))] \
            or [(a, None) for a in actors]  # fmt: skip

    def place_recipient(self, draft: Draft) -> list[Resolved]:
        """"lifted the curfew in Montenegro", "troops arrived in Bosnia": the place acted upon."""
        where = self.location(draft.cand)
        if where is None or not where.country:
            return []
        span = self.doc.char_span(where.start, where.end, alignment_mode="expand")
        if span is None or any(t.i in {w.i for w in draft.cand.words} for t in span):
            return []
        draft.notes.append("recipient from location")
        return [Resolved(span, where.name, where.country, None, 0.5)]

    def promised_place(self, draft: Draft) -> list[Resolved]:
        """"agreed to set up two field hospitals in Louisiana", "gave 350 million euros to promote
        investment in Ethiopia", "threatened to impose a curfew in Algiers": the place the promised,
        funded or threatened act is for."""
        clauses = [c for c in draft.cand.token.children if c.dep_ in ("xcomp", "advcl")]
        for tok in (t for clause in clauses for t in clause.subtree):
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "to", "into", "at") and tok.pos_ == "PROPN":
                # (a name the geoparser knows, though the parser may not tag it: "in Tunis")
                found = ([r for r in self.resolve(tok) if r.country] if tok.ent_type_ in ("GPE", "LOC") else []) \
                    or self.place_at(tok)  # fmt: skip
                if found:
                    draft.notes.append("recipient from location")
                    return found[:1]
        return []

    def place_at(self, tok: Token) -> list[Resolved]:
        """The geoparsed place a token names ("in Valencia": a city the actor resolver does not know)."""
        for place in self.places:
            if place.start <= tok.idx < place.end and place.country:
                span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
                if span is not None:
                    return [Resolved(span, place.name, place.country, None, 0.5)]
        return []

    def sentence_recipient(self, draft: Draft, sent: Span) -> list[Resolved]:
        """No syntactic recipient: the nearest other named actor of another country in the sentence."""
        actor_countries = {a.country for a in draft.actors if a.country}
        if not actor_countries:
            return []
        taken = {t.i for a in draft.actors for t in a.span} | {t.i for t in draft.cand.words}
        best: tuple[int, Resolved] | None = None
        for ent in sent.ents:
            if ent.label_ not in ("PERSON", "GPE", "ORG", "NORP") or any(t.i in taken for t in ent):
                continue
            head = ent.root
            while head.dep_ in ("amod", "compound") and head.head.pos_ in ("PROPN", "NOUN") and head.head.i > head.i:
                head = head.head  # "Russian" in "Russian President Vladimir Putin": the whole name
            if any(t.i in taken for t in args.phrase(head)):
                continue
            found = self.resolve(head)
            if not found or not found[0].country or found[0].country in actor_countries:
                continue
            distance = abs(ent.start - draft.cand.token.i)
            if best is None or distance < best[0]:
                best = (distance, found[0])
        if best is None:
            return []
        draft.notes.append("recipient from sentence")
        return [best[1]]

    def date_of(self, draft: Draft) -> tuple[str | None, str | None, str]:
        from brink.timex import governing_timex, timex_date

        trigger = draft.cand.token
        sent = trigger.sent  # (Token.sent walks the parse: once, not per timex)
        sentence_tx = [t for t in self.timexes if sent.start_char <= t.start < sent.end_char]
        verb = draft.gov.reporting_verb
        tx = None
        if "threat from future act" in draft.notes:
            # A threat is dated when it is made, not when the threatened act would happen.
            if verb is not None and sentence_tx:
                tx = governing_timex(verb, sentence_tx)
        elif sentence_tx:
            tx = governing_timex(trigger, sentence_tx)
            if tx is None and draft.cand.consumed is not None:
                tx = governing_timex(draft.cand.consumed, sentence_tx)
            if tx is None and verb is not None and tense_is_present(trigger):
                tx = governing_timex(verb, sentence_tx)  # a quote's act happens as it is told
        if (shifted := self.offset_date(trigger, sentence_tx)) is not None:
            return shifted, "day", "text"
        if tx is not None and self.published is not None and DECADE.fullmatch(tx.value):
            if decade_end(tx.value).year < self.published.year - 1:
                draft.notes.append("in a past decade")
        if tx is not None and (value := timex_date(tx)) is not None:
            date_value, precision = value
            _, end = period_bounds(date_value)
            long_ago = self.long_before_publication(end)
            here = trigger.sent.start
            self.background = (date_value, precision, here, here) if long_ago and precision in (
                "year", "month") else None  # fmt: skip
            if precision == "day":
                start, _ = period_bounds(date_value)
                if start is not None and (self.published is None or start <= self.published):
                    self.narrative_date = date_value
            return date_value, precision, "text"
        if is_past(trigger) and (background := self.background_period(trigger)) is not None:
            draft.notes.append("in a past period")
            return background[0], background[1], "context"
        if tx is None and sentence_tx and is_past(trigger) and (past := self.sibling_past(trigger, sentence_tx)):
            draft.notes.append("in a past period")
            return past[0], past[1], "context"
        if self.narrative_date and is_past(trigger):
            return self.narrative_date, "day", "context"
        if self.published is not None:
            return self.published.isoformat(), "day", "published"
        return None, None, "none"

    def sibling_past(self, trigger: Token, sentence_tx: list[Timex]) -> tuple[str, str] | None:
        """"Russia annexed the Amur region; Russia adopted a colonial policy during the 19th century":
        an undated past act coordinated with a clause dated long ago belongs to that past."""
        from brink.timex import governing_timex, timex_date

        siblings = [c for c in trigger.children if c.dep_ in ("conj", "parataxis") and c.pos_ in ("VERB", "AUX")]
        if trigger.dep_ in ("conj", "parataxis") and trigger.head.pos_ in ("VERB", "AUX"):
            siblings.append(trigger.head)
        elif trigger.dep_ == "ccomp" and trigger.i < trigger.head.i and any(
                t.text == ";" for t in trigger.doc[trigger.i: trigger.head.i]):  # fmt: skip
            siblings.append(trigger.head)  # "X annexed A; X adopted B in the 19th century": parsed as a complement
        for verb in siblings:
            tx = governing_timex(verb, sentence_tx)
            if tx is None:
                continue
            if DECADE.fullmatch(tx.value):
                if self.long_before_publication(decade_end(tx.value)):
                    return tx.value, "decade"
            elif (value := timex_date(tx)) is not None and self.long_before_publication(period_bounds(value[0])[1]):
                return value
        return None

    def long_before_publication(self, end: date | None) -> bool:
        """Did a period ending on `end` end more than `historical_days` before publication?"""
        return self.published is not None and end is not None and \
            end < self.published - timedelta(days=self.historical_days)  # fmt: skip

    def background_period(self, trigger: Token) -> tuple[str, str] | None:
        """"But in 2022, authorities arrested Zamora. … A court later sentenced him.": an undated
        past-tense act in the two sentences after an act dated to a past year or month belongs to
        that past (at the precision the text gave). Any act dated nearer publication ends it."""
        if self.background is None:
            return None
        value, precision, sentence_start, origin = self.background
        if trigger.sent.start == origin:
            return None  # "Russia, which annexed Crimea in 2014, attacked Kyiv": the main clause is not 2014
        sentences_back = sum(1 for s in trigger.doc[sentence_start: trigger.sent.start].sents)
        if sentences_back > 2:
            return None
        self.background = (value, precision, trigger.sent.start, origin)  # the passage goes on
        return value, precision

    def offset_date(self, trigger: Token, sentence_tx: list[Timex]) -> str | None:
        """"His comments come two days after Erdogan denounced Israel": the act is dated two days
        before the main clause, whose date the text gives or, in the present tense, publication."""
        from brink.timex import governing_timex, timex_date

        if trigger.dep_ == "advcl":
            link, anchor_verb = next((c for c in trigger.children if c.dep_ == "mark"), None), trigger.head
        elif trigger.dep_ == "pobj" and trigger.head.dep_ == "prep":
            link, anchor_verb = trigger.head, trigger.head.head
        else:
            return None
        if link is None or link.lower_ not in ("after", "before"):
            return None
        measure = next((c for c in (*trigger.children, *link.children) if c.dep_ == "npadvmod"), None)
        span = next((t for t in sentence_tx if measure is not None and t.type == "DURATION"
                     and t.start <= measure.idx < t.end), None)  # fmt: skip
        found = re.fullmatch(r"P(\d+)([DW])", span.value) if span is not None else None
        if found is None:
            return None
        days = int(found.group(1)) * (7 if found.group(2) == "W" else 1)
        anchor = None
        if (tx := governing_timex(anchor_verb, [t for t in sentence_tx if t is not span])) is not None:
            value = timex_date(tx)
            if value is not None and value[1] == "day":
                anchor = date.fromisoformat(value[0])
        elif tense_is_present(anchor_verb) and self.published is not None:
            anchor = self.published
        if anchor is None:
            return None
        return (anchor - timedelta(days=days) if link.lower_ == "after" else anchor + timedelta(days=days)).isoformat()

    def location(self, cand: Candidate) -> Place | None:
        if not self.places:
            return None
        from brink.places import event_location

        return event_location(cand.token, self.places)


def decade_end(value: str) -> date:
    """Last day of a TIMEX3 century ("18") or decade ("198") value."""
    return date(int(value.ljust(4, "9")), 12, 31)


def already_under_way(verb: Token) -> bool:
    """"was already providing", "had already imposed": an act going on (or done) before the time
    the story tells of, background rather than news."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    already = any(c.lower_ == "already" for c in verb.children if c.dep_ == "advmod")
    return already and ((verb.tag_ == "VBG" and aux & {"was", "were"}) or (verb.tag_ == "VBN" and "had" in aux))


def aimed(verb: Token) -> bool:
    """Was the weapon fired at a named place or party ("at Israel", "on Kharkiv")?"""
    return any(
        p.dep_ == "prep" and p.lower_ in ("at", "on", "into", "toward", "towards")
        and any(g.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP") for g in p.subtree)
        for p in verb.children
    )


def focus_country(doc_actors, places: list[Place]) -> str | None:
    """The country a document is mostly about: the most frequent country among resolved actor
    mentions and places, if it clearly leads (a third of the mentions or more)."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for m in getattr(doc_actors, "mentions", []) or []:
        country = getattr(m.resolution, "country", None)
        if country and len(country) == 3 and country.isupper():
            counts[country] += 1
    for p in places:
        if p.country:
            counts[p.country] += 1
    if not counts:
        return None
    (top, n), total = counts.most_common(1)[0], sum(counts.values())
    return top if n * 3 >= total else None


def content_mode(type_: str, content: Draft) -> str | None:
    """The mode of a REQUEST/REJECT/THREATEN from the act it is about (PLOVER mode tables)."""
    t = content.type
    if type_ in ("REQUEST", "REJECT"):
        if t in ("RETREAT", "CONCEDE"):
            return "yield"
        if t in ("CONSULT", "AGREE"):
            return "meet"
        if t in ("AID", "COOPERATE", "SUPPORT"):
            return "assist"
        return "change"
    if type_ == "THREATEN":
        if t == "ASSAULT":
            return "territory" if "territory" in content.context else "violence"
        if t == "MOBILIZE":
            return "violence"
        if t == "COERCE":
            return {"arrest": "arrest", "ban": "ban", "deport": "expel"}.get(content.mode or "", "restrict")
        if t == "SANCTION":
            return "expel" if content.mode == "expel" else "relations"
        if t == "PROTEST":
            return "restrict"
    return content.mode


NON_ACTOR_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
NON_ACTOR_PRONOUNS = {"this", "that", "these", "those", "what", "which", "who", "whom", "it", "you",
                      "something", "anything", "nothing", "everything", "one"}


def is_reciprocal(draft: Draft) -> bool:
    """Coordinated actors of a meeting or an agreement act with each other."""
    lemma = draft.cand.token.lemma_.lower()
    if draft.type == "ASSAULT":
        return lemma in MUTUAL_FIGHTING
    if draft.cameo == "057":
        return True  # "the U.S. and Ukraine signed a minerals deal": with each other
    consumed = draft.cand.consumed
    if draft.type == "REJECT" and consumed is not None and consumed.lemma_.lower() in AGREEMENTS:
        return True  # "Serbia and Kosovo failed to reach agreement": with each other
    return draft.type in RECIPROCAL and lemma not in ONE_SIDED


def is_entity_like(r: Resolved) -> bool:
    """Can this phrase be an actor or recipient? Resolved, a name, or a personal pronoun; not
    "tensions", "this" or "you"."""
    root = r.span.root
    if root.ent_type_ in NON_ACTOR_ENTITIES:
        return False
    if r.country or r.sector:
        return True
    if root.pos_ == "PRON":
        return root.lower_ not in NON_ACTOR_PRONOUNS
    return root.pos_ == "PROPN" or root.ent_type_ in ENTITY_LABELS


def is_target_phrase(r: Resolved) -> bool:
    """A noun phrase that names what an act is aimed at, though not a known party: "the business
    dealings of Kempinski", "70 employees of Wargaming" (not "it", "Tuesday" or "tensions")."""
    root = r.span.root
    return root.pos_ in ("NOUN", "PROPN") and root.ent_type_ not in NON_ACTOR_ENTITIES and len(r.span) <= 12


def is_question(sent: Span) -> bool:
    text = sent.text.rstrip(" \n\"'”’)")
    return text.endswith("?")


def same_actor(a: Resolved, others: list[Resolved]) -> bool:
    """Same party for PLOVER purposes: the same country (Biden and "the U.S.") or the same words;
    a country's rebels and its government are two parties."""
    return any((a.country and a.country == o.country and not (
        a.sector and o.sector and a.sector != o.sector and "REB" in (a.sector, o.sector))) or a.span == o.span
        for o in others)  # fmt: skip


def stable_hash(*parts: object) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def dedupe_events(events: list[Event]) -> list[Event]:
    """One record per act: repeated mentions in a document with the same who/what/when collapse."""
    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    seen_ids: set[str] = set()
    for e in events:
        if e.event_id in seen_ids:
            continue  # the same pair from the same trigger, reached twice
        seen_ids.add(e.event_id)
        key = (
            e.type, e.actor.country if e.actor else None, e.actor.name if e.actor else None,
            e.recipient.country if e.recipient else None, e.recipient.name if e.recipient else None,
            e.date, e.modality.negated, e.modality.hypothetical, e.modality.future,
        )  # fmt: skip
        if (key[1] is None and key[2] is None) or (e.date_source == "context" and e.date_precision != "day"):
            key = key + (e.event_id,)  # actorless mentions, and acts dated only by the passage's year
        if key not in best:
            best[key] = e
            order.append(key)
        elif e.confidence > best[key].confidence:
            best[key] = e
    return [best[k] for k in order]


def code_document(document: Document, doc: Doc, resolver=None, doc_actors=None,
                  timexes: list[Timex] | None = None, places: list[Place] | None = None,
                  min_confidence: float = 0.0, historical_days: int = 365) -> list[Event]:  # fmt: skip
    """All events of one parsed document, in text order."""
    coder = DocumentCoder(document, doc, resolver, doc_actors, timexes=timexes, places=places,
                          historical_days=historical_days)  # fmt: skip
    events: list[Event] = []
    for sent in doc.sents:
        events.extend(coder.code_sentence(sent))
    events = [e for e in dedupe_events(events) if e.confidence >= min_confidence]
    return events

