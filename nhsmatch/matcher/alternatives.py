"""The partners a challenge asks for alternatives to: "Apart from Novartis, which companies have
supported heart failure services?" wants others' work, not Novartis's, though it names Novartis.

A named partner is one to look past when
- the words just before it set it apart: "apart from", "other than", "besides", "excluding",
  "without", "alternatives to", "competitor to", "instead of", "cheaper than", "not", "no", "not
  funded by", "that aren't", "rather than a national charity like", "similar to", "something like",
  "compete with", "a different supplier to", "doing what", or a list of names after one ("apart
  from Novartis and AstraZeneca"); or just after it: "Novartis aside", "Brainomix alternatives",
  "ieso's main competitors";
- or a clause that does not name it asks for other organisations ("who else", "other suppliers",
  "alternatives", "a replacement", "a different partner", "non-industry", "instead", "rivals",
  "anything similar", "anything like it"): "Our Healthy.io
  contract ends next year; who else offers something similar?", "We know about Optellum but want to
  see what else has been piloted.", or the clause that names it as the asker's own or known supplier
  does so after it: "We already commission British Red Cross and want to see what other partners
  have delivered.", "Docobo are the current supplier, so I'd like to see schemes run by other
  companies.";
- or it is gone: "Healthy.io have pulled out of our patch", "Current Health is leaving the UK",
  "Sensyne went into administration", "Docobo are no longer supporting our version";
- or a cue sets apart "them" after its name: "Inhealthcare is the incumbent. Which suppliers apart
  from them ...?"
A clause that names the partner asks about its work: "Has anyone else worked with Doccla?", "What
else has Medtronic done?", as does one that refers back to it ("We already work with AstraZeneca on
asthma. What else have they done?", or a product's "it": "We use Oxevision. Has anyone else
evaluated it?"); other NHS organisations ("other trusts", "other ICBs") are no
alternatives to a partner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from .mentions import Found
from .passages import sentence_spans

_SET_APART_BEFORE = re.compile(
    r"(?:(?:\b(?:apart|aside)\s+from|\bother\s+than|\bbesides|\bexcept(?:\s+for)?|\bexcluding|\bwithout|"
    r"\b(?:alternatives?|comparators?|competitors?)\s+(?:to|of|for)|\binstead\s+of|\b(?:rather|wider)\s+than|"
    r"\bin\s+place\s+of|\breplac(?:e|ing|ement\s+for)|\bswitch(?:ing)?\s+(?:away\s+)?from|\bmov(?:e|ing)\s+away\s+from|"
    r"\bbeyond|\b(?:cheaper|better|simpler)\s+than|\b(?:similar|comparable|equivalent|analogous)\s+(?:[\w-]+\s+){0,2}?to|"
    r"\b(?:something|anything|anyone|anybody|someone|somebody|products?|tools?|platforms?|solutions?|offerings?|ones?)"
    r"\s+(?:else\s+)?like|\b(?:same|similar)\s+(?:sort|kind|type)\s+of\s+(?:[\w-]+\s+){0,3}?as|"
    r"\belse\s+(?:is\s+there\s+|(?:is\s+)?out\s+there\s+)?like|\b(?:doing|does|do|offer(?:s|ing)?|provid(?:e|es|ing))\s+what|"
    r"\b(?:different|other|alternative|another)\s+(?:[\w-]+\s+){0,2}?(?:suppliers?|providers?|compan(?:y|ies)|vendors?|partners?)"
    r"\s+(?:to|from)|\bcompet(?:e|es|ing)\s+with|\b(?:rivals?|equivalents?|substitutes?)\s+(?:to|of|for)|\b(?:anyone|anybody|someone|somebody|any\s+\w+)\s+but|\bno|"
    r"\baren'?t|\bare\s+not|\bisn'?t|\bis\s+not|"
    r"n't\s+(?:involve|include)|\bnot(?:\s+(?:involving|including|(?:funded|sponsored|supported|run|led|backed|paid\s+for|"
    r"delivered|provided|supplied)))?)"
    r"\s+(?:(?:with|from|by|for)\s+)?(?:the\s+likes\s+of\s+|the\s+|(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:compan(?:y|ies)|"
    r"firms?|suppliers?|providers?|vendors?|partners?|charit(?:y|ies)|organi[sz]ations?)\s+(?:like|such\s+as)\s+(?:the\s+)?)?"
    r"|\bnon-)$",  # "non-Boehringer precedents"
    re.IGNORECASE,
)
# "Novartis aside", but not "Doccla, apart from virtual wards, ..."; "Brainomix alternatives", "ieso's
# main competitors".
_SET_APART_AFTER = re.compile(
    r"(?:'s)?(?:\s*,?\s*(?:aside|apart|excepted|excluded)\b(?!\s+from)|"
    r"\s+(?:(?:main|closest|nearest|biggest|direct|obvious)\s+)?(?:alternatives?|competitors?|rivals?|equivalents?|"
    r"substitutes?|lookalikes?|replacements?)\b(?!\s+to\s+(?:an?\s+|the\s+)?(?:hospital|admission)))",
    re.IGNORECASE,
)
# Between two names of one list: "Novartis, AstraZeneca and Pfizer", "Doccla or Luscii".
_LIST_JOINER = re.compile(
    r"(?:'s)?\s*(?:,\s*(?:and|or|nor)?|and|or|nor|&|/)\s*(?:with\s+|from\s+|the\s+)?", re.IGNORECASE
)
_OTHERS_ASKED = re.compile(
    r"\b(?:who|anyone|anybody|nobody|no\s+one|someone|somebody|what)\s+else\b|\b(?:who|what)\s+(?:are|were)\s+the\s+others\b|"
    r"\b(?:other|another|different|alternative|second|similar|comparable|competing|rival)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:suppliers?|providers?|compan(?:y|ies)|partners?|organi[sz]ations?|orgs?|vendors?|firms?|players?|platforms?|"
    r"systems?|set-?ups?|tools?|options?|products?|solutions?)\b|"
    # Not "alternatives to admission", "a hip replacement", "hormone replacement therapy", "not alternatives".
    r"(?<!\bnot\s)(?<!\bno\s)\balternatives\b"
    r"(?!\s+to\s+(?:an?\s+|the\s+)?(?:hospital|admission|A&E|ED|emergency|inpatient))|"
    r"\b(?:a|an|the|any|find|need)\s+replacement\b(?!\s+therapy)|\bcomparators?\b|"
    r"\b(?:(?:their|its)\s+(?:(?:main|closest|nearest|biggest|direct)\s+)?)?(?:competitors?|rivals?|equivalents?)\b|"
    r"\bnon-(?:pharma|industry|commercial|company)|\bin\s+(?:its|their)\s+place\b|"
    r"\b(?:anything|something)\s+(?:else\s+)?(?:similar|comparable|equivalent|like|cheaper|better\s+value|"
    r"less\s+expensive|more\s+affordable)\b",
    re.IGNORECASE,
)
# The asker's own or known supplier, before its name: "the network currently uses Brainomix", "we
# already commission British Red Cross", "our incumbent, Docobo", "we know about Annalise already".
_THEIR_OWN = re.compile(
    r"(?:\b(?:use[sd]?|using|commission(?:s|ed)?|(?:contract|work(?:s|ing)?|partner(?:s|ing)?)\s+with|buy\s+from|"
    r"trial(?:l?ed|l?ing)|pilot(?:ed|ing)|tried|"
    r"rel(?:y|ies|ied)\s+on|(?:know|knew|heard)\s+(?:about|of)|aware\s+of|already\s+(?:seen|looked\s+at|tried))|"
    r"\b(?:current|existing|incumbent)(?:\s+(?:supplier|provider|vendor|partner))?(?:\s+is|\s+are|,))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# The same, after its name: "Docobo are the current supplier", "Doccla's contract ends in March",
# "Inhealthcare is the incumbent", "British Red Cross currently provide our service".
_THEIR_OWN_AFTER = re.compile(
    r"(?:'s)?\s+(?:(?:is|are)\s+(?:the|our)\s+(?:(?:current|existing|incumbent)\s+)?(?:incumbent|supplier|provider|vendor)|"
    r"(?:currently|already)\s+(?:provides?|supply|supplies|runs?|delivers?|hosts?)\s+(?:our|the)\b|"
    r"(?:contract|deal|agreement)(?:\s+[\w-]+){0,5}?\s+(?:ends|is\s+ending|expires|is\s+expiring|runs\s+out|is\s+up))",
    re.IGNORECASE,
)
# A partner no longer there to work with: "Healthy.io have pulled out of our patch", "Current
# Health is leaving the UK market", "Sensyne went into administration". Its work is still a
# precedent, but the asker needs another's.
_GONE_AFTER = re.compile(
    r"(?:'s)?\s+(?:(?:is|are|has|have)\s+(?:now\s+|just\s+|recently\s+)?(?:pulled\s+out|pulling\s+out|withdrawn|"
    r"withdrawing|(?:leaving|left|exiting|exited)\s+(?:the\s+(?:UK|NHS|market|country|sector)|our\s+\w+)|"
    r"gone\s+(?:bust|under|into\s+administration))|went\s+(?:bust|under|into\s+administration)|collapsed|"
    r"(?:has\s+|have\s+)?(?:ceased|stopped)\s+trading|(?:is|are)\s+no\s+longer\s+(?:supporting|providing|offering|"
    r"supplying|available|trading))\b",
    re.IGNORECASE,
)
# Only in a clause that does not name the partner: "Has anyone used nurse-led clinics instead?" ("Thinking
# of using Wysa instead" makes Wysa the alternative).
_INSTEAD = re.compile(r"\binstead\b(?!\s+of)", re.IGNORECASE)
# A partner named before, set apart by a cue: "Which suppliers apart from them ...?" (not "besides their
# inclisiran programmes", which sets apart some of its work).
_THEM = re.compile(r"\bthem\b", re.IGNORECASE)
# How far before a name its cue may start: longer than any of _SET_APART_BEFORE's or _THEIR_OWN's.
_CUE_REACH = 60
_REFERS_BACK = re.compile(r"\b(?:they|them|their|theirs)\b", re.IGNORECASE)
# A product is "it": "We use Oxevision. Has anyone else evaluated it?" (a company's "it" is rarer
# than the "it" of "who else has done it?", "to keep it fair").
_REFERS_BACK_TO_PRODUCT = re.compile(r"\b(?:they|them|their|theirs|it)\b", re.IGNORECASE)
# What the ask itself refers back to: "Are there other options like it?" asks for others.
_LIKE_IT = re.compile(r"\b(?:like|(?:similar|comparable|equivalent)\s+to)\s+(?:it|them|theirs)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]\s+|\s+[-–—]\s+|,?\s+but\s+", re.IGNORECASE)


def alternatives_wanted_to(text: str, found: Sequence[Found]) -> list[Found]:
    """Of the partners `found` in `text` (in order), the mentions of those the text asks for
    alternatives to (module docstring)."""
    clauses = _clauses(text)
    clause_of = [next(i for i, (start, end) in enumerate(clauses) if start <= hit.start < end) for hit in found]
    set_apart = [bool(_SET_APART_BEFORE.search(text, max(0, hit.start - _CUE_REACH), hit.start)) for hit in found]
    for i in range(1, len(found)):  # "apart from Novartis and AstraZeneca": the list's names follow the first
        if set_apart[i - 1] and _LIST_JOINER.fullmatch(text, found[i - 1].end, found[i].start):
            set_apart[i] = True
    for i in reversed(range(len(found))):  # "Novartis and AstraZeneca aside": they come before the last
        listed_before = i + 1 < len(found) and _LIST_JOINER.fullmatch(text, found[i].end, found[i + 1].start)
        if _SET_APART_AFTER.match(text, found[i].end) or (listed_before and set_apart[i + 1]):
            set_apart[i] = True
    for i, (hit, c) in enumerate(zip(found, clause_of, strict=True)):  # "uses X, and what other vendors ...?"
        before = _THEIR_OWN.search(text, max(0, hit.start - _CUE_REACH), hit.start)
        after = _THEIR_OWN_AFTER.match(text, hit.end)
        rest = text[after.end() if after else hit.end : clauses[c][1]]  # the cue's own words ask for nothing
        own_and_others = bool(before or after) and _asks_for_others(rest, product=hit.product)
        set_apart[i] = set_apart[i] or own_and_others or bool(_GONE_AFTER.match(text, hit.end))
    for pronoun in _THEM.finditer(text):  # "Which suppliers apart from them ...?"
        if _SET_APART_BEFORE.search(text, max(0, pronoun.start() - _CUE_REACH), pronoun.start()):
            set_apart = [apart or hit.end <= pronoun.start() for hit, apart in zip(found, set_apart, strict=True)]
    named_in, product = set(clause_of), any(hit.product for hit in found)
    if any(
        _asks_for_others(text[start:end], elsewhere=True, product=product)
        for c, (start, end) in enumerate(clauses)
        if c not in named_in
    ):
        set_apart = [True] * len(found)
    return [hit for hit, apart in zip(found, set_apart, strict=True) if apart]


def without_names(text: str, hits: Sequence[Found]) -> str:
    """The text less the names `hits` found (and their "'s"), so that neither BM25 nor the model
    reads them: "Apart from, which companies ..." is about what the companies did."""
    kept, start = [], 0
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.start < start:  # a short name several share: one place, found once for each
            continue
        kept.append(text[start : hit.start])
        start = hit.end + (2 if text.startswith("'s", hit.end) else 0)
    spaced = re.sub(r"[ \t]{2,}", " ", "".join([*kept, text[start:]]))
    return re.sub(r"[ \t]+(?=[,.;:?!])", "", spaced).strip()


def _asks_for_others(clause: str, *, elsewhere: bool = False, product: bool = False) -> bool:
    """Whether the clause asks for other organisations; `elsewhere`: it does not name the partner;
    `product`: the partner was named by a product, which the clause may call "it"."""
    asked = _OTHERS_ASKED.search(clause) or (elsewhere and _INSTEAD.search(clause))
    if not asked:
        return False
    rest = _LIKE_IT.sub("", clause[: asked.start()] + clause[asked.end() :])
    return not (_REFERS_BACK_TO_PRODUCT if product else _REFERS_BACK).search(rest)


def _clauses(text: str) -> list[tuple[int, int]]:
    """The text's sentences divided where a clause may stand alone ("...; who else ...", "... but
    want to see what else ..."), covering the whole text."""
    bounds = [0, *(end for _, end in sentence_spans(text)), len(text)]
    bounds += [gap.end() for gap in _CLAUSE_BREAK.finditer(text)]
    cuts = sorted(set(bounds))
    return [(start, end) for start, end in pairwise(cuts) if end > start] or [(0, len(text))]
