"""The actors stage: who an actor phrase names, with its country and sector on a date.

    from brink.actors import load_kb, ActorResolver
    resolver = ActorResolver(load_kb())
    resolver.resolve("Russian President Vladimir Putin", date(2021, 12, 7))
    # Resolution(name='Vladimir Putin', country='RUS', sector='GOV', kind='person', ...)

The knowledge base is data (`brink/data/actors/`, rebuilt by `scripts/build_actor_kb.py`).
"""

from brink.actors.doc import DocActors, Mention
from brink.actors.kb import KBError, KnowledgeBase, load_kb
from brink.actors.resolver import ActorResolver
from brink.actors.types import Resolution

__all__ = [
    "ActorResolver",
    "DocActors",
    "KBError",
    "KnowledgeBase",
    "Mention",
    "Resolution",
    "load_kb",
]
