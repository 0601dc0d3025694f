"""Fixtures shared by the assistant's tests (the session-wide ones are in tests/conftest.py)."""

import pytest


@pytest.fixture(scope="module")
def vote_assistant(document):
    """An assistant over A/73/505 that fails if a question builds the retriever: vote questions never should."""
    from assistant.service import Assistant

    def no_retriever():
        raise AssertionError("a vote question must not build the retriever")

    return Assistant([document], no_retriever)
