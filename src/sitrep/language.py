"""Which language a report is written in (py3langid, offline, model shipped in the package)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier

UNDETERMINED = "und"
# Fewer letters than this is a caption or a title, too little for a character-n-gram model
# to tell related languages apart; such texts are reported as undetermined.
MIN_LETTERS = 20
# Cap on the characters scored: the language of a report is settled by its first pages,
# and scoring costs time linear in the length.
MAX_CHARS = 20_000

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
ENGLISH = "en"
# English as the runner-up with at least this probability makes the report English.
ENGLISH_RUNNER_UP = 0.25


@dataclass(frozen=True, slots=True)
class Language:
    """An ISO 639-1 code ("en", "fr", "uk", …, or "und") and the model's probability for it."""

    code: str
    confidence: float


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Loaded once per process: the model is small and never mutated after loading.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> Language:
    """The language of ``text``; "und" with confidence 0 when the text is too short to tell."""
    sample = text[:MAX_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return Language(UNDETERMINED, 0.0)
    ranked = _identifier().rank(sample)
    code, confidence = ranked[0]
    english = next((p for c, p in ranked[:2] if c == ENGLISH), 0.0)
    if code != ENGLISH and english >= ENGLISH_RUNNER_UP:
        # A close call with English second: a short English report read as an English
        # creole ("Gunmen killed five villagers in Mopti on Monday." as Nigerian Pidgin,
        # 0.49 to 0.38; round 23). The stages read English, so English is the safer call.
        code, confidence = ENGLISH, english
    return Language(str(code), round(float(confidence), 4))
