"""Logs carry no question text at INFO unless asked (users' questions can be sensitive)."""

import logging

from assistant.service import Assistant


def no_retriever():
    raise AssertionError("vote questions need no retriever")


def test_question_text_is_not_logged_by_default(document, caplog):
    caplog.set_level(logging.INFO, logger="rapporteur")
    Assistant([document], no_retriever).answer("How did France vote on draft resolution I? my secret note")
    assert "answered tool=vote_position" in caplog.text and "secret" not in caplog.text


def test_question_text_is_logged_when_asked(document, caplog):
    caplog.set_level(logging.INFO, logger="rapporteur")
    Assistant([document], no_retriever, log_questions=True).answer("How did France vote on draft resolution I? my secret note")
    assert "my secret note" in caplog.text
