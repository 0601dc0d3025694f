"""Batch answering over the real assistant: bad lines are reported by line number, good lines answered, order kept.

``FaultyAssistant`` is a fake: it wraps the real assistant and raises on one marked question, to
show that an exception while answering one conversation is reported and does not stop the batch
(the real assistant offers no reliable way to fail on purpose once input is validated).
"""

import json
import os
import subprocess
import sys

import pytest

from assistant.batch import parse_line, run_batch

TURN_KEYS = {"question", "answer", "citations", "tool", "latency_ms", "abstained", "retrieved", "table", "sentences"}
VOTES = [
    ("How did France vote on draft resolution I?", "France voted against draft resolution I"),
    ("How did Egypt vote on L.37?", "Egypt voted against draft resolution II"),
    ("How did Brazil vote on draft resolution I?", "Brazil abstained on draft resolution I"),
    ("What was the recorded vote on L.37?", "139 in favour, 11 against and 18 abstaining"),
    ("How did China vote on L.37?", "China voted against draft resolution II"),
]


def good(conversation_id, *turns):
    return json.dumps({"id": conversation_id, "turns": list(turns)}, ensure_ascii=False).encode("utf-8")


BAD_LINES = [  # (raw line, expected words in the message)
    (b"{not json", "not valid JSON"),
    (b'{"id": "x1", "turns": ["How did France vote?"]', "not valid JSON"),
    (good("x2", "q").replace(b'"turns"', b'"questions"'), "turns: Field required"),
    (b'{"turns": ["How did France vote on draft resolution I?"]}', "id: Field required"),
    (b'{"id": 7, "turns": ["How did France vote on draft resolution I?"]}', "id: Input should be a valid string"),
    (b'{"id": "x3", "turns": "How did France vote on draft resolution I?"}', "turns: Input should be a valid list"),
    (b'{"id": "x4", "turns": [1, 2]}', "turns.0: Input should be a valid string"),
    (b'{"id": "x5", "turns": []}', "turns is empty"),
    (b'{"id": "x6", "turns": null}', "turns: Input should be a valid list"),
    (b'["x7", ["How did France vote on draft resolution I?"]]', "Input should be a valid dictionary"),
    (b"42", "Input should be a valid dictionary"),
    (b"null", "Input should be a valid dictionary"),
    (b'{"id": "x8", "turns": ["How did Fran\xe7e vote?"]}', "not UTF-8 text"),
    (b'{"id": "x9", "turns": ["How did France\\ud800 vote on draft resolution I?"]}', "lone surrogate"),
    (b'{"id": "x\\udc00", "turns": ["How did France vote on draft resolution I?"]}', "lone surrogate"),
    (b"[" * 100_000, "not valid JSON"),
]


