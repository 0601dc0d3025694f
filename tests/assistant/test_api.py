"""The JSON API, asked with httpx on the real server ``rapporteur serve`` runs (Gradio app and API on one port)."""

from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import httpx
import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(assistant, free_port):
    from assistant.ui import start

    app, url = start(assistant, "127.0.0.1", free_port())
    yield url
    app.close()


def test_ask_with_citations_and_a_follow_up(server):
    first = httpx.post(f"{server}api/ask", json={"question": "How did France vote on draft resolution I?"}, timeout=60).json()
    assert first["text"].startswith("France voted against draft resolution I")
    assert first["answer"]["citations"][0] == {**first["answer"]["citations"][0], "id": "A/73/505#para-7", "label": "A/73/505, para. 7"}
    follow = httpx.post(f"{server}api/ask", json={"question": "And on the other draft?", "conversation_id": first["conversation_id"]},
                        timeout=60).json()
    assert follow["conversation_id"] == first["conversation_id"]
    assert follow["text"].startswith("France voted in favour of draft resolution II")
    content = httpx.post(f"{server}api/ask", json={"question": "What does the text say about critical infrastructure?"}, timeout=120).json()
    assert any(c["id"].startswith("A/73/505#DR-I.OP-1.") for c in content["answer"]["citations"])


def test_bad_requests(server):
    unknown = httpx.post(f"{server}api/ask", json={"question": "And on the other draft?", "conversation_id": "guessed"}, timeout=30)
    assert unknown.status_code == 404 and "omit it" in unknown.json()["detail"]
    assert httpx.post(f"{server}api/ask", json={}, timeout=30).status_code == 422
    assert httpx.post(f"{server}api/ask", json={"question": "x" * 20_001}, timeout=30).status_code == 422


def test_documents_units_and_votes(server):
    [document] = httpx.get(f"{server}api/documents", timeout=30).json()
    assert (document["symbol"], document["unit_count"], document["vote_count"]) == ("A/73/505", 94, 2)
    unit = httpx.get(f"{server}api/units/{quote('A/73/505#DR-I.OP-1.6', safe='')}", timeout=30).json()
    assert unit["label"] == "A/73/505, draft resolution I, operative para. 1.6" and "critical infrastructure" in unit["text"]
    assert httpx.get(f"{server}api/units/A/73/505%23para-7", timeout=30).json()["id"] == "A/73/505#para-7"
    assert httpx.get(f"{server}api/units/A/73/505%23para-99", timeout=30).status_code == 404
    assert httpx.get(f"{server}api/units/not-an-id", timeout=30).status_code == 422
    first, second = httpx.get(f"{server}api/votes/A/73/505", timeout=30).json()
    assert first["tally"] == {"in_favour": 109, "against": 45, "abstaining": 16} and len(first["against"]) == 45
    assert "France" in first["against"] and second["draft_symbol"] == "A/C.1/73/L.37" and len(second["not_recorded"]) == 193 - 168
    assert httpx.get(f"{server}api/votes/{quote('A/99/1', safe='')}", timeout=30).status_code == 404


def test_openapi_describes_every_route(server):
    schema = httpx.get(f"{server}api/openapi.json", timeout=30).json()
    assert set(schema["paths"]) == {"/ask", "/documents", "/units/{citation_id}", "/votes/{symbol}"}
    assert schema["servers"] == [{"url": "/api"}] and "AskReply" in schema["components"]["schemas"]


def test_concurrent_conversations_stay_apart(server):
    states = ["France", "Egypt", "China", "Brazil", "Peru", "Japan", "India", "Cuba"]

    def conversation(state):
        with httpx.Client(timeout=60) as client:
            first = client.post(f"{server}api/ask", json={"question": f"How did {state} vote on draft resolution I?"}).json()
            follow = client.post(f"{server}api/ask", json={"question": "And on the other draft?",
                                                             "conversation_id": first["conversation_id"]}).json()
            return state, follow["text"]

    with ThreadPoolExecutor(8) as pool:
        for state, text in pool.map(conversation, states * 3):
            assert text.startswith(state) and "draft resolution II" in text, (state, text)


def test_the_ui_login_guards_the_api(assistant, free_port):
    from assistant.ui import parse_auth, start

    app, url = start(assistant, "127.0.0.1", free_port(), auth=parse_auth("delegate:secret"))
    try:
        assert httpx.get(f"{url}api/documents", timeout=30).status_code == 401
        assert httpx.get(f"{url}api/documents", auth=("delegate", "wrong"), timeout=30).status_code == 401
        assert httpx.get(f"{url}api/documents", auth=("delegate", "secret"), timeout=30).status_code == 200
        asked = httpx.post(f"{url}api/ask", json={"question": "How did Egypt vote on L.37?"}, auth=("delegate", "secret"), timeout=60)
        assert asked.json()["text"].startswith("Egypt voted against")
        assert httpx.get(f"{url}config", timeout=10).status_code == 401  # the UI keeps its own login
    finally:
        app.close()
