"""The lead of a retrieval answer says the documents address the question only when a passage shown holds every content
word asked and the kind of value asked for (``compose.holds_what_is_asked``); pure, over A/73/505's units."""

import pytest

from assistant.compose import CLOSEST_LEAD, holds_what_is_asked, retrieval_claims, stems_of
from assistant.retrieval import Passage


def shown(document, *locators: str) -> list[Passage]:
    return [Passage(document.unit(loc), 1.0, 0.6, 5.0, n) for n, loc in enumerate(locators, 1)]


@pytest.mark.parametrize("asked, locators", [
    ("What does the text say about critical infrastructure?", ("DR-I.OP-1.6",)),
    ("Will the OEWG act on a consensus basis?", ("DR-I.OP-5",)),  # the acronym spelled out: "open-ended working group"
    ("When does the open-ended working group report?", ("DR-I.OP-5", "DR-I.OP-6")),  # a time: 'at its seventy-fifth session'
    ("Who is the Rapporteur?", ("header",)),
])
def test_a_passage_holding_every_word_asked_answers(document, asked, locators):
    assert holds_what_is_asked(asked, asked, shown(document, *locators))


@pytest.mark.parametrize("asked, locators", [
    ("In which city will the OEWG meet?", ("DR-I.OP-5", "DR-I.OP-6")),  # no unit names a city
    ("Which delegation asked for the recorded vote?", ("para-7",)),
    ("How many members will the group of governmental experts have?", ("DR-II.OP-3",)),  # no number of members
    ("Summarize it", ("DR-I.OP-5",)),  # no content word
])
def test_a_passage_missing_a_word_or_the_value_asked_is_only_the_closest(document, asked, locators):
    assert not holds_what_is_asked(asked, asked, shown(document, *locators))


def test_only_the_first_passage_or_with_each_every_passage_is_read(document):
    passages = shown(document, "DR-I.PP-15", "DR-II.OP-2(b)")  # draft I welcomes the reports; draft II's (b) does not
    asked = "Which reports of the Group of Governmental Experts does each draft welcome?"
    assert holds_what_is_asked(asked, asked, passages) and not holds_what_is_asked(asked, asked, passages, each=True)
    assert not holds_what_is_asked("critical infrastructure", "critical infrastructure", shown(document, "DR-I.OP-5", "DR-I.OP-1.6"))


def test_the_lead_words_the_grade(document):
    passages = shown(document, "DR-I.OP-1.6")
    assert retrieval_claims("critical infrastructure", passages, answered=True)[0].text.startswith("The documents address this in")
    assert retrieval_claims("critical infrastructure", passages, answered=False)[0].text.startswith(CLOSEST_LEAD)
    assert retrieval_claims("critical infrastructure", passages)[0].text.startswith(CLOSEST_LEAD)  # not named: is_direct


def test_a_state_named_must_be_named_in_the_passage(document):
    passages = shown(document, "para-2")  # names the First Committee, not Germany
    asked = "What did          say at the First Committee?"  # Germany masked out of the question
    assert holds_what_is_asked(asked, asked, passages) and not holds_what_is_asked(asked, asked, passages, states=("Germany",))


@pytest.mark.parametrize("asked, locators", [
    # 'funding' in the documents' words (subjects/*.toml equivalents): "existing resources and voluntary contributions"
    ("What does it say about funding for the consultations?", ("DR-II.OP-4",)),
    ("What is the funding of the regional consultations?", ("DR-II.OP-4",)),
])
def test_a_passage_holding_the_asked_words_in_the_documents_words_answers(document, asked, locators):
    assert holds_what_is_asked(asked, asked, shown(document, *locators))


def test_an_equivalent_needs_a_whole_phrase_of_the_documents(document):
    # 'ICTs' has no equivalents listed: "information resources or technologies" (PP 13) is not "ICTs"
    assert not holds_what_is_asked("What does it say about terrorist and criminal use of ICTs?", "…", shown(document, "DR-I.PP-13"))
    # 'funding' is not held by a paragraph on the group's work that names no resources (op. para. 3)
    assert not holds_what_is_asked("What does it say about funding?", "…", shown(document, "DR-II.OP-3"))


def test_a_modifier_may_be_held_by_the_draft_a_head_noun_may_not(document):
    # a draft setting up 'a permanent mechanism' in one paragraph and saying in another how often 'the mechanism' meets
    # (as A/78/407, draft II, op. paras 1 and 3), written over a unit of A/73/505's draft II
    said = "Further decides that the mechanism shall hold three sessions each year;"
    unit = document.unit("DR-II.OP-5").model_copy(update={"text": said})
    draft = frozenset(stems_of("Decides to establish a single-track permanent mechanism reporting to the First Committee"))
    asked = "How many sessions a year will the permanent mechanism hold?"
    passage = [Passage(unit, 1.0, 0.6, 5.0, 1)]
    assert not holds_what_is_asked(asked, asked, passage)
    assert holds_what_is_asked(asked, asked, passage, draft_stems=lambda _: draft)
    # 'reports' is the head noun asked about, not a modifier: a paragraph welcoming the Group's work alone does not hold it,
    # though the draft has reports elsewhere
    unit = unit.model_copy(update={"text": "Welcoming the effective work of the Group of Governmental Experts,"})
    draft = frozenset(stems_of("the reports of the Group of Governmental Experts"))
    asked = "Which reports of the Group of Governmental Experts does it welcome?"
    assert not holds_what_is_asked(asked, asked, [Passage(unit, 1.0, 0.6, 5.0, 1)], draft_stems=lambda _: draft)
