"""Separate problems in one challenge, to be searched one at a time.

A leader may put two problems in one challenge ("People with AF are not anticoagulated. Separately,
our haematology clinics are overloaded with stable MPN follow-ups."). Read as one text, the problem
with more records like it fills the list and the other gets none (README, *Separate problems*).

A problem is anchored by the conditions it names (vocabulary concepts of kind "condition"): services,
aims and staff are facets of one problem ("our community nurses are stretched"), not problems of
their own. An anchor is a sentence about the problem, both as read in the challenge (weight at least
CONCEPT_WEIGHT, background.py) and read alone (chance at least ALONE_CHANCE), so background that
names a service ("the community trust delivers district nursing and physiotherapy") anchors nothing.
Two anchors are one problem when they name the same or related conditions (named together in at
least RELATED_SHARE of the records naming the rarer: AF and stroke, diabetes and kidney disease), or
when, read alone, they have SHARED_NEIGHBOURS of their NEIGHBOURS closest records in common. Each
other sentence about the problem belongs to the problem before it ("... MPN follow-ups. The nurses
who run them are leaving."); those before the first anchor, to every problem.

A writer may also say where a new problem begins ("Separately, …", "Another issue: …", "On a
different note, …"). Those words split the challenge into parts. In a part that names no condition,
its first sentence about the problem, read in the challenge and alone, anchors it (failing one, its
sentence about the problem in the challenge that reads most so alone); a sentence in a part belongs
to that part's problem; and anchors in different parts are one problem only when, read alone, they
share their closest records (the writer's word outweighs conditions the records name together).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from .background import CONCEPT_WEIGHT
from .vocabulary import Concept

RELATED_SHARE = 0.25
ALONE_CHANCE = 0.5  # read alone, more likely about the problem than not
NEIGHBOURS = 10
SHARED_NEIGHBOURS = 2

T = TypeVar("T")

# How a writer says a new, unrelated problem begins, in a sentence's first _OPENING_WORDS words.
_OPENING_WORDS = 12
_SET_APART = re.compile(
    "|".join(
        [
            # The new topic is called separate, unrelated or different.
            # "Separately" as a word about the sentence, not the care ("seen separately by two teams").
            r"^\W*(?:\w+\W+){0,3}?separately\b|\bseparately\s*[,:;\-–—)]",
            r"\bunrelated(?:ly)?\b|\bunconnected\b|\bindependently\s+of\b",
            r"\bnot\s+(?:\w+\s+)?(?:linked|connected|related)\b|\b(?:something|somewhere)\s+(?:else|different)\b",
            r"\belse\s+entirely\b|\bquite\s+(?:apart|different)\b|\b(?:completely|entirely|totally|very)\s+different\b",
            r"\b(?:different|distinct|separate)\s+(?:\w+\s+)?(?:topic|subject|matter|area|service|part|pathway|problem|issue|"
            r"challenge|priority|question|thing|point|workstream|programme|team|department|specialty|note)s?\b",
            # What went before is set to one side.
            r"\b(?:apart|aside|away)\s+from\s+(?:all\s+)?(?:this|that|these|those|the\s+above)\b",
            r"\b(?:outside(?:\s+of)?|besides|other\s+than)\s+(?:this|that|the\s+above)\b",
            # The writer turns to the next topic.
            r"\b(?:chang(?:e|ing)\s+(?:of\s+)?(?:the\s+)?(?:subject|topic)|switching\s+(?:gears|topics?|subjects?|focus))\b",
            r"^\W*(?:\w+,?\s+)?(?:moving\s+on|turning\s+(?:now\s+)?to)\b",
            r"\b(?:while|whilst)\s+(?:I|we)(?:'ve|\s+have)\s+(?:got\s+)?you\b|\b(?:while|whilst)\s+(?:I'm|I\s+am)\s+(?:at\s+it|writing)\b",
            r"\bon\s+(?:a|an|one)\s+(?:\w+\s+)?(?:separate|different|unrelated|other|new|second)\s+"
            r"(?:note|front|matter|point|subject|topic)\b|\bon\s+another\s+(?:note|front|matter|point|subject|topic)\b",
            r"^\W*p\.?s\b|\bone\s+(?:more|last|other)\s+thing\b",
            # Another problem, or the second of a list.
            r"\banother\b(?:[\s,]+[\w'-]+){0,2}?[\s,]+(?:problem|issue|challenge|concern|priority|question|matter|"
            r"thing|topic|headache|worry|area|request|ask)s?\b",
            r"\b(?:the|our|my|one|a)\s+(?:\w+\s+)?other\s+(?:\w+\s+)?(?:problem|issue|challenge|concern|"
            r"priority|question|matter|thing|topic|headache|worry|area|request|ask)s?\b",
            r"\b(?:a|the|our|my)\s+(?:\w+\s+)?(?:second|2nd|further|new)[\s,]+(?:[\w'-]+[\s,]+){0,2}?(?:problem|"
            r"issue|challenge|concern|priority|question|matter|topic|headache|worry|area|request|ask)s?\b",
            r"^\W*(?:\(?(?:2|ii|b)\)|(?:item|problem|issue|challenge|priority|point|question|topic)\s+(?:2|two|b|ii)\b)",
        ]
    ),
    re.IGNORECASE,
)
# Words that tie the new sentence back to the problem before it ("another issue with this pathway",
# "a different angle on the same issue"), unless negated ("not linked to the above"); "the same
# patients keep coming back" ties nothing back.
_TIED_BACK = re.compile(
    r"(?<!\bnot\s)(?<!n't\s)\b(?:related|connected|linked|linking|consequences?|result|knock-on|caused|causes|"
    r"creates|side|aspect|same\s+(?:\w+\s+)?(?:problem|issue|challenge|topic|theme|point|thing|matter|service|pathway)|"
    r"(?:with|within|of|in|on|behind|to|about|from)\s+(?:this|these|that|it)\b(?!\s+(?:year|winter|month)))\b",
    re.IGNORECASE,
)
_SET_BACK = re.compile(
    r"\b(?:apart|aside|away|independently|unrelated|outside|besides|other\s+than|"
    r"not\s+(?:\w+\s+)?(?:linked|connected|related))\s+(?:of\s+|from\s+|to\s+)?$",
    re.IGNORECASE,
)


def opens_new_problem(sentence: str) -> bool:
    """Whether the sentence's first words say it begins a new problem, unrelated to the one before."""
    opening = " ".join(sentence.split()[:_OPENING_WORDS])
    if not _SET_APART.search(opening):
        return False
    return not any(not _SET_BACK.search(opening[: tie.start()]) for tie in _TIED_BACK.finditer(opening))


