"""Matcher: ranks past partnerships against a challenge and names likely partners.

Ranking (weights chosen on the dev set; README "Matching quality" has the table):
1. The challenge is embedded (a short one with its abbreviations spelled out, "AF (atrial
   fibrillation)"; one of several sentences leaning towards those that say what the problem is
   rather than who is asking, focus.py) and nudged (weight 0.15) towards the vectors of the
   vocabulary concepts it names by another word than the concept's name ("irregular pulse": atrial
   fibrillation). Precedent texts were expanded with the concepts' names when indexed. Sentences
   about the asker rather than the problem (background.py) count less in the vector and the
   lexical score, and the concepts they alone name are not the challenge's. What the model and
   BM25 read has each place the challenge names as "our area" (places.py): where, not what.
2. Dense score: weighted cosine similarity to the precedent's problem, document and intervention
   views and to its best sentence.
3. Lexical score: BM25 over the precedent's problem and whole text, each divided by the best
   record's, so 1 is the best lexical match in the corpus.
4. Hybrid score = (dense + `lexical_weight` x lexical) / (1 + `lexical_weight`), in 0..1.
5. Feedback: when the first pass has clear matches (hybrid score >= 0.505), the mean of the best
   two's document vectors is added to the query vector (weight 1: the challenge and its clear best
   matches count alike) and the first pass's best are scored again; records like the clear best
   matches rise. The lexical half chose them as much as the dense. A match about other conditions
   than the challenge names (step 7) is none of the two.
6. Diversity: in the top `diversity_window`, each precedent beyond the `company_cap`-th of one
   company loses `company_penalty` (flat), so another company's comparable work (scoring within
   that margin, and labelled alike) comes first. The penalty never takes it below its label's least
   score: work labelled lower is not comparable, so a strong match follows no partial one (but for 8).
7. Other conditions: when the challenge names a condition, a precedent about other conditions only
   (none the challenge's, nor one the records name together with it: AF and stroke) loses
   `other_condition_penalty`, so work on the challenge's own condition scoring within that margin
   comes first; it is never a strong match, at best a model of care to borrow (README has the
   measurements). One about another disease of the challenge's family only (myeloma and
   myeloproliferative neoplasms) is never strong either, and follows every strong match, keeping
   its place among the rest. The penalties of 6 and 7 only order: the score shown, and the match
   label and the partner evidence drawn from it, stay the similarity, so a precedent that gave way
   can show a score up to the margins above the one before it (any amount above a strong one, for
   one about another disease of the family).
8. Named partners: when the challenge names a partner of the precedents ("Has anyone worked with
   Doccla?", mentions.py), that organisation's precedents gain `named_partner_bonus` in the order
   and are exempt from step 6, so its comparable work comes first; the score shown stays the
   similarity, and a precedent that is unlike the challenge stays below others' that are. Its
   precedents on what the question asks it about (the conditions the challenge names or, naming
   none, its approaches: "Luscii for virtual wards"), labelled partial or strong, come before all
   others: they are the answer, however well others' work scores. A short question naming the
   partner and no topic ("Has anyone used Oxevision?") asks for all its work, which comes first, and
   is searched as in step 9.
9. Alternatives: a partner the challenge asks for alternatives to ("Apart from Novartis, which
   companies ...?", "Our Healthy.io contract ends; who else ...?", alternatives.py) is not searched
   for (its name is left out of what is read), its precedents come after all others', and it is
   left out of the likely partners. A short question naming no topic of its own (no condition or
   approach: "Any alternatives to Brainomix?") asks for what the partner does, and is searched as
   the problems of the two records of the partner's it matches best; a longer challenge is about the
   problem it describes, though the vocabulary names none of it.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from typing import Literal

import numpy as np
import numpy.typing as npt

from .alternatives import alternatives_wanted_to, without_names
from .arrays import best_first, concatenated_ranges
from .asides import set_aside
from .background import CONCEPT_WEIGHT, intended, is_question
from .embedded import EmbeddedCorpus
from .errors import UnknownPartnershipError
from .filtering import FilterIndex
from .focus import SPECIFICITY_RANK, apart_from_context, focused_vector, specificity, whole_less_background
from .interfaces import Embedder, Vectors
from .mentions import PartnerMentions
from .models import Filters, MatchLabel, MatchResult, Partnership, Precedent
from .organisations import OrganisationNames
from .partners import rank_nhs_peers, rank_partners
from .passages import sentence_spans, view_texts
from .places import Places
from .problems import (
    NEIGHBOURS,
    RelatedConditions,
    anchors,
    grouped,
    in_turn,
    interleaved,
    linked_by_conditions,
    linked_by_neighbours,
    openings,
    parts,
    problems,
)
from .spelling import Speller
from .taxonomy import Region
from .vocabulary import Concept, Vocabulary

# Up to this many candidate records every one is scored exactly; beyond it the ANN and BM25
# indexes propose the candidates that are then rescored.
EXHAUSTIVE_LIMIT = 20_000
ANN_CANDIDATES = 400
EVIDENCE_DEPTH = 25  # precedents that count towards likely partners
WHY_SENTENCES = 2
SHARED_CONCEPTS = 4
# Up to this many words, a challenge has its abbreviations spelled out for the model: in a short
# one ("AF", "HF diagnoses missed") the abbreviation is most of what the model reads, while in a
# longer one the words around it speak for it (README "Matching quality" has the measurements).
SPELL_OUT_UP_TO_WORDS = 20
RANKED_DEPTH = 80  # ranking more than this is never shown or used
FEEDBACK_POOL = 400  # rescored after feedback (on the dev set none from below rank 172 reached the top 80)
BEYOND_ANY_SCORE = 1.0  # scores are 0..1: a penalty (or bonus) this large moves a precedent past every other
PASSAGE_CHUNK = 2048  # records whose sentences are scored at once when not all are
# A question about a partner's work as such says little else ("Any alternatives to Brainomix?"):
# bench.alternatives' by-name questions have at most 23 words besides stop words. A challenge that
# describes its problem at more length is about that problem, though the vocabulary names none of it
# ("... we can't recruit enough BMS staff", 57 words, is no question about Bristol Myers Squibb).
PARTNER_QUESTION_MAX_WORDS = 30
THEIR_WORK_RECORDS = 2  # a partner's records such a question is searched as (steps 8 and 9)

Mode = Literal["hybrid", "dense", "lexical"]
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Ranking:
    """How the signals combine (chosen on the dev set, see README). `mode` exists for evaluation."""

    mode: Mode = "hybrid"
    problem: float = 0.35
    document: float = 0.25
    intervention: float = 0.15
    best_passage: float = 0.25
    lexical_weight: float = 0.15
    concept_nudge: float = 0.15
    set_aside_dismissals: bool = True  # leave out what the challenge says is not its problem (asides.py)
    places_as_anywhere: bool = True  # a place the challenge names is searched as "our area" (places.py)
    spell_out_abbreviations: bool = True  # the model reads "AF (atrial fibrillation)" for a short "AF" (vocabulary.py)
    # A challenge of several sentences leans towards its most specific ones (focus.py), read in
    # context from the model's one pass; those longer than focus_alone_above_chars have each
    # sentence encoded alone (a third more model time, README), as in context long background
    # colours every sentence.
    focus: bool = True
    focus_alone_above_chars: int = 1000
    focus_context_removal: float = 0.5  # the whole's share taken from a sentence read in context
    focus_sharpness: float = 4.0  # how much more a challenge's most specific sentences count
    focus_whole_share: float = 0.5  # the whole challenge's vector's share of the focused one
    # Of several sentences, those about the asker count less (background.py); rides on `focus`.
    tell_background_apart: bool = True
    # A question, or a statement of intent, naming a condition or an approach counts as the problem,
    # however the classifier reads it.
    topical_questions: bool = True
    topical_intentions: bool = True
    separate_problems: bool = True  # a challenge stating separate problems is searched one at a time (problems.py)
    feedback_depth: int = 2  # 0: no feedback step
    feedback_weight: float = 1.0
    feedback_floor: float = 0.505  # first-pass score a precedent needs to count as feedback
    company_cap: int = 3
    company_penalty: float = 0.07  # the same for every precedent beyond the cap: "comparable" is a margin and a label
    diversity_window: int = 10
    other_condition_penalty: float = 0.05  # hybrid only: the halves alone stay as the eval compares them
    named_partner_bonus: float = 0.1  # hybrid only, as the penalty above
    named_partner_topic_first: bool = True  # their work on what the question asks them about comes first
    look_past_partners: bool = True  # hybrid only: "apart from Novartis" puts its work last (step 9)
    # A short question naming partners and no topic is searched as their work (steps 8 and 9): "What
    # has Doccla done?", "Any alternatives to Brainomix?" (`_Problem.about_partners_alone`).
    their_work_as_topic: bool = True

    @property
    def largest_give_way(self) -> float:
        """The most a precedent shown can score above one shown before it (steps 6 to 8), but for a
        partial match about another disease of the family, which follows every strong one (step 7),
        a named partner's work on what the question asks it about, which comes first (step 8), and
        the work of a partner the challenge asks for alternatives to, which comes last (step 9)."""
        return self.company_penalty + self.other_condition_penalty + self.named_partner_bonus


@dataclass(frozen=True)
class EmbeddedChallenge:
    """The model's reading of a challenge: its vector, and how much each of its sentences counts
    (background.py; empty when every sentence counts in full)."""

    vector: Vectors
    sentence_weights: tuple[float, ...] = ()


@dataclass(frozen=True)
class ReadChallenge:
    """A challenge as read before it is searched: the text searched for, the typing slips read as
    corpus words ({typed: read as}), the clauses set aside as not the problem, whether it reads as
    English (the model reads English only), the partners it asks for alternatives to, whose names
    are not searched for (alternatives.py, step 9), and the other partners it names (step 8)."""

    searched: str
    corrected_words: dict[str, str]
    set_aside: list[str]
    in_english: bool
    alternatives_to: list[str]
    named_partners: list[str]


@dataclass(frozen=True)
class _Problem:
    """One text read as one problem: its sentences and their weights (empty: all count in full), the
    concepts it names, and its queries, the vector and the weighted texts of the lexical score."""

    sentences: list[str]
    weights: tuple[float, ...]
    concepts: list[Concept]
    query: Vectors
    lexical_query: list[tuple[str, float]]
    words: int  # besides stop words

    @cached_property  # read for every hit when labelling separate problems
    def conditions(self) -> frozenset[str]:
        return conditions_of(self.concepts)

    @cached_property
    def topic(self) -> frozenset[str]:
        """What a question about a named partner's work asks it about: the conditions the problem
        names, or, naming none, its approaches ("Luscii for virtual wards")."""
        return self.conditions or frozenset(c.name for c in self.concepts if c.kind == "approach")

    @cached_property
    def about_partners_alone(self) -> bool:
        """Whether a question naming partners asks about their work as such (steps 8 and 9): it
        names no topic of its own, and says little else."""
        return not self.topic and self.words <= PARTNER_QUESTION_MAX_WORDS


@dataclass(frozen=True)
class MatchThresholds:
    """Hybrid-score cut-offs for the match labels, fitted on the dev set (`matcher eval --fit`). A
    precedent about other conditions than the challenge's is at best partial: in the judged top 10s
    such "strong" ones were useful, never wanted (README)."""

    strong: float = 0.62
    partial: float = 0.475

    def label(self, score: float, *, other_condition: bool = False) -> MatchLabel:
        if score >= self.strong and not other_condition:
            return "strong"
        return "partial" if score >= self.partial else "weak"

    def least(self, label: MatchLabel) -> float:
        """The least score a precedent with this label has."""
        return {"strong": self.strong, "partial": self.partial}.get(label, -np.inf)


def conditions_of(concepts: Iterable[Concept]) -> frozenset[str]:
    return frozenset(c.name for c in concepts if c.kind == "condition")


def corpus_speller(corpus: EmbeddedCorpus, vocabulary: Vocabulary) -> Speller:
    """A speller that offers the words of the records' titles and sentences and the vocabulary's terms."""
    return Speller.from_texts(
        [
            *(record.title for record in corpus.records),
            *(passage.text for passage in corpus.passages),
            *(term for concept in vocabulary.concepts for term in (concept.name, *concept.terms)),
        ]
    )


class Matcher:
    """Immutable once built: a new corpus means a new Matcher. `version` identifies what it serves
    (corpus checksum and model), so that caches can key on it."""

    def __init__(
        self,
        corpus: EmbeddedCorpus,
        embedder: Embedder,
        names: OrganisationNames,
        vocabulary: Vocabulary,
        *,
        current_year: int,
        version: str = "",
        ranking: Ranking | None = None,
        thresholds: MatchThresholds | None = None,
        places: Places | None = None,
    ) -> None:
        """`places`: the gazetteer of places a challenge may name (none: every word is searched)."""
        self.corpus = corpus
        self.version = version
        self.embedder = embedder
        self.names = names
        self.vocabulary = vocabulary
        self.places = places or Places()
        self.current_year = current_year
        self.ranking = ranking or Ranking()
        self.thresholds = thresholds or MatchThresholds()
        # Precomputed once: which companies each record involves, and the concepts it mentions.
        self._companies = [frozenset(names.key(p.name) for p in record.industry_partners) for record in corpus.records]
        self._partners = [frozenset(names.key(p.name) for p in record.non_nhs_partners) for record in corpus.records]
        rows_of: dict[str, list[int]] = {}
        for row, keys in enumerate(self._partners):
            for key in keys:
                rows_of.setdefault(key, []).append(row)
        self._rows_of_partner = {key: np.array(rows, dtype=np.int64) for key, rows in rows_of.items()}
        self._mentions = PartnerMentions.of_records(names, corpus.records)
        self._concepts = corpus.concepts["record"]
        self._conditions = [conditions_of(concepts) for concepts in self._concepts]
        self._related_conditions = RelatedConditions(self._concepts)
        self._filter_index = FilterIndex(corpus.records)
        names = [concept.name for concept in vocabulary.concepts]
        self._concept_vectors = dict(zip(names, embedder.encode(names), strict=True))
        self.speller = corpus_speller(corpus, vocabulary)

    def with_ranking(self, ranking: Ranking) -> Matcher:
        """The same corpus and model ranked another way (for evaluation); nothing is recomputed."""
        other = copy.copy(self)
        other.ranking = ranking
        return other

    @property
    def records(self) -> tuple[Partnership, ...]:
        return self.corpus.records

    def get(self, record_id: str) -> Partnership:
        return self.corpus.records[self._row(record_id)]

    def companies_of(self, record_id: str) -> frozenset[str]:
        """The industry partners of a record as the diversity step counts them (canonical keys)."""
        return self._companies[self._row(record_id)]

    def filtered(self, filters: Filters) -> list[Partnership]:
        """The records the filters admit, in corpus order (what a listing shows)."""
        return [self.records[row] for row in self._filter_index.rows(filters)]

    def encode_challenge(self, challenge: str) -> Vectors:
        """The challenge's vector, as read (`read`) and as the model reads it (`model_text`)."""
        return self.embed_as_read(challenge).vector

    def embed_as_read(self, challenge: str) -> EmbeddedChallenge:
        """The model's reading of a challenge as `match` reads it (`read`, then `model_text`)."""
        return self.embed_challenge(self.model_text(self.read(challenge).searched))

    def read(self, challenge: str) -> ReadChallenge:
        """What is searched for: the challenge less the clauses that dismiss their topic
        (asides.py), its typing slips corrected (spelling.py), less the names of the partners it asks
        for alternatives to (alternatives.py, step 9), but not of their products: "alternatives to
        Sleepio" asks for others' digital CBT for insomnia, which "Sleepio" says."""
        searched, dismissed = set_aside(challenge) if self.ranking.set_aside_dismissals else (challenge, [])
        reading = self.speller.read(searched)
        # Partners' names order the hybrid ranking only (steps 8 and 9): the halves stay as the eval compares them.
        found = self._mentions.found_in(reading.text) if self.ranking.mode == "hybrid" else []
        passed = alternatives_wanted_to(reading.text, found) if self.ranking.look_past_partners else []
        alternatives_to = list(dict.fromkeys(hit.name for hit in passed))
        return ReadChallenge(
            without_names(reading.text, [hit for hit in passed if not hit.product]),
            reading.corrections,
            dismissed,
            reading.in_english,
            alternatives_to,
            [name for name in dict.fromkeys(hit.name for hit in found) if name not in alternatives_to],
        )

    def model_text(self, searched: str) -> str:
        """What the model reads: the places named read as "our area" and a short challenge with its
        abbreviations spelled out (vocabulary.py)."""
        searched = self._anywhere(searched)
        if not self.ranking.spell_out_abbreviations or len(_WORDS.findall(searched)) > SPELL_OUT_UP_TO_WORDS:
            return searched
        return self.vocabulary.spell_out(searched)

    def _anywhere(self, text: str) -> str:
        """The text as the model and BM25 read it: each place it names as "our area" (places.py)."""
        return self.places.as_anywhere(text) if self.ranking.places_as_anywhere else text

    def embed_challenge(self, challenge: str) -> EmbeddedChallenge:
        """The model's reading of a challenge's `model_text`, the one model call a match costs. Of
        several sentences, the vector leans towards the most specific (focus.py) and those about the
        problem rather than the asker (background.py), whose vectors come from the model's one pass
        over the whole challenge or, for a long one, from encoding each alone."""
        spans = sentence_spans(challenge) if self.ranking.focus else []
        if len(spans) < 2:
            return EmbeddedChallenge(self.embedder.encode([challenge])[0])
        sentences = [challenge[start:end] for start, end in spans]
        whole: Vectors | None = None
        in_context: Vectors | None = None
        if len(challenge) <= self.ranking.focus_alone_above_chars:
            read = self.embedder.encode_spans([challenge], [spans])[0]
            if read[1:].any(axis=1).all():  # else a sentence lies past the model's token limit
                whole, in_context = read[0], read[1:]
        if in_context is None:
            vectors = self.embedder.encode(sentences)
        else:
            vectors = apart_from_context(in_context, whole, self.ranking.focus_context_removal)
        relevance = self._specificity(vectors)
        weights = None
        if self.ranking.tell_background_apart:
            weights = self.corpus.problem_sentences.weights(vectors)
            if self.ranking.topical_questions or self.ranking.topical_intentions:
                weights = self._with_topical_asks(sentences, weights)
            # The whole's share of the vector would bring the background back in full.
            whole = whole_less_background(whole, sentences, vectors if in_context is None else in_context, weights)
            relevance = relevance * weights
        vector = focused_vector(
            sentences,
            vectors,
            relevance,
            whole=whole,
            sharpness=self.ranking.focus_sharpness,
            whole_share=self.ranking.focus_whole_share,
        )
        return EmbeddedChallenge(vector, () if weights is None else tuple(weights.tolist()))

    def _with_topical_asks(self, sentences: list[str], weights: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """The weights, with each question or statement of intent that names a topic
        (`Vocabulary.topics`: a condition or an approach) counting at least as one whose concepts
        count (background.py)."""
        raised = weights.copy()
        for i, sentence in enumerate(sentences):
            if weights[i] >= CONCEPT_WEIGHT:
                continue
            asked = sentence if self.ranking.topical_questions and is_question(sentence) else None
            if asked is None and self.ranking.topical_intentions:
                asked = intended(sentence)
            if asked and self.vocabulary.topics(asked):
                raised[i] = CONCEPT_WEIGHT
        return raised

    def _specificity(self, sentence_vectors: Vectors) -> npt.NDArray[np.float32]:
        """Per sentence: its best record's cosine minus its SPECIFICITY_RANK-th best (focus.py)."""
        return specificity(*self._nearest_records(sentence_vectors, SPECIFICITY_RANK))

    def _nearest_records(self, vectors: Vectors, k: int) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
        """Per vector: the cosines and rows of its `k` closest records by document vector, in no
        particular order, as the vector store answers (row -1 where the corpus has fewer)."""
        count = len(self.records)
        if count > EXHAUSTIVE_LIMIT:
            return self.corpus.store.search(vectors, k)
        # One product over the document vectors: from a request thread, cheaper than an index call,
        # whose OpenMP threads are set up per calling thread.
        cosines = np.asarray(vectors) @ self.corpus.views["document"].T
        k = min(k, count)
        rows = np.argpartition(-cosines, k - 1, axis=1)[:, :k]
        return np.take_along_axis(cosines, rows, axis=1), rows

    def _query_vector(self, encoded: Vectors, concepts: Sequence[Concept]) -> Vectors:
        """The challenge's vector nudged towards the vocabulary concepts it names, so "irregular pulse"
        lands near "atrial fibrillation" without a second model call (concept vectors are computed once)."""
        vector = np.asarray(encoded, dtype=np.float32)
        if concepts and self.ranking.concept_nudge:
            nudge = np.add.reduce([self._concept_vectors[c.name] for c in concepts]) / len(concepts)
            vector = vector + self.ranking.concept_nudge * nudge
        return np.asarray(vector / np.linalg.norm(vector), dtype=np.float32)

    def match(
        self,
        challenge: str,
        *,
        limit: int = 10,
        filters: Filters | None = None,
        near: Sequence[Region] = (),
        embed: Callable[[str], EmbeddedChallenge] | None = None,
    ) -> MatchResult:
        """Precedents for a challenge, likely partners and NHS peers, each with its evidence.
        `embed`: what gives the model's reading of the text it reads (`embed_challenge` unless a
        caller wraps it in a cache, keyed on that text). A challenge that states separate problems
        (problems.py) has each searched alone, and their precedents shown in turn."""
        filters = filters or Filters()
        embed = embed or self.embed_challenge
        read = self.read(challenge)
        whole = self._problem(read.searched, embed)
        separate = self._separate_problems(whole) if self.ranking.separate_problems else []
        searched = [self._problem(text, embed) for text, _ in separate] or [whole]
        allowed = self._allowed_rows(filters)
        named = read.named_partners
        passed_keys = frozenset(self.names.key(name) for name in read.alternatives_to)
        places = self.places.named_in(read.searched) if self.ranking.places_as_anywhere else []
        named_keys = {self.names.key(name): name for name in named}
        found = []
        for number, problem in enumerate(searched):
            rows, scores = self._rank(
                problem.query,
                problem.lexical_query,
                allowed,
                problem.conditions,
                frozenset(named_keys),
                problem.topic,
                passed_keys,
                partners_alone=problem.about_partners_alone,
            )
            found.append([(number, int(row), float(score)) for row, score in zip(rows, scores, strict=True)])
        shown = interleaved(found, key=lambda hit: hit[1], limit=limit)
        precedents = [
            self._precedent(
                searched[number].query,
                row,
                score,
                searched[number].concepts,
                for_problem=number if separate else None,
                named=named_keys,
            )
            for number, row, score in shown
        ]
        # Every problem's best matches are evidence; a record two problems found counts once, at its best.
        best: dict[int, float] = {}
        for _, row, score in in_turn([hits[:EVIDENCE_DEPTH] for hits in found]):
            if score >= self.thresholds.partial:  # weak matches are no evidence for a partner
                best[row] = max(score, best.get(row, 0.0))
        evidence = [(self.records[row], score) for row, score in best.items()]
        # Where the asker says they are is the hint, unless the request gives one.
        regions = list(dict.fromkeys([*filters.regions, *(near or [r for place in places for r in place.regions])]))
        # Of separate problems, those without a strong precedent, labelled as it would be shown.
        no_strong_for = [
            number
            for number, (problem, hits) in enumerate(zip(searched, found, strict=True))
            if separate and not any(self._label(row, score, problem.conditions) == "strong" for _, row, score in hits)
        ]
        return MatchResult(
            precedents=precedents,
            partners=rank_partners(
                evidence,
                self.names,
                current_year=self.current_year,
                partner_types=filters.partner_types,
                regions=regions,
                leave_out=passed_keys,
            ),
            nhs_peers=rank_nhs_peers(evidence, self.names),
            no_strong_precedent=not any(p.match == "strong" for p in precedents),
            corrected_words=read.corrected_words,
            set_aside=read.set_aside,
            read_as_background=[s for s, w in zip(whole.sentences, whole.weights, strict=False) if w < CONCEPT_WEIGHT],
            separate_problems=[own for _, own in separate],
            no_strong_precedent_for=no_strong_for,
            not_in_english=not read.in_english,
            named_partners=named,
            alternatives_to=read.alternatives_to,
            places=places,
        )

    def _problem(self, challenge: str, embed: Callable[[str], EmbeddedChallenge]) -> _Problem:
        """One text read as one problem: what it is searched with, and the concepts the precedents'
        explanations name. `embed` gives the model's reading of its `model_text`."""
        model_text = self.model_text(challenge)
        embedded = embed(model_text)
        sentences = [challenge[start:end] for start, end in sentence_spans(challenge)]
        # Spelling out abbreviations adds no sentence; should it ever, every sentence counts in full.
        weights = embedded.sentence_weights if len(embedded.sentence_weights) == len(sentences) else ()
        concepts = self._challenge_concepts(challenge, sentences, weights)
        # The nudge brings in the names of concepts met by another word: one the model read by name
        # (as written or spelled out; "strokes" names stroke, "archive" does not name HIV) needs none.
        model_words = model_text.lower()
        unnamed = [c for c in concepts if not re.search(rf"\b{re.escape(c.name.lower())}", model_words)]
        lexical_query = self._lexical_query(challenge, sentences, weights, concepts)
        words = len(self.corpus.lexical.query_tokens(challenge))
        query = self._query_vector(embedded.vector, unnamed)
        return _Problem(sentences, weights, concepts, query, lexical_query, words)

    def _separate_problems(self, whole: _Problem) -> list[tuple[str, str]]:
        """The separate problems the challenge states (problems.py), each as searched and in its own
        sentences (without those that introduce every problem); none when it states one. Costs a
        model call only when sentences name unrelated conditions or the writer says a new problem begins."""
        sentences = whole.sentences
        if len(sentences) < 2:
            return []
        weights = whole.weights or (1.0,) * len(sentences)
        conditions = [{c.name for c in self.vocabulary.find(s) if c.kind == "condition"} for s in sentences]
        part = parts(sentences)
        candidates = anchors(conditions, weights, part)
        by_conditions = linked_by_conditions(conditions, self._related_conditions, part)
        if len(grouped(candidates, by_conditions)) < 2:
            return []
        alone = self.embedder.encode([self.vocabulary.spell_out(self._anywhere(sentences[i])) for i in candidates])
        chances = self.corpus.problem_sentences.chances(alone).tolist()
        kept = openings(candidates, chances, conditions, part)
        nearest = self._nearest_records(alone, NEIGHBOURS)[1]
        neighbours = {i: set(rows[rows >= 0].tolist()) for i, rows in zip(candidates, nearest, strict=True)}
        by_neighbours = linked_by_neighbours(neighbours)
        groups = grouped(kept, lambda a, b: by_conditions(a, b) or by_neighbours(a, b))
        if len(groups) < 2:
            return []
        first = min(kept)  # what comes before every anchor introduces every problem
        return [
            (" ".join(sentences[i] for i in members), " ".join(sentences[i] for i in members if i >= first))
            for members in problems(groups, weights, part)
        ]

    def _challenge_concepts(self, challenge: str, sentences: list[str], weights: Sequence[float]) -> list[Concept]:
        """The concepts the challenge names, less those named only by sentences about the asker."""
        found = self.vocabulary.find(challenge)
        if all(weight >= CONCEPT_WEIGHT for weight in weights):
            return found
        counted = {
            c for s, w in zip(sentences, weights, strict=True) if w >= CONCEPT_WEIGHT for c in self.vocabulary.find(s)
        }
        return [c for c in found if c in counted]

    def _lexical_query(
        self, challenge: str, sentences: list[str], weights: Sequence[float], concepts: Sequence[Concept]
    ) -> list[tuple[str, float]]:
        """The lexical query as weighted texts: the challenge's sentences, each with its weight, and
        the names of its concepts (vocabulary.py), or all of it at once when every sentence counts."""
        if all(weight == 1.0 for weight in weights):
            return [(self.vocabulary.expand(self._anywhere(challenge), concepts), 1.0)]
        names = "; ".join(c.name for c in concepts)
        weighted = [(self._anywhere(s), w) for s, w in zip(sentences, weights, strict=True)]
        return [*weighted, *([(f"({names})", 1.0)] if names else [])]

    def similar(self, record_id: str, *, limit: int = 10) -> list[Precedent]:
        """Records most like a given one, itself excluded."""
        row = self._row(record_id)
        query = np.asarray(self.corpus.views["problem"][row], dtype=np.float32)
        allowed = np.delete(np.arange(len(self.records), dtype=np.int64), row)
        rows, scores = self._rank(query, [(self._problem_text(row), 1.0)], allowed, self._conditions[row])
        concepts = self._concepts[row]
        return [
            self._precedent(query, int(r), float(s), concepts)
            for r, s in zip(rows[:limit], scores[:limit], strict=True)
        ]

    def _row(self, record_id: str) -> int:
        row = self.corpus.row_of.get(record_id)
        if row is None:
            raise UnknownPartnershipError(record_id)
        return row

    def _allowed_rows(self, filters: Filters) -> npt.NDArray[np.int64] | None:
        if filters.is_empty:
            return None
        return self._filter_index.rows(filters)

    def _rank(
        self,
        query: Vectors,
        lexical_query: Sequence[tuple[str, float]],
        allowed: npt.NDArray[np.int64] | None,
        conditions: frozenset[str],
        named: frozenset[str] = frozenset(),
        topic: frozenset[str] = frozenset(),
        passed: frozenset[str] = frozenset(),
        *,
        partners_alone: bool = False,
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """Rows in the order shown, with their scores (0..1): descending but for steps 6 to 9.
        `lexical_query`: texts and the weight of each one's words; `conditions`: the challenge's;
        `named`: the keys of the partners it names, and `topic` what it asks them about (step 8);
        `passed`: those of the partners it asks for alternatives to (step 9); `partners_alone`:
        whether it asks about their work as such (`_Problem.about_partners_alone`)."""
        if (named or passed) and partners_alone and self.ranking.their_work_as_topic:
            query, lexical_query = self._their_work(query, lexical_query, named or passed)
        lexical = self.corpus.lexical.weighted_scores(lexical_query) if self.ranking.mode != "dense" else None
        rows = self._candidates(query, lexical, allowed)
        if len(rows) == 0:
            return rows, np.zeros(0)
        scores = self._scores(query, lexical, rows)
        if self.ranking.mode == "hybrid" and self.ranking.feedback_depth:
            rows, scores = self._with_feedback(query, lexical, rows, scores, conditions)
        order = best_first(scores, RANKED_DEPTH)
        rows, scores = rows[order], np.clip(scores[order], 0.0, 1.0)
        row_ids = rows.tolist()
        labels = [self._label(row, score, conditions) for row, score in zip(row_ids, scores.tolist(), strict=True)]
        penalties = np.zeros(len(rows))
        if self.ranking.mode == "hybrid" and conditions:
            other = [self._other_condition(row, conditions) for row in row_ids]
            penalties[other] = self.ranking.other_condition_penalty
            # Another disease of the family keeps its place among the partial matches it is labelled
            # with, but follows every strong one: as if it scored just under the strong threshold.
            below_strong = self.thresholds.strong - 1e-6
            for i, label in enumerate(labels):
                if not other[i] and scores[i] >= self.thresholds.strong and label != "strong":
                    penalties[i] = scores[i] - below_strong
        looked_past = [bool(self._partners[row] & passed) for row in row_ids]
        penalties[looked_past] += BEYOND_ANY_SCORE  # after every other's work, however well it scores
        if self.ranking.mode == "hybrid" and named:
            theirs = [
                bool(self._partners[row] & named) and not past for row, past in zip(row_ids, looked_past, strict=True)
            ]
            penalties[theirs] -= self.ranking.named_partner_bonus
            if self.ranking.named_partner_topic_first:
                on_topic = [  # asked about their work as such, all of it is what is asked
                    mine and (partners_alone or (label != "weak" and any(c.name in topic for c in self._concepts[row])))
                    for mine, label, row in zip(theirs, labels, row_ids, strict=True)
                ]
                penalties[on_topic] -= BEYOND_ANY_SCORE  # before every other, however well others' work scores
        shown = self._reordered(rows, scores, penalties, labels, exempt=named)
        return rows[shown], scores[shown]

    def _other_condition(self, row: int, conditions: frozenset[str], *, by_disease: bool = False) -> bool:
        """Whether the record is about other conditions only than `conditions` (the challenge's):
        it names some, none of them one of those, one the records name together with one, or its
        family or a disease in it. `by_disease` reads each side as precisely as it names them, so a
        myeloma challenge and a myeloproliferative neoplasm service, which share only their family,
        are about other ones: such a precedent is no strong one (no judge wanted one), but is left
        in its place in the order, as the nearest model of care (judged useful 13 of 31 times)."""
        own, theirs = self._conditions[row], conditions
        if by_disease:
            own, theirs = self.vocabulary.most_specific(own), self.vocabulary.most_specific(theirs)
        related, within = self._related_conditions.related, self.vocabulary.within
        return bool(own and theirs) and not any(related(a, b) or within(a, b) for a in theirs for b in own)

    def _label(self, row: int, score: float, conditions: frozenset[str]) -> MatchLabel:
        other = score >= self.thresholds.strong and self._other_condition(row, conditions, by_disease=True)
        return self.thresholds.label(score, other_condition=other)  # only a strong score needs them read

    def _candidates(
        self, query: Vectors, lexical: npt.NDArray[np.float32] | None, allowed: npt.NDArray[np.int64] | None
    ) -> npt.NDArray[np.int64]:
        count = len(self.records) if allowed is None else len(allowed)
        if count <= EXHAUSTIVE_LIMIT:
            return np.arange(len(self.records), dtype=np.int64) if allowed is None else allowed
        _, ann = self.corpus.store.search(query[None, :], ANN_CANDIDATES, allowed)
        candidates = ann[0][ann[0] >= 0]
        if lexical is not None:
            pool = lexical if allowed is None else np.full_like(lexical, -1.0)
            if allowed is not None:
                pool[allowed] = lexical[allowed]
            best_lexical = np.argpartition(-pool, ANN_CANDIDATES)[:ANN_CANDIDATES]
            candidates = np.union1d(candidates, best_lexical[pool[best_lexical] > 0])
        return candidates.astype(np.int64)

    def _scores(
        self, query: Vectors, lexical: npt.NDArray[np.float32] | None, rows: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.float64]:
        r = self.ranking
        if r.mode == "lexical":
            assert lexical is not None
            return np.asarray(lexical[rows], dtype=np.float64)
        dense = (
            r.problem * self._view_scores("problem", query, rows)
            + r.document * self._view_scores("document", query, rows)
            + r.intervention * self._view_scores("intervention", query, rows)
            + r.best_passage * self._best_passage_scores(query, rows)
        ) / (r.problem + r.document + r.intervention + r.best_passage)
        if lexical is None:
            return np.asarray(dense, dtype=np.float64)
        return np.asarray((dense + r.lexical_weight * lexical[rows]) / (1 + r.lexical_weight), dtype=np.float64)

    def _with_feedback(
        self,
        query: Vectors,
        lexical: npt.NDArray[np.float32] | None,
        rows: npt.NDArray[np.int64],
        scores: npt.NDArray[np.float64],
        conditions: frozenset[str],
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """Pseudo-relevance feedback: the query moved towards its clear best matches' document
        vectors, and the first pass's best FEEDBACK_POOL rescored with it. Only first-pass matches
        above the floor count, so a challenge with no clear precedent is left as it was, and none
        about other conditions than the challenge's (`conditions`, step 7): a model of care to
        borrow at best, it would steer the search towards its own condition."""
        r = self.ranking
        pool = best_first(scores, FEEDBACK_POOL)  # its head is the best matches: one selection serves both
        steering = (i for i in pool.tolist() if not self._other_condition(int(rows[i]), conditions))
        best = np.fromiter(islice(steering, r.feedback_depth), dtype=np.int64)
        feedback = rows[best[scores[best] >= r.feedback_floor]]
        if len(feedback) == 0:
            return rows, scores
        moved = query + r.feedback_weight * self.corpus.views["document"][feedback].mean(axis=0)
        moved = np.asarray(moved / np.linalg.norm(moved), dtype=np.float32)
        pooled = rows[pool]
        return pooled, self._scores(moved, lexical, pooled)

    def _their_work(
        self, query: Vectors, lexical_query: Sequence[tuple[str, float]], partners: Iterable[str]
    ) -> tuple[Vectors, list[tuple[str, float]]]:
        """The query of a challenge asking about partners' work as such ("What has Doccla done?",
        "Any alternatives to Brainomix?"): it asks for what they do, so it is searched as `similar`
        searches a record, with the problems of the THEIR_WORK_RECORDS records of theirs it matches best
        (whatever the filters). Its own words ("costs too much", "who else") stay in the lexical
        query; in the vector they would only blur what the partners do (README, step 9)."""
        rows = self._rows_of(partners)
        if len(rows) == 0:
            return query, list(lexical_query)
        lexical = self.corpus.lexical.weighted_scores(lexical_query)
        chosen = rows[best_first(self._scores(query, lexical, rows), THEIR_WORK_RECORDS)]
        vector = self.corpus.views["problem"][chosen].mean(axis=0)
        texts = [(self._problem_text(int(row)), 1.0) for row in chosen]
        return np.asarray(vector / np.linalg.norm(vector), dtype=np.float32), [*lexical_query, *texts]

    def _problem_text(self, row: int) -> str:
        """A record's problem view as BM25 reads it, with the names of its concepts (vocabulary.py)."""
        return self.vocabulary.expand(view_texts(self.records[row])["problem"], self.corpus.concepts["problem"][row])

    def _rows_of(self, partners: Iterable[str]) -> npt.NDArray[np.int64]:
        """The rows of every record of the partners (canonical keys)."""
        found = [self._rows_of_partner[key] for key in partners if key in self._rows_of_partner]
        return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)

    def _view_scores(self, view: str, query: Vectors, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
        vectors = self.corpus.views[view]
        if len(rows) * 4 >= len(vectors):  # scoring every row beats copying most of the matrix out
            return (vectors @ query)[rows]
        return vectors[rows] @ query

    def _best_passage_scores(self, query: Vectors, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
        starts = self.corpus.passage_starts
        if len(rows) == len(self.records):
            similarities = self.corpus.passage_vectors @ query
            return np.maximum.reduceat(similarities, starts[:-1])[rows]
        best = np.empty(len(rows), dtype=np.float32)
        for first in range(0, len(rows), PASSAGE_CHUNK):  # chunks bound the copy of passage vectors
            chunk = rows[first : first + PASSAGE_CHUNK]
            counts = starts[chunk + 1] - starts[chunk]  # every record has a passage: no empty segment
            similarities = self.corpus.passage_vectors[concatenated_ranges(starts[chunk], counts)] @ query
            best[first : first + len(chunk)] = np.maximum.reduceat(similarities, np.cumsum(counts) - counts)
        return best

    def _reordered(
        self,
        rows: npt.NDArray[np.int64],
        scores: npt.NDArray[np.float64],
        penalties: npt.NDArray[np.float64],
        labels: Sequence[MatchLabel],
        exempt: frozenset[str] = frozenset(),
    ) -> npt.NDArray[np.int64]:
        """Positions of `rows` (best first) in the order shown: by score less each row's own penalty
        (other conditions; a bonus, named partners, is a negative one) and, in the top
        `diversity_window`, less the company penalty once its company, unless `exempt`, has had its
        share, but never below the least score of its match label (`labels`): work labelled lower is
        not comparable. Greedy: pick the best penalised score; a pick only lowers later candidates'
        penalised scores, and no precedent follows one it beats by more than the penalties and bonus."""
        r = self.ranking
        if r.company_penalty <= 0 and not penalties.any():
            return np.arange(len(rows))
        counts: Counter[str] = Counter()
        companies = [self._companies[row] for row in rows.tolist()]
        plain = scores.tolist()
        own = (scores - penalties).tolist()
        floors = [self.thresholds.least(label) for label in labels]
        bonus = max(0.0, -float(penalties.min()))
        remaining = list(range(len(rows)))
        picked: list[int] = []

        def penalised(i: int) -> float:
            crowded = r.company_penalty > 0 and any(counts[c] >= r.company_cap for c in companies[i])
            return max(own[i] - r.company_penalty, min(own[i], floors[i])) if crowded else own[i]

        while remaining and len(picked) < r.diversity_window:
            best, best_score = remaining[0], penalised(remaining[0])
            for i in remaining[1:]:  # in score order, and nothing scores above its own plus the bonus:
                if plain[i] + bonus <= best_score:  # nothing from here on can win
                    break
                if (score := penalised(i)) > best_score:
                    best, best_score = i, score
            picked.append(best)
            counts.update(companies[best] - exempt)  # an exempt company never has had its share
            remaining.remove(best)
        tail = sorted(remaining, key=lambda i: (-penalised(i), i))
        return np.array(picked + tail, dtype=np.int64)

    def _precedent(
        self,
        query: Vectors,
        row: int,
        score: float,
        challenge_concepts: Sequence[Concept],
        for_problem: int | None = None,
        named: Mapping[str, str] | None = None,
    ) -> Precedent:
        """`named`: the partners the challenge names, {key: name}."""
        span = self.corpus.passage_range(row)
        similarities = self.corpus.passage_vectors[span.start : span.stop] @ query
        best = np.argsort(-similarities, kind="stable")[:WHY_SENTENCES]
        shared_names = self.vocabulary.most_specific(c.name for c in self._concepts[row] if c in challenge_concepts)
        shared = [c for c in self._concepts[row] if c.name in shared_names]  # "lung cancer", not "cancer" too
        shared.sort(key=lambda c: self.vocabulary.kind_order(c.kind))
        other = self._other_condition(row, conditions_of(challenge_concepts), by_disease=True)
        # Named as precisely as the record names them: "myeloproliferative neoplasms", not its family too.
        own = self.vocabulary.most_specific(self._conditions[row]) if other else frozenset()
        return Precedent(
            record=self.records[row],
            score=round(score, 4),
            match=self.thresholds.label(score, other_condition=other),
            why=[self.corpus.passages[span.start + int(i)].text for i in best],
            shared_concepts=[
                *(f"same partner: {name}" for key, name in (named or {}).items() if key in self._partners[row]),
                *Vocabulary.describe_shared(shared[:SHARED_CONCEPTS]),
            ],
            other_conditions=[c.name for c in self._concepts[row] if c.name in own],
            for_problem=for_problem,
        )
