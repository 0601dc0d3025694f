"""Bad input never raises: every odd question gets a clear message and the session goes on.

The language rules (``assistant.language``) are pure and tested first; the rest asks the real
assistant (real Chroma, real embedding model) and, after each bad input, asks a real question
in the same ``Conversation`` to show the session still works.
"""

import pytest

from assistant.conversation import Conversation
from assistant.language import detect_language, language_notice
from assistant.render import answer_markdown

FRANCE = "How did France vote on draft resolution I?"
FRANCE_EXPECTED = "France voted against"
PROMPT = "Please type a question"
NOT_COVERED = "The documents in the corpus do not cover this"


# --- assistant.language: pure rules -------------------------------------------------------------------

@pytest.mark.parametrize("question, language", [
    ("Comment la France a-t-elle voté sur le projet de résolution I ?", "French"),
    ("Quels États se sont abstenus sur les deux projets ?", "French"),
    ("Et la France ?", "French"),
    ("¿Cómo votó Francia sobre el proyecto de resolución I?", "Spanish"),
    ("Como voto Francia en el proyecto de resolucion I?", "Spanish"),
    ("Qué países votaron en contra del proyecto de resolución II", "Spanish"),
    ("Как голосовала Франция по проекту резолюции I?", "Russian"),
    ("كيف صوتت فرنسا على مشروع القرار الأول؟", "Arabic"),
    ("法国对决议草案一如何投票？", "Chinese"),
    ("法国在L.37上如何投票？", "Chinese"),
    ("日本はどう投票しましたか", "Japanese"),
    ("프랑스는 어떻게 투표했습니까?", "Korean"),
])
def test_clearly_foreign_questions_get_the_english_only_notice(question, language):
    assert detect_language(question) == language
    notice = language_notice(question)
    assert notice is not None and "English only" in notice and language in notice


@pytest.mark.parametrize("question", [
    FRANCE,
    "what does the text say about critical infrastructure",
    "How did the République démocratique du Congo vote on L.37?",
    "How did Côte d'Ivoire vote on L.37?",
    "How did Россия vote on L.37?",
    "How did 中国 vote on draft resolution II?",
    "Did مصر abstain on the Russian draft?",
    "What does the text say about la Francophonie?",
    "A/C.1/73/L.37",
    "A/C.1/73/L.27/Rev.1",
    "L.37?",
    "🙂",
    "🇫🇷🗳️❓",
    "",
    "   ",
    "12345 !!! ???",
    "\u202eHow did France vote on draft resolution I?\u202c",
    "<script>alert('x')</script>",
    "'; DROP TABLE votes; --",
])
def test_english_symbols_emoji_and_mixed_questions_get_no_notice(question):
    assert detect_language(question) is None
    assert language_notice(question) is None


def test_notice_is_plain_english_and_shows_how_to_ask():
    notice = language_notice("Comment la France a-t-elle voté ?")
    assert notice is not None and notice.isascii() and FRANCE in notice


# --- the real assistant: bad input, then the session goes on -------------------------------------------

def ask_then_france(assistant, question):
    """Answer a bad question, then the France question in a new session; return the first answer."""
    return ask_then_france_in(assistant, Conversation(), question)


def ask_then_france_in(assistant, conversation, question):
    """Answer a bad question, then the France question in the same session; return the first answer."""
    bad = assistant.answer(question, conversation)
    good = assistant.answer(FRANCE, conversation)
    assert FRANCE_EXPECTED in good.text, (question[:80], good.text)
    return bad


def assert_clear(answer):
    """A message a reader can act on: some text, no traceback, no raw control characters."""
    assert answer.text.strip(), answer
    assert "Traceback" not in answer.text
    assert not any(ord(c) < 32 and c != "\n" for c in answer.text)




@pytest.mark.slow
@pytest.mark.parametrize("question", ["", "   \t\n  ", "\x00\x07\x1b", "\u200b\u200b"],
                         ids=["empty", "whitespace", "controls-only", "zero-width"])
def test_empty_question_asks_for_a_question(assistant, question):
    answer = ask_then_france(assistant, question)
    assert PROMPT in answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question", ["", "   \t\n  ", "\x00\x07\x1b"], ids=["empty", "whitespace", "controls-only"])
def test_empty_question_does_not_raise_or_break_the_session(assistant, question):
    answer = ask_then_france(assistant, question)
    assert answer.citations == [] and not answer.tool


@pytest.mark.slow
def test_twenty_thousand_characters_are_cut_and_the_answer_says_so(assistant):
    question = (FRANCE + " ") * 500
    question = question[:20000]
    answer = ask_then_france(assistant, question)
    assert_clear(answer)
    assert any("20000 characters" in n and "first 2000" in n for n in answer.notes), answer.notes
    assert answer.notes[0] in answer.text
    assert FRANCE_EXPECTED in answer.text


