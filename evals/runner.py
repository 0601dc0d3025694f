"""Run the suite through the assistant (and the baseline), score every case, write reports.

Outputs under ``evals/reports/``: ``latest.json`` (summary and per-case results),
``latest.md`` (tables per metric and kind, failing cases), ``cases.jsonl`` (one line per case).
"""

from __future__ import annotations

import json
import resource
import time
import tomllib
from pathlib import Path

from assistant.answers import Answer
from assistant.conversation import Conversation
from assistant.service import Assistant
from evals import metrics as m
from evals.baseline import Baseline
from evals.cases import EvalCase

REPORTS = Path(__file__).resolve().parent / "reports"
THRESHOLDS = Path(__file__).resolve().parent / "thresholds.toml"


def score_case(case: EvalCase, answer: Answer, assistant: Assistant) -> dict:
    """Per-case metrics for our answer to the last turn."""
    body = " ".join(s.text for s in answer.sentences)
    by_id = any("#" in g for g in case.gold) or any("#" in g for s in case.alt_gold for g in s)  # a multi-document suite
    cited = [c.id if by_id else c.locator for c in answer.citations]
    retrieved = [i if by_id else i.split("#", 1)[1] for i in answer.retrieved] or cited
    missing, forbidden = m.required_facts(answer.text, case.expected.must_include, case.expected.must_not_include)
    did_abstain = answer.abstained or m.abstained(answer.text)
    allowed = set(answer.retrieved) | {c for s in answer.sentences for c in s.citations} if answer.tool else set(answer.retrieved)
    gold = case.gold_sets if not case.expected.abstain else []
    return {
        "id": case.id, "kind": case.kind, "question": case.turns[-1], "standalone": answer.standalone,
        "expected": case.expected.model_dump(), "gold": case.gold, "answer": answer.text,
        "correct": not missing and not forbidden and did_abstain == case.expected.abstain,
        "missing": missing, "forbidden": forbidden, "abstained": did_abstain, "should_abstain": case.expected.abstain,
        "tool": answer.tool, "grade": answer.grade, "retrieved": retrieved[:10], "cited": cited,
        "recall@1": m.recall_at(retrieved, gold, 1), "recall@5": m.recall_at(retrieved, gold, 5),
        "recall@10": m.recall_at(retrieved, gold, 10), "rr": m.reciprocal_rank(retrieved, gold),
        "precision": None if did_abstain else m.citation_precision(cited, gold),
        "citation_recall": None if did_abstain else m.citation_recall(cited, gold),
        "invalid": m.invalid_citations([c.id for c in answer.citations], set(assistant.units), allowed),
        "ungrounded": m.ungrounded_tokens(
            body, [c.text for c in answer.citations], _tool_output(answer, assistant), [c.label for c in answer.citations]
        ),
        "foreign": _foreign(case, [c.id for c in answer.citations]) if by_id else 0,
        "latency_ms": answer.latency_ms,
    }


def _foreign(case: EvalCase, cited: list[str]) -> int:
    """How many cited units belong to a document none of the case's gold sets names (a comparison may cite both)."""
    asked = {g.split("#", 1)[0] for s in case.gold_sets for g in s}
    return sum(1 for c in cited if asked and c.split("#", 1)[0] not in asked)


def _tool_output(answer: Answer, assistant: Assistant) -> str:
    if not answer.tool:
        return ""
    table = json.dumps(answer.table or {}, ensure_ascii=False)
    records = " ".join(f"{v.date} {v.meeting} {v.draft_symbol}" for d in assistant.documents for v in d.votes)
    return f"{table} {records} " + " ".join(answer.facts) + " " + " ".join(s.text for s in answer.sentences if not s.citations)


def score_baseline(case: EvalCase, baseline: Baseline) -> dict:
    """Per-case metrics for the baseline (last turn asked alone)."""
    started = time.perf_counter()
    result = baseline.answer(case.turns[-1])
    gold = case.gold_sets if not case.expected.abstain else []
    missing, forbidden = m.required_facts(result.text, case.expected.must_include, case.expected.must_not_include)
    return {
        "id": case.id, "correct": not missing and not forbidden and not case.expected.abstain, "retrieved": result.retrieved,
        "cited": result.cited, "recall@1": m.recall_at(result.retrieved, gold, 1), "recall@5": m.recall_at(result.retrieved, gold, 5),
        "recall@10": m.recall_at(result.retrieved, gold, 10), "rr": m.reciprocal_rank(result.retrieved, gold),
        "precision": m.citation_precision(result.cited, gold), "citation_recall": m.citation_recall(result.cited, gold),
        "latency_ms": (time.perf_counter() - started) * 1000, "answer": result.text,
    }


