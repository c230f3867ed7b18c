"""Speech cues ("said", "told", "according to") and the speaker phrases they govern.

Everything here reads the dependency parse; the quotation marks are found elsewhere
and passed in as character ranges that cues must lie outside of.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.records import Span

# Verbs that attribute a direct quotation ("…," she added / he declared, "…").
SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "tell", "add", "declare", "reveal", "continue", "state", "explain", "announce",
    "claim", "report", "warn", "insist", "note", "write", "ask", "reply", "respond", "recall",
    "describe", "confirm", "deny", "admit", "acknowledge", "stress", "emphasise", "emphasize",
    "argue", "suggest", "estimate", "inform", "shout", "cry", "urge", "predict", "promise",
    "complain", "whisper", "remark", "observe", "comment", "allege", "assert", "maintain",
    "concede", "tweet", "post", "quip", "joke", "lament", "recount", "testify", "threaten",
    "vow", "pledge", "conclude", "agree", "scream", "sob", "sigh", "exclaim", "answer",
    "repeat", "mention",
})  # fmt: skip
# Verbs that report a clause without quotation marks ("X said (that) CLAUSE"); narrower
# than SPEECH_VERBS because without marks a looser list costs precision.
REPORTING_VERBS: frozenset[str] = frozenset({
    "say", "tell", "add", "declare", "reveal", "continue", "state", "explain", "announce",
    "claim", "report", "warn", "insist", "note", "write", "confirm", "deny", "admit",
    "acknowledge", "stress", "emphasise", "emphasize", "argue", "suggest", "estimate",
    "inform", "allege", "assert", "maintain", "concede", "recount", "testify", "conclude",
    "predict",
})  # fmt: skip
# Words that hold a stance rather than speak ("her family fears that …"): the holder is
# the source of the clause, the "according to" party only relays it.
STANCE_WORDS: frozenset[str] = frozenset({
    "fear", "concern", "worry", "believe", "think", "hope", "expect", "doubt", "suspect",
    "feel", "know", "say", "claim",
})  # fmt: skip
# Verbs that take a particle as part of the cue ("pointed out", "went on").
PHRASAL_CUES: frozenset[tuple[str, str]] = frozenset({("point", "out"), ("go", "on")})
# Subjects that cannot be a speaker ("it is said", "this shows").
NON_SPEAKERS: frozenset[str] = frozenset({"it", "this", "that", "which", "what", "there"})
# How far a search for a sentence's start or end goes; sentences are far shorter, and
# the bound keeps text without sentence ends (lists, tables) linear.
MAX_SCAN_TOKENS = 300
# A speaker phrase longer than this is a misparse; its head word is kept instead.
MAX_PHRASE_TOKENS = 40
# Sentence-final punctuation tokens.
SENTENCE_END: frozenset[str] = frozenset({".", "!", "?", "…"})
# Dependents dropped from a speaker phrase: "Andriy, a 62-year-old who has signed up…"
# keeps "Andriy, a 62-year-old".
_TRIMMED_DEPS: frozenset[str] = frozenset({"relcl", "acl", "advcl", "prep_long"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue and the speaker phrase it governs."""

    span: Span
    verb: Token
    speaker: Span | None
    speaker_head: Token | None


