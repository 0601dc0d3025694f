"""The parts of a question that asks several things at once, each to be answered in turn.

"When and by whom was each draft submitted, and what was each one's recorded vote?" asks two things: who submitted
the drafts and when, then their recorded votes. A question splits where one sentence ends and another question
begins ("Who introduced draft I? How did France vote on it?"), and at "and", "; " or ", plus" when a word that opens
a question follows (``part_openers`` in words.toml) and the new part is a question of its own (at least
``MIN_PART_WORDS`` words): "How many voted in favour and how many against?" stays one question. A premise stated
before the question ("Given that China abstained on L.37, …": ``premise_openers``) or confirmed by a tag ("…, right?":
``confirming_tags``) is a part of its own, checked first.
"""

from __future__ import annotations

import re

from assistant.understand.lexicon import lexicon

MIN_PART_WORDS = 4  # a shorter tail ("and when?", "and how many against?") is read with the question it ends
_SENTENCE_END_RE = re.compile(r"(?<=[?!])\s+(?=\S)|(?<=\.)\s+(?=[A-Z])")
_TAG_RE = re.compile(r",\s*(?P<tag>[\w' ]{1,20}?)\s*\?\s*$")
_COMMA_RE = re.compile(r",\s*")
PREMISE_CHECK = "Is it true that"  # how a premise is asked (verdict.is_polar reads it as a yes/no question)
_JOIN_RE = re.compile(r"(?:,\s*|\s+)and\s+(?:also\s+|then\s+)?|;\s*(?:and\s+)?|,\s*plus\s+|,\s*also\s+", re.I)
# "… and under which agenda item?": a question phrase with no verb of its own after "and"
_WH_PHRASE_TAIL_RE = re.compile(r"(?:,\s*|\s+)and\s+(?P<tail>(?:(?:in|at|on|under|by|from|for|with|of|to)\s+)?(?:which|what)"
                                r"(?:\s+[a-z]+){1,3}?)\s*[?!.]?\s*$", re.I)
_SUBJECT_AFTER_RE = re.compile(r"\s+(?:the|a|an|this|that|these|those|its|their|it|they|[A-Z][\w.'-]*)\b")  # 'did the HRC', 'was L.37'
_BARE_TAIL_RE = re.compile(r"(?:,\s*|\s+)and\s+(?P<wh>[a-z]+(?: [a-z]+){0,2}?)\s*[?!.]?\s*$", re.I)  # "… and why?"


# "the last one", "operative ones": a pro-form after a word that picks among parts of a text
_PART_PRO_FORM_RE = re.compile(r"\b(?P<adj>last|first|final|operative|preambular|other)\s+(?P<pro>ones?)\b", re.I)


def with_part_noun(part: str, before: str) -> str:
    """``part`` with its pro-form for parts of a text named by the noun of the part before it; else ``part`` unchanged.

    "How many operative paragraphs are in the HRC resolution, and what is the last one about?": the second part asks
    "what is the last operative paragraph about?"; after "how many preambular paragraphs …", "how many operative ones?"
    asks "how many operative paragraphs?" (words.toml [[part_noun]]).
    """
    pro = _PART_PRO_FORM_RE.search(part)
    if pro is None or any(pattern.search(part) for pattern, _ in lexicon().part_nouns):
        return part
    noun = next((m.group() for pattern, kind in lexicon().part_nouns if kind != "draft" and (m := pattern.search(before))), None)
    if noun is None:
        return part
    plural = noun if noun.endswith("s") else f"{noun}s"
    singular = noun[:-1] if noun.endswith("s") else noun
    if pro["adj"].lower() in ("operative", "preambular"):  # "operative ones": that kind, with the noun's head
        plural, singular = plural.split()[-1], singular.split()[-1]
    return f"{part[: pro.start('pro')]}{plural if pro['pro'].lower() == 'ones' else singular}{part[pro.end('pro'):]}"


