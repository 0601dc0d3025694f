"""Writing the eval reports: ``latest.json``, ``latest.md`` and ``cases.jsonl``."""

from __future__ import annotations

import json
from pathlib import Path

METRICS = (
    "accuracy", "recall@1", "recall@5", "recall@10", "mrr",
    "citation_precision", "citation_recall", "invalid_citations", "ungrounded_answers", "answers_citing_another_document",
    "confident_misses",
)


def _fmt(value: object) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def summary_table(summary: dict) -> str:
    """Markdown table: one row per kind and overall, ours and (if present) the baseline's."""
    base = summary.get("baseline")
    head = "| kind | n | " + " | ".join(METRICS) + " |"
    lines = [head, "|" + " --- |" * (len(METRICS) + 2)]
    for kind, row in [*summary["by_kind"].items(), ("**overall**", summary["overall"])]:
        lines.append(f"| {kind} | {row['n']} | " + " | ".join(_fmt(row[k]) for k in METRICS) + " |")
        if base:
            other = base["overall"] if kind == "**overall**" else base["by_kind"][kind]
            ours = " | ".join(_fmt(other[k]) for k in METRICS[:7])
            lines.append(f"| {kind} (baseline) | {other['n']} | {ours} |" + " – |" * (len(METRICS) - 7))
    return "\n".join(lines)


def write_reports(summary: dict, rows: list[dict], baseline_rows: list[dict] | None, failures: list[str], folder: Path) -> Path:
    """Write the three report files; returns the Markdown report's path."""
    folder.mkdir(parents=True, exist_ok=True)
    by_id = {r["id"]: r for r in baseline_rows or []}
    report = {"summary": summary, "threshold_failures": failures, "cases": rows}
    (folder / "latest.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    with (folder / "cases.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps({**row, "baseline": by_id.get(row["id"])}, ensure_ascii=False) + "\n")
    failing = [r for r in rows if not r["correct"] or r["invalid"] or r["ungrounded"]]
    parts = [
        "# Rapporteur evaluation", "", f"{summary['cases']} cases. Abstention precision {summary['abstention_precision']:.3f}, "
        f"recall {summary['abstention_recall']:.3f}; answerable questions answered: {summary['answered_rate']:.3f}.", "",
        summary_table(summary), "",
        "Latency (ms): " + ", ".join(f"{k} p50 {v['p50']:.1f} / p95 {v['p95']:.1f}" for k, v in summary["latency_ms"].items())
        + f"; peak RSS {summary['peak_rss_mib']:.0f} MiB.", "",
        "## Thresholds", "", *(f"- FAIL {f}" for f in failures), *(["- all met"] if not failures else []), "",
        f"## Failing cases ({len(failing)})", "",
    ]
    for row in failing:
        parts += [f"### {row['id']} ({row['kind']})", f"- question: {row['question']}", f"- standalone: {row['standalone']}",
                  f"- expected: {json.dumps(row['expected'], ensure_ascii=False)}; gold {row['gold']}",
                  f"- missing: {row['missing']}; forbidden present: {row['forbidden']}; "
                  f"invalid citations: {row['invalid']}; ungrounded: {row['ungrounded']}",
                  f"- cited: {row['cited']}; retrieved: {row['retrieved'][:5]}", "", "```", row["answer"], "```", ""]
    path = folder / "latest.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
