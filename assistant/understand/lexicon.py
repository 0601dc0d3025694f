"""The question vocabulary of ``words.toml``, loaded and compiled once (on first use, never at import).

Shapes: ``Lexicon.bodies`` maps a folded word ('disarmament committee') to a body name ('First Committee', or ''
for a body whose votes no document records); ``demonyms`` maps a folded word ('dutch') to a canonical State name.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from ingest.member_states import name_key, roster

T = TypeVar("T")

WORDS_FILE = Path(__file__).with_name("words.toml")
# every Member State's adjective ('kenyan'), beside words.toml's [[demonym]] possessives and informal forms
DEMONYMS_FILE = "demonyms.json"  # in ingest/data
# sections of words.toml read as phrases (whole words, any case), each one field of ``Lexicon``
PHRASE_SECTIONS = ("vote_words", "sponsor_words", "every_words", "whole_words", "part_words", "count_words", "composition_words",
                   "restricting_words", "share_words", "follow_up_words", "polar_openers", "negating_words", "part_openers",
                   "summary_words", "original_words", "premise_openers", "confirming_tags", "wh_words", "any_words", "subject_words",
                   "body_nouns", "not_position_phrases", "referring_words", "proposer_words", "who_when_words", "tail_questions",
                   "deciding_words", "decision_rules", "reason_openers", "setting_up_words", "time_of_vote_phrases", "fewer_words",
                   "comparative_words", "paragraph_anaphors", "oldest_words", "newest_words",
                   "citing_words", "first_words", "last_words", "body_size_phrases",
                   "title_words", "agenda_item_questions", "action_words", "several_words", "not_recorded_words", "corpus_questions",
                   "outcome_words", "passage_questions", "set_membership", "among_openers")


@dataclass(frozen=True)
class Lexicon:
    """The words of ``words.toml``, folded with ``name_key`` (lower case, no accents)."""

    bodies: dict[str, str]
    body_pattern: re.Pattern[str]
    draft_nouns: frozenset[str]
    decision_nouns: frozenset[str]
    document_nouns: frozenset[str]
    document_kinds: dict[str, str]  # folded noun → ``ParsedDocument.kind`` ('report' → 'report', 'minutes' → 'meeting_record')
    document_prepositions: frozenset[str]
    breaks: frozenset[str]
    pro_form_nouns: frozenset[str]  # folded: a description ending on one stands for the noun of the one before ('one')
    vote_follow_up_fillers: frozenset[str]  # folded: what a vote follow-up says besides where the vote was ('one', 'vote')
    same_words: frozenset[str]  # folded: a description of only these points back ('the same draft'; scope._refers_back)
    position_nouns: frozenset[str]  # folded: nouns for the States that took a position, anchoring a description ('abstainers')
    spelling_words: tuple[str, ...]  # what a misspelt word may be read as (assistant/spelling.py), in the file's order
    left_breaks: frozenset[str]  # prepositions that end a description on its left ("usa on the HRC resolution")
    undistinctive: frozenset[str]
    about_words: frozenset[str]  # folded: words that only ask what a draft says ('say', 'about'; summary.of_drafts)
    member_nouns: frozenset[str]  # folded ('member states', 'countries'): what a group of States is called after its adjective
    demonyms: dict[str, str]
    demonym_forms: dict[str, set[str]]  # canonical State → its demonyms as written, lower case ('u.s.', "russia's")
    vote_words: re.Pattern[str]
    position_words: tuple[tuple[re.Pattern[str], str], ...]  # (pattern, 'in_favour' | 'against' | 'abstaining')
    sponsor_words: re.Pattern[str]
    every_words: re.Pattern[str]
    whole_words: re.Pattern[str]
    part_words: re.Pattern[str]
    count_words: re.Pattern[str]
    composition_words: re.Pattern[str]
    restricting_words: re.Pattern[str]
    share_words: re.Pattern[str]
    follow_up_words: re.Pattern[str]
    polar_openers: re.Pattern[str]  # matched at the start of a question only (``verdict.is_polar``)
    negating_words: re.Pattern[str]
    part_openers: re.Pattern[str]
    summary_words: re.Pattern[str]
    original_words: re.Pattern[str]
    premise_openers: re.Pattern[str]  # at the start of a sentence
    confirming_tags: re.Pattern[str]  # at the end of a sentence, after a comma
    wh_words: re.Pattern[str]
    any_words: re.Pattern[str]
    subject_words: re.Pattern[str]
    body_nouns: re.Pattern[str]
    among_openers: re.Pattern[str]  # "how many of": a count or list asked among the States named right after
    set_membership: re.Pattern[str]  # "in that group", "one of them": asks whether a State is in the list just given
    passage_questions: re.Pattern[str]  # "which part …": "it" after one is the passage found, not the draft
    not_position_phrases: re.Pattern[str]
    referring_words: re.Pattern[str]
    proposer_words: re.Pattern[str]
    setting_up_words: re.Pattern[str]
    time_of_vote_phrases: re.Pattern[str]
    fewer_words: re.Pattern[str]
    comparative_words: re.Pattern[str]
    paragraph_anaphors: re.Pattern[str]
    oldest_words: re.Pattern[str]
    newest_words: re.Pattern[str]
    citing_words: re.Pattern[str]
    first_words: re.Pattern[str]
    last_words: re.Pattern[str]
    body_size_phrases: re.Pattern[str]
    title_words: re.Pattern[str]
    agenda_item_questions: re.Pattern[str]
    action_words: re.Pattern[str]
    several_words: re.Pattern[str]
    outcome_words: re.Pattern[str]  # "what happened to draft III?": its vote or adoption (router._strong_vote)
    corpus_questions: re.Pattern[str]  # "which documents do you have?": the documents indexed (summary.corpus_listing)
    not_recorded_words: re.Pattern[str]  # lay words for a State in no list of a vote ('not listed', "don't appear")
    who_when_words: re.Pattern[str]
    tail_questions: re.Pattern[str]
    deciding_words: re.Pattern[str]
    decision_rules: re.Pattern[str]
    reason_openers: re.Pattern[str]
    part_nouns: tuple[tuple[re.Pattern[str], str], ...]  # (pattern, 'preambular' | 'operative' | 'item' | 'footnote' | 'paragraph')
    set_up_bodies: tuple[tuple[str, str, re.Pattern[str], re.Pattern[str]], ...]  # (key, title, aliases, set-up words)
    proposed_names: tuple[tuple[str, re.Pattern[str]], ...]  # (key, aliases and proposed names): who proposed "the working group"
    examples: tuple[tuple[str, str, str], ...]  # (section, expected value, example question) for the entry test


def _member_state_demonyms() -> tuple[dict[str, str], dict[str, set[str]], tuple[str, str, str]]:
    """Each Member State's adjective from ingest/data/demonyms.json ('kenyan' → 'Kenya').

    Returns:
        (folded word → State, State → its forms in lower case, the file's example as a ('demonym', State, question) entry).

    Raises:
        ValueError: an entry names no Member State.
    """
    data = json.loads(resources.files("ingest").joinpath("data", DEMONYMS_FILE).read_text(encoding="utf-8"))
    demonyms: dict[str, str] = {}
    forms: dict[str, set[str]] = {}
    for name, words in data["demonyms"].items():
        state = roster().canonical(name)
        if state is None:
            raise ValueError(f"{DEMONYMS_FILE} names {name!r}, which is no Member State")
        demonyms.update({name_key(w): state for w in words})
        forms.setdefault(state, set()).update(w.lower() for w in words)
    example = data["example"]
    return demonyms, forms, ("demonym", roster().canonical(data["example_state"]) or "", example)


@cache
def lexicon() -> Lexicon:
    """The lexicon, read from ``WORDS_FILE`` once.

    Raises:
        ValueError: if an entry has no example (every entry must carry one), or a demonym names no Member State.
    """
    data = tomllib.loads(WORDS_FILE.read_text(encoding="utf-8"))
    examples: list[tuple[str, str, str]] = []
    bodies: dict[str, str] = {}
    for entry in data["body"]:
        examples.append(("body", entry["body"], _example(entry, "body")))
        bodies.update({name_key(w): entry["body"] for w in entry["words"]})
    demonyms, forms, example = _member_state_demonyms()
    examples.append(example)
    for entry in data["demonym"]:
        state = roster().canonical(entry["state"])
        if state is None:
            raise ValueError(f"{WORDS_FILE.name}: [[demonym]] names {entry['state']!r}, which is no Member State")
        examples.append(("demonym", state, _example(entry, "demonym")))
        demonyms.update({name_key(w): state for w in entry["words"]})
        forms.setdefault(state, set()).update(w.lower() for w in entry["words"])
    for section in ("draft_nouns", "decision_nouns", "description_breaks", "description_left_breaks", "undistinctive", "spelling_words",
                    "position_nouns", "same_words", "vote_follow_up_fillers", "pro_form_nouns",
                    "document_nouns", "document_prepositions",
                    "member_nouns", "about_words", *PHRASE_SECTIONS):
        examples.append((section, "", _example(data[section], section)))
    positions = _entries(data, "position_word", "position", examples, lambda e: (phrase_pattern(e["words"]), e["position"]))
    ordered = sorted(bodies, key=len, reverse=True)
    pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(w) for w in ordered) + r")(?![a-z0-9])")
    part_nouns = _entries(data, "part_noun", "kind", examples, lambda e: (phrase_pattern(e["words"]), e["kind"]))
    set_up_bodies = _entries(data, "set_up_body", "key", examples,
                             lambda e: (e["key"], e["title"], phrase_pattern(e["aliases"]), phrase_pattern(e["set_up"])))
    kinded = _entries(data, "document_kind", "kind", examples, lambda e: (e["kind"], e["words"]))
    kinds = {name_key(w): kind for kind, words in kinded for w in words}
    proposed = tuple((e["key"], phrase_pattern([*e["aliases"], *e.get("proposed_names", [])])) for e in data["set_up_body"])
    examples += [("proposed_name", e["key"], _example({"example": e.get("proposed_example")}, "set_up_body proposed_names"))
                 for e in data["set_up_body"] if e.get("proposed_names")]
    phrases = {section: phrase_pattern(data[section]["words"]) for section in PHRASE_SECTIONS}
    return Lexicon(bodies=bodies, body_pattern=pattern, draft_nouns=_folded(data["draft_nouns"]),
                   decision_nouns=_folded(data["decision_nouns"]), document_nouns=_folded(data["document_nouns"]),
                   document_prepositions=_folded(data["document_prepositions"]), breaks=_folded(data["description_breaks"]),
        left_breaks=_folded(data["description_left_breaks"]),
        spelling_words=tuple(data["spelling_words"]["words"]),
        position_nouns=_folded(data["position_nouns"]),
        same_words=_folded(data["same_words"]),
        vote_follow_up_fillers=_folded(data["vote_follow_up_fillers"]),
        pro_form_nouns=_folded(data["pro_form_nouns"]),
                   undistinctive=_folded(data["undistinctive"]), member_nouns=_folded(data["member_nouns"]),
                   about_words=_folded(data["about_words"]), demonyms=demonyms, demonym_forms=forms, position_words=positions,
                   part_nouns=part_nouns, set_up_bodies=set_up_bodies, proposed_names=proposed, document_kinds=kinds,
                   examples=tuple(examples), **phrases)


def _entries(data: dict[str, Any], section: str, key: str, examples: list[tuple[str, str, str]],
             build: Callable[[dict[str, Any]], T]) -> tuple[T, ...]:
    """What ``build`` makes of each entry of a [[section]] table, each entry's example recorded under its ``key`` value."""
    built = []
    for entry in data[section]:
        examples.append((section, entry[key], _example(entry, section)))
        built.append(build(entry))
    return tuple(built)


def phrase_pattern(words: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``words`` as whole words, longest first."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + r")(?![\w-])", re.I)


def _folded(section: dict[str, list[str]]) -> frozenset[str]:
    return frozenset(name_key(w) for w in section["words"])


def _example(entry: dict[str, object], section: str) -> str:
    example = entry.get("example")
    if not isinstance(example, str) or not example:
        raise ValueError(f"{WORDS_FILE.name}: an entry of [{section}] has no example question")
    return example
