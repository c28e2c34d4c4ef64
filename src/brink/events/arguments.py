"""Who did it and to whom: actor and recipient phrases from the dependency parse.

Functions here return spaCy tokens and spans, not resolved actors; resolution is the actors stage's
job. The rules follow English argument structure: subjects and passive agents are actors; direct
objects, datives, passive subjects and the objects of a trigger's recipient prepositions are
recipients; subjects missing from a clause come from the clause it hangs off (conjoined verbs share a
subject, "urged X to go" makes X the goer, a participle takes its main clause's subject).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

SUBJECTS = {"nsubj", "csubj"}
OBJECTS = {"dobj", "obj"}
NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "X"}
PHRASE_DROP = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis", "prep"}
KEEP_PREPS = {"of", "in", "from", "for", "at", "on"}  # "head of the committee", "police in Japan"
PRONOUN_DETS = {"the", "a", "an", "this", "that", "these", "those", "some", "any"}
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE"})  # entities whose words make one name

DEFAULT_RECIPIENT_PREPS: dict[str, frozenset[str]] = {
    "AGREE": frozenset({"with"}),
    "CONSULT": frozenset({"with"}),
    "SUPPORT": frozenset({"for"}),
    "COOPERATE": frozenset({"with"}),
    "AID": frozenset({"to", "for"}),
    "RETREAT": frozenset(),
    "CONCEDE": frozenset({"to"}),
    "REQUEST": frozenset({"on", "from", "to"}),
    "ACCUSE": frozenset({"against"}),
    "REJECT": frozenset({"from", "by"}),
    "THREATEN": frozenset({"against", "with"}),
    "PROTEST": frozenset({"against"}),
    "SANCTION": frozenset({"on", "against", "with", "from"}),
    "MOBILIZE": frozenset({"against"}),
    "COERCE": frozenset({"on", "against", "upon", "into"}),  # "hacked into", "broke into"
    "ASSAULT": frozenset({"on", "against", "at", "upon", "into"}),
}


# what an actor issues or adopts to act through ("issued a statement condemning X")
DOCUMENTS = frozenset({"statement", "declaration", "communique", "communiqué", "letter", "resolution", "decree",
                       "note", "message", "appeal", "ultimatum", "order", "motion", "bill", "law", "legislation",
                       "measure", "decision"})
# participles of feeling the parser reads as passives: "Britain is concerned about X", "the EU was
# alarmed by X" (the subject feels; "by X" names the cause, not the doer)
CLAIMED = {"credit", "responsibility"}  # "the BLA took credit for attacking": the BLA attacked
STATIVE_PARTICIPLES = frozenset({"concerned", "alarmed", "dismayed", "outraged", "appalled",
                                 "engaged", "involved"})  # and of taking part: "were engaged in fighting"


def is_passive(verb: Token) -> bool:
    if verb.lower_ in STATIVE_PARTICIPLES or (verb.lower_ == "opposed" and agent(verb) is None):
        return False  # ("the bill was opposed by senators" stays a passive)
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def child(token: Token, *deps: str) -> Token | None:
    for c in token.children:
        if c.dep_ in deps:
            return c
    return None


def prep_objects(token: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    """Objects of the given prepositions attached to `token` ("sanctions on Russia")."""
    found = []
    for c in token.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            obj = child(c, "pobj", "pcomp")
            if obj is not None and obj.pos_ in NOMINAL:
                found.append(obj)
    return found


def agent(verb: Token) -> Token | None:
    """The "by X" agent of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            obj = child(c, "pobj")
            if obj is not None:
                return obj
    return None


