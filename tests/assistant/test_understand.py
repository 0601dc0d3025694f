"""Reading a question's scope (assistant/understand): the vocabulary of words.toml and the documents and votes a
question picks, over A/73/505 and the documents written for the tests (a 2023 report of three drafts and a draft
decision, a Human Rights Council resolution, a plenary record). Pure: no Chroma, no embedder."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from assistant.drafts import find_drafts
from assistant.entities import find_mentions
from assistant.router import read_question
from assistant.understand.answer_types import answer_types, asked_type, unheld
from assistant.understand.lexicon import PHRASE_SECTIONS, lexicon
from assistant.understand.parts import question_parts
from assistant.understand.profiles import profiles, session_of
from assistant.understand.scope import _bodies, _introducers, _Token, _windows, read_scope
from assistant.verdict import asked_positions, is_polar, vote_verdict
from assistant.votes import crossvotes
from assistant.votes.votebook import DraftKey, VoteBook
from ingest.member_states import name_key
from ingest.pipeline import parse_files
from ingest.records import ParsedDocument

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "tests" / "data" / "formats"


@pytest.fixture(scope="module")
def corpus() -> list[ParsedDocument]:
    files = [ROOT / "corpus" / "A_73_505.txt", *(FORMATS / f for f in ("A_78_407.txt", "A_HRC_RES_54_18.txt", "A_73_PV_45.txt"))]
    return parse_files(files)


def _tokens(text: str) -> list[_Token]:
    from assistant.understand.scope import _TOKEN_RE

    return [_Token(m.start(), m.end(), m.group(), name_key(m.group())) for m in _TOKEN_RE.finditer(text)]


@pytest.mark.parametrize("section,expected,example", lexicon().examples, ids=lambda v: str(v)[:40])
def test_every_entry_reads_its_example_as_intended(section: str, expected: str, example: str) -> None:
    words = lexicon()
    if section == "body":
        assert expected in {body for _, body in _bodies(example, words)}
    elif section == "demonym":
        windows = _windows(example, _tokens(example), words)
        assert any(expected in _introducers(example, w, words) for w in windows)
    elif section in ("draft_nouns", "decision_nouns", "document_nouns", "document_prepositions"):
        nouns = {"draft_nouns": words.draft_nouns, "decision_nouns": words.decision_nouns, "document_nouns": words.document_nouns,
                 "document_prepositions": words.document_prepositions}[section]
        assert {t.folded for t in _tokens(example)} & nouns
    elif section == "description_breaks":
        assert {t.folded for t in _tokens(example)} & words.breaks
    elif section == "description_left_breaks":  # the State before the preposition is no introducer of the draft described
        assert not any(_introducers(example, w, words) for w in _windows(example, _tokens(example), words))
    elif section == "same_words":  # a description of only these words, a body and a year points back
        from assistant.understand.scope import _refers_back

        assert any(_refers_back(w, words) for w in _windows(example, _tokens(example), words))
    elif section == "position_nouns":  # the words before the noun describe a draft
        assert any(_windows(example, _tokens(example), words))
        assert {t.folded for t in _tokens(example)} & words.position_nouns
    elif section == "about_words":
        assert {t.folded for t in _tokens(example)} & words.about_words
    elif section == "member_nouns":
        assert any(m.kind == "group" for m in find_mentions(example, fuzzy=False))
    elif section == "spelling_words":  # the example's misspellings are read as listed words
        from assistant.spelling import correct_spelling

        assert correct_spelling(example, set())[1]
    elif section == "undistinctive":
        assert {t.folded for t in _tokens(example)} & words.undistinctive
    elif section == "part_noun":
        assert any(p.search(example) for p, kind in words.part_nouns if kind == expected)
    elif section == "set_up_body":
        assert any(aliases.search(example) for key, _, aliases, _ in words.set_up_bodies if key == expected)
    elif section == "document_kind":
        assert any(words.document_kinds.get(t.folded) == expected for t in _tokens(example))
    elif section == "proposed_name":
        assert any(names.search(example) for key, names in words.proposed_names if key == expected)
    elif section == "position_word":
        assert any(p.search(example) for p, position in words.position_words if position == expected)
    elif section == "pro_form_nouns":  # the description ending on it keeps to the documents of the one before
        from assistant.understand.scope import _pro_form

        assert sum(_pro_form(w, words) for w in _windows(example, _tokens(example), words)) == 1
    elif section == "vote_follow_up_fillers":  # besides a year or a body, the follow-up says only these words
        from assistant.language import ENGLISH_FUNCTION_WORDS
        from assistant.understand.scope import names_time_or_body

        said = {w.lower() for w in re.findall(r"[A-Za-z]+", example) if not names_time_or_body(w)} - ENGLISH_FUNCTION_WORDS
        assert said and said <= words.vote_follow_up_fillers
    else:
        assert section in PHRASE_SECTIONS
        assert getattr(words, section).search(example)


def _code_strings(path: Path) -> list[str]:
    """The string literals of a module's code, docstrings left out (their examples quote documents on purpose)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_no_module_of_the_understanding_names_a_document_of_the_corpus() -> None:
    """The reading's code holds no symbol, body or introducer of A/73/505 or of the test documents: they come from records."""
    strings = " ".join(s for p in (ROOT / "assistant" / "understand").glob("*.py") for s in _code_strings(p))
    assert _code_strings(ROOT / "assistant" / "understand" / "lexicon.py")  # the check reads literals at all
    for name in ("A/73/505", "L.27", "L.37", "OEWG", "GGE", "Russian", "open-ended working group", "A/78/407", "54/18"):
        assert name.lower() not in strings.lower()


