"""Shared helper of the dating tests: the publication date the dating stage estimates."""

from __future__ import annotations

from typing import Any

from sitrep.stages.dating import date_report
from sitrep.stages.times import extract_times


def published_of(make_state: Any, resources: Any, text: str) -> Any:
    """The report's ``Published`` after the time and dating stages ran on ``text``."""
    state = make_state(text)
    extract_times(state, resources)
    date_report(state, resources)
    return state.published
