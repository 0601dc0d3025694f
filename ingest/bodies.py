"""The bodies that hold recorded votes and who sat on them, as shipped data.

Data: ``ingest/data/bodies.json`` (its ``source`` says where each membership comes from).
The General Assembly and its Main Committees are all Member States; the Human Rights
Council's 47 members are listed by calendar year. A vote's electorate is the base of its
shares and of "not recorded".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ingest.member_states import name_key, roster


@dataclass(frozen=True)
class Body:
    """A voting body: its name, other names, and members (None: every Member State)."""

    name: str
    aliases: tuple[str, ...]
    members_by_year: dict[str, tuple[str, ...]] | None

    def members(self, date: str) -> tuple[str, ...]:
        """Canonical names of the members on ``date`` ('12 October 2023'; the year decides).

        Raises:
            ValueError: if the body's membership for that year is not in the data.
        """
        if self.members_by_year is None:
            return roster().names
        year = (re.findall(r"\d{4}", date) or [""])[-1]
        if year not in self.members_by_year:
            raise ValueError(f"the membership of the {self.name} in {year or 'an undated year'} is not in ingest/data/bodies.json")
        return self.members_by_year[year]


@cache
def bodies() -> tuple[Body, ...]:
    """Every body in ``bodies.json``, members resolved to canonical Member State names (read once).

    Raises:
        ValueError: if a listed member is no Member State.
    """
    data = json.loads(resources.files("ingest").joinpath("data").joinpath("bodies.json").read_text(encoding="utf-8"))
    names = roster()
    found = []
    for entry in data["bodies"]:
        by_year = None
        for year, members in entry.get("members_by_year", {}).items():
            by_year = {**(by_year or {}), year: tuple(_canonical(names, n, entry["name"]) for n in members)}
        found.append(Body(entry["name"], tuple(entry["aliases"]), by_year))
    return tuple(found)


def body(name: str) -> Body:
    """The body called ``name`` or one of its aliases (case and accents ignored).

    Raises:
        KeyError: if there is none.
    """
    key = name_key(name)
    for candidate in bodies():
        if key in {name_key(n) for n in (candidate.name, *candidate.aliases)}:
            return candidate
    raise KeyError(f"no voting body {name!r} in ingest/data/bodies.json")


def _canonical(names, name: str, where: str) -> str:  # type: ignore[no-untyped-def]
    canonical = names.canonical(name)
    if not canonical:
        raise ValueError(f"bodies.json, {where}: {name!r} is not a Member State")
    return canonical


def body_names(name: str) -> tuple[str, ...]:
    """A body's name and its other names ('Human Rights Council', 'HRC', …); just ``name`` for a body not in the data."""
    try:
        found = body(name)
    except KeyError:
        return (name,)
    return (found.name, *found.aliases)
