"""Votes of other bodies beside A/73/505 (real Chroma + model, the CLI as a user runs it): a plenary record and a
Human Rights Council resolution, both as official-layout PDFs written for the tests (tests/data/formats).

The plenary record cites A/73/505 in its agenda heading and must not replace it; each vote is answered from its
own vote block, with the base of its own body (193 Member States; the Council's 47 members).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
FORMATS = Path(__file__).resolve().parents[1] / "data" / "formats"


def cli(args, folder):
    env = {**os.environ, "RAPPORTEUR_DATA_DIR": str(folder)}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bodies")
    assert cli(["ingest"], folder).returncode == 0
    result = cli(["ingest", str(FORMATS / "A_73_PV_45.pdf"), str(FORMATS / "A_HRC_RES_54_18.pdf")], folder)
    assert result.returncode == 0, result.stderr
    return folder, result.stderr


def ask(question, folder):
    answer = json.loads(cli(["ask", "--json", question], folder).stdout)
    return " ".join(s["text"] for s in answer["sentences"]), [c["id"] for c in answer["citations"]]


def test_ingest_says_what_each_document_holds_and_replaces_nothing(data_dir):
    folder, said = data_dir
    assert "A_73_PV_45.pdf: A/73/PV.45 (meeting record, General Assembly)" in said
    assert "vote: draft resolution I (A/73/505) adopted as resolution 73/27, 119-46-14 of 193, General Assembly, " \
           "45th plenary meeting, 5 December 2018 [passage-8]" in said
    assert "vote: resolution 54/18 (A/HRC/RES/54/18) adopted, 28-13-6 of 47, Human Rights Council, 41st meeting, 12 October 2023" in said
    assert "replaced" not in said
    listed = cli(["list"], folder).stdout
    assert "A/73/505\t94 units" in listed and "A/73/PV.45" in listed and "A/HRC/RES/54/18" in listed


def test_the_committee_vote_is_still_answered_from_the_report(data_dir):
    text, cited = ask("How did France vote on draft resolution I?", data_dir[0])
    assert text.startswith("France voted against draft resolution I (A/C.1/73/L.27/Rev.1) of A/73/505, adopted by the First Committee")
    assert cited == ["A/73/505#para-7"]


def test_the_plenary_vote_is_answered_from_its_vote_block(data_dir):
    text, cited = ask("How did Egypt vote in the plenary on resolution 73/27?", data_dir[0])
    assert text.startswith("Egypt voted in favour of draft resolution I of A/73/505 (resolution 73/27) in A/73/PV.45, "
                           "adopted by the General Assembly at its 45th plenary meeting, on 5 December 2018, "
                           "by a recorded vote of 119 to 46")
    assert cited == ["A/73/PV.45#passage-8"]


def test_the_council_vote_is_answered_with_the_councils_47_members(data_dir):
    text, cited = ask("How did France vote on resolution 54/18?", data_dir[0])
    assert text.startswith("France voted against resolution A/HRC/RES/54/18, adopted by the Human Rights Council at its 41st meeting, "
                           "on 12 October 2023, by a recorded vote of 28 to 13, with 6 abstentions.")
    assert cited == ["A/HRC/RES/54/18#adoption"]
    text, cited = ask("How many did not vote on A/HRC/RES/54/18?", data_dir[0])
    assert "of the 47 members of the Human Rights Council are not recorded" in text and "193" not in text
