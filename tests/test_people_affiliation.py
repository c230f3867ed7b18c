"""A person's affiliation: the organisation their role names, else the side their role gives."""

from __future__ import annotations

import pytest

from sitrep.stages.people import extract_people

TEXT = (
    '"We held the line," said Oleh Petrenko, a Ukrainian soldier, in Bakhmut.\n\n'
    "Maria Ivanova, a spokeswoman for the Russian defence ministry, said a depot was hit.\n\n"
    "Ahmed Saleh, an official with the World Food Programme, said aid had arrived.\n\n"
    "Ivan Sirko, a Russian official, said talks had stalled.\n\n"
    "Olena Shevchenko, a 34-year-old Ukrainian nurse, said the ward was full.\n"
)


@pytest.fixture(scope="module")
def people(nlp, gazetteer):  # type: ignore[no-untyped-def]
    from sitrep.ingest.document import RawDocument
    from sitrep.resources import Resources
    from sitrep.settings import Settings
    from sitrep.stages.state import DocState

    state = DocState(raw=RawDocument(text=TEXT, origin="<test>"), text=TEXT, doc=nlp(TEXT))
    extract_people(state, Resources(nlp=nlp, gazetteer=gazetteer, settings=Settings()))
    orgs = {o.id: o.name for o in state.organizations}
    return {p.name: orgs.get(p.affiliation or "", p.affiliation) for p in state.people}


@pytest.mark.parametrize(
    ("name", "affiliation"),
    [
        ("Oleh Petrenko", "Ukraine: military"),  # a side, no organisation named
        ("Maria Ivanova", "Russian defence ministry"),  # the organisation wins over the side
        ("Ahmed Saleh", "World Food Programme"),  # "an official with X"
        ("Ivan Sirko", "Russia: government"),
        ("Olena Shevchenko", None),  # a nationality alone is not a side: nurses are civilians
    ],
)
def test_affiliation_comes_from_the_role(people, name: str, affiliation: str | None) -> None:  # type: ignore[no-untyped-def]
    assert people[name] == affiliation
