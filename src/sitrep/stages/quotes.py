"""The quotes stage: who said what, quoted directly or reported.

Choices (see also ``quotes_marks``):
- A direct quote's span covers the quoted words without the quotation marks (and
  without a comma just inside the closing mark, which belongs to the attribution).
- A quotation split by its attribution ("…," he said, "…") gives two records with
  the same speaker and cue; a quotation over several paragraphs gives one record
  per paragraph, all with the speaker, the cue on the one it stands next to.
- A quote with no attribution of its own takes, in this order: a speech cue in the
  next sentence of its paragraph ("That is how X describes it"); else the speaker of
  the quote just before it in the same or the previous paragraph (``cue=None``);
  else no speaker.
- Short quoted phrases (three words or fewer) are scare quotes or titles unless
  they open a sentence and carry a cue ("No," she said); a quoted phrase inside a
  sentence with no speech cue is not a quote.
- Indirect quotes (``direct=False``): "X said (that) CLAUSE", "CLAUSE, X said." and
  "CLAUSE, according to X"; the span is the reported clause. When the clause is
  itself someone's stance ("her family fears that …, according to her brother"),
  the stance holder is the speaker and the "according to" party ``relayed_by``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from sitrep.records import Organization, Person, Quote, Span
from sitrep.stages.quotes_cues import (
    REPORTING_VERBS,
    SENTENCE_END,
    STANCE_WORDS,
    Cue,
    QuoteParse,
)
from sitrep.stages.quotes_marks import Quoted, find_quoted, paragraphs
from sitrep.stages.quotes_speakers import SpeakerIndex
from sitrep.stages.registry import stage
from sitrep.stages.state import DocState

if TYPE_CHECKING:
    from sitrep.resources import Resources

# Quoted phrases of at most this many words are scare quotes or titles unless they
# open a sentence and carry a speech cue.
MAX_SCARE_QUOTE_WORDS = 3
# A cue after a quote counts only within this many tokens of the closing mark
# ("…," the leader of the regional military administration informed …).
MAX_TOKENS_TO_CUE_AFTER = 14
# Reported clauses shorter than this are too thin to be statements ("he said so").
MIN_CLAUSE_TOKENS = 3
# Longer "clauses" are run-on parses of text without sentence ends (lists, tables);
# the bound also keeps the work per cue constant on such text.
MAX_CLAUSE_TOKENS = 150


@dataclass(frozen=True, slots=True)
class Draft:
    """A quote before its speaker phrase is resolved to an id."""

    span: Span
    direct: bool
    cue: Cue | None = None
    # Takes the speaker of the preceding direct quote.
    continuation: bool = False
    # A different speaker phrase than the cue's (the stance holder of "according to").
    speaker: Span | None = None
    speaker_head: Token | None = None
    relay: Cue | None = None


@stage("quotes", requires=("doc", "people"), assigns=("quotes",))
def extract_quotes(state: DocState, resources: Resources) -> None:
    """Fill ``state.quotes`` with the document's direct and indirect quotes, in order."""
    state.quotes = find_quotes(state.doc, state.people, state.organizations)


def find_quotes(
    doc: Doc, people: Sequence[Person] = (), organizations: Sequence[Organization] = ()
) -> list[Quote]:
    """Every quote of ``doc``, with speakers resolved against ``people``/``organizations``."""
    text = doc.text
    marks = find_quoted(text)
    quoted = [(q.open, q.outer_end) for q in marks]
    parse = QuoteParse(doc, quoted, paragraphs(text))
    direct = direct_drafts(marks, parse)
    used = {d.cue.verb.i for d in direct if d.cue is not None}
    indirect = [
        d for d in indirect_drafts(parse, used) if not any(d.span.overlaps(x.span) for x in direct)
    ]
    index = SpeakerIndex.build(text, people, organizations, quoted)
    return resolve_drafts(sorted([*direct, *indirect], key=lambda d: d.span.start), index)


# --------------------------------------------------------------------------- direct


