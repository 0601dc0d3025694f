"""The answerer is thread-safe: many conversations answered at once give the answers they get one at a time.

This is what lets the Gradio queue, the JSON API and the MCP server answer several questions at once
(``ui.QUEUE['default_concurrency_limit']``, FastAPI's and the MCP SDK's worker threads) with one
``Assistant``: it only reads shared state (records, BM25 index, embedder, Chroma collection); each
conversation's history is its own.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.conversation import Conversation

pytestmark = pytest.mark.slow
OPENERS = ["How did France vote on draft resolution I?", "What was the recorded vote on L.37?",
           "What does the text say about critical infrastructure?", "Which States abstained on both?",
           "Who introduced the Russian draft?", "What is the OEWG?", "How did EU members vote?", "When is the OEWG due to report?"]


def conversation(assistant, n):
    session = Conversation()
    turns = [OPENERS[n % len(OPENERS)], "And on the other draft?", OPENERS[(n + 3) % len(OPENERS)], "Which paragraph is that?"]
    return [assistant.answer(q, session).text for q in turns]


def test_sixteen_threads_answer_as_one(assistant):
    alone = [conversation(assistant, n) for n in range(len(OPENERS))]
    with ThreadPoolExecutor(16) as pool:
        together = list(pool.map(lambda n: conversation(assistant, n), range(8 * len(OPENERS))))
    assert all(texts == alone[n % len(OPENERS)] for n, texts in enumerate(together))


def test_the_gradio_queue_runs_answers_in_parallel():
    from assistant.ui import QUEUE

    assert QUEUE["default_concurrency_limit"] == 16 and QUEUE["max_size"] >= 256
