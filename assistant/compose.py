"""Answer composition (extractive).

Claims from a tool, or a lead sentence plus verbatim quotations from retrieved units; then the
support check; then the ``Answer`` record.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

import bm25s
import Stemmer

from assistant.answers import GRADE_ORDER, About, Answer, Citation, Sentence
from assistant.mentions import held_in_other_words, held_with_its_draft, mentioned_in
from assistant.results import Claim, Table, ToolResult
from assistant.retrieval import Passage
from assistant.support import check
from assistant.understand.answer_types import asked_type
from assistant.verdict import without_verdict
from assistant.vocabulary import equivalents, expand, spell_out
from ingest.chunks import is_chapeau, parent_locator
from ingest.records import Unit

CLOSEST_LEAD = "The documents may not answer this directly; the closest passages are"
NOT_COVERED = "The documents in the corpus do not cover this."
_ABBREVIATIONS = (
    "Ms", "Mr", "Mrs", "Dr", "No", "Nos", "para", "paras", "chap", "sect",
    "Corr", "Rev", "Add", "Supp", "art", "vol", "p", "pp", "op", "cit",
)
_SENTENCE_RE = re.compile("".join(f"(?<!\\b{a}\\.)" for a in _ABBREVIATIONS) + r"(?<=[.;])\s+(?=[A-Z(“\"])|\n+")
_NUMBERING_RE = re.compile(r"^(?:\d+(?:\.\d+)*\.|\([a-z]\))\s+")
_STEMMER = Stemmer.Stemmer("english")
MAX_QUOTE_CHARS = 700
TYPED_BONUS = 10.0  # about two rare shared words: the answer type outweighs the vocabulary's expansion words
# A chapeau shown with more items than this (draft I, op. para. 1: 13 norms) gets one sentence quoted per item, not two
LONG_LIST = 4


def sentences_of(text: str) -> list[str]:
    """Verbatim sentences of a unit's text, paragraph numbering removed, in order."""
    return [s.strip() for s in _SENTENCE_RE.split(_NUMBERING_RE.sub("", text.strip())) if s.strip()]


def best_sentences(unit: Unit, question: str, limit: int = 2, weights: Mapping[str, float] | None = None) -> list[str]:
    """The ``limit`` sentences of a unit sharing most (stemmed, ``weights``-weighted) words with the question, in document order."""
    return best_sentences_of(unit.text, question, limit, weights)


def best_sentences_of(text: str, question: str, limit: int = 2, weights: Mapping[str, float] | None = None) -> list[str]:
    """``best_sentences`` over any text (used by the baseline's chunks too).

    ``weights`` maps a stem to its weight (``stem_weights``: rarer words count more); without it
    every shared stem counts 1. A sentence holding what the question asks for (``answer_kind``) gets ``TYPED_BONUS`` more.
    """
    sentences = sentences_of(text)
    return sentences if len(sentences) <= limit else _closest(sentences, question, limit, weights)


def _closest(pieces: list[str], question: str, limit: int, weights: Mapping[str, float] | None) -> list[str]:
    """The ``limit`` pieces of text sharing most weighted stems with the question (plus ``TYPED_BONUS``), in their order."""
    wanted = set(stems_of(expand(question)))
    kind = answer_kind(question)

    def score(i: int) -> tuple[float, int]:
        typed = TYPED_BONUS if kind is not None and kind.search(pieces[i]) else 0.0
        shared = sum(weights.get(stem, 1.0) if weights else 1.0 for stem in wanted & set(stems_of(pieces[i])))
        return (-(shared + typed), i)

    return [pieces[i] for i in sorted(sorted(range(len(pieces)), key=score)[:limit])]


# Where a long operative sentence divides into clauses: "…; if necessary, …", "…, and to submit a report …"
_CLAUSE_BREAK_RE = re.compile(r";\s+|,\s+(?=(?:and|as well as)\s)")


