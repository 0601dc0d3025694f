"""``Assistant.answer``: one question (and its session) → one cited ``Answer``.

Vote and sponsorship questions go to the deterministic tools (no model is loaded for
them); everything else goes to hybrid retrieval and extractive composition. The retriever
is built on first use from a factory, so a vote question never imports torch.
"""

from __future__ import annotations

import functools
import logging
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant import abstention, compose, llm, selection, structure, summary
from assistant.answers import Answer
from assistant.conversation import BOTH_DRAFTS_RE as EACH_OR_BOTH_RE
from assistant.conversation import ELLIPTICAL_RE, Conversation, asks_which_paragraph, draft_words, remembered, rewrite
from assistant.drafts import (
    BODY_NAME_RES,
    BODY_TITLES,
    DraftRef,
    body_draft,
    body_paragraph,
    mentions_body,
    mentions_other,
    named_body,
    names_earlier_reports,
    norms_paragraph,
    other_bodies,
    setting_up,
    without_drafts,
)
from assistant.entities import find_mentions
from assistant.injection import strip_instructions
from assistant.language import ENGLISH_FUNCTION_WORDS, language_notice
from assistant.mentions import asked_term, has_content, mentioned_in, text_stems
from assistant.results import Claim, ToolResult
from assistant.retrieval import Passage, Retriever
from assistant.router import MAX_DOCUMENTS_ANSWERED, YEAR_RE, Asked, body_consensus, is_vote_question, read_question, route, which_document
from assistant.scope import CorpusFacts, corpus_facts, meeting_records, out_of_scope
from assistant.spelling import correct_spelling, introducer_adjectives, spelling_note
from assistant.understand.answer_types import asked_type, unheld
from assistant.understand.lexicon import lexicon
from assistant.understand.parts import question_parts, with_part_noun
from assistant.understand.profiles import profiles
from assistant.understand.scope import Described, Scope, blank, document_years, read_scope
from assistant.vocabulary import names_symbol_of, spell_out
from assistant.votes.votebook import VoteBook
from ingest.chunks import is_chapeau
from ingest.index import IndexUnavailable
from ingest.member_states import name_key, roster
from ingest.records import ParsedDocument, Unit

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

NOTHING_TO_REFER_TO = ("This reads as a follow-up, but there is no earlier question in this conversation for it to refer to. "
                       "Which draft, Member State or paragraph do you mean?")
INSTRUCTIONS_SET_ASIDE = "Instructions in the question were set aside: answers come only from the documents."
LOG = logging.getLogger("rapporteur")
COMPARISON_RE = re.compile(
    r"\b(?:differ\w*|compar\w*|contrast|both drafts|two drafts|each draft|versus|vs\.?|side by side|in common|similar\w*|each of the two|"
    r"the two (?:new )?(?:groups|bodies|texts|resolutions|draft resolutions|processes)|each (?:group|body|text|resolution))\b"
    # "Which draft says more about human rights?"
    r"|\bwhich (?:of the (?:two )?)?(?:drafts?|resolutions?|texts?|ones?)\b[^?]{0,40}"
    r"\b(?:more|less|most|least|further|stronger|weaker)\b", re.I)
# "What are the differences between the two drafts?" names no topic: the words left are these and function words
_NO_TOPIC_WORDS = frozenset(
    "differ differs differed difference differences different compare compared comparison contrast main key major principal "
    "between drafts draft resolutions resolution texts text two both each versus side way ways summarise summarize explain tell "
    "give overview biggest important most".split())
# "Tell me about the OEWG", "What does the text say about the GGE?": words that ask what a body is, nothing more
_ABOUT_WORDS = frozenset("tell me us say says said text texts document documents draft resolution explain describe summarise summarize "
                         "overview role purpose mean means meaning know new proposed "
                         "exactly actually really basically briefly simply just please".split())
NORMS_RE = re.compile(r"\b(?:norms?|rules|principles)\b", re.I)
# "What are the norms in draft I?", "List all the rules of responsible behaviour it proposes": the norms as a whole
_LIST_WORDS = frozenset("list lists listed listing contain contains propose proposes proposed set sets welcome welcomes welcomed "
                        "out responsible behaviour behavior state states international full complete enumerate name names give "
                        "paragraph paragraphs para part parts section sections operative "
                        "treat treats handle handles approach refer refers".split())
_NO_TOPIC_RE = re.compile(r"\b(?:differ\w*|compar\w*|contrast\w*|two|both|each|drafts?|texts?|resolutions?|versus)\b", re.I)
# "each draft", "both texts", "how do they differ": how a comparison is asked, not what about (left out of its searches:
# "each" alone made "Which reports of the GGE does each draft welcome?" find "assist each other", DR-I op. para. 1.4)
_COMPARING_RE = re.compile(
    r"\b(?:each|both|either|neither|the two|two)\s+(?:of the (?:two )?)?(?:drafts?|texts?|draft resolutions?|resolutions?)\b"
    r"|\b(?:differ\w*|compar\w*|contrast\w*|versus|vs\.?|side by side|in common)\b", re.I)
BOTH_DRAFTS_RE = re.compile(r"\b(?:either|both|neither|the (?:two )?(?:drafts|texts|draft resolutions))\b", re.I)
SETS_UP_RE = re.compile(r"\b(?:set(?:s|ting)? up|establish\w*|creat\w*|conven\w*)\b", re.I)
_YEAR_OR_SYMBOL_RE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{2,3}/\d{1,3}\b")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Fused score added to the paragraph setting up the body a question names (``_body_favoured``), about a tenth of a
# typical best score. Measured on evals/qa: 0.1, 0.2 and 0.3 all put draft I, op. para. 5, first for "When is the
# OEWG due to report?"; 0.2 and 0.3 also for "With whom can it hold intersessional consultative meetings?"; no
# answer changed otherwise, here or on the held-out set.
BODY_PARAGRAPH_BONUS = 0.2
# A question of at most this many words (or one the conversation completed) that names no document or draft of its own
# keeps the previous answer's documents ("What was the vote?" after a question about resolution 54/18).
FOLLOW_UP_WORDS = 8
TOPIC_HINT = ("To compare what the drafts say on one subject, name it: for example "
              "\u201cHow do the two drafts differ on follow-up mechanisms?\u201d")


