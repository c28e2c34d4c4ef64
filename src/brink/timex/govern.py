"""`governing_timex`: which temporal expression dates an event trigger.

A timex governs a trigger when, in the dependency parse, it attaches to the trigger itself
("Tuesday's meeting", "the attack on Friday") or to the clause the trigger belongs to ("met on
Friday", "held talks on Friday" for the trigger "talks"). A timex in another clause of the same
sentence does not: in "Putin said on Wednesday that Russia and the U.S. had agreed ...",
"Wednesday" dates the saying, not the agreeing. A verb coordinated with a dated verb inherits
its date when it has none of its own ("attacked the town on Friday and killed ten").
"""

from __future__ import annotations

from ..records import Timex

# Dependency labels that start a new clause. `xcomp` is left out on purpose: "began withdrawing
# on Tuesday" dates the withdrawal too.
_CLAUSAL = frozenset("ROOT ccomp advcl relcl acl csubj csubjpass parataxis conj pcomp".split())
_VERBAL = frozenset(("VERB", "AUX"))
# Verbs of a relative clause that date the noun it describes as an event.
_HAPPEN = frozenset(
    "take happen occur begin start end erupt unfold hold carry stage launch conduct".split()
)
_DATED = frozenset(("DATE", "TIME"))


def _is_clause_head(tok) -> bool:
    if tok.dep_ == "ROOT" or tok.head.i == tok.i:
        return True
    return tok.dep_ in _CLAUSAL and tok.pos_ in _VERBAL


def _clause_head(tok):
    t = tok
    for _ in range(60):
        if _is_clause_head(t):
            return t
        t = t.head
    return t


def _attachment(span):
    """The token a timex modifies: through a preposition to what the preposition modifies."""
    root = span.root
    att = root if root.head.i == root.i else root.head
    if att.dep_ in ("prep", "agent") or att.pos_ == "ADP":
        att = att.head
    if att.dep_ == "pcomp":
        att = att.head
    return root, att


def _reaches_without_clause(tok, target) -> bool:
    """Does walking up from `tok` reach `target` without crossing into another clause?"""
    t = tok
    for _ in range(60):
        if t.i == target.i:
            return True
        if _is_clause_head(t) or t.head.i == t.i:
            return False
        t = t.head
    return False


def _candidates(trigger, timexes):
    doc = trigger.doc
    sent = trigger.sent
    for tx in timexes:
        if tx.start < sent.start_char or tx.end > sent.end_char:
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if trigger in span:
            continue
        yield tx, span


def _score(trigger, span, clause_t) -> int:
    root, att = _attachment(span)
    if (
        att.i == trigger.i
        or _reaches_without_clause(root, trigger)
        or (att.i != root.i and _reaches_without_clause(att, trigger))
    ):
        return 3
    clause_x = _clause_head(att)
    if clause_x.i == clause_t.i:
        return 2
    if (
        clause_x.dep_ in ("relcl", "acl")
        and clause_x.head.i == trigger.i
        and clause_x.lemma_ in _HAPPEN
    ):
        return 2  # "the strike, which took place on Tuesday"; not "leaders, who met in June"
    return 0


def governing_timex(trigger, timexes: list[Timex]) -> Timex | None:
    """The timex in the trigger's sentence that governs its clause, or None.

    Among governing timexes, ones attached to the trigger itself beat ones attached elsewhere in
    its clause, and DATE/TIME beat DURATION/SET; ties go to the nearest.
    """
    cands = list(_candidates(trigger, timexes))
    if not cands:
        return None
    clause_t = _clause_head(trigger)
    best = None
    for tx, span in cands:
        level = _score(trigger, span, clause_t)
        if level == 0:
            continue
        dist = min(abs(trigger.i - span.start), abs(trigger.i - (span.end - 1)))
        key = (level, tx.type in _DATED, -dist)
        if best is None or key > best[0]:
            best = (key, tx)
    if best is not None:
        return best[1]
    # A verb whose subject is a dated event noun takes its date: "The strike, which took place
    # on Thursday, destroyed a radar station".
    if trigger.pos_ in _VERBAL:
        for child in trigger.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN":
                inherited = governing_timex(child, timexes)
                if inherited is not None:
                    return inherited
    # A coordinated verb with no date of its own takes its first conjunct's date.
    if clause_t.dep_ == "conj" and clause_t.head.pos_ in _VERBAL:
        head = clause_t.head
        own = [tx for tx, span in cands if _score(head, span, _clause_head(head))]
        if own:
            dated = [tx for tx in own if tx.type in _DATED]
            return (dated or own)[0]
    return None
