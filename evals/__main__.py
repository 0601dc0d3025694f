"""``python -m evals [--suite FILE ...] [--no-baseline]``: run the suite, write reports, check thresholds."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest.embedder import offline_environment


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation; exit status 1 when a metric falls below its threshold."""
    parser = argparse.ArgumentParser(prog="python -m evals", description=__doc__)
    parser.add_argument("--suite", nargs="*", type=Path, help="JSONL case files (default: evals/qa/*.jsonl)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the naive LangChain baseline")
    parser.add_argument("--reports", type=Path, default=None, help="report folder (default: evals/reports)")
    parser.add_argument("--thresholds", type=Path, default=None, help="thresholds file (default: evals/thresholds.toml, the targets)")
    args = parser.parse_args(argv)
    offline_environment()
    from evals.run import evaluate

    failures = evaluate(args.suite, baseline=not args.no_baseline, reports=args.reports,
                        progress=lambda s: print(s, file=sys.stderr), thresholds=args.thresholds)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
