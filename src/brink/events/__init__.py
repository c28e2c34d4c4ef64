"""The events stage: PLOVER event coding over parsed documents."""

from brink.events.coder import code_document
from brink.events.lexicon import load_lexicon

__all__ = ["code_document", "load_lexicon"]