def best_clause(sentence: str, question: str, weights: Mapping[str, float] | None = None) -> str:
    """The clause of ``sentence`` that shares most with the question, verbatim, with '…' where the sentence was cut.

    Clauses end at ';' and before ', and …' / ', as well as …' (an operative paragraph of one sentence lists a body's
    tasks, its reporting and its funding in one). A sentence of one clause is returned whole.
    """
    clauses = _CLAUSE_BREAK_RE.split(sentence)
    if len(clauses) < 2:
        return sentence
    best = _closest(clauses, question, 1, weights)[0]
    return ("" if sentence.startswith(best) else "… ") + best.strip(" ;,") + ("" if sentence.endswith(best) else " …")


# Each unit's stems, by text: an assistant narrowed to a few documents (the document chooser) weighs the same texts again.
STEM_SETS_KEPT = 65536
_STEM_SETS: dict[str, frozenset[str]] = {}


def stem_weights(texts: Iterable[str]) -> dict[str, float]:
    """Stem → inverse document frequency over ``texts`` (the units' texts).

    The weight is log(1 + N / df), so a word in every paragraph ("States", "ICT") counts about 0.7
    and a word in one paragraph much more.
    """
    texts = list(texts)
    known = {t: stems for t in dict.fromkeys(texts) if (stems := _STEM_SETS.get(t)) is not None}
    missing = [t for t in dict.fromkeys(texts) if t not in known]
    if missing:  # one call for all: bm25s costs ~0.2 ms a call
        stemmed = bm25s.tokenize(missing, stemmer=_STEMMER, show_progress=False, return_ids=False)
        known |= {t: frozenset(stems) for t, stems in zip(missing, stemmed, strict=True)}
        if len(_STEM_SETS) + len(missing) > STEM_SETS_KEPT:
            _STEM_SETS.clear()
        _STEM_SETS.update((t, known[t]) for t in missing)
    frequency = Counter(stem for text in texts for stem in known[text])
    return {stem: math.log(1 + len(texts) / df) for stem, df in frequency.items()}


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ANSWER_KINDS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        # "when" asking for a time, not joining two clauses ("… as central when States use ICTs")
        re.compile(r"^\W*when\b|\bwhen (?:is|was|did|does|do|will|would|are|were|has|have|had|must|should|shall|can|could)\b"
                   r"|\bwhat (?:date|day|month|year)\b|\bdate of\b|\bdated\b", re.I),
        # a time in UN documents is a date, a year or a session ("to the General Assembly at its seventy-fifth session")
        re.compile(rf"\b(?:{_MONTHS})\b|\b(?:19|20)\d\d\b|\b(?:\w+-)?\w+(?:th|st|nd|rd) session\b"),
    ),
    (re.compile(r"\b(?:which|what) session\b|\bsession of\b", re.I), re.compile(r"\b[a-z]+-?[a-z]* session\b", re.I)),
    (
        re.compile(r"\bhow (?:many|much|long|often)\b", re.I),
        re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I),
    ),
    (re.compile(r"\b(?:symbol|document number|which document)\b", re.I), re.compile(r"\b[AES]/(?:[A-Z0-9.]+/)*[A-Za-z0-9.]+")),
    (re.compile(r"\b(?:which|what) (?:agenda )?item\b", re.I), re.compile(r"\bitems? \d+", re.I)),
)


def answer_kind(question: str) -> re.Pattern[str] | None:
    """What the question asks for, as a pattern its answer sentence matches.

    A date for "when" / "what date", a session for "which session", a number for "how many / how long",
    a document symbol for "which symbol"; else the evidence of the kind of fact it asks for (answer_types.toml: "Who
    chaired …?" → 'President:', 'Chair:'); None for other questions. Sentence choice favours sentences holding such
    an answer.
    """
    typed = next((answer for asks, answer in ANSWER_KINDS if asks.search(question)), None)
    if typed is not None:
        return typed
    kind = asked_type(question)
    return _evidence_pattern(kind.evidence) if kind is not None and kind.evidence else None


@functools.lru_cache(maxsize=32)
def _evidence_pattern(evidence: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(e) for e in evidence), re.I)


