"""The lexicon built from PETRARCH2's CAMEO.2.0.txt and the PLOVER sources.

The committed files are checked directly; the build itself runs (into a temp dir) only when the
shared sources are present (../shared relative to the repo, or /work/shared), and must then
reproduce the committed files byte for byte. The source readers (scripts/lexicon_sources.py) are
tested on real lines of CAMEO.2.0.txt and on small dictionaries written here.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys
import textwrap
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
LEXICON = REPO / "src" / "brink" / "data" / "lexicon"
SCRIPT = REPO / "scripts" / "build_lexicon.py"
GENERATED = [
    "cameo_plover.tsv", "plover_scores.tsv", "plover_types.tsv", "cameo_sets.json",
    "cameo_verbs.jsonl",
]  # fmt: skip
PLOVER_TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip


def shared_dir() -> Path | None:
    for cand in (REPO.parent / "shared", Path("/work/shared")):
        if (cand / "dictionaries" / "CAMEO.2.0.txt").is_file() and (cand / "ontology").is_dir():
            return cand
    return None


def read_tsv(name: str) -> tuple[list[str], list[dict[str, str]]]:
    lines = (LEXICON / name).read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if not line.startswith("#")]
    return header, list(csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def blocks() -> list[dict]:
    with (LEXICON / "cameo_verbs.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@cache
def sets() -> dict[str, list[list[str]]]:
    return json.loads((LEXICON / "cameo_sets.json").read_text(encoding="utf-8"))


def verbs() -> list[dict]:
    return [v for b in blocks() for v in b["verbs"]]


def block_of(lemma: str, particle: str | None = None, block: str | None = None) -> dict:
    """The first block (of the given name, if any) that lists the verb."""
    found = [
        b
        for b in blocks()
        if block in (None, b["block"])
        and any(v["lemma"] == lemma and v["particle"] == particle for v in b["verbs"])
    ]
    assert found, f"no entry for {lemma!r} {particle!r} in block {block!r}"
    return found[0]


def verb(lemma: str, particle: str | None = None, block: str | None = None) -> dict:
    found = block_of(lemma, particle, block)
    return next(v for v in found["verbs"] if (v["lemma"], v["particle"]) == (lemma, particle))


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_lexicon", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)  # puts scripts/ on sys.path for lexicon_sources
    return module


# ----------------------------------------------------------------------------- build


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    shared = shared_dir()
    if shared is None:
        pytest.skip("../shared sources not present")
    out = tmp_path_factory.mktemp("lexicon")
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--dictionaries", str(shared / "dictionaries"),
         "--ontology", str(shared / "ontology"), "--out", str(out)],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return out, proc.stdout


@pytest.mark.parametrize("name", GENERATED)
def test_build_reproduces_committed_file(built: tuple[Path, str], name: str) -> None:
    out, _ = built
    assert (out / name).read_bytes() == (LEXICON / name).read_bytes(), (
        f"{name} is stale: run python scripts/build_lexicon.py"
    )


def test_build_prints_summary(built: tuple[Path, str]) -> None:
    _, stdout = built
    for label in ("verbs 1718 in 357 blocks", "patterns 4509", "&SET references to 40 sets",
                  "codes unmapped 0", "items dropped"):  # fmt: skip
        assert label in stdout
    assert "patterns dropped: undefined &SET: 4" in stdout
    assert "transformation rules dropped: 8" in stdout
    assert "codes given a brink mapping: 1" in stdout


def test_missing_source_is_a_clear_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--dictionaries", str(tmp_path), "--ontology",
         str(tmp_path), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "source file not found" in proc.stderr
    assert "CAMEO.2.0.txt" in proc.stderr
    assert not (tmp_path / "out").exists()


# ----------------------------------------------------------------------------- pattern reader


@pytest.fixture(scope="module")
def script() -> ModuleType:
    load_script()
    return importlib.import_module("lexicon_sources")


def parse_pattern(script: ModuleType, body: str, synsets: dict | None = None) -> tuple:
    report = script.Report()
    parser = script.PatternParser(synsets or {}, report)
    return parser.parse(body, script.Code("000"), "", "test"), report


@pytest.mark.parametrize(
    ("body", "subject", "obj", "preps", "roles"),
    [
        # real lines of CAMEO.2.0.txt, without their [code] and comment
        ("* OUT {NEW STRATEGY}", [], [["out", "new", "strategy"]], [], {}),
        ("* (FOR RETRIAL)", [], [], [("for", [["retrial"]])], {}),
        ("* CLAIM (AGAINST) +", [], [["claim"]], [("against", [])], {"recipient": "object"}),
        ("* WITHDRAWAL (OF $) (FROM +)", [], [["withdrawal"]], [("of", []), ("from", [])],
         {"actor": "prep:of", "recipient": "prep:from"}),
        ("+ * (BY FORCES)", [], [], [("by", [["forces"]])],
         {"recipient": "subject"}),
        ("* VENTURE (WITH VISIT)   VISIT)", [], [["venture"]], [("with", [["visit"]])], {}),
        ("DELIVERY (OF FOOD) * $", [["delivery", "of", "food"]], [], [], {"actor": "object"}),
        ("* FIRST VISIT TO ^ +", [], [["first", "visit", "to"]], [], {"recipient": "object"}),
    ],
)  # fmt: skip
def test_pattern_slots(script, body, subject, obj, preps, roles) -> None:
    (pattern,), _ = parse_pattern(script, body)
    assert pattern.subject == subject
    assert pattern.object == obj
    assert [(p["prep"], p["words"]) for p in pattern.preps] == preps
    assert pattern.roles == roles


def test_sets_stay_references_inside_phrases_and_groups(script) -> None:
    sets = {"&CAR": [["car"], ["truck"]], "&WEAPON": [["bomb"], ["assault", "rifle"]]}
    (pattern,), report = parse_pattern(script, "* (WITH {HEAVY/LIGHT &CAR &WEAPON})", sets)
    assert pattern.preps == [
        {"prep": "with", "words": [["heavy", "&CAR", "&WEAPON"], ["light", "&CAR", "&WEAPON"]]}
    ]
    assert report.counts["&SET references"] == 2


def test_set_joined_to_a_word_is_a_reference(script) -> None:
    # CAMEO.2.0.txt, BOMB block: "- FIGHTER_&AIRCRAFT *  [195]"
    (pattern,), _ = parse_pattern(script, "FIGHTER_&AIRCRAFT *", {"&AIRCRAFT": [["jet"]]})
    assert pattern.subject == [["fighter", "&AIRCRAFT"]]


def write_dictionary(path: Path, sets_text: str, verbs_text: str = "") -> Path:
    path.write_text(
        "####### SYNONYM SETS #######\n" + textwrap.dedent(sets_text)
        + "####### VERB PATTERNS #######\n" + textwrap.dedent(verbs_text),
        encoding="utf-8",
    )  # fmt: skip
    return path


def test_sets_listing_other_sets_are_flattened(script, tmp_path: Path) -> None:
    source = write_dictionary(
        tmp_path / "verbs.txt",
        """
        &ARMOR
        +TANK
        +&GUN
        +ARMORED_CAR
        &GUN
        +HOWITZER
        +&ARMOR
        +TANK
        +&NOWHERE
        """,
        """
        --- SHELL [190] ---
        SHELL
        - * &ARMOR  [194]
        """,
    )
    report = script.Report()
    found = script.parse_verb_dictionary(source, report)
    assert found.sets["&ARMOR"] == [["tank"], "&GUN", ["armored", "car"]]  # as written
    assert load_script().resolve_sets(found.sets, report) == {
        "ARMOR": [["tank"], ["howitzer"], ["armored", "car"]],
        "GUN": [["howitzer"], ["tank"], ["armored", "car"]],
    }
    assert report.counts["set members dropped: undefined &SET"] == 1
    assert report.counts["set members dropped: circular &SET"] == 2
    [pattern] = found.blocks[0].patterns
    assert pattern.object == [["&ARMOR"]]


def test_slash_preposition_splits_the_pattern(script) -> None:
    patterns, report = parse_pattern(script, "* (BY/WITH GRENADE)")
    assert [p.preps for p in patterns] == [
        [{"prep": "by", "words": [["grenade"]]}],
        [{"prep": "with", "words": [["grenade"]]}],
    ]
    assert report.counts["patterns split on '/' prepositions"] == 1


def test_undefined_set_drops_the_pattern(script) -> None:
    patterns, report = parse_pattern(script, "* &FIGHT_GAMES IN +")
    assert patterns == []
    assert report.counts["patterns dropped: undefined &SET"] == 1


@pytest.mark.parametrize(
    ("text", "cameo", "counterpart", "swap"),
    [("020", "020", None, False), ("042:043", "042", "043", False), (":173", "173", None, True),
     ("---", None, None, False), ("080!", "080", None, False)],
)  # fmt: skip
def test_code_forms(script, text, cameo, counterpart, swap) -> None:
    code = script.parse_code(text, "test", script.Report())
    assert (code.cameo, code.counterpart, code.swap_roles) == (cameo, counterpart, swap)


# ----------------------------------------------------------------------------- committed files


def test_cameo_plover_table() -> None:
    header, rows = read_tsv("cameo_plover.tsv")
    assert list(rows[0]) == ["cameo", "type", "mode", "context", "description"]
    text = "\n".join(header)
    assert "CC BY-SA 4.0" in text and "Open Event Data Alliance" in text
    assert "Draft 0.8" in text
    codes = [r["cameo"] for r in rows]
    assert len(codes) == len(set(codes))
    by_code = {r["cameo"]: r for r in rows}
    assert by_code["112"]["type"] == "ACCUSE"
    assert by_code["042"]["mode"] == "visit"
    assert by_code["094"]["context"] == "military,legal"
    assert by_code["02"]["type"] == "" and "dropped" in by_code["02"]["description"]
    assert {r["type"] for r in rows} - {""} <= set(PLOVER_TYPES)


def test_hacking_176_is_coerce_cyber_by_brink_correction() -> None:
    header, rows = read_tsv("cameo_plover.tsv")
    by_code = {r["cameo"]: r for r in rows}
    assert (by_code["176"]["type"], by_code["176"]["mode"], by_code["176"]["context"]) == (
        "COERCE", "cyber", "cyber",
    )  # fmt: skip
    assert "brink" in by_code["176"]["description"]
    text = " ".join(header)
    assert "CORRECTION (brink): CAMEO 176" in text
    assert by_code["170"]["mode"] == "" and by_code["175"]["type"] == "ASSAULT"  # others kept
    hack = block_of("hack", block="HACK")
    coded = [p for p in hack["patterns"] if p["cameo"] == "176"]
    assert len(coded) == 5
    assert all((p["plover"], p["mode"], p["context"], p["plover_via"]) == (
        "COERCE", "cyber", ["cyber"], None) for p in coded)  # fmt: skip


def test_scores_table() -> None:
    header, rows = read_tsv("plover_scores.tsv")
    scores = {(r["type"], r["mode"]): (float(r["score"]), float(r["manual_value"])) for r in rows}
    assert {t for t, _ in scores} == set(PLOVER_TYPES)
    assert all((t, "") in scores for t in PLOVER_TYPES)
    assert scores[("ACCUSE", "")] == (-3.0, 3.0)
    assert scores[("CONSULT", "visit")] == (4.0, 4.0)
    assert scores[("ASSAULT", "unconventional")] == (-10.0, -10.0)
    changed = [k for k, (score, raw) in scores.items() if score != raw]
    assert changed == [("ACCUSE", "")]
    assert any("CORRECTION" in line and "ACCUSE" in line for line in header)


def test_types_table() -> None:
    _, rows = read_tsv("plover_types.tsv")
    assert [r["name"] for r in rows if r["kind"] == "type"] == PLOVER_TYPES
    modes = {(r["type"], r["name"]) for r in rows if r["kind"] == "mode"}
    assert {("CONSULT", "visit"), ("RETREAT", "ceasefire"), ("ASSAULT", "aerial")} <= modes
    contexts = {r["name"]: r["definition"] for r in rows if r["kind"] == "context"}
    assert len(contexts) >= 35
    assert {"military", "cbrn", "pro_democracy", "illegal_drugs"} <= set(contexts)
    assert all(contexts.values())


def test_every_verb_code_resolves_in_cameo_plover() -> None:
    _, rows = read_tsv("cameo_plover.tsv")
    table = {r["cameo"]: r for r in rows}

    def check(item: dict) -> None:
        code = item["cameo"]
        if code is None:
            assert item["plover"] is None
            return
        via = next(c for c in dict.fromkeys([code, code[:3], code[:2] + "0", code[:2]])
                   if c in table)  # fmt: skip
        assert item["plover_via"] == (None if via == code else via)
        row = table[via]
        assert item["plover"] == (row["type"] or None)
        assert item["mode"] == (row["mode"] or None)
        assert item["context"] == [c for c in row["context"].split(",") if c]

    for b in blocks():
        for item in b["verbs"] + b["patterns"]:
            check(item)


VERB_FIELDS = ["lemma", "particle", "forms", "cameo", "cameo_counterpart", "swap_roles",
               "plover", "mode", "context", "plover_via"]  # fmt: skip
PATTERN_FIELDS = ["subject", "object", "preps", "cameo", "cameo_counterpart", "swap_roles",
                  "plover", "mode", "context", "plover_via", "roles", "found_with"]  # fmt: skip


def test_blocks_are_well_formed() -> None:
    names = [b["block"] for b in blocks()]
    assert len(names) == len(set(names)) == 357
    assert sum(len(b["verbs"]) for b in blocks()) == 1718
    assert sum(len(b["patterns"]) for b in blocks()) == 4509
    for b in blocks():
        assert list(b) == ["block", "cameo", "verbs", "patterns", "source"]
        assert b["source"] == "CAMEO.2.0.txt" and b["verbs"]
        lemmas = [(v["lemma"], v["particle"]) for v in b["verbs"]]
        assert len(lemmas) == len(set(lemmas)), b["block"]
        for v in b["verbs"]:
            assert list(v) == VERB_FIELDS
            assert v["lemma"] == v["lemma"].lower() and " " not in v["lemma"]
            assert v["cameo"] or any(p["cameo"] for p in b["patterns"]), v["lemma"]
        keys = set()
        for p in b["patterns"]:
            assert list(p) == PATTERN_FIELDS
            keys.add(json.dumps({k: p[k] for k in PATTERN_FIELDS if k != "found_with"}))
        assert len(keys) == len(b["patterns"]), f"duplicate pattern in {b['block']}"


def slot_words(pattern: dict) -> list[str]:
    alts = (
        pattern["subject"] + pattern["object"] + [a for g in pattern["preps"] for a in g["words"]]
    )
    assert all(alts)
    return [w for alt in alts for w in alt]


def test_words_are_lowercase_or_name_a_set() -> None:
    used = set()
    for b in blocks():
        for p in b["patterns"]:
            for w in slot_words(p):
                if w.startswith("&"):
                    assert w[1:] in sets(), f"{w} in block {b['block']} is not in cameo_sets.json"
                    used.add(w[1:])
                else:
                    assert w == w.lower() and w.strip() and " " not in w
    assert {"AIRCRAFT", "WEAPON", "MILITARY", "CURRENCY"} <= used


def test_sets_are_flat_lists_of_lowercase_words() -> None:
    assert len(sets()) == 40
    for name, members in sets().items():
        assert name == name.upper() and not name.startswith("&")
        assert members and len({tuple(m) for m in members}) == len(members), name
        for member in members:
            assert member and all(w == w.lower() and w.strip() and " " not in w for w in member)
            assert not any(w.startswith("&") for w in member)
    assert ["jumbo", "jet"] in sets()["AIRCRAFT"] and ["helicopter"] in sets()["AIRCRAFT"]


def test_files_are_small() -> None:
    # Each pattern and each set written once: no per-verb copies, no inline set expansion.
    assert (LEXICON / "cameo_verbs.jsonl").stat().st_size < 2_000_000
    assert (LEXICON / "cameo_sets.json").stat().st_size < 100_000


def test_accuse_is_112_accuse() -> None:
    v = verb("accuse")
    assert (v["cameo"], v["plover"], v["mode"]) == ("112", "ACCUSE", "disapprove")


def test_multiword_verbs_become_lemma_and_particle() -> None:
    ask_for = verb("ask", "for", block="ASK")
    assert ask_for["cameo"] == "020"
    assert ask_for["forms"] == ["asked", "asking", "asks"]
    carry_out = verb("carry", "out")
    assert set(carry_out["forms"]) == {"carrying", "carries", "carried"}
    assert verb("be", "determined")["forms"] == ["is", "was", "are"]


def test_irregular_forms_are_inflections_not_verbs() -> None:
    assert "sped" in verb("speed")["forms"]
    assert not [v for v in verbs() if v["lemma"] == "sped"]


def test_uncoded_verbs_without_coded_patterns_are_dropped() -> None:
    # ALLEVIATE [---] has no patterns at all
    assert not [v for v in verbs() if v["lemma"] == "alleviate"]
    # ASK's synonym WONDER has no code of its own, but its block has coded patterns
    assert verb("wonder", block="ASK")["cameo"] is None


def test_ask_patterns_with_preposition_and_dropped_category() -> None:
    ask = verb("ask", block="ASK")
    assert (ask["cameo"], ask["plover"], ask["plover_via"]) == ("020", None, "02")
    patterns = block_of("ask", block="ASK")["patterns"]
    for_retrial = [{"prep": "for", "words": [["retrial"]]}]
    retrial = [p for p in patterns if p["preps"] == for_retrial]
    assert [p["cameo"] for p in retrial] == ["0213"]
    meeting = {p["cameo"]: p["plover"] for p in patterns if p["object"] == [["meeting"]]}
    assert meeting == {"026": None, "028": None, "036": "AGREE"}


def test_set_reference_in_real_pattern() -> None:
    # ARRANGE block: "- &AIRCRAFT * RAID  [195]  # STAGE"
    arrange = block_of("stage", block="ARRANGE")
    [raid] = [p for p in arrange["patterns"] if p["object"] == [["raid"]] and p["subject"]]
    assert raid["subject"] == [["&AIRCRAFT"]]
    assert (raid["cameo"], raid["plover"], raid["found_with"]) == ("195", "ASSAULT", "stage")
    assert len(sets()["AIRCRAFT"]) > 50


def test_verb_in_two_blocks_is_listed_in_each() -> None:
    # CARRY_OUT is a verb of two blocks; each block lists it once with its own patterns.
    found = [b for b in blocks() if any((v["lemma"], v["particle"]) == ("carry", "out")
                                        for v in b["verbs"])]  # fmt: skip
    assert len(found) == 2
    assert found[0]["patterns"] != found[1]["patterns"]


def test_brink_loader_reads_the_format() -> None:
    from brink.events.lexicon import load_lexicon

    lex = load_lexicon()
    assert lex.cameo_sets["AIRCRAFT"] and ("jumbo", "jet") in lex.cameo_sets["AIRCRAFT"]
    assert lex.slot_matches([["&AIRCRAFT"]], {"jumbo", "jet", "raid"})
    assert not lex.slot_matches([["&AIRCRAFT"]], {"tank", "raid"})
    assert "hack" in lex.cameo


@pytest.mark.parametrize(
    ("lemma", "block", "cameo", "counterpart", "swap", "plover"),
    [("visit", "VISIT", "042", "043", False, "CONSULT"),
     ("host", "HOST", "043", "042", False, "CONSULT"),
     ("offend", "OFFEND", "110", None, True, "ACCUSE")],
)  # fmt: skip
def test_directional_codes(lemma, block, cameo, counterpart, swap, plover) -> None:
    v = verb(lemma, block=block)
    assert (v["cameo"], v["cameo_counterpart"], v["swap_roles"], v["plover"]) == (
        cameo, counterpart, swap, plover,
    )  # fmt: skip


def test_readme_documents_files_and_licences() -> None:
    text = (LEXICON / "README.md").read_text(encoding="utf-8")
    for name in GENERATED:
        assert f"## {name}" in text
    assert "CC BY-SA 4.0" in text and "MIT" in text
    assert "python scripts/build_lexicon.py" in text
    for curated in ("verbs.tsv", "verb_objects.tsv", "verb_subjects.tsv", "nouns.tsv", "cues.tsv"):
        assert f"`{curated}`" in text and (LEXICON / curated).is_file()
