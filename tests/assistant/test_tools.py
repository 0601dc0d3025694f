"""The LangChain vote tools: typed schemas and exact values from A/73/505 (paras 5, 7, 8, 10)."""

import pytest

from assistant.votes.tools import make_vote_tools


@pytest.fixture(scope="module")
def tools(document):
    return {t.name: t for t in make_vote_tools([document])}


def test_tools_have_typed_arguments_and_descriptions(tools):
    assert set(tools) == {"state_vote", "vote_tally", "states_in_position", "states_across_drafts", "group_vote", "draft_sponsors"}
    schema = tools["states_in_position"].args
    assert set(schema) == {"draft", "position"} and schema["position"]["enum"] == ["in favour", "against", "abstaining"]
    assert "How one Member State voted" in tools["state_vote"].description


def test_state_vote(tools):
    out = tools["state_vote"].invoke({"state": "UK", "draft": "the Russian draft"})
    assert "voted against draft resolution I" in out["answer"] and out["citations"] == ["A/73/505#para-7"]
    assert tools["state_vote"].invoke({"state": "Atlantis", "draft": "L.37"})["covered"] is False


def test_tally_and_lists(tools):
    assert "109 in favour, 45 against and 16 abstaining" in tools["vote_tally"].invoke({"draft": "L.27/Rev.1"})["answer"]
    out = tools["states_in_position"].invoke({"draft": "L.37", "position": "against"})
    assert len(out["table"]["rows"]) == 11 and out["table"]["rows"][0][0] == "Bolivia (Plurinational State of)"
    both = tools["states_across_drafts"].invoke({"position_on_first": "abstaining", "position_on_second": "abstaining"})
    assert both["answer"].startswith("7 Member States")


def test_group_and_sponsors(tools):
    assert "28 voted against" in tools["group_vote"].invoke({"group": "EU", "draft": "draft resolution I"})["answer"]
    out = tools["draft_sponsors"].invoke({"draft": "L.37"})
    assert "18 October 2018" in out["answer"] and out["citations"] == ["A/73/505#para-8"]
