"""Fixtures shared by the assistant's tests (the session-wide ones are in tests/conftest.py)."""

import pytest


@pytest.fixture(scope="module")
def vote_assistant(document):
    """An assistant over A/73/505 that fails if a question builds the retriever: vote questions never should."""
    from assistant.service import Assistant

    def no_retriever():
        raise AssertionError("a vote question must not build the retriever")

    return Assistant([document], no_retriever)


@pytest.fixture(scope="session")
def four_documents():  # type: ignore[no-untyped-def]
    """A/73/505 with the documents written for the tests (a 2023 report, a Human Rights Council resolution, a plenary
    record: tests/data/formats), parsed from their text files."""
    from pathlib import Path

    from ingest.pipeline import parse_files

    root = Path(__file__).resolve().parents[2]
    formats = root / "tests" / "data" / "formats"
    written = ("A_78_407.txt", "A_HRC_RES_54_18.txt", "A_73_PV_45.txt")
    return parse_files([root / "corpus" / "A_73_505.txt", *(formats / f for f in written)])
