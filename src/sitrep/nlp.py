"""The statistical model: a spaCy pipeline, loaded once per process by whoever needs it."""

from __future__ import annotations

import spacy
from spacy.language import Language

from sitrep import initial_nouns, line_breaks
from sitrep.errors import ModelNotFound

# Reports can exceed spaCy's default 1,000,000-character guard; the reader already
# refuses files above Settings.max_bytes, which is what really bounds memory.
MAX_DOC_CHARS = 6_000_000


def load_model(name: str) -> Language:
    """Load the spaCy pipeline ``name`` (a package name or a path), with line breaks
    that end sentences marked before its parser (``line_breaks``) and crisis nouns that
    open a line read as common nouns (``initial_nouns``)."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(name) from exc
    nlp.max_length = MAX_DOC_CHARS
    line_breaks.add_to(nlp)
    initial_nouns.add_to(nlp)
    return nlp
