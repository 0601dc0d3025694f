"""The ``rapporteur`` command line, run as a real subprocess against the real index."""

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def run(args, settings, home=None, **kwargs):
    env = {**os.environ, "RAPPORTEUR_DATA_DIR": str(settings.data_dir)}
    if home:
        env["HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True, env=env, timeout=300, **kwargs)


def test_ask_a_vote_question(indexed_settings):
    result = run(["ask", "How did France vote on draft resolution I?"], indexed_settings)
    assert result.returncode == 0, result.stderr
    assert "France voted against draft resolution I" in result.stdout and "[1] A/73/505, para. 7" in result.stdout


def test_ask_json_carries_supported_sentences(indexed_settings):
    result = run(["ask", "--json", "What was the recorded vote on L.27/Rev.1?"], indexed_settings)
    record = json.loads(result.stdout)
    assert record["tool"] == "vote_tally" and record["table"]["rows"][0] == ["In favour", "109"]
    assert all(s["supported"] for s in record["sentences"]) and record["citations"][0]["id"] == "A/73/505#para-7"


def test_batch_schema_and_bad_lines(indexed_settings, tmp_path):
    infile, outfile = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    infile.write_text("\n".join([
        json.dumps({"id": "q1", "turns": ["How did France vote on draft resolution I?"]}),
        "{not json",
        json.dumps({"id": "q2", "turns": ["How did China vote on L.37?", "And on the other draft?"]}),
        json.dumps({"id": "q3"}),
        json.dumps({"id": "q4", "turns": ["What was the recorded vote on L.27/Rev.1?"]}),
    ]) + "\n", encoding="utf-8")
    result = run(["batch", str(infile), "--out", str(outfile)], indexed_settings)
    assert result.returncode == 0, result.stderr
    assert "in.jsonl:2: not valid JSON" in result.stderr and "in.jsonl:4: turns: Field required" in result.stderr
    lines = [json.loads(line) for line in outfile.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["q1", "q2", "q4"]
    turn = lines[0]["turns"][0]
    assert set(turn) >= {"question", "answer", "citations", "tool", "latency_ms"}
    assert turn["citations"][0] == {"id": "A/73/505#para-7", "locator": "para-7", "label": "A/73/505, para. 7",
                                    "text": turn["citations"][0]["text"]}
    assert turn["tool"] == "vote_position" and isinstance(turn["latency_ms"], float) and "against" in turn["answer"]
    china = lines[1]["turns"]
    assert "China voted against draft resolution II" in china[0]["answer"] and china[0]["citations"][0]["locator"] == "para-10"
    assert "China voted in favour of draft resolution I" in china[1]["answer"] and china[1]["citations"][0]["locator"] == "para-7"
    tally = lines[2]["turns"][0]["answer"]
    assert "109 in favour, 45 against and 16 abstaining" in tally


def test_failed_ingest_names_the_file_and_keeps_the_index(indexed_settings, tmp_path):
    bad = tmp_path / "A_73_999.txt"
    bad.write_text("", encoding="utf-8")
    before = (indexed_settings.data_dir / "active.json").read_text()
    result = run(["ingest", str(bad)], indexed_settings)
    assert result.returncode == 1 and "A_73_999.txt: the file is empty" in result.stderr and "Traceback" not in result.stderr
    assert (indexed_settings.data_dir / "active.json").read_text() == before
    assert "France voted against" in run(["ask", "How did France vote on draft resolution I?"], indexed_settings).stdout


def test_cli_ingest_is_offline_and_never_loads_chromas_default_model(tmp_path):
    from ingest.settings import Settings

    settings = Settings(data_dir=tmp_path / "fresh")
    result = run(["ingest"], settings, home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert "rebuilt the index: 102 chunks added" in result.stderr and "94 units" in result.stderr
    assert not (tmp_path / "home" / ".cache" / "chroma").exists()
    assert not (tmp_path / "home" / ".cache" / "huggingface").exists()


def test_serve_refuses_a_malformed_login_before_loading_anything(indexed_settings):
    result = run(["serve", "--auth", "no-colon", "--port", "0"], indexed_settings)
    assert result.returncode == 1 and "--auth takes 'user:password'" in result.stderr and "Traceback" not in result.stderr


def test_serve_binds_loopback_by_default():
    from ingest.settings import Settings

    assert Settings().host == "127.0.0.1" and Settings().share is False and Settings().auth is None


def test_one_settings_object_holds_the_mcp_server_s_own(monkeypatch):
    from ingest.settings import Settings

    assert (Settings().mcp_host, Settings().mcp_port, Settings().mcp_token) == ("127.0.0.1", 8765, None)
    monkeypatch.setenv("RAPPORTEUR_MCP_HOST", "0.0.0.0")
    monkeypatch.setenv("RAPPORTEUR_MCP_PORT", "9000")
    monkeypatch.setenv("RAPPORTEUR_MCP_TOKEN", "secret")
    assert (Settings().mcp_host, Settings().mcp_port, Settings().mcp_token) == ("0.0.0.0", 9000, "secret")


def test_a_bad_setting_is_one_line_naming_it(indexed_settings):
    result = subprocess.run([sys.executable, "-m", "assistant", "ask", "How did France vote on draft resolution I?"], capture_output=True,
                            text=True, env={**os.environ, "RAPPORTEUR_DATA_DIR": str(indexed_settings.data_dir),
                                            "RAPPORTEUR_RETRIEVAL_K": "many"}, timeout=120)
    assert result.returncode == 1 and result.stderr.startswith("rapporteur: error: retrieval_k: ") and "Traceback" not in result.stderr


def test_serve_answers_the_page_and_the_api(indexed_settings, free_port, tmp_path):
    """``rapporteur serve`` as a user starts it: the index loads while gradio imports; then the page and the JSON API answer."""
    import time

    import httpx

    port = free_port()
    env = {**os.environ, "RAPPORTEUR_DATA_DIR": str(indexed_settings.data_dir)}
    with (tmp_path / "serve.log").open("w") as log:
        process = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        assert process.poll() is None, (tmp_path / "serve.log").read_text()
        asked = httpx.post(f"http://127.0.0.1:{port}/api/ask", json={"question": "How did France vote on draft resolution I?"}, timeout=60)
        assert asked.json()["text"].startswith("France voted against draft resolution I")
    finally:
        process.terminate()
        process.wait(timeout=30)
