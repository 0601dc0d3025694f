"""Typed records produced by parsing a UN document: units, recorded votes, sponsorships.

These are the boundary between ``ingest`` and everything downstream. They are frozen
pydantic models so that they serialise to JSON unchanged (see ``ingest.store``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ingest.citations import citation_id, label

UnitKind = Literal["header", "report_paragraph", "footnote", "preambular", "operative", "passage", "adoption"]
DraftKind = Literal["resolution", "decision"]
DocumentKind = Literal["report", "resolution", "meeting_record"]
Position = Literal["in_favour", "against", "abstaining"]
POSITIONS: tuple[Position, ...] = ("in_favour", "against", "abstaining")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Unit(_Frozen):
    """One citable unit of a document: a paragraph, sub-paragraph or footnote."""

    symbol: str = Field(description="Document symbol, e.g. 'A/73/505'.")
    locator: str = Field(description="Locator inside the document, e.g. 'DR-I.OP-1.6' (see ingest.citations).")
    kind: UnitKind
    text: str = Field(description="Clean text: link artefacts, emphasis and footnote markers removed, page breaks rejoined.")
    section: str = Field(default="", description="Heading the unit sits under, e.g. 'II. Consideration of proposals'.")
    draft: str | None = Field(default=None, description="Draft resolution number ('I', 'II') or None for the report.")
    decision: str | None = Field(default=None, description="Draft decision number ('I') for units of a draft decision, else None.")
    footnotes: tuple[str, ...] = Field(default=(), description="Locators of the footnotes whose markers this unit carries.")
    cited_by: tuple[str, ...] = Field(default=(), description="For a footnote: locators of the units carrying its marker.")
    marker_words: tuple[str, ...] = Field(
        default=(), description="For a footnote: the words each of its markers follows (``layout.marker_words``), "
        "e.g. draft resolution I, footnote 2: ('the Group of Governmental Experts, in its 2015 report', 'and 2015', …).")
    order: int = Field(description="0-based position of the unit in reading order.")

    @property
    def id(self) -> str:
        """Full citation id ``SYMBOL#LOCATOR``."""
        return citation_id(self.symbol, self.locator)

    @property
    def label(self) -> str:
        """Display label, e.g. 'A/73/505, draft resolution I, operative para. 1.6'."""
        return label(self.symbol, self.locator)


class Intention(_Frozen):
    """A delegation's statement, in a footnote, of how it had intended to vote."""

    state: str = Field(description="Canonical Member State name.")
    intended: Position
    footnote: str = Field(description="Locator of the footnote that records it, e.g. 'fn-4'.")
    text: str = Field(description="The footnote's text.")


class RecordedVote(_Frozen):
    """A recorded vote, as reported in one unit: a report (sub-)paragraph, a meeting record passage or a resolution's adoption block."""

    symbol: str = Field(description="Symbol of the document that reports the vote, e.g. 'A/73/505'.")
    draft_symbol: str = Field(description="Symbol of the draft voted on, e.g. 'A/C.1/73/L.27/Rev.1'; for a vote recorded under a "
                              "resolution (Human Rights Council) the resolution's own symbol.")
    draft_number: str | None = Field(description="Number of the draft in the report's recommendation ('I', 'II').")
    draft_kind: DraftKind = Field(default="resolution", description="Whether a draft resolution or a draft decision was voted on.")
    body: str = Field(default="First Committee", description="The body that voted: a Main Committee ('First Committee'), "
                      "'General Assembly' (plenary) or 'Human Rights Council' (from the document's kind and cover page).")
    electorate: int = Field(default=193, description="Members of that body on the day (193 Member States; the Council's 47), "
                            "from ingest/data/bodies.json: the base of shares and of 'not recorded'.")
    whole: bool = Field(default=True, description="True for a vote on the draft as a whole; False for a separate vote on a part.")
    subject: str = Field(default="", description="What was voted on as written, e.g. 'operative paragraph 1'; '' for the whole draft.")
    outcome: str = Field(default="adopted", description="What the vote decided, as written: 'adopted', 'retained', 'deleted', 'rejected'.")
    resolution: str = Field(default="", description="Resolution number the adopted draft became, e.g. '73/27', when stated.")
    printed: tuple[tuple[str, str], ...] = Field(default=(), description="(canonical name, name as printed) for every State "
                                                 "whose printed name differs from the canonical one ('Turkey', 'Türkiye').")
    title: str = Field(description="Title of the draft resolution.")
    date: str = Field(description="Date of the vote as written with its year, e.g. '8 November 2018'.")
    meeting: str = Field(description="Meeting at which the vote was taken, e.g. '31st meeting'.")
    locator: str = Field(description="Locator of the paragraph that reports the vote, e.g. 'para-7'.")
    stated: tuple[int, int, int] = Field(description="Tally as stated in the text: (in favour, against, abstaining).")
    in_favour: tuple[str, ...] = Field(description="Canonical Member State names, in the order listed.")
    against: tuple[str, ...]
    abstaining: tuple[str, ...]
    footnotes: tuple[str, ...] = Field(default=(), description="Locators of footnotes attached to the vote.")
    intentions: tuple[Intention, ...] = ()

    def states(self, position: Position) -> tuple[str, ...]:
        """The Member States listed in one position, in document order."""
        return {"in_favour": self.in_favour, "against": self.against, "abstaining": self.abstaining}[position]

    def position_of(self, state: str) -> Position | None:
        """The position a canonical State name is recorded in, or None if in no list."""
        for position in POSITIONS:
            if state in self.states(position):
                return position
        return None


