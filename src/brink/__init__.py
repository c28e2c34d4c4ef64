"""brink: news to evidence-backed PLOVER event records."""

__version__ = "0.1.0"
