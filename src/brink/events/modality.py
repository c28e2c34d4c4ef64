"""Is the act real? Negation, conditionals, intentions, plans, claims and reported speech.

`govern(trigger)` walks from a trigger up the dependency tree through complement edges and reads the
cues on the way (`data/lexicon/cues.tsv`): modal auxiliaries, "if" clauses, negation, and the verbs
and nouns that embed the trigger ("warned that…", "denies planning to…", "accused X of…", "the
threat of…"). The walk stops at relative clauses and coordination, whose modality is their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from brink.events.lexicon import Lexicon

COMPLEMENT_EDGES = {"xcomp", "ccomp", "advcl", "pcomp", "dobj", "obj", "pobj", "prep", "acl",
                    "nsubj", "nsubjpass", "attr", "oprd", "acomp", "appos", "npadvmod",
                    "compound", "amod", "poss", "dative", "agent", "csubj", "nmod"}  # fmt: skip
CLAUSE_STOP = {"relcl", "parataxis"}
# an adverbial clause in the past tense under these is stated as fact, whatever governs its head
FACT_MARKS = {"as", "while", "after", "because", "since", "when", "though", "although", "whereas"}
# Edges into a noun phrase: a cue two noun phrases away ("ready to provide help in defending against
# possible occupation") is not about this act.
NOMINAL_EDGES = {"dobj", "obj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "amod",
                 "poss", "npadvmod", "dative", "agent", "nmod", "oprd"}
HEDGES = {"likely", "probably", "possibly", "perhaps", "maybe", "conceivably", "potentially"}
BELIEF_VERBS = {"believe", "expect", "think", "hope", "predict", "suspect", "fear", "assume"}
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without"}
HEDGE_ADJ = {
    "possible": "hypothetical", "potential": "hypothetical", "hypothetical": "hypothetical",
    "threatened": "irrealis", "proposed": "irrealis", "planned": "future", "future": "future",
    "upcoming": "future", "imminent": "future", "looming": "future", "prospective": "future",
    "alleged": "claim", "purported": "claim", "reported": "claim", "suspected": "claim",
    "so-called": "claim", "failed": "negate", "attempted": "irrealis",
}  # fmt: skip
TOPIC_PREPS = {"about", "on", "over", "regarding", "concerning"}
# Words whose "about/on/over" objects are topics of talk, not acts: "a conversation about troop
# movements", "talks on sanctions".
TOPIC_HOLDERS = {"talk", "conversation", "discussion", "meeting", "call", "consultation", "negotiation",
                 "debate", "summit", "dialogue", "speak", "discuss", "negotiate", "meet", "question",
                 "report", "article", "story", "concern", "worry", "statement", "briefing", "brief",
                 "ask", "remark", "comment", "speech", "interview", "conference", "hearing", "vote"}


@dataclass
class Governance:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    intent: bool = False  # the actor commits to the act (AGREE / THREATEN in PLOVER)
    refused: bool = False
    claim: bool = False
    suppressed: bool = False  # not an event of its own (threatened, requested, wished, topic)
    reporter: Token | None = None  # subject of the governing speech or claim verb
    reporting_verb: Token | None = None
    governor: Token | None = None  # the embedding word that suppressed or refused this act
    consequent: bool = False  # the act is the "then" of an "if" ("If X…, I will impose tariffs")
    condition: bool = False  # the act is inside an "if" clause: a supposition, not an act
    modal: bool = False  # hedged by its own may/might/could ("the EU may impose tariffs")
    belief: bool = False  # governed by believe/expect/think: the speaker's expectation
    effects: list[str] = field(default_factory=list)


def _own_markers(token: Token, lex: Lexicon, gov: Governance) -> None:
    """Negation, modal auxiliaries and hedging modifiers on one clause head."""
    for c in token.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither")):
            gov.negated = True
        elif c.dep_ in ("aux", "auxpass") and c.tag_ == "MD":
            effect = lex.cue(c.lemma_.lower(), "AUX") or lex.cue(c.lower_, "AUX")
            if c.lower_ in ("wo", "'ll"):
                effect = "future"
            elif c.lower_ in ("would", "'d") and not has_condition(token) and token.dep_ != "advcl" \
                    and under_report(token, lex) and not hedged(token):  # fmt: skip
                # Unconditioned "would" is mostly the future of reported speech ("said it would free
                # 1,500 prisoners"); with a condition it stays hypothetical.
                effect = "future"
            if effect == "hypothetical":
                gov.modal = True
            _apply(effect, gov)
        elif c.dep_ == "aux" and c.lower_ in ("going",):
            gov.future = True
        elif c.dep_ == "mark" and (effect := lex.cue(c.lower_, "SCONJ")):
            _apply(effect, gov)
        elif c.dep_ == "amod" and c.lower_ in HEDGE_ADJ:
            _apply(HEDGE_ADJ[c.lower_], gov)
        elif c.dep_ in ("advmod",) and c.lower_ in ("allegedly", "reportedly", "purportedly"):
            gov.claim = True
        elif c.dep_ == "advmod" and c.lower_ in HEDGES and c.lower_ != "likely":
            gov.hypothetical = gov.modal = True
        elif c.dep_ in ("dobj", "obj") and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children):
            gov.negated = True  # "made no concessions", "offered no guarantees"
    # "should the situation escalate": an inverted conditional has the modal before the subject.
    if token.dep_ == "advcl":
        aux = [c for c in token.children if c.dep_ == "aux" and c.lower_ in ("should", "had", "were")]
        subj = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if aux and subj and aux[0].i < subj[0].i:
            gov.hypothetical = True


def _apply(effect: str | None, gov: Governance) -> None:
    if not effect:
        return
    gov.effects.append(effect)
    if effect == "hypothetical":
        gov.hypothetical = True
    elif effect == "future":
        gov.future = True
    elif effect == "negate":
        gov.negated = True
    elif effect == "intent":
        gov.intent = True
    elif effect == "refuse":
        gov.refused = True
        gov.suppressed = True
    elif effect == "claim":
        gov.claim = True
    elif effect in ("irrealis", "topic"):
        gov.suppressed = True


def _cue_of(word: Token, lex: Lexicon) -> str | None:
    pos = "VERB" if word.pos_ in ("VERB", "AUX") else word.pos_
    particle = next((c.lower_ for c in word.children if c.dep_ == "prt"), None)
    if particle is not None and (phrasal := lex.cue(f"{word.lemma_.lower()} {particle}", pos)) is not None:
        return phrasal  # "pressed on with the bombardment" continues it; "pressed for talks" asks
    return lex.cue(word.lemma_.lower(), pos)


# Acts inside what these events are about are proposals, not acts: "vetoed a resolution imposing
# sanctions", "rejected a plan to withdraw troops", "demanded an end to the shelling".
CONTENT_TYPES = {"REJECT", "REQUEST", "THREATEN", "AGREE", "SUPPORT", "ACCUSE"}


ATTEMPTABLE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}


def govern(trigger: Token, lex: Lexicon, is_trigger: dict[int, str] | None = None) -> Governance:
    """Read the modality of the act expressed by `trigger` from its syntactic context.

    `is_trigger` maps the indices of the sentence's other triggers to their types: when such a word
    embeds this one ("urged X to withdraw", "agreed to meet", "vetoed a resolution imposing
    sanctions"), this act is its content, not an event of its own, and the governing trigger is
    returned in `governor`.
    """
    gov = Governance()
    is_trigger = is_trigger or {}
    trigger_type = is_trigger.get(trigger.i)
    _own_markers(trigger, lex, gov)
    gov.consequent = has_condition(trigger)
    token = trigger
    crossed_report = False
    steps = nominal_hops = 0
    while token.dep_ != "ROOT" and steps < 12:
        steps += 1
        edge, head = token.dep_, token.head
        if edge in NOMINAL_EDGES:
            nominal_hops += 1
        if edge in CLAUSE_STOP:
            break
        if edge == "conj":
            # Coordinated clauses share what governs them, not each other's cues.
            token = head
            continue
        if edge not in COMPLEMENT_EDGES:
            token = head
            continue
        if edge == "advcl":
            marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
            if marks & {"if", "unless", "whether", "lest"} or (marks & {"until", "till"} and token.tag_ != "VBD"):
                # ("will not end the strike until the government meets their demands": not yet met;
                # "fought until the troops withdrew" is a fact)
                gov.hypothetical = True
                gov.condition = True
            elif marks & FACT_MARKS and token.tag_ == "VBD":
                break  # "…will keep up the pressure, as Tehran rejected its offer": a fact of its own
        if edge == "pobj" and head.lower_ in TOPIC_PREPS and head.head.lemma_.lower() in TOPIC_HOLDERS:
            gov.suppressed = True  # the topic of a conversation, question or report
            gov.effects.append("topic")
            return gov
        effect = _cue_of(head, lex) if edge != "nsubj" else None
        if effect == "attempt":
            effect = "realis" if trigger_type in ATTEMPTABLE else "irrealis"
        if effect in ("intent", "future", "irrealis", "refuse", "negate") and nominal_hops > 1:
            effect = None  # the cue governs another act, not this one
        flipped = effect == "refuse" and any(c.dep_ == "neg" for c in head.children)
        if flipped:
            effect = "intent"  # "will not hesitate to", "not reluctant to"
        if head.pos_ == "ADP" and head.lower_ in ("if", "unless"):
            gov.hypothetical = True
        content_of = is_trigger.get(head.i) in CONTENT_TYPES and edge in ("dobj", "obj", "xcomp", "ccomp", "pobj") \
            and trigger.i != head.i and not (is_trigger.get(head.i) == "ACCUSE" and effect in ("claim", "report"))
        if content_of and effect is None and steps > 1:
            gov.suppressed = True  # an act described inside a rejected/requested/threatened proposal
            gov.governor = head
            return gov
        if effect and head.i in is_trigger and effect in ("irrealis", "intent", "refuse", "future", "negate"):
            # The embedding word is an event (urge, agree, refuse, threaten): this act is its content.
            gov.suppressed = True
            gov.governor = head
            gov.effects.append(effect)
            return gov
        if effect == "claim" and head.lemma_.lower() in BELIEF_VERBS:
            gov.belief = True
        if effect in ("report", "claim"):
            if gov.reporter is None:
                gov.reporter = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                gov.reporting_verb = head
            if effect == "claim":
                gov.claim = True
            crossed_report = True
        elif effect == "topic" and (trigger.pos_ in ("NOUN", "PROPN") or edge in ("xcomp", "ccomp", "pcomp")):
            _apply(effect, gov)  # "discussed the expulsions", "discussed imposing further costs"
        elif effect and effect != "topic" and effect != "realis":
            if effect in ("irrealis", "refuse") or not crossed_report:
                _apply(effect, gov)
                if gov.suppressed and gov.governor is None:
                    gov.governor = head
        if head.pos_ in ("VERB", "AUX") and not crossed_report and not flipped:
            _own_markers(head, lex, gov)
        token = head
    if gov.reporter is None:
        gov.reporter = according_to(trigger)
    return gov


CONDITION_MARKS = {"if", "unless", "provided", "providing", "once"}


def is_condition_clause(clause: Token) -> bool:
    """An "if"/"unless" clause, or an inverted one ("should the situation escalate")."""
    if clause.dep_ != "advcl":
        return False
    if any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children):
        return True
    aux = [c for c in clause.children if c.dep_ == "aux" and c.lower_ in ("should", "had", "were")]
    subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(aux and subj and aux[0].i < subj[0].i)


def under_report(token: Token, lex: Lexicon) -> bool:
    """Is this clause what someone said or announced ("said it would free the prisoners")?"""
    clause = token
    for _ in range(6):
        if clause.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or clause.head.i == clause.i:
            return False
        clause = clause.head
        if _cue_of(clause, lex) in ("report", "claim", "intent"):
            return True
    return False


def hedged(token: Token) -> bool:
    """"would likely veto", "would probably": a hedge keeps would hypothetical."""
    return any(c.dep_ == "advmod" and c.lower_ in HEDGES for c in token.children)


def has_condition(trigger: Token) -> bool:
    """Does a condition clause hang off the trigger's clause (the trigger is its consequent)?"""
    clause = trigger
    for _ in range(4):
        for c in clause.children:
            if is_condition_clause(c):
                return True
        if clause.dep_ in ("xcomp", "aux") or (clause.pos_ not in ("VERB", "AUX") and clause.dep_ != "ROOT"):
            clause = clause.head
        else:
            break
    return False


def according_to(trigger: Token) -> Token | None:
    """The source in "…, according to the Kremlin" attached anywhere in the trigger's sentence."""
    for tok in trigger.sent:
        if tok.lower_ == "according" and tok.dep_ in ("prep", "advmod", "mwe", "case"):
            for c in tok.subtree:
                if c.dep_ == "pobj":
                    return c
    return None


def tense_is_present(verb: Token) -> bool:
    """Present tense (incl. do-support: "I don't accept"): a quote's act is dated with its telling."""
    if verb.tag_ in ("VBP", "VBZ"):
        return True
    return verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") for c in verb.children
    )


def is_past(verb: Token) -> bool:
    """Simple past, past progressive or past perfect (not present perfect): such acts sit at the
    narrative's time. A participle or noun takes the tense of the finite verb it hangs from
    ("singled out security personnel, shooting many"; "claimed the killing of 33 terrorists")."""
    for _ in range(3):
        if verb.tag_ == "VBD":
            return True
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if auxes:
            return any(a.tag_ == "VBD" and a.lower_ != "did" or a.lower_ == "had" for a in auxes)
        if verb.tag_ in ("VBG", "VBN") or verb.pos_ in ("NOUN", "PROPN"):
            if verb.dep_ in ("ROOT", "ccomp") or verb.head.i == verb.i:
                return False
            verb = verb.head
            continue
        return False
    return False