def _names_no_topic(question: str) -> bool:
    """Whether a comparison names no topic ("What are the differences between the two drafts?").

    A question about what the drafts share ("in common", "similar") is not one.
    """
    words = [w for w in re.findall(r"[a-z]+", question.lower()) if len(w) > 2]
    if re.search(r"\bcommon\b|\bsimilar", question, re.I):
        return False
    return all(w in _NO_TOPIC_WORDS or w in ENGLISH_FUNCTION_WORDS for w in words)


def _topic_words(text: str) -> list[str]:
    """The words of ``text`` that could name a topic.

    All but function words and the words that ask what something is or ask for a list (``_ABOUT_WORDS``,
    ``_LIST_WORDS``): "What exactly is the OEWG?" has none once the name is out.
    """
    words = re.findall(r"[a-z]+", text.lower())
    return [w for w in words if w not in ENGLISH_FUNCTION_WORDS and w not in _ABOUT_WORDS and w not in _LIST_WORDS]


def _without_bodies(text: str) -> str:
    """The text without the names of the bodies the drafts set up ("the OEWG", "the group of governmental experts")."""
    for pattern in BODY_NAME_RES.values():
        text = pattern.sub(" ", text)
    return text


def _asks_for_norms(question: str) -> bool:
    """Whether a question asks for the norms as a whole ("What norms does draft I list?", "List the rules of responsible behaviour")."""
    return bool(NORMS_RE.search(question)) and not _topic_words(_NO_TOPIC_RE.sub(" ", NORMS_RE.sub(" ", question)))


def _never_mention(terms: list[str]) -> str:
    """The abstention reason naming what the documents never mention ('They never mention “2021”.')."""
    return "They never mention " + ", ".join(f"\u201c{t}\u201d" for t in terms) + "."


def _kept_in(described: Described, cited: set[str]) -> Described:
    """A description that fits drafts of several documents, kept to those of the ``cited`` documents when any fits there."""
    kept = tuple(k for k in described.keys if k.document in cited)
    return replace(described, keys=kept) if kept and len({k.document for k in described.keys}) > 1 else described