def test_profiles_come_from_the_records(corpus: list[ParsedDocument]) -> None:
    by_key = {p.key: p for p in profiles(corpus)}
    assert by_key[DraftKey("A/73/505", "I")].introducer == "Russian Federation"
    assert by_key[DraftKey("A/78/407", "II")].introducer == "Netherlands"
    assert "oewg" in by_key[DraftKey("A/73/505", "I")].acronyms and "gge" in by_key[DraftKey("A/73/505", "II")].acronyms
    assert by_key[DraftKey("A/73/PV.45", "I")].draft == by_key[DraftKey("A/73/505", "I")].draft  # one draft, two bodies
    assert by_key[DraftKey("A/73/PV.45", "I")].body == "General Assembly" and "73/27" in by_key[DraftKey("A/73/PV.45", "I")].symbols
    assert by_key[DraftKey("A/78/407", "decision I")].decision and "l.61" in by_key[DraftKey("A/78/407", "decision I")].symbols
    assert session_of("A/HRC/RES/54/18") == "54" and session_of("A/C.1/78/L.14") == "78"


@pytest.mark.parametrize("question,keys,documents", [
    ("which way did norway vote on russia's 2018 cyber resolution in the disarmament commitee?", [("A/73/505", "I")], ["A/73/505"]),
    ("Did Switzerland support Russia's 2023 push on protecting critical information infrastructure?", [("A/78/407", "I")], ["A/78/407"]),
    ("Where did Saudi Arabia land on the final vote for the 2023 plan for a permanent UN cyber dialogue mechanism?",
     [("A/78/407", "II")], ["A/78/407"]),
    ("Did Japan vote for the Brazilian draft decision on open-ended consultations in 2023?", [("A/78/407", "decision I")], ["A/78/407"]),
    ("Did India back the Human Rights Council's resolution on equitable access to digital technologies?",
     [("A/HRC/RES/54/18", "A/HRC/RES/54/18")], ["A/HRC/RES/54/18"]),
    ("What did South Korea do in the Assembly vote on the OEWG resolution in Dec 2018?", [("A/73/PV.45", "I")], ["A/73/PV.45"]),
    ("Which States abstained on the 2018 open-ended working group draft in the First Committee but voted against the 2023 draft L.14?",
     [("A/73/505", "I"), ("A/78/407", "I")], ["A/73/505", "A/78/407"]),
    ("which got more no votes in committee - the 2018 US draft L.37 or the 2023 institutional dialogue draft?",
     [("A/73/505", "II"), ("A/78/407", "II")], ["A/73/505", "A/78/407"]),
    ("Which countries switched from abstaining in committee to voting yes in the General Assembly on the 2018 OEWG resolution?",
     [("A/73/505", "I"), ("A/73/PV.45", "I")], ["A/73/505", "A/73/PV.45"]),
])
def test_a_described_draft_is_the_vote_its_records_fit(corpus: list[ParsedDocument], question: str, keys: list[tuple[str, str]],
                                                      documents: list[str]) -> None:
    scope = read_scope(question, corpus, profiles(corpus))
    assert [k for d in scope.described for k in d.keys] == [DraftKey(*k) for k in keys]
    assert list(scope.documents) == documents and scope.narrowed


