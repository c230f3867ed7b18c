"""Language identification: what the pipeline uses to decide whether to annotate a report."""

from __future__ import annotations

import pytest

from sitrep.language import UNDETERMINED, Language, detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Rescuers pulled two more bodies from the rubble of the market on Monday, "
            "the regional governor said, raising the death toll to fourteen.",
            "en",
        ),
        (
            "Les secouristes ont retiré deux nouveaux corps des décombres du marché lundi, "
            "a annoncé le gouverneur de la région.",
            "fr",
        ),
        (
            "Рятувальники витягли з-під завалів ринку ще два тіла в понеділок, "
            "повідомив голова обласної військової адміністрації.",
            "uk",
        ),
        (
            "Спасатели извлекли из-под завалов рынка ещё два тела в понедельник, "
            "сообщил глава областной военной администрации.",
            "ru",
        ),
    ],
)
def test_detects_the_language_of_a_news_paragraph(text: str, code: str) -> None:
    language = detect_language(text)
    assert language.code == code
    assert 0.5 < language.confidence <= 1.0


@pytest.mark.parametrize("text", ["", "   \n\n ", "Izyum", "OK 2024", "12,000 / 45"])
def test_too_little_text_is_undetermined(text: str) -> None:
    assert detect_language(text) == Language(UNDETERMINED, 0.0)


def test_seed_reports_are_english(seed_000: str, seed_003: str) -> None:
    assert detect_language(seed_000).code == "en"
    assert detect_language(seed_003).code == "en"


def test_detection_is_deterministic() -> None:
    text = "Floodwater still covers fields around Dadu nearly two months after the rains."
    assert detect_language(text) == detect_language(text)


def test_a_short_english_report_close_to_a_creole_is_english() -> None:
    # py3langid scores this Nigerian Pidgin 0.49 and English 0.38 (round 23).
    text = (
        "KESTREL NEWS\n\nWednesday, 12 March 2025\n\n"
        "Gunmen killed five villagers in Mopti on Monday.\n"
    )
    assert detect_language(text).code == "en"


def test_pidgin_itself_stays_pidgin() -> None:
    text = "Dem don kill five people for Mopti market on Monday, na so police talk."
    assert detect_language(text).code == "pcm"
