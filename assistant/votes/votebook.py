"""The vote-lookup tool as plain Python: exact answers about recorded votes, from the records.

Every number and name in an answer is computed here from ``RecordedVote`` and
``Sponsorship`` records (paras 5, 7, 8 and 10 and footnotes 3 and 4 of A/73/505), never
retrieved or generated; each claim cites the paragraph and footnote it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.results import Claim, Table, ToolResult
from ingest.bodies import body as voting_body
from ingest.bodies import body_names
from ingest.citations import citation_id, label
from ingest.member_states import Group, name_key
from ingest.records import POSITIONS, Adoption, ParsedDocument, Position, RecordedVote, Sponsorship

VERB: dict[str, str] = {"in_favour": "voted in favour of", "against": "voted against", "abstaining": "abstained on"}
# a position as a past-tense verb without its preposition; '' is not recorded
DID: dict[str, str] = {"in_favour": "voted in favour", "against": "voted against", "abstaining": "abstained", "": "not recorded"}
WORD: dict[str, str] = {"in_favour": "in favour", "against": "against", "abstaining": "abstaining", "": "not recorded"}
MEMBER_STATES = 193


def cap(text: str) -> str:
    """Capitalise the first letter only ('the former Yugoslav…' → 'The former Yugoslav…')."""
    return text[:1].upper() + text[1:]


def count_states(n: int) -> str:
    """'No Member State', '1 Member State', '45 Member States': the subject of a counted answer."""
    return "No Member State" if n == 0 else "1 Member State" if n == 1 else f"{n} Member States"


def be(n: int) -> str:
    """The verb agreeing with ``count_states(n)``: 'is' for none or one, else 'are'."""
    return "is" if n <= 1 else "are"


def _recorded_sentence(recorded: int, missing: int, vote: RecordedVote, electorate: str, source: str) -> str:
    """The tally's second sentence: how many of the body's members are recorded as voting, and how many are not.

    '170 Member States are recorded as voting; 23 of the 193 Member States are not recorded (…).'; of a body of some
    Member States, 'All 47 members of the Human Rights Council are recorded as voting (…).' when none is missing.
    """
    if vote.electorate == MEMBER_STATES:
        return f"{recorded} Member States are recorded as voting; {missing} of the {electorate} are not recorded ({source})."
    if missing == 0:
        return f"All {electorate} are recorded as voting ({source})."
    return f"{recorded} of the {electorate} are recorded as voting; {missing} are not recorded ({source})."


def of_group(group: Group) -> str:
    """'African Group (54 Member States)': a group as the answers name it."""
    return f"{group.name} ({len(group.members)} Member States)"


def membership(group: Group | None) -> tuple[Claim, ...]:
    """The sentence saying where a group's membership comes from (ingest/data/groups.json, not the document); none without a group."""
    return (Claim(f"Group membership is not in the document: it comes from {group.source}", ()),) if group else ()


def membership_facts(group: Group | None) -> tuple[str, ...]:
    """What ``of_group`` and ``membership`` state (the member count, the source), as tool facts; none without a group."""
    return (str(len(group.members)), group.source) if group else ()


def as_printed(vote: RecordedVote, states: list[str] | tuple[str, ...]) -> list[str]:
    """Canonical State names as the vote's document prints them (``RecordedVote.printed``: 'Turkey' → 'Türkiye')."""
    printed = dict(vote.printed)
    return [printed.get(s, s) for s in states]


