"""The lookups behind the MCP tools and the JSON API, and the conversation store (no model, no index).

Expected values are read off A/73/505: para. 7 (draft I: 109-45-16), para. 10 (draft II: 139-11-18), para. 8
(L.37 introduced on 18 October 2018) and footnote 3.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.lookups import Lookups
from assistant.service import Assistant
from assistant.sessions import Sessions, UnknownConversation
from assistant.views import document_uri, from_uri_part, unit_uri


def no_retriever():
    raise AssertionError("a vote lookup loaded the retriever")


@pytest.fixture(scope="module")
def records(document):
    return Assistant([document], no_retriever)


@pytest.fixture(scope="module")
def lookups(records):
    return Lookups(records)


@pytest.mark.parametrize("state, draft, position, citation", [
    ("France", "draft resolution I", "against", "A/73/505#para-7"),
    ("UK", "the Russian draft", "against", "A/73/505#para-7"),
    ("Egypt", "L.37", "against", "A/73/505#para-10"),
    ("Brazil", "A/C.1/73/L.27/Rev.1", "abstaining", "A/73/505#para-7"),
    ("USA", "the GGE draft", "in_favour", "A/73/505#para-10"),
])
def test_state_vote_is_cited_with_its_unit(lookups, state, draft, position, citation):
    reply = lookups.state_vote(state, draft)
    assert reply.covered and reply.data["position"] == position
    assert reply.citations[0].id == citation and reply.sentences[0].citations == [citation]
    assert reply.citations[0].label == f"A/73/505, para. {citation.rsplit('-', 1)[1]}"
    assert reply.citations[0].symbol == "A/73/505" and "recorded vote" in reply.citations[0].text


def test_unknown_names_are_not_covered(lookups):
    assert lookups.state_vote("Atlantis", "L.37").covered is False
    assert "No draft named" in lookups.vote_tally("draft resolution IX").answer
    assert "No document 'A/99/1' is indexed (indexed: A/73/505)" in lookups.vote_tally("L.37", document="A/99/1").answer
    assert lookups.group_vote("Hanseatic League").covered is False


def test_tally_lists_crosses_and_sponsors(lookups):
    assert "109 in favour, 45 against and 16 abstaining" in lookups.vote_tally("draft resolution I", document="A/73/505").answer
    against = lookups.states_in_position("L.37", "against")
    assert len(against.table["rows"]) == 11 and against.table["rows"][0][0] == "Bolivia (Plurinational State of)"
    assert against.data["states"][0] == "Bolivia (Plurinational State of)"
    absent = lookups.states_in_position("L.37", "not recorded")
    assert len(absent.table["rows"]) == 193 - 139 - 11 - 18
    both = lookups.votes_crossed("abstaining", "abstaining")
    assert both.answer.startswith("7 Member States") and {c.id for c in both.citations} == {"A/73/505#para-7", "A/73/505#para-10"}
    named = lookups.votes_crossed("abstaining", "abstaining", first_draft="L.27/Rev.1", second_draft="L.37")
    assert named.answer == both.answer
    sponsors = lookups.draft_sponsors("L.37")
    assert "18 October 2018" in sponsors.answer and [c.id for c in sponsors.citations] == ["A/73/505#para-8"]
    assert "28 voted against" in lookups.group_vote("EU", "draft resolution I").answer


def test_units_documents_and_votes(lookups):
    unit = lookups.unit("A/73/505#DR-I.OP-1.6")
    assert unit.label == "A/73/505, draft resolution I, operative para. 1.6" and "critical infrastructure" in unit.text
    assert from_uri_part(unit.uri.rsplit("/", 1)[1]) == unit.id == "A/73/505#DR-I.OP-1.6"
    with pytest.raises(KeyError):
        lookups.unit("A/73/505#para-99")
    with pytest.raises(ValueError):
        lookups.unit("para. 7")
    [info] = lookups.document_list()
    assert (info.symbol, info.unit_count, info.vote_count, [d.symbol for d in info.drafts]) == (
        "A/73/505", 94, 2, ["A/C.1/73/L.27/Rev.1", "A/C.1/73/L.37"])
    assert info.uri == document_uri("A/73/505") == "rapporteur://document/A%2F73%2F505"
    first, second = lookups.votes("A/73/505")
    assert (first.tally.in_favour, first.tally.against, first.tally.abstaining) == (109, 45, 16)
    assert len(first.in_favour) == 109 and len(first.not_recorded) == 193 - 170 and first.citation.id == "A/73/505#para-7"
    assert second.draft_symbol == "A/C.1/73/L.37" and "France" in second.in_favour
    assert [i.citation for i in first.intentions + second.intentions] and all(
        i.citation.startswith("A/73/505#fn-") for i in first.intentions + second.intentions)
    with pytest.raises(KeyError):
        lookups.votes("A/99/1")


def test_unit_uris_are_percent_encoded():
    assert unit_uri("A/73/505#para-7") == "rapporteur://unit/A%2F73%2F505%23para-7"


def test_sessions_keep_each_conversation_apart(records):
    sessions = Sessions(records)
    france = sessions.ask("How did France vote on draft resolution I?")
    egypt = sessions.ask("How did Egypt vote on draft resolution I?")
    assert france.conversation_id != egypt.conversation_id and len(france.conversation_id) >= 20

    def follow(reply):
        return sessions.ask("And on L.37?", reply.conversation_id).text

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(follow, [france, egypt] * 8))
    assert all(a.startswith("France voted in favour of draft resolution II") for a in answers[::2])
    assert all(a.startswith("Egypt voted against draft resolution II") for a in answers[1::2])
    with pytest.raises(UnknownConversation):
        sessions.ask("And on the other draft?", "a-guessed-id")


def test_sessions_forget_the_least_recently_used(records):
    sessions = Sessions(records, capacity=2)
    first = sessions.ask("How did France vote on L.37?").conversation_id
    second = sessions.ask("How did Egypt vote on L.37?").conversation_id
    sessions.ask("And on the other draft?", first)  # first is now the more recent
    sessions.ask("How did China vote on L.37?")
    assert len(sessions) == 2
    with pytest.raises(UnknownConversation):
        sessions.ask("And on the other draft?", second)
    assert sessions.open("mine") == "mine" and sessions.ask("How did Peru vote on L.37?", "mine").conversation_id == "mine"
