#!/usr/bin/env python3
"""Build brink's lexicon data (src/brink/data/lexicon/) from the PETRARCH2 and PLOVER sources.

Reads
  <dictionaries>/CAMEO.2.0.txt            PETRARCH2 verb-pattern dictionary (MIT)
  <ontology>/CAMEO2PLOVER-2021.txt        CAMEO -> PLOVER mapping (CC BY-SA 4.0, OEDA)
  <ontology>/PLOVER_MANUAL.tex            score table, context table, CAMEO cue-category table
  <ontology>/PLOVER_codebook.csv          PLOVER types x modes
and writes cameo_plover.tsv, plover_scores.tsv, plover_types.tsv, cameo_sets.json and
cameo_verbs.jsonl. The readers of the source formats are in lexicon_sources.py, next to this
script; this file assembles and writes. Every output is deterministic: re-running on the same
sources gives identical bytes.

Standard library only. Example:

    python scripts/build_lexicon.py
    python scripts/build_lexicon.py --dictionaries ../shared/dictionaries \
        --ontology ../shared/ontology --out /tmp/lexicon
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections import Counter
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
if str(SCRIPTS) not in sys.path:  # also when loaded by path (tests), not run as a script
    sys.path.insert(0, str(SCRIPTS))

from lexicon_sources import (  # noqa: E402
    CODEBOOK_FILE,
    MANUAL_FILE,
    MAPPING_FILE,
    VERB_FILE,
    Block,
    Code,
    Mapping,
    RawSets,
    Report,
    SourceError,
    parse_cameo_plover,
    parse_codebook,
    parse_manual,
    parse_verb_dictionary,
)

REPO = SCRIPTS.parent
DEFAULT_DICTIONARIES = REPO.parent / "shared" / "dictionaries"
DEFAULT_ONTOLOGY = REPO.parent / "shared" / "ontology"
DEFAULT_OUT = REPO / "src" / "brink" / "data" / "lexicon"

PLOVER_CREDIT = "CC BY-SA 4.0, Open Event Data Alliance"

# brink's own rows for CAMEO codes that CAMEO2PLOVER-2021.txt leaves to a fallback row, with
# the reason. Applied only while the mapping file lacks the code; each gets a CORRECTION line.
BRINK_MAPPINGS = {
    "176": (
        Mapping("176", "COERCE", "cyber", ["cyber"], "Attack cybernetically"),
        "PETRARCH2's HACK patterns use it; the codebook's COERCE mode cyber covers hacking, and "
        "the manual says that mode adds the cyber context",
    ),
}

# One-line glosses of the manual's context names, written for brink (not the manual's text).
CONTEXT_GLOSSES = {
    "military": "state armed forces and military matters",
    "intelligence": "state intelligence agencies and their work",
    "executive": "heads of government, the executive branch and bureaucracy",
    "legislative": "parliaments, legislative debate and coalitions",
    "election": "elections and campaigning",
    "political_institutions": "political bodies and parties, and changes to them",
    "pro_democracy": "moves toward democracy",
    "pro_autocracy": "moves toward autocracy",
    "economic": "economy, trade and finance",
    "legal": "courts, judiciary and law",
    "reparations": "compensation for past harm",
    "human_rights": "human rights in general",
    "rights_freedoms": "civil liberties and political freedoms",
    "repression": "forceful repression by security forces",
    "human_security": "basic needs: food, water, shelter, land, energy",
    "gender": "gender and women's issues",
    "lgbt": "LGBTQ issues",
    "religion_ethnicity": "religious, ethnic, caste or language issues",
    "inequality": "unequal distribution of resources or opportunity",
    "diplomatic": "diplomacy, international or domestic",
    "territory": "territorial disputes and forced displacement",
    "peacekeeping": "peacekeeping operations",
    "health": "public health and disease",
    "asylum": "seeking or granting asylum",
    "migration": "migrants, refugees and displaced people",
    "disasters": "natural disasters and accidents",
    "natural_resource": "extraction and trade of natural resources",
    "environment": "pollution and environmental policy",
    "technology": "technology and its industry",
    "terrorism": "terrorist groups and counter-terrorism",
    "cbrn": "chemical, biological, radiological or nuclear weapons",
    "cyber": "cyber attacks and cyber crime",
    "misinformation": "misinformation and influence operations",
    "crime": "crime and criminals in general",
    "corruption": "abuse of public office",
    "illegal_drugs": "the illegal drug trade",
    "trafficking": "smuggling of people or goods",
}

# --------------------------------------------------------------------------- assembling


class PloverLookup:
    """CAMEO code -> PLOVER, falling back to the parent and the cue category (manual, tab:xlate)."""

    def __init__(self, rows: list[Mapping]) -> None:
        self.rows = {r.cameo: r for r in rows}

    def resolve(self, cameo: str) -> tuple[Mapping | None, str | None]:
        candidates = [cameo, cameo[:3], cameo[:2] + "0", cameo[:2]]
        for cand in dict.fromkeys(candidates):
            if cand in self.rows:
                return self.rows[cand], (None if cand == cameo else cand)
        return None, None

    def fields(self, code: Code, report: Report, counted: set[str]) -> dict[str, object]:
        out: dict[str, object] = {
            "cameo": code.cameo,
            "cameo_counterpart": code.counterpart,
            "swap_roles": code.swap_roles,
            "plover": None,
            "mode": None,
            "context": [],
            "plover_via": None,
        }
        if code.cameo is None:
            return out
        row, via = self.resolve(code.cameo)
        if code.cameo not in counted:
            counted.add(code.cameo)
            if row is None:
                report.count("codes unmapped")
                report.note(f"CAMEO {code.cameo}: not in {MAPPING_FILE}; no PLOVER fields")
            elif via is not None:
                report.count("codes mapped via parent/cue category")
                what = row.type or "no PLOVER equivalent"
                report.note(f"CAMEO {code.cameo}: mapped through {via} ({what})")
        if row is not None:
            out.update(
                plover=row.type or None,
                mode=row.mode or None,
                context=list(row.context),
                plover_via=via,
            )
        return out


def found_with(comment: str, surfaces: dict[str, str]) -> str | None:
    first = comment.split()[0].rstrip(",") if comment else ""
    return surfaces.get(first.upper())


def resolve_sets(raw: RawSets, report: Report) -> dict[str, list[list[str]]]:
    """Flatten sets that list other sets ("+&OTHER") into member lists, in source order.

    A reference to an undefined set, or back to a set being resolved (a cycle), is dropped
    with a note; the members of a cycle's sets are still all included once.
    """
    noted: set[tuple[str, str]] = set()

    def drop(name: str, ref: str, why: str) -> None:
        if (name, ref) not in noted:
            noted.add((name, ref))
            report.note(f"synonym set {name}: member {ref} {why}; dropped")
            report.count(f"set members dropped: {why}")

    def members(name: str, stack: tuple[str, ...]) -> list[list[str]]:
        out: list[list[str]] = []
        for member in raw[name]:
            if isinstance(member, str):
                if member not in raw:
                    drop(name, member, "undefined &SET")
                    continue
                if member in stack:
                    drop(name, member, "circular &SET")
                    continue
                found = members(member, (*stack, member))
            else:
                found = [member]
            out.extend(m for m in found if m not in out)
        return out

    resolved = {name[1:]: members(name, (name,)) for name in raw}
    nested = sum(isinstance(m, str) for v in raw.values() for m in v)
    if nested:
        report.count("&SET references inside sets resolved", nested)
    return resolved


def build_blocks(blocks: list[Block], lookup: PloverLookup, report: Report) -> list[dict]:
    """One record per verb block: its kept verbs and its distinct patterns, each pattern once."""
    records: list[dict] = []
    counted: set[str] = set()
    lemma_blocks: dict[tuple[str, str | None], set[str]] = {}
    for block in blocks:
        surfaces = {}
        for verb in block.verbs:
            name = verb.lemma + (f" {verb.particle}" if verb.particle else "")
            for s in verb.surfaces:
                surfaces.setdefault(s.upper(), name)
        patterns: list[dict] = []
        seen: set[str] = set()
        for pat in block.patterns:
            record = {
                "subject": pat.subject,
                "object": pat.object,
                "preps": pat.preps,
                **lookup.fields(pat.code, report, counted),
                "roles": pat.roles,
                "found_with": found_with(pat.comment, surfaces),
            }
            key = json.dumps({k: v for k, v in record.items() if k != "found_with"})
            if key in seen:
                report.count("duplicate patterns dropped")
                continue
            seen.add(key)
            patterns.append(record)
        coded_patterns = any(p["cameo"] for p in patterns)
        merged: dict[tuple[str, str | None], dict] = {}
        for verb in block.verbs:
            code = verb.code if verb.code is not None else block.code
            key = (verb.lemma, verb.particle)
            if key in merged:
                entry = merged[key]
                entry["forms"] = list(dict.fromkeys(entry["forms"] + verb.forms))
                if entry["cameo"] != code.cameo:
                    report.note(
                        f"block {block.name}: '{verb.lemma}' listed twice with different "
                        f"codes; kept {entry['cameo']}"
                    )
                report.count("verbs listed twice in a block (merged)")
                continue
            if code.cameo is None and not coded_patterns:
                report.count("verbs dropped: no code and no coded pattern")
                continue
            merged[key] = {
                "lemma": verb.lemma,
                "particle": verb.particle,
                "forms": verb.forms,
                **lookup.fields(code, report, counted),
            }
            lemma_blocks.setdefault(key, set()).add(block.name)
        if not merged:
            report.count("patterns dropped: no verb of their block kept", len(patterns))
            continue
        report.count("patterns", len(patterns))
        records.append(
            {
                "block": block.name,
                "cameo": block.code.cameo,
                "verbs": list(merged.values()),
                "patterns": patterns,
                "source": VERB_FILE,
            }
        )
    multi = sorted(" ".join(filter(None, k)) for k, v in lemma_blocks.items() if len(v) > 1)
    if multi:
        report.count("verbs in more than one block", len(multi))
        report.note("verbs in more than one block (listed in each): " + ", ".join(multi))
    return records


def brink_mappings(mapping: list[Mapping], report: Report) -> tuple[list[Mapping], list[str]]:
    """BRINK_MAPPINGS rows for codes the mapping file leaves to a fallback, and header notes."""
    lookup = PloverLookup(mapping)
    rows, notes = [], []
    for code, (row, why) in BRINK_MAPPINGS.items():
        if code in lookup.rows:
            report.note(f"CAMEO {code}: now in {MAPPING_FILE}; brink's own mapping not applied")
            continue
        old, via = lookup.resolve(code)
        was = (
            f"{via} ({old.type or 'no PLOVER type'}, mode {old.mode or '-'}, "
            f"context {','.join(old.context) or '-'})"
            if old
            else "nothing"
        )
        label = f"{row.description} - brink mapping (not in {MAPPING_FILE})"
        rows.append(Mapping(code, row.type, row.mode, list(row.context), label))
        notes.append(
            f"CORRECTION (brink): CAMEO {code} ({row.description}) is missing from "
            f"{MAPPING_FILE} and would fall back to {was}; brink adds the row {code} = "
            f"{row.type}, mode {row.mode}, context {','.join(row.context)} ({why})."
        )
        report.count("codes given a brink mapping")
        report.note(f"CAMEO {code}: brink maps it to {row.type}:{row.mode} (was via {was})")
    return rows, notes


# --------------------------------------------------------------------------- writing


def render_sets(sets: dict[str, list[list[str]]]) -> str:
    """cameo_sets.json: one set per line, so that diffs stay readable."""
    lines = [
        f"{json.dumps(name)}: {json.dumps(members, ensure_ascii=False, separators=(',', ':'))}"
        for name, members in sets.items()
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def fmt_score(value: float) -> str:
    return format(value, "g")


def score_corrections(
    scores: list[tuple[str, str, float]],
) -> tuple[dict[tuple[str, str], float], list[str]]:
    """Flip a type-level score whose sign contradicts every one of its modes' scores.

    The manual prints ACCUSE as 3 while its modes are all negative; we read that as a
    lost minus sign. The rule is general so that a corrected manual needs no code change.
    """
    corrections: dict[tuple[str, str], float] = {}
    notes: list[str] = []
    for ptype, mode, value in scores:
        if mode:
            continue
        modes = [(m, v) for t, m, v in scores if t == ptype and m]
        if modes and value != 0 and all(v * value < 0 for _, v in modes):
            corrections[(ptype, "")] = -value
            listed = ", ".join(f"{m} {fmt_score(v)}" for m, v in modes)
            notes.append(
                f"CORRECTION: the manual prints {ptype} as {fmt_score(value)} while all its modes "
                f"have the opposite sign ({listed}); read as a sign typo: score = "
                f"{fmt_score(-value)}, manual_value keeps {fmt_score(value)}."
            )
    return corrections, notes


def render_tsv(header: list[str], columns: list[str], rows: list[list[str]]) -> str:
    for row in rows:
        if any("\t" in c or "\n" in c for c in row):
            raise SourceError(f"tab or newline inside a field: {row!r}")
    lines = [f"# {part}" for h in header for part in textwrap.wrap(h, 96) or [""]]
    lines.append("\t".join(columns))
    lines.extend("\t".join(row) for row in rows)
    return "\n".join(lines) + "\n"


def mapping_notes(
    rows: list[Mapping],
    modes: dict[str, list[tuple[str, str]]],
    contexts: list[str],
) -> list[str]:
    """Values in the mapping file that the codebook or the manual's context table lacks."""
    notes = []
    odd_modes = Counter(
        f"{r.type}:{r.mode}" for r in rows if r.mode and r.mode not in dict(modes.get(r.type, []))
    )
    if odd_modes:
        notes.append(
            "modes not in PLOVER_codebook.csv for their type (kept as given): "
            + ", ".join(f"{k} ({v})" for k, v in sorted(odd_modes.items()))
        )
    odd_contexts = Counter(c for r in rows for c in r.context if c not in contexts)
    if odd_contexts:
        notes.append(
            "contexts not in the manual's context table (kept as given): "
            + ", ".join(f"{k} ({v})" for k, v in sorted(odd_contexts.items()))
        )
    return notes


