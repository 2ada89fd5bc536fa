"""Matcher: ranks past partnerships against a challenge and names likely partners."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .embedded import EmbeddedCorpus
from .errors import UnknownPartnershipError
from .interfaces import Embedder, Vectors
from .models import Filters, MatchLabel, MatchResult, Partnership, Precedent
from .organisations import OrganisationNames
from .partners import rank_nhs_peers, rank_partners
from .taxonomy import Region

# Above this many candidate records every one is scored exactly; beyond it the ANN index
# proposes the candidates that are then rescored.
EXHAUSTIVE_LIMIT = 20_000
ANN_CANDIDATES = 400
EVIDENCE_DEPTH = 25  # precedents that count towards likely partners
WHY_SENTENCES = 2


@dataclass(frozen=True)
class RankingWeights:
    """How the similarity signals combine into one score (chosen on the dev set: README)."""

    problem: float = 0.35
    document: float = 0.25
    intervention: float = 0.15
    best_passage: float = 0.25


@dataclass(frozen=True)
class MatchThresholds:
    """Score cut-offs for the match labels (fitted on the dev set: README)."""

    strong: float = 0.55
    partial: float = 0.4

    def label(self, score: float) -> MatchLabel:
        return "strong" if score >= self.strong else "partial" if score >= self.partial else "weak"


class Matcher:
    """Immutable once built: a new corpus means a new Matcher. `version` identifies what it serves
    (corpus checksum and model), so that caches can key on it."""

    def __init__(
        self,
        corpus: EmbeddedCorpus,
        embedder: Embedder,
        names: OrganisationNames,
        *,
        current_year: int,
        version: str = "",
        weights: RankingWeights | None = None,
        thresholds: MatchThresholds | None = None,
    ) -> None:
        self.corpus = corpus
        self.version = version
        self.embedder = embedder
        self.names = names
        self.current_year = current_year
        self.weights = weights or RankingWeights()
        self.thresholds = thresholds or MatchThresholds()

    @property
    def records(self) -> tuple[Partnership, ...]:
        return self.corpus.records

    def get(self, record_id: str) -> Partnership:
        row = self.corpus.row_of.get(record_id)
        if row is None:
            raise UnknownPartnershipError(record_id)
        return self.corpus.records[row]

    def match(
        self,
        challenge: str,
        *,
        limit: int = 10,
        filters: Filters | None = None,
        near: Sequence[Region] = (),
        query_vector: Vectors | None = None,
    ) -> MatchResult:
        """Precedents for a challenge, likely partners and NHS peers, each with its evidence."""
        filters = filters or Filters()
        query = self.embedder.encode([challenge])[0] if query_vector is None else query_vector
        rows, scores = self._rank(query, self._allowed_rows(filters))
        precedents = [
            self._precedent(query, int(row), float(score))
            for row, score in zip(rows[:limit], scores[:limit], strict=True)
        ]
        evidence = [
            (self.records[int(row)], float(score))
            for row, score in zip(rows[:EVIDENCE_DEPTH], scores[:EVIDENCE_DEPTH], strict=True)
        ]
        regions = list(filters.regions) + [r for r in near if r not in filters.regions]
        return MatchResult(
            precedents=precedents,
            partners=rank_partners(
                evidence,
                self.names,
                current_year=self.current_year,
                partner_types=filters.partner_types,
                regions=regions,
            ),
            nhs_peers=rank_nhs_peers(evidence, self.names),
            no_strong_precedent=not any(p.match == "strong" for p in precedents),
        )

    def similar(self, record_id: str, *, limit: int = 10) -> list[Precedent]:
        """Records most like a given one, itself excluded."""
        row = self.corpus.row_of.get(record_id)
        if row is None:
            raise UnknownPartnershipError(record_id)
        query = np.asarray(self.corpus.views["problem"][row], dtype=np.float32)
        allowed = np.array([r for r in range(len(self.records)) if r != row], dtype=np.int64)
        rows, scores = self._rank(query, allowed)
        return [self._precedent(query, int(r), float(s)) for r, s in zip(rows[:limit], scores[:limit], strict=True)]

    def _allowed_rows(self, filters: Filters) -> npt.NDArray[np.int64] | None:
        if filters.is_empty:
            return None
        return np.array([row for row, record in enumerate(self.records) if filters.admits(record)], dtype=np.int64)

    def _candidates(self, query: Vectors, allowed: npt.NDArray[np.int64] | None) -> npt.NDArray[np.int64]:
        count = len(self.records) if allowed is None else len(allowed)
        if count <= EXHAUSTIVE_LIMIT:
            return np.arange(len(self.records), dtype=np.int64) if allowed is None else allowed
        _, rows = self.corpus.store.search(query[None, :], ANN_CANDIDATES, allowed)
        return rows[0][rows[0] >= 0]

    def _rank(
        self, query: Vectors, allowed: npt.NDArray[np.int64] | None
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        rows = self._candidates(query, allowed)
        if len(rows) == 0:
            return rows, np.zeros(0)
        scores = self._dense_scores(query, rows)
        order = np.argsort(-scores, kind="stable")
        return rows[order], np.clip(scores[order], 0.0, 1.0)

    def _dense_scores(self, query: Vectors, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        views, w = self.corpus.views, self.weights
        score = (
            w.problem * (views["problem"][rows] @ query)
            + w.document * (views["document"][rows] @ query)
            + w.intervention * (views["intervention"][rows] @ query)
            + w.best_passage * self._best_passage_scores(query, rows)
        )
        return np.asarray(score, dtype=np.float64)

    def _best_passage_scores(self, query: Vectors, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
        starts = self.corpus.passage_starts
        if len(rows) == len(self.records):
            similarities = self.corpus.passage_vectors @ query
            return np.maximum.reduceat(similarities, starts[:-1])[rows]
        return np.array(
            [float(np.max(self.corpus.passage_vectors[starts[r] : starts[r + 1]] @ query)) for r in rows],
            dtype=np.float32,
        )

    def _precedent(self, query: Vectors, row: int, score: float) -> Precedent:
        span = self.corpus.passage_range(row)
        similarities = self.corpus.passage_vectors[span.start : span.stop] @ query
        best = np.argsort(-similarities, kind="stable")[:WHY_SENTENCES]
        return Precedent(
            record=self.records[row],
            score=round(score, 4),
            match=self.thresholds.label(score),
            why=[self.corpus.passages[span.start + int(i)].text for i in best],
            shared_concepts=[],
        )