def direct_drafts(marks: Sequence[Quoted], parse: QuoteParse) -> list[Draft]:
    drafts: list[Draft] = []
    previous_end: int | None = None
    for group in quotation_groups(marks):
        cues = [own_cue(q, parse) for q in group]
        group_cue = next((c for c in cues if c is not None), None)
        if group_cue is None:
            group_cue = next_sentence_cue(group[-1], parse)
            cues[-1] = group_cue
        if group_cue is None and not is_speech(group, parse):
            continue
        follows = group_cue is None and _follows_closely(group[0], previous_end, parse.text)
        emitted = len(drafts)
        for q, cue in zip(group, cues, strict=True):
            words = _words(q, parse.text)
            if cue is not None:
                if _acceptable(q, parse):
                    drafts.append(Draft(words, True, cue, relay=_relay_of(cue.verb, parse)))
            elif group_cue is not None:
                # A paragraph of a longer quotation: same speaker, its cue is elsewhere.
                speaker, head = group_cue.speaker, group_cue.speaker_head
                drafts.append(Draft(words, True, speaker=speaker, speaker_head=head))
            else:
                drafts.append(Draft(words, True, continuation=follows))
        if len(drafts) > emitted:
            previous_end = group[-1].outer_end
    return drafts


def quotation_groups(marks: Sequence[Quoted]) -> list[list[Quoted]]:
    """Quoted stretches grouped into quotations (one group per multi-paragraph quotation)."""
    groups: list[list[Quoted]] = []
    for q in marks:
        if q.continues and groups:
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups


def own_cue(q: Quoted, parse: QuoteParse) -> Cue | None:
    """The cue in the quote's own sentence: after it ("…," she said) or before it."""
    after = _cue_after(q, parse)
    before = _cue_before(q, parse)
    # A quote that opens its sentence is attributed after it ("…," she said); one inside
    # a sentence by the verb that introduced it (he said the offensive "is slow," adding…).
    ordered = (after, before) if _is_standalone(q, parse) else (before, after)
    with_speaker = [c for c in ordered if c is not None and c.speaker is not None]
    return with_speaker[0] if with_speaker else ordered[0] or ordered[1]


def _cue_after(q: Quoted, parse: QuoteParse) -> Cue | None:
    if q.close is None:
        return None
    _, para_end = parse.paragraph_of(q.open)
    rest = parse.text[q.outer_end : para_end].lstrip()
    ends_sentence = parse.text[q.end - 1] in ".!?…" or parse.text[q.close + 1 : q.close + 2] == "."
    # "…." Next sentence: no attribution follows, unless it goes on in lower case.
    if ends_sentence and not (rest[:1].islower() or rest[:1] == ","):
        return None
    end = parse.sentence_end_after(q.outer_end, parse.next_open_after(q.open, para_end))
    tokens = parse.tokens_in(q.outer_end, end)[:MAX_TOKENS_TO_CUE_AFTER]
    if not tokens:
        return None
    return next(parse.cues_in(tokens[0].idx, tokens[-1].idx + 1), None)


def _cue_before(q: Quoted, parse: QuoteParse) -> Cue | None:
    para_start, _ = parse.paragraph_of(q.open)
    floor = parse.last_end_before(q.open, para_start)
    start = parse.sentence_start_before(q.open, floor)
    cues = list(parse.cues_in(start, q.open))
    return cues[-1] if cues else None


def next_sentence_cue(q: Quoted, parse: QuoteParse) -> Cue | None:
    """ "…" That is how Olena Kovalenko, a nurse, describes it. — a speaker named after."""
    if q.close is None:
        return None
    _, para_end = parse.paragraph_of(q.open)
    end = parse.sentence_end_after(q.outer_end, parse.next_open_after(q.open, para_end))
    for cue in parse.cues_in(q.outer_end, end):
        if cue.speaker is not None:
            return cue
    return None


def is_speech(group: Sequence[Quoted], parse: QuoteParse) -> bool:
    """Whether a quotation without a cue is speech rather than a title or scare quote."""
    if len(group) > 1:
        return True
    return not _is_short(group[0], parse.text) and _is_standalone(group[0], parse)


def _acceptable(q: Quoted, parse: QuoteParse) -> bool:
    """A short quoted phrase with a cue is speech only when it opens its sentence."""
    return not _is_short(q, parse.text) or _is_standalone(q, parse)


def _is_short(q: Quoted, text: str) -> bool:
    return len(text[q.start : q.end].split()) <= MAX_SCARE_QUOTE_WORDS


def _is_standalone(q: Quoted, parse: QuoteParse) -> bool:
    """The quote opens its sentence (nothing but a previous sentence before it)."""
    para_start, _ = parse.paragraph_of(q.open)
    start = parse.sentence_start_before(q.open, para_start)
    before = parse.text[start : q.open].strip()
    return before == "" or before[-1:] in SENTENCE_END or before[-1:] in '”"'


