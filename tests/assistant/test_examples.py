"""The chat UI's example questions are written from the records of the corpus indexed (pure; parsed documents only)."""

from __future__ import annotations

from assistant.examples import corpus_examples


def test_examples_from_a_73_505_name_its_first_draft_s_first_state_against(document):
    # para. 7: "Against: Albania, Andorra, …"; draft I op. 5 convenes an open-ended working group; two drafts
    assert corpus_examples([document]) == [
        "How did Albania vote on draft resolution I?",
        "Which States abstained on both drafts?",
        "Who introduced the open-ended working group resolution, and when?",
        "Summarize A/73/505.",
    ]


def test_examples_come_from_the_first_report_with_votes_and_say_both_only_of_two_drafts(four_documents):
    by_symbol = {d.symbol: d for d in four_documents}
    hrc, a78 = by_symbol["A/HRC/RES/54/18"], by_symbol["A/78/407"]
    assert corpus_examples([hrc]) == ["Which documents do you have?", "Summarize A/HRC/RES/54/18."]  # no draft resolution voted
    shown = corpus_examples([hrc, a78])
    assert shown[0] == "How did Albania vote on draft resolution I?" and shown[-1] == "Summarize A/78/407."
    assert shown[1] == "Which States abstained on draft resolution I?"  # A/78/407 recommends more than two drafts