def question_parts(text: str) -> list[str]:
    """The questions ``text`` asks, in order; ``[text]`` when it asks one thing.

    Example: 'When and by whom was each draft submitted, and what was each one's recorded vote?' →
    ['When and by whom was each draft submitted?', "what was each one's recorded vote?"].
    """
    parts = [p for sentence in _SENTENCE_END_RE.split(text.strip()) if sentence for p in _clauses(sentence)]
    asking: list[str] = []
    context = ""  # a statement before a question belongs to it ("Both drafts recall resolutions. Which is the first?")
    for part in parts:
        if _asks(part):
            asking.append(f"{context} {part}".strip())
            context = ""
        else:
            context = f"{context} {part}".strip()
    seen: dict[str, str] = {}
    for part in asking:  # a question asked twice is answered once
        seen.setdefault(" ".join(part.lower().split()), part)
    distinct = list(seen.values())
    return distinct if len(distinct) > 1 and not context else [text]


def _clauses(sentence: str) -> list[str]:
    """A sentence cut where a joined question begins, each part ending with the sentence's own mark.

    A premise ("Given that X, Q?") and a confirming tag ("X, right?") become the yes/no question "Is it true that X?",
    asked before the question proper.
    """
    words = lexicon()
    tagged = _TAG_RE.search(sentence)
    if tagged and words.confirming_tags.fullmatch(tagged.group("tag")) and not _opens_part(sentence):  # not "How did X vote, no?"
        return [f"{PREMISE_CHECK} {_lowered(sentence[: tagged.start()])}?"]
    opened = words.premise_openers.match(sentence)
    if opened:
        rest = sentence[opened.end() :]
        cut = next((m for m in _COMMA_RE.finditer(rest) if _opens_part(rest[m.end() :])), None)
        if cut is not None:
            return [f"{PREMISE_CHECK} {rest[: cut.start()].strip()}?", *_clauses(rest[cut.end() :])]
    if (asked_again := _bare_tail(sentence) or _wh_phrase_tail(sentence)) is not None:
        return asked_again
    if (presumed := _presumed(sentence)) is not None and _on_the_records(presumed):
        return [presumed, sentence]
    mark = sentence[-1] if sentence[-1:] in "?!." else ""
    cuts = [m for m in _JOIN_RE.finditer(sentence) if _opens_part(sentence[m.end():], sentence[: m.start()])]
    if not cuts:
        return [sentence]
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(sentence[start:cut.start()])
        start = cut.end()
    pieces.append(sentence[start:])
    return [p.strip().rstrip("?!.,;") + (mark or "?") for p in pieces if p.strip()]


def _presumed(sentence: str) -> str | None:
    """'Why was the HRC resolution adopted without a vote?' → 'Was the HRC resolution adopted without a vote?', else None.

    A reason asked (``reason_openers``) of a yes/no question (``polar_openers`` after it) takes it for granted: when the
    records settle it (``_on_the_records``) it is asked first, so that a false premise is corrected before the reason
    (which the documents rarely give) is sought.
    """
    words = lexicon()
    opener = words.reason_openers.match(sentence)
    rest = sentence[opener.end():].lstrip(" ,") if opener else ""
    if not rest or not words.polar_openers.match(rest) or len(rest.split()) < MIN_PART_WORDS:
        return None
    return rest[0].upper() + rest[1:].rstrip("?!. ") + "?"


def _on_the_records(question: str) -> bool:
    """Whether a yes/no question is one the vote and sponsorship records settle.

    "Did the United States vote against the Russian resolution?" is; "Is Egypt different from the other Arab States?"
    (a question on the text) is not.
    """
    from assistant.router import is_vote_question, read_question

    return is_vote_question(read_question(question, []))


def _bare_tail(sentence: str) -> list[str] | None:
    """'How did Egypt vote on L.37 and why?' → ['How did Egypt vote on L.37?', 'why did Egypt vote on L.37?'], else None.

    A question word alone after "and" (``tail_questions``) asks it of what the sentence asked, when the sentence opens
    with another question word (``wh_words``) and an auxiliary (``polar_openers``): the tail's word replaces the opening
    one. "Who introduced draft I and when?" (no auxiliary: the answer gives the date) stays one question.
    """
    words = lexicon()
    tail, opener = _BARE_TAIL_RE.search(sentence), words.wh_words.match(sentence)
    if tail is None or opener is None or not words.tail_questions.fullmatch(tail["wh"]) or tail["wh"].lower() == opener.group().lower():
        return None
    asked = sentence[: tail.start()].strip()
    if not words.polar_openers.match(asked[opener.end():].lstrip()):
        return None
    return [f"{asked}?", f"{tail['wh'].lower()}{asked[opener.end():]}?"]