def _follows_closely(q: Quoted, previous_end: int | None, text: str) -> bool:
    """The previous quotation ended in this paragraph or the one right before it."""
    if previous_end is None:
        return False
    pieces = text[previous_end : q.open].split("\n")
    # pieces[0] ends the previous paragraph, pieces[-1] starts this one: any text in
    # between is another paragraph, and the quotes no longer follow each other.
    return all(not piece.strip() for piece in pieces[1:-1])


def _words(q: Quoted, text: str) -> Span:
    """The quoted words; a comma inside the marks belongs to the attribution, not to them."""
    end = q.end
    while end > q.start + 1 and text[end - 1] in ", ":
        end -= 1
    return Span.of(text, q.start, end)


# --------------------------------------------------------------------------- indirect


def indirect_drafts(parse: QuoteParse, used: set[int]) -> list[Draft]:
    drafts: list[Draft] = []
    for token in parse.doc:
        if token.i in used or parse.is_quoted(token):
            continue
        cue = parse.cue_at(token, REPORTING_VERBS)
        if cue is None or cue.speaker is None:
            continue
        draft = (
            _according_to(cue, parse)
            if token.lower_ == "according"
            else _said_clause(cue, parse) or _clause_said(cue, parse)
        )
        if draft is not None:
            drafts.append(draft)
    return drafts


def _said_clause(cue: Cue, parse: QuoteParse) -> Draft | None:
    """X said (that) CLAUSE."""
    clauses = [c for c in cue.verb.children if c.dep_ == "ccomp" and c.i > cue.verb.i]
    if not clauses:
        return None
    tokens = [t for t in _subtree(clauses[0]) if not (t.dep_ == "mark" and t.i < clauses[0].i)]
    span = _clause_span(tokens, parse) if tokens else None
    return Draft(span, False, cue, relay=_relay_of(cue.verb, parse)) if span else None


def _clause_said(cue: Cue, parse: QuoteParse) -> Draft | None:
    """CLAUSE, X said."""
    verb = cue.verb
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if clauses:
        first = clauses[0].left_edge
    elif verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # "CLAUSE, X said, and …": the parser hangs "said" off the clause.
        first = verb.head.left_edge
    else:
        return None
    if cue.speaker_head is None:
        return None
    before_subject = cue.speaker_head.left_edge.i - 1
    if before_subject < 0 or parse.doc[before_subject].text != ",":
        return None
    span = _clause_span(_tokens(parse.doc, first.i, before_subject), parse)
    return Draft(span, False, cue, relay=_relay_of(verb, parse)) if span else None


def _according_to(cue: Cue, parse: QuoteParse) -> Draft | None:
    """CLAUSE, according to X. — or X's stance, relayed by the "according to" party."""
    head = cue.verb.head
    if head.i == cue.verb.i:  # the root: spaCy makes a new Token per access, so no `is`
        return None
    phrase = range(cue.verb.left_edge.i, cue.verb.right_edge.i + 1)
    sentence = head.sent
    if cue.verb.i > head.i:
        tokens = _tokens(parse.doc, sentence.start, phrase.start)
    else:
        tokens = _tokens(parse.doc, phrase.stop, sentence.end)
        appositive = _appositive_after(tokens)
        if appositive and cue.speaker is not None:
            # "According to the mayor, Ivan Fedorov, more than…": the name goes with the mayor.
            tokens = tokens[tokens.index(appositive[-1]) + 2 :]
            end = appositive[-1]
            speaker = Span.of(parse.text, cue.speaker.start, end.idx + len(end.text))
            cue = Cue(cue.span, cue.verb, speaker, cue.speaker_head)
    holder = _stance_holder(head, parse)
    if holder is not None:
        clause = [c for c in head.children if c.dep_ == "ccomp" and c.i > head.i]
        stance_tokens = [t for t in _subtree(clause[0]) if t.dep_ != "mark"] if clause else tokens
        span = _clause_span([t for t in stance_tokens if t.i not in phrase], parse)
        if span is None:
            return None
        stance = Cue(parse.span_of(head, head), head, parse.phrase(holder), holder)
        return Draft(span, False, stance, relay=cue)
    span = _clause_span(tokens, parse)
    return Draft(span, False, cue) if span else None


