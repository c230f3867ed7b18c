"""The extractors ``sitrep eval quotes`` compares: sitrep's own pipeline and the peer,
textacy's ``direct_quotations`` (rule-based direct quotes over the same spaCy parse).

Each is a function from an article's raw text to ``PredictedQuote``s whose ranges point
into that raw text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sitrep.clean import clean
from sitrep.evaluation.quotes import PredictedQuote
from sitrep.evaluation.quotes_polnear import CharRange
from sitrep.ingest.document import RawDocument
from sitrep.records import Report, Span

if TYPE_CHECKING:
    from spacy.language import Language

    from sitrep.resources import Resources

Extractor = Callable[[str], list[PredictedQuote]]
# The stages quotes depend on; dates, figures and events do not change them.
QUOTE_STAGES: tuple[str, ...] = ("places", "people", "quotes")
PEER_NAME = "textacy"


def sitrep_extractor(resources: Resources, stages: Sequence[str] = QUOTE_STAGES) -> Extractor:
    from sitrep.stages.pipeline import annotate, build_pipeline

    pipeline = build_pipeline(stages)

    def extract(text: str) -> list[PredictedQuote]:
        report = annotate(RawDocument(text=text, origin="<eval>"), resources, stages=pipeline)
        cleaned = clean(text)
        return report_quotes(report, cleaned.to_raw)

    return extract


def report_quotes(report: Report, to_raw: Callable[[int], int]) -> list[PredictedQuote]:
    """A report's quotes, with ranges mapped from its cleaned text back to the raw text."""
    mentions: dict[str, tuple[Span, ...]] = {p.id: p.mentions for p in report.people}
    mentions.update({o.id: o.mentions for o in report.organizations})

    def raw(span: Span) -> CharRange:
        if span.end <= span.start:
            return to_raw(span.start), to_raw(span.start)
        return to_raw(span.start), to_raw(span.end - 1) + 1

    found: list[PredictedQuote] = []
    for quote in report.quotes:
        speakers = [quote.speaker_span] if quote.speaker_span is not None else []
        if quote.speaker is not None:
            speakers.extend(mentions.get(quote.speaker, ()))
        cue = raw(quote.cue_span) if quote.cue_span is not None else None
        found.append(
            PredictedQuote(raw(quote.span), quote.direct, tuple(raw(s) for s in speakers), cue)
        )
    return found


def textacy_extractor(nlp: Language) -> Extractor:
    """textacy's ``direct_quotations`` on the same model; raises ImportError without it."""
    from textacy.extract.triples import direct_quotations

    def extract(text: str) -> list[PredictedQuote]:
        doc = nlp(text)
        return [_peer_quote(triple) for triple in direct_quotations(doc)]

    return extract


def _peer_quote(triple: Any) -> PredictedQuote:
    content = triple.content
    return PredictedQuote(
        (content.start_char, content.end_char),
        True,
        tuple(_token_ranges(triple.speaker)),
        _token_range(triple.cue),
    )


def _token_ranges(tokens: Sequence[Any]) -> list[CharRange]:
    """Contiguous runs of tokens as character ranges ("the influential US daily")."""
    ranges: list[CharRange] = []
    for token in sorted(tokens, key=lambda t: t.i):
        start, end = token.idx, token.idx + len(token.text)
        if ranges and token.i > 0 and token.doc[token.i - 1] in tokens:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return ranges


def _token_range(tokens: Sequence[Any]) -> CharRange | None:
    if not tokens:
        return None
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)
