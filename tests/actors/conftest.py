from __future__ import annotations

from pathlib import Path

import pytest

from brink.actors import ActorResolver, KnowledgeBase, load_kb

FIXTURES = Path(__file__).parent / "fixtures"
PEOPLE_FIXTURE = FIXTURES / "people_test.tsv"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb((PEOPLE_FIXTURE,))


@pytest.fixture(scope="session")
def resolver(kb: KnowledgeBase) -> ActorResolver:
    return ActorResolver(kb)
