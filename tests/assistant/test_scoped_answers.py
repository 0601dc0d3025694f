"""Answers over several documents read as a user types them (real Chroma + model, one assistant in-process): A/73/505
with the documents written for the tests in the UN's layouts (a 2023 report of three drafts, a paragraph vote and a
draft decision; a Human Rights Council resolution; a plenary record), all as official-layout PDFs.

Each answer cites only the documents the question is about; drafts are picked by how people describe them.
"""

from pathlib import Path

import pytest

from assistant.conversation import Conversation
from assistant.factory import load_assistant
from ingest.embedder import make_embeddings
from ingest.pipeline import ingest, parse_files
from ingest.reader import corpus_files
from ingest.settings import Settings

pytestmark = pytest.mark.slow
FORMATS = Path(__file__).resolve().parents[1] / "data" / "formats"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):  # type: ignore[no-untyped-def]
    settings = Settings(data_dir=tmp_path_factory.mktemp("scoped"))
    files = corpus_files(settings.corpus_dir) + [FORMATS / f for f in ("A_78_407.pdf", "A_HRC_RES_54_18.pdf", "A_73_PV_45.pdf")]
    ingest(parse_files(files), settings, make_embeddings(settings.data_dir))
    return load_assistant(settings, progress=lambda _: None)


def _documents(answer) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.id.split("#")[0] for c in answer.citations}


