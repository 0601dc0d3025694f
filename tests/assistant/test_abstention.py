"""Questions the documents cannot answer abstain; near-miss questions they can answer do not.

The pure rules of ``assistant.scope`` are tested with and without the corpus facts of the real
document; the slow tests put the same questions through the real assistant (Chroma +
all-MiniLM-L6-v2 + BM25, the vote tools), as a user would ask them.
"""

from __future__ import annotations

import json

import pytest

from assistant.scope import CorpusFacts, corpus_facts, later_document, other_item, other_items, out_of_scope, unrecorded_kinds
from ingest.records import ParsedDocument
from ingest.settings import PROJECT_ROOT

OTHER_ITEM = "other agenda items"
INCIDENTS = "not figures on real-world incidents"
CITED = "do not reproduce it"

# (question, words of the reason) — the same reason with or without corpus facts
NOT_COVERED = [
    ("What does the report say about nuclear weapons tests?", OTHER_ITEM),
    ("What did the General Assembly decide about lethal autonomous weapons systems at its seventy-third session?", OTHER_ITEM),
    ("How did France vote on the nuclear disarmament resolution?", OTHER_ITEM),
    ("Which draft resolution on chemical weapons did the First Committee adopt?", OTHER_ITEM),
    ("Does draft resolution II say anything about outer space?", OTHER_ITEM),
    ("What does the report say about small arms and light weapons?", OTHER_ITEM),
    ("How many cyberattacks on critical infrastructure were reported worldwide in 2018?", INCIDENTS),
    ("How often do cyberattacks on hospitals happen?", INCIDENTS),
    ("What is the number of cyber incidents each year?", INCIDENTS),
    ("What did the 2010 report of the Group of Governmental Experts recommend?", CITED),
    ("What does resolution 58/199 say about critical infrastructure?", CITED),
    ("Summarize the 2013 report of the Group of Governmental Experts.", CITED),
]

# answerable questions that share words with the rules above (counts, years, cited reports, weapons, arms)
ANSWERABLE = [
    "How many States voted against draft resolution I?",
    "How many sponsors did L.37 have in total, counting later co-sponsors?",
    "How many preambular paragraphs does draft resolution II have?",
    "How many meetings did the First Committee hold for thematic discussions?",
    "How many norms in draft resolution I concern attacks on critical infrastructure?",
    "Which document is the Group of Governmental Experts' 2015 report cited in draft resolution I?",
    "What does draft resolution II say about the reports of the Group of Governmental Experts?",
    "Which principles of the Charter did the Group of Governmental Experts' 2015 report identify as of central importance, "
    "according to draft resolution I?",
    "Which UN document numbers correspond to the expert group's 2010, 2013 and 2015 reports?",
    "What kind of group does draft resolution I decide to convene beginning in 2019?",
    "When will the open-ended working group hold its organizational session in June 2019?",
    "What is the mandate of the group of governmental experts to be established in 2019?",
    "Does draft resolution I express concern about military uses of ICTs?",
    "Does the Russian draft worry about countries building cyber arsenals for their armed forces?",
    "Who did the First Committee have an exchange with on arms control and disarmament?",
    "Which disarmament and international security items did the First Committee hold a general debate on?",
    "What does A/73/505 say about critical infrastructure?",
    "What are the rules of responsible behaviour in information space in draft resolution I?",
]


@pytest.fixture(scope="module")
def facts(document: ParsedDocument) -> CorpusFacts:
    return corpus_facts([document])


def test_corpus_facts_come_from_the_parsed_records(facts):
    assert facts.issued_year == 2018  # "Distr.: General 19 November 2018"
    assert {"a/73/505", "a/c.1/73/l.27/rev.1", "a/c.1/73/l.37", "2018"} <= facts.own
    assert "nuclear" not in facts.text and "critical infrastructure" in facts.text


@pytest.mark.parametrize("question, reason", NOT_COVERED)
def test_questions_the_documents_never_answer_are_out_of_scope(question, reason, facts):
    assert reason in (out_of_scope(question) or "")
    assert reason in (out_of_scope(question, facts) or "")


@pytest.mark.parametrize("question", ANSWERABLE)
def test_near_miss_answerable_questions_are_in_scope(question, facts):
    assert out_of_scope(question) is None
    assert out_of_scope(question, facts) is None


def test_a_later_document_needs_the_date_of_issue(facts):
    question = "What did the First Committee's 2019 report on this agenda item contain?"
    assert later_document(question, None) is None
    assert "\u201c2019\u201d" in (out_of_scope(question, facts) or "")
    assert "2019" in (later_document("What did the 2019 resolution on this item decide?", facts) or "")
    assert later_document("What does the 2015 report say, according to draft resolution I?", facts) is None


def test_the_corpus_own_year_and_symbols_are_not_other_documents(facts):
    assert out_of_scope("What does the 2018 report say about critical infrastructure?", facts) is None
    assert out_of_scope("What did the First Committee's 2018 report say about critical infrastructure?", facts) is None
    assert CITED in (out_of_scope("What does A/65/201 recommend?", facts) or "")


def test_another_item_is_covered_when_the_corpus_mentions_it():
    with_nuclear = CorpusFacts(2018, "draft resolution on nuclear disarmament", frozenset())
    assert other_item("How did France vote on the nuclear disarmament resolution?", with_nuclear) is None
    assert OTHER_ITEM in (other_item("What does the report say about missiles?", with_nuclear) or "")


