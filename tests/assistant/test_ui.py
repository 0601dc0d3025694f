"""The real Gradio server, asked through gradio_client (one session per client)."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from evals.ports import free_port

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    from assistant.ui_exports import Exports

    return Exports(tmp_path_factory.mktemp("exports"))


@pytest.fixture(scope="module")
def server(assistant, exports):
    """The app as ``rapporteur serve`` runs it (same queue and launch options), on a free port."""
    from assistant.ui import start

    app, url = start(assistant, "127.0.0.1", free_port(), exports=exports)
    yield url
    app.close()


def test_one_question_through_gradio_client(server):
    from gradio_client import Client

    text, record = Client(server, verbose=False).predict("How did France vote on draft resolution I?", api_name="/answer")
    assert "France voted against draft resolution I" in text
    assert record["citations"][0]["id"] == "A/73/505#para-7"


QUESTIONS = [
    ("How did France vote on draft resolution I?", "France voted against draft resolution I"),
    ("How did Egypt vote on L.37?", "Egypt voted against draft resolution II"),
    ("How did China vote on L.37?", "China voted against draft resolution II"),
    ("How did Brazil vote on draft resolution I?", "Brazil abstained on draft resolution I"),
    ("What was the recorded vote on L.37?", "139 in favour, 11 against and 18 abstaining"),
]


def test_twenty_concurrent_sessions_are_answered_and_not_mixed(server):
    from gradio_client import Client

    def session(n):
        question, expected = QUESTIONS[n % len(QUESTIONS)]
        client = Client(server, verbose=False)
        first, _ = client.predict(question, api_name="/answer")
        follow, _ = client.predict("And on the other draft?", api_name="/answer")
        return n, first, expected, follow

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(session, range(20)))
    for n, first, expected, follow in results:
        assert expected in first, (n, first)
        state = expected.split(" ")[0]
        if "voted" in expected or "abstained" in expected:
            assert follow.startswith(state), (n, follow)


def test_no_file_outside_the_export_folder_is_served(server, exports):
    import httpx

    from ingest.settings import PROJECT_ROOT

    inside = exports.write_text("probe.txt", "exported")
    assert httpx.get(f"{server}gradio_api/file={inside}").text == "exported"
    for path in ("/etc/passwd", PROJECT_ROOT / "pyproject.toml", PROJECT_ROOT / "corpus" / "A_73_505.txt",
                 f"{exports.root}/../../etc/passwd", exports.root.parent):
        response = httpx.get(f"{server}gradio_api/file={path}")
        assert response.status_code in (403, 404), (path, response.status_code)


def test_only_the_answer_endpoint_is_public(server):
    from gradio_client import Client

    assert set(Client(server, verbose=False).view_api(print_info=False, return_format="dict")["named_endpoints"]) == {"/answer"}


def test_auth_puts_a_login_in_front_of_the_app(assistant):
    import httpx

    from assistant.ui import parse_auth, start

    app, url = start(assistant, "127.0.0.1", free_port(), auth=parse_auth("delegate:secret"))
    try:
        assert httpx.get(f"{url}config", timeout=10).status_code == 401
        login = httpx.post(f"{url}login", data={"username": "delegate", "password": "secret"}, timeout=10)
        assert login.status_code == 200
    finally:
        app.close()
    with pytest.raises(ValueError):
        parse_auth("no-colon")