def names(items: list[str] | tuple[str, ...]) -> str:
    """'A', 'A and B', 'A, B and C' (document style, no serial comma)."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else "none"


_ARTICLE_RE = re.compile(
    r"^(?:United |Russian Federation|Netherlands|Republic of|Democratic |Lao |Syrian |Philippines|Gambia|Niger$|Sudan|"
    r"Bahamas|Dominican|Central African|Comoros|Marshall|Solomon|Maldives|Czech Republic|Holy See)"
)


def the(state: str) -> str:
    """A State name as it stands in running text: 'the Russian Federation', 'France' (report style, paras 5 and 8)."""
    return f"the {state}" if _ARTICLE_RE.match(state) else state


_NOT_WORD = str.maketrans({c: " " for c in "?!,;:()[]\"'\u2019\u201c\u201d"})


def _words(text: str) -> str:
    """``name_key`` with punctuation that ends a word (not '/' inside a symbol) turned to spaces, spaces collapsed."""
    return " ".join(name_key(text).translate(_NOT_WORD).split())


def _identifiers(vote: RecordedVote) -> tuple[str, ...]:
    """What a question may call a vote by: its document's symbol, the resolution it became, the voting body's names."""
    resolution = (vote.resolution, f"resolution {vote.resolution}") if vote.resolution else ()
    return (vote.symbol, *resolution, *body_names(vote.body))


def action_key(action: RecordedVote | Adoption) -> DraftKey:
    """The key of the draft a vote or adoption acts on: its document and draft number ('I').

    A draft decision's number is 'decision I', so that it never stands for draft resolution I; a draft with no
    number is keyed by its symbol.
    """
    number = action.draft_number or action.draft_symbol
    return DraftKey(action.symbol, f"decision {number}" if action.draft_kind == "decision" else number)


def part_key(vote: RecordedVote) -> DraftKey:
    """The key of a separate vote on a part of a draft: the draft's key with the part ('II / operative paragraph 1')."""
    whole = action_key(vote)
    return DraftKey(whole.document, f"{whole.number} / {vote.subject}")


@dataclass(frozen=True)
class DraftKey:
    """A draft in one document: the document symbol and the draft number ('I', 'II')."""

    document: str
    number: str

    @property
    def decision(self) -> bool:
        """Whether the key is a draft decision's ('decision I'), not a draft resolution's ('I')."""
        return self.number.startswith("decision ")

    @property
    def printed_number(self) -> str:
        """The number as the document prints it: 'I' for 'decision I' (draft decision I) and for 'I'."""
        return self.number.removeprefix("decision ")


