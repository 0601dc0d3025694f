"""PDF and DOCX input: the test report written out in both formats parses like the text file;
broken files give a clear error naming the file."""

from pathlib import Path

import pytest

from ingest.parse import ParseError
from ingest.reader import read_document, read_text

DATA = Path(__file__).resolve().parents[1] / "data"


def blocks():
    return [b.strip() for b in (DATA / "A_99_401.txt").read_text(encoding="utf-8").split("\n\n") if b.strip()]


def write_pdf(path: Path, paragraphs: list[str]) -> None:
    """A minimal hand-written PDF: one page per paragraph, its text in one Helvetica text object."""
    def escape(text):
        return text.encode("latin-1", "replace").decode("latin-1").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        None,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for paragraph in paragraphs:
        stream = f"BT /F1 9 Tf 20 800 Td ({escape(paragraph)}) Tj ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {len(objects)} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode() + b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))


def test_docx_parses_like_the_text(tmp_path):
    from docx import Document

    document = Document()
    for block in blocks():
        document.add_paragraph(block)
    document.save(str(tmp_path / "A_99_401.docx"))
    parsed = read_document(tmp_path / "A_99_401.docx")
    assert parsed.symbol == "A/99/401" and parsed.votes[0].stated == (5, 2, 1)
    assert [u.locator for u in parsed.units] == [u.locator for u in read_document(DATA / "A_99_401.txt").units]


def test_pdf_parses_like_the_text(tmp_path):
    write_pdf(tmp_path / "A_99_401.pdf", [b.replace("\n", " ") for b in blocks()])
    parsed = read_document(tmp_path / "A_99_401.pdf")
    assert parsed.symbol == "A/99/401" and parsed.votes[0].in_favour == ("Chile", "Fiji", "Iceland", "Norway", "Portugal")
    assert parsed.unit("DR-I.OP-1(b)").text == "(b) By sharing information on incidents;"


def test_truncated_pdf_and_broken_docx_fail_clearly(tmp_path):
    write_pdf(tmp_path / "whole.pdf", blocks())
    data = (tmp_path / "whole.pdf").read_bytes()
    (tmp_path / "A_1_1.pdf").write_bytes(data[: len(data) // 3])
    with pytest.raises(ParseError, match="A_1_1.pdf: "):
        read_document(tmp_path / "A_1_1.pdf")
    (tmp_path / "A_1_2.docx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ParseError, match="A_1_2.docx: not a readable DOCX file"):
        read_text(tmp_path / "A_1_2.docx")