def stems_of(text: str) -> list[str]:
    """Stemmed words of ``text`` (bm25s tokenizer, English Snowball stemmer), in order, repeats kept."""
    return bm25s.tokenize([text], stemmer=_STEMMER, show_progress=False, return_ids=False)[0]


def local_label(unit: Unit) -> str:
    """The label without the document symbol: 'draft resolution I, operative para. 1.6'."""
    return unit.label.split(", ", 1)[1]


def retrieval_claims(question: str, passages: list[Passage], weights: Mapping[str, float] | None = None,
                     answered: bool | None = None) -> list[Claim]:
    """A lead sentence naming the passages, then their best sentences quoted verbatim.

    The lead says what the passages are: the paragraph the question names or describes, or passages holding what it
    asks ("The documents address this in …"; ``answered``, by default ``is_direct``), or the nearest passages,
    which may not hold the answer ("The closest passages are …"), so that a miss is never worded like an answer.
    """
    if not passages:
        return []
    named = [p for p in passages if is_chapeau(p.unit) or not _is_item_of(p, passages)]
    items = _item_counts(passages)
    long_list = max(items.values(), default=0) > LONG_LIST  # the lead then cites the named paragraphs only, not 13 markers in a row
    opening = "The documents address this in" if (is_direct(passages) if answered is None else answered) else CLOSEST_LEAD
    lead = f"{opening} {_where(named)}{_counted(passages, items) if long_list else ''}:"
    claims = [Claim(lead, tuple(p.unit.id for p in (named if long_list else passages)))]
    for passage in passages:
        limit = 1 if long_list and _is_item_of(passage, passages) else 2
        for sentence in best_sentences(passage.unit, question, limit, weights):
            claims.append(Claim(f"\u201c{sentence}\u201d", (passage.unit.id,), quote=True))
    return claims


def is_direct(passages: list[Passage]) -> bool:
    """Whether the passages shown lead with the paragraph the question names or describes (``Passage.direct``).

    The items shown with a paragraph named (its list, ``selection.with_items``) are not marked direct themselves.
    """
    return bool(passages) and passages[0].direct


def holds_what_is_asked(asked: str, question: str, passages: list[Passage], each: bool = False, states: tuple[str, ...] = (),
                        draft_stems: Callable[[Unit], frozenset[str]] | None = None) -> bool:
    """Whether the first passage shown (with ``each``, every one: a comparison's) holds what the question asks.

    ``asked`` is the question with its drafts' and documents' names masked (``router.Asked.masked``): its content
    words (``mentions.content_stems``: no function or framing words such as 'say', 'text') must all be in the unit,
    as written or with a body's acronym spelled out ('OEWG' → 'open-ended working group'). A question asking 'when',
    'how many', 'which session' or for a symbol (``answer_kind``) needs the unit to hold such a value too. 'What
    does draft I say about critical infrastructure?' is held by op. para. 1.6; 'In which city will the OEWG meet?' by
    no unit (none names a city), nor is a question with no content word ('Summarize draft I'). The Member States the
    question names (``states``, masked out of ``asked``) must be named in the unit too ('What did Germany say?').
    ``draft_stems`` gives the stems of the draft a unit belongs to: one content word of three or more may be held there
    instead (``mentions.held_with_its_draft``: 'the permanent mechanism' is named in op. para. 1, its sessions in op. 3).
    """
    kind = answer_kind(question)
    checked = passages if each else passages[:1]
    return bool(checked) and all((kind is None or kind.search(p.unit.text)) and all(state in p.unit.text for state in states)
                                 and _holds_terms(asked, p.unit, draft_stems) for p in checked)


def _holds_terms(asked: str, unit: Unit, draft_stems: Callable[[Unit], frozenset[str]] | None) -> bool:
    """Whether the unit holds the question's content words.

    As written, with acronyms spelled out, in the documents' words for them (``mentions.held_in_other_words``:
    'funding' held by 'voluntary contributions'), or all but one modifier, which its draft holds.
    """
    spelled = spell_out(asked)
    return bool(mentioned_in(asked, [unit]) or mentioned_in(spelled, [unit]) or held_in_other_words(spelled, unit, equivalents())
                or (draft_stems is not None and unit.draft is not None and held_with_its_draft(spelled, unit, draft_stems(unit))))


