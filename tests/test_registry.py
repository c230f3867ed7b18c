"""Stages declare what they need; a pipeline in the wrong order is refused at build time."""

from __future__ import annotations

import pytest

from sitrep.errors import PipelineError
from sitrep.stages.registry import Stage, check_order


def noop(state, resources):  # type: ignore[no-untyped-def]
    return None


def test_a_stage_requiring_what_no_earlier_stage_assigns_is_refused() -> None:
    quotes = Stage("quotes", noop, requires=("people",), assigns=("quotes",))
    people = Stage("people", noop, requires=("doc",), assigns=("people",))
    with pytest.raises(PipelineError, match="'quotes' requires people"):
        check_order([quotes, people])
    check_order([people, quotes])


def test_the_default_pipeline_is_in_a_valid_order_and_registers_every_stage() -> None:
    from sitrep.stages.pipeline import DEFAULT_STAGES, build_pipeline
    from sitrep.stages.registry import registered

    stages = build_pipeline()
    assert [s.name for s in stages] == list(DEFAULT_STAGES)
    # Snapshot: a stage that disappears from the registry must fail loudly here.
    assert set(registered()) >= {
        "places",
        "people",
        "times",
        "dating",
        "quotes",
        "figures",
        "events",
    }