def test_a_session_or_a_symbol_narrows_the_documents(corpus: list[ParsedDocument]) -> None:
    ps = profiles(corpus)
    assert read_scope("what is draft resolution I about in the 78th session report?", corpus, ps).documents == ("A/78/407",)
    assert read_scope("How does the mechanism in draft resolution II of the seventy-eighth session report take its decisions?",
                      corpus, ps).documents == ("A/78/407",)
    assert read_scope("What does 54/18 ask the High Commissioner's office to do?", corpus, ps).documents == ("A/HRC/RES/54/18",)
    # words alone, with no noun standing for a draft, pick votes for a vote question but never narrow the documents
    assert not read_scope("What does the text say about critical infrastructure?", corpus, ps).narrowed


def test_a_follow_up_describes_with_its_own_words_first(corpus: list[ParsedDocument]) -> None:
    """"And in committee?" completed with the Assembly question: the same draft, in the body the follow-up names."""
    follow_up = "And in committee?"
    text = f"{follow_up} What was the Assembly vote on the working group resolution in 2018?"
    scope = read_scope(text, corpus, profiles(corpus), focus=len(follow_up))
    assert [k for d in scope.described for k in d.keys] == [DraftKey("A/73/505", "I")]


def test_a_description_names_the_draft_and_masks_its_introducer(corpus: list[ParsedDocument]) -> None:
    question = "What was the committee vote count on Russia's 2018 cyber resolution?"
    scope = read_scope(question, corpus, profiles(corpus))
    asked = read_question(question, corpus, scope.described)
    assert [(r.document, r.number) for r in asked.drafts] == [("A/73/505", "I")]
    assert not asked.states  # "Russia's" is who introduced the draft, not who voted
    assert re.search(r"\bRussia", asked.masked) is None


def test_in_every_counts_one_position_on_any_number_of_votes(corpus: list[ParsedDocument]) -> None:
    book = VoteBook(corpus)
    keys = [DraftKey("A/78/407", "I"), DraftKey("A/78/407", "II"), DraftKey("A/78/407", "decision I")]
    result = crossvotes.in_every(book, keys, "in_favour")
    assert result.data["states"][:3] == ["Armenia", "Barbados", "Belize"] and len(result.data["states"]) == 49
    assert result.claims[0].text.startswith("49 Member States voted in favour of all 3")
    assert find_drafts("L.14", corpus)[0][0].document == "A/78/407"


@pytest.mark.parametrize("question,numbers", [
    ("What was the vote on keeping OP1 of L.38/Rev.1?", ["II / operative paragraph 1"]),
    ("how many countries abstained on keeping OP1 but voted yes on L.38/Rev.1 overall?", ["II / operative paragraph 1", "II"]),
    ("How did Lesotho vote on L.38/Rev.1, on the paragraph and on the whole?", ["II", "II / operative paragraph 1"]),
    ("What was the vote on L.38/Rev.1?", ["II"]),
])
def test_a_paragraph_with_a_separate_vote_stands_for_that_vote(corpus: list[ParsedDocument], question: str, numbers: list[str]) -> None:
    from assistant.router import _with_part_votes

    report = [d for d in corpus if d.symbol == "A/78/407"]
    asked = _with_part_votes(read_question(question, report), VoteBook(report))
    assert [r.number for r in asked.drafts] == numbers


def test_a_separate_vote_is_named_and_tallied_from_its_record(corpus: list[ParsedDocument]) -> None:
    book = VoteBook([d for d in corpus if d.symbol == "A/78/407"])
    claim = book.tally(DraftKey("A/78/407", "II / operative paragraph 1")).claims[0]
    assert claim.text.startswith("Operative paragraph 1 of draft resolution II (A/C.1/78/L.38/Rev.1) was retained by the First "
                                 "Committee at its 30th meeting, on 3 November 2023, by a recorded vote of 92 to 52, with 24 abstentions")
    assert claim.citations == ("A/78/407#para-8(a)",)
    assert DraftKey("A/78/407", "II / operative paragraph 1") not in book.drafts()  # never one of "all the drafts"


