"""Within-document resolution: scan() then resolve_span() on real-style news text."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc
from spans import span_of

from brink.actors import ActorResolver, DocActors
from brink.nlp import parse

WHEN = date(2021, 12, 8)



def _scan(resolver: ActorResolver, text: str, when: date = WHEN) -> tuple[Doc, DocActors]:
    doc = parse(text)
    return doc, resolver.scan(doc, when)


def test_surname_after_full_name(resolver: ActorResolver) -> None:
    doc, actors = _scan(resolver, "National Security Advisor Jake Sullivan briefed reporters on "
                                  "Tuesday. Sullivan said the call lasted two hours.")
    res = resolver.resolve_span(span_of(doc, "Sullivan", 1), WHEN, actors)
    assert (res.name, res.country, res.sector) == ("Jake Sullivan", "USA", "GOV")


def test_unknown_name_learnt_from_title(resolver: ActorResolver) -> None:
    doc, actors = _scan(resolver, "Armenian Prime Minister Vardan Zorikyants arrived in Moscow. "
                                  "Zorikyants told reporters he wanted peace.")
    res = resolver.resolve_span(span_of(doc, "Zorikyants", 1), WHEN, actors)
    assert (res.country, res.sector, res.kind) == ("ARM", "GOV", "person")


def test_title_from_apposition(resolver: ActorResolver) -> None:
    doc, actors = _scan(resolver, "Vardan Zorikyants, Armenia's foreign minister, met his Iranian "
                                  "counterpart. Zorikyants said the talks went well.")
    res = resolver.resolve_span(span_of(doc, "Zorikyants", 1), WHEN, actors)
    assert (res.country, res.sector) == ("ARM", "GOV")


def test_the_russian_leader(resolver: ActorResolver) -> None:
    text = ("Russian President Vladimir Putin spoke with President Biden. "
            "The Russian leader warned against NATO expansion.")
    doc, actors = _scan(resolver, text)
    res = resolver.resolve_span(span_of(doc, "The Russian leader"), WHEN, actors)
    assert (res.name, res.country, res.sector) == ("Vladimir Putin", "RUS", "GOV")


def test_the_alliance_after_nato(resolver: ActorResolver) -> None:
    doc, actors = _scan(resolver, "Ukraine hopes to join NATO. The alliance said its door "
                                  "remains open.")
    res = resolver.resolve_span(span_of(doc, "The alliance"), WHEN, actors)
    assert (res.country, res.sector) == ("NATO", "IGO")


def test_the_bloc_after_eu(resolver: ActorResolver) -> None:
    doc, actors = _scan(resolver, "The European Union imposed new sanctions on Belarus on Monday. "
                                  "The bloc said more would follow.")
    res = resolver.resolve_span(span_of(doc, "The bloc"), WHEN, actors)
    assert res.country == "EU"


def test_the_two_leaders(resolver: ActorResolver) -> None:
    doc, actors = _scan(resolver, "President Joe Biden and Russian President Vladimir Putin spoke "
                                  "for two hours on Tuesday. The two leaders agreed to keep "
                                  "talking.")
    res = resolver.resolve_span(span_of(doc, "The two leaders"), WHEN, actors)
    assert res.kind == "group"
    assert sorted(m.country for m in res.members) == ["RUS", "USA"]
    assert res.sector == "GOV"


def test_both_sides(resolver: ActorResolver) -> None:
    doc, actors = _scan(resolver, "Armenia accused Azerbaijan of shelling border villages. Both "
                                  "sides reported casualties.", date(2022, 9, 13))
    res = resolver.resolve_span(span_of(doc, "Both sides"), date(2022, 9, 13), actors)
    assert sorted(m.country for m in res.members) == ["ARM", "AZE"]


@pytest.mark.parametrize(
    ("text", "pronoun", "country", "sector"),
    [
        ("Russian President Vladimir Putin met Chinese President Xi Jinping on Friday. "
         "He said relations were at their best.", "He", "RUS", "GOV"),
        ("Turkish President Recep Tayyip Erdogan called Ukrainian President Volodymyr Zelensky. "
         "He offered to host talks.", "He", "TUR", "GOV"),
        ("NATO held an emergency meeting in Brussels. It said Russia must withdraw.", "It", "NATO",
         "IGO"),
        ("Russian forces shelled the city overnight. They also struck a power plant.", "They",
         "RUS", "MIL"),
        ("Hamas fired rockets at southern Israel. It said the attack was retaliation.", "It", "PSE",
         "REB"),
        ("Kenyan police fired tear gas at protesters in Nairobi. They said the march was illegal.",
         "They", "KEN", "COP"),
    ],
)
def test_pronoun_subjects(resolver: ActorResolver, text: str, pronoun: str, country: str,
                          sector: str) -> None:
    doc, actors = _scan(resolver, text, date(2022, 5, 1))
    tok = next(t for t in doc if t.text == pronoun and t.i > 0)
    res = resolver.resolve_span(doc[tok.i : tok.i + 1], date(2022, 5, 1), actors)
    assert res.kind == "pronoun"
    assert (res.country, res.sector) == (country, sector)


def test_georgia_the_us_state(resolver: ActorResolver) -> None:
    text = ("ATLANTA (AP) - Georgia Gov. Brian Kemp signed the bill on Thursday. "
            "Georgia will now require voter ID for absentee ballots.")
    doc, actors = _scan(resolver, text, date(2021, 3, 25))
    res = resolver.resolve_span(span_of(doc, "Georgia", 1), date(2021, 3, 25), actors)
    assert res.country == "USA"


def test_georgia_the_country(resolver: ActorResolver) -> None:
    text = ("TBILISI - Georgian officials accused Moscow of moving troops into South Ossetia. "
            "Georgia said it would appeal to the United Nations.")
    doc, actors = _scan(resolver, text, date(2008, 8, 8))
    res = resolver.resolve_span(span_of(doc, "Georgia", 0), date(2008, 8, 8), actors)
    assert res.country == "GEO"


def test_coordinated_subject(resolver: ActorResolver) -> None:
    doc, actors = _scan(resolver, "Biden and Putin agreed to instruct their representatives.")
    res = resolver.resolve_span(span_of(doc, "Biden and Putin"), WHEN, actors)
    assert [(m.country, m.sector) for m in res.members] == [("USA", "GOV"), ("RUS", "GOV")]


def test_seed_report(resolver: ActorResolver, seeds: dict[str, dict]) -> None:
    """The December 2021 Biden-Putin call report: the actors its sentences are about."""
    seed = seeds["seed-000"]
    when = date.fromisoformat(seed["published"])
    doc, actors = _scan(resolver, seed["text"], when)
    expect = [
        ("Russian President Vladimir Putin", 0, "RUS", "GOV"),
        ("the two leaders", 0, None, "GOV"),
        ("Kremlin spokesperson Dmitry Peskov", 0, "RUS", "GOV"),
        ("Sullivan", 1, "USA", "GOV"),
        ("Senior Russian officials", 0, "RUS", "GOV"),
        ("the transatlantic alliance", 0, "NATO", "IGO"),
    ]
    for text, nth, country, sector in expect:
        res = resolver.resolve_span(span_of(doc, text, nth), when, actors)
        assert (res.country, res.sector) == (country, sector), text


def test_scan_records_mentions_in_order(resolver: ActorResolver) -> None:
    doc, actors = _scan(resolver, "The Kremlin said Putin would call Biden. Washington confirmed.")
    starts = [m.start for m in actors.mentions]
    assert starts == sorted(starts)
    assert {m.resolution.country for m in actors.mentions} >= {"RUS", "USA"}


def test_the_government_is_the_country_in_focus(resolver: ActorResolver) -> None:
    text = ("Somali forces killed 50 militants in airstrikes near Beledweyne, Somalia's "
            "information ministry said. The government said the operation would continue.")
    doc, actors = _scan(resolver, text, date(2025, 3, 12))
    res = resolver.resolve_span(span_of(doc, "The government"), date(2025, 3, 12), actors)
    assert (res.country, res.sector) == ("SOM", "GOV")


def test_the_countrys_army(resolver: ActorResolver) -> None:
    text = "Sudan's generals met in Khartoum. The country's army said it had retaken the airport."
    doc, actors = _scan(resolver, text, date(2023, 5, 1))
    res = resolver.resolve_span(span_of(doc, "The country's army"), date(2023, 5, 1), actors)
    assert (res.country, res.sector) == ("SDN", "MIL")


def test_the_officials_after_named_officials(resolver: ActorResolver) -> None:
    text = ("Iraqi officials said the raid killed a senior commander. The officials spoke on "
            "condition of anonymity.")
    doc, actors = _scan(resolver, text, date(2025, 3, 14))
    res = resolver.resolve_span(span_of(doc, "The officials"), date(2025, 3, 14), actors)
    assert (res.country, res.sector) == ("IRQ", "GOV")


def test_misspelt_repeat_of_a_name(resolver: ActorResolver) -> None:
    text = ("U.N. special envoy Geir Pedersen briefed the council. Pederson said the transition "
            "must be inclusive.")
    doc, actors = _scan(resolver, text, date(2025, 3, 14))
    res = resolver.resolve_span(span_of(doc, "Pederson"), date(2025, 3, 14), actors)
    assert (res.country, res.sector) == ("UN", "IGO")


def test_capitalised_common_word_is_not_a_person(resolver: ActorResolver) -> None:
    doc, actors = _scan(resolver, "Legal experts say the draft is vague.", date(2025, 3, 14))
    res = resolver.resolve_span(span_of(doc, "Legal experts"), date(2025, 3, 14), actors)
    assert res.kind != "person"