def test_no_answerable_question_of_the_suite_is_out_of_scope(facts):
    for path in sorted((PROJECT_ROOT / "evals" / "qa").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line) if line.strip() else None
            if case and not case["expected"].get("abstain"):
                for turn in case["turns"]:
                    assert out_of_scope(turn, facts) is None, (case["id"], turn)


@pytest.mark.slow
@pytest.mark.parametrize("question, reason", [
    *NOT_COVERED, ("What did the First Committee's 2019 report on this agenda item contain?", "")])
def test_the_assistant_abstains_with_the_reason_and_the_nearest_passage(assistant, question, reason):
    answer = assistant.answer(question)
    assert answer.abstained and "The documents in the corpus do not cover this." in answer.text
    assert reason in answer.text
    assert len(answer.citations) == 1 and answer.citations[0].id in answer.retrieved
    assert "voted" not in answer.text  # no vote of an unrelated draft passed off as the answer


@pytest.mark.slow
# no passage states a count of preambular paragraphs, so retrieval abstains on that one (no counting tool)
@pytest.mark.parametrize("question", [q for q in ANSWERABLE if "preambular paragraphs" not in q])
def test_the_assistant_answers_near_misses(assistant, question):
    answer = assistant.answer(question)
    assert not answer.abstained, answer.text
    assert answer.citations


@pytest.mark.parametrize(("question", "said"), [
    ("What does preambular paragraph 25 of draft I say?", "preambular paragraph 25 of draft resolution I (it has 21)"),
    ("What does paragraph 14 of the report say?", "paragraph 14 of the report (it has 11)"),
])
def test_a_paragraph_the_documents_do_not_have(assistant, question, said):
    """Draft resolution I has 21 preambular paragraphs and the report 11 paragraphs: nothing else is quoted in their place."""
    answer = assistant.answer(question)
    assert answer.abstained and said in answer.text and not answer.citations


def test_an_existing_paragraph_named_with_a_missing_one(assistant):
    """Draft resolution II has operative paragraphs 1 to 6: op. para. 5 is answered, op. para. 12 noted."""
    answer = assistant.answer("What do operative paragraph 5 and operative paragraph 12 of draft resolution II say?")
    assert "DR-II.OP-5" in [c.locator for c in answer.citations]
    assert any("operative paragraph 12 of draft resolution II" in note for note in answer.notes)


@pytest.mark.parametrize(("question", "lead", "locator"), [
    ("Does draft II mention the right to privacy?", "Draft resolution II does not use the words \u201cthe right to privacy\u201d. "
     "They appear in A/73/505, draft resolution I, operative para. 1.5:", "DR-I.OP-1.5"),
    ("Does draft II recall resolution 36/103?", "Draft resolution II does not use the words \u201cresolution 36/103\u201d. "
     "They appear in A/73/505, draft resolution I, preambular para. 1:", "DR-I.PP-1"),
    ("Does either text talk about interference in elections?", "Neither draft uses the words \u201cinterference in elections\u201d.",
     "DR-I.PP-20"),
])
def test_a_draft_that_does_not_use_the_words(assistant, question, lead, locator):
    """Literal check over the draft's units: 'privacy' only in DR-I OP 1.5; 36/103 only in DR-I PP 1; 'elections' nowhere."""
    answer = assistant.answer(question)
    assert answer.text.startswith(lead) and [c.locator for c in answer.citations] == [locator]


def test_a_draft_that_uses_the_words_is_quoted_where_it_does(assistant):
    """'sovereignty' is in DR-I PP 18 and OP 1.8."""
    answer = assistant.answer("Does draft I mention sovereignty?")
    assert [c.locator for c in answer.citations] == ["DR-I.PP-18", "DR-I.OP-1.8"]


UNRECORDED_EXAMPLES = [(kind.key, example) for kind in unrecorded_kinds() for example in kind.examples]
OTHER_ITEM_EXAMPLES = [(other.item, example) for other in other_items() for example in other.examples]


@pytest.mark.parametrize("key, example", UNRECORDED_EXAMPLES)
def test_every_example_of_scope_rules_toml_reads_as_its_kind(key, example, facts):
    """Each [[unrecorded]] entry's examples are turned away with that entry's reason, with A/73/505's facts too."""
    reason = next(k.reason for k in unrecorded_kinds() if k.key == key)
    assert (out_of_scope(example) or "").startswith(reason[:-1])
    assert (out_of_scope(example, facts) or "").startswith(reason[:-1])


@pytest.mark.parametrize("item, example", OTHER_ITEM_EXAMPLES)
def test_every_other_item_example_names_its_item(item, example, facts):
    assert item in (other_item(example, facts) or "")


def test_a_rule_stands_aside_where_the_corpus_answers(facts):
    """With a plenary record or an amount of money indexed, the rules on the plenary and on figures give way."""
    plenary = CorpusFacts(facts.issued_year, facts.text, facts.own, meeting_bodies=frozenset({"General Assembly"}))
    priced = CorpusFacts(facts.issued_year, facts.text + " programme budget implications of $412,300", facts.own)
    assert out_of_scope("What did the General Assembly decide on the two drafts?", facts)
    assert out_of_scope("What did the General Assembly decide on the two drafts?", plenary) is None
    assert out_of_scope("How much will the working group cost?", priced) is None