def _appositive_after(tokens: Sequence[Token]) -> list[Token]:
    """The name that opens ``tokens`` and is closed by a comma (", Ivan Fedorov, …")."""
    names: list[Token] = []
    start = 1 if tokens and tokens[0].text == "," else 0
    for token in tokens[start:]:
        if token.pos_ == "PROPN":
            names.append(token)
        elif token.text == "," and names:
            return names
        else:
            return []
    return []


def _stance_holder(head: Token, parse: QuoteParse) -> Token | None:
    """The subject of "her family fears that …": a stance with its own holder."""
    if head.lemma_.lower() not in STANCE_WORDS:
        return None
    return parse.subject_of(head)


def _relay_of(verb: Token, parse: QuoteParse) -> Cue | None:
    """ "… she said, according to her brother" — the brother relays it."""
    if verb.lower_ == "according":
        return None
    for child in verb.children:
        if child.lower_ == "according":
            cue = parse.cue_at(child)
            if cue is not None and cue.speaker is not None:
                return cue
    return None


def _subtree(token: Token) -> list[Token]:
    """The tokens ``token`` governs (projective: its edges), none when they run on too long."""
    return _tokens(token.doc, token.left_edge.i, token.right_edge.i + 1)


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    if end - start > MAX_CLAUSE_TOKENS:
        return []
    return list(doc[start:end])


def _clause_span(tokens: Sequence[Token], parse: QuoteParse) -> Span | None:
    """The contiguous span of ``tokens`` without edge punctuation, if it is a clause."""
    kept = list(tokens)
    if kept:
        # A clause never runs over a blank line: a headline without a full stop is parsed
        # as one sentence with the lead under it ("Market attack kills 12 in Harlow" /
        # "Gunmen attacked ..., police said": the police said the lead, not the headline).
        # ``parse.text``, not ``doc.text``: spaCy joins every token again at each call.
        gap = parse.text.rfind("\n\n", kept[0].idx, kept[-1].idx)
        kept = [t for t in kept if t.idx > gap] if gap >= 0 else kept
    # Quotation marks stay, so that a quoted phrase inside the clause keeps both marks.
    while kept and (kept[0].is_punct or kept[0].is_space) and not kept[0].is_quote:
        kept.pop(0)
    while kept and (kept[-1].is_punct or kept[-1].is_space) and not kept[-1].is_quote:
        kept.pop()
    # Quoted words may sit inside a reported clause ("warned that "millions" remain");
    # clauses that overlap a direct quote are dropped by the caller.
    if len(kept) < MIN_CLAUSE_TOKENS:
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in kept):
        return None
    return parse.span_of(kept[0], kept[-1])


# --------------------------------------------------------------------------- speakers


def resolve_drafts(drafts: Sequence[Draft], index: SpeakerIndex) -> list[Quote]:
    """Resolve speakers in document order, so a pronoun can follow earlier speakers."""
    quotes: list[Quote] = []
    last_direct: Quote | None = None
    for draft in drafts:
        if draft.continuation and last_direct is not None:
            quote = Quote(
                span=draft.span,
                speaker=last_direct.speaker,
                speaker_text=last_direct.speaker_text,
                direct=True,
                speaker_span=last_direct.speaker_span,
            )
        else:
            quote = _resolved(draft, index)
        if quote.speaker is not None and quote.speaker_span is not None:
            index.note_speaker(quote.speaker_span.start, quote.speaker)
        if quote.direct:
            last_direct = quote
        quotes.append(quote)
    return quotes


def _resolved(draft: Draft, index: SpeakerIndex) -> Quote:
    phrase = draft.speaker or (draft.cue.speaker if draft.cue else None)
    head = draft.speaker_head or (draft.cue.speaker_head if draft.cue else None)
    speaker = (
        index.resolve(phrase, head.lemma_.lower() if head is not None else None) if phrase else None
    )
    relayed_by = None
    if draft.relay is not None and draft.relay.speaker is not None:
        head_lemma = draft.relay.speaker_head.lemma_.lower() if draft.relay.speaker_head else None
        relayed_by = index.resolve(draft.relay.speaker, head_lemma)
    cue = draft.cue
    return Quote(
        span=draft.span,
        speaker=speaker,
        speaker_text=phrase.text if phrase else None,
        direct=draft.direct,
        cue=cue.span.text if cue else None,
        speaker_span=phrase,
        cue_span=cue.span if cue else None,
        relayed_by=relayed_by,
    )
