"""geoparse: the toponyms of a parsed document, resolved to gazetteer places.

Two steps: `brink.places.mentions` finds gazetteer names in the text with the evidence that each
is a place at all; `brink.places.resolve` picks one place per name from priors and the rest of
the story. This module joins them and returns `brink.records.Place` records with character
offsets into `doc.text`.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from brink.places.gazetteer import Gazetteer, load_gazetteer
from brink.places.mentions import View, find_in_view
from brink.places.resolve import resolve
from brink.records import Place


def geoparse(
    doc: Doc, context_countries: Iterable[str] = (), gazetteer: Gazetteer | None = None
) -> list[Place]:
    """Resolve the toponyms of `doc` to places, in text order.

    `context_countries` are ISO alpha-3 codes known to matter for this document (the countries of
    its actors, say); they tip ambiguous names towards places in those countries.
    """
    gaz = gazetteer or load_gazetteer()
    view = View(doc)
    mentions, demonyms = find_in_view(view, gaz)
    groups = resolve(mentions, gaz, context_countries, demonyms)
    text = view.text  # Doc.text joins every token on each access: read it once
    places = []
    for g in groups:
        e = g.chosen
        if e is None:
            continue
        for m in g.mentions:
            places.append(Place(
                text=text[m.cstart:m.cend], name=e.name, country=e.country, admin1=e.admin1,
                lat=e.lat, lon=e.lon, geonames_id=e.geonames_id, feature=e.feature,
                start=m.cstart, end=m.cend,
            ))
    places.sort(key=lambda p: p.start)
    return places