def test_a_draft_of_a_document_not_indexed_is_said_to_have_no_recorded_vote(corpus: list[ParsedDocument]) -> None:
    """"draft resolution I of A/73/507": the plenary record names that report, but no vote on its draft I."""
    question = "What was the vote on draft resolution I of A/73/507 (science and technology)?"
    scope = read_scope(question, corpus, profiles(corpus))
    assert [(d.keys, d.unknown) for d in scope.described] == [((), "A/73/507")]
    assert [u.symbol for u in read_question(question, corpus, scope.described).unknown] == ["A/73/507"]


def test_positions_are_read_once_where_two_vocabularies_overlap(corpus: list[ParsedDocument]) -> None:
    """"voted yes … but no on …": 'voted yes' (words.toml) and 'yes' (router) are one position, not two."""
    question = "which states voted yes on the russian 2018 draft but no on the american one in the first committee?"
    scope = read_scope(question, corpus, profiles(corpus))
    asked = read_question(question, corpus, scope.described)
    assert [p for _, p in asked.positions] == ["in_favour", "against"]


@pytest.mark.parametrize("question,read", [
    ("Who introduced draft resolution II in the 2023 report?", "Who introduced draft resolution II"),
    ("what is draft resolution I about in the 78th session report?", "what is draft resolution I about"),
    ("How many operative paragraphs does draft resolution II have in A/78/407?",
     "How many operative paragraphs does draft resolution II have"),
])
def test_the_words_naming_a_document_are_read_no_further(corpus: list[ParsedDocument], question: str, read: str) -> None:
    from assistant.understand.scope import blank

    scope = read_scope(question, corpus, profiles(corpus))
    assert scope.documents == ("A/78/407",)
    assert " ".join(blank(question, scope.naming).replace("?", " ").split()) == read
    assert not read_scope("What does the report say about critical infrastructure?", corpus, profiles(corpus)).naming


@pytest.mark.parametrize("kind", answer_types(), ids=lambda k: k.name)
def test_every_answer_type_example_asks_for_its_kind_and_a_073_505_does_not_hold_it(kind, corpus: list[ParsedDocument]) -> None:
    texts = [u.text for doc in corpus if doc.symbol == "A/73/505" for u in doc.units]
    assert asked_type(kind.example) == kind
    assert unheld(kind.example, texts) == kind.reason


def test_a_kind_of_fact_the_documents_hold_is_answered() -> None:
    assert unheld("In which city will the OEWG meet?", ["The group shall meet at United Nations Headquarters in New York."]) is None
    assert unheld("What does draft I say about critical infrastructure?", ["anything"]) is None


@pytest.mark.parametrize(("question", "parts"), [
    ("When and by whom was each draft submitted, and what was each one's recorded vote?",
     ["When and by whom was each draft submitted?", "what was each one's recorded vote?"]),
    ("Who introduced draft I? How did France vote on it?", ["Who introduced draft I?", "How did France vote on it?"]),
    ("How many voted in favour and how many against?", ["How many voted in favour and how many against?"]),
    ("Which States voted for draft I and against draft II?", ["Which States voted for draft I and against draft II?"]),
    ("Both drafts recall earlier resolutions. Which is the first resolution recalled in each?",
     ["Both drafts recall earlier resolutions. Which is the first resolution recalled in each?"]),
    # a question word alone at the end asks it of the same thing (the documents say how States voted, not why)
    ("How did Egypt vote on L.37, and why?", ["How did Egypt vote on L.37?", "why did Egypt vote on L.37?"]),
    ("How did France vote on draft I and for what reason?",
     ["How did France vote on draft I?", "for what reason did France vote on draft I?"]),
    ("Who introduced draft I and when?", ["Who introduced draft I and when?"]),  # no auxiliary to keep: one question
    # a reason asked takes its question for granted: that is checked first (the HRC resolution was put to a vote, 28-13-6)
    ("Why was the HRC resolution adopted without a vote?",
     ["Was the HRC resolution adopted without a vote?", "Why was the HRC resolution adopted without a vote?"]),
    ("why is it?", ["why is it?"]),
])
def test_a_question_is_cut_into_the_questions_it_asks(question: str, parts: list[str]) -> None:
    assert question_parts(question) == parts