def run_case(case: EvalCase, assistant: Assistant) -> Answer:
    """Ask every turn of the case in one fresh session; the last answer is scored."""
    session = Conversation()
    answer = None
    for turn in case.turns:
        answer = assistant.answer(turn, session)
    assert answer is not None
    return answer


def summarize(rows: list[dict], baseline_rows: list[dict] | None) -> dict:
    """Summary metrics overall and per kind (ours, and the baseline's beside them)."""
    kinds = sorted({r["kind"] for r in rows})
    summary: dict = {
        "cases": len(rows),
        "overall": _aggregate(rows),
        "by_kind": {k: _aggregate([r for r in rows if r["kind"] == k]) for k in kinds},
    }
    pairs = [(r["abstained"], r["should_abstain"]) for r in rows]
    summary["abstention_precision"], summary["abstention_recall"] = m.precision_recall(pairs)
    answerable = [r for r in rows if not r["should_abstain"]]
    summary["answered_rate"] = sum(1 for r in answerable if not r["abstained"]) / max(len(answerable), 1)
    latencies = {"vote": [r["latency_ms"] for r in rows if r["tool"]], "retrieval": [r["latency_ms"] for r in rows if not r["tool"]]}
    summary["latency_ms"] = {k: {"p50": m.percentile(v, 50), "p95": m.percentile(v, 95)} for k, v in latencies.items()}
    summary["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if baseline_rows is not None:
        by_id = {r["id"]: r for r in baseline_rows}
        summary["baseline"] = {"overall": _aggregate([{**by_id[r["id"]], "kind": r["kind"]} for r in rows]),
                               "by_kind": {k: _aggregate([{**by_id[r["id"]], "kind": k} for r in rows if r["kind"] == k]) for k in kinds}}
    return summary


CONFIDENT = ("records", "answered")  # grades (``Answer.grade``) that word an answer as one


def _aggregate(rows: list[dict]) -> dict:
    return {
        "n": len(rows), "accuracy": m.mean([1.0 if r["correct"] else 0.0 for r in rows]),
        "recall@1": m.mean([r["recall@1"] for r in rows]), "recall@5": m.mean([r["recall@5"] for r in rows]),
        "recall@10": m.mean([r["recall@10"] for r in rows]), "mrr": m.mean([r["rr"] for r in rows]),
        "citation_precision": m.mean([r["precision"] for r in rows]), "citation_recall": m.mean([r["citation_recall"] for r in rows]),
        "invalid_citations": sum(r.get("invalid", 0) for r in rows),
        "answers_citing_another_document": sum(1 for r in rows if r.get("foreign")),
        "ungrounded_answers": sum(1 for r in rows if r.get("ungrounded")),
        # wrong answers worded as answers: led as computed from the records or as the paragraph asked about
        "confident_misses": sum(1 for r in rows if not r["correct"] and not r.get("abstained") and r.get("grade") in CONFIDENT),
    }


def check_thresholds(summary: dict, path: Path = THRESHOLDS) -> list[str]:
    """Failures against a thresholds file ('<metric path> = value, bound b'), empty if all pass.

    ``thresholds.toml`` holds the product targets; ``floor.toml`` the regression floor CI enforces.
    """
    limits = tomllib.loads(path.read_text(encoding="utf-8"))
    failures = []
    for dotted, bound in _flatten(limits):
        value = _lookup(summary, dotted.removesuffix(".min").removesuffix(".max"))
        if value is None:
            failures.append(f"{dotted}: no value")
        elif dotted.endswith(".max") and value > bound or not dotted.endswith(".max") and value < bound:
            failures.append(f"{dotted.rsplit('.', 1)[0]} = {value:.3f}, bound {bound}")
    return failures


def _flatten(table: dict, prefix: str = "") -> list[tuple[str, float]]:
    out = []
    for key, value in table.items():
        path = f"{prefix}{key}"
        out += _flatten(value, path + ".") if isinstance(value, dict) else [(path, float(value))]
    return out


def _lookup(summary: dict, dotted: str) -> float | None:
    node = summary
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, (int, float)) else None
