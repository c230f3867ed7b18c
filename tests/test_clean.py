"""Boilerplate removal: page furniture goes, every article sentence stays, offsets stay exact."""

from __future__ import annotations

import pytest

from sitrep.clean import Cleaned, clean

BEFORE = "Shelling hit the eastern districts of the town overnight, the governor said."
AFTER = "Some 3,000 people have left since the evacuation order, officials said on Monday."


def article_with(*lines: str) -> str:
    """A short article with ``lines`` between two body paragraphs, blank-line separated."""
    return "\n\n".join([BEFORE, *lines, AFTER])


def assert_offsets_exact(raw: str, cleaned: Cleaned) -> None:
    for r in cleaned.removed:
        assert raw[r.start : r.end] == r.text
    for offset in range(len(cleaned.text)):
        assert raw[cleaned.to_raw(offset)] == cleaned.text[offset]


def removed_texts(cleaned: Cleaned) -> list[str]:
    return [r.text.strip() for r in cleaned.removed]


# ------------------------------------------------------------------------------ seeds

SEED_000_BOILERPLATE = [
    "Advertisement",
    "Kyiv Rejects ‘NATO Surrogates’, Calls for Full Membership as Security Guarantee",
    "Other Topics of Interest",
    "To suggest a correction or clarification, write to us here",
    "You can also highlight the text and press Ctrl + Enter",
]
# The injected teaser of the related headline: not article, but removing it is optional.
SEED_000_TEASER = "The timing of the statement aligns with the NATO ministerial meeting"


def test_seed_000_ads_related_block_and_correction_footer_are_removed(seed_000: str) -> None:
    cleaned = clean(seed_000)
    removed = removed_texts(cleaned)
    for line in SEED_000_BOILERPLATE:
        assert line in removed
    assert removed.count("Advertisement") == 2
    headline = SEED_000_BOILERPLATE[1]
    assert removed.count(headline) == 2
    assert headline not in cleaned.text
    assert "Ctrl + Enter" not in cleaned.text
    assert_offsets_exact(seed_000, cleaned)


def test_seed_000_keeps_every_article_sentence(seed_000: str) -> None:
    cleaned = clean(seed_000)
    body = [
        line.strip()
        for line in seed_000.splitlines()
        if line.strip()
        and line.strip() not in SEED_000_BOILERPLATE
        and not line.startswith(SEED_000_TEASER)
    ]
    assert len(body) > 20
    for line in body:
        assert line in cleaned.text, f"article line lost: {line!r}"
    assert "- 'No longer alone' -" in cleaned.text
    removed = removed_texts(cleaned)
    assert all(r in SEED_000_BOILERPLATE or r.startswith(SEED_000_TEASER) for r in removed)


def test_seed_000_paragraphs_stay_separated_by_one_blank_line(seed_000: str) -> None:
    text = clean(seed_000).text
    assert "\n\n\n" not in text
    assert "kilometers (nearly 40 miles) away.\n\nThis winter" in text
    assert text.endswith('especially recently."')


def test_seed_003_nothing_is_removed(seed_003: str) -> None:
    cleaned = clean(seed_003)
    assert cleaned.removed == ()
    assert cleaned.text == seed_003