class RelatedConditions:
    """Which conditions the records name together: co-morbidities and one condition's complications
    (AF and stroke) go together, unrelated ones (AF and blood cancers) never do."""

    def __init__(self, records_concepts: Iterable[Iterable[Concept]]) -> None:
        self._alone: Counter[str] = Counter()
        self._together: Counter[tuple[str, str]] = Counter()
        for concepts in records_concepts:
            names = sorted({c.name for c in concepts if c.kind == "condition"})
            self._alone.update(names)
            self._together.update(itertools.combinations(names, 2))

    def related(self, a: str, b: str) -> bool:
        if a == b:
            return True
        rarer = min(self._alone[a], self._alone[b])
        return rarer > 0 and self._together[min(a, b), max(a, b)] >= RELATED_SHARE * rarer


def parts(sentences: Sequence[str]) -> list[int]:
    """The part each sentence is in: a new one begins at each sentence that opens a new problem."""
    numbers, part = [], 0
    for i, sentence in enumerate(sentences):
        part += bool(i and opens_new_problem(sentence))
        numbers.append(part)
    return numbers


def anchors(conditions: Sequence[set[str]], weights: Sequence[float], part: Sequence[int]) -> list[int]:
    """The sentences that may anchor a problem as read in the challenge: about the problem and naming a
    condition, or in a challenge in parts, any about the problem (`openings` keeps one a part)."""
    about = [i for i, weight in enumerate(weights) if weight >= CONCEPT_WEIGHT]
    return about if part[-1] else [i for i in about if conditions[i]]


