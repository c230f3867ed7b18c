"""A headline without a full stop is parsed as one sentence with the lead beneath it; what
one line states must not borrow from the other (session 11)."""

from __future__ import annotations

from sitrep.ingest.document import RawDocument
from sitrep.records import Report
from sitrep.resources import Resources
from sitrep.stages.pipeline import annotate

HEADLINE = "Market attack kills 12 in Harlow\n\n"


def report_of(text: str, resources: Resources) -> Report:
    return annotate(RawDocument(text=text, origin="invented.txt"), resources)


def test_the_lead_adds_no_victim_to_the_headlines_toll(resources: Resources) -> None:
    lead = "Gunmen attacked a market in Harlow on Monday, killing 12 people, police said.\n"
    (event,) = report_of(HEADLINE + lead, resources).events
    assert (event.type, event.killed) == ("attack", 12)


def test_a_thing_with_an_article_is_no_part_of_a_toll(resources: Resources) -> None:
    (event,) = report_of(HEADLINE + "Gunmen attacked a market in Harlow.\n", resources).events
    assert event.killed == 12


def test_people_conjoined_with_a_toll_still_add_to_it(resources: Resources) -> None:
    text = "Gunmen killed three soldiers and a policeman in Harlow on Monday.\n"
    (event,) = report_of(text, resources).events
    assert event.killed == 4


def test_a_reported_clause_starts_below_the_headline(resources: Resources) -> None:
    lead = "Gunmen attacked a market in Harlow on Monday, killing 12 people, police said.\n"
    (quote,) = report_of(HEADLINE + lead, resources).quotes
    assert quote.span.text == "Gunmen attacked a market in Harlow on Monday, killing 12 people"