@pytest.mark.parametrize(("question", "polar", "negated"), [
    ("Did Turkey back draft II?", True, False),
    ("Did Japan refuse to back the US text?", True, True),
    ("Didn't France vote against draft I?", True, False),
    ("Was Guinea an original sponsor of draft resolution I, or did it join later?", False, False),
    ("How did Turkey vote on draft II?", False, False),
])
def test_yes_no_questions_and_the_positions_they_turn_round(question: str, polar: bool, negated: bool) -> None:
    named = read_question(question, []).positions
    assert is_polar(question) is polar
    assert asked_positions(question, named)[1] is negated


@pytest.mark.parametrize("question", ["", "   ", "?", "and", "Thanks. How did Egypt vote?"])
def test_an_empty_or_one_part_question_is_itself(question: str) -> None:
    assert question_parts(question) == [question]


def test_a_verdict_is_given_only_when_every_record_agrees(corpus: list[ParsedDocument]) -> None:
    from assistant.router import merge

    book = VoteBook([d for d in corpus if d.symbol == "A/73/505"])
    both = [DraftKey("A/73/505", "I"), DraftKey("A/73/505", "II")]
    question = "Did Turkey abstain?"
    asked = read_question(question, [])
    mixed = vote_verdict(question, asked.positions, merge([book.position("Turkey", d) for d in both], asked))
    assert not mixed.claims[0].text.startswith(("Yes", "No"))  # abstained on draft I, in favour of draft II
    one = vote_verdict(question, asked.positions, merge([book.position("Turkey", both[0])], asked))
    assert one.claims[0].text.startswith("Yes: Turkey abstained on draft resolution I")


def test_a_plenary_vote_on_a_reports_draft_has_the_reports_sponsorship(corpus) -> None:
    book = VoteBook(corpus)
    assert book.sponsorship(DraftKey("A/73/PV.45", "I")) is book.sponsorship(DraftKey("A/73/505", "I"))
    assert book.sponsorship(DraftKey("A/73/PV.45", "I")).introduced_by == "Russian Federation"  # type: ignore[union-attr]


def test_a_follow_up_naming_a_year_or_body_is_completed_with_the_question_before_it(corpus) -> None:
    from assistant.conversation import Conversation, rewrite

    conversation = Conversation()
    conversation.add("Who introduced draft resolution I of the 2023 report?", "Who introduced draft resolution I of the 2023 report?",
                     ["A/78/407#para-4"], ["A/78/407, para. 4"])
    # appended, not substituted: the scope reads the follow-up's own year first (``read_scope``'s focus)
    assert rewrite("and in 2018 on the Russian one?", conversation, corpus) == (
        "and in 2018 on the Russian one? Who introduced draft resolution I of the 2023 report?")
    assert rewrite("and in the plenary?", conversation, corpus) == (
        "and in the plenary? Who introduced draft resolution I of the 2023 report?")
    assert rewrite("and draft II?", conversation, corpus) != "and draft II? Who introduced draft resolution I of the 2023 report?"


def test_a_vote_lists_states_as_its_document_prints_them(corpus) -> None:
    book = VoteBook(corpus)
    listed = book.listing(DraftKey("A/78/407", "I"), "against")
    assert "Türkiye" in listed.claims[0].text and "North Macedonia" in listed.claims[0].text
    assert "Turkey" not in listed.claims[0].text and "former Yugoslav" not in listed.claims[0].text
    assert ("Netherlands (Kingdom of the)", "against") in listed.table.rows  # type: ignore[union-attr]
    assert book.position("Turkey", DraftKey("A/78/407", "I")).claims[0].text.startswith("Turkey (listed as Türkiye) voted against")
    assert book.position("Turkey", DraftKey("A/73/505", "I")).claims[0].text.startswith("Turkey abstained on")  # 2018 spelling


@pytest.mark.parametrize(("question", "about_a_vote"), [
    ("Will the new mechanism decide by majority vote?", False),  # how the body decides: A/78/407, draft II, op. 2
    ("Will the working group settle things by a majority vote?", False),
    ("Does the group of governmental experts take its decisions by consensus?", False),
    ("Was draft I adopted by a majority vote?", True),
    ("How many States voted for the mechanism draft?", True),
])
def test_how_a_body_decides_is_a_question_on_the_text(corpus, question: str, about_a_vote: bool) -> None:
    from assistant.router import is_vote_question

    assert is_vote_question(read_question(question, corpus)) is about_a_vote
