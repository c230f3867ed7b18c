"""Tolls stated as none (round 18b): "no one was hurt", "no casualties were reported".

A report that says an event harmed no one states its toll: zero, which is what an analyst
codes (ACLED's fatalities are 0 when none are reported) and what the outside writers of
sets c, n, p and r code. An event whose count of a harm is unknown gets 0 for it when the
sentence that tells it, or the next sentence of its paragraph before another event is
told, says that harm befell no one. Which harm: "no one was killed", "no deaths" (killed);
"no injuries" (injured); "no one was hurt", "no casualties", "without casualties" (both,
as the writers code them). A negation inside quotation marks is a speaker's, not the
report's statement, and is not read.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from sitrep.records import Event
from sitrep.stages.events_document import CASUALTY_TYPES
from sitrep.stages.state import DocState

_NOBODY = r"(?:no\s+one|no-one|nobody|none\s+of\s+(?:them|the\s+\w+))"
_BE = r"(?:\s+(?:was|were|is|are|has|have|had|been|being|reportedly|immediately))*"
_KILLED_NONE = re.compile(
    rf"\b{_NOBODY}{_BE}\s+(?:killed|died|dead)\b"
    r"|\bno\s+(?:deaths?|fatalit(?:y|ies)|lives\s+were\s+lost|one\s+died)\b"
    r"|\bwithout\s+(?:any\s+)?(?:deaths|loss\s+of\s+life)\b",
    re.IGNORECASE,
)
_INJURED_NONE = re.compile(r"\bno\s+(?:injur(?:y|ies)|one\s+was\s+injured)\b", re.IGNORECASE)
_NOBODY_HARMED = re.compile(
    rf"\b{_NOBODY}{_BE}\s+(?:hurt|injured|wounded|harmed)\b"
    rf"|\b{_NOBODY}{_BE}\s+killed\s+or\s+(?:injured|hurt|wounded)\b"
    r"|\bno\s+(?:casualt(?:y|ies)|victims|injuries\s+or\s+deaths|deaths\s+or\s+injuries)\b"
    r"|\bwithout\s+(?:any\s+)?casualties\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


def harm_stated_as_none(text: str, start: int = 0) -> tuple[bool, bool]:
    """(no one killed, no one injured) as the sentence at ``start`` of ``text`` states
    them, outside quotes (``text`` may begin earlier in its line, where a quotation the
    sentence ends may open)."""
    plain = _QUOTED.sub(lambda m: " " * len(m.group()), text)[start:]
    both = bool(_NOBODY_HARMED.search(plain))
    return both or bool(_KILLED_NONE.search(plain)), both or bool(_INJURED_NONE.search(plain))


def with_tolls_of_none(events: Sequence[Event], state: DocState) -> list[Event]:
    """``events`` with 0 for each harm the report says the event did not cause."""
    sentences = list(state.doc.sents)
    starts = [s.start_char for s in sentences]
    told_at = {_index(starts, span.start) for e in events for span in e.evidence}
    result = []
    for event in events:
        known = event.killed is not None and event.injured is not None
        if event.type not in CASUALTY_TYPES or known:
            result.append(event)
            continue
        killed_none = injured_none = False
        for span in event.evidence:
            for sentence in _own_sentences(sentences, starts, span.start, told_at, state.text):
                line_start = state.text.rfind("\n", 0, sentence.start_char) + 1
                killed, injured = harm_stated_as_none(
                    state.text[line_start : sentence.end_char], sentence.start_char - line_start
                )
                killed_none, injured_none = killed_none or killed, injured_none or injured
        result.append(
            dataclasses.replace(
                event,
                killed=0 if event.killed is None and killed_none else event.killed,
                injured=0 if event.injured is None and injured_none else event.injured,
            )
        )
    return result


def _index(starts: list[int], offset: int) -> int:
    """The index of the sentence holding ``offset``."""
    return max(bisect_right(starts, offset) - 1, 0)


def _own_sentences(
    sentences: list[SpacySpan], starts: list[int], offset: int, told_at: set[int], text: str
) -> list[SpacySpan]:
    """The sentence that tells an event and the next one of its paragraph when that one
    tells no event of its own."""
    if not sentences:
        return []
    here = _index(starts, offset)
    own = [sentences[here]]
    following = here + 1
    if following < len(sentences) and following not in told_at:
        between = text[sentences[here].end_char : sentences[following].start_char]
        if "\n" not in between:
            own.append(sentences[following])
    return own