class QuoteParse:
    """The parse of one document, with quotation ranges that tokens are tested against."""

    def __init__(
        self,
        doc: Doc,
        quoted: Sequence[tuple[int, int]],
        paragraphs: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.quoted = sorted(quoted)
        self._opens = [start for start, _ in self.quoted]
        self._ends = sorted(end for _, end in self.quoted)
        self._starts = [t.idx for t in doc]
        self.paragraphs = list(paragraphs) or [(0, len(self.text))]
        self._para_starts = [start for start, _ in self.paragraphs]

    # ------------------------------------------------------------------ layout

    def paragraph_of(self, pos: int) -> tuple[int, int]:
        i = max(bisect_right(self._para_starts, pos) - 1, 0)
        return self.paragraphs[i]

    def next_open_after(self, pos: int, default: int) -> int:
        """Where the next quotation opens after ``pos`` (or ``default``)."""
        i = bisect_right(self._opens, pos)
        return min(self._opens[i], default) if i < len(self._opens) else default

    def last_end_before(self, pos: int, default: int) -> int:
        """Where the last quotation before ``pos`` closed (or ``default``)."""
        i = bisect_right(self._ends, pos) - 1
        return max(self._ends[i], default) if i >= 0 else default

    # ------------------------------------------------------------------ tokens

    def tokens_in(self, lo: int, hi: int, limit: int = MAX_SCAN_TOKENS) -> list[Token]:
        """Tokens that start in ``[lo, hi)``, at most ``limit`` of them from ``lo``."""
        first = bisect_left(self._starts, lo)
        last = min(bisect_left(self._starts, hi), first + limit)
        return [self.doc[i] for i in range(first, last)]

    def tokens_before(self, lo: int, hi: int, limit: int = MAX_SCAN_TOKENS) -> list[Token]:
        """Tokens that start in ``[lo, hi)``, at most ``limit`` of them up to ``hi``."""
        first = bisect_left(self._starts, lo)
        last = bisect_left(self._starts, hi)
        return [self.doc[i] for i in range(max(first, last - limit), last)]

    def is_quoted(self, token: Token) -> bool:
        pos = token.idx
        i = bisect_left(self.quoted, (pos + 1, -1)) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def span_of(self, first: Token, last: Token) -> Span:
        return Span.of(self.text, first.idx, last.idx + len(last.text))

    # ------------------------------------------------------------------ regions

    def sentence_end_after(self, pos: int, limit: int) -> int:
        """Where the sentence that goes on at ``pos`` ends (outside quotes), at most ``limit``."""
        tokens = self.tokens_in(pos, limit)
        for token in tokens:
            if token.text in SENTENCE_END and not self.is_quoted(token):
                return token.idx
        return tokens[-1].idx if len(tokens) == MAX_SCAN_TOKENS else limit

    def sentence_start_before(self, pos: int, floor: int) -> int:
        """Where the sentence running up to ``pos`` started, at least ``floor``.

        Past ``MAX_SCAN_TOKENS`` without a sentence end, the earliest token looked at
        stands for the start: what is that long is not one sentence of prose.
        """
        tokens = self.tokens_before(floor, pos)
        for token in reversed(tokens):
            if token.text in SENTENCE_END and not self.is_quoted(token):
                return token.idx + len(token.text)
        return tokens[0].idx if len(tokens) == MAX_SCAN_TOKENS else floor

    # ------------------------------------------------------------------ cues

    def cues_in(self, lo: int, hi: int, verbs: frozenset[str] = SPEECH_VERBS) -> Iterator[Cue]:
        """Speech cues outside quotes in ``[lo, hi)``, in order."""
        for token in self.tokens_in(lo, hi):
            if self.is_quoted(token):
                continue
            cue = self.cue_at(token, verbs)
            if cue is not None:
                yield cue

    def cue_at(self, token: Token, verbs: frozenset[str] = SPEECH_VERBS) -> Cue | None:
        if _is_according_to(token):
            to = token.nbor(1)
            objects = [c for c in to.children if c.dep_ == "pobj"]
            speaker = self.phrase(objects[0]) if objects else None
            return Cue(self.span_of(token, to), token, speaker, objects[0] if objects else None)
        if token.lemma_.lower() not in verbs or token.pos_ not in ("VERB", "AUX"):
            return None
        if any(c.dep_ == "neg" for c in token.children):
            return None
        last = token
        for child in token.children:
            if child.dep_ == "prt" and (token.lemma_, child.lower_) in PHRASAL_CUES:
                last = child
        subject = self.subject_of(token)
        speaker = self.phrase(subject) if subject is not None else None
        return Cue(self.span_of(token, last), token, speaker, subject)

    def subject_of(self, verb: Token) -> Token | None:
        """The nominal subject of ``verb``, or of the verb it is coordinated with."""
        current: Token | None = verb
        for _ in range(3):
            if current is None:
                break
            subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                subject = subjects[0]
                if subject.dep_ == "nsubjpass" or subject.lower_ in NON_SPEAKERS:
                    return None
                return subject
            # "…, adding that …": a participle after a comma shares the subject of the verb
            # it hangs off; right after a noun ("his sister telling that") it is the noun's.
            climbs = current.dep_ in ("conj", "xcomp") or (
                current.dep_ == "advcl"
                and current.tag_ == "VBG"
                and current.i > 0
                and current.nbor(-1).text == ","
            )
            current = current.head if climbs else None
        return None

    def phrase(self, head: Token) -> Span:
        """The words of the noun phrase headed by ``head``, without trailing clauses."""
        if head.right_edge.i - head.left_edge.i > MAX_PHRASE_TOKENS:
            return self.span_of(head, head)
        tokens = list(self.doc[head.left_edge.i : head.right_edge.i + 1])
        dropped: set[int] = set()
        for t in tokens:
            if t is not head and t.dep_ in _TRIMMED_DEPS and t.head.i >= head.i:
                dropped.update(x.i for x in t.subtree)
        kept: list[Token] = []
        for t in tokens:
            if t.i in dropped or self.is_quoted(t):
                if t.i > head.i:
                    break
                kept = []
                continue
            kept.append(t)
        if not kept:
            # Every word before the head was quoted or a clause, and so was the head's
            # own stretch: the head alone is the phrase.
            return self.span_of(head, head)
        while len(kept) > 1 and kept[-1].is_punct and not _closes_bracket(kept):
            kept.pop()
        while len(kept) > 1 and kept[0].is_punct:
            kept.pop(0)
        return self.span_of(kept[0], kept[-1])


def _is_according_to(token: Token) -> bool:
    return (
        token.lower_ == "according"
        and token.i + 1 < len(token.doc)
        and token.nbor(1).lower_ == "to"
    )


def _closes_bracket(tokens: Sequence[Token]) -> bool:
    """The last token closes a bracket the phrase opened ("the UN office (OCHA)")."""
    return tokens[-1].text == ")" and any(t.text == "(" for t in tokens)
