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
