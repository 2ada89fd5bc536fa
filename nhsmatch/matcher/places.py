"""The places a challenge names, read as where the asker is rather than as part of the problem.

"In Lincolnshire, nurses can't find infusion pumps or free beds" is about finding pumps and beds.
A place's name is a rare word, so BM25 and the model both drew the records from that place: an
unrelated cardio-diabetic service in Lincoln came first, labelled strong. What the model and BM25
read has each place as "our area" instead, the way the records' own challenges say it; the
sentences shown back to the asker keep the words typed. The places' regions are the likely
partners' `near` hint when the request gives none. Places are found by the rules organisations'
names are (mentions.py): "Reading the audit, ..." names no place, "our A&E in Reading" does, and
"we're in lincolnshire" names Lincolnshire.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .mentions import NameFinder
from .models import NamedPlace
from .taxonomy import Region

AS_ANYWHERE = "our area"
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


class Places:
    """A gazetteer: the places people name (corpus/data/places.toml), each with its regions."""

    def __init__(
        self,
        regions: Mapping[str, Iterable[Region]] | None = None,
        *,
        as_written: Iterable[str] = (),
        not_in: Iterable[str] = (),
    ) -> None:
        """`regions`: each place's regions; `as_written`: the places whose names are everyday words
        ("Bath", "Reading"), which count only capitalised and, if one word, not at a sentence's start;
        `not_in`: phrases in which a place's name names something else ("Glasgow Coma Scale")."""
        self._regions = {place: tuple(dict.fromkeys(of)) for place, of in (regions or {}).items()}
        everyday = set(as_written)
        one_word = {place for place in everyday if " " not in place}
        forms = {place: place for place in self._regions}
        self._finder = NameFinder(forms, as_written=everyday, not_first=one_word, not_in=not_in)

    def named_in(self, text: str) -> list[NamedPlace]:
        """The places the text names, in the order it first names them."""
        names = dict.fromkeys(found.name for found in self._finder.found_in(text))
        return [NamedPlace(name=name, regions=list(self._regions[name])) for name in names]

    def as_anywhere(self, text: str) -> str:
        """The text with each place it names read as "our area" ("the North East" too)."""
        pieces, done = [], 0
        for found in self._finder.found_in(text):
            the = _THE_BEFORE.search(text, done, found.start)
            start = the.start() if the else found.start
            pieces += [text[done:start], AS_ANYWHERE]
            done = found.end
        return "".join([*pieces, text[done:]])
