"""The answer record that every front end renders (CLI text, ``--json``, batch lines, web UI)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Grade = Literal["records", "answered", "closest", "not covered"]
GRADE_ORDER: tuple[Grade, ...] = ("records", "answered", "closest", "not covered")  # strongest first
GRADE_WORDS: dict[Grade, str] = {
    "records": "from the records",
    "answered": "the paragraph asked about",
    "closest": "closest passages; the documents may not answer this directly",
    "not covered": "not covered by the documents",
}


class Citation(BaseModel):
    """A cited unit: full id, locator, display label and the unit's text."""

    id: str = Field(description="'A/73/505#para-7'")
    locator: str = Field(description="'para-7'")
    label: str = Field(description="'A/73/505, para. 7'")
    text: str = Field(description="Full text of the cited unit.")


class Sentence(BaseModel):
    """One sentence of the answer, the citations it rests on and whether the support check passed."""

    text: str
    citations: list[str] = Field(default_factory=list, description="Citation ids, e.g. ['A/73/505#para-7'].")
    quote: bool = Field(default=False, description="A verbatim quotation of its cited unit.")
    supported: bool = Field(default=True, description="Result of the support check (unsupported sentences are not shown).")


class About(BaseModel):
    """What an answer computed from the vote records is about (from the tool's ``ToolResult.data``).

    The conversation keeps it so that a follow-up is completed from what was answered, not from the words of an earlier
    question: "and the US one?" after Ghana's vote takes Ghana; "how did they vote on the russian one?" after a list takes
    the States listed. Empty for answers not computed from vote records.
    """

    states: list[str] = Field(default_factory=list, description="Member States whose positions it gives (canonical names).")
    drafts: list[str] = Field(default_factory=list, description="Symbols of the drafts voted on, e.g. ['A/C.1/73/L.37'].")
    listed: list[str] = Field(default_factory=list, description="Member States it lists as one set, in order.")
    position: str | None = Field(default=None, description="'in_favour', 'against' or 'abstaining': the listed States' position.")
    part: str = Field(default="", description="The paragraph of a separate vote it is about, as the report writes it "
                                             "('the eighth preambular paragraph'); '' for votes on drafts as a whole.")


class Answer(BaseModel):
    """A composed answer: what is shown, where it comes from, and how it was made."""

    question: str = Field(description="The question as asked.")
    standalone: str = Field(description="The question rewritten with what the conversation carried over.")
    sentences: list[Sentence] = Field(default_factory=list, description="Shown sentences, in order (supported only).")
    dropped: list[Sentence] = Field(default_factory=list, description="Sentences the support check removed.")
    citations: list[Citation] = Field(default_factory=list, description="Cited units, in order of first citation.")
    tool: str | None = Field(default=None, description="Deterministic tool that answered, or None for retrieval.")
    table: dict | None = Field(default=None, description="{'columns': [...], 'rows': [[...]]} for list answers.")
    abstained: bool = Field(default=False, description="True when the documents do not cover the question.")
    grade: Grade = Field(default="closest", description=(
        "How the answer holds what was asked: 'records' (computed from the parsed vote, sponsorship and structure records), "
        "'answered' (the paragraph the question names or describes, quoted), 'closest' (the nearest passages, which may not "
        "answer it), 'not covered' (the documents do not hold the answer)."))
    retrieved: list[str] = Field(default_factory=list, description="Citation ids retrieved, best first (before composition).")
    similarity: float | None = Field(
        default=None, description="Best dense cosine similarity of the retrieved passages (retrieval answers)."
    )
    bm25: float | None = Field(default=None, description="Best BM25 score of the retrieved passages (retrieval answers).")
    notes: list[str] = Field(default_factory=list, description="Notices for the reader (e.g. a shortened question).")
    facts: list[str] = Field(default_factory=list, description="Numbers and names the vote tool computed (not in any single unit).")
    about: About = Field(default_factory=About, description="What a vote answer is about (States, drafts, the set listed).")
    latency_ms: float = 0.0

    def marker(self, citation_id: str) -> int:
        """1-based reference number of a citation in this answer."""
        return [c.id for c in self.citations].index(citation_id) + 1

    @property
    def text(self) -> str:
        """Plain text: sentences with [n] markers, then the numbered references (UN citation style)."""
        body = " ".join(
            s.text + "".join(f" [{self.marker(c)}]" for c in s.citations if c in {x.id for x in self.citations})
            for s in self.sentences
        )
        refs = "\n".join(f"[{n}] {c.label}" for n, c in enumerate(self.citations, 1))
        notes = "".join(f"{n}\n" for n in self.notes)
        return f"{notes}{body}\n\n{refs}".strip()