def subject(verb: Token, depth: int = 0) -> Token | None:
    """The actor of a verb: its subject, passive agent, or the subject it inherits."""
    if is_passive(verb):
        return agent(verb)
    # of two subjects the parser gives a verb, the nearest one before it ("Asma, the two leaders
    # spoke…": "Asma" is addressed)
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    own = max((c for c in subjects if c.i < verb.i), key=lambda c: c.i, default=subjects[0] if subjects else None)
    while own is not None and own.ent_iob_ == "I" and (earlier := next(
            (c for c in subjects if c.i < own.i and all(t.ent_iob_ == "I" for t in verb.doc[c.i + 1 : own.i + 1])),
            None)):  # fmt: skip
        own = earlier  # (words of one long name the parser made subjects each: its first)
    if own is None and not is_passive(verb):
        own = child(verb, "nsubjpass")
    if own is not None:
        return own
    if depth > 4 or verb.dep_ == "ROOT":
        return None
    head = verb.head
    if verb.dep_ == "acl" and head.lemma_.lower() in DOCUMENTS and head.dep_ in ("dobj", "obj") \
            and head.head.pos_ in ("VERB", "AUX"):  # fmt: skip
        return subject(head.head, depth + 1)  # "the ministry issued a statement condemning…": the ministry
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return subject(head, depth + 1)
    if verb.dep_ == "xcomp" and is_passive(head) and agent(head) is None:
        return child(head, "nsubjpass")  # "Macron is scheduled to visit", "Israel is expected to free"
    if verb.dep_ == "xcomp":
        # Object control: "urged Putin to defuse" makes Putin the defuser (but "used tear gas to
        # disperse" does not make the gas act).
        obj = child(head, *OBJECTS)
        if obj is not None and head.lemma_ not in ("promise", "pledge", "vow", "use", "employ") \
                and obj.ent_type_ not in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY"):  # fmt: skip
            return obj
        return subject(head, depth + 1) if head.pos_ in ("VERB", "AUX", "ADJ") else None
    if verb.dep_ in ("acomp", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        return subject(head, depth + 1)  # "Honduras is willing to withdraw": Honduras
    if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN"):
        return subject(head, depth + 1) if head.pos_ in ("VERB", "AUX") else None
    if verb.dep_ in ("acl", "advcl", "relcl", "ccomp") and verb.tag_ in ("VBD", "VBN") and head.dep_ == "ROOT" \
            and head.i < verb.i and (head.pos_ in ("PROPN", "NOUN") or misread_name(head)):  # fmt: skip
        return head  # the small parser's "Leavitt called …" with the name as root: the name acts
    if (doer := verbless_subject(verb)) is not None:
        return doer
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return subject(head, depth + 1) if head.pos_ in ("VERB", "AUX") else None  # "X marched to protest"
    if verb.dep_ == "relcl" and head.pos_ in NOMINAL:
        return head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in NOMINAL:
        if head.ent_type_ in ("DATE", "TIME", "CARDINAL", "QUANTITY") and head.head.pos_ in ("VERB", "AUX"):
            return subject(head.head, depth + 1)  # "spent weeks assembling troops"
        return head  # "troops firing at protesters"
    if verb.dep_ == "pcomp":
        # "accused Russia of amassing", "denounced X for providing": X does it.
        prep = head
        governor = prep.head
        obj = child(governor, *OBJECTS)
        if obj is not None and prep.lower_ in ("of", "for") and obj.lemma_.lower() not in CLAIMED:
            return obj
        if governor.pos_ in ("VERB", "AUX"):
            return subject(governor, depth + 1)
        if governor.pos_ == "NOUN" and governor.head.pos_ in ("VERB", "AUX") and governor.dep_ in ("dobj", "obj"):
            return subject(governor.head, depth + 1)  # "the BLA took credit for attacking"
    return None


RELATIVE = {"which", "who", "whom", "that", "whose"}


def antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("Mexico, which he hit…";
    "demonstrators, some of whom threw rocks")."""
    first = token
    of = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj" and g.lower_ in RELATIVE), None)  # fmt: skip
    if of is not None and token.lower_ in ("some", "many", "most", "all", "several", "one", "two", "few"):
        token = of
    if token.lower_ in RELATIVE and token.tag_ in ("WDT", "WP", "WP$"):
        clause = token.head
        while clause.dep_ not in ("relcl", "ROOT") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
        # the parser did not make it a relative clause ("demonstrators, some of whom threw
        # rocks" with "threw" as an adverbial clause): the noun just before it
        before = first.i - 1
        while before >= 0 and token.doc[before].is_punct:
            before -= 1
        if before >= 0 and token.doc[before].pos_ in ("NOUN", "PROPN"):
            return token.doc[before]
    return token


def possessor(token: Token) -> Token | None:
    """The possessor of a common noun ("Canada's exports" → Canada), if any."""
    if token.pos_ != "NOUN":
        return None
    return next((c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)


def misread_name(tok: Token) -> bool:
    """A capitalised sentence-initial word parsed as a verb with no subject of its own ("Trump at
    first imposed tariffs…" makes "Trump" the root verb)."""
    return (tok.pos_ == "VERB" and tok.is_title and tok.i == tok.sent.start
            and not any(c.dep_ in SUBJECTS for c in tok.children) and tok.ent_type_ in ("PERSON", "ORG", "GPE", ""))


def verbless_subject(verb: Token) -> Token | None:
    """"Doctors from two aid groups donated goods": the parser, finding no verb, makes the noun
    the root and the verb a clause of the noun in its PP; the root noun is the doer."""
    head = verb.head
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and head.dep_ == "pobj" and head.head.dep_ == "prep":
        root = head.head.head
        if root.dep_ == "ROOT" and root.pos_ in ("NOUN", "PROPN") and root.i < verb.i:
            return root
    return None


def direct_object(verb: Token) -> Token | None:
    if is_passive(verb):
        return child(verb, "nsubjpass")
    obj = child(verb, *OBJECTS)
    if obj is None and (up := child(verb, "prt")) is not None and up.lower_ == "up":
        # "kidnapped up to 16 advisers": the parser reads "up" as a particle and "to" as a preposition
        counted = [o for o in prep_objects(verb, {"to"}) + prep_objects(up, {"to"}) if child(o, "nummod") is not None]
        obj = counted[0] if counted else None
    if obj is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in NOMINAL \
            and verbless_subject(verb) is None:  # fmt: skip
        return verb.head  # "diplomats expelled by Moscow"
    return obj


def expand(token: Token | None) -> list[Token]:
    """A head and its coordinated heads: "The U.S. and Ukraine" → [U.S., Ukraine]."""
    if token is None:
        return []
    heads = [token]
    for conj in token.conjuncts:
        if conj.i > token.i and (conj.pos_ in NOMINAL or conj.ent_type_ == "NORP"):
            heads.append(conj)  # a demonym in a list is a party too: "U.S., French, Chinese and … envoys"
    return heads


def phrase(head: Token) -> Span:
    """The name phrase of an argument head: its subtree without clauses, appositions or most PPs.

    Leading determiners are dropped ("the Kremlin" → "Kremlin") as event coders' spans do.
    """
    keep = [head]
    stack = [c for c in head.children]
    while stack:
        tok = stack.pop()
        kept_prep = tok.dep_ == "prep" and (tok.lower_ == "of" or (tok.lower_ in KEEP_PREPS and tok.head == head))
        if tok.dep_ in PHRASE_DROP and not kept_prep:
            continue  # "Top diplomats from the Group of Seven" keeps its "of" phrases
        keep.append(tok)
        stack.extend(tok.children)
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    doc = head.doc
    if head.ent_iob_ in ("B", "I") and head.ent_type_ in NAME_LABELS:
        # the parser may hang a long name's words elsewhere ("Sheikh Hamad bin Khalifa al-Thani
        # launched…" with "Hamad" as subject): the named entity is one phrase
        first = head.i
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        last = head.i + 1
        while last < len(doc) and doc[last].ent_iob_ == "I":
            last += 1
        start, end = min(start, first), max(end, last)
    # Never let a kept PP run past a comma or quote that closes the phrase.
    for i in range(head.i + 1, end):
        if doc[i].is_punct and doc[i].text not in ("-", ".", "'", "’", "&"):
            end = i
            break
    while start < head.i and (doc[start].lower_ in PRONOUN_DETS or doc[start].is_punct):
        start += 1
    while end - 1 > head.i and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


FORCES = {"troop", "force", "soldier", "army", "unit", "military", "warship", "tank", "jet", "police"}


def noun_actor(noun: Token) -> Token | None:
    """The actor of a nominal event: "Russia's build-up", "U.S. sanctions", "expulsion by Moscow",
    "the deployment of NATO troops"."""
    for c in noun.children:
        if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME"):  # not "Tuesday's hijacking"
            return c
    for obj in prep_objects(noun, {"of"}):
        if obj.lemma_.lower() in FORCES:
            return obj
    by = prep_objects(noun, {"by", "from"})
    if by:
        return by[0]
    for c in noun.children:  # "an offensive launched by forces in Puntland"
        if c.dep_ == "acl" and c.tag_ == "VBN" and (doer := agent(c)) is not None:
            return doer
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and (c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")):
            return c
    return None


def between(noun: Token) -> list[Token]:
    """Participants of "talks between X and Y" (X, Y)."""
    for obj in prep_objects(noun, {"between", "among", "amongst"}):
        return expand(obj)
    return []
