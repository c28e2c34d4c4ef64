"""Result types of actor resolution."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Resolution:
    """What an actor phrase stands for.

    kind: "person" | "country" | "igo" | "seat" | "agent" | "group" | "pronoun" | "place" (a
    region or city the knowledge base does not list, found in the places gazetteer).
    "group" is a named organisation (Hamas, the FSB) or, when `members` is filled, several
    actors named together ("Biden and Putin", "the two leaders").
    """

    name: str | None
    country: str | None
    sector: str | None
    kind: str
    score: float  # 0-1 match confidence
    members: list[Resolution] = field(default_factory=list)
    leader: bool = False  # a head of state or government ("the two leaders" counts these)
    plural: bool = False  # "forces", "protesters", "the Taliban": can be "they"
    head: str | None = None  # the sector word at the head of the phrase ("official")

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "kind": self.kind,
            "score": round(self.score, 3),
            "members": [m.to_dict() for m in self.members],
        }

    @property
    def resolved(self) -> bool:
        return self.country is not None or self.sector is not None or bool(self.members)