def _counted(passages: list[Passage], items: Counter[str | None]) -> str:
    """', which lists 13 items (1.1 to 1.13)' for the longest list shown (draft I, op. para. 1: the norms)."""
    parent, n = items.most_common(1)[0]
    listed = [p.unit.label.rsplit(" ", 1)[-1] for p in passages if parent_locator(p.unit.locator) == parent]
    return f", which lists {n} items ({listed[0]} to {listed[-1]})"


def list_counts(passages: list[Passage]) -> str:
    """The item counts ``retrieval_claims`` may state ('13'), as extra text for the support check."""
    return " ".join(str(n) for n in _item_counts(passages).values())


def _item_counts(passages: list[Passage]) -> Counter[str | None]:
    """Chapeau locator → how many of its items are shown ('DR-I.OP-1' → 13)."""
    return Counter(parent_locator(p.unit.locator) for p in passages if _is_item_of(p, passages))


def _where(passages: list[Passage]) -> str:
    """'A/73/505, draft resolution I, operative para. 5 and draft resolution II, operative para. 3' (the symbol once)."""
    if len({p.unit.symbol for p in passages}) == 1:
        return f"{passages[0].unit.symbol}, " + " and ".join(local_label(p.unit) for p in passages)
    return " and ".join(p.unit.label for p in passages)


def body_claims(passages: list[Passage]) -> list[Claim]:
    """For a comparison naming no topic: the body each draft sets up, with the opening words of each paragraph quoted.

    ``passages`` are the paragraphs setting up the bodies (``drafts.body_paragraph``: draft I op. para. 5, draft II op. para. 3).
    """
    if not passages:
        return []
    claims = [Claim(f"The main difference between the drafts is the body each sets up, in {_where(passages)}:",
                    tuple(p.unit.id for p in passages))]
    for passage in passages:
        claims.append(Claim(_opening(passage.unit.text), (passage.unit.id,), quote=True))
    return claims


def comparison_table(question: str, passages: list[Passage], sentences: list[Sentence], drafts: Mapping[str, str],
                     weights: Mapping[str, float] | None = None) -> Table | None:
    """A comparison side by side: one row per draft, with the paragraph shown for it and the words that answer.

    ``drafts`` maps a unit id to the name of the draft it belongs to ('Draft resolution I (A/C.1/73/L.27/Rev.1)'; a report
    paragraph to the draft whose section holds it). A cell quotes, of each quotation from the paragraph among the answer's
    ``sentences`` (those the support check passed), the clause closest to the question (``best_clause``): "When does each group
    report?" gets "… to submit a report … at its seventy-fifth session" of A/73/505's draft I, op. para. 5, not its
    opening. None unless the passages are of two drafts or more.
    """
    named = [p for p in passages if p.unit.id in drafts]
    if len({drafts[p.unit.id] for p in named}) < 2:
        return None
    several = len({p.unit.id.split("#")[0] for p in named}) > 1
    rows = []
    for passage in named:
        quoted = " … ".join(best_clause(q.text.strip("\u201c\u201d"), question, weights) for q in sentences
                            if q.quote and q.citations == [passage.unit.id])
        if quoted:
            label = passage.unit.label if several else local_label(passage.unit)
            rows.append((drafts[passage.unit.id], label, quoted))
    return Table(("Draft", "Paragraph", "What it says"), tuple(rows)) if len({r[0] for r in rows}) > 1 else None


