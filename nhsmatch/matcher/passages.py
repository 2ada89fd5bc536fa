"""Which text of a record is searched: the recipe the index is built with and ranking relies on.

Each record gets one vector per *field view* and one per *passage*:
- field views: ``problem`` (title + challenge), ``intervention``, and ``document`` (title,
  challenge, intervention and outcomes together, the vector the ANN index is built on);
- passages: each sentence of the challenge and intervention and each outcome; they are what
  ``why`` quotes, and their best match is a ranking signal of its own.
The lexical (BM25) index sees ``problem`` and ``document`` too. Every text is expanded with the NHS
vocabulary's concept names before it is embedded or indexed, so "AF" meets "atrial fibrillation";
the concepts found are stored with the index, so opening it scans no text.
Boilerplate (partners, publisher, URL) is left out: it would make every Novartis record look
alike. Bump RECIPE_VERSION whenever this changes, so that old indexes are rebuilt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .interfaces import Span
from .models import Partnership
from .vocabulary import Vocabulary

RECIPE_VERSION = "8"  # 8: a clause that says a new problem begins ends a sentence
FIELD_VIEWS = ("problem", "intervention", "document")
LEXICAL_FIELDS = ("problem", "document")
CONCEPT_SOURCES = ("record", *FIELD_VIEWS)  # "record": concept_text, what shared_concepts compares

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Za-z0-9\"'(])")
_ABBREVIATION_END = re.compile(r"\b(?:e\.g|i\.e|etc|vs|Dr|St|No|approx|incl)\.$")
# Before a lower-case word, a full stop after a Capitalised word ("Ltd.", "Mr."), an initialism
# ("C.I.C.") or a lone letter is more likely an abbreviation's than a sentence's end.
_NAME_OR_INITIAL_END = re.compile(r"(?:\b[A-Z][a-z]+|[A-Za-z]\.[A-Za-z]|\b[A-Za-z])\.$")
_LIST_ITEM = r"(?:[-*•–]|\d{1,2}[.)])"  # "- ", "• ", "2. ", "3) "
_LIST_MARK = re.compile(rf"{_LIST_ITEM}(?:\s+|$)")
_BLOCK_BREAK = re.compile(rf"\n\s*\n|\n(?=[ \t]*{_LIST_ITEM}\s)")  # a blank line; a list item's line
# A clause that says a new, unrelated problem begins ("..., and separately, our dental service
# ...") starts a sentence of its own, so the problems are read apart as when it starts one
# (problems.py). "Separately" must be about the clause, not the care in it ("..., and separately by
# the diabetes team", "..., and separately funded clinics").
_SEPARATELY = r"separately(?=[\s,;:]+\w)(?!\s*(?:by|from|with|for|to|as|or|and|of)\b|\s+\w+ed\b)"
_CLAUSE_OPENINGS = [
    _SEPARATELY,
    r"unrelated(?:ly)?\s*[,:;]",
    r"on\s+(?:a|an)\s+(?:\w+\s+)?(?:separate|different|unrelated)\s+(?:note|matter|subject)\b",
    r"(?:a|our|the)\s+(?:second|other|separate|different)\s+(?:problem|issue|challenge|priority)\b",
    r"another\s+(?:\w+\s+)?(?:problem|issue|challenge)\b",
]
# Cut at the punctuation before the opening, or before "and separately" typed without any.
_NEW_PROBLEM_CLAUSE = re.compile(
    rf"(?:\s*[,;:]|\s+[-–—])\s+(?=(?:(?:and|but|also)\s+)?(?:{'|'.join(_CLAUSE_OPENINGS)}))"
    rf"|\s+(?=(?:and|but)\s+{_SEPARATELY})",
    re.IGNORECASE,
)
# Words that lead into the clause rather than make one ("Secondly, on an unrelated matter: ...").
_LEAD_IN = re.compile(
    r"\W*(?:(?:and|but)\s+)?(?:first|second|third|next|then|finally|lastly|also|further|furthermore|further\s+to\s+"
    r"(?:this|that)|in\s+addition|additionally|besides|beyond\s+(?:this|that)|on\s+top\s+of\s+(?:this|that)|now)(?:ly)?\W*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Passage:
    """A sentence of a record, located by the record's row and the field it came from."""

    row: int
    field: str
    text: str


