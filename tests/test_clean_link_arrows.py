"""A link's text followed by the arrow a page draws after it is page furniture
(``clean.line_reason``): "Live map of the eruptions >", "Read more »". A sentence that
uses the sign, or quotes it, is not."""

from __future__ import annotations

from sitrep.clean import clean, line_reason


def test_a_line_ending_in_a_spaced_arrow_is_a_link() -> None:
    assert line_reason("Volcano watch: live map of the eruptions >") == "navigation"
    assert line_reason("More coverage of the floods ›") == "navigation"


def test_a_sentence_with_the_sign_is_article_text() -> None:
    assert line_reason("The river rose above 3 metres, and > 2,000 homes were flooded.") is None
    assert line_reason('Protesters chanted "go >"') is None


def test_the_link_above_a_headline_is_removed_and_the_headline_kept() -> None:
    raw = (
        "Flood watch: live map of the river levels >\n"
        "Residents evacuated again as the river bursts its banks\n"
        "Residents of the town were ordered to leave their homes again on Thursday.\n"
    )
    cleaned = clean(raw).text
    assert "live map" not in cleaned
    assert "Residents evacuated again" in cleaned