class Assistant:
    """Answers questions over ingested documents.

    Args:
        documents: parsed documents (from ``ingest.store.load_documents``).
        retriever_factory: builds the hybrid retriever on first non-vote question.
        k: passages retrieved per question.
        max_chars: longer questions are cut to this many characters (and the answer says so).
        chat_model: optional LangChain chat model for retrieval answers (never for votes); its answers
            are checked and fall back to the extractive answer (see ``assistant.llm``).
        llm_timeout: seconds to wait for the chat model.
        log_questions: include the question text in INFO logs (off by default: questions may be sensitive).
    """

    def __init__(
        self, documents: list[ParsedDocument], retriever_factory: Callable[[], Retriever], k: int = 5, max_chars: int = 2000,
        chat_model: BaseChatModel | None = None, llm_timeout: float = 20.0, log_questions: bool = False,
    ) -> None:
        self.documents = documents
        self.book = VoteBook(documents)
        self.units = {u.id: u for d in documents for u in d.units}
        self._factory = retriever_factory
        self._retriever: Retriever | None = None
        self.k, self.max_chars = k, max_chars
        self.chat_model, self.llm_timeout = chat_model, llm_timeout
        self.log_questions = log_questions
        self.min_similarity, self.min_bm25 = abstention.MIN_SIMILARITY, abstention.MIN_BM25
        symbols = [d.symbol for d in documents] + [x.symbol or "" for d in documents for x in d.drafts]
        self._corpus_text = " ".join([u.text for u in self.units.values()] + symbols)
        # words never read as misspellings: the documents', English function words, and State names with their aliases ("Russia")
        states = " ".join([*roster().names, *(a for aliases in roster().aliases.values() for a in aliases)])
        self._vocabulary = set(re.findall(r"[a-z]+(?:-[a-z]+)*", f"{self._corpus_text} {states}".lower())) | ENGLISH_FUNCTION_WORDS
        # what a misspelt word may be read as, beside words.toml's: the adjectives of the corpus's introducers ("rusian")
        self._spelling_targets = introducer_adjectives({s.introduced_by for d in self.documents for s in d.sponsorships})
        self._scope_facts = corpus_facts(documents)
        self._profiles = profiles(documents)
        self._narrowed: dict[frozenset[str], Assistant] = {}
        self._draft_stem_sets: dict[tuple[str, str], frozenset[str]] = {}  # (document symbol, draft number) → stems
        self._other_bodies = {d: other_bodies(d, documents) for d in self._draft_numbers()}
        # record values a tool sentence may state (dates with their year, meetings, draft symbols)
        self._record_words = " ".join(
            [w for d in documents for v in d.votes for w in (v.date, v.meeting, v.draft_symbol)]
            + [w for d in documents for r in d.sponsorships for w in (r.introduced_on, r.draft_symbol)]
        )

    @functools.cached_property
    def _stem_weights(self) -> dict[str, float]:
        """Stem → idf over the units' texts, for choosing sentences to quote (computed at the first retrieval answer)."""
        return compose.stem_weights(u.text for u in self.units.values())

    @property
    def retriever(self) -> Retriever:
        """The hybrid retriever (built on first use)."""
        if self._retriever is None:
            self._retriever = self._factory()
        return self._retriever

    def answer(self, question: str, conversation: Conversation | None = None, document: str | None = None) -> Answer:
        """Answer one question in a session (a new session if ``conversation`` is None).

        ``document``: the symbol of the one document to answer from (the UI's document chooser); None for every document.

        Raises:
            KeyError: ``document`` is not an indexed document.
        """
        if document is not None and document not in {d.symbol for d in self.documents}:
            raise KeyError(f"{document} is not an indexed document")
        conversation = conversation if conversation is not None else Conversation()
        kept = strip_instructions(question)  # "Ignore previous instructions. How did France vote?" is one question
        parts = question_parts(kept)
        if len(parts) == 1:
            return self._answer_one(question, conversation, document)
        started = time.perf_counter()
        # each part is read after the one before (a later part may say "each one" or "it"), then the turn is remembered once
        scratch = Conversation(list(conversation.turns))
        answers: list[Answer] = []
        for n, part in enumerate(parts):
            if n and answers[-1].text.startswith("No:") and lexicon().reason_openers.match(part):
                break  # "Why did the United States vote for draft I?": it did not, so no reason is sought
            # a part naming no draft after a vote question asks of its drafts ("how many abstentions on L.37, and who submitted
            # it?": L.37), not that question again; after another part, the conversation completes it ("how long are they?")
            part = with_part_noun(part, parts[n - 1]) if n else part  # "and what is the last one about?"
            with_drafts = self._with_drafts_of(part, parts[n - 1]) if n else part
            after_records = n > 0 and with_drafts != part and is_vote_question(read_question(parts[n - 1], self.documents))
            if n and (after_records or rewrite(part, scratch, self.documents, self._draft_spans) == part):
                part = with_drafts
            answers.append(self._answer_one(part, scratch, document))
        result = compose.joined_answer(question, answers)
        if kept != question:
            result.notes.insert(0, INSTRUCTIONS_SET_ASIDE)
        result.latency_ms = (time.perf_counter() - started) * 1000
        context = remembered(result.standalone, result.text, self._documents_to_search(result))
        conversation.add(question, context, [c.id for c in result.citations], [c.label for c in result.citations], result.about)
        return result

    def _with_drafts_of(self, part: str, before: str) -> str:
        """A part naming no draft, with the drafts the part before it named or described, as answers name them.

        "Who was behind the 2018 resolution creating the working group, and who signed on later?": the second part
        is "who signed on later? (draft resolution I (A/C.1/73/L.27/Rev.1))": the draft read, not the words that described
        it ("how many operative ones? (Russian draft)" would lose the year of "the 2023 Russian draft").
        """
        if any(r.end > r.start for r in self._drafts_read(part)):
            return part  # a draft of its own, named or described (not one the whole question's words only fit)
        # a plenary's vote on a report's draft is that draft (its symbol is the report's): named as the report names it
        # not a draft the whole question's words fit (an empty span): "what is its symbol?" after "What is the space report
        # about?" asks about the report
        names = dict.fromkeys(draft_words(self._in_its_report(r)) for r in self._drafts_read(before) if r.end > r.start)
        return f"{part.rstrip(' ?')}? ({' and '.join(names)})" if names else part

    def _in_its_report(self, ref: DraftRef) -> DraftRef:
        """A draft voted in a meeting record, as the report holding it names it ('draft resolution I (A/C.1/73/L.27/Rev.1)').

        The plenary's vote on draft resolution I of A/73/505 (A/73/PV.45) carries the report's symbol; other drafts unchanged.
        """
        report = next((d for d in self.documents if d.symbol == ref.symbol), None)
        draft = next((x for x in report.drafts if x.number == ref.number), None) if report else None
        return replace(ref, document=report.symbol, symbol=draft.symbol) if report and draft and draft.symbol else ref

    def _drafts_read(self, text: str) -> list[DraftRef]:
        """The drafts ``text`` names or describes (``read_scope`` over several documents), before any conversation."""
        described = self._scope(text, text, Conversation()).described
        return read_question(text, self.documents, described).drafts

    def _draft_spans(self, text: str) -> list[DraftRef]:
        """``_drafts_read``, with every description too, also of a draft named elsewhere in ``text``, ordered by place.

        "was chile a sponsor of the uk space draft (draft resolution II (A/C.1/76/L.15/Rev.1))?": "uk space draft" is a
        draft's description, so "uk" is no State asked about (``conversation.rewrite`` masks what this returns).
        """
        described = self._scope(text, text, Conversation()).described
        refs = read_question(text, self.documents, described).drafts
        symbols = {(r.document, r.number): r.symbol for r in refs}
        extra = [DraftRef(k.document, k.number, symbols.get((k.document, k.number)), d.surface, d.start, d.end)
                 for d in described if d.keys and d.end > d.start and not any(r.start < d.end and d.start < r.end for r in refs)
                 for k in d.keys[:1]]
        # a draft the whole text's words fit (an empty span, "What is the outer space report about?") is no draft it names
        return sorted([r for r in [*refs, *extra] if r.end > r.start], key=lambda r: r.start)

    def _answer_one(self, question: str, conversation: Conversation, document: str | None) -> Answer:
        """The answer to a question asking one thing (``answer`` splits those asking several)."""
        started = time.perf_counter()
        cleaned, notes = self._clean(question)
        if (stripped := strip_instructions(cleaned)) != cleaned:
            cleaned = stripped
            notes.append(INSTRUCTIONS_SET_ASIDE)
        cleaned, fixes = correct_spelling(cleaned, self._vocabulary, self._spelling_targets)
        if fixes:
            notes.append(spelling_note(fixes))
        notice = language_notice(cleaned) if cleaned else None
        if not cleaned:
            result = self._empty(question)
        elif notice:
            result = compose.build_answer(question, cleaned, [], self.units, set())
            result.notes = [notice]
        elif asks_which_paragraph(cleaned) and conversation.last and conversation.last.citations:
            result = self._which_paragraph(cleaned, conversation)
        elif (member := self._in_last_list(cleaned, conversation)) is not None:
            result = member
        elif conversation.last is None and self._refers_back(cleaned):
            result = self._nothing_to_refer_to(cleaned)
        else:
            standalone = rewrite(cleaned, conversation, self.documents, self._draft_spans)
            scope = self._scope(cleaned, standalone, conversation)
            if document is not None:  # the user chose one document: the drafts described elsewhere are not asked about
                scope = replace(scope, documents=(document,), narrowed=len(self.documents) > 1,
                                described=tuple(d for d in scope.described if all(k.document == document for k in d.keys)))
            # what the corpus never mentions is judged on every document, not only those the question is about
            missing = self._never_mentioned(standalone)
            reason = out_of_scope(standalone, self._facts_for(scope)) or unheld(standalone, (self._corpus_text,))
            # the words that named the documents have done their work: the rest is read ("Who introduced draft II in the 2023
            # report?" asks who introduced draft II, not about a report)
            read = blank(standalone, scope.naming) if scope.naming else standalone
            result = self._within(scope)._respond(cleaned, read, scope, (missing, reason))
            result.standalone = standalone
        result.notes = notes + result.notes
        result.question = question
        result.latency_ms = (time.perf_counter() - started) * 1000
        if cleaned and not notice:
            context = remembered(result.standalone, result.text, self._documents_to_search(result), [c.id for c in result.citations])
            conversation.add(cleaned, context, [c.id for c in result.citations], [c.label for c in result.citations], result.about)
        asked = f" question={cleaned!r}" if self.log_questions else ""
        LOG.info("answered tool=%s abstained=%s citations=%d ms=%.1f%s", result.tool, result.abstained,
                 len(result.citations), result.latency_ms, asked)
        return result

    def _facts_for(self, scope: Scope) -> CorpusFacts:
        """The corpus facts, with the meeting records that the documents in ``scope`` cite (none if they cite none).

        "Why didn't Somalia vote on L.14?" points to the records A/78/407 cites (A/C.1/78/PV.24 to 31), not A/73/505's.
        """
        if not scope.narrowed:
            return self._scope_facts
        return replace(self._scope_facts, records=meeting_records(d for d in self.documents if d.symbol in scope.documents))

    def _scope(self, question: str, standalone: str, conversation: Conversation) -> Scope:
        """The documents and drafts a question is about (``understand.scope``).

        Every document when the corpus holds one document of at most two votes (nothing to choose between but what the
        drafts' own names pick). A follow-up completed with the previous question (``conversation.rewrite`` appends it) is read with its own
        words first (``focus``); a short follow-up that names nothing ("What was the vote?") keeps the documents the
        previous answer cited, when those were some of the documents and not all.
        """
        if len(self.documents) < 2 and len(self._profiles) < 3:
            return Scope(tuple(d.symbol for d in self.documents))
        last = conversation.last
        focus = len(question) if standalone.startswith(question) and len(standalone) > len(question) else None
        if focus is None and last is not None and standalone.endswith(last.standalone) and len(standalone) > len(last.standalone):
            focus = len(standalone) - len(last.standalone)  # the follow-up rewritten ("the other one" named), then the context
        scope = read_scope(standalone, self.documents, self._profiles, focus)
        follow_up = standalone != question or len(question.split()) <= FOLLOW_UP_WORDS or lexicon().follow_up_words.search(question)
        if scope.described and last is not None and follow_up:
            # "how did they vote on the russian one?" after a list of 2018: the Russian draft of the documents just cited
            cited = {c.split("#")[0] for c in last.citations}
            scope = replace(scope, described=tuple(_kept_in(d, cited) for d in scope.described))
        if scope.narrowed or scope.described or last is None or not follow_up:
            return scope
        kept = self._same_drafts_in(scope.bodies, {c.split("#")[0] for c in last.citations})
        return replace(scope, documents=kept, narrowed=True) if kept and len(kept) < len(self.documents) else scope

    def _same_drafts_in(self, bodies: tuple[str, ...], cited: set[str]) -> tuple[str, ...]:
        """The documents a follow-up keeps: those the previous answer cited, or those of the same drafts in another body.

        When the follow-up names a body whose votes the cited documents do not hold ("How had that country voted in the
        First Committee?" after the plenary), the documents recording that body's votes on the same drafts
        (``VoteProfile.draft``), else all those recording that body's votes ("back in the Council, who abstained?").
        """
        recorded = [b for b in bodies if b]
        if recorded and not any(p.document in cited and p.body in recorded for p in self._profiles):
            drafts = {p.draft for p in self._profiles if p.document in cited}
            in_body = {p.document for p in self._profiles if p.body in recorded}  # "back in the Council": the Council's votes
            cited = {p.document for p in self._profiles if p.draft in drafts and p.body in recorded} or in_body or cited
        return tuple(d.symbol for d in self.documents if d.symbol in cited)

    def _within(self, scope: Scope) -> Assistant:
        """This assistant, or one over the documents in ``scope`` only (built once per set of documents).

        Its vote book, draft names and retrieval see those documents alone, so an answer cites no other document.
        """
        if not scope.narrowed:
            return self
        key = frozenset(scope.documents)
        if key not in self._narrowed:
            documents = [d for d in self.documents if d.symbol in key]
            narrowed = Assistant(documents, lambda: self.retriever.restricted(documents), self.k, self.max_chars, self.chat_model,
                                 self.llm_timeout, self.log_questions)
            narrowed.min_similarity, narrowed.min_bm25 = self.min_similarity, self.min_bm25
            narrowed.book.recorded_years = self.book.recorded_years
            narrowed.book.several = self.book.several  # a draft is named with its document when the corpus holds several
            self._narrowed[key] = narrowed
        return self._narrowed[key]

    def _respond(self, question: str, standalone: str, scope: Scope, uncovered: tuple[list[str], str | None]) -> Answer:
        """The answer to a question already cleaned and made standalone, from the tools or from retrieval.

        ``uncovered``: the years and numbers no document mentions, and the reason the corpus does not cover the
        question, if any (``_never_mentioned``, ``scope.out_of_scope``).
        """
        missing, reason = uncovered
        if missing or reason:
            return self._search_safely(question, standalone, missing, reason, scope.described)
        asked = _own_drafts(read_question(standalone, self.documents, scope.described), scope.focus)  # read once, for the tools
        kind = asked_type(standalone)  # a person, place, amount or requester asked: the text holds it, no vote record does
        from_tool = None if kind is not None and not kind.unless_state else (
            self._which_document(question, standalone, scope, asked) or self._tool_answer(question, standalone, asked,
                                                                                             bool(scope.naming)))
        return from_tool if from_tool is not None else self._search_safely(question, standalone, missing, reason, scope.described)

    def _which_document(self, question: str, standalone: str, scope: Scope, asked: Asked) -> Answer | None:
        """Ask which document when the drafts asked about are in more than ``MAX_DOCUMENTS_ANSWERED`` documents; else None.

        Asked only when neither the question, the conversation nor the document chooser picked among the documents.

        The drafts asked about: those named or described ("draft resolution I", "the OEWG draft"), or every draft when the
        question names none and spans them ("both drafts", "each draft", a comparison).
        """
        if scope.narrowed or len(self.documents) <= MAX_DOCUMENTS_ANSWERED:
            return None
        holding = list(dict.fromkeys(r.document for r in asked.drafts))
        if not asked.drafts and (EACH_OR_BOTH_RE.search(standalone) or COMPARISON_RE.search(standalone)):
            holding = [d.symbol for d in self.documents if d.drafts]
        if len(holding) <= MAX_DOCUMENTS_ANSWERED:
            return None
        numbers = list(dict.fromkeys(r.number for r in asked.drafts))
        what = " and ".join(f"draft resolution {n}" for n in numbers) if 0 < len(numbers) <= 2 else "draft resolutions"
        result = which_document([d for d in self.documents if d.symbol in holding], what)
        return compose.build_answer(question, standalone, list(result.claims), self.units, set(), result, True,
                                    extra=" ".join(result.facts))

    def _search_safely(self, question: str, standalone: str, missing: list[str], reason: str | None,
                       described: tuple[Described, ...] = ()) -> Answer:
        """Retrieval answers; an unreachable index gives a clear answer and is retried on the next question."""
        try:
            if missing or reason:
                return self._not_covered(question, standalone, missing, reason)
            # a description read from the whole question (no draft noun) picks votes, not the drafts a passage is searched in
            return self._retrieval_answer(question, standalone, tuple(d for d in described if d.end > d.start))
        except IndexUnavailable as error:
            self._retriever = None
            answer = compose.build_answer(question, standalone, [], self.units, set())
            answer.notes = [f"The search index is unavailable: {error}. Questions about votes and sponsors still work; "
                            "run `rapporteur ingest` (or start the Chroma server) and ask again."]
            return answer

    def _clean(self, question: str) -> tuple[str, list[str]]:
        text = unicodedata.normalize("NFC", _CONTROL_RE.sub(" ", question or "")).strip()
        text = re.sub(r"\s+", " ", text)
        if len(text) > self.max_chars:
            return text[: self.max_chars], [f"Your question was {len(text)} characters long; only the first {self.max_chars} were read."]
        return text, []

    def _empty(self, question: str) -> Answer:
        answer = compose.build_answer(question, "", [], self.units, set())
        answer.notes = ["Please type a question about the documents, for example: How did France vote on draft resolution I?"]
        return answer

    def _documents_to_search(self, answer: Answer) -> list[ParsedDocument]:
        """The documents in which to look for the drafts an answer's text names.

        Every document, or none for an answer citing nothing: the list of votes to choose from names every draft of every
        document (200 in a corpus of 100 reports), and is remembered as asked.
        """
        return self.documents if answer.citations else []

    def _refers_back(self, question: str) -> bool:
        """Whether a short question leans on an earlier turn and names nothing of its own.

        "and the other one?", "How did they vote on it?": ``referring_words`` or "the other", and no draft, State, group
        or body named, nor "each", "both" or "either".
        """
        if len(question.split()) > FOLLOW_UP_WORDS or not (lexicon().referring_words.search(question) or mentions_other(question)):
            return False
        asked = read_question(question, self.documents)
        named = asked.drafts or asked.unknown or asked.states or asked.groups or named_body(question)
        return not (named or EACH_OR_BOTH_RE.search(question))  # "Who introduced each draft?" names them all

    def _nothing_to_refer_to(self, question: str) -> Answer:
        """A follow-up with no earlier question (a new session, or after Clear): ask what it refers to, cite nothing."""
        answer = compose.build_answer(question, question, [], self.units, set(), abstained=True)
        answer.notes = [NOTHING_TO_REFER_TO]
        return answer

    def _in_last_list(self, question: str, conversation: Conversation) -> Answer | None:
        """'is japan in that group?' after a list: whether each State named is among the States the last answer listed.

        A yes/no question (words.toml ``polar_openers``) asking about membership of the list just given (``set_membership``)
        and naming States; the verdict rests on the last answer's records (``Turn.about.listed``) and cites its paragraphs.
        None when the question is not one, or the last answer listed no States.
        """
        last = conversation.last
        words = lexicon()
        opened = ELLIPTICAL_RE.sub("", question, count=1).strip()  # "and was france one of them?"
        # one list (a position on a draft, or a set across two): several lists of one answer are no one group
        if last is None or not last.about.listed or len(last.about.drafts) > 2 or not words.polar_openers.match(opened) \
                or not words.set_membership.search(question):
            return None
        states = list(dict.fromkeys(m.name for m in find_mentions(question) if m.kind == "state"))
        if not states:
            return None
        listed, n = set(last.about.listed), len(last.about.listed)
        claims = [Claim(f"Yes: {state} is one of the {n} Member States the previous answer lists." if state in listed else
                        f"No: {state} is not among the {n} Member States the previous answer lists.", tuple(last.citations))
                  for state in states]
        result = ToolResult("listed_member", tuple(claims), facts=(str(n), *states))
        answer = compose.build_answer(question, last.standalone, claims, self.units, set(last.citations), result,
                                      extra=" ".join(result.facts))
        answer.about = last.about  # the same list, for the next follow-up
        return answer

    def _which_paragraph(self, question: str, conversation: Conversation) -> Answer:
        last = conversation.last
        assert last is not None
        claim = Claim(f"The previous answer rests on {' and '.join(last.labels)}.", tuple(last.citations))
        return compose.build_answer(question, last.standalone, [claim], self.units, set(last.citations))

    def _tool_answer(self, question: str, standalone: str, original: Asked, names_document: bool = False) -> Answer | None:
        """The answer of the structure, summary, vote or sponsor tools, or None.

        ``original``: the question as read; ``names_document``: whether its words named the documents it is about (their
        symbol, year or session: ``Scope.naming``, blanked from ``standalone``).
        """
        asked = original
        if (not asked.drafts and (body := named_body(standalone)) and body_draft(standalone, self.documents)
                and not body_consensus(asked) and not names_earlier_reports(standalone, self.documents)):
            # "Who voted against the OEWG?": the body stands for the draft that sets it up
            asked = read_question(BODY_NAME_RES[body].sub(lambda m: f"{m.group()} draft", standalone, count=1), self.documents)
        # a question naming a position counts States, not paragraphs ("How many abstained on paragraph 1 of L.38/Rev.1?")
        result = (summary.corpus_listing(original.text, self.documents)
                  or (None if asked.positions else structure.answer(asked.text, asked.drafts, self.documents))
                  or structure.recalled(original.text, original.drafts, self.documents)
                  or summary.answer(original.text, original.drafts, self.documents, self.book, names_document)
                  or summary.document_title(original.text, original.drafts, self.documents, names_document)
                  or summary.agenda_item_check(original.text, self.documents, names_document)
                  or self._side_by_side(original, names_document)
                  or (None if is_vote_question(original) else summary.of_drafts(original.text, original.drafts, self.documents, self.book))
                  or route(asked, self.book))
        if result is None:
            return None
        cited = {c for claim in result.claims for c in claim.citations}
        extra = " ".join((*result.facts, self._record_words))
        return compose.build_answer(question, standalone, list(result.claims), self.units, cited, result, not result.covered, extra=extra)

    def _side_by_side(self, asked: Asked, names_document: bool) -> ToolResult | None:
        """A comparison of drafts, or of documents, named on no aspect and no vote.

        "Compare the Russian draft in 2018 with the one in 2023": the drafts' records side by side
        (``summary.side_by_side``); "difference between the 2018 report and the 2023 report" (the documents named, no
        draft): the documents' (``summary.documents_side_by_side``). None when the question names an aspect (its words
        outside the names are not all comparison, document or function words) or asks about votes (the router's).
        """
        if not COMPARISON_RE.search(asked.text) or is_vote_question(asked):
            return None
        outside = "".join(" " if any(r.start <= i < r.end for r in asked.drafts) else c for i, c in enumerate(asked.text))
        unnamed = _without_bodies(without_drafts(YEAR_RE.sub(" ", outside), self.documents))
        if names_document and len(self.documents) >= 2 and not any(r.end > r.start for r in asked.drafts):
            nouns = lexicon().document_nouns
            if _names_no_topic(" ".join(w for w in unnamed.split() if name_key(w) not in nouns)):
                return summary.documents_side_by_side(self.documents, self.book)
        if not _names_no_topic(unnamed):
            return None
        return summary.side_by_side(asked.drafts, self.book)

    def _retrieval_answer(self, question: str, standalone: str, described: tuple[Described, ...] = ()) -> Answer:
        asked = read_question(standalone, self.documents, described)
        # a draft filters retrieval by its number: only drafts whose text a document of this corpus holds
        numbers = {d.number for doc in self.documents for d in doc.drafts}
        drafts = {r.number for r in asked.drafts if r.number in numbers}
        draft = next(iter(drafts)) if len(drafts) == 1 else None
        query = without_drafts(standalone, self.documents) if draft else standalone  # the draft becomes a filter
        if draft and (elsewhere := self._body_elsewhere(question, standalone, query, draft)):
            return elsewhere
        if unmentioned := self._unmentioned(question, standalone, query, draft):
            return unmentioned
        absent = self.retriever.missing_references(standalone, draft)  # before body_draft guesses a draft
        if not drafts and not COMPARISON_RE.search(standalone):
            draft = body_draft(standalone, self.documents)  # "What is the GGE supposed to do?" → draft II and its section
        own_body = self._own_body(query, draft)
        found = self.retriever.search(query, self.k, draft, own_body)
        passages = self._with_named_paragraph((standalone, query), draft, self._body_favoured(found, draft) if own_body else found)
        best = max((p.similarity for p in passages if p.similarity is not None), default=None)
        keyword = max((p.bm25 for p in passages), default=0.0)
        if own_body:  # the draft sets up the body asked about: the documents cover it, whatever BM25 makes of the rest
            keyword = max(keyword, self.min_bm25)
        if absent and not (passages and passages[0].direct):
            answer = self._abstain(question, standalone, [], abstention.missing_reason(absent))  # cite no unrelated paragraph
        else:
            answer = self._answer_or_abstain(question, standalone, passages, draft, (asked.masked, best, keyword),
                                             tuple(m.name for m in asked.states))
            if absent:  # "operative paragraph 5 and operative paragraph 12 of draft II": answer 5, note 12
                answer.notes.append(abstention.missing_reason(absent))
        answer.similarity, answer.bm25 = best, keyword
        return answer

    def _own_body(self, question: str, draft: str | None) -> re.Pattern[str] | None:
        """The name of the body ``draft`` sets up, when the question names it ("the OEWG" asked of draft I); else None.

        Within its draft the name only points to the draft, and BM25 would rank the short paragraph that
        repeats it (draft I, op. para. 6: the organizational session) above the one that answers what is
        asked about the body (op. para. 5: its mandate, its report, its consultative meetings). The name is
        left out of the BM25 query only; the dense query keeps the question's words. Measured on evals/qa:
        3 more right answers, none lost; the held-out set is unchanged. Left out of the dense query too, it
        put op. para. 5 first for "With whom can the OEWG hold intersessional consultative meetings?" but
        lost "Is the OEWG consensus-based?" to op. para. 1 ("adopted by consensus"): not done.

        "The reports of the GGE" are the earlier groups' reports (the 2010, 2013 and 2015 reports), not
        the body draft II sets up: the name then stays in the queries.
        """
        body = named_body(question)
        if body is None or draft is None or body_draft(question, self.documents) != draft \
                or names_earlier_reports(question, self.documents):
            return None
        return BODY_NAME_RES[body] if _topic_words(BODY_NAME_RES[body].sub(" ", question)) else None

    def _body_favoured(self, passages: list[Passage], draft: str | None) -> list[Passage]:
        """Passages re-ranked with ``BODY_PARAGRAPH_BONUS`` on the paragraph setting up the body the question names.

        What a question asks of the OEWG ("Is the OEWG consensus-based?", "When is it due to report?") is
        said where draft I sets it up (op. para. 5, "acting on a consensus basis"); with the name left out
        of BM25, op. para. 1 ("adopted by consensus") or the short op. para. 6 ranked first.
        """
        unit = next((u for doc in self.documents if draft and (u := body_paragraph(doc, draft))), None)
        return selection.favoured(passages, unit, BODY_PARAGRAPH_BONUS) if unit else passages

    def _with_named_paragraph(self, asked: tuple[str, str], draft: str | None, passages: list[Passage]) -> list[Passage]:
        """The paragraph a question asks for by what it does goes first, as if named by number (``direct``).

        The paragraph that sets up the body named, for 'Which paragraph sets up the OEWG?' and for questions
        asking nothing else of the body ('What is the GGE?'): draft I, op. para. 5; draft II, op. para. 3.
        The paragraph listing the norms, for 'What norms does draft I list?': draft I, op. para. 1 (with no
        draft named, the one draft that lists norms). ``asked`` is the question, and the question without the
        draft's name ("the OEWG draft" names a draft, not the body).
        """
        question, query = asked
        compared = draft is None and COMPARISON_RE.search(question)  # each draft's norms paragraph: ``_select``
        unit = (self._body_paragraph_asked(question, query) or self._sets_up_asked(question, draft)
                or (None if compared else self._norms_paragraph_asked(query, draft)))
        if unit is None:
            return passages
        top = passages[0] if passages else None
        first = Passage(unit, top.score if top else 1.0, top.similarity if top else None, top.bm25 if top else 0.0, 1, direct=True)
        return [first, *(p for p in passages if p.unit.id != unit.id)]

    def _body_paragraph_asked(self, question: str, query: str) -> Unit | None:
        body = named_body(question)
        if body is None:
            return None
        only_about = named_body(query) == body and not _topic_words(BODY_NAME_RES[body].sub(" ", query))  # "What is the GGE?"
        if not (SETS_UP_RE.search(question) or only_about):
            return None
        found = [(doc, unit) for doc, number in setting_up(self.documents, body) if (unit := body_paragraph(doc, number))]
        # "the OEWG 2021-2025": a body of other years than the one a draft sets up ("beginning in 2019", in a 2018 report)
        named_years = set(YEAR_RE.findall(question))
        found = [(doc, u) for doc, u in found if named_years <= set(YEAR_RE.findall(u.text)) | document_years(doc)]
        return found[0][1] if len(found) == 1 else None

    def _sets_up_asked(self, question: str, draft: str | None) -> Unit | None:
        """'What does L.37 set up?': the paragraph of the one draft named that sets up a body (``drafts.body_paragraph``).

        None when the question names a body (``_body_paragraph_asked``), names no draft, has no setting-up verb of its own
        (not "the body created by …"), or the draft's number is in several documents in scope.
        """
        verb = SETS_UP_RE.search(question)
        if draft is None or named_body(question) is not None or verb is None or re.match(r"\s+by\b", question[verb.end():]):
            return None  # "When will the body created by the Russian draft first meet?" asks when, not what it sets up
        found = [u for doc in self.documents if any(d.number == draft for d in doc.drafts) and (u := body_paragraph(doc, draft))]
        return found[0] if len(found) == 1 else None

    def _norms_paragraph_asked(self, question: str, draft: str | None) -> Unit | None:
        if not _asks_for_norms(question):
            return None
        found = [u for doc in self.documents for d in doc.drafts if draft in (None, d.number) and (u := norms_paragraph(doc, d.number))]
        if draft is None:  # with no draft named, the one draft that lists norms of its own
            found = [u for u in found if is_chapeau(u)]
        return found[0] if len(found) == 1 else None

    def _norms_passage(self, draft: str) -> Passage | None:
        """Draft ``draft``'s norms paragraph as a passage (for a comparison asking about the norms as a whole)."""
        unit = next((u for doc in self.documents if (u := norms_paragraph(doc, draft))), None)
        return Passage(unit, 1.0, None, 0.0, 1, direct=True) if unit else None

    def _body_elsewhere(self, question: str, standalone: str, query: str, draft: str) -> Answer | None:
        """'Does draft II mention the open-ended working group?': no, and where the body is set up; None when the draft names it.

        ``query`` is the question without the draft's name (so "the OEWG draft" names no body).
        """
        body = named_body(query)
        if body is None or any(mentions_body(doc, draft, body) for doc in self.documents):
            return None
        where = [(doc, n) for doc, n in setting_up(self.documents, body) if n != draft]
        unit = body_paragraph(*where[0]) if where else None
        if unit is None:
            return None
        number = where[0][1]
        claims = compose.body_elsewhere_claims(unit, draft, number, BODY_TITLES[body])
        answer = compose.build_answer(question, standalone, claims, self.units, {unit.id}, retrieved=[unit.id])
        answer.grade = "answered"  # where the body is set up, read from the drafts' text
        return answer

    def _unmentioned(self, question: str, standalone: str, query: str, draft: str | None) -> Answer | None:
        """'Does draft II mention the right to privacy?'.

        The paragraphs using those words, or a plain no with where they are instead; None for other questions.
        ``query`` is the question without the draft's name.
        """
        term = asked_term(query)
        both = draft is None and BOTH_DRAFTS_RE.search(standalone)
        if term is None or not has_content(term) or not (draft or both):
            return None
        searched = [u for u in self.units.values() if u.draft == draft or (both and u.draft)]
        found = mentioned_in(term, searched) or mentioned_in(spell_out(term), searched)
        if found:
            ranked = [p for p in self.retriever.search(spell_out(term), 10, draft) if p.unit in found] or [
                Passage(u, 1.0, None, 0.0, n) for n, u in enumerate(found, 1)]
            shown = [Passage(p.unit, p.score, p.similarity, p.bm25, p.rank, direct=True) for p in ranked[:2]]
            return self._compose(question, standalone, shown, draft)
        inside = {u.id for u in searched}  # by id: Units compare field by field, and a corpus of 100 reports has 9,400
        elsewhere = next(iter(mentioned_in(term, (u for u in self.units.values() if u.id not in inside), symbols_only=True)), None)
        nearest = next(iter(self.retriever.search(term, 1, draft)), None)
        claims = compose.unmentioned_claims(f"Draft resolution {draft}" if draft else "Neither draft", term, elsewhere, nearest, standalone)
        cited = [c for claim in claims for c in claim.citations]
        return compose.build_answer(question, standalone, claims, self.units, set(cited), retrieved=cited)

    def _answer_or_abstain(
        self, question: str, standalone: str, passages: list[Passage], draft: str | None, read: tuple[str, float | None, float],
        states: tuple[str, ...] = (),
    ) -> Answer:
        """The composed answer, or an abstention (``read``: the question with names masked, best similarity, best BM25)."""
        masked, best, keyword = read
        reason = self._abstain_reason(masked, passages, best, keyword)
        if reason is not None:
            return self._abstain(question, standalone, passages, reason)
        return self._compose(question, standalone, passages, draft, masked, states)

    def _abstain(self, question: str, standalone: str, passages: list[Passage], reason: str) -> Answer:
        """'The documents do not cover this', with the nearest passage (the only one it may cite)."""
        claims = compose.abstention_claims(passages[0] if passages else None, reason)
        retrieved = [p.unit.id for p in passages]
        # the reason may name what the documents lack or where it is ("2021", "A/C.1/73/PV.31"): its words are the service's own
        extra = f"{passages[0].unit.label if passages else ''} {reason}"
        return compose.build_answer(question, standalone, claims, self.units, set(retrieved[:1]), abstained=True, retrieved=retrieved,
                                    extra=extra)

    def _compose(self, question: str, standalone: str, passages: list[Passage], draft: str | None, asked: str | None = None,
                 states: tuple[str, ...] = ()) -> Answer:
        """The answer quoting ``passages`` (or the language model's, checked), with its grade.

        'answered' when the first passage shown is the paragraph named or described, or when ``asked`` (the question
        with names masked) is held by a passage shown (``compose.holds_what_is_asked``), naming the ``states`` the question
        names; else 'closest'.
        """
        retrieved = [p.unit.id for p in passages]
        notes: list[str] = []
        if self.chat_model is not None:
            outcome = llm.ask_model(self.chat_model, standalone, passages, self.llm_timeout)
            if outcome.claims:
                answer = compose.build_answer(question, standalone, outcome.claims, self.units, set(retrieved), retrieved=retrieved)
                if answer.sentences:
                    answer.tool = "llm"
                    return answer
            notes.append(f"Extractive answer shown: {outcome.reason or 'no sentence of the language model passed the support check'}.")
        unnamed = _without_bodies(without_drafts(standalone, self.documents))  # "the OEWG and the GGE" name the drafts' bodies, no topic
        comparing = draft is None and bool(COMPARISON_RE.search(standalone))
        if comparing and _names_no_topic(unnamed):
            shown = self._body_paragraphs()
            claims = compose.body_claims(shown)
            notes.append(TOPIC_HINT)
            answered = compose.is_direct(shown)
        else:
            shown = self._select(standalone, passages, draft)
            held = asked is not None and compose.holds_what_is_asked(asked, standalone, shown, comparing, states, self._draft_stems)
            answered = compose.is_direct(shown) or held
            claims = compose.retrieval_claims(standalone, shown, self._stem_weights, answered)
        retrieved += [p.unit.id for p in shown if p.unit.id not in retrieved]  # items retrieved with their chapeau
        labels = " ".join(p.unit.label for p in shown) + " " + compose.list_counts(shown)
        answer = compose.build_answer(question, standalone, claims, self.units, set(retrieved), retrieved=retrieved, extra=labels)
        answer.notes = notes
        answer.grade = "answered" if answered else "closest"
        if comparing and (table := compose.comparison_table(standalone, shown, answer.sentences, self._draft_names(shown),
                                                                    self._stem_weights)):
            answer.table = table.as_dict()
        return answer

    def _draft_stems(self, unit: Unit) -> frozenset[str]:
        """The stems of every unit of the draft ``unit`` belongs to, in its document (read once per draft)."""
        key = (unit.id.split("#")[0], unit.draft or "")
        if key not in self._draft_stem_sets:
            self._draft_stem_sets[key] = text_stems(" ".join(u.text for u in self.units.values()
                                                             if u.draft == unit.draft and u.id.split("#")[0] == key[0]))
        return self._draft_stem_sets[key]

    def _draft_names(self, passages: list[Passage]) -> dict[str, str]:
        """Unit id → name of the draft it belongs to ('Draft resolution I (A/C.1/73/L.27/Rev.1)').

        For units of a draft, and report paragraphs of a draft's section of its report (``drafts.draft_sections``).
        """
        names = {}
        for passage in passages:
            unit = passage.unit
            number = unit.draft or self.retriever.sections.get(unit.id)
            document = next((d for d in self.documents if d.symbol == unit.id.split("#")[0]), None)
            draft = next((d for d in document.drafts if d.number == number), None) if document and number else None
            if draft is not None:
                names[unit.id] = f"Draft resolution {draft.number}" + (f" ({draft.symbol})" if draft.symbol else "")
        return names

    def _never_mentioned(self, question: str) -> list[str]:
        """Years and resolution numbers in the question that no unit mentions (e.g. '2021', '73/27')."""
        return [t for t in _YEAR_OR_SYMBOL_RE.findall(question) if t not in self._corpus_text]

    def _not_covered(self, question: str, standalone: str, missing: list[str], reason: str | None) -> Answer:
        passages = self.retriever.search(standalone, self.k)
        return self._abstain(question, standalone, passages, _never_mention(missing) if missing else reason or "")

    def _abstain_reason(self, masked: str, passages: list[Passage], best: float | None, keyword: float) -> str | None:
        """None to answer; else the reason to abstain ('' when there is nothing specific to say)."""
        if not passages:
            return ""
        if passages[0].direct:
            return None
        names = abstention.unknown_names(masked, self.retriever.vocabulary)
        if names:
            return _never_mention(names)
        if not abstention.too_far(best, keyword, self.min_similarity, self.min_bm25):
            return None
        # "What does draft I welcome?": far by the scores (a one-word query), but the best passage holds every word asked
        top = passages[0].unit
        held = mentioned_in(masked, [top]) or names_symbol_of(masked, top.text)
        return None if held else ""

    def _select(self, question: str, passages: list[Passage], draft: str | None) -> list[Passage]:
        direct = [p for p in passages if p.direct]
        if direct:
            return selection.with_items(direct, self.units)
        if draft is None and COMPARISON_RE.search(question):
            query = _COMPARING_RE.sub(" ", without_drafts(question, self.documents))
            if _asks_for_norms(query) and (norms := [p for d in self._draft_numbers() if (p := self._norms_passage(d))]):
                return norms  # "How do the two drafts treat the norms?": each draft's norms paragraph, without draft I's 13 items
            bodies = self._body_paragraphs()
            if lexicon().body_nouns.search(query) and SETS_UP_RE.search(query) and len(bodies) == len(self._draft_numbers()) > 1:
                return [replace(p, direct=True) for p in bodies]  # "What kind of group does each draft set up?"
            shown = [p for d in self._draft_numbers() if (p := self._best_about(query, d)) is not None]
            return selection.with_footnotes(shown, self.units) if selection.FOOTNOTE_QUESTION_RE.search(question) \
                else selection.with_items(shown, self.units)
        return selection.shown_passages(without_drafts(question, self.documents), passages, self.units, self._stem_weights)

    def _best_about(self, question: str, draft: str) -> Passage | None:
        """The best passage about one draft for a comparison (a paragraph of the draft or of its section of the report)."""
        unrelated = self._other_bodies[draft]
        return next((p for p in self.retriever.search(question, 10, draft, unrelated) if p.unit.kind != "footnote"), None)

    def _body_paragraphs(self) -> list[Passage]:
        """The operative paragraph of each draft that sets up its body (``drafts.body_paragraph``), as passages."""
        units = [u for doc in self.documents for d in doc.drafts if (u := body_paragraph(doc, d.number)) is not None]
        return [Passage(u, 1.0, None, 0.0, n) for n, u in enumerate(units, 1)]

    def _draft_numbers(self) -> list[str]:
        return [d.number for doc in self.documents for d in doc.drafts]


def _own_drafts(asked: Asked, focus: int | None) -> Asked:
    """A follow-up that names drafts of its own asks about those, not the drafts of the question it was completed with.

    "what about draft resolution II (A/C.1/73/L.37) in the GA? and the same draft in the GA? how many yes votes did
    L.27/Rev.1 get?": L.37 (``focus``: where the appended context begins; None for a question read alone).
    """
    if focus is None or not any(r.start < focus and r.end > r.start for r in asked.drafts):
        return asked
    return replace(asked, drafts=[r for r in asked.drafts if r.start < focus])
