"""The knowledge base: data files, precedence, dated roles, and resolution rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from brink.actors import ActorResolver, KBError, KnowledgeBase
from brink.actors.kb import build_kb, read_tsv, singular

DATA = Path(__file__).resolve().parents[2] / "src" / "brink" / "data" / "actors"
SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "UAF", "PRM", "OPP", "PTY", "CVL",
           "ELI", "MED", "HLH", "EDU", "BUS", "CRM", "REF", "AGR", "LAB", "REL", "NGO", "IGO"}


def test_coverage(kb: KnowledgeBase) -> None:
    stats = kb.stats()
    assert stats["countries"] >= 245
    assert stats["igos"] >= 60
    assert stats["people"] >= 15000
    assert len(kb.agents) >= 3000


def test_country_codes_are_unique_alpha3() -> None:
    codes = [row["code"] for _, row in read_tsv(DATA / "countries.tsv")]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 3 and c.isupper() for c in codes)


@pytest.mark.parametrize("name", ["orgs.tsv", "igos.tsv", "seats.tsv", "agents.tsv"])
def test_sectors_are_known(name: str) -> None:
    rows = [row for _, row in read_tsv(DATA / name)]
    assert rows
    assert {row["sector"] for row in rows} <= SECTORS


def test_hand_rows_name_known_countries(kb: KnowledgeBase) -> None:
    # "-": an organisation of no country (an international NGO such as Amnesty International)
    codes = set(kb.countries) | {e.country for e in kb.igos.values()} | {"-"}
    for name in ("orgs.tsv", "seats.tsv"):
        for line, row in read_tsv(DATA / name):
            assert row["country"] in codes, f"{name}:{line}"


@pytest.mark.parametrize(
    ("text", "kind"),
    [("WHO", "igo"), ("US", "country"), ("U.S.", "country"), ("IS", "group")],
)
def test_short_acronyms_need_capitals(resolver: ActorResolver, text: str, kind: str) -> None:
    assert resolver.resolve(text, date(2020, 5, 1)).kind == kind
    assert not resolver.resolve(text.lower(), date(2020, 5, 1)).resolved


@pytest.mark.parametrize(
    ("day", "sector"),
    [("2010-06-01", "REB"), ("2021-08-14", "REB"), ("2021-08-15", "GOV"), ("2024-01-01", "GOV")],
)
def test_group_sector_changes_on_a_date(resolver: ActorResolver, day: str, sector: str) -> None:
    res = resolver.resolve("the Taliban", date.fromisoformat(day))
    assert (res.country, res.sector, res.kind) == ("AFG", sector, "group")


@pytest.mark.parametrize(
    ("day", "country", "sector"),
    [("2012-03-01", "NOR", "GOV"), ("2016-03-01", "NATO", "IGO"), ("2024-12-01", "NOR", "CVL")],
)
def test_person_roles_follow_the_date(resolver: ActorResolver, day: str, country: str,
                                      sector: str) -> None:
    res = resolver.resolve("Jens Stoltenberg", date.fromisoformat(day))
    assert (res.country, res.sector) == (country, sector)


@pytest.mark.parametrize("text", ["former President Nazarbayev", "ex-President Nazarbayev",
                                  "Kazakhstan's former president Nursultan Nazarbayev"])
def test_former_is_not_in_office(resolver: ActorResolver, text: str) -> None:
    res = resolver.resolve(text, date(2022, 1, 6))
    assert (res.country, res.sector) == ("KAZ", "ELI")


def test_former_title_on_a_date_the_role_was_held(resolver: ActorResolver) -> None:
    # "former" is the text's claim: it wins over the knowledge base
    res = resolver.resolve("former President Nazarbayev", date(2010, 1, 1))
    assert res.sector == "ELI"


@pytest.mark.parametrize(
    ("text", "name"),
    [("Volodymyr Zelenskiy", "Volodymyr Zelensky"), ("Volodimir Zelenskyi", "Volodymyr Zelensky"),
     ("Aleksandr Lukashenka", "Alexander Lukashenko"), ("Recep Tayip Erdogan", None)],
)
def test_spelling_variants(resolver: ActorResolver, text: str, name: str | None) -> None:
    res = resolver.resolve(text, date(2022, 3, 1))
    if name is None:  # a second misspelt name part is still found by fuzzy matching
        assert res.country == "TUR"
    else:
        assert res.name == name


def test_unknown_name_with_title(resolver: ActorResolver) -> None:
    res = resolver.resolve("Armenian Prime Minister Vardan Zorikyants", date(2020, 10, 1))
    assert (res.name, res.country, res.sector, res.kind) == (
        "Vardan Zorikyants", "ARM", "GOV", "person")


def test_unknown_name_alone_is_unresolved(resolver: ActorResolver) -> None:
    res = resolver.resolve("Vardan Zorikyants", date(2020, 10, 1))
    assert res.country is None and res.score < 0.5


def test_surname_picks_the_office_holder_of_the_day(resolver: ActorResolver) -> None:
    assert resolver.resolve("Johnson", date(2020, 4, 6)).country == "GBR"
    assert resolver.resolve("Johnson", date(2024, 4, 20)).country == "USA"


def test_members_of_a_coordination(resolver: ActorResolver) -> None:
    res = resolver.resolve("Russia, China and Iran", date(2023, 1, 1))
    assert [m.country for m in res.members] == ["RUS", "CHN", "IRN"]
    assert res.kind == "group" and res.country is None


def test_nothing_to_resolve(resolver: ActorResolver) -> None:
    res = resolver.resolve("the weather", date(2023, 1, 1))
    assert not res.resolved and res.score == 0.0


@pytest.mark.parametrize(("word", "single"), [("ministries", "ministry"), ("bases", "base"),
                                              ("policemen", "policeman"), ("news", "news"),
                                              ("armies", "army")])
def test_singular(word: str, single: str) -> None:
    assert singular(word) == single


def test_curated_people_override_generated(tmp_path: Path) -> None:
    (tmp_path / "people").mkdir()
    for name in ("countries.tsv", "regions.tsv", "igos.tsv", "seats.tsv", "orgs.tsv",
                 "agents.tsv", "words.tsv", "ambiguous.tsv"):
        (tmp_path / name).write_text((DATA / name).read_text("utf-8"), "utf-8")
    header = "name\taliases\tcountry\tsector\trole\tstart\tend\tsource\n"
    (tmp_path / "people_phoenix.tsv").write_text(
        header + "Ann Example\tExample\tFRA\tGOV\t\t2001-01-01\t\tgenerated\n", "utf-8")
    (tmp_path / "people" / "x.tsv").write_text(
        header + "Ann Example\t\tBEL\tJUD\tjudge\t2001-01-01\t\tcurated\n", "utf-8")
    kb = build_kb(tmp_path)
    res = ActorResolver(kb).resolve("Example", date(2010, 1, 1))
    assert (res.country, res.sector) == ("BEL", "JUD")
    assert len([p for p in kb.people if p.name == "Ann Example"]) == 1


def test_malformed_people_file_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\taliases\tcountry\tsector\trole\tstart\tend\tsource\n"
                   "Ann Example\t\tBEL\tGOV\tminister\t2001-13-01\t\tx\n", "utf-8")
    with pytest.raises(KBError, match=r"bad.tsv:2: bad date '2001-13-01'"):
        build_kb(extra_people=[bad])
