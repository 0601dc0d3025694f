"""Several documents in one index: list, cite each, keep their votes apart, remove one (real Chroma + model)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("multi")
    for args in (["ingest"], ["ingest", str(DATA / "A_99_401.txt"), str(DATA / "A_RES_99_12.txt")]):
        result = cli(args, folder)
        assert result.returncode == 0, result.stderr
    return folder


def cli(args, folder):
    env = {**os.environ, "RAPPORTEUR_DATA_DIR": str(folder)}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True, env=env, timeout=300)


def ask(question, folder):
    return json.loads(cli(["ask", "--json", question], folder).stdout)


def test_list_shows_each_document(data_dir):
    out = cli(["list"], data_dir).stdout
    assert "A/73/505\t94 units\t2 drafts\t2 recorded votes" in out
    assert "A/99/401\t14 units\t1 drafts\t1 recorded votes" in out and "A/RES/99/12\t10 units\t0 drafts\t0 recorded votes" in out


def test_answers_cite_each_document(data_dir):
    cables = ask("What does resolution 99/12 request the Secretary-General to do?", data_dir)
    assert cables["citations"][0]["id"] == "A/RES/99/12#OP-2"
    infrastructure = ask("What does draft resolution I say about critical infrastructure?", data_dir)
    assert infrastructure["citations"][0]["id"].startswith("A/73/505#DR-I.OP-1.")


def test_votes_of_two_documents_do_not_mix(data_dir):
    fiji = ask("How did Fiji vote on L.5?", data_dir)
    assert "Fiji voted in favour of draft resolution I (A/C.1/99/L.5) of A/99/401" in " ".join(s["text"] for s in fiji["sentences"])
    assert [c["id"] for c in fiji["citations"]] == ["A/99/401#para-4"]
    egypt = ask("How did Egypt vote on L.37?", data_dir)
    assert "Egypt voted against draft resolution II (A/C.1/73/L.37) of A/73/505" in egypt["sentences"][0]["text"]
    assert {c["id"].split("#")[0] for c in egypt["citations"]} == {"A/73/505"}


def test_remove_a_document(data_dir):
    result = cli(["remove", "A/RES/99/12"], data_dir)
    assert result.returncode == 0 and "removed" in result.stderr
    assert "A/RES/99/12" not in cli(["list"], data_dir).stdout
    assert cli(["remove", "A/RES/99/12"], data_dir).returncode == 1
