"""Web boilerplate removal: whole lines that are not article body, kept aside with offsets.

The cleaner works on lines. Each line is judged by general patterns of page furniture
(ads, share and subscribe prompts, correction footers, photo credits, cookie notices,
navigation, bylines), then by context: a "related stories" marker takes the injected
headlines around it, and the teaser paragraph that follows them when it is about the
headline rather than the article. Removed lines are cut out of the text; nothing else in
the text changes, so offsets into the cleaned text map back to the raw text exactly.

When in doubt a line is kept: losing an article sentence costs more than keeping a
stray "Share this".
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.records import Removed

# ------------------------------------------------------------------------- line patterns

# Lines longer than this are prose, never page furniture (the longest furniture seen in the
# team's examples is a cookie notice of about 45 words).
MAX_FURNITURE_WORDS = 60
# A run of this many characters without a space is data (an inline image, minified
# script, a row of separators), never prose: the longest URLs in news text are a few
# hundred characters. spaCy's tokenizer takes time quadratic in the length of a run of
# punctuation (quote marks: 1,000 in 0.07 s, 16,000 in 19 s; docs/ROBUSTNESS.md), so
# such lines must not reach the model; at 500 a line of such runs costs the tokenizer
# about what the whole model costs on prose.
MAX_RUN_CHARS = 500
# Prompts, markers and credits are short; an article sentence that starts the same way
# ("Sign up sheets were posted at the shelter, …") is longer or punctuated as prose.
MAX_PROMPT_WORDS = 20
MAX_MARKER_WORDS = 6
MAX_HEADLINE_WORDS = 22
# How many injected headlines one "related" marker may take after it, and before it.
MAX_HEADLINES_AFTER_MARKER = 8
MAX_HEADLINES_BEFORE_MARKER = 2
# A teaser paragraph is short: one or two sentences.
MAX_TEASER_WORDS = 60
# A paragraph has at least this many words and ends a sentence; page labels at the edges
# (section names, "Sign in", "WhatsApp", topic tags) have at most MAX_EDGE_LABEL_WORDS.
MIN_PROSE_WORDS = 12
MAX_EDGE_LABEL_WORDS = 3
# Words a teaser must share with its headline and that the article never uses otherwise.
MIN_TEASER_DISTINCT_WORDS = 2

_I = re.IGNORECASE


def _full(pattern: str) -> re.Pattern[str]:
    """A pattern that must cover the whole (stripped) line, trailing punctuation allowed."""
    return re.compile(rf"^(?:{pattern})\s*[.:!…»›>|-]*$", _I)


_AD = _full(
    r"advertisement|advertising|advert|ads?|sponsored(?: (?:content|links?|stories|post))?"
    r"|paid (?:content|post|partner content)|promoted(?: (?:content|stories))?"
    r"|advertisement\W+scroll (?:down )?to continue(?: reading)?"
    r"|(?:the )?(?:story|article|text|content) continues (?:below|after)"
    r"(?: (?:this|the))?(?: (?:advertisement|ad|advert))?"
    r"|continue reading(?: (?:below|the main story|after (?:the|this) (?:ad|advertisement)))?"
    r"|scroll (?:down )?to continue(?: reading)?(?: with content)?"
)
_SHARE_WORDS = (
    r"share|tweet|email|e-mail|print|copy link|copy|save|whatsapp|facebook|twitter|x"
    r"|linkedin|telegram|reddit|pinterest|messenger|flipboard|comments?"
)
# A row of share buttons and counts ("Facebook | Twitter | 12 Comments"): two or more
# tokens, each a button word, a whole number or one other non-word character, ending in
# a word or number. The tokens never overlap and the repetition is possessive, so
# matching is linear: the former pattern let a run of digits split between its items in
# exponentially many ways (27 digits and a stray character: 39 s; fuzz/fuzz_clean.py).
_SHARE_ROW = (
    rf"(?=.*(?:{_SHARE_WORDS}|\d)[\s.:!…»›>|-]*$)"
    rf"(?:{_SHARE_WORDS}|\d++|\W)(?:{_SHARE_WORDS}|\d++|\W)++"
)
_SHARE = _full(
    r"share(?: (?:this|the))?(?: (?:article|story|post|page|video))?"
    r"(?: (?:on|via|to) [\w ]{1,30})?"
    rf"|{_SHARE_ROW}"
    # A share button alone on its line, as a page stacks them ("Share", "Tweet", "Email").
    r"|tweet|email|e-mail|print|copy link|whatsapp|facebook|twitter|linkedin|telegram"
    r"|follow (?:us|@?[\w.]+(?: [\w.]+){0,3}) on [\w ,&/+]{1,60}"
    r"|(?:join|find) us on [\w ,&/+]{1,60}"
)
_SUBSCRIBE_START = re.compile(
    r"^(?:subscribe|sign up|sign-up|signup|register|get (?:our|the|free) \w+|join our"
    r"|want (?:more|the latest)|don'?t miss|never miss|stay (?:informed|up to date|updated)"
    r"|enjoyed this|like this (?:story|article)|support (?:our|independent) journalism"
    r"|become a (?:member|subscriber)|already a subscriber|log ?in to|create (?:a free|an) account"
    r")\b",
    _I,
)
_PROMPT_WORDS = re.compile(
    r"\b(?:newsletters?|inbox|e-?mails?|alerts?|updates|digest|briefing|subscriber|subscription"
    r"|free|today|now|here|daily|weekly|account|journalism|membership|notifications?)\b",
    _I,
)
_CLICK = re.compile(r"^(?:please )?(?:click|tap|press) here\b", _I)
_NAVIGATION = _full(
    r"skip to (?:main )?(?:content|navigation)|back to top"
    r"|(?:next|previous|prev) (?:article|story|post)"
    r"|load more(?: stories| articles)?|show (?:more|comments)|view comments|leave a comment"
    r"|comments?(?: \(\d+\))?|menu|search|close|home|(?:open|close) (?:menu|navigation)"
    r"|listen to (?:this )?article(?: \d+ min(?:utes?)?)?|audio(?: version)?|play video"
    r"|(?:view|see) (?:all|more)(?: \w+){0,3}|(?:view|open) (?:image )?gallery|enlarge(?: image)?"
    r"|toggle caption|hide caption|expand|collapse"
)
# "Volcano watch: live map of the eruptions >": a link's text with the arrow the page
# draws after it; a sentence never ends in a spaced arrow.
_LINK_ARROW = re.compile(r"[^.!?\"”]\s+[>›»→]$")
# "Home › World › Europe": three or more short items joined by breadcrumb separators.
_BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s+[›»>/|]\s+[^.!?]{1,40}){2,}$")
_CORRECTION = re.compile(
    r"^(?:to suggest a correction|(?:you can )?(?:also )?highlight the text and press"
    r"|report an? (?:error|typo|correction|mistake)|(?:spotted|found|notice[d]?|see) an? "
    r"(?:error|mistake|typo)|if you (?:have )?(?:spot|see|notice|found|find)\w* an? "
    r"(?:error|mistake|typo)|corrections? (?:and|&) clarifications|send (?:us )?(?:a )?correction"
    r"|submit a correction)",
    _I,
)
_CORRECTION_CUE = re.compile(r"ctrl\s*\+\s*enter|\bcorrection|\berror\b|\btypo\b", _I)
# "Photo: …", "Image source, Getty Images", "Photo credit: …": a caption label, then anything.
_PHOTO_LABEL = re.compile(
    r"^\(?(?:photo|photograph|picture|image|file photo|illustration|video|media|caption|credit)s?"
    r"(?: (?:credit|source|caption))?\s*[:,]\s*\S",
    _I,
)
# "(Photo by Name Surname / Getty Images)", "Image by Name".
_PHOTO_BY = re.compile(r"^\(?(?:photo|photograph|picture|image)s? by [^.!?]{1,80}\)?$", _I)
# "Name SURNAME / AFP", "(Photo by … / Getty Images)", "Name Surname/AFP via Getty Images":
# a name of two or more words, or an agency, then a slash and an agency.
_AGENCY = r"(?:[A-Z]{2,}|[A-Z][\w.'’-]*(?:\s+(?:via\s+)?[A-Z][\w.'’-]*){0,3})"
_AGENCY_CREDIT = re.compile(
    rf"^\(?(?:[A-Z][\w.'’-]*\s+){{1,3}}[A-Z][\w.'’-]*\s*/\s*{_AGENCY}\s*\)?$"
    rf"|^\(?[A-Z]{{2,}}\s*/\s*{_AGENCY}\s*\)?$"
    r"|^\(?[\w.'’ -]{1,60}/\s*(?:[A-Z]{2,}|[\w ]*\b(?:Images|Photos?|Pictures|Press|Agency|Wire))"
    r"(?:\s+via\s+[\w ]+)?\s*\)?$"
)
# A caption's closing credit in brackets: "… in Kherson (Photo by Name / Getty Images)".
_BRACKETED_CREDIT = re.compile(r"\((?:photo|image|picture)s? by [^()]{1,80}\)$", _I)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}|:))|\ball rights reserved\b"
    r"|^(?:©\s*)?\d{4}\s.{0,60}\b(?:ltd|inc|llc"
    r"|gmbh|media|group|news)\b\.?$",
    _I,
)
# Notes from the desk about the article, not part of it: "Correction: An earlier version …",
# "This article has been updated with …", "Editor's note: …".
_EDITORIAL_NOTE = re.compile(
    r"^(?:(?:correction|clarification|editor'?s note|editorial note|note to readers)\s*[:–—-]\s*\S"
    r"|(?:an )?earlier version of this (?:article|story|report|piece)\b"
    r"|this (?:article|story|report|piece|page) (?:has been|was) (?:updated|corrected|amended"
    r"|edited|changed)\b)",
    _I,
)
_COOKIE = re.compile(r"\bcookies?\b", _I)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:we use|this (?:web)?site|our (?:web)?site|accept|consent|privacy(?: policy)?"
    r"|by continuing"
    r"|manage (?:preferences|settings)|browsing experience)\b",
    _I,
)
_BYLINE = re.compile(
    r"^(?i:by|written by|reporting by|words by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|&|\|)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}){0,3}$"
)
_DATELINE_META = re.compile(
    r"^(?:published|updated|last updated|posted|first published|modified)(?: on| at)?\s*:?\s*"
    r"(?=.*\d).{1,60}$|^\d{1,3}\s*(?:min|mins|minutes?)(?: read)?$|^reading time\b.{0,20}$",
    _I,
)
# A page's counters and topic labels, one per line: "Views: 12 408", "Comments: 3",
# "Tags: Kharkiv, drones, energy", "Filed under: Europe | Conflict".
_PAGE_COUNTER = re.compile(
    r"^(?:views?|page views|reads|likes|shares|comments|reactions)\s*:\s*[\d\s.,k]+$", _I
)
_PAGE_TOPICS = re.compile(
    r"^(?:tags?|tagged|topics?|keywords|categor(?:y|ies)|filed under|sections?)\s*:\s*"
    r"[^.!?:;]{1,40}(?:\s*[,|/•·]\s*[^.!?:;]{1,40}){0,15}$",
    _I,
)
# A weather widget: a short place name, a temperature and a few words of sky ("Colombo
# 29°C Light Rain", "KYIV -3° Snow"); a headline's lower-case verb keeps it out.
_WEATHER_WIDGET = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){1,4}[-−+]?\d{1,2}(?:[.,]\d)?\s*°\s*[CF]?"
    r"(?:\s+[A-Za-z][\w-]*){0,4}$"
)
# "Other Topics of Interest", "Most Read", "Related stories", "You may also like", …
_RELATED_MARKER = re.compile(
    r"^(?:related|recommended|popular|trending|most (?:read|viewed|popular|shared|commented)"
    r"|top (?:stories|news|reads)|more (?:from|on|about|stories|news|to read|in|like this)"
    r"|(?:other|more) (?:topics|stories|articles|news|headlines)(?: of interest| for you)?"
    r"|(?:also|must) read|read (?:more|also|next)|see also|further reading|what to read next"
    r"|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|editor'?s (?:picks|choice)"
    r"|latest(?: (?:news|stories|headlines))?|don'?t miss|in (?:other|case you missed)"
    r"|(?:stories|topics|articles) (?:of interest|you may like|for you)|watch next|up next)"
    r"(?:\b[^.!?]{0,40})?$",
    _I,
)
# "Read more: Kyiv rejects …", "RELATED: …", "Also read - …": a marker and a headline on one line.
_INLINE_RELATED = re.compile(
    r"^(?:read more|read also|also read|read next|up next|watch next|related|see also|more"
    r"|watch|listen|read|recommended"
    r"|most read|opinion|analysis|explainer|live|breaking)\s*(?::|\||–|—|>>|»|-\s)\s*\S",
    _I,
)
# AFP-style section titles, "- 'No longer alone' -": article structure, always kept.
_DASHED_SUBHEAD = re.compile(r"^[-–—]\s*\S.*\S\s*[-–—]$")
_TERMINAL_PUNCTUATION = re.compile(r"[.!?;:,…]['\"’”»)]*$")
_STATEMENT_END = re.compile(r"[.!;:,…]['\"’”»)]*$")
# "Africa | Horn of Africa": two short items joined by a separator, above the headline.
_TWO_ITEM_CRUMB = re.compile(r"^[^.!?|›»>/]{1,40}\s+[›»>/|]\s+[^.!?|›»>/]{1,40}$")
_BULLET = re.compile(r"^[-–•*]\s+")
_QUOTE_MARKS = re.compile(r"[\"“”«»]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Function words, which title case leaves in lower case and which say nothing about a topic.
_SMALL_WORDS_TEXT = (
    "a an and as at but by for from in into of on or over the to up via vs with after before "
    "amid about against than is are was were be its it"
)
_SMALL_WORDS = frozenset(_SMALL_WORDS_TEXT.split())


def line_reason(line: str) -> str | None:
    """Why a line, judged alone, is page furniture; None for a line that may be article."""
    stripped = line.strip()
    if not stripped:
        return None
    runs = stripped.split()
    if max(map(len, runs)) > MAX_RUN_CHARS:
        return "not-prose"
    if _DASHED_SUBHEAD.match(stripped):
        return None
    words = len(runs)
    if words > MAX_FURNITURE_WORDS:
        return None
    for reason, test in _LINE_TESTS:
        if test(stripped, words):
            return reason
    return None


def _is_ad(line: str, words: int) -> bool:
    return bool(_AD.match(line))


def _is_share_prompt(line: str, words: int) -> bool:
    return words <= MAX_PROMPT_WORDS and bool(_SHARE.match(line))


def _is_subscribe_prompt(line: str, words: int) -> bool:
    if words > MAX_PROMPT_WORDS or _QUOTE_MARKS.search(line) or not _SUBSCRIBE_START.match(line):
        return False
    # "Subscribe to our newsletter" is a prompt; "Register a complaint with the court." is not.
    return bool(_PROMPT_WORDS.search(line)) or not _TERMINAL_PUNCTUATION.search(line)


def _is_navigation(line: str, words: int) -> bool:
    if _NAVIGATION.match(line) or (words <= MAX_PROMPT_WORDS and _CLICK.match(line)):
        return True
    if words <= MAX_PROMPT_WORDS and _LINK_ARROW.search(line):
        return True
    return words <= MAX_PROMPT_WORDS and bool(_BREADCRUMB.match(line))


def _is_correction_footer(line: str, words: int) -> bool:
    return (
        words <= 30 and bool(_CORRECTION.match(line)) and bool(_CORRECTION_CUE.search(line))
    ) or (words <= 30 and "ctrl" in line.lower() and "enter" in line.lower())


def _is_photo_credit(line: str, words: int) -> bool:
    if words > 40:
        return False
    if _is_credit(line) or _BRACKETED_CREDIT.search(line):
        return True
    # A caption ending in its credit: "Residents walk past … in Izyum. Name SURNAME / AFP".
    _, sentence_end, tail = line.rpartition(". ")
    return bool(sentence_end) and _is_credit(tail.strip())


def _is_credit(text: str) -> bool:
    return bool(
        _PHOTO_LABEL.match(text)
        or _PHOTO_BY.match(text)
        or (len(text.split()) <= 12 and _AGENCY_CREDIT.match(text))
    )


def _is_copyright(line: str, words: int) -> bool:
    return words <= 30 and bool(_COPYRIGHT.search(line))


def _is_editorial_note(line: str, words: int) -> bool:
    return words <= 40 and bool(_EDITORIAL_NOTE.match(line))


def _is_cookie_notice(line: str, words: int) -> bool:
    return bool(_COOKIE.search(line)) and bool(_COOKIE_CONTEXT.search(line))


def _is_byline_meta(line: str, words: int) -> bool:
    return words <= 12 and bool(_BYLINE.match(line) or _DATELINE_META.match(line))


def _is_page_meta(line: str, words: int) -> bool:
    return words <= 40 and bool(
        _PAGE_COUNTER.match(line) or _PAGE_TOPICS.match(line) or _WEATHER_WIDGET.match(line)
    )


def _is_inline_related(line: str, words: int) -> bool:
    if words > MAX_HEADLINE_WORDS + 3 or _QUOTE_MARKS.search(line[:2]):
        return False
    # A headline may ask ("Related: What is the 'foreign agents' law?"); it never states.
    return bool(_INLINE_RELATED.match(line)) and not _STATEMENT_END.search(line)


_LINE_TESTS = (
    ("ad", _is_ad),
    ("correction-footer", _is_correction_footer),
    ("editorial-note", _is_editorial_note),
    ("cookie-notice", _is_cookie_notice),
    ("share-prompt", _is_share_prompt),
    ("subscribe-prompt", _is_subscribe_prompt),
    ("photo-credit", _is_photo_credit),
    ("copyright", _is_copyright),
    ("byline-meta", _is_byline_meta),
    ("page-meta", _is_page_meta),
    ("related-headline", _is_inline_related),
    ("navigation", _is_navigation),
)


def is_related_marker(line: str) -> bool:
    stripped = line.strip().rstrip(":|»›>-–— ")
    return (
        0 < len(stripped.split()) <= MAX_MARKER_WORDS
        and not _TERMINAL_PUNCTUATION.search(stripped)
        and bool(_RELATED_MARKER.match(stripped))
    )


def looks_like_headline(line: str) -> bool:
    """A short line without final punctuation, in title case: how injected headlines look."""
    stripped = line.strip()
    words = _WORD.findall(stripped)
    if not 2 <= len(words) <= MAX_HEADLINE_WORDS or _DASHED_SUBHEAD.match(stripped):
        return False
    if _TERMINAL_PUNCTUATION.search(stripped) or stripped[0] in "\"“«'‘":
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS] or words
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75


# ------------------------------------------------------------------------------- lines


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offset of the first character in the raw text
    end: int  # offset just past the last character, before the newline
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _split_lines(raw: str) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    for piece in raw.split("\n"):
        lines.append(_Line(start, start + len(piece), piece))
        start += len(piece) + 1
    return lines


# ------------------------------------------------------------------- related-story blocks


def _related_blocks(lines: Sequence[_Line], reasons: dict[int, str]) -> None:
    """Mark each related-stories marker, the injected headlines around it and, when it is
    clearly about them rather than the article, the teaser paragraph that follows."""
    teasers: list[tuple[int, list[int]]] = []  # (candidate line, its block's headlines)
    first_prose = next((i for i, line in enumerate(lines) if _is_prose(line.text)), len(lines))
    for index, line in enumerate(lines):
        if index in reasons or not is_related_marker(line.text):
            continue
        reasons[index] = "related-headline"
        # Below the article's first paragraph a marker's list is never the headline, so its
        # items may be in sentence case, questions, bullets or one-word topic tags.
        listed = index > first_prose
        headlines = _headlines_after(lines, index, reasons, listed) + _headlines_before(
            lines, index
        )
        for h in headlines:
            reasons[h] = "related-headline"
        candidate = _next_nonblank(lines, max([index, *headlines]))
        if headlines and candidate is not None and candidate not in reasons:
            teasers.append((candidate, headlines))
    _repeated_headlines(lines, reasons)
    _mark_teasers(lines, teasers, reasons)


def _next_nonblank(lines: Sequence[_Line], index: int) -> int | None:
    return next((i for i in range(index + 1, len(lines)) if not lines[i].blank), None)


def _headlines_after(
    lines: Sequence[_Line], marker: int, reasons: dict[int, str], listed: bool = False
) -> list[int]:
    found: list[int] = []
    for index in range(marker + 1, len(lines)):
        line = lines[index]
        if line.blank:
            continue
        headline = looks_like_headline(line.text) or (listed and _is_listed_item(line.text))
        if len(found) >= MAX_HEADLINES_AFTER_MARKER or not headline:
            break
        found.append(index)
    return found


def _headlines_before(lines: Sequence[_Line], marker: int) -> list[int]:
    """Headlines printed right above the marker (no blank line between them)."""
    found: list[int] = []
    index = marker - 1
    while index >= 0 and len(found) < MAX_HEADLINES_BEFORE_MARKER:
        line = lines[index]
        if line.blank or not looks_like_headline(line.text):
            break
        found.append(index)
        index -= 1
    return found


def _repeated_headlines(lines: Sequence[_Line], reasons: dict[int, str]) -> None:
    """A headline-like line printed twice within a few lines is an injected teaser block,
    never article structure (a subhead is not repeated)."""
    nonblank = [i for i, line in enumerate(lines) if not line.blank]
    for position, index in enumerate(nonblank):
        text = lines[index].text.strip()
        if index in reasons or not looks_like_headline(text):
            continue
        for other in nonblank[position + 1 : position + 4]:
            if lines[other].text.strip() == text:
                reasons[index] = reasons[other] = "related-headline"


def _mark_teasers(
    lines: Sequence[_Line], teasers: Sequence[tuple[int, list[int]]], reasons: dict[int, str]
) -> None:
    """The paragraph after an injected headline is its teaser when it shares words with the
    headline that the article itself never uses; otherwise it is article and stays."""
    if not teasers:
        return
    # In how many article lines each word occurs, counted once for the whole text.
    article_counts: Counter[str] = Counter()
    for i, line in enumerate(lines):
        if i not in reasons:
            article_counts.update(_content_words(line.text))
    for index, headlines in teasers:
        teaser = lines[index].text
        if len(teaser.split()) > MAX_TEASER_WORDS or _QUOTE_MARKS.search(teaser):
            continue
        headline_words = set().union(*(_content_words(lines[h].text) for h in headlines))
        # The teaser's own line is one of the counted lines: a count of 1 is the teaser alone.
        shared = _content_words(teaser) & headline_words
        distinct = [w for w in shared if article_counts[w] <= 1]
        if len(distinct) >= MIN_TEASER_DISTINCT_WORDS:
            reasons[index] = "related-teaser"


def _content_words(text: str) -> set[str]:
    words = (w.lower().strip("'’-") for w in _WORD.findall(text))
    return {w.removesuffix("’s").removesuffix("'s") for w in words if len(w) > 2} - _SMALL_WORDS


def _is_listed_item(line: str) -> bool:
    """An item of a related list: a headline in any case, a question, a bulleted headline
    or a topic tag ("Haiti") — never a statement."""
    stripped = _BULLET.sub("", line.strip())
    words = _WORD.findall(stripped)
    return 1 <= len(words) <= MAX_HEADLINE_WORDS and not _STATEMENT_END.search(stripped)


# ------------------------------------------------------------------------- page edges


def _is_prose(line: str) -> bool:
    """A paragraph line: where one stands, the article has begun (or not yet ended)."""
    stripped = line.strip()
    return len(stripped.split()) >= MIN_PROSE_WORDS and bool(_TERMINAL_PUNCTUATION.search(stripped))


def _is_short_label(line: str) -> bool:
    """ "Sign in", "Latin America", "WhatsApp": a few words, no sentence, no number."""
    stripped = line.strip()
    return (
        1 <= len(stripped.split()) <= MAX_EDGE_LABEL_WORDS
        and not _TERMINAL_PUNCTUATION.search(stripped)
        and not any(ch.isdigit() for ch in stripped)
        and not _QUOTE_MARKS.search(stripped)
    )


def _edge_furniture(lines: Sequence[_Line], reasons: dict[int, str]) -> None:
    """Short labels above the headline and below the last paragraph.

    Above: section names and account links printed before the headline (the longest line
    before the first paragraph); the headline itself and what follows it (a dateline, a
    date) stay. Below: share buttons and tags one per line after the last paragraph."""
    kept = [i for i, line in enumerate(lines) if not line.blank and i not in reasons]
    prose = [i for i in kept if _is_prose(lines[i].text)]
    if not prose:
        return
    lead = [i for i in kept if i < prose[0]]
    if lead:
        headline = max(lead, key=lambda i: (len(lines[i].text.split()), -i))
        if len(lines[headline].text.split()) > MAX_EDGE_LABEL_WORDS:
            for i in lead:
                text = lines[i].text.strip()
                if i < headline and (_is_short_label(text) or _TWO_ITEM_CRUMB.match(text)):
                    reasons[i] = "navigation"
    for i in kept:
        if i > prose[-1] and _is_short_label(lines[i].text):
            reasons[i] = "navigation"


# ------------------------------------------------------------------------------ result


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The article text and what was cut from it.

    ``removed`` offsets point into the raw text; ``segments`` are the kept stretches as
    ``(clean_start, raw_start, length)``, in order, so that ``to_raw`` is exact.
    """

    text: str
    removed: tuple[Removed, ...]
    segments: tuple[tuple[int, int, int], ...] = ()

    def to_raw(self, offset: int) -> int:
        """The raw-text offset of the cleaned-text ``offset``."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside cleaned text of length {len(self.text)}")
        if not self.segments:
            return offset
        position = bisect.bisect_right(self.segments, offset, key=_clean_start) - 1
        clean_start, raw_start, _ = self.segments[max(position, 0)]
        return raw_start + offset - clean_start


def _clean_start(segment: tuple[int, int, int]) -> int:
    return segment[0]


def clean(raw_text: str) -> Cleaned:
    """``raw_text`` without its boilerplate lines (see the module docstring)."""
    lines = _split_lines(raw_text)
    reasons: dict[int, str] = {}
    for index, line in enumerate(lines):
        reason = line_reason(line.text)
        if reason is not None:
            reasons[index] = reason
    _related_blocks(lines, reasons)
    _edge_furniture(lines, reasons)
    removed = tuple(
        Removed(lines[i].start, lines[i].end, lines[i].text, reasons[i]) for i in sorted(reasons)
    )
    text, segments = _cut(raw_text, lines, set(reasons))
    return Cleaned(text=text, removed=removed, segments=segments)


def _cut(
    raw: str, lines: Sequence[_Line], removed: set[int]
) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """The raw text without the removed lines; a blank line left next to a removal is dropped
    when the text already has one there, so paragraphs stay separated by one blank line."""
    kept: list[tuple[int, int]] = []  # raw (start, end) of each kept line, newline included
    after_removal = False
    last_kept_blank = True  # the start of the text counts as a paragraph break
    for index, line in enumerate(lines):
        if index in removed:
            after_removal = True
            continue
        if line.blank and after_removal and last_kept_blank:
            continue
        end = line.end + 1 if index < len(lines) - 1 else line.end
        kept.append((line.start, end))
        last_kept_blank = line.blank
        if not line.blank:
            after_removal = False
    if after_removal:  # a removal at the end: drop the blank lines and newline it left
        while kept and not raw[kept[-1][0] : kept[-1][1]].strip():
            kept.pop()
        if kept and raw[kept[-1][1] - 1 : kept[-1][1]] == "\n":
            kept[-1] = (kept[-1][0], kept[-1][1] - 1)
    return _join(raw, kept)


def _join(
    raw: str, kept: Sequence[tuple[int, int]]
) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    segments: list[tuple[int, int, int]] = []
    clean_offset = 0
    for start, end in kept:
        if segments and segments[-1][1] + segments[-1][2] == start:
            clean_start, raw_start, length = segments[-1]
            segments[-1] = (clean_start, raw_start, length + end - start)
        else:
            segments.append((clean_offset, start, end - start))
        clean_offset += end - start
    text = "".join(raw[raw_start : raw_start + length] for _, raw_start, length in segments)
    return text, tuple(segments)
