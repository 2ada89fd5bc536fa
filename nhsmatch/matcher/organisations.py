"""One name per organisation: "Novartis Pharmaceuticals UK Ltd" and "Novartis" are one partner.

Curated aliases (corpus/data/organisations.toml) decide what can't be inferred safely; legal and
country suffixes ("Ltd", "UK", "plc") are stripped for everything else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

# Legal and country suffixes, in any case: "Teva UK Limited" is Teva.
LEGAL_SUFFIXES = re.compile(
    r"(?:\s+(?:ltd|limited|plc|inc|llc|gmbh|co|uk|ukie|uk and ireland|uk ireland|and ireland))+$", re.IGNORECASE
)
_PUNCTUATION = re.compile(r"[^\w\s]+")


@lru_cache(maxsize=65536)  # every match ranks the same few thousand names again: key each once
def organisation_key(name: str) -> str:
    """A comparison key: case, punctuation, "&", a leading "the" and legal suffixes don't count."""
    key = name.lower().replace("&", " and ")
    key = _PUNCTUATION.sub(" ", key)
    key = " ".join(key.split())
    key = key.removeprefix("the ")
    return LEGAL_SUFFIXES.sub("", key) or key


class OrganisationNames:
    """Maps any published spelling of an organisation to its one canonical name."""

    def __init__(
        self,
        aliases: Mapping[str, Iterable[str]] | None = None,
        not_in: Mapping[str, Iterable[str]] | None = None,
        known_as: Mapping[str, Iterable[str]] | None = None,
        products: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        """`aliases`: the spellings of each canonical name; `not_in`: the phrases in which its name
        names something else than it ("the ABPI Code" is a rule book, not the association);
        `known_as`: the short names it shares with other organisations ("Roche" for Roche Products
        and Roche Diagnostics), which name each of them and so are no spelling of one; `products`:
        the names of what it makes that people write for it ("Sleepio" for Big Health), which name
        it in a challenge but are no name of a partner in a record."""
        self._canonical_by_key: dict[str, str] = {}
        self._spellings: dict[str, tuple[str, ...]] = {}
        self._not_in = {canonical: tuple(phrases) for canonical, phrases in (not_in or {}).items()}
        self._known_as = {canonical: tuple(shared) for canonical, shared in (known_as or {}).items()}
        self._products = {canonical: tuple(names) for canonical, names in (products or {}).items()}
        for canonical, names in (aliases or {}).items():
            self._spellings[canonical] = (canonical, *names)
            for name in (canonical, *names):
                key = organisation_key(name)
                taken = self._canonical_by_key.get(key)
                if taken is not None and taken != canonical:
                    raise ValueError(f"{name!r} is listed under both {taken!r} and {canonical!r}")
                self._canonical_by_key[key] = canonical
        for canonical, shared in self._known_as.items():
            for name in shared:
                if (taken := self._canonical_by_key.get(organisation_key(name))) is not None:
                    raise ValueError(f"known_as of {canonical!r} spells {taken!r}: list a short name others share")
        for canonical, names in self._products.items():
            for name in names:
                if (taken := self._canonical_by_key.get(organisation_key(name))) is not None:
                    raise ValueError(f"product {name!r} of {canonical!r} spells the organisation {taken!r}")

    def canonical(self, name: str) -> str:
        """The curated name when the organisation is known, else the name as published."""
        return self._canonical_by_key.get(organisation_key(name), name.strip())

    def spellings(self, canonical: str) -> tuple[str, ...]:
        """The curated spellings of an organisation, its canonical name first; none when not curated."""
        return self._spellings.get(canonical, ())

    def not_in(self, canonical: str) -> tuple[str, ...]:
        """The phrases in which the organisation's name names something else (curated)."""
        return self._not_in.get(canonical, ())

    def known_as(self, canonical: str) -> tuple[str, ...]:
        """The short names the organisation shares with others (curated)."""
        return self._known_as.get(canonical, ())

    def products(self, canonical: str) -> tuple[str, ...]:
        """The names of the organisation's products that people write for it (curated)."""
        return self._products.get(canonical, ())

    def key(self, name: str) -> str:
        """The identity under which mentions of one organisation are counted together."""
        return organisation_key(self.canonical(name))

    def __len__(self) -> int:
        return len(set(self._canonical_by_key.values()))
