"""scripts/build_actor_kb.py on a small dictionary in TABARI format."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "brink" / "data" / "actors"
SHARED = ROOT.parent / "shared" / "dictionaries"

COUNTRIES = """\
# test dictionary
RUSSIAN_FEDERATION_  [RUS]
+RUSSIAN

IVAN_PETROV_  # CountryInfo.txt
+PRESIDENT_IVAN_PETROV_
+PETROV_
\t[RUSELI 700101-990809]
\t[RUSGOV 990809-080507]
\t[RUSGOV >120507]
\t[RUSELI]
OLD_MAN_  # CountryInfo.txt
\t[RUSGOV 910101-951231]
\t[RUSELI]
PYOTR_ROOT_
+PYOTR_VARIANT_
PYOTR_SECOND_ROOT_
\t[RUSGOVMIL 20040101-20091231]
# National Institutions
NATIONAL_GUARD_OF_TESTLAND
+NGT
\t[RUSMIL]
TESTLAND_MILITARY_  # CountryInfo.txt
\t[RUSMIL 20040101-20091231]
"""
AGENTS = """\
!PERSON! = MAN, MEN
FISHER!PERSON! [~AGR]
RIOT_POLICE {} [~COP]
LAWMAN {LAWMEN} [~COP]
BUDDHIST_MONK [~BUD]
"""
NONSTATE = """\
TESTLAND_LIBERATION_FRONT_(TLF)_ [RUSREB] # test
+TLF_FIGHTERS
REGIONAL_GROUP_ [MEAREB]
NATIONAL_CONGRESS_(SOUTH_AFRICA)_ [ZAFREB]
TIGERS_ [SWZREB]
"""


def _load_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_actor_kb",
                                                  ROOT / "scripts" / "build_actor_kb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_actor_kb"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def built(tmp_path: Path) -> Path:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    (src / "Phoenix.Countries.actors.txt").write_text(COUNTRIES, "utf-8")
    (src / "Phoenix.agents.txt").write_text(AGENTS, "utf-8")
    (src / "Phoenix.MilNonState.actors.txt").write_text(NONSTATE, "utf-8")
    shutil.copy(DATA / "countries.tsv", out / "countries.tsv")
    assert _load_script().main(["--source", str(src), "--out", str(out)]) == 0
    return out


def _rows(path: Path) -> list[list[str]]:
    lines = [x for x in path.read_text("utf-8").splitlines() if x and not x.startswith("#")]
    return [x.split("\t") for x in lines[1:]]


def test_people_rows(built: Path) -> None:
    rows = _rows(built / "people_phoenix.tsv")
    petrov = [r for r in rows if r[0] == "Ivan Petrov"]
    spans = sorted((r[3], r[5], r[6]) for r in petrov)
    # every role is kept whatever its date, the open role stays open, the default stays undated
    assert spans == [("ELI", "", ""), ("ELI", "1970-01-01", "1999-08-09"),
                     ("GOV", "1999-08-09", "2008-05-07"), ("GOV", "2012-05-07", "")]
    assert petrov[0][1] == "Petrov"  # the title-prefixed synonym is not an alias
    # people whose roles all ended before 2000 are kept, with their dated roles
    old = [(r[2], r[3], r[5], r[6]) for r in rows if r[0] == "Old Man"]
    assert sorted(old) == [("RUS", "ELI", "", ""), ("RUS", "GOV", "1991-01-01", "1995-12-31")]


def test_consecutive_roots_share_codes(built: Path) -> None:
    rows = _rows(built / "people_phoenix.tsv")
    pyotr = [r for r in rows if r[0] == "Pyotr Root"]
    assert [(r[2], r[3], r[5], r[6]) for r in pyotr] == [("RUS", "GOV", "2004-01-01", "2009-12-31")]
    assert set(pyotr[0][1].split("|")) == {"Pyotr Variant", "Pyotr Second Root"}


def test_orgs_rows(built: Path) -> None:
    rows = {r[0]: r for r in _rows(built / "orgs_phoenix.tsv")}
    assert rows["National Guard Of Testland"][2:4] == ["RUS", "MIL"]
    assert rows["Testland Liberation Front"][1].split("|")[0] == "TLF"
    assert "Regional Group" not in rows  # regional codes are not countries
    # a bracket naming a place is not an acronym ("South Africa" must not name the ANC)
    assert rows["National Congress"][1] == ""
    assert "Tigers" not in rows  # a common word is no usable name
    people = {r[0] for r in _rows(built / "people_phoenix.tsv")}
    assert "Testland Military" not in people  # an institution, not a person


def test_agent_rows(built: Path) -> None:
    rows = {r[0]: r[1] for r in _rows(built / "agents_phoenix.tsv")}
    assert rows["fisherman"] == "AGR" and rows["fishermen"] == "AGR"
    assert rows["riot police"] == "COP" and rows["lawmen"] == "COP"
    assert rows["buddhist monk"] == "REL"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/dictionaries is absent")
def test_generated_files_are_up_to_date(tmp_path: Path) -> None:
    shutil.copy(DATA / "countries.tsv", tmp_path / "countries.tsv")
    assert _load_script().main(["--source", str(SHARED), "--out", str(tmp_path)]) == 0
    for name in ("people_phoenix.tsv", "orgs_phoenix.tsv", "agents_phoenix.tsv"):
        assert (tmp_path / name).read_text("utf-8") == (DATA / name).read_text("utf-8"), name
