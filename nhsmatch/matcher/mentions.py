"""The precedents' partner organisations a challenge names: "Has anyone worked with Doccla on a
virtual ward?" asks for Doccla's work first, and the model knows no company's name.

A name counts as published, as curated (corpus/data/organisations.toml), or shortened the way people
write it: without its legal suffix ("Teva" for "Teva UK Limited"), a leading "The", or a note in
brackets ("Qure.ai" for "Qure.ai (qXR)"), whose acronym counts too ("RNIB"). A shortened name that is
one English word ("Diabetes" of "Diabetes UK", "Age" of "Age UK") is not a name at all, nor is a
name within a curated phrase that names something else ("the ABPI Code").
A name made of English words ("Pathway", "Current Health", "Mental Health Concern", "Pfizer") counts
only capitalised as the organisation writes it, and a one-word one not at a sentence's start, unless
curated ("Pathway redesign is overdue" names no one, "Pfizer ran ..." does): "a mental health concern",
"our current health" name no one. A coined name ("Doccla", "AstraZeneca") counts in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .models import Partnership
from .organisations import LEGAL_SUFFIXES, OrganisationNames
from .spelling import english_word

_BRACKETED = re.compile(r"^(.*?)\s*\(([^()]*)\)$")
_ACRONYM = re.compile(r"^[A-Z]{3,}$")
_WORD = re.compile(r"[^\W\d_]+")
# What may come before a sentence's first word: "Pathway ..." after these starts a sentence.
_SENTENCE_END = ".!?:;\n\u2022-\u2013\u2014(\"'\u201c\u2018"  # bullets, dashes, brackets and opening quotes too


class PartnerMentions:
    """Finds, in a text, the organisations `partner_names` spell (canonically, as `names` keys them)."""

    def __init__(self, names: OrganisationNames, partner_names: Iterable[str]) -> None:
        forms: dict[str, str] = {}  # a spelling as written -> its organisation's canonical name
        curated: set[str] = set()
        not_in: set[str] = set()
        for published in dict.fromkeys(partner_names):
            canonical = names.canonical(published)
            curated.update(names.spellings(canonical))
            not_in.update(names.not_in(canonical))
            for form in _shortened({published, canonical, *names.spellings(canonical)}):
                forms.setdefault(form, canonical)
        everyday = {form for form in forms if _in_words(form)}
        self._canonical = {form if form in everyday else form.lower(): canonical for form, canonical in forms.items()}
        self._one_word_everyday = {form for form in everyday - curated if " " not in form}
        self._as_written = _alternation(everyday, flags=0)
        self._any_case = _alternation(set(forms) - everyday, flags=re.IGNORECASE)
        self._not_in = _alternation(not_in, flags=re.IGNORECASE)

    @classmethod
    def of_records(cls, names: OrganisationNames, records: Iterable[Partnership]) -> PartnerMentions:
        """The finder of the records' partners: industry and others, not the NHS's."""
        return cls(names, (partner.name for record in records for partner in record.non_nhs_partners))

    def named_in(self, text: str) -> list[str]:
        """The canonical names of the organisations the text names, in the order it first names them."""
        found: dict[str, None] = {}
        hits = [*self._as_written.finditer(text), *self._any_case.finditer(text)]
        elsewhere = [phrase.span() for phrase in self._not_in.finditer(text)]
        for hit in sorted(hits, key=lambda h: h.start()):
            form = hit.group(0)
            if form in self._one_word_everyday and _starts_sentence(text, hit.start()):
                continue
            if any(start <= hit.start() < end for start, end in elsewhere):
                continue
            found[self._canonical.get(form) or self._canonical[form.lower()]] = None
        return list(found)


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
            if shorter and (" " in shorter or not english_word(shorter.lower())):
                forms.add(shorter)
    return {form.strip() for form in forms if form.strip()}


def _alternation(forms: set[str], *, flags: int) -> re.Pattern[str]:
    """One pattern for every form, longest first so a longer name wins over a shorter one inside it,
    bounded by what no word continues into ("Healthy.io" ends at its "o", not within a word)."""
    if not forms:
        return re.compile(r"(?!)")
    options = "|".join(re.escape(form) for form in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<![\w.])(?:{options})(?![\w]|\.\w)", flags)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_END
