"""Page furniture at the edges of a scraped article: section names and sign-in links
above the headline, share buttons and topic tags below the last paragraph, and
sentence-case related headlines after an explicit marker. The headline, datelines and
every sentence of the article stay."""

from __future__ import annotations

from sitrep.clean import clean

BODY = (
    "Floodwater reached the second floor of houses in several districts on Wednesday, the "
    "city disaster office said in a statement.\n\n"
    "Rescuers in boats reached villages that had been cut off for two days, officials said, "
    "and the number of dead was expected to rise.\n"
)


def removed_lines(raw: str) -> list[str]:
    return [r.text for r in clean(raw).removed]


def test_short_section_lines_above_the_headline_are_furniture() -> None:
    raw = (
        "Search\nSign in\nWorld News\nLatin America\nGangs block aid convoy as hunger deepens\n\n"
        + BODY
    )
    cleaned = clean(raw)
    assert {"Sign in", "World News", "Latin America"} <= {r.text for r in cleaned.removed}
    assert cleaned.text.startswith("Gangs block aid convoy as hunger deepens\n")


def test_a_short_headline_alone_above_the_body_stays() -> None:
    raw = "Izyum in ruins\n\n" + BODY
    assert clean(raw).text == raw


def test_a_dateline_line_and_a_date_line_stay() -> None:
    raw = (
        "World\nFloods hit the north as rivers burst their banks\nKYIV\n2 December 2024\n\n" + BODY
    )
    kept = clean(raw).text
    assert "KYIV\n" in kept and "2 December 2024" in kept
    assert not kept.startswith("World")


def test_a_two_item_breadcrumb_above_the_headline_is_furniture() -> None:
    raw = "Africa | Horn of Africa\nDrone strike on market kills 26, residents say\n\n" + BODY
    assert removed_lines(raw) == ["Africa | Horn of Africa"]


def test_share_buttons_one_per_line_below_the_article_are_furniture() -> None:
    raw = BODY + "\nShare:\nFacebook\nWhatsApp\nEmail"
    assert (
        clean(raw)
        .text.rstrip()
        .endswith("officials said, and the number of dead was expected to rise.")
    )


def test_a_short_closing_sentence_of_the_article_stays() -> None:
    raw = BODY + "\nHelp is on the way.\n"
    assert "Help is on the way." in clean(raw).text


def test_sentence_case_headlines_and_tags_after_a_related_marker_go() -> None:
    raw = (
        BODY
        + "\nRelated coverage\nPresident declares state of emergency over the violence\n"
        + "Neighbours say they will help the displaced on the border\n\n"
        + "Related Topics\nHaiti\nDominican Republic\n\n"
        + "Related Stories\n- Rice prices climb after typhoon damage\n"
        + "- How storms are getting wetter\n"
    )
    kept = clean(raw).text
    for gone in (
        "state of emergency",
        "help the displaced",
        "Haiti",
        "Dominican",
        "Rice prices",
        "wetter",
    ):
        assert gone not in kept


def test_an_inline_related_question_headline_goes() -> None:
    raw = BODY + "\nRelated: What is the country's 'foreign agents' law?\n"
    assert removed_lines(raw) == ["Related: What is the country's 'foreign agents' law?"]


def test_the_headline_after_a_most_read_marker_at_the_top_stays() -> None:
    raw = "Most read\nCuba plunged into darkness again as national grid collapses\n\n" + BODY
    assert "Cuba plunged into darkness again" in clean(raw).text