class VoteBook:
    """Vote and sponsorship records of the ingested documents, with exact lookups."""

    def __init__(self, documents: list[ParsedDocument]) -> None:
        """Index the records of ``documents`` by draft (document symbol, draft number)."""
        self.documents = documents
        # votes on a draft as a whole; separate votes on a paragraph are kept apart (``part_votes``)
        self.votes = {action_key(v): v for d in documents for v in d.votes if v.whole}
        self.adoptions = {action_key(a): a for d in documents for a in d.adoptions}
        self.part_votes = [v for d in documents for v in d.votes if not v.whole]
        self.parts = {part_key(v): v for v in self.part_votes}  # looked up by ``vote`` too, never listed by ``drafts``
        self.several = len({k.document for k in self.votes}) > 1
        # years of the votes of the whole corpus: an assistant over some of its documents is given the corpus's
        # (a year another document records is not "a year the documents record no vote in")
        self.recorded_years = {v.date[-4:] for v in self.votes.values()}
        self.sponsorships = {s.draft_symbol: s for d in documents for s in d.sponsorships}
        self.units = {u.id: u for d in documents for u in d.units}

    # -- naming -----------------------------------------------------------------------
    def vote(self, draft: DraftKey) -> RecordedVote | None:
        """The recorded vote on a draft (or on a part of it, keyed by ``part_key``), or None if none was recorded."""
        return self.votes.get(draft) or self.parts.get(draft)

    def sponsorship(self, draft: DraftKey) -> Sponsorship | None:
        """The sponsorship record of a draft, or None.

        A plenary vote on a report's draft ('draft resolution I of A/73/505', voted in A/73/PV.45) is on the draft whose
        text and sponsorship the report holds: the report's record, when the report is indexed.
        """
        vote = self.vote(draft)
        action = vote or self.adoptions.get(draft)  # a draft adopted without a vote has its symbol in its adoption
        symbol = action.draft_symbol if action else self._draft_symbol(draft.document, draft.number)
        if symbol and symbol not in self.sponsorships and vote is not None and vote.draft_number:
            symbol = self._draft_symbol(symbol, vote.draft_number) or symbol  # the report holding the draft voted on
        return self.sponsorships.get(symbol or "")

    def _draft_symbol(self, document: str, number: str) -> str | None:
        """The symbol of draft ``number`` of ``document`` ('A/73/505', 'I' → 'A/C.1/73/L.27/Rev.1'; 'decision I'), if indexed."""
        key = DraftKey(document, number)
        return next((d.symbol for doc in self.documents if doc.symbol == document
                     for d in (doc.decisions if key.decision else doc.drafts) if d.number == key.printed_number), None)

    def drafts(self) -> list[DraftKey]:
        """Every draft with a recorded vote, in document order."""
        return list(self.votes)

    def draft_name(self, vote: RecordedVote | Adoption) -> str:
        """'draft resolution I (A/C.1/73/L.27/Rev.1)'; with votes from several documents, '… of A/73/505'.

        A vote recorded under a resolution is 'resolution A/HRC/RES/54/18'; a plenary vote on a report's
        draft is 'draft resolution I of A/73/505 (resolution 73/27) in A/73/PV.45'.
        """
        if isinstance(vote, RecordedVote) and not vote.whole:  # 'operative paragraph 1 of draft resolution II (A/C.1/78/L.38/Rev.1)'
            return f"{vote.subject or 'separate vote'} of {self.draft_name(vote.model_copy(update={'whole': True, 'subject': ''}))}"
        if vote.draft_symbol == vote.symbol:
            return f"resolution {vote.symbol}"
        only = self._only_decision(vote)  # 'the draft decision', as its report calls it
        kind = f"the draft {vote.draft_kind}" if only else f"draft {vote.draft_kind}"  # a decision's key is 'decision I' (action_key)
        number = f" {vote.draft_number}" if vote.draft_number and not only else ""
        if vote.body == "General Assembly" and vote.draft_number:
            became = f" (resolution {vote.resolution})" if vote.resolution else ""
            return f"{kind}{number} of {vote.draft_symbol}{became} in {vote.symbol}"
        name = f"{kind}{number} ({vote.draft_symbol})" if vote.draft_number else vote.draft_symbol
        return f"{name} of {vote.symbol}" if self.several else name

    def _only_decision(self, vote: RecordedVote | Adoption) -> bool:
        """Whether ``vote`` is on the one draft decision of its report.

        The report calls it 'the draft decision', with no number (A/78/407, para. 14).
        """
        if vote.draft_kind != "decision":
            return False
        report = vote.draft_symbol if vote.body == "General Assembly" else vote.symbol
        return sum(len(d.decisions) for d in self.documents if d.symbol == report) == 1

    def meeting_records(self, body: str) -> list[str]:
        """The symbols of the records of ``body``'s meetings among the documents ('A/73/PV.45' for the General Assembly)."""
        return [d.symbol for d in self.documents if d.kind == "meeting_record" and d.body == body]

    def actions(self) -> list[DraftKey]:
        """Every draft with a recorded vote or adopted without a vote, in the order its document sets them out.

        A/78/407: draft resolutions I, II and III (adopted without a vote), then the draft decision.
        """
        acted = [*self.votes, *(k for k in self.adoptions if k not in self.votes)]
        order = {DraftKey(doc.symbol, n): i for doc in self.documents
                 for i, n in enumerate([*(d.number for d in doc.drafts), *(f"decision {d.number}" for d in doc.decisions)])}
        documents = [d.symbol for d in self.documents]
        return sorted(acted, key=lambda k: (documents.index(k.document) if k.document in documents else len(documents),
                                            order.get(k, len(order))))

    def named_in(self, text: str) -> list[DraftKey]:
        """Votes a question points to by what their records carry, when that picks some votes and not all; else [].

        The document's symbol ('A/HRC/RES/54/18', 'A/73/PV.45'), the resolution the draft became ('54/18',
        'resolution 73/27'), or the name of the body that voted ('Human Rights Council', 'plenary': ingest/data/bodies.json).
        """
        words = f" {_words(text)} "
        keys = [k for k, v in self.votes.items() if any(f" {_words(w)} " in words for w in _identifiers(v))]
        return keys if len(keys) < len(self.votes) else []

    def draft_voted(self, draft: DraftKey) -> str | None:
        """The symbol of the draft a vote was on, the same for each body that voted on it ('A/C.1/73/L.27/Rev.1').

        A plenary vote on 'draft resolution I of A/73/505' (A/73/PV.45) is on the draft the report holds as its
        draft I, when the report is indexed; None for a key with no vote.
        """
        vote = self.vote(draft)
        if vote is None:
            return None
        return self._draft_symbol(vote.draft_symbol, vote.draft_number) or vote.draft_symbol if vote.draft_number else vote.draft_symbol

    def in_bodies(self, drafts: list[DraftKey], bodies: list[str]) -> list[DraftKey]:
        """The votes of each body in ``bodies`` on the drafts of ``drafts``, body by body; [] unless every body voted.

        "between the committee and the plenary": draft I of A/73/505 was voted in the First Committee (A/73/505,
        para. 7) and in the General Assembly (A/73/PV.45) → [(A/73/505, I), (A/73/PV.45, I)]. A draft not voted in
        every body named is left out.
        """
        symbols = {s for d in drafts if (s := self.draft_voted(d))}
        kept = {s for s in symbols if all(any(self.draft_voted(k) == s and v.body == b for k, v in self.votes.items()) for b in bodies)}
        return [k for b in bodies for k, v in self.votes.items() if v.body == b and self.draft_voted(k) in kept]

    def bodies_named(self, text: str) -> list[str]:
        """The voting bodies of the recorded votes that ``text`` names ('the committee', 'the plenary'), in the order named.

        Names and aliases come from ingest/data/bodies.json ('plenary' → 'General Assembly').
        """
        words, found = f" {_words(text)} ", {}
        for body in {v.body for v in self.votes.values()}:
            places = [words.find(f" {_words(n)} ") for n in body_names(body) if f" {_words(n)} " in words]
            if places:
                found[body] = min(places)
        return sorted(found, key=found.__getitem__)

    def pair(self, named: list[DraftKey]) -> list[DraftKey]:
        """The two drafts a cross-draft question is about: the two named, else the first document's two votes."""
        if len(named) == 2:
            order = list(self.votes)
            return sorted(named, key=lambda k: order.index(k) if k in order else len(order))
        for document in self.documents:
            keys = [k for k in self.votes if k.document == document.symbol]
            if len(keys) == 2:
                return keys
        return []

    @staticmethod
    def adoption(vote: RecordedVote) -> str:
        """The adoption phrase for a vote, naming the body that voted (``RecordedVote.body``).

        For example: 'adopted by the First Committee at its 31st meeting, on 8 November 2018,
        by a recorded vote of 109 to 45, with 16 abstentions'.
        """
        when = f" at its {vote.meeting}, on {vote.date}," if vote.meeting else f" on {vote.date}," if vote.date else ""
        yes, no, abst = vote.stated
        return f"{vote.outcome} by the {vote.body}{when} by a recorded vote of {yes} to {no}, with {abst} abstentions"

    @staticmethod
    def within_body(group: Group, vote: RecordedVote) -> Group:
        """``group`` narrowed to the States that were members of the body that voted, named so; unchanged for a body of all.

        "Which Latin American members of the Human Rights Council voted against resolution 54/18?": the 8 of the 33 that
        sat on the Council in 2023 (ingest/data/bodies.json), not 33 with 25 'not recorded'. Unchanged when the body's
        membership that year is not in the data.
        """
        try:
            members = set(voting_body(vote.body).members(vote.date))
        except (KeyError, ValueError):
            return group
        if members >= set(group.members):
            return group
        kept = tuple(s for s in group.members if s in members)
        return replace(group, name=f"Members of the {group.name} on the {vote.body} in {vote.date[-4:]}", members=kept)

    def membership(self, draft: DraftKey) -> ToolResult:
        """'How many members does the Human Rights Council have?': the members of the body that voted on ``draft``, that day.

        The number is not in the document: it comes from the Member State list or the body's membership list
        (ingest/data/bodies.json), and the answer says so.
        """
        vote = self.vote(draft)
        if vote is None:
            return self.no_vote(draft)
        members = f"{vote.electorate} {'Member States' if vote.electorate == MEMBER_STATES else 'members'}"
        text = (f"The {vote.body} had {members} when it voted on {self.draft_name(vote)} on {vote.date}; "
                f"the number comes from {self.electorate_source(vote, 'a number from ')[len('a number from '):]}.")
        return ToolResult("vote_tally", (Claim(text, (self.cite(vote),)),), facts=(str(vote.electorate),))

    @staticmethod
    def electorate(vote: RecordedVote) -> str:
        """'193 Member States' or '47 members of the Human Rights Council': the base of 'not recorded' and of shares."""
        if vote.electorate == MEMBER_STATES:
            return f"{MEMBER_STATES} Member States"
        return f"{vote.electorate} members of the {vote.body}"

    @staticmethod
    def electorate_source(vote: RecordedVote, lead: str = "") -> str:
        """Where the electorate's number comes from, said in answers: it is not in the document.

        ``lead`` 'a number from ' gives '… a number from the United Nations list, not from the report'; '' gives
        'the 193 come from the United Nations list of Member States, not from the report'.
        """
        if vote.electorate == MEMBER_STATES:
            return f"{lead}the United Nations list, not from the report" if lead else \
                f"the {MEMBER_STATES} come from the United Nations list of Member States, not from the report"
        source = f"the United Nations' list of the {vote.body}'s members on {vote.date or 'that date'}, not from the document"
        return f"{lead}{source}" if lead else f"the {vote.electorate} come from {source}"

    @staticmethod
    def cite(vote: RecordedVote | Sponsorship | Adoption, locator: str | None = None) -> str:
        """Citation id of the record's paragraph (or of ``locator`` in the same document)."""
        return citation_id(vote.symbol, locator or vote.locator)

    # -- one State ----------------------------------------------------------------------
    def position(self, state: str, draft: DraftKey, sponsorship: bool = True) -> ToolResult:
        """How one Member State voted on one draft, with footnoted intentions and (if ``sponsorship``) its sponsorship."""
        vote = self.vote(draft)
        if vote is None:
            return self.no_vote(draft)
        pos = vote.position_of(state)
        printed = as_printed(vote, [state])[0]
        listed_as = f" (listed as {printed})" if printed != state else ""  # 'Turkey (listed as Türkiye)'
        if pos:
            lead = f"{cap(the(state))}{listed_as} {VERB[pos]} {self.draft_name(vote)}, {self.adoption(vote)}."
        else:
            lead = (f"{cap(the(state))} is not recorded as voting on {self.draft_name(vote)}: it is in none of the three lists "
                    f"(in favour, against, abstaining) of the recorded vote in {label(vote.symbol, vote.locator)}.")
        note = self._sponsor_note(state, draft) if sponsorship and pos is None else []  # a sponsor absent from every list
        claims = [Claim(lead, (self.cite(vote),))] + self.intention_claims(state, vote) + note
        table = Table(("Member State", "Draft", "Position"), ((state, vote.draft_symbol, WORD[pos or ""]),))
        return ToolResult("vote_position", tuple(claims), table,
                          data={"state": state, "draft": vote.draft_symbol, "position": pos, "part": "" if vote.whole else vote.subject})

    def intention_claims(self, state: str, vote: RecordedVote) -> list[Claim]:
        """Quotes of the footnotes recording how ``state`` had intended to vote (fn-3, fn-4)."""
        claims = []
        for intention in (i for i in vote.intentions if i.state == state):
            where = cap(label(vote.symbol, intention.footnote).split(", ", 1)[1])  # "Footnote 4", "Passage 9"
            quoted = f"{where} adds: \u201c{intention.text}\u201d"
            claims.append(Claim(quoted, (self.cite(vote, intention.footnote),), quote=True))
        return claims

    def intentions(self, drafts: list[DraftKey]) -> ToolResult:
        """Delegations that later indicated how they had intended to vote (footnotes 3 and 4 of A/73/505).

        One claim per footnoted State and draft: its recorded position, then the footnote quoted;
        rows (State, draft symbol, recorded position, intended position).
        """
        claims: list[Claim] = []
        rows: list[tuple[str, ...]] = []
        for vote in (v for d in drafts if (v := self.vote(d)) is not None):
            for intention in vote.intentions:
                pos = vote.position_of(intention.state)
                recorded = f"{VERB[pos]} {self.draft_name(vote)}" if pos else f"is not recorded as voting on {self.draft_name(vote)}"
                claims.append(Claim(f"{cap(the(intention.state))} {recorded}.", (self.cite(vote),)))
                rows.append((intention.state, vote.draft_symbol, WORD[pos or ""], WORD[intention.intended]))
            claims.extend(c for state in dict.fromkeys(i.state for i in vote.intentions) for c in self.intention_claims(state, vote))
        if not claims:
            return ToolResult("vote_intentions", (Claim("The documents record no delegation's intended vote for these drafts.", ()),))
        lead = Claim(f"{len(rows)} later indications of an intended vote are recorded in footnotes:", ())
        return ToolResult("vote_intentions", (lead, *claims), Table(("Member State", "Draft", "Recorded", "Intended"), tuple(rows)),
                          facts=(str(len(rows)), *(r[0] for r in rows)))

    def _sponsor_note(self, state: str, draft: DraftKey) -> list[Claim]:
        record = self.sponsorship(draft)
        if record is None:
            return []
        where = label(record.symbol, record.locator)
        if state in record.sponsors:
            return [Claim(f"{cap(the(state))} was one of the original sponsors of the draft ({where}).", (self.cite(record),))]
        if state in record.joined_later:
            return [Claim(f"{cap(the(state))} subsequently joined in sponsoring the draft ({where}).", (self.cite(record),))]
        return []

    def no_vote(self, draft: DraftKey) -> ToolResult:
        """Answer for a draft that has no recorded vote in the corpus: its adoption without a vote, if recorded."""
        adoption = self.adoptions.get(draft)
        if adoption is None:
            return ToolResult("vote_position", (Claim(f"The documents record no vote on draft {draft.number} of {draft.document}.", ()),))
        name = self.draft_name(adoption)  # 'draft resolution III of A/73/507 (resolution 73/29) in A/73/PV.45'
        when = f" at its {adoption.meeting}, on {adoption.date}," if adoption.meeting else f" on {adoption.date}," if adoption.date else ""
        became = f" It became resolution {adoption.resolution}." if adoption.resolution and adoption.resolution not in name else ""
        text = (f"{cap(name)}{'' if self.several else f' of {adoption.symbol}'} was adopted by the "
                f"{adoption.body}{when} without a vote, so no State's vote is recorded.{became}").replace("  ", " ")
        # the meeting and date may be in the paragraph before ("At the same meeting, …": A/76/441, paras. 11-12)
        return ToolResult("vote_position", (Claim(text, (self.cite(adoption),)),), facts=(adoption.meeting, adoption.date),
                          data={"draft": adoption.draft_symbol, "adopted": True})

    # -- one draft ----------------------------------------------------------------------
    def tally(self, draft: DraftKey) -> ToolResult:
        """The stated tally, the number of States recorded and the number not recorded."""
        vote = self.vote(draft)
        if vote is None:
            return self.no_vote(draft)
        recorded, missing = sum(vote.stated), len(self.not_recorded_states(vote))
        yes, no, abst = vote.stated
        claims = (
            Claim(f"{cap(self.draft_name(vote))} was {self.adoption(vote)}: {yes} in favour, {no} against and {abst} abstaining.",
                  (self.cite(vote),)),
            Claim(_recorded_sentence(recorded, missing, vote, self.electorate(vote), self.electorate_source(vote)), (self.cite(vote),)),
        )
        table = Table(
            ("Position", "Member States"),
            (("In favour", str(yes)), ("Against", str(no)), ("Abstaining", str(abst)), ("Not recorded", str(missing))),
        )
        data: dict[str, object] = {
            "draft": vote.draft_symbol, "in_favour": yes, "against": no, "abstaining": abst,
            "recorded": recorded, "not_recorded": missing,
        }
        return ToolResult("vote_tally", claims, table, facts=(str(recorded), str(missing), str(vote.electorate)), data=data)

    def by_consensus(self, draft: DraftKey) -> ToolResult:
        """'Was draft I adopted by consensus?': no when the draft was put to a recorded vote, then its tally (``tally``).

        A recorded vote (paras 7 and 10 of A/73/505) is the opposite of adoption without a vote.
        """
        vote = self.vote(draft)
        if vote is None:
            return self.no_vote(draft)
        tally = self.tally(draft)
        lead = Claim(f"No: {self.draft_name(vote)} was not adopted by consensus (without a vote); it was put to a recorded vote.",
                     (self.cite(vote),))
        return ToolResult(tally.tool, (lead, *tally.claims), tally.table, tally.facts, tally.data)

    def shares(self, draft: DraftKey) -> ToolResult:
        """Each position's share of the States recorded as voting and of all 193 Member States, in per cent to one decimal.

        Also the share in favour of the votes cast (in favour plus against: 139 of 150, 92.7 per cent, for draft II), as a
        United Nations majority is reckoned. Counts are the stated tally (para. 7 / para. 10); the 193 come from the Member
        State list and the votes-cast rule from the rules of procedure, and the answer says so.
        """
        vote = self.vote(draft)
        if vote is None:
            return self.no_vote(draft)
        recorded, base = sum(vote.stated), vote.electorate
        counts = (*vote.stated, base - recorded)
        pct = [f"{100 * n / recorded:.1f}" for n in vote.stated]
        of_all = [f"{100 * n / base:.1f}" for n in counts]
        yes, no, abst, missing = counts
        cast = [f"{100 * n / (yes + no):.1f}" if yes + no else "0.0" for n in (yes, no)]
        text = (f"Of the {recorded} Member States recorded as voting on {self.draft_name(vote)}, {yes} ({pct[0]} per cent) voted in "
                f"favour, {no} ({pct[1]} per cent) against and {abst} ({pct[2]} per cent) abstained. Of all {self.electorate(vote)} "
                f"({self.electorate_source(vote, 'a number from ')}): {of_all[0]} per cent in favour, {of_all[1]} per cent "
                f"against, {of_all[2]} per cent abstaining and {of_all[3]} per cent ({missing}) not recorded. Counting only the votes "
                f"cast, in favour and against, as a United Nations majority is reckoned (abstentions count as not voting; this rule is "
                f"not from the report): {yes} of {yes + no} ({cast[0]} per cent) in favour and {no} ({cast[1]} per cent) against.")
        facts = (str(recorded), str(missing), *pct, *of_all, str(base), str(yes + no), *cast)
        return ToolResult("vote_share", (Claim(text, (self.cite(vote),)),), facts=facts)

    def margin(self, draft: DraftKey) -> ToolResult:
        """The margin of adoption: votes in favour minus votes against (stated tally, para. 7 / para. 10)."""
        vote = self.vote(draft)
        if vote is None:
            return self.no_vote(draft)
        yes, no, abst = vote.stated
        text = (f"{cap(self.draft_name(vote))} was adopted by {yes} votes to {no}, a margin of {yes - no}, with {abst} abstentions "
                f"(First Committee, {vote.meeting}, {vote.date}).")
        return ToolResult("vote_margin", (Claim(text, (self.cite(vote),)),), facts=(str(yes - no),))

    def listing(self, draft: DraftKey, position: Position, excluded: frozenset[str] = frozenset(), apart: str = "") -> ToolResult:
        """Every Member State in one position on one draft, in document order.

        ``excluded`` States are left out and the lead says so with ``apart`` ("Apart from the European Union members, …").
        """
        vote = self.vote(draft)
        if vote is None:
            return self.no_vote(draft)
        everyone = vote.states(position)
        states = [s for s in everyone if s not in excluded]
        listed = as_printed(vote, states)  # as the document lists them ('Türkiye' in 2023, 'Turkey' in 2018)
        lead = f"{count_states(len(states))} {VERB[position]} {self.draft_name(vote)}" + (f": {names(listed)}." if states else ".")
        left_out = len(everyone) - len(states)
        if excluded:
            lead = f"Apart from {apart} ({left_out} of the {len(everyone)}), {lead[:1].lower()}{lead[1:]}"
        table = Table(("Member State", "Position"), tuple((s, WORD[position]) for s in listed))
        facts = (*excluded, str(left_out), str(len(everyone)), str(len(states)))
        return ToolResult("vote_list", (Claim(lead, (self.cite(vote),)),), table, facts=facts if excluded else (),
                          data={"draft": vote.draft_symbol, "position": position, "states": list(states),
                                "part": "" if vote.whole else vote.subject})

    def not_in_position(self, draft: DraftKey, position: Position) -> ToolResult:
        """'Which States did not vote in favour of draft II?': every other Member State, by position (para. 7 / para. 10)."""
        vote = self.vote(draft)
        if vote is None:
            return self.no_vote(draft)
        others = [p for p in POSITIONS if p != position]
        missing = self.not_recorded_states(vote)
        parts = [f"{len(vote.states(p))} {DID[p]} ({names(vote.states(p))})" for p in others]
        total = sum(len(vote.states(p)) for p in others) + len(missing)
        verb = VERB[position].replace("voted ", "vote ").replace("abstained", "abstain")
        lead = (f"{total} of the {self.electorate(vote)} did not {verb} {self.draft_name(vote)}: {'; '.join(parts)}; "
                f"{len(missing)} are not recorded as voting ({names(missing)}).")
        facts = (str(total), str(vote.electorate), str(len(missing)), *missing)
        return ToolResult("vote_list", (Claim(lead, (self.cite(vote),)),), facts=facts,
                          data={"draft": vote.draft_symbol, "not": position})

    def not_recorded_states(self, vote: RecordedVote) -> list[str]:
        """Members of the voting body on that day in none of the vote's lists, in UN order (ingest.bodies)."""
        listed = set(vote.in_favour) | set(vote.against) | set(vote.abstaining)
        return [s for s in voting_body(vote.body).members(vote.date) if s not in listed]

    def not_recorded(self, draft: DraftKey) -> ToolResult:
        """The Member States not recorded as voting on a draft, with footnoted intentions."""
        vote = self.vote(draft)
        if vote is None:
            return self.no_vote(draft)
        missing = self.not_recorded_states(vote)
        lead = (f"{len(missing)} of the {self.electorate(vote)} are not recorded as voting on {self.draft_name(vote)}: "
                f"{names(missing)}.")
        notes = [c for s in missing for c in self.intention_claims(s, vote)]
        return ToolResult("vote_not_recorded", (Claim(lead, (self.cite(vote),)), *notes),
                          Table(("Member State", "Position"), tuple((s, "not recorded") for s in missing)),
                          facts=(str(len(missing)), str(vote.electorate), *missing), data={"draft": vote.draft_symbol, "states": missing})