@pytest.mark.slow
def test_twenty_thousand_characters_of_noise(assistant):
    answer = ask_then_france(assistant, "x" * 20000)
    assert_clear(answer)
    assert "20000 characters" in answer.text and NOT_COVERED in answer.text


@pytest.mark.slow
def test_control_characters_are_ignored(assistant):
    answer = ask_then_france(assistant, "How did\x00 France\x07 vote on\x1b[31m draft\x7f resolution I?\x0c")
    assert_clear(answer)
    assert FRANCE_EXPECTED in answer.text and answer.tool == "vote_position"


@pytest.mark.slow
@pytest.mark.parametrize("question", ["🙂", "🇫🇷🗳️❓", "😀" * 300])
def test_emoji_only(assistant, question):
    answer = ask_then_france(assistant, question)
    assert_clear(answer)
    assert PROMPT in answer.text or NOT_COVERED in answer.text, answer.text


@pytest.mark.slow
def test_emoji_around_a_real_question(assistant):
    answer = ask_then_france(assistant, "🗳️ How did Egypt vote on L.37? 🤔")
    assert "Egypt voted against draft resolution II" in answer.text


@pytest.mark.slow
def test_right_to_left_override_around_an_english_question(assistant):
    answer = ask_then_france(assistant, "\u202eHow did France vote on draft resolution I?\u202c")
    assert_clear(answer)
    assert FRANCE_EXPECTED in answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "كيف صوتت فرنسا على مشروع القرار الأول؟",
    "\u200fمصر\u200f How did Egypt vote on L.37?",
    "איך הצביעה צרפת?",
], ids=["arabic", "rlm-marks-around-english", "hebrew"])
def test_right_to_left_text(assistant, question):
    answer = ask_then_france(assistant, question)
    assert_clear(answer)


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "كيف صوتت فرنسا على مشروع القرار الأول؟",
    "Comment la France a-t-elle voté sur le projet de résolution I ?",
], ids=["arabic", "french"])
def test_non_english_question_gets_the_english_only_notice(assistant, question):
    answer = ask_then_france(assistant, question)
    assert "English only" in answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, tally", [
    ("A/C.1/73/L.37", "139 in favour, 11 against and 18 abstaining"),
    ("A/C.1/73/L.27/Rev.1", "109 in favour, 45 against and 16 abstaining"),
])
def test_a_bare_document_symbol_answers_about_that_draft(assistant, question, tally):
    answer = ask_then_france(assistant, question)
    assert tally in answer.text


@pytest.mark.slow
def test_a_bare_document_symbol_does_not_raise(assistant):
    answer = ask_then_france(assistant, "A/C.1/73/L.37")
    assert_clear(answer)
    assert answer.citations


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "'; DROP TABLE votes; --",
    "Robert'); DROP TABLE states;--",
    "SELECT * FROM votes WHERE state = 'France' OR 1=1",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "<b>bold</b> <a href='javascript:alert(1)'>click</a>",
    "{{7*7}} ${7*7} %s %n",
    "How did France vote on <script>alert(1)</script> draft resolution I?",
])
def test_sql_html_and_script_text(assistant, question):
    answer = ask_then_france(assistant, question)
    assert_clear(answer)
    for shown in (answer.text, answer_markdown(answer)):
        assert "<script" not in shown.lower() and "onerror=" not in shown.lower() and "javascript:" not in shown.lower()


@pytest.mark.slow
def test_script_inside_a_real_question_still_answers_it(assistant):
    answer = ask_then_france(assistant, "How did Egypt vote on L.37? <script>alert(1)</script>")
    assert "Egypt voted against draft resolution II" in answer.text and "<script" not in answer.text


@pytest.mark.slow
def test_lone_surrogate_in_a_content_question(assistant):
    answer = ask_then_france(assistant, "What does the text say about \ud800 critical infrastructure?")
    assert_clear(answer)


@pytest.mark.slow
def test_lone_surrogate_in_a_vote_question(assistant):
    answer = ask_then_france(assistant, "How did Egypt\ud800 vote on L.37?")
    assert "Egypt voted against draft resolution II" in answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "What does the text say about critical infrastructure?",
    "What does draft resolution II say about capacity-building?",
])
def test_which_paragraph_follow_up_does_not_break_the_session(assistant, question):
    conversation = Conversation()
    first = assistant.answer(question, conversation)
    assert first.citations
    answer = ask_then_france_in(assistant, conversation, "Which paragraph is that?")
    assert answer.text.startswith("The previous answer rests on " + first.citations[0].label), answer.text

