"""What a challenge says is *not* its problem, set aside before it is searched.

"Atrial fibrillation detection is not the problem. Care home residents fall at night and lie on the
floor for hours": read whole, the model and BM25 see atrial fibrillation as much as falls, and the
focus (focus.py) leans towards it, since many records are about it. A commissioner would not. A
clause that plainly dismisses its topic is left out of the text searched, and the response says so:
- not the problem or not what is asked ("... is not the problem", "we are not looking for ...",
  "nothing to do with ...", "... is not our question", "... is no longer a concern");
- fine as it is ("... is fine", "we're happy with ...", "no concerns about ...", "no action needed");
- outside the question's scope ("... is out of scope", "... falls outside this enquiry");
- asked to be left out of the results ("please don't return projects on ...", "... can be excluded",
  "leave it out", or a clause that opens with "Ignore ...", "Exclude ...", "Don't bother with ...").

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
_NOT = r"(?:\bnot|n't)"  # no word boundary inside "isn't"
_DON_T = r"(?:\bdon'?t|\bdo\s+not|\blet's\s+not|\brather\s+not)"
_IT = r"(?:it|that|them|this)"
_DISMISSAL = re.compile(
    "|".join(
        [
            # Not the problem, not what is asked about.
            _NOT + r"\s+(?:"
            r"looking\s+for|interested\s+in|asking\s+(?:about|for)|about|need(?:ing)?\s+(?:any\s+)?(?:help|support|advice)\s+with|"
            r"(?:an?|the|our)\s+(?:main\s+|big\s+|live\s+|real\s+)?(?:problem|issue|priority|focus|concern|worry)|"
            r"what\s+we(?:'re|\s+are)\s+(?:looking\s+for|after|asking\s+about)|"
            r"(?:interested\s+in|after|wanting)\s+anything|"
            r"part\s+of\s+(?:this|what\s+we|(?:our|the)\s+(?:question|ask|request|search)(?=\s*(?:[.,;!?]|$)))|"
            r"for\s+this\s+(?:search|query|request|piece)|(?:our|the)\s+question|what's\s+driving|"
            r"where\s+(?:our|the)\s+(?:gaps?|problems?|issues?)\s+(?:are|is|lies?)|"
            r"something\s+(?:we(?:'re|\s+are)\s+(?:worried|concerned)\s+about|(?:I|we)\s+want\s+(?:results|anything))|"
            r"(?:really\s+|directly\s+)?relevant(?=\s+(?:here\b|to\s+(?:this|what|us|our)\b|for\s+(?:this|us)\b)|,\s*thanks)"
            r")\b",
            # "X: not relevant", "so X isn't relevant", but not "leaflets that are not relevant to them".
            r"[:?,]\s*not\s+(?:really\s+)?relevant\b|\bso\s+[^.;,]*n't\s+relevant\b",
            r"\bnothing\s+to\s+do\s+with\b|\bneither\s+here\s+nor\s+there\b|\bred\s+herring\b",
            r"\bno\s+longer\s+(?:an?\s+)?(?:concern|issue|problem|worry)\b|\bbut\s+not\s+any\s*more\b",
            r"\bwe(?:'re|\s+are)?\s*(?:not|aren't)\s+(?:concerned|worried)\s+(?:with|about)\b",
            # Fine as it is.
            r"\b(?:is|are|'s|'re)\s+(?:fine|going\s+(?:well|fine)|working\s+well|under\s+control|in\s+hand(?!\s+to\b)|all\s+sorted)\b",
            r"\bneeds?\s+no\s+(?:further\s+|more\s+)?(?:attention|action)\b",
            # Content as things are ("we're happy with our ..."), not a wish ("staff would be happy with ...")
            # nor a complaint ("patients are not happy with ...").
            r"(?:\b(?:am|is|are)|'m|'s|'re)\s+(?:very\s+|quite\s+|really\s+)?(?:happy|satisfied|pleased|content)\s+with\b",
            r"\bno\s+(?:concerns?\s+(?:\w+\s+)?(?:about|with|over)|(?:problems?|issues?)\s+with)\b|\bno\s+(?:issues|problems)\s+there\b",
            r"\bno\s+action\s+(?:needed|required)\b|\bleast\s+of\s+our\s+worries\b|\bdone\s+and\s+dusted\b",
            r"\bone\s+(?:thing|area)\s+we(?:'ve|\s+have|'re|\s+are)\s+(?:nailed|doing\s+(?:well|all\s+right|fine))\b",
            r"\ball\s+good(?=\s*(?:[.!;,]|$))|\bno\s+thanks\b|\bso\s+not\s+that\b|\bwe\s+don't\s+(?:have|need)\s+to\s+worry\s+about\b",
            r"(?:\bdoesn't|\bdon't|\bdoes\s+not|\bdo\s+not)\s+need\s+(?:looking\s+at|any\s+(?:more\s+)?attention)\b",
            # Outside the question's scope.
            r"\b(?:out\s+of|outside(?:\s+of)?|beyond|not\s+in)\s+(?:the\s+|our\s+|this\s+|my\s+)?(?:scope|remit)\b",
            r"\b(?:falls?|sits?|is|are)\s+outside\s+(?:of\s+)?(?:this\s+(?:search|request|enquiry|query|piece|question)|what\s+we)\b",
            _NOT
            + r"\s+within\s+(?:(?:our|the|my)\s+remit|what\s+we)\b|n't\s+belong\s+in\s+(?:this|here|the\s+results)\b",
            # Asked to be left out of what is shown: the asker speaks to the search, so a problem that
            # names what a service leaves out ("our criteria exclude them") does not count.
            r"\bignore\s+anything\b|\bdrop\s+anything\b",
            _DON_T + r"\s+(?:want|need|see|return|show|include)\s+(?:any\s+)?(?:results|projects)\b",
            _DON_T + r"\s+(?:want|need|see|return|show|include)\s+anything\s+(?:on|about)\b",
            r"(?:\bso|\bplease|,)\s*(?:don'?t|do\s+not)\s+(?:include|prioriti[sz]e)\s+" + _IT + r"\b",
            r"\blet's\s+not\s+include\b|\bnothing\s+(?:on|about)\b[^.;]*\bplease\b|\bno\s+need\s+to\s+(?:look|show|cover|include|bring|revisit)\b",
            r"\bno\s+need\s+to\s+go\s+(?:there|near)\b|\bdon't\s+go\s+down\s+that\s+route\b",
            r"(?:\bso|\bplease|\bjust|,|\byou\s+can|\bwe\s+can|\bwe'd\s+like\s+to|\blet's)\s+(?:exclude|skip|discount|ignore|rule\s+out)\b",
            r"\b(?:can|could|should)\s+be\s+(?:excluded|ruled\s+out|discounted|disregarded|skipped|left\s+out)\b",
            r"\b(?:like|want)\s+" + _IT + r"\s+excluded\b|\bset\s+" + _IT + r"\s+(?:to\s+one\s+side|aside)\b",
            r"\b(?:leave|keep|rule)\s+" + _IT + r"\s+out(?=\s*(?:[.,;!?]|$))|\boff\s+the\s+table\b|\blet's\s+park\b",
            r"\b(?:leave|keep)\s+"
            + _IT
            + r"\s+out\s+of\s+(?:the\s+)?(?:results|search)\b|\bdidn't\s+include\s+anything\b",
            _DON_T + r"\s+bring\s+" + _IT + r"\s+in\b|\bsteer(?:ing)?\s+clear\s+of\b",
        ]
    ),
    re.IGNORECASE,
)
# A clause that opens by telling the search what to leave out ("Ignore ...", "Don't bother with ...");
# in the middle of a clause the same words describe the problem ("patients don't bother with ...").
_LEAVE_OUT = re.compile(
    r"[\s*•–—-]*(?:please\s+)?(?:"
    r"ignore|exclude|skip|drop|discount|disregard|leave\s+out|rule\s+out|"
    r"(?:don't|do\s+not)\s+(?:bother\s+with|worry\s+about|include)|no\s+need\s+for"
    r")(?=\s)",  # a word of its own: not "Drop-in clinics are full"
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
    dismissed = [
        (start, end)
        for start, end in clauses
        if _DISMISSAL.search(text, start, end) or _LEAVE_OUT.match(text, start, end)
    ]
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
