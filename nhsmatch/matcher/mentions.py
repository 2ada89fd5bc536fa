"""The precedents' partner organisations a challenge names: "Has anyone worked with Doccla on a
virtual ward?" asks for Doccla's work first, and the model knows no company's name.

A name counts as published, as curated (corpus/data/organisations.toml), or shortened the way people
write it: without its legal suffix ("Teva" for "Teva UK Limited"), a leading "The", or a note in
brackets ("Qure.ai" for "Qure.ai (qXR)"), whose acronym counts too ("RNIB"), and a coined word
without the trade or web address after it ("Sensyne" of "Sensyne Health", "Annalise" of
"Annalise.ai"). A shortened name that is one English word ("Diabetes" of "Diabetes UK", "Age" of
"Age UK", "Current" of "Current Health") is not a name at all, nor is a name within a curated phrase
that names something else ("the ABPI Code").
A name made of English words ("Pathway", "Current Health", "Mental Health Concern") counts only
capitalised as the organisation writes it, and a one-word one not at a sentence's start, unless
curated ("Pathway redesign is overdue" names no one, "Boots ran ..." does): "a mental health concern",
"our current health" name no one. A coined name ("Doccla", "AstraZeneca"), or one word the dictionary
meets only as a name ("Pfizer", "Siemens": the English dictionary lists names too, rarely met),
counts in any case. A short name organisations share, curated as theirs ("Roche" for Roche Products
and Roche Diagnostics), names each of them, and a product curated as an organisation's names it
("Sleepio" names Big Health, "Oxevision" Oxehealth): people name what they use.
Places are found by the same rules (places.py), with their own list of names that are everyday words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from .models import Partnership
from .organisations import LEGAL_SUFFIXES, OrganisationNames
from .spelling import english_word, word_frequency

_BRACKETED = re.compile(r"^(.*?)\s*\(([^()]*)\)$")
_ACRONYM = re.compile(r"^[A-Z]{3,}$")
_WORD = re.compile(r"[^\W\d_]+")
_WORD_RUN = re.compile(r"\w+")
# What a company's name says of its trade, or its web address's ending, which people leave out.
_TRADE = re.compile(
    r"(?:\s+(?:Health(?:care)?|Medical|Technolog(?:y|ies)|Solutions|Systems|Analytics|Data\s+Science|Software))+$"
    r"|\.(?:ai|io|com)$",
    re.IGNORECASE,
)
RARE_IN_ENGLISH = 100  # the dictionary meets "pfizer" 50 times, "cisco" 189 and "pathway" 1,474
_RUNS_INTO = re.compile(r"[\w.]")  # what may not come just before a name
_CONTINUES = re.compile(r"\w|\.\w")  # nor just after it
# What may come before a sentence's first word: "Pathway ..." after these starts a sentence.
_SENTENCE_END = ".!?:;\n\u2022-\u2013\u2014(\"'\u201c\u2018"  # bullets, dashes, brackets and opening quotes too


class NameFinder:
    """Finds given names in a text: `forms` maps each spelling to the name it stands for. Those
    `as_written` count only in the case given, and those `not_first` not as a sentence's first
    word; none counts within a phrase of `not_in`; a longer name wins over a shorter one in it."""

    def __init__(
        self,
        forms: Mapping[str, str],
        *,
        as_written: Iterable[str] = (),
        not_first: Iterable[str] = (),
        not_in: Iterable[str] = (),
    ) -> None:
        self._names = dict(forms)
        self._cased = set(as_written)
        self._not_first = set(not_first)
        # The phrases are found as names are, in any case ("the abpi code").
        self._not_in = NameFinder({phrase: phrase for phrase in not_in}) if not_in else None
        # Each form under its first word, longest first: a text is read word by word, not form by form.
        self._by_first_word: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for form in sorted(forms, key=lambda f: (-len(f), f)):
            if first := _WORD_RUN.search(form):
                self._by_first_word[first.group().lower()].append((form, first.start()))

    def found_in(self, text: str) -> list[Found]:
        """Each name the text gives, where it gives it, in order."""
        elsewhere = [(phrase.start, phrase.end) for phrase in self._not_in.found_in(text)] if self._not_in else []
        found: list[Found] = []
        for word in _WORD_RUN.finditer(text):
            hit = self._form_at(text, word)
            if hit is None or (found and hit.start < found[-1].end):  # within a longer name found
                continue
            if hit.name in self._not_first and _starts_sentence(text, hit.start):
                continue
            if any(start <= hit.start < end for start, end in elsewhere):
                continue
            found.append(hit._replace(name=self._names[hit.name]))
        return found

    def _form_at(self, text: str, word: re.Match[str]) -> Found | None:
        """The longest form the text gives from `word` on (its `name` the form), a whole name: no word
        or "." runs into it, and none continues it ("Healthy.io" ends at its "o", not within a word)."""
        for form, offset in self._by_first_word.get(word.group().lower(), ()):
            start = word.start() - offset
            end = start + len(form)
            given = text[max(start, 0) : end]
            if start < 0 or (given != form and (form in self._cased or given.lower() != form.lower())):
                continue
            if not (start and _RUNS_INTO.match(text, start - 1)) and not _CONTINUES.match(text, end):
                return Found(form, start, end)
        return None


class Found(NamedTuple):
    """A name found in a text: the name it stands for, and where the text gives it; `product`: the
    text names one of its products ("Sleepio"), which says what the asker means as well as who."""

    name: str
    start: int
    end: int
    product: bool = False


class PartnerMentions:
    """Finds, in a text, the organisations `partner_names` spell (canonically, as `names` keys them)."""

    def __init__(self, names: OrganisationNames, partner_names: Iterable[str]) -> None:
        forms: dict[str, str] = {}  # a spelling as written -> its organisation's canonical name
        curated: set[str] = set()
        not_in: set[str] = set()
        self._sharing: dict[str, list[str]] = defaultdict(list)  # a shared short name -> the organisations
        self._products: set[str] = set()
        for published in dict.fromkeys(partner_names):
            canonical = names.canonical(published)
            curated.update(names.spellings(canonical))
            not_in.update(names.not_in(canonical))
            for form in _shortened({published, canonical, *names.spellings(canonical)}):
                forms.setdefault(form, canonical)
            for product in names.products(canonical):  # by the rules of names: "Streams" only capitalised, not first
                forms.setdefault(product, canonical)
                self._products.add(product.lower())
            for shared in names.known_as(canonical):
                if canonical not in self._sharing[shared]:
                    self._sharing[shared].append(canonical)
        curated.update(self._sharing)
        for shared in self._sharing:  # an organisation's own spelling wins over a short name it shares
            forms.setdefault(shared, shared)
        everyday = {form for form in forms if _in_words(form) and not _rare_one_word(form)}
        one_word = {form for form in everyday - curated if " " not in form}
        self._finder = NameFinder(forms, as_written=everyday, not_first=one_word, not_in=not_in)

    @classmethod
    def of_records(cls, names: OrganisationNames, records: Iterable[Partnership]) -> PartnerMentions:
        """The finder of the records' partners: industry and others, not the NHS's."""
        return cls(names, (partner.name for record in records for partner in record.non_nhs_partners))

    def found_in(self, text: str) -> list[Found]:
        """Each organisation the text names, canonically, where it names it, in order; a short name
        several share names each of them, at the same place."""
        return [
            hit._replace(name=name, product=text[hit.start : hit.end].lower() in self._products)
            for hit in self._finder.found_in(text)
            for name in self._sharing.get(hit.name, [hit.name])
        ]

    def named_in(self, text: str) -> list[str]:
        """The canonical names of the organisations the text names, in the order it first names them."""
        return list(dict.fromkeys(hit.name for hit in self.found_in(text)))


def _rare_one_word(form: str) -> bool:
    """Whether a name is one word the dictionary met only as a name ("Pfizer", "Siemens")."""
    return " " not in form and word_frequency(form.lower()) <= RARE_IN_ENGLISH


def _in_words(form: str) -> bool:
    """Whether a name is made of English words only: "Current Health" is, "Healthy.io" and "CW+" are not."""
    return not re.search(r"\.\w|\+", form) and all(english_word(w) for w in _WORD.findall(form.lower()))


def _shortened(spellings: set[str]) -> set[str]:
    """The spellings and the shorter ones people write for them (module docstring)."""
    forms = set(spellings)
    for spelling in spellings:
        if bracketed := _BRACKETED.match(spelling):
            before, inside = bracketed.groups()
            forms.add(before)
            if _ACRONYM.match(inside):
                forms.add(inside)
    for form in list(forms):
        for shorter in {LEGAL_SUFFIXES.sub("", form), re.sub(r"^The\s+", "", form)} - {form}:
            if shorter and (" " in shorter or _rare_one_word(shorter) or not english_word(shorter.lower())):
                forms.add(shorter)
    for form in list(forms):  # "Sensyne" of "Sensyne Health": only a coined word, not "Current" or "Big"
        coined = _TRADE.sub("", form)
        if coined != form and len(coined) >= 3 and _rare_one_word(coined):
            forms.add(coined)
    return {form.strip() for form in forms if form.strip()}


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_END
