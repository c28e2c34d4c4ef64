"""Cleaning: boilerplate lines go, prose stays, and the publication date is grounded."""

from __future__ import annotations

from datetime import date

import pytest

from brink.clean import clean_document, strip_boilerplate
from brink.errors import InputError
from brink.records import RawDocument


def clean_seed(seed: dict, published: str | None = "given"):
    raw = RawDocument(origin=seed["id"], id=seed["id"], text=seed["text"],
                      published=seed["published"] if published == "given" else published)
    return clean_document(raw)


def test_seed_000_loses_player_residue_caption_and_merch(seeds):
    doc = clean_seed(seeds["seed-000"])
    for furniture in ("Text Audio", "00:00", "Font Size", "mrc merch", "Getty Images"):
        assert furniture not in doc.text
    assert doc.title.startswith("Kremlin: Putin Reiterated Demand")
    assert "Tuesday’s virtual meeting with President Biden" in doc.text
    assert doc.text.rstrip().endswith("on Ukraine and NATO.")
    assert doc.published == date(2021, 12, 8) and doc.published_source == "given"


def test_seed_004_loses_syndication_footer(seeds):
    doc = clean_seed(seeds["seed-004"])
    for furniture in ("Source link", "Comments are closed", "SOUNDBITE OF MUSIC", "To learn more, visit"):
        assert furniture not in doc.text
    assert "the answer was yes" in doc.text


def test_publication_date_from_byline_when_not_given(seeds):
    doc = clean_seed(seeds["seed-000"], published=None)
    assert doc.published == date(2021, 12, 8) and doc.published_source == "text"


def test_no_date_anywhere_stays_unknown(seeds):
    doc = clean_seed(seeds["seed-004"], published=None)
    assert doc.published is None  # never today's date


def test_document_id_is_a_content_hash_when_not_given():
    a = clean_document(RawDocument(origin="x", text="Chad expelled the French ambassador."))
    b = clean_document(RawDocument(origin="y", text="Chad expelled the French ambassador.\n"))
    assert a.id == b.id and len(a.id) == 16


def test_html_goes_through_trafilatura_with_meta_date():
    html = """<html><head><title>Talks stall | Desk</title>
    <meta property="article:published_time" content="2022-01-10T08:00:00Z"></head>
    <body><nav>Home | World | Share on Facebook</nav><article><h1>Talks stall in Geneva</h1>
    <p>American and Russian negotiators met in Geneva on Monday for more than seven hours of talks
    on Ukraine and European security, officials from both delegations said.</p>
    <p>The Russian side repeated its demand that NATO halt its expansion, and the American side
    rejected it, a senior State Department official told reporters after the meeting ended.</p>
    </article><footer>Comments are closed.</footer></body></html>"""
    doc = clean_document(RawDocument(origin="page.html", html=html))
    assert "negotiators met in Geneva" in doc.text
    assert "Share on Facebook" not in doc.text and "Comments are closed" not in doc.text
    assert doc.published == date(2022, 1, 10) and doc.published_source == "metadata"


def test_html_without_article_text_is_an_error():
    with pytest.raises(InputError) as err:
        clean_document(RawDocument(origin="nav.html", html="<html><body><nav>Home</nav></body></html>"))
    assert err.value.code == "E008" and err.value.origin == "nav.html"


def test_truncated_html_still_yields_text_or_a_clear_error():
    html = "<html><body><article><p>Protesters marched through Tbilisi on Sunday demanding new elections, and"
    try:
        doc = clean_document(RawDocument(origin="cut.html", html=html))
    except InputError as exc:
        assert exc.code == "E008"
    else:
        assert "Tbilisi" in doc.text


def test_invalid_published_value_names_it():
    with pytest.raises(InputError) as err:
        clean_document(RawDocument(origin="f.jsonl:3", text="Text.", published="not a date at all"))
    assert err.value.code == "E011" and "not a date at all" in str(err.value)


def test_non_iso_published_value_is_parsed():
    doc = clean_document(RawDocument(origin="f", text="Text.", published="December 8, 2021"))
    assert doc.published == date(2021, 12, 8)


def test_single_copy_of_a_repeated_non_caption_line_is_kept():
    text = "Officials met in Doha.\nOfficials met in Doha.\nThey agreed to meet again."
    assert strip_boilerplate(text) == "Officials met in Doha.\nThey agreed to meet again."