# --------------------------------------------------------------------- pattern families


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement", "ad"),
        ("ADVERTISEMENT", "ad"),
        ("Sponsored", "ad"),
        ("Story continues below advertisement", "ad"),
        ("Advertisement - Scroll to continue", "ad"),
        ("Read more: Drones Hit Power Plant Near Dnipro", "related-headline"),
        ("RELATED: Aid trucks stuck at the border for a third day", "related-headline"),
        ("Read next: Floodwater cuts the road to Velmora", "related-headline"),
        ("Up next - Ceasefire talks stall in the capital", "related-headline"),
        ("Share this article", "share-prompt"),
        ("Share on WhatsApp", "share-prompt"),
        ("Facebook Twitter WhatsApp Email", "share-prompt"),
        ("Tweet", "share-prompt"),  # one button a line, as pages stack them
        ("Email", "share-prompt"),
        ("Follow us on Telegram and X", "share-prompt"),
        ("Subscribe to our newsletter", "subscribe-prompt"),
        ("Sign up for our free morning briefing", "subscribe-prompt"),
        ("Click here to get breaking news alerts", "navigation"),
        ("Skip to main content", "navigation"),
        ("Home › World › Middle East", "navigation"),
        ("To suggest a correction or clarification, write to us here", "correction-footer"),
        ("You can also highlight the text and press Ctrl + Enter", "correction-footer"),
        ("Report an error", "correction-footer"),
        ("Photo: Oleksandr Petrenko/AFP", "photo-credit"),
        ("(Photo by Maria Kovalenko / Getty Images)", "photo-credit"),
        ("Image source, Getty Images", "photo-credit"),
        ("Taras Hrytsenko / AFP", "photo-credit"),
        ("A woman walks past a burnt-out car in Bakhmut. Taras Hrytsenko / AFP", "photo-credit"),
        ("Image caption, Volunteers unload flour at a church in Sumy", "photo-credit"),
        ("© 2024 Northern Courier Media", "copyright"),
        ("All rights reserved.", "copyright"),
        (
            "We use cookies to give you the best experience on our website. By continuing "
            "you accept our privacy policy.",
            "cookie-notice",
        ),
        ("By Olena Marchenko and Peter Hale", "byline-meta"),
        ("Updated 14:05 GMT, 3 March 2024", "byline-meta"),
        ("4 min read", "byline-meta"),
        (
            "Correction: An earlier version of this story misspelled the mayor's name.",
            "editorial-note",
        ),
        ("This article has been updated with comments from the ministry.", "editorial-note"),
    ],
)
def test_boilerplate_line_is_removed_with_its_reason(line: str, reason: str) -> None:
    raw = article_with(line)
    cleaned = clean(raw)
    assert [(r.text, r.reason) for r in cleaned.removed] == [(line, reason)]
    assert cleaned.text == f"{BEFORE}\n\n{AFTER}"
    assert_offsets_exact(raw, cleaned)


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor said an advertisement for volunteers drew hundreds of replies.",
        "Residents who subscribe to the city alert channel got a warning ten minutes earlier.",
        "Related to this, the ministry said it would open two more shelters.",
        "Sign up sheets were posted at the school, where families queued for bread.",
        "By March, the front line had moved east of the river.",
        "Share prices in Kyiv fell sharply after the announcement.",
        "Photos shared by residents showed a crater in the courtyard.",
        "Video footage showed smoke rising over the port.",
        "Follow-up strikes hit the same district two hours later.",
        "Most of the casualties were civilians, officials said.",
        "Recommended evacuation routes were published by the regional administration.",
        "Latest figures show 40,000 people displaced across the region.",
        "Published reports said the bridge had collapsed.",
        "Copyright disputes are not a priority for a city under fire, he said.",
        "The cookie factory on the edge of town was hit by a drone.",
        "Kyiv / Moscow",
        "- 'Nowhere to go' -",
        "Read more about the offensive, the spokesman told reporters, in the ministry's report.",
        '"Click here, they told us, and the form will be sent," she said.',
    ],
)
def test_article_sentences_that_look_like_boilerplate_stay(sentence: str) -> None:
    raw = article_with(sentence)
    cleaned = clean(raw)
    assert cleaned.removed == ()
    assert cleaned.text == raw


# ---------------------------------------------------------------- related-story blocks


def test_marker_takes_the_headlines_around_it() -> None:
    raw = article_with(
        "Drone Strike Cuts Power to Half of Odesa\nMost Read",
        "Drone Strike Cuts Power to Half of Odesa",
        "Grain Exports Fall for Third Month Running",
    )
    cleaned = clean(raw)
    assert [r.reason for r in cleaned.removed] == ["related-headline"] * 4
    assert cleaned.text == f"{BEFORE}\n\n{AFTER}"


def test_teaser_about_the_injected_headline_is_removed() -> None:
    raw = article_with(
        "Parliament Approves Budget Amendment for Veterans\nOther Topics of Interest",
        "Parliament Approves Budget Amendment for Veterans",
        "The amendment adds payments for veterans and was passed by parliament on Tuesday.",
    )
    cleaned = clean(raw)
    assert cleaned.removed[-1].reason == "related-teaser"
    assert cleaned.text == f"{BEFORE}\n\n{AFTER}"


def test_article_paragraph_after_a_related_block_stays() -> None:
    # It shares words with the article, not with the injected headline.
    raw = article_with("Recommended", "Parliament Approves Budget Amendment for Veterans")
    cleaned = clean(raw)
    assert AFTER in cleaned.text
    assert [r.reason for r in cleaned.removed] == ["related-headline"] * 2


def test_article_subhead_far_from_any_marker_stays() -> None:
    raw = article_with("No Longer Alone")
    assert clean(raw).text == raw


def test_repeated_headline_without_marker_is_injected() -> None:
    headline = "Germany Pledges New Air Defence Systems"
    raw = article_with(headline, headline)
    cleaned = clean(raw)
    assert removed_texts(cleaned) == [headline, headline]


# -------------------------------------------------------------------------- structure


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Advertisement\n\nFirst paragraph.\n\nSecond.", "First paragraph.\n\nSecond."),
        ("First paragraph.\nAdvertisement\nSecond.", "First paragraph.\nSecond."),
        ("First paragraph.\n\nSecond.\n\nShare this article\n", "First paragraph.\n\nSecond."),
        ("First.\n\n\nAdvertisement\n\n\nSecond.", "First.\n\n\nSecond."),
        ("Advertisement", ""),
        ("", ""),
    ],
)
def test_removal_leaves_paragraph_breaks_and_nothing_else_changes(raw: str, expected: str) -> None:
    cleaned = clean(raw)
    assert cleaned.text == expected
    assert_offsets_exact(raw, cleaned)


def test_removed_offsets_point_into_the_raw_text_with_surrounding_whitespace() -> None:
    raw = "Body sentence one.\n\n   Advertisement  \n\nBody sentence two."
    (removed,) = clean(raw).removed
    assert raw[removed.start : removed.end] == removed.text == "   Advertisement  "


def test_to_raw_rejects_offsets_outside_the_cleaned_text() -> None:
    with pytest.raises(ValueError, match="outside"):
        clean("Some text.").to_raw(11)
