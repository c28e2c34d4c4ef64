"""Regenerate brink's generated actor files from the PETRARCH2/Phoenix dictionaries (MIT).

    python scripts/build_actor_kb.py [--source DIR] [--out DIR]

Reads (from --source, default ../shared/dictionaries next to the repository, or
/work/shared/dictionaries):
    Phoenix.Countries.actors.txt      -> people_phoenix.tsv, orgs_phoenix.tsv
    Phoenix.International.actors.txt  -> IGO officials added to people_phoenix.tsv
    Phoenix.MilNonState.actors.txt    -> non-state groups added to orgs_phoenix.tsv
    Phoenix.agents.txt                -> agents_phoenix.tsv
and writes them into src/brink/data/actors/ (or --out). The generated files are committed, so
brink never reads the dictionaries at run time. Hand-curated files (countries.tsv, igos.tsv,
seats.tsv, orgs.tsv, agents.tsv, people/*.tsv) are never touched.

TABARI actor format, as read here: a root line `NAME_ [CODE ...] # comment`, synonyms on `+NAME`
lines, and codes on indented `[CODE date]` lines; consecutive roots without codes share the codes
that follow. Codes are a 3-letter country followed by 3-letter sector elements (RUSGOVMIL);
dates are
YYMMDD or YYYYMMDD, as `D1-D2`, `>D1` (from) or `<D2` (until).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_DEFAULT = REPO / "src" / "brink" / "data" / "actors"
SOURCE_CANDIDATES = [REPO.parent / "shared" / "dictionaries", Path("/work/shared/dictionaries")]
PEOPLE_HEADER = "name\taliases\tcountry\tsector\trole\tstart\tend\tsource"
# Two-digit years up to this value are 20YY (the dictionaries were last revised in 2014).
PIVOT_YY = 15

SECTORS = {
    "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "UAF", "OPP", "PTY", "CVL", "MED", "EDU",
    "BUS", "CRM", "REF", "AGR", "HLH", "ELI", "LAB", "REL", "NGO", "IGO", "PRM",
}
# CAMEO sector elements folded onto the set brink uses (religions -> REL, ...).
SECTOR_MAP = {
    "MUS": "REL", "CHR": "REL", "JEW": "REL", "HIN": "REL", "BUD": "REL", "SHI": "REL",
    "SUN": "REL", "CTH": "REL", "RAD": "REL", "HRI": "NGO", "ENV": "NGO", "PPL": "CVL",
    "MNC": "BUS", "DEV": "GOV", "INS": "REB", "SEP": "REB", "JRN": "MED",
}
# Phoenix country codes that differ from brink's (Kosovo has no ISO code; GeoNames uses XKX).
COUNTRY_MAP = {"KSV": "XKX", "KOS": "XKX", "SRP": "SRB", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
# Phoenix IGO codes -> brink's readable IGO codes (only those that name a real organisation).
IGO_MAP = [
    ("IGOUNOHLHWHO", "WHO"), ("IGOUNOIAE", "IAEA"), ("IGOUNODEVWBK", "WB"), ("IGOUNOWBK", "WB"),
    ("IGOBUSIMF", "IMF"), ("IGOUNOJUDICJ", "UN"), ("IGOUNO", "UN"), ("IGOEUR", "EU"),
    ("IGOWSTNAT", "NATO"), ("IGOSEAASN", "ASEAN"), ("IGOAFRAFU", "AU"), ("IGOAFROAU", "AU"),
    ("IGOOAS", "OAS"), ("IGOMEAARL", "ARABLEAGUE"), ("IGOJUDICC", "ICC"), ("IGOWAFWAS", "ECOWAS"),
    ("IGOBUSOPC", "OPEC"), ("IGOBUSWTO", "WTO"), ("IGOEURDEVEBR", "EBRD"), ("IGOASADEVADB", "ADB"),
    ("IGOMOSOIC", "OIC"), ("IGOCASCIS", "CIS"),
]
# Words that make a root an organisation rather than a person.
ORG_WORDS = set("""
ARMY ARMIES FORCE FORCES PARTY MINISTRY MINISTRIES COUNCIL COMMITTEE CONGRESS ASSEMBLY PARLIAMENT
COURT POLICE AGENCY SERVICE SERVICES GUARD GUARDS FRONT MOVEMENT UNION DIRECTORATE BUREAU OFFICE
DEPARTMENT COMMISSION BANK COMPANY CORPORATION ORGANIZATION ORGANISATION GROUP BRIGADE BRIGADES
NETWORK LEAGUE SENATE CABINET GOVERNMENT REGIME COMMAND NAVY AIR ALLIANCE COALITION ASSOCIATION
AUTHORITY INSTITUTE INSTITUTION FEDERATION SOCIETY FOUNDATION CENTER CENTRE NEWS AGENCY TRIBUNAL
JUDICIARY LEGISLATURE CHAMBER DUMA SABHA KHURAL MAJLIS BATTALION REGIMENT CORPS UNIT UNITS FLEET
COMMUNITY COUNCILS GOVERNORATE ADMINISTRATION PRESIDENCY MILITIA MILITIAS REBELS INSURGENTS
MILITARY UNIVERSITY RESERVE
SECURITY INTELLIGENCE CONSTABULARY GENDARMERIE PROSECUTOR COMMANDOS TROOPS BLOC CARTEL GANG
""".split())
# Words that make a root a bare title ("KOSOVAR_PRIME_MINISTER"); titles are handled by agents.tsv.
TITLE_WORDS = set("""
PRESIDENT PRIME MINISTER SECRETARY DIRECTOR SPOKESMAN SPOKESWOMAN SPOKESPERSON CHIEF AMBASSADOR
GOVERNOR COMMANDER CHAIRMAN CHAIRWOMAN CHANCELLOR PREMIER LEADER OFFICIAL OFFICIALS ENVOY MAYOR
SPEAKER DEPUTY ADVISER ADVISOR HEAD ATTORNEY REPRESENTATIVE
""".split())
# Alias words that show an alias is a title phrase rather than a name variant.
ALIAS_STOP = TITLE_WORDS | set("""
MR MR. MRS MRS. MS MS. DR DR. GEN GEN. GENERAL SENATOR SEN. KING QUEEN PRINCE FORMER EX
US U.S. AMERICAN RUSSIAN BRITISH FRENCH CHINESE GERMAN REFORMER OF THE VICE
""".split())


@dataclass
class Block:
    """One dictionary entry: a root name, its synonyms and its codes."""

    names: list[str]
    codes: list[str] = field(default_factory=list)
    from_countryinfo: bool = False


@dataclass(frozen=True)
class Code:
    country: str
    sector: str | None
    start: date | None
    end: date | None


def read_blocks(path: Path) -> list[Block]:
    """Parse a TABARI `.actors` file into blocks."""
    blocks: list[Block] = []
    cur: Block | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if cur is not None:
                # a few synonyms carry inline codes too ("+ISLAMIC_ARMY_(IAA)_ [YEMREB]")
                name, codes = _split_codes(line[1:])
                cur.names.extend(n for n in re.split(r"\s*\+", name) if n)
                cur.codes.extend(codes)
            continue
        if line[0] in " \t[":
            if cur is not None:
                cur.codes.extend(re.findall(r"\[([^\]]*)\]", line))
            continue
        name, codes = _split_codes(line)
        if cur is not None and not cur.codes:
            # consecutive roots without codes are one entry (see module docstring)
            cur.names.append(name)
            cur.codes.extend(codes)
            cur.from_countryinfo |= "CountryInfo" in raw
            continue
        cur = Block(names=[name], codes=list(codes), from_countryinfo="CountryInfo" in raw)
        blocks.append(cur)
    return blocks


def _split_codes(text: str) -> tuple[str, list[str]]:
    codes = re.findall(r"\[([^\]]*)\]", text)
    name = text.split("[", 1)[0].strip()
    return name, codes


def parse_date(text: str) -> date | None:
    text = text.strip()
    try:
        if len(text) == 8:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 6:
            yy = int(text[:2])
            year = 2000 + yy if yy <= PIVOT_YY else 1900 + yy
            return date(year, int(text[2:4]), int(text[4:]))
    except ValueError:
        return None
    return None


def parse_code(code: str, igo: bool = False) -> Code | None:
    """`RUSGOV 991231-080507` -> Code(RUS, GOV, 1999-12-31, 2008-05-07); None if unusable."""
    parts = code.split()
    if not parts:
        return None
    body = parts[0].lstrip("~")
    start = end = None
    if len(parts) > 1:
        span = parts[1]
        if span.startswith(">"):
            start = parse_date(span[1:])
            if start is None:
                return None
        elif span.startswith("<"):
            end = parse_date(span[1:])
            if end is None:
                return None
        elif "-" in span:
            a, b = span.split("-", 1)
            start, end = parse_date(a), parse_date(b)
            if start is None or end is None:
                return None
        else:
            return None
    if body.startswith("IGO"):
        if not igo:
            return None
        for prefix, igo_code in IGO_MAP:
            if body.startswith(prefix):
                return Code(igo_code, "IGO", start, end)
        return None
    if not re.fullmatch(r"[A-Z]{3,}", body) or len(body) % 3:
        return None
    country, rest = body[:3], [body[i : i + 3] for i in range(3, len(body), 3)]
    country = COUNTRY_MAP.get(country, country)
    if country in {"USR", "SUN", "IMG", "INT", "MNC", "NGO", "---"}:
        return None
    sector = None
    for element in rest:
        element = SECTOR_MAP.get(element, element)
        if element in SECTORS:
            sector = element
            break
    return Code(country, sector, start, end)


def pretty(name: str) -> str:
    """`VLADIMIR_V._PUTIN_` -> `Vladimir V. Putin` (dictionary roots are upper case)."""
    words = name.replace("_", " ").split()
    out = []
    for w in words:
        low = w.lower()
        if low in {"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le", "du"}:
            out.append(low)
            continue
        t = "-".join(p[:1].upper() + p[1:] for p in low.split("-"))
        if t.startswith("Mc") and len(t) > 2:
            t = "Mc" + t[2].upper() + t[3:]
        if t.startswith("O'") and len(t) > 2:
            t = "O'" + t[2].upper() + t[3:]
        out.append(t)
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def _words(name: str) -> list[str]:
    return re.split(r"[\s_-]+", name.upper().strip("_ "))


def strip_titles(name: str) -> str:
    """`SECRETARY-GENERAL_BAN_KI-MOON` -> `BAN_KI-MOON` (roots sometimes carry a title)."""
    parts = re.split(r"(?<=[_ ])", name.strip("_ ") + "_")
    while len(parts) > 2 and all(w in ALIAS_STOP for w in _words(parts[0]) if w):
        parts = parts[1:]
    return "".join(parts).strip("_ ")


def clean_aliases(names: Iterable[str], canonical: str) -> list[str]:
    seen = {canonical.lower()}
    out = []
    for n in names:
        words = _words(n)
        if not words or any(w in ALIAS_STOP for w in words):
            continue
        p = pretty(n)
        if p.lower() not in seen and len(p) > 2:
            seen.add(p.lower())
            out.append(p)
    return out


def classify(block: Block, codes: list[Code]) -> str:
    """'person', 'org' or 'skip'."""
    words = block.names[0].replace("_", " ").upper().split()
    dated = any(c.start or c.end for c in codes)
    if any(w.strip("(),") in ORG_WORDS for w in words):
        return "org"
    if any(w in TITLE_WORDS for w in words):
        return "skip"
    if dated or block.from_countryinfo:
        return "person"
    return "org" if len(words) == 1 else "person"


def person_rows(
    block: Block, codes: list[Code], source: str, valid: set[str]
) -> Iterator[str]:
    name = pretty(strip_titles(block.names[0]))
    aliases = "|".join(clean_aliases(block.names[1:], name))
    seen = set()
    for c in codes:
        if c.sector is None or c.country not in valid:
            continue
        key = (c.country, c.sector, c.start, c.end)
        if key in seen:
            continue
        seen.add(key)
        start = c.start.isoformat() if c.start else ""
        end = c.end.isoformat() if c.end else ""
        yield "\t".join([name, aliases, c.country, c.sector, "", start, end, source])


def org_rows(block: Block, codes: list[Code], source: str, valid: set[str]) -> Iterator[str]:
    # "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" -> name without the bracket, bracket as an alias
    names = []
    for n in block.names:
        m = re.fullmatch(r"(.*?)_*\(([^)]*)\)_*", n.strip())
        if m and not re.fullmatch(r"[A-Z0-9./&-]{2,12}", m.group(2)):
            names.append(m.group(1))  # "(SOUTH_AFRICA)" says where, it is not an acronym
            continue
        names.extend([m.group(1), m.group(2).upper()] if m else [n])
    name = pretty(names[0])
    if name.lower() in GENERIC_ONE_WORD:
        return  # "TIGERS_ [SWZREB]": a common word, not a usable name
    aliases = "|".join(clean_org_aliases(names[1:], name))
    seen = set()
    for c in codes:
        if c.sector is None or c.start or c.end or (c.country, c.sector) in seen:
            continue
        if c.country not in valid:
            continue
        seen.add((c.country, c.sector))
        yield "\t".join([name, aliases, c.country, c.sector, "organisation", "", "", source])


def clean_org_aliases(names: Iterable[str], canonical: str) -> list[str]:
    out, seen = [], {canonical.lower()}
    for n in names:
        p = pretty(n)
        words = p.split()
        # drop one-word generic aliases ("Organization") and person names listed as synonyms
        if len(words) == 1 and (p.upper() == p or p.lower() in GENERIC_ONE_WORD):
            if not re.fullmatch(r"[A-Z][A-Z0-9.&/-]{1,9}", n.strip("_")):
                continue
        if p.lower() in seen or len(p) < 2:
            continue
        seen.add(p.lower())
        out.append(n.strip("_") if re.fullmatch(r"[A-Z0-9.&/-]{2,10}", n.strip("_")) else p)
    return out


GENERIC_ONE_WORD = {"organization", "organisation", "revolution", "resistance", "army", "front",
                    "tigers"}


def valid_countries(out: Path) -> set[str]:
    """ISO codes from the hand-written countries.tsv plus brink's IGO codes."""
    codes = {igo for _, igo in IGO_MAP}
    path = out / "countries.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            codes.add(line.split("\t", 1)[0])
    return codes