def build(dictionaries: Path, ontology: Path, out: Path) -> Report:
    report = Report()
    for p in (
        dictionaries / VERB_FILE,
        ontology / MAPPING_FILE,
        ontology / MANUAL_FILE,
        ontology / CODEBOOK_FILE,
    ):
        if not p.is_file():
            raise SourceError(f"source file not found: {p}")
    mapping, map_version = parse_cameo_plover(ontology / MAPPING_FILE, report)
    manual = parse_manual(ontology / MANUAL_FILE)
    types, type_defs, modes = parse_codebook(ontology / CODEBOOK_FILE)
    contexts, dropped = manual.contexts, manual.dropped
    files: dict[str, str] = {}

    # cameo_plover.tsv: the mapping, then brink's rows sorted by code: the cue categories
    # PLOVER dropped (type left empty) and BRINK_MAPPINGS for codes the mapping leaves out
    added, corrections = brink_mappings(mapping, report)
    added += [
        Mapping(code, "", "", [], f"{text.capitalize()} - dropped in PLOVER (no equivalent)")
        for code, text in dropped.items()
    ]
    mapped = mapping + [r for r in added if r.type]
    rows = mapping + sorted(added, key=lambda r: r.cameo)
    report.count("cameo codes in mapping", len(mapping))
    files["cameo_plover.tsv"] = render_tsv(
        [
            f"CAMEO -> PLOVER type, mode and context. Source: {MAPPING_FILE}",
            f"(PLOVER manual version {map_version}), {PLOVER_CREDIT}.",
            "Derived data, shared under CC BY-SA 4.0. Rebuild: python scripts/build_lexicon.py",
            "Empty `type` = no PLOVER equivalent: the two-digit rows "
            + ", ".join(sorted(dropped))
            + " are the CAMEO cue",
            f"categories the manual ({MANUAL_FILE}, CAMEO to PLOVER table) marks 'dropped';",
            f"{MAPPING_FILE} itself simply omits them. Look a code up exactly, then by its",
            "3-digit parent, then by its cue category (e.g. 0211 -> 021 -> 020 -> 02).",
            "Several contexts are comma-separated; mode and context may be empty.",
            *mapping_notes(mapped, modes, contexts),
            *(n.split(": ", 1)[1] for n in report.notes if n.startswith(MAPPING_FILE)),
            *corrections,
        ],
        ["cameo", "type", "mode", "context", "description"],
        [[r.cameo, r.type, r.mode, ",".join(r.context), r.description] for r in rows],
    )

    # plover_scores.tsv
    raw_scores = manual.scores
    corrections, score_notes = score_corrections(raw_scores)
    score_rows = [
        [t, m, fmt_score(corrections.get((t, m), v)), fmt_score(v)] for t, m, v in raw_scores
    ]
    missing = [t for t in types if (t, "") not in {(r[0], r[1]) for r in score_rows}]
    if missing:
        raise SourceError(f"{MANUAL_FILE}: no type-level score for {missing}")
    scored = {f"{r[0]}:{r[1]}" for r in score_rows if r[1]}
    codebook_pairs = {f"{t}:{m}" for t in types for m, _ in modes[t]}
    mapping_pairs = {f"{r.type}:{r.mode}" for r in mapped if r.mode}
    for label, pairs in (
        ("score-table modes not in the codebook (kept as printed)", scored - codebook_pairs),
        ("codebook modes with no score row (use the type score)", codebook_pairs - scored),
        ("cameo_plover.tsv modes with no score row (use the type score)", mapping_pairs - scored),
    ):
        if pairs:
            score_notes.append(f"{label}: " + ", ".join(sorted(pairs)))
    files["plover_scores.tsv"] = render_tsv(
        [
            "PLOVER cooperation-conflict scores (-10 most conflictual .. +10 most cooperative),",
            f"parsed from the 'PLOVER conflict--cooperation scores' table of {MANUAL_FILE}",
            f"(PLOVER manual {manual.version}), {PLOVER_CREDIT}.",
            "Derived data, shared under CC BY-SA 4.0. Rebuild: python scripts/build_lexicon.py",
            "Empty mode = the type-level score. manual_value = the value printed in the manual;",
            "score differs from it only where a CORRECTION line says so.",
            *score_notes,
        ],
        ["type", "mode", "score", "manual_value"],
        score_rows,
    )
    for note in score_notes:
        report.note(f"plover_scores.tsv: {note}")
    report.count("score rows", len(score_rows))

    # plover_types.tsv
    type_rows = []
    for ptype in types:
        type_rows.append(["type", ptype, ptype, type_defs[ptype]])
        type_rows.extend(["mode", mode, ptype, d] for mode, d in modes[ptype])
    missing_gloss = [c for c in contexts if c not in CONTEXT_GLOSSES]
    for name in missing_gloss:
        report.note(f"context '{name}' has no gloss in build_lexicon.py; left empty")
    type_rows.extend(["context", c, "", CONTEXT_GLOSSES.get(c, "")] for c in contexts)
    files["plover_types.tsv"] = render_tsv(
        [
            f"PLOVER event types and their modes from {CODEBOOK_FILE} (definitions as in the",
            f"codebook), and the contexts named in {MANUAL_FILE}'s context table (PLOVER manual",
            f"{manual.version}) with one-line glosses written for brink. {PLOVER_CREDIT}.",
            "Derived data, shared under CC BY-SA 4.0. Rebuild: python scripts/build_lexicon.py",
            "kind: type | mode | context. For modes, `type` is the type they belong to; a mode",
            "with several codebook definitions has them joined by ' | '.",
        ],
        ["kind", "name", "type", "definition"],
        type_rows,
    )
    report.count("types", len(types))
    report.count("modes", sum(len(v) for v in modes.values()))
    report.count("contexts", len(contexts))

    # cameo_sets.json and cameo_verbs.jsonl
    verb_dict = parse_verb_dictionary(dictionaries / VERB_FILE, report)
    report.count("verb blocks", len(verb_dict.blocks))
    records = build_blocks(verb_dict.blocks, PloverLookup(rows), report)
    report.count("blocks written", len(records))
    report.count("verbs", sum(len(r["verbs"]) for r in records))
    files["cameo_sets.json"] = render_sets(resolve_sets(verb_dict.sets, report))
    files["cameo_verbs.jsonl"] = "".join(
        json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records
    )

    # Write only once everything is built, each file atomically.
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        tmp = out / f".{name}.tmp"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, out / name)
    return report


