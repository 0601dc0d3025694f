"""Evals: the question-answer suite, its metrics, the baseline and the benchmark."""
