"""Evaluation harnesses: score sitrep's output against annotated data."""

from sitrep.evaluation.report import (
    DocumentScore,
    EvalResult,
    evaluate_report_dir,
    format_errors,
    format_result,
    score_document,
)

__all__ = [
    "DocumentScore",
    "EvalResult",
    "evaluate_report_dir",
    "format_errors",
    "format_result",
    "score_document",
]