def body_elsewhere_claims(unit: Unit, asked: str, setting_up: str, body: str) -> list[Claim]:
    """'Draft resolution II does not mention the open-ended working group; draft resolution I sets it up in …:' and the quote.

    ``asked`` and ``setting_up`` are draft numbers; ``unit`` is the paragraph that sets the body up.
    """
    lead = (f"Draft resolution {asked} does not mention the {body}; draft resolution {setting_up} sets it up, in "
            f"{local_label(unit).split(', ', 1)[-1]}:")
    return [Claim(lead, (unit.id,)), Claim(_opening(unit.text), (unit.id,), quote=True)]


def unmentioned_claims(where: str, term: str, elsewhere: Unit | None, nearest: Passage | None, question: str) -> list[Claim]:
    """'Draft resolution II does not use the words “…”.', then where they appear instead, or the nearest passage.

    ``where`` names what was searched ('Draft resolution II', 'Neither draft'); ``elsewhere`` is a unit of the
    documents holding the words, ``nearest`` the best retrieved passage of the draft.
    """
    verb = "uses" if where.startswith("Neither") else "does not use"
    claims = [Claim(f"{where} {verb} the words \u201c{term}\u201d.", ())]
    shown = elsewhere or (nearest.unit if nearest else None)
    if shown is not None:
        intro = "They appear in" if elsewhere else "The nearest passage, which may say something related in other words, is"
        claims.append(Claim(f"{intro} {shown.label}:", (shown.id,)))
        claims += [Claim(f"\u201c{s}\u201d", (shown.id,), quote=True) for s in best_sentences(shown, question, limit=1)]
    return claims


def _opening(text: str) -> str:
    """The first sentence of a unit's text in quotation marks.

    A sentence longer than ``MAX_QUOTE_CHARS`` is cut at its last clause boundary (';' or ',') before that
    length, with an ellipsis outside the quotation marks.
    """
    first = sentences_of(text)[0]
    if len(first) <= MAX_QUOTE_CHARS:
        return f"\u201c{first}\u201d"
    cut = max(first.rfind(";", 0, MAX_QUOTE_CHARS), first.rfind(",", 0, MAX_QUOTE_CHARS))
    return f"\u201c{first[: cut if cut > 0 else MAX_QUOTE_CHARS]}\u201d \u2026"


def _is_item_of(passage: Passage, passages: list[Passage]) -> bool:
    """Whether a passage is a lettered or numbered item of another shown passage (its chapeau names it)."""
    parent = parent_locator(passage.unit.locator)
    return any(p.unit.locator == parent and p.unit.symbol == passage.unit.symbol for p in passages)


def abstention_claims(nearest: Passage | None, reason: str = "") -> list[Claim]:
    """'The documents do not cover this', with the nearest related passage quoted when there is one."""
    claims = [Claim(f"{NOT_COVERED}{(' ' + reason) if reason else ''}", ())]  # reason quotes what is missing
    if nearest is not None:
        claims.append(Claim(f"The nearest related passage is {nearest.unit.label}:", (nearest.unit.id,)))
        claims.append(Claim(f"\u201c{sentences_of(nearest.unit.text)[0]}\u201d", (nearest.unit.id,), quote=True))
    return claims


def build_answer(
    question: str, standalone: str, claims: list[Claim], units: dict[str, Unit], allowed: set[str],
    tool: ToolResult | None = None, abstained: bool = False, retrieved: list[str] | None = None, extra: str = "",
) -> Answer:
    """Run the support check over the claims and assemble the ``Answer``.

    ``units`` maps citation ids to every unit of the corpus; ``allowed`` are the ids this
    answer may cite (retrieved and shown, or cited by the tool); ``extra`` is the tool's
    computed output that non-quoted sentences may draw on.
    """
    # the support check reads only units it may cite: not every unit of every document, for every answer
    texts = {i: units[i].text for i in allowed if i in units}
    labels = {i: units[i].label for i in texts}
    shown: list[Sentence] = []
    dropped: list[Sentence] = []
    seen = set()
    for claim in claims:
        if (claim.text, claim.citations) in seen:
            continue  # the same sentence twice (a repeated question, a footnote quoted for two States)
        seen.add((claim.text, claim.citations))
        sentence = Sentence(text=claim.text, citations=list(claim.citations), quote=claim.quote)
        sentence.supported = check(sentence, texts, allowed, extra, labels)
        (shown if sentence.supported else dropped).append(sentence)
    order = list(dict.fromkeys(c for s in shown for c in s.citations))
    citations = [Citation(id=i, locator=units[i].locator, label=units[i].label, text=units[i].text) for i in order]
    return Answer(
        question=question, standalone=standalone, sentences=shown, dropped=dropped, citations=citations,
        tool=tool.tool if tool else None, table=tool.table.as_dict() if tool and tool.table else None,
        abstained=abstained, retrieved=retrieved or [], facts=list(tool.facts) if tool else [],
        grade="not covered" if abstained else "records" if tool else "closest", about=about_of(tool) if tool else About(),
    )


