"""Readers for the sources of brink's lexicon: PETRARCH2's TABARI-format verb dictionary
(CAMEO.2.0.txt, MIT) and the PLOVER ontology files (CC BY-SA 4.0, Open Event Data Alliance).

Used by scripts/build_lexicon.py, which assembles and writes the data files. Each reader returns
plain records and reports what it dropped, normalised or found odd in a `Report`. Standard library
only.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections import Counter
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from pathlib import Path

VERB_FILE = "CAMEO.2.0.txt"
MAPPING_FILE = "CAMEO2PLOVER-2021.txt"
MANUAL_FILE = "PLOVER_MANUAL.tex"
CODEBOOK_FILE = "PLOVER_codebook.csv"

# Heads of multi-word verbs that the source writes inflected ("+IS_DETERMINED",
# "+KILLED_AND {}"): lemma to use instead. The written form is kept in `forms`.
INFLECTED_HEADS = {
    "is": "be", "angered": "anger", "attacked": "attack", "kidnapped": "kidnap", "killed": "kill",
    "shot": "shoot",
}  # fmt: skip


class SourceError(Exception):
    """A source file is missing or not in the expected format."""


@dataclass
class Report:
    """What the build dropped, normalised or found odd, for the summary and the README."""

    counts: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] += n

    def note(self, text: str) -> None:
        self.notes.append(text)


# --------------------------------------------------------------------------- PLOVER sources


@dataclass
class Mapping:
    cameo: str
    type: str
    mode: str
    context: list[str]
    description: str


def parse_cameo_plover(path: Path, report: Report) -> tuple[list[Mapping], str]:
    """Rows of CAMEO2PLOVER-2021.txt in file order, and the PLOVER version it names."""
    version = ""
    rows: dict[str, Mapping] = {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("#"):
            m = re.search(r"PLOVER manual version (.+)", line)
            if m:
                version = m.group(1).strip()
            continue
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue  # blank lines and the closing "~~~~~"
        code, rest = m.groups()
        body, _, description = rest.partition("#")
        if "," not in body:
            continue  # "03: AGREE" section headings, not mappings
        parts = [p.strip() for p in body.split(",")]
        if len(parts) != 3 or not parts[0]:
            raise SourceError(f"{path.name}:{lineno}: cannot read mapping {raw!r}")
        ptype, mode, context = parts
        contexts = [c.strip() for c in re.split(r"[;,]", context) if c.strip()]
        row = Mapping(code, ptype, mode, contexts, " ".join(description.split()))
        if code in rows:
            old = rows[code]
            same = (old.type, old.mode, old.context) == (ptype, mode, contexts)
            report.note(
                f"{MAPPING_FILE}:{lineno}: CAMEO {code} listed twice "
                f"({'same mapping' if same else 'CONFLICTING mapping'}, description "
                f"{row.description!r}); kept the first"
            )
            report.count("mapping duplicates")
            continue
        rows[code] = row
    if not rows:
        raise SourceError(f"{path}: no mappings found")
    return list(rows.values()), version


def strip_tex_comments(text: str) -> str:
    return "\n".join(re.sub(r"(?<!\\)%.*", "", line) for line in text.splitlines())


def _tex_cell(cell: str) -> str:
    cell = re.sub(r"\\cellcolor\{[^}]*\}", "", cell)
    cell = re.sub(r"\\hyperref\[[^\]]*\]\{([^}]*)\}", r"\1", cell)
    cell = re.sub(r"\\(?:textbf|emph|textit)\{([^}]*)\}", r"\1", cell)
    return " ".join(cell.replace("\\_", "_").split())


TEX_RULES = r"\\(hline|endhead|endfoot|endlastfoot|toprule|midrule|bottomrule)"


def _tex_rows(block: str) -> list[list[str]]:
    rows = []
    for chunk in block.split("\\\\"):
        chunk = re.sub(TEX_RULES, "", chunk)
        chunk = chunk.strip()
        if chunk and "\\multicolumn" not in chunk and "\\caption" not in chunk:
            rows.append([_tex_cell(c) for c in chunk.split("&")])
    return rows


def _table_at(tex: str, anchor: str, env: str) -> str:
    """Body of the first `env` environment that contains or follows `anchor`."""
    at = tex.find(anchor)
    if at < 0:
        raise SourceError(f"{MANUAL_FILE}: {anchor!r} not found")
    begin_tag, end_tag = f"\\begin{{{env}}}", f"\\end{{{env}}}"
    begin = tex.rfind(begin_tag, 0, at)
    if begin < 0 or tex.rfind(end_tag, 0, at) > begin:  # anchor is not inside one
        begin = tex.find(begin_tag, at)
    end = tex.find(end_tag, begin)
    if begin < 0 or end < 0:
        raise SourceError(f"{MANUAL_FILE}: no {env} at {anchor!r}")
    body = tex[begin + len(begin_tag) : end]
    return body[body.index("\n") :]  # skip the column spec


@dataclass
class Manual:
    version: str
    scores: list[tuple[str, str, float]]  # (type, mode or "", value as printed)
    contexts: list[str]
    dropped: dict[str, str]  # CAMEO cue category -> its name, for those PLOVER dropped


def parse_manual(path: Path) -> Manual:
    """Scores, contexts, dropped CAMEO cue categories and the version from PLOVER_MANUAL.tex."""
    tex = strip_tex_comments(path.read_text(encoding="utf-8"))
    m = re.search(r"DRAFT Version:\s*([^\\\s}]+)", tex)
    version = f"Draft {m.group(1)}" if m else "unknown"

    scores: list[tuple[str, str, float]] = []
    table = _table_at(tex, "\\caption{PLOVER conflict--cooperation scores}", "tabular")
    grid = [cells for cells in _tex_rows(table) if not any("CATEGORY" in c for c in cells)]
    for col in range(0, max(len(r) for r in grid), 2):  # read column by column, as printed
        for cells in grid:
            name, value = (cells[col : col + 2] + ["", ""])[:2]
            if not name:
                continue
            ptype, _, mode = name.partition(":")
            try:
                score = float(value)
            except ValueError:
                raise SourceError(f"{MANUAL_FILE}: score {value!r} for {name!r}") from None
            scores.append((ptype.strip().upper(), mode.strip().lower(), score))

    contexts: list[str] = []
    table = _table_at(tex, "\\label{tab:general-contexts}", "longtable")
    for cells in _tex_rows(table.split("\\endlastfoot", 1)[-1]):
        if len(cells) == 2 and cells[0] and cells[0] != "Name":
            contexts.append(cells[0])

    dropped: dict[str, str] = {}
    table = _table_at(tex, "\\caption{PLOVER equivalents to CAMEO cue categories}", "tabular")
    for cells in _tex_rows(table):
        if len(cells) == 3 and cells[2].lower() == "dropped":
            dropped[cells[0]] = cells[1]
    return Manual(version, scores, contexts, dropped)


Modes = dict[str, list[tuple[str, str]]]  # type -> [(mode, definition)]


def parse_codebook(path: Path) -> tuple[list[str], dict[str, str], Modes]:
    """Types in codebook order, each type's definition, and each type's modes (name, definition)."""
    types: list[str] = []
    type_defs: dict[str, str] = {}
    modes: Modes = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            ptype = row["event"].strip()
            if ptype not in type_defs:
                types.append(ptype)
                type_defs[ptype] = " ".join(row["event_def"].split())
                modes[ptype] = []
            mode = row["mode"].strip()
            if not mode:
                continue  # rows without a mode are examples of the type
            definition = " ".join(row["mode_def"].split())
            known = dict(modes[ptype])
            if mode not in known:
                modes[ptype].append((mode, definition))
            elif definition and definition not in known[mode].split(" | "):
                modes[ptype] = [
                    (m, f"{d} | {definition}" if m == mode else d) for m, d in modes[ptype]
                ]
    return types, type_defs, modes


# --------------------------------------------------------------------------- verb dictionary


@dataclass
class Code:
    cameo: str | None  # the event code ("020"); None for "---"
    counterpart: str | None = None  # second code of "[a:b]": the recipient's side of the event
    swap_roles: bool = False  # "[:b]": grammatical object/oblique is the actor


NULL_CODE = Code(None)


def parse_code(text: str, where: str, report: Report) -> Code:
    text = text.strip()
    if text in ("", "---"):
        return NULL_CODE
    cleaned = re.sub(r"[^\d:-]", "", text)
    if cleaned != text:
        report.note(f"{where}: code [{text}] normalised to [{cleaned}]")
        report.count("codes normalised")
    fwd, sep, rev = cleaned.partition(":")
    valid = re.compile(r"^\d{2,4}$")
    for part in (fwd, rev):
        if part and part != "---" and not valid.match(part):
            report.note(f"{where}: unreadable code [{text}] treated as no code")
            report.count("codes unreadable")
            return NULL_CODE
    fwd = "" if fwd == "---" else fwd
    rev = "" if rev == "---" else rev
    if fwd:
        return Code(fwd, rev or None, False)
    if sep and rev:
        return Code(rev, None, True)
    return NULL_CODE


@dataclass
class Verb:
    lemma: str
    particle: str | None
    forms: list[str]
    code: Code | None  # None: inherit the block's code
    surfaces: list[str]  # the spellings as written, upper case, for matching comments


@dataclass
class Pattern:
    subject: list[list[str]]
    object: list[list[str]]
    preps: list[dict[str, object]]
    code: Code
    roles: dict[str, str]
    comment: str


@dataclass
class Block:
    name: str
    code: Code
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


def words_of(phrase: str) -> list[str]:
    """'DISPLACED_PERSON' -> ['displaced', 'person']; the no-plural '_' suffix is dropped."""
    return [w for w in re.split(r"[_\s]+", phrase.lower()) if w]


def product(units: list[list[list[str]]]) -> list[list[str]]:
    """Each unit is a list of alternatives; return every concatenation, in order."""
    if not units:
        return []
    return [[w for alt in combo for w in alt] for combo in itertools.product(*units)]


class PatternParser:
    """Turns one TABARI/PETRARCH pattern line into subject/object/prep slots.

    Grammar handled: words (``A/B`` = alternatives), ``&SET`` references (kept as the word
    ``&SET``), ``{...}`` phrases, ``(PREP ...)`` groups (which may contain phrases and sets),
    ``*`` for the verb, ``$``/``+`` for where the actor/recipient stand; ``^`` (skip a phrase)
    and ``%`` (compound actor) have no slot in brink: dropped, and counted.
    """

    def __init__(self, synsets: Container[str], report: Report) -> None:
        self.synsets = synsets  # only the names ("&AIRCRAFT") are used
        self.report = report

    def set_word(self, token: str, where: str) -> str | None:
        """A set reference stays one word, its name ("&AIRCRAFT"): members are written once,
        to cameo_sets.json, not copied into every pattern. None if the set is undefined."""
        if token not in self.synsets:
            self.report.note(f"{where}: undefined synonym set {token}; pattern dropped")
            self.report.count("patterns dropped: undefined &SET")
            return None
        self.report.count("&SET references")
        return token

    def unit(self, token: str, where: str) -> list[list[str]] | None:
        """Alternatives for one word or set; None if a set is undefined."""
        if token.startswith("&"):
            name = self.set_word(token, where)
            return None if name is None else [[name]]
        if "/" in token:
            self.report.count("'/' word alternatives split")
        alts = []
        for alt in filter(None, token.split("/")):
            words: list[str] = []
            for part in re.split(r"_(?=&)", alt):  # "FIGHTER_&AIRCRAFT": a word, then a set
                if not part.startswith("&"):
                    words.extend(words_of(part))
                    continue
                name = self.set_word(part, where)
                if name is None:
                    return None
                self.report.note(f"{where}: {alt} read as words followed by the set {name}")
                self.report.count("'_&SET' inside a word read as a set reference")
                words.append(name)
            alts.append(words)
        return alts

    def units(
        self, tokens: list[str], where: str, on_marker: Callable[[str], None]
    ) -> list[list[list[str]]] | None:
        """Words, sets and {phrases} in order; markers go to on_marker. None = drop pattern."""
        out: list[list[list[str]]] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok in ("$", "+", "^", "%"):
                on_marker(tok)
            elif tok == "{":
                j = tokens.index("}", i + 1) if "}" in tokens[i + 1 :] else -1
                if j < 0:
                    self.report.note(f"{where}: unclosed '{{'; pattern dropped")
                    self.report.count("patterns dropped: malformed")
                    return None
                inner = self.units(tokens[i + 1 : j], where, on_marker)
                if inner is None:
                    return None
                if inner:
                    out.append(product(inner))
                i = j
            elif tok == "}":
                self.report.note(f"{where}: stray '}}' ignored")
            else:
                u = self.unit(tok, where)
                if u is None:
                    return None
                out.append(u)
            i += 1
        return out

    def parse(self, body: str, code: Code, comment: str, where: str) -> list[Pattern]:
        tokens = re.sub(r"([(){}*])", r" \1 ", body).split()
        if tokens.count("*") != 1:
            self.report.note(f"{where}: pattern needs exactly one '*'; dropped")
            self.report.count("patterns dropped: malformed")
            return []
        roles: dict[str, str] = {}

        def marker(place: str) -> Callable[[str], None]:
            def handle(tok: str) -> None:
                if tok in ("^", "%"):
                    self.report.count(f"markup dropped: '{tok}'")
                    return
                role = "actor" if tok == "$" else "recipient"
                if role in roles:
                    self.report.note(f"{where}: second {tok} marker ignored")
                roles.setdefault(role, place)

            return handle

        # Split into runs: plain tokens per side, and (...) groups.
        sides: dict[str, list[list[list[str]]]] = {"subject": [], "object": []}
        preps: list[tuple[list[str], list[list[str]]]] = []
        side, run = "subject", []  # run: plain tokens since the last group or '*'
        after_group = False
        i = 0

        def flush() -> bool:
            found = self.units(run, where, marker(side))
            if found is None:
                return False
            sides[side].extend(found)
            run.clear()
            return True

        while i < len(tokens):
            tok = tokens[i]
            if tok == "*":
                if not flush():
                    return []
                side, after_group = "object", False
            elif tok == ")":
                # Source typo: text duplicated after a group ("(WITH VISIT) VISIT)").
                if after_group:
                    self.report.note(f"{where}: stray ')' - dropped {run!r}")
                else:
                    self.report.note(f"{where}: stray ')' ignored")
                self.report.count("malformed patterns repaired")
                run.clear()
            elif tok == "(":
                if not flush():
                    return []
                j = tokens.index(")", i + 1) if ")" in tokens[i + 1 :] else -1
                if j < 0:
                    self.report.note(f"{where}: unclosed '('; pattern dropped")
                    self.report.count("patterns dropped: malformed")
                    return []
                inner, i = tokens[i + 1 : j], j
                k = next((n for n, t in enumerate(inner) if t not in "$+^%"), None)
                head = inner[k] if k is not None else ""
                if not head or head.startswith(("&", "{")):
                    self.report.note(f"{where}: group without a leading preposition; dropped")
                    self.report.count("patterns dropped: malformed")
                    return []
                prep_alts = [p.lower() for p in head.split("/") if p]
                place = "prep:" + "/".join(prep_alts)
                rest = self.units(inner[:k] + inner[k + 1 :], where, marker(place))
                if rest is None:
                    return []
                if side == "subject":
                    # A group before the verb belongs to the subject noun phrase
                    # ("DELIVERY (OF &FOOD) *"): keep it as subject words.
                    sides["subject"].append([[p] for p in prep_alts])
                    sides["subject"].extend(rest)
                    self.report.count("prep groups before the verb folded into subject")
                else:
                    preps.append((prep_alts, product(rest)))
                after_group = True
            else:
                run.append(tok)
            i += 1
        if not flush():
            return []

        subject, obj = product(sides["subject"]), product(sides["object"])
        found = []
        for choice in itertools.product(*[p for p, _ in preps]):
            found.append(
                Pattern(
                    subject=subject,
                    object=obj,
                    preps=[
                        {"prep": p, "words": w} for p, (_, w) in zip(choice, preps, strict=True)
                    ],
                    code=code,
                    roles=dict(roles),
                    comment=comment,
                )
            )
        if len(found) > 1:
            self.report.count("patterns split on '/' prepositions", len(found) - 1)
        return found


SECTION_RE = re.compile(r"^#{4,}\s*([A-Z ]+?)\s*#{4,}\s*$")
HEADER_RE = re.compile(r"^---\s+(\S.*?)\s+\[([^\]]*)\](.*)$")


def split_comment(line: str) -> tuple[str, str]:
    """Python-style '#' and legacy ';' comments."""
    body, _, comment = line.partition("#")
    if ";" in body:
        body, _, legacy = body.partition(";")
        comment = comment or legacy
    return body.rstrip(), comment.strip()


def parse_verb_line(body: str, where: str, report: Report) -> Verb | None:
    forms_m = re.search(r"\{([^}]*)\}", body)
    code_m = re.search(r"\[([^\]]*)\]", body)
    word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", body).strip()
    if not re.fullmatch(r"\+?[A-Z][A-Z0-9'_-]*", word):
        report.note(f"{where}: unreadable verb line {body!r}; dropped")
        report.count("verb lines dropped: unreadable")
        return None
    code = parse_code(code_m.group(1), where, report) if code_m else None
    multi = word.startswith("+")
    parts = words_of(word.lstrip("+"))
    head, particle = parts[0], " ".join(parts[1:]) or None
    raw_forms = forms_m.group(1).replace(",", " ").split() if forms_m else []
    split_forms = [words_of(f.lstrip("+")) for f in raw_forms]
    if multi and split_forms and all(f[0] == head and f[1:] != parts[1:] for f in split_forms):
        # "+WIRE_TAP {+WIRE_TAPS ...}": inflected at the end, so one compound verb.
        report.note(f"{where}: {word} inflects its last word; read as the verb '{''.join(parts)}'")
        report.count("multi-word verbs read as one compound")
        head, particle = "".join(parts), None
        split_forms = [["".join(f)] for f in split_forms]
    forms: list[str] = []
    for form, fparts in zip(raw_forms, split_forms, strict=True):
        if " ".join(fparts[1:]) != (particle or ""):
            report.note(f"{where}: form {form} does not end like {word}")
        forms.append(fparts[0])
    lemma = INFLECTED_HEADS.get(head, head) if multi else head
    if lemma != head:
        forms.insert(0, head)
        report.note(f"{where}: multi-word verb {word} written inflected; lemma '{lemma}'")
        report.count("multi-word heads lemmatised")
    if forms_m and not raw_forms and multi:
        report.count("multi-word verbs with fixed form {}")
    forms = [f for f in dict.fromkeys(forms) if f != lemma]
    surfaces = [word.lstrip("+")] + [f.lstrip("+") for f in raw_forms]
    return Verb(lemma, particle, forms, code, surfaces)


RawSets = dict[str, list[list[str] | str]]  # "&NAME" -> members: words, or "&OTHER" references


@dataclass
class VerbDictionary:
    sets: RawSets  # as written: members may name other sets (build_lexicon resolves them)
    blocks: list[Block]


def parse_verb_dictionary(path: Path, report: Report) -> VerbDictionary:
    """Synonym sets and verb blocks of a PETRARCH verb dictionary."""
    raw_sets: RawSets = {}
    blocks: list[Block] = []
    section = "header"
    current_set: str | None = None
    parser = PatternParser(raw_sets, report)
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{lineno}"
        stripped = raw.strip()
        m = SECTION_RE.match(stripped)
        if m:
            section = {"SYNONYM SETS": "synsets", "VERB PATTERNS": "verbs"}.get(
                m.group(1), m.group(1).lower()
            )
            continue
        if not stripped or stripped.startswith("#"):
            continue
        if section == "synsets":
            body, _ = split_comment(stripped)
            if body.startswith("&"):
                current_set = body.split()[0]
                raw_sets[current_set] = []
            elif body.startswith("+") and current_set:
                text = body[1:].strip()  # "+&OTHER" includes another set
                member = text.split()[0] if text.startswith("&") else words_of(text)
                if member and member not in raw_sets[current_set]:
                    raw_sets[current_set].append(member)
            else:
                report.note(f"{where}: unexpected line in synonym sets: {stripped!r}")
            continue
        if section == "transformations":
            report.count("transformation rules dropped")
            continue
        if section != "verbs":
            continue
        if stripped.startswith("---"):
            m = HEADER_RE.match(stripped)
            if not m:
                raise SourceError(f"{where}: cannot read block header {stripped!r}")
            name, code_text, tail = m.groups()
            if tail.strip() != "---":
                report.note(f"{where}: block header {stripped!r} has a malformed tail")
                report.count("block headers repaired")
            blocks.append(Block(name.strip(), parse_code(code_text, where, report), lineno))
            continue
        if not blocks:
            raise SourceError(f"{where}: verb line before the first block header")
        block = blocks[-1]
        body, comment = split_comment(stripped)
        if stripped.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", body)
            if not m:
                report.note(f"{where}: pattern without a [code]; dropped")
                report.count("patterns dropped: malformed")
                continue
            code = parse_code(m.group(2), where, report)
            report.count("pattern lines read")
            block.patterns.extend(parser.parse(m.group(1), code, comment, where))
            continue
        if block.patterns:
            report.count("verb lines after patterns")
        verb = parse_verb_line(body, where, report)
        if verb:
            block.verbs.append(verb)
    report.count("synonym sets", len(raw_sets))
    return VerbDictionary(raw_sets, blocks)