def test_a_draft_described_by_year_introducer_and_subject(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("Did Switzerland support Russia's 2023 push on protecting critical information infrastructure?")
    assert answer.text.startswith("No: Switzerland voted against draft resolution I (A/C.1/78/L.14) of A/78/407")  # the verdict first
    assert [c.id for c in answer.citations] == ["A/78/407#para-5"]


def test_two_drafts_of_two_reports_crossed(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("Which States abstained on the 2018 open-ended working group draft in the First Committee "
                              "but voted against the 2023 draft L.14?")
    assert answer.text.startswith("4 Member States abstained on draft resolution I (A/C.1/73/L.27/Rev.1) of A/73/505 and voted "
                                  "against draft resolution I (A/C.1/78/L.14) of A/78/407: Republic of Korea, Republic of Moldova, "
                                  "Switzerland and Turkey.")
    assert _documents(answer) == {"A/73/505", "A/78/407"}


def test_all_three_texts_of_a_report(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("How many States voted in favour of all three texts put to a recorded vote as a whole in A/78/407 "
                              "(L.14, L.38/Rev.1 and the draft decision L.61)?")
    assert answer.text.startswith("49 Member States voted in favour of all 3")
    assert [c.id for c in answer.citations] == ["A/78/407#para-5", "A/78/407#para-8(b)", "A/78/407#para-12"]


def test_a_paragraph_vote_and_the_whole(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("how many countries abstained on keeping OP1 but voted yes on L.38/Rev.1 overall?")
    assert answer.text.startswith("16 Member States voted in favour of draft resolution II (A/C.1/78/L.38/Rev.1) of A/78/407 and "
                                  "abstained on operative paragraph 1 of draft resolution II")
    assert _documents(answer) == {"A/78/407"}


def test_a_follow_up_keeps_its_document_and_moves_to_the_body_it_names(assistant) -> None:  # type: ignore[no-untyped-def]
    conversation = Conversation()
    assistant.answer("What is Human Rights Council resolution 54/18 about?", conversation)
    vote = assistant.answer("What was the vote?", conversation)
    assert "by a recorded vote of 28 to 13, with 6 abstentions" in vote.text and _documents(vote) == {"A/HRC/RES/54/18"}
    conversation = Conversation()
    assistant.answer("What was the Assembly vote on the working group resolution in 2018?", conversation)
    committee = assistant.answer("And in committee?", conversation)
    assert "by a recorded vote of 109 to 45, with 16 abstentions" in committee.text and _documents(committee) == {"A/73/505"}


def test_a_structure_count_and_an_unnamed_vote(assistant) -> None:  # type: ignore[no-untyped-def]
    count = assistant.answer("How many operative paragraphs does draft resolution II have in A/78/407?")
    assert count.text.startswith("Draft resolution II (A/C.1/78/L.38/Rev.1) of A/78/407 has 5 operative paragraphs")
    which = assistant.answer("How did Norway vote?")
    assert which.text.startswith("Which vote do you mean? The documents record 7 votes on whole drafts:") and not which.citations


def test_a_content_question_about_one_document_cites_only_it(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("What does 54/18 ask the High Commissioner's office to do?")
    assert answer.citations and _documents(answer) == {"A/HRC/RES/54/18"}


def test_a_chosen_document_scopes_the_answer(assistant) -> None:  # type: ignore[no-untyped-def]
    """The UI's document chooser: "draft resolution I" is the chosen document's, and no other document is cited."""
    answer = assistant.answer("How did Switzerland vote on draft resolution I?", document="A/78/407")
    assert answer.text.startswith("Switzerland voted against draft resolution I (A/C.1/78/L.14) of A/78/407")
    assert _documents(answer) == {"A/78/407"}
    with pytest.raises(KeyError):
        assistant.answer("How did Switzerland vote?", document="A/99/999")


def test_a_follow_up_naming_a_year_is_about_that_years_document(assistant) -> None:  # type: ignore[no-untyped-def]
    conversation = Conversation()
    assistant.answer("Who introduced draft resolution I of the 2023 report?", conversation)
    answer = assistant.answer("and in 2018 on the Russian one?", conversation)
    assert answer.text.startswith("Draft resolution I (A/C.1/73/L.27/Rev.1) of A/73/505 was submitted on 8 November 2018 by the "
                                  "representative of the Russian Federation")
    assert "L.14" not in answer.text and "no sponsors" not in answer.text  # not the 2023 draft, nor the plenary's vote on it
    assert _documents(answer) == {"A/73/505"}


def test_a_follow_up_naming_a_body_and_a_draft_number_is_that_vote_only(assistant) -> None:  # type: ignore[no-untyped-def]
    conversation = Conversation()
    assistant.answer("How did Kenya vote on the HRC resolution?", conversation)
    answer = assistant.answer("and in the plenary on draft I?", conversation)
    assert answer.text.startswith("Kenya voted in favour of draft resolution I of A/73/505 (resolution 73/27) in A/73/PV.45")
    assert "73/507" not in answer.text and _documents(answer) == {"A/73/PV.45"}  # the plenary's draft III is not asked about


def test_a_summary_of_a_document_named_by_its_year_or_body(assistant) -> None:  # type: ignore[no-untyped-def]
    report = assistant.answer("summarize the 2023 report")
    assert report.tool == "summary" and report.text.startswith(
        "A/78/407 is the report of the First Committee issued on 17 November 2023 under agenda item 104")
    assert _documents(report) == {"A/78/407"}
    resolution = assistant.answer("give me a summary of the HRC resolution")  # a resolution: its cover page and its own adoption
    assert resolution.text.startswith("A/HRC/RES/54/18 is the resolution of the Human Rights Council issued on 16 October 2023")
    assert "by a recorded vote of 28 to 13, with 6 abstentions" in resolution.text and _documents(resolution) == {"A/HRC/RES/54/18"}


def test_a_count_naming_a_position_counts_states_not_paragraphs(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("How many abstained on paragraph 1 of the Netherlands draft?")
    assert answer.text.startswith("24 Member States abstained on operative paragraph 1 of draft resolution II (A/C.1/78/L.38/Rev.1)")
    assert assistant.answer("How many operative paragraphs does the Netherlands draft have?").text.startswith(
        "Draft resolution II (A/C.1/78/L.38/Rev.1) of A/78/407 has 5 operative paragraphs")


def test_a_reason_asked_of_a_false_premise_corrects_it_first(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("Why was the HRC resolution adopted without a vote?")
    assert answer.text.startswith("No: resolution A/HRC/RES/54/18 was not adopted by consensus (without a vote); it was put to a "
                                  "recorded vote.")
    assert "by a recorded vote of 28 to 13, with 6 abstentions" in answer.text
    assert answer.tool == "vote_tally" and "closest" not in answer.text  # the premise denied, no reason is sought


def test_a_meeting_record_answers_what_its_speakers_said_but_not_others(assistant) -> None:  # type: ignore[no-untyped-def]
    spoke = assistant.answer("What did Saint Lucia say in the plenary?")
    assert not spoke.abstained and "Ms. Baptiste (Saint Lucia): Small island developing States" in spoke.text
    assert _documents(spoke) == {"A/73/PV.45"}
    silent = assistant.answer("What did Germany say at the First Committee?")  # no indexed record of the Committee's debate
    assert silent.abstained and "does not record the content of statements" in silent.text
    assert assistant.answer("Who chaired the First Committee?").abstained
    # China is in the plenary's vote lists but did not speak: no explanation of vote is recorded
    assert assistant.answer("What did China say in explanation of vote at the 45th plenary meeting?").abstained
    # a person asked is in the text (the record's masthead), never in a vote record: no tally for it
    chaired = assistant.answer("who chaired the general assembly meeting where 73/27 was adopted?")
    assert chaired.tool is None and _documents(chaired) == {"A/73/PV.45"} and "119 to 46" not in chaired.text
    assert "President: Ms. Espinosa Garcés" in chaired.text  # the sentence holding a person's office (answer_types evidence)


def test_a_draft_its_introducers_state_submitted_alone(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("Who submitted L.61?")  # A/78/407, para. 11: no "on behalf of" list
    assert answer.text.startswith("The draft decision (A/C.1/78/L.61) of A/78/407 was submitted on 19 October 2023 by the "
                                  "representative of Brazil.")
    assert "no sponsors" not in answer.text


def test_a_states_vote_in_committee_and_in_plenary(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("Did Mexico change its vote on the Russian text between the committee and the plenary in 2018?")
    assert answer.text.startswith("No: Mexico voted in favour of draft resolution I (A/C.1/73/L.27/Rev.1) of A/73/505, adopted by "
                                  "the First Committee")
    assert "Mexico voted in favour of draft resolution I of A/73/505 (resolution 73/27) in A/73/PV.45" in answer.text
    assert _documents(answer) == {"A/73/505", "A/73/PV.45"}
    answer = assistant.answer("How did Mexico vote on L.27/Rev.1 in committee and in the plenary?")  # the symbol names A/73/505 only
    assert _documents(answer) == {"A/73/505", "A/73/PV.45"} and "do not cover" not in answer.text


def test_a_description_naming_two_years_compares_two_drafts(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("How many more States voted against the Russian draft in 2023 than in 2018?")
    assert answer.text.startswith("Draft resolution I (A/C.1/78/L.14) of A/78/407 received 51 votes against, 6 more than the 45 on "
                                  "draft resolution I (A/C.1/73/L.27/Rev.1) of A/73/505")
    answer = assistant.answer("Compare the Russian draft in 2018 with the one in 2023")
    assert answer.tool == "comparison" and answer.table is not None
    assert answer.table["columns"] == ["Aspect", "A/C.1/73/L.27/Rev.1", "A/C.1/78/L.14"]
    assert _documents(answer) == {"A/73/505", "A/78/407"}


def test_them_after_a_sponsor_list_is_the_sponsors(assistant) -> None:  # type: ignore[no-untyped-def]
    conversation = Conversation()
    first = assistant.answer("How many States sponsored the Kenyan draft?", conversation)
    assert "the representative of Kenya submitted draft resolution III (A/C.1/78/L.52)" in first.text
    answer = assistant.answer("and did any of them vote against L.14?", conversation)
    assert answer.text.startswith("No: Of the 10 sponsors of draft resolution III (A/C.1/78/L.52) of A/78/407, on draft resolution I "
                                  "(A/C.1/78/L.14) of A/78/407: 6 in favour")


def test_three_votes_with_a_position_each(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("Which States abstained on both Russian drafts but voted in favour of the HRC resolution?")
    assert answer.tool == "vote_cross"
    assert answer.text.startswith("2 Member States abstained on draft resolution I (A/C.1/73/L.27/Rev.1) of A/73/505 and draft "
                                  "resolution I (A/C.1/78/L.14) of A/78/407 and voted in favour of resolution A/HRC/RES/54/18: "
                                  "Côte d'Ivoire and Senegal.")


def test_a_groups_members_on_the_council(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("Which Latin American members of the Human Rights Council voted against resolution 54/18?")
    assert answer.text.startswith("Members of the Latin American and Caribbean States on the Human Rights Council in 2023 "
                                  "(8 Member States): none voted against resolution A/HRC/RES/54/18.")


def test_titles_of_an_agenda_item_and_of_a_resolution(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("What is the title of agenda item 104?")
    assert answer.text.startswith("A/78/407, under agenda item 104, is entitled \u201cProtection of critical information "
                                  "infrastructure in the context of international security\u201d.")
    assert [c.id for c in answer.citations] == ["A/78/407#header"]
    answer = assistant.answer("who tabled the digital access resolution at the HRC?")
    assert answer.text.startswith("The documents record no sponsors for resolution A/HRC/RES/54/18.")


def test_passages_holding_the_answer_in_other_words_are_answers(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("What does the 2023 Netherlands draft say about funding?")  # op. 4: existing resources, contributions
    assert answer.grade == "answered" and _documents(answer) == {"A/78/407"}
    assert any(c.id.startswith("A/78/407#DR-II.OP-4") for c in answer.citations)
    answer = assistant.answer("How many sessions a year will the permanent mechanism hold?")  # op. 3 says 'the mechanism'
    assert answer.grade == "answered" and "three sessions each year" in answer.text
    answer = assistant.answer("was the dutch text amended before the vote?")  # a question on the text, not on the vote
    assert answer.tool is None and "A/78/407#para-7" in [c.id for c in answer.citations]


def test_records_answer_what_users_asked_of_the_documents(assistant) -> None:  # type: ignore[no-untyped-def]
    both = assistant.answer("At what meeting did the HRC adopt 54/18 and under which agenda item")  # two parts, both answered
    assert "at its 41st meeting, on 12 October 2023" in both.text and "A/HRC/RES/54/18 is under agenda item 3" in both.text
    compared = assistant.answer("difference between the 2018 report and the 2023 report")
    assert compared.tool == "comparison" and compared.table is not None
    assert compared.table["columns"] == ["Aspect", "A/73/505", "A/78/407"]
    said = assistant.answer("What does L.52 say?")  # no topic: the draft's records and its first operative paragraph
    assert said.tool == "summary" and "Invites Member States in a position to do so" in said.text
    denied = assistant.answer("Why did the United States vote in favour of the Russian draft in 2018?")
    assert denied.text.startswith("No: The United States of America voted against draft resolution I (A/C.1/73/L.27/Rev.1)")
    assert [c.id for c in denied.citations] == ["A/73/505#para-7", "A/73/PV.45#passage-8"]  # both 2018 votes; no reason sought


def test_a_conversation_over_a_list_keeps_the_list(assistant) -> None:  # type: ignore[no-untyped-def]
    """A/78/407 para. 12 (L.61, abstaining: 9) and para. 5 (L.14): the list of one turn carried by "those" and "that group"."""
    conversation = Conversation()
    first = assistant.answer("who abstained on the brazil decision L.61?", conversation)
    assert first.text.startswith("9 Member States abstained on the draft decision (A/C.1/78/L.61)")  # Brazil is no State asked
    second = assistant.answer("how did those vote on L.14?", conversation)
    assert "Of the 9 Member States that abstained on the draft decision (A/C.1/78/L.61)" in second.text
    assert "9 voted against" in second.text
    assert assistant.answer("is japan in that group?", conversation).text.startswith("Yes: Japan is one of the 9 Member States")
    assert assistant.answer("and was france one of them?", conversation).text.startswith("No: France is not among the 9")