def openings(
    candidates: Sequence[int], chances: Sequence[float], conditions: Sequence[set[str]], part: Sequence[int]
) -> list[int]:
    """The anchors among the candidates, given how likely each is about the problem read alone: those
    naming a condition that read so (ALONE_CHANCE); in a part where none does, its first that reads so,
    or failing one, the one that reads most so ("We also have another issue." reads as none)."""
    alone = dict(zip(candidates, chances, strict=True))
    named = [i for i in candidates if conditions[i] and alone[i] >= ALONE_CHANCE]
    if not part[-1]:  # in a challenge in one part, every candidate names a condition
        return named
    named_parts = {part[i] for i in named}
    unnamed: dict[int, list[int]] = {}
    for i in candidates:
        if part[i] not in named_parts:
            unnamed.setdefault(part[i], []).append(i)
    opening = [
        next((i for i in members if alone[i] >= ALONE_CHANCE), max(members, key=alone.__getitem__))
        for members in unnamed.values()
    ]
    return sorted([*named, *opening])


def linked_by_conditions(
    conditions: Sequence[set[str]], related: RelatedConditions, part: Sequence[int]
) -> Callable[[int, int], bool]:
    return lambda a, b: part[a] == part[b] and any(related.related(x, y) for x in conditions[a] for y in conditions[b])


def linked_by_neighbours(neighbours: dict[int, set[int]]) -> Callable[[int, int], bool]:
    return lambda a, b: len(neighbours[a] & neighbours[b]) >= SHARED_NEIGHBOURS


def grouped(sentences: Sequence[int], linked: Callable[[int, int], bool]) -> list[list[int]]:
    """The sentences in groups, each the sentences linked to one another directly or through
    others; groups in order of their first sentence."""
    group_of = {i: i for i in sentences}

    def root(i: int) -> int:
        while group_of[i] != i:
            i = group_of[i]
        return i

    for a, b in itertools.combinations(sentences, 2):
        if root(a) != root(b) and linked(a, b):
            group_of[root(b)] = root(a)
    groups: dict[int, list[int]] = {}
    for i in sentences:
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def problems(anchor_groups: Sequence[Sequence[int]], weights: Sequence[float], part: Sequence[int]) -> list[list[int]]:
    """Each problem's sentences, in the challenge's order: its anchors, the sentences about the problem
    that follow one of them up to another problem's anchor or part, those in a part before its first
    anchor, and those before the first anchor."""
    problem_of = {i: p for p, group in enumerate(anchor_groups) for i in group}
    opens: dict[int, int] = {}  # each part's problem from its start: that of its first anchor
    for i in sorted(problem_of):
        opens.setdefault(part[i], problem_of[i])
    members: list[list[int]] = [[] for _ in anchor_groups]
    current: int | None = None
    for i, weight in enumerate(weights):
        if i and part[i] != part[i - 1]:
            current = opens.get(part[i], current)
        current = problem_of.get(i, current)
        if i in problem_of or weight >= CONCEPT_WEIGHT:
            for p in range(len(members)) if current is None else (current,):
                members[p].append(i)
    return members


def in_turn(lists: Sequence[Sequence[T]]) -> Iterator[T]:
    """The lists' items taken in turn: the first of each, then the second of each, and so on."""
    for rank in range(max((len(items) for items in lists), default=0)):
        yield from (items[rank] for items in lists if rank < len(items))


def interleaved(lists: Sequence[Sequence[T]], key: Callable[[T], object], limit: int) -> list[T]:
    """The lists' items taken in turn, each key once, up to `limit`."""
    taken: list[T] = []
    seen: set[object] = set()
    for item in in_turn(lists):
        if len(taken) == limit:
            break
        if (k := key(item)) not in seen:
            seen.add(k)
            taken.append(item)
    return taken
