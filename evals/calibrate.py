"""Calibrate the abstention threshold on the eval suite: ``python -m evals.calibrate``.

Runs every case once with the similarity threshold off, then sweeps it: for each value,
abstention precision and recall and the share of answerable questions still answered.
Picks the threshold with the best abstention F1 among those that keep >= 95 % of
answerable questions answered, and writes ``evals/reports/calibration.md``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from evals import metrics as m
from evals.cases import load_suite
from evals.runner import REPORTS, run_case

GRID = [round(0.20 + 0.01 * i, 2) for i in range(36)]
BM25_GRID = [2.0, 4.0, 6.0, 8.0, 10.0, 12.0, float("inf")]


def sweep(rows: list[tuple[bool, bool, float | None, float]]) -> list[tuple[float, float, float, float, float]]:
    """Rows (abstained for another reason, should abstain, best similarity, best BM25) →
    [(similarity threshold, BM25 floor, precision, recall, answered)]."""
    out = []
    for floor in BM25_GRID:
        for threshold in GRID:
            pairs = [(other or (sim is not None and sim < threshold and bm < floor), truth) for other, truth, sim, bm in rows]
            precision, recall = m.precision_recall(pairs)
            answerable = [p for p, t in pairs if not t]
            out.append((threshold, floor, precision, recall, sum(1 for p in answerable if not p) / max(len(answerable), 1)))
    return out


def best(table: list[tuple[float, float, float, float, float]]) -> tuple[float, float]:
    """The (threshold, floor) with the best F1 among those answering >= 95 % of answerable questions
    (on a tie, the highest threshold: it abstains more on questions unlike any in the suite)."""
    ok = [r for r in table if r[4] >= 0.95] or table
    chosen = max(ok, key=lambda r: (round(2 * r[2] * r[3] / (r[2] + r[3] or 1), 6), r[0], -r[1]))
    return chosen[0], chosen[1]


def main() -> int:
    """Run the sweep and write the calibration report."""
    from assistant.factory import load_assistant
    from ingest.embedder import offline_environment
    from ingest.settings import Settings

    offline_environment()
    with tempfile.TemporaryDirectory() as scratch:
        assistant = load_assistant(Settings(data_dir=Path(scratch), retrieval_k=10), progress=lambda _: None, warm=True)
        assistant.min_similarity = -1.0
        rows = []
        for case in load_suite():
            answer = run_case(case, assistant)
            rows.append((answer.abstained, case.expected.abstain, None if answer.tool else answer.similarity, answer.bm25 or 0.0))
    table = sweep(rows)
    threshold, floor = best(table)
    lines = [
        "# Abstention calibration",
        "",
        "| similarity threshold | BM25 floor | precision | recall | answered |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [f"| {t:.2f} | {f} | {p:.3f} | {r:.3f} | {a:.3f} |" for t, f, p, r, a in table]
    lines += ["", f"Chosen: MIN_SIMILARITY = {threshold:.2f}, MIN_BM25 = {floor} (set them in assistant/abstention.py)."]
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "calibration.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