def about_of(tool: ToolResult) -> About:
    """What a vote tool's answer is about, from its ``data`` (one result's, or each of a merged result's ``results``).

    A State's vote ('state', 'draft') gives the State and the draft; a list ('states', with 'draft' and 'position' for one
    draft's list) gives the set; a table whose columns after the first are symbols gives the drafts of a cross-vote.
    """
    results = tool.data.get("results")
    datas = [d for d in results if isinstance(d, dict)] if isinstance(results, list) else [tool.data]
    states = [str(d["state"]) for d in datas if isinstance(d.get("state"), str)]
    # the drafts a State's vote or a list was given on; those the answer only mentions (one adopted without a vote) when none
    voted = [d for d in datas if d.get("state") or d.get("states")] or datas
    drafts = [str(d["draft"]) for d in voted if isinstance(d.get("draft"), str) and str(d["draft"]).startswith("A/")]
    if tool.table is not None:
        drafts += [c for c in tool.table.columns[1:] if c.startswith("A/")]
    listed = [str(s) for d in datas if isinstance(states_listed := d.get("states"), list) for s in states_listed]
    positions = {d.get("position") for d in datas if d.get("states") is not None}
    position = positions.pop() if len(positions) == 1 else None
    parts = {str(d.get("part") or "") for d in voted}
    return About(states=list(dict.fromkeys(states)), drafts=list(dict.fromkeys(drafts)), listed=list(dict.fromkeys(listed)),
                 position=position if isinstance(position, str) else None, part=parts.pop() if len(parts) == 1 else "")


def joined_answer(question: str, parts: list[Answer]) -> Answer:
    """One answer to a question asking several things: each part's sentences in turn, their citations renumbered.

    Abstained only when every part did; the table is the first part's that has one; notes and facts are kept once each.
    A sentence an earlier part already said (its verdict aside) is not said again: "Since France introduced L.37, when did
    it do so?" corrects the premise with who submitted it and when, which also answers "when".
    """
    citations = list({c.id: c for part in parts for c in part.citations}.values())
    said: set[str] = set()
    sentences = []
    for sentence in (s for p in parts for s in p.sentences):
        plain = without_verdict(sentence.text)
        if plain not in said:
            sentences.append(sentence)
            said.add(plain)
    return Answer(
        question=question, standalone=" ".join(p.standalone for p in parts),
        sentences=sentences, dropped=[s for p in parts for s in p.dropped], citations=citations,
        tool="+".join(p.tool or "retrieval" for p in parts), table=next((p.table for p in parts if p.table), None),
        abstained=all(p.abstained for p in parts), grade=max((p.grade for p in parts), key=GRADE_ORDER.index),
        retrieved=list(dict.fromkeys(i for p in parts for i in p.retrieved)),
        similarity=max((p.similarity for p in parts if p.similarity is not None), default=None),
        bm25=max((p.bm25 for p in parts if p.bm25 is not None), default=None),
        notes=list(dict.fromkeys(n for p in parts for n in p.notes)), facts=list(dict.fromkeys(f for p in parts for f in p.facts)),
        about=About(states=list(dict.fromkeys(s for p in parts for s in p.about.states)),
                    drafts=list(dict.fromkeys(d for p in parts for d in p.about.drafts))),
    )