def split_sentences(text: str) -> list[str]:
    """Sentences of a prose field; abbreviations such as "e.g." don't end one."""
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[Span]:
    """Where split_sentences' sentences are in the text, as character offsets. A sentence may
    start in lower case, as people type into a search box ("... are stretched. we need ..."), and a
    blank line or a list item ends one, full stop or not, as in a pasted briefing's bullet points."""
    return [span for (start, end), _ in _blocks(text) for span in _sentences_in_block(text, start, end)]


def tidy_spacing(text: str) -> str:
    """The text with regular spacing that splits into the same sentences: each run of spaces and
    line breaks becomes one space, but for a blank line or a line break before a list item."""
    return "".join(
        " ".join(text[start:end].split()) + ("\n\n" if block_break.count("\n") > 1 else block_break[:1])
        for (start, end), block_break in _blocks(text)
    ).strip()


def _blocks(text: str) -> list[tuple[Span, str]]:
    """The parts of the text between blank lines and list items' line breaks, each with the break
    that ends it ("" for the last)."""
    blocks: list[tuple[Span, str]] = []
    start = 0
    for block_break in _BLOCK_BREAK.finditer(text):
        blocks.append(((start, block_break.start()), block_break.group()))
        start = block_break.end()
    return [*blocks, ((start, len(text)), "")]


def _sentences_in_block(text: str, start: int, end: int) -> list[Span]:
    block = text[start:end]
    start, end = start + len(block) - len(block.lstrip()), start + len(block.rstrip())
    if list_mark := _LIST_MARK.match(text, start, end):
        start = list_mark.end()
    pieces: list[Span] = []
    for gap in _SENTENCE_END.finditer(text, start, end):
        if text[gap.end()].islower() and _NAME_OR_INITIAL_END.search(text, start, gap.start()):
            continue
        pieces.append((start, gap.start()))
        start = gap.end()
    pieces.append((start, end))
    spans: list[Span] = []
    for piece in pieces:
        if spans and _ABBREVIATION_END.search(text, spans[-1][0], spans[-1][1]):
            spans[-1] = (spans[-1][0], piece[1])
        elif piece[1] > piece[0]:
            spans.append(piece)
    return [clause for span in spans for clause in _clauses(text, span)]


def _clauses(text: str, span: Span) -> list[Span]:
    """The sentence cut where a clause in it says a new problem begins (after a clause, not a lead-in)."""
    clauses: list[Span] = []
    start, end = span
    for clause_break in _NEW_PROBLEM_CLAUSE.finditer(text, start, end):
        if clause_break.start() > start and not _LEAD_IN.fullmatch(text, start, clause_break.start()):
            clauses.append((start, clause_break.start()))
            start = clause_break.end()
    return [*clauses, (start, end)]


def view_texts(record: Partnership) -> dict[str, str]:
    """The field views' texts as written (before the vocabulary expands them)."""
    outcomes = " ".join(record.outcomes)
    return {
        "problem": f"{record.title}. {record.challenge}",
        "intervention": record.intervention,
        "document": f"{record.title}. {record.challenge} {record.intervention} {outcomes}",
    }


def concept_text(record: Partnership) -> str:
    """Where a record's own concepts are looked for (shown as `shared_concepts`): its title,
    challenge and intervention."""
    return f"{record.title} {record.challenge} {record.intervention}"


def field_views(record: Partnership, vocabulary: Vocabulary) -> dict[str, str]:
    """The field views' texts, expanded with the vocabulary."""
    return {name: vocabulary.expand(text) for name, text in view_texts(record).items()}


def record_passages(record: Partnership, row: int) -> list[Passage]:
    """The record's sentences as written (they are quoted to users; embed them expanded)."""
    passages = [Passage(row, "challenge", s) for s in split_sentences(record.challenge)]
    passages += [Passage(row, "intervention", s) for s in split_sentences(record.intervention)]
    passages += [Passage(row, "outcomes", outcome) for outcome in record.outcomes]
    return passages


def recipe_id(vocabulary_sha256: str, challenge_sentences_sha256: str) -> str:
    """What the manifest records: the recipe, the vocabulary it expanded texts with and the example
    sentences its classifier of a challenge's sentences was fitted on."""
    return f"{RECIPE_VERSION}+vocabulary:{vocabulary_sha256[:12]}+sentences:{challenge_sentences_sha256[:12]}"
