"""The 193 United Nations Member States and the groups they belong to, as shipped data.

Data: ``ingest/data/member_states.json`` (names as the UN wrote them in November 2018,
the spellings of A/73/505's vote lists first, and the names the UN adopted before or since:
"Türkiye", "Netherlands (Kingdom of the)", "North Macedonia", each resolving to its State) and ``ingest/data/groups.json`` (regional
groups, EU, ASEAN, P5); each file says its source. This module does exact matching
only (names and aliases, ignoring case, accents, apostrophe style and a leading "the");
fuzzy matching of what users type lives in ``assistant.states``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})


@lru_cache(maxsize=1 << 16)  # pure, and called for every character of a question by assistant.entities (46 % of a vote answer)
def name_key(name: str) -> str:
    """Matching key for a State or group name.

    Accents folded, lower case, apostrophes straight, full stops dropped, whitespace
    collapsed, a leading "the" removed.
    """
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[.\u00a0]", " ", text.replace("-", " "))
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@dataclass(frozen=True)
class Group:
    """A group of Member States (regional group, EU, ASEAN, P5) with its source."""

    key: str
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    source: str
    note: str


@dataclass(frozen=True)
class Roster:
    """The Member States list and the groups, with exact-name lookup."""

    names: tuple[str, ...]
    aliases: dict[str, tuple[str, ...]]
    groups: tuple[Group, ...]
    source: str
    _by_key: dict[str, str]

    def canonical(self, name: str) -> str | None:
        """Canonical name for an official name or alias, or None if it names no Member State."""
        return self._by_key.get(name_key(name))

    def group(self, key: str) -> Group:
        """The group with this key ('eu', 'p5', 'african', ...).

        Raises:
            KeyError: if there is none.
        """
        for group in self.groups:
            if group.key == key:
                return group
        raise KeyError(key)


@cache
def roster() -> Roster:
    """Load the shipped Member States and groups (cached; the files are read once).

    Raises:
        ValueError: if an alias names two States.
    """
    states = json.loads(_read("member_states.json"))
    groups = json.loads(_read("groups.json"))
    by_key: dict[str, str] = {}
    renamed = {r["state"]: r.get("former") or r.get("later") for r in states["renamed"]["names"]}
    for entry in states["member_states"]:
        for spelling in (entry["name"], *entry["aliases"], *filter(None, [renamed.get(entry["name"])])):
            key = name_key(spelling)
            if by_key.get(key, entry["name"]) != entry["name"]:
                raise ValueError(f"{spelling!r} names both {by_key[key]!r} and {entry['name']!r}")
            by_key[key] = entry["name"]
    return Roster(
        names=tuple(e["name"] for e in states["member_states"]),
        aliases={e["name"]: tuple(dict.fromkeys([*e["aliases"], *filter(None, [renamed.get(e["name"])])]))
                 for e in states["member_states"]},
        groups=tuple(
            Group(g["key"], g["name"], tuple(g["aliases"]), tuple(g["members"]), g["source"], g.get("note", ""))
            for g in groups["groups"]
        ),
        source=states["source"],
        _by_key=by_key,
    )


def _read(name: str) -> str:
    return resources.files("ingest").joinpath("data").joinpath(name).read_text(encoding="utf-8")
