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
"""

from __future__ import annotations

import itertools
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


def anchors(conditions: Sequence[set[str]], weights: Sequence[float]) -> list[int]:
    """The sentences that may anchor a problem as read in the challenge: about the problem, naming a condition."""
    pairs = enumerate(zip(conditions, weights, strict=True))
    return [i for i, (named, weight) in pairs if named and weight >= CONCEPT_WEIGHT]


def linked_by_conditions(conditions: Sequence[set[str]], related: RelatedConditions) -> Callable[[int, int], bool]:
    return lambda a, b: any(related.related(x, y) for x in conditions[a] for y in conditions[b])


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


def problems(anchor_groups: Sequence[Sequence[int]], weights: Sequence[float]) -> list[list[int]]:
    """Each problem's sentences, in the challenge's order: its anchors, the sentences about the problem
    that follow one of them up to another problem's anchor, and those before the first anchor."""
    problem_of = {i: p for p, group in enumerate(anchor_groups) for i in group}
    members: list[list[int]] = [[] for _ in anchor_groups]
    current: int | None = None
    for i, weight in enumerate(weights):
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
