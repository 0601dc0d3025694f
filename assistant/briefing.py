"""A conversation exported as a briefing note: questions, answers, and a reference list in UN
citation style (document symbol, paragraph). Markdown always; DOCX through python-docx."""

from __future__ import annotations

from pathlib import Path

from assistant.answers import Answer


def references(answers: list[Answer]) -> list[str]:
    """Distinct citation labels of all answers, in order of first citation."""
    return list(dict.fromkeys(c.label for a in answers for c in a.citations))


def _body(answer: Answer) -> str:
    return " ".join(s.text for s in answer.sentences)


def briefing_markdown(answers: list[Answer], title: str = "Briefing note") -> str:
    """Markdown note: one section per question, then the references."""
    parts = [f"# {title}", ""]
    for n, answer in enumerate(answers, 1):
        cited = "; ".join(c.label for c in answer.citations)
        parts += [f"## {n}. {answer.question}", "", _body(answer), "", f"*Sources: {cited or 'none'}*", ""]
    parts += ["## References", ""] + [f"- {r}" for r in references(answers)]
    return "\n".join(parts) + "\n"


def write_docx(answers: list[Answer], path: Path, title: str = "Briefing note") -> Path:
    """Write the note as a Word document at ``path`` (requires python-docx); returns ``path``."""
    from docx import Document

    document = Document()
    document.add_heading(title, level=1)
    for n, answer in enumerate(answers, 1):
        document.add_heading(f"{n}. {answer.question}", level=2)
        document.add_paragraph(_body(answer))
        document.add_paragraph("Sources: " + ("; ".join(c.label for c in answer.citations) or "none")).italic = True
    document.add_heading("References", level=2)
    for reference in references(answers):
        document.add_paragraph(reference, style="List Bullet")
    document.save(str(path))
    return path
