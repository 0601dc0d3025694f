"""best_clause: the clause of a long operative sentence that answers, verbatim (pure, fast)."""

from assistant.compose import best_clause

OP5 = ("Decides to convene, beginning in 2019, an open-ended working group acting on a consensus basis, to continue, as a "
       "priority, to further develop the rules, norms and principles; if necessary, to introduce changes to them, and to "
       "submit a report on the results of the study to the General Assembly at its seventy-fifth session, and to provide the "
       "possibility of holding, from within voluntary contributions, intersessional consultative meetings;")


def test_the_reporting_clause_answers_when_it_reports():
    assert best_clause(OP5, "When does the group report to the General Assembly?") == (
        "… and to submit a report on the results of the study to the General Assembly at its seventy-fifth session …")


def test_the_opening_clause_has_no_leading_ellipsis():
    assert best_clause(OP5, "Does it act on a consensus basis?").startswith("Decides to convene")


def test_a_sentence_of_one_clause_is_returned_whole():
    sentence = "Calls upon Member States to promote further the consideration of existing and potential threats."
    assert best_clause(sentence, "What are Member States called upon to do?") == sentence