class Adoption(_Frozen):
    """A draft (or resolution) adopted without a vote: an adoption with no lists."""

    symbol: str = Field(description="Symbol of the document that reports the adoption.")
    draft_symbol: str = Field(description="Symbol of the draft adopted, or '' when the text names it only by number.")
    draft_number: str | None = Field(description="Number of the draft in the recommendation ('III'), if stated.")
    draft_kind: DraftKind = "resolution"
    body: str = Field(description="The body that adopted it (see RecordedVote.body).")
    date: str = Field(default="", description="Date with its year, e.g. '8 November 2018', or ''.")
    meeting: str = Field(default="", description="Meeting, e.g. '31st meeting', or ''.")
    locator: str = Field(description="Locator of the unit that reports the adoption.")
    resolution: str = Field(default="", description="Resolution or decision number it became, e.g. '73/29', when stated.")


class Sponsorship(_Frozen):
    """Who submitted a draft and who joined in sponsoring it later, from one report paragraph."""

    symbol: str
    draft_symbol: str
    title: str
    introduced_by: str = Field(description="Canonical name of the State whose representative introduced the draft.")
    introduced_on: str = Field(description="Date of submission with its year, e.g. '18 October 2018'.")
    locator: str = Field(description="Locator of the paragraph, e.g. 'para-8'.")
    sponsors: tuple[str, ...] = Field(description="Original sponsors (on whose behalf it was submitted), canonical names.")
    joined_later: tuple[str, ...] = Field(description="States that subsequently joined in sponsoring, canonical names.")
    printed: tuple[tuple[str, str], ...] = Field(default=(), description="(canonical name, name as printed) for every State "
                                                 "whose printed name differs from the canonical one ('Turkey', 'Türkiye').")


class Draft(_Frozen):
    """A draft resolution or draft decision recommended in the report."""

    number: str = Field(description="'I', 'II', ... (an unnumbered 'Draft resolution' or 'Draft decision' is 'I').")
    kind: DraftKind = "resolution"
    symbol: str | None = Field(description="Its L-document symbol, from the vote or sponsorship paragraph, if stated.")
    title: str
    locator_prefix: str = Field(description="'DR-I' for draft resolution I, 'DD-I' for draft decision I.")


class ParsedDocument(_Frozen):
    """Everything ingest knows about one document."""

    symbol: str
    title: str
    date: str = Field(default="", description="Date of issue, e.g. '19 November 2018'.")
    agenda_item: str = Field(default="", description="Agenda item number as written, e.g. '96'.")
    source: str = Field(description="File the document was read from (name only).")
    content_hash: str = Field(description="SHA-256 of the raw text.")
    units: tuple[Unit, ...]
    drafts: tuple[Draft, ...] = Field(default=(), description="The draft resolutions the report recommends, in order.")
    decisions: tuple[Draft, ...] = Field(default=(), description="The draft decisions it recommends (kind 'decision'), in order.")
    votes: tuple[RecordedVote, ...] = ()
    adoptions: tuple[Adoption, ...] = Field(default=(), description="Drafts adopted without a vote, in document order.")
    sponsorships: tuple[Sponsorship, ...] = ()
    kind: DocumentKind = Field(default="report", description="What the document is, from its symbol and cover page.")
    body: str = Field(default="", description="The body whose document it is ('First Committee', 'General Assembly', "
                      "'Human Rights Council'), from the cover page.")
    warnings: tuple[str, ...] = Field(default=(), description="What a --lenient ingest could not read, one message each.")

    def unit(self, locator: str) -> Unit:
        """The unit with this locator.

        Raises:
            KeyError: if there is none.
        """
        for unit in self.units:
            if unit.locator == locator:
                return unit
        raise KeyError(f"{self.symbol} has no unit {locator!r}")