def write(path, lines):
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def read_output(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("raw, expected", BAD_LINES, ids=[f"bad-{n}" for n in range(len(BAD_LINES))])
def test_each_kind_of_bad_line_gets_a_clear_message(raw, expected):
    message = parse_line(raw, "in.jsonl:3")
    assert isinstance(message, str) and message.startswith("in.jsonl:3: ") and expected in message, message
    assert "Traceback" not in message


@pytest.mark.slow
def test_bad_lines_are_reported_by_number_and_good_ones_answered_in_order(assistant, tmp_path):
    lines, good_ids, bad_numbers = [], [], []
    for n, (raw, _) in enumerate(BAD_LINES):
        question, _ = VOTES[n % len(VOTES)]
        lines.append(good(f"g{n}", question))
        good_ids.append(f"g{n}")
        lines.append(raw)
        bad_numbers.append(len(lines))
        lines.append(b"   ")  # blank lines are skipped silently
    infile, outfile = write(tmp_path / "in.jsonl", lines), tmp_path / "out.jsonl"
    done, errors = run_batch(assistant, infile, outfile)
    assert done == len(good_ids) and len(errors) == len(BAD_LINES)
    assert [e.split(": ", 1)[0] for e in errors] == [f"in.jsonl:{n}" for n in bad_numbers]
    for error, (_, expected) in zip(errors, BAD_LINES, strict=True):
        assert expected in error, error
    output = read_output(outfile)
    assert [line["id"] for line in output] == good_ids
    for n, line in enumerate(output):
        assert VOTES[n % len(VOTES)][1] in line["turns"][0]["answer"]


@pytest.mark.slow
def test_output_schema_is_kept(assistant, tmp_path):
    infile = write(tmp_path / "in.jsonl", [
        good("vote", "How did China vote on L.37?", "And on the other draft?"),
        good("content", "What does the text say about critical infrastructure?"),
    ])
    outfile = tmp_path / "out.jsonl"
    assert run_batch(assistant, infile, outfile) == (2, [])
    vote, content = read_output(outfile)
    assert set(vote) == {"id", "turns"} and len(vote["turns"]) == 2
    for turn in vote["turns"] + content["turns"]:
        assert set(turn) == TURN_KEYS
        assert isinstance(turn["latency_ms"], float) and turn["citations"]
        assert set(turn["citations"][0]) == {"id", "locator", "label", "text"}
    assert "China voted in favour of draft resolution I" in vote["turns"][1]["answer"]  # the follow-up kept its session
    assert vote["turns"][0]["tool"] == "vote_position" and vote["turns"][0]["table"] is not None
    assert content["turns"][0]["tool"] is None and content["turns"][0]["retrieved"]


class FaultyAssistant:
    """Fake: the real assistant, except that it raises on questions containing ``BOOM``."""

    BOOM = "<<boom>>"

    def __init__(self, real):
        self.real = real

    def answer(self, question, conversation=None):
        if self.BOOM in question:
            raise RuntimeError("simulated failure")
        return self.real.answer(question, conversation)


@pytest.mark.slow
def test_an_exception_while_answering_is_reported_and_the_batch_goes_on(assistant, tmp_path):
    infile = write(tmp_path / "in.jsonl", [
        good("first", VOTES[0][0]),
        good("second", VOTES[1][0], f"And {FaultyAssistant.BOOM}?"),
        b"{broken",
        good("third", VOTES[2][0]),
    ])
    outfile = tmp_path / "out.jsonl"
    done, errors = run_batch(FaultyAssistant(assistant), infile, outfile)
    assert done == 2
    assert errors[0] == "in.jsonl:2: id 'second': answering failed (RuntimeError: simulated failure)"
    assert errors[1].startswith("in.jsonl:3: not valid JSON")
    output = read_output(outfile)
    assert [line["id"] for line in output] == ["first", "third"]  # no half-written line for "second"
    assert VOTES[2][1] in output[1]["turns"][0]["answer"]


@pytest.mark.slow
def test_ten_thousand_lines(assistant, tmp_path):
    lines, expected, bad = [], [], []
    for n in range(10_000):
        if n % 250 == 7:
            lines.append(BAD_LINES[(n // 250) % len(BAD_LINES)][0])
            bad.append(n + 1)
        elif n % 1000 == 500:
            lines.append(good(f"c{n}", "What does the text say about critical infrastructure?"))
            expected.append((f"c{n}", "critical infrastructure"))
        else:
            question, answer = VOTES[n % len(VOTES)]
            lines.append(good(f"v{n}", question))
            expected.append((f"v{n}", answer))
    infile, outfile = write(tmp_path / "big.jsonl", lines), tmp_path / "out.jsonl"
    done, errors = run_batch(assistant, infile, outfile)
    assert done == len(expected) == 10_000 - len(bad)
    assert [int(e.split(":")[1]) for e in errors] == bad
    output = read_output(outfile)
    assert [line["id"] for line in output] == [i for i, _ in expected]
    for line, (_, words) in zip(output, expected, strict=True):
        assert words in line["turns"][0]["answer"], line


@pytest.mark.slow
def test_input_is_never_truncated_by_the_output(assistant, tmp_path):
    infile = write(tmp_path / "in.jsonl", [good("a", VOTES[0][0])])
    before = infile.read_bytes()
    with pytest.raises(OSError, match="the output file is the input file"):
        run_batch(assistant, infile, infile)
    assert infile.read_bytes() == before


@pytest.mark.slow
def test_a_missing_input_leaves_the_output_alone(assistant, tmp_path):
    outfile = tmp_path / "out.jsonl"
    outfile.write_text("previous results\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        run_batch(assistant, tmp_path / "missing.jsonl", outfile)
    assert outfile.read_text(encoding="utf-8") == "previous results\n"


@pytest.mark.slow
def test_cli_batch_reports_bad_lines_and_answers_the_rest(indexed_settings, tmp_path):
    infile = write(tmp_path / "in.jsonl", [
        good("a", VOTES[0][0]),
        b'{"id": "b", "turns": ["How did Egypt\\ud800 vote on L.37?"]}',
        b'{"id": 3, "turns": "x"}',
        good("c", VOTES[1][0]),
    ])
    outfile = tmp_path / "out.jsonl"
    env = {**os.environ, "RAPPORTEUR_DATA_DIR": str(indexed_settings.data_dir)}
    result = subprocess.run([sys.executable, "-m", "assistant", "batch", str(infile), "--out", str(outfile)],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "in.jsonl:2: turns.0: Value error, not valid Unicode text (lone surrogate" in result.stderr
    assert "in.jsonl:3: id: Input should be a valid string; turns: Input should be a valid list" in result.stderr
    assert "answered 2 conversations" in result.stderr
    assert [line["id"] for line in read_output(outfile)] == ["a", "c"]
