"""What a challenge says is *not* its problem, set aside before it is searched.

"Atrial fibrillation detection is not the problem. Care home residents fall at night and lie on the
floor for hours": read whole, the model and BM25 see atrial fibrillation as much as falls, and the
focus (focus.py) leans towards it, since many records are about it. A commissioner would not. A
clause that plainly dismisses its topic ("... is fine", "... is not the problem", "we are not looking
for ...", "nothing to do with ...", "we're happy with ...", "no concerns about ...", "please ignore
...") is left out of the text searched, and the response says so.

Only plain dismissals count. A negation that describes the problem ("patients are not
anticoagulated", "no way of knowing who is going downhill") is what a challenge is made of, and
"rather than" or "instead of" may name the wanted state as easily as the unwanted one.
"""

from __future__ import annotations

import re

from .interfaces import Span
from .passages import sentence_spans

# Where a sentence divides into clauses that can each be set aside: "X is fine; Y is not", "X is
# fine - Y is not", "X is fine, but Y is not".
_CLAUSE_BREAK = re.compile(r";\s+|\s+[-–—]\s+|,?\s+(?=\b(?:but|whereas)\b)")
_DISMISSAL = re.compile(
    r"(?:\bnot|n't)\s+(?:"
    r"looking\s+for|interested\s+in|asking\s+(?:about|for)|about|need(?:ing)?\s+(?:help|support|advice)\s+with|"
    r"(?:an?|the)\s+(?:main\s+|big\s+)?(?:problem|issue|priority|focus|concern)|"
    r"what\s+we(?:'re|\s+are)\s+(?:looking\s+for|after|asking\s+about)"
    r")\b"
    r"|\bnothing\s+to\s+do\s+with\b"
    r"|\b(?:is|are|'s|'re)\s+(?:fine|going\s+well|working\s+well|under\s+control|in\s+hand)\b"
    # Content as things are ("we're happy with our ..."), not a wish ("staff would be happy with ...")
    # nor a complaint ("patients are not happy with ...").
    r"|(?:\b(?:am|is|are)|'m|'s|'re)\s+(?:very\s+|quite\s+|really\s+)?(?:happy|satisfied|pleased|content)\s+with\b"
    r"|\bno\s+(?:concerns?\s+(?:about|with|over)|(?:problems?|issues?)\s+with)\b"
    r"|\b(?:please|you\s+can)\s+ignore\b",
    re.IGNORECASE,
)
_SEPARATOR_AFTER = re.compile(r"[ \t]*[,;:–—-]?[ \t]*")
_EDGE_PUNCTUATION = ",;:–—-"
_WORD = re.compile(r"\w")


def set_aside(text: str) -> tuple[str, list[str]]:
    """The text without its clauses that dismiss their topic (line breaks kept, so bullet points
    stay apart), and those clauses as written. A text that would be left with nothing is searched
    whole."""
    clauses = [
        (start, end)
        for sentence in sentence_spans(text)
        for start, end in _clauses(text, sentence)
        if _WORD.search(text, start, end)  # not a stray "!!!" or an empty clause before a leading ";"
    ]
    dismissed = [(start, end) for start, end in clauses if _DISMISSAL.search(text, start, end)]
    if not dismissed or len(dismissed) == len(clauses):
        return text, []
    kept, start = [], 0
    for aside_start, aside_end in dismissed:
        kept.append(text[start:aside_start])
        start = _SEPARATOR_AFTER.match(text, aside_end).end()  # "; ", " - ", ", " go with the clause
    remainder = "".join([*kept, text[start:]]).strip().strip(_EDGE_PUNCTUATION).strip()
    return remainder, [text[start:end].strip().strip(_EDGE_PUNCTUATION) for start, end in dismissed]


def _clauses(text: str, sentence: Span) -> list[Span]:
    start, end = sentence
    clauses: list[Span] = []
    for gap in _CLAUSE_BREAK.finditer(text, start, end):
        clauses.append((start, gap.start()))
        start = gap.end()
    return [*clauses, (start, end)]