SUMMARY_SHOWN = {
    "verbs",
    "verb blocks",
    "patterns",
    "pattern lines read",
    "cameo codes in mapping",
    "score rows",
    "types",
    "modes",
    "contexts",
    "codes unmapped",
    "codes mapped via parent/cue category",
    "synonym sets",
    "&SET references",
    "blocks written",
}


def print_summary(report: Report, out: Path, verbose: bool) -> None:
    c = report.counts
    dropped = sum(n for k, n in c.items() if "dropped" in k)
    print(f"wrote {out}/")
    print(
        f"  verbs {c['verbs']} in {c['blocks written']} blocks (of {c['verb blocks']}); "
        f"patterns {c['patterns']} (from {c['pattern lines read']} pattern lines, "
        f"{c['&SET references']} &SET references to {c['synonym sets']} sets)"
    )
    print(
        f"  CAMEO codes in mapping {c['cameo codes in mapping']}; score rows {c['score rows']}; "
        f"types {c['types']}, modes {c['modes']}, contexts {c['contexts']}"
    )
    print(
        f"  codes unmapped {c['codes unmapped']}; codes mapped via parent/cue category "
        f"{c['codes mapped via parent/cue category']}; items dropped {dropped}"
    )
    print("  dropped / normalised / odd:")
    for key in sorted(k for k in c if k not in SUMMARY_SHOWN):
        print(f"    {key}: {c[key]}")
    if verbose:
        print("  notes:")
        for n in report.notes:
            print(f"    {n}")
    else:
        print(f"  ({len(report.notes)} notes; --verbose lists them)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Example: python scripts/build_lexicon.py --verbose",
    )
    ap.add_argument(
        "--dictionaries",
        type=Path,
        default=DEFAULT_DICTIONARIES,
        help=f"folder holding {VERB_FILE} (default: %(default)s)",
    )
    ap.add_argument(
        "--ontology",
        type=Path,
        default=DEFAULT_ONTOLOGY,
        help=f"folder holding {MAPPING_FILE}, {MANUAL_FILE}, {CODEBOOK_FILE} "
        "(default: %(default)s)",
    )
    ap.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)"
    )
    ap.add_argument("--verbose", action="store_true", help="list every note")
    args = ap.parse_args(argv)
    try:
        report = build(args.dictionaries, args.ontology, args.out)
    except SourceError as exc:
        print(f"build_lexicon: {exc}", file=sys.stderr)
        return 2
    print_summary(report, args.out, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
