"""Shared fixtures. Heavy resources (model, gazetteer) load once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL_DATA = SHARED / "eval"
SEED_000 = SEEDS / "000_57ce0c138cc00894.txt"
SEED_003 = SEEDS / "003_f35ac5c8de933015.txt"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def seed_000(seeds_dir: Path) -> str:
    return SEED_000.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_003(seeds_dir: Path) -> str:
    return SEED_003.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from sitrep.nlp import load_model
    from sitrep.settings import DEFAULT_MODEL

    return load_model(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def gazetteer():  # type: ignore[no-untyped-def]
    from sitrep.gazetteer import load_gazetteer

    return load_gazetteer(None)


@pytest.fixture(scope="session")
def resources(nlp, gazetteer):  # type: ignore[no-untyped-def]
    from sitrep.resources import Resources
    from sitrep.settings import Settings

    return Resources(nlp=nlp, gazetteer=gazetteer, settings=Settings())


@pytest.fixture()
def make_state(nlp):  # type: ignore[no-untyped-def]
    """Build a DocState for a text, as the pipeline would before the stages run."""
    from sitrep.ingest.document import RawDocument
    from sitrep.records import Published
    from sitrep.stages.state import DocState

    def build(text: str, published: str | None = None) -> DocState:
        return DocState(
            raw=RawDocument(text=text, origin="<test>"),
            text=text,
            doc=nlp(text),
            published=Published(date=published, basis="user") if published else Published(),
        )

    return build