def build_people_and_orgs(src: Path, valid: set[str]) -> tuple[list[str], list[str]]:
    people: list[str] = []
    orgs: list[str] = []
    countries = read_blocks(src / "Phoenix.Countries.actors.txt")
    for block in countries:
        codes = [c for c in (parse_code(x) for x in block.codes) if c]
        if not codes:
            continue
        kind = classify(block, codes)
        if kind == "person":
            people.extend(person_rows(block, codes, "Phoenix.Countries 2014", valid))
        elif kind == "org":
            orgs.extend(org_rows(block, codes, "Phoenix.Countries 2014", valid))
    intl = src / "Phoenix.International.actors.txt"
    if intl.exists():
        for block in read_blocks(intl):
            codes = [c for c in (parse_code(x, igo=True) for x in block.codes) if c]
            dated = any(c.start or c.end for c in codes)
            if codes and dated and classify(block, codes) == "person":
                people.extend(person_rows(block, codes, "Phoenix.International 2014", valid))
    nonstate = src / "Phoenix.MilNonState.actors.txt"
    if nonstate.exists():
        for block in read_blocks(nonstate):
            codes = [c for c in (parse_code(x) for x in block.codes) if c]
            if codes and classify(block, codes) != "skip":
                orgs.extend(org_rows(block, codes, "Phoenix.MilNonState 2013", valid))
    return people, orgs