def _wh_phrase_tail(sentence: str) -> list[str] | None:
    """A question phrase after "and" asked of the sentence's clause, as a second question; else None.

    'At what meeting did the HRC adopt 54/18 and under which agenda item' → ['At what meeting did the HRC adopt 54/18?',
    'Under which agenda item did the HRC adopt 54/18?'].

    A question phrase alone after "and" (an optional preposition, 'which' or 'what', a noun or three) asks it of what the
    sentence asked: it takes the sentence's clause from its first auxiliary (``polar_openers``) after a question word.
    """
    tail = _WH_PHRASE_TAIL_RE.search(sentence)
    words = lexicon()
    # "and what is its title": a question with its own auxiliary is a part of its own, not a phrase asked of the clause
    if tail is None or any(words.polar_openers.fullmatch(w) for w in tail["tail"].split()[1:]):
        return None
    asked = sentence[: tail.start()].strip()
    wh = next((m for m in re.finditer(r"\b\w+", asked) if words.wh_words.fullmatch(m.group())), None)
    aux = next((m for m in re.finditer(r"\b\w+", asked) if wh is not None and m.start() > wh.start()
                and words.polar_openers.match(asked, m.start())), None)
    # the auxiliary must open a clause with a subject of its own ("did the HRC adopt", "was L.37 adopted"): in "Which
    # reports are cited …" the question phrase is the subject, and a second phrase has no clause to take
    if aux is None or _SUBJECT_AFTER_RE.match(asked, aux.end()) is None:
        return None
    phrase = tail["tail"]
    return [f"{asked}?", f"{phrase[0].upper()}{phrase[1:]} {asked[aux.start():]}?"]


def _lowered(text: str) -> str:
    """'The American text …' → 'the American text …' (a sentence made a clause).

    Only a word that opens a subject (``subject_words``) loses its capital: a proper name, and "I", keep theirs.
    """
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first != "I" and lexicon().subject_words.fullmatch(first) else text


def _opens_part(rest: str, before: str = "") -> bool:
    """Whether ``rest`` begins a question of its own, of at least ``MIN_PART_WORDS`` words.

    An opener, and after an auxiliary a subject ("did it …", "was France …"; not "were absent on I"). A shorter tail of
    two words or more is a question of its own when it opens with another question word than the clause ``before`` it
    ("what does op 2 say, and how many abstained?"; "how many abstentions on L.37, and who submitted it?"): one that
    repeats the clause's own opener reads with it ("How many voted in favour and how many against?").
    """
    words = lexicon()
    opener = words.part_openers.match(rest)
    if opener is None or len(rest.split()) < 2:
        return False
    if len(rest.split()) < MIN_PART_WORDS:
        asked = _wh_opener(before)
        return (not words.polar_openers.fullmatch(opener.group()) and asked is not None
                and _wh_opener(rest) not in (None, asked))
    if not words.polar_openers.fullmatch(opener.group()):
        return True
    after = rest[opener.end() :].lstrip()
    return bool(words.subject_words.match(after)) or after[:1].isupper()


def _wh_opener(text: str) -> str | None:
    """The question word a clause opens with, with 'many' or 'much' after 'how' ('how many'), lower case; else None."""
    match = re.match(r"\s*(?P<wh>[A-Za-z]+)(?:\s+(?P<more>many|much)\b)?", text)
    if match is None or not lexicon().wh_words.fullmatch(match["wh"]):
        return None
    return f"{match['wh']} {match['more']}".lower() if match["more"] else match["wh"].lower()


def _asks(part: str) -> bool:
    """Whether a piece is a question of its own: a question mark, or a request ('List the sponsors of draft I.')."""
    return part.endswith("?") or _opens_part(part)