def merge_people(rows: list[str]) -> list[str]:
    """Give rows of the same person (same name up to case and hyphens) one name and alias list."""
    groups: dict[str, list[list[str]]] = {}
    for row in rows:
        f = row.split("\t")
        groups.setdefault(re.sub(r"[\s-]+", " ", f[0].lower()), []).append(f)
    out = []
    for fields in groups.values():
        name = fields[0][0]
        aliases: list[str] = []
        for f in fields:
            for a in [f[0], *f[1].split("|")]:
                if a and a.lower() != name.lower() and a not in aliases:
                    aliases.append(a)
        for f in fields:
            out.append("\t".join([name, "|".join(aliases), *f[2:]]))
    return out


def build_agents(src: Path) -> list[str]:
    """Phoenix.agents.txt -> `phrase<TAB>sector<TAB>flags` rows (lower case, `_` -> space)."""
    text = (src / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace")
    macros: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.fullmatch(r"(.+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3)
        sector = None
        for element in (code[i : i + 3] for i in range(0, len(code), 3)):
            element = SECTOR_MAP.get(element, element)
            if element in SECTORS:
                sector = element
                break
        if sector is None:
            continue
        forms = [phrase]
        if plural and plural.strip("{} "):
            forms.append(plural.strip("{} "))
        for form in forms:
            for expanded in _expand_macros(form, macros):
                key = re.sub(r"\s+", " ", expanded.replace("_", " ")).strip().lower()
                if key and key not in rows:
                    rows[key] = sector
    return [f"{k}\t{v}\t" for k, v in sorted(rows.items())]


def _expand_macros(form: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Z]+!", form)
    if not m or m.group(0) not in macros:
        return [form]
    out = []
    for word in macros[m.group(0)]:
        out.extend(_expand_macros(form[: m.start()] + word + form[m.end() :], macros))
    return out


def write_tsv(path: Path, header: str, comment: str, rows: list[str]) -> None:
    lines = [f"# {c}" if c else "#" for c in comment.strip().splitlines()]
    body = sorted(set(rows), key=lambda r: (r.split("\t", 1)[0].lower(), r))
    path.write_text("\n".join([*lines, header, *body]) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(body)} rows)")


CREDIT = """Generated by scripts/build_actor_kb.py from the PETRARCH2 Phoenix dictionaries
(Open Event Data Alliance, MIT licence; CountryInfo funded by NSF SES-1004414, SES-1259190).
Do not edit: edit the hand-curated files, which override this one, or rerun the script."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="folder with the Phoenix dictionaries")
    parser.add_argument("--out", type=Path, default=OUT_DEFAULT, help="output folder")
    args = parser.parse_args(argv)
    src = args.source or next((p for p in SOURCE_CANDIDATES if p.is_dir()), None)
    if src is None or not (src / "Phoenix.Countries.actors.txt").exists():
        print("error: Phoenix dictionaries not found; pass --source DIR", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    people, orgs = build_people_and_orgs(src, valid_countries(args.out))
    people = merge_people(people)
    write_tsv(
        args.out / "people_phoenix.tsv",
        PEOPLE_HEADER,
        CREDIT + "\nOne row per (person, role period), any date; role text is not in the source."
        "\nOpen-ended roles (end empty) were open when the source was revised (2014).",
        people,
    )
    write_tsv(args.out / "orgs_phoenix.tsv", PEOPLE_HEADER, CREDIT, orgs)
    write_tsv(args.out / "agents_phoenix.tsv", "phrase\tsector\tflags", CREDIT, build_agents(src))
    return 0


if __name__ == "__main__":
    sys.exit(main())
