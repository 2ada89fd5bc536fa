"""EmbeddedCorpus: the records together with their vectors, as the ranking reads them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from .background import ProblemSentences
from .interfaces import LexicalScorer, Vectors, VectorStore
from .models import Partnership
from .passages import CONCEPT_SOURCES, FIELD_VIEWS, Passage, record_passages
from .vocabulary import Concept


@dataclass(frozen=True)
class EmbeddedCorpus:
    """Row i of every matrix belongs to records[i]; passages are grouped by row, in order."""

    records: tuple[Partnership, ...]
    views: dict[str, Vectors]
    passage_vectors: Vectors
    store: VectorStore  # nearest neighbours over views["document"]
    lexical: LexicalScorer
    # Per source ("record", then each view), per row: the vocabulary concepts its text names.
    concepts: Mapping[str, Sequence[tuple[Concept, ...]]]
    problem_sentences: ProblemSentences  # tells a challenge's sentences about the problem from background
    passages: tuple[Passage, ...] = field(init=False)
    passage_starts: npt.NDArray[np.int64] = field(init=False)
    row_of: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        passages = tuple(p for row, record in enumerate(self.records) for p in record_passages(record, row))
        if len(passages) != len(self.passage_vectors):
            raise ValueError(f"{len(passages)} passages but {len(self.passage_vectors)} passage vectors")
        for name in FIELD_VIEWS:
            if len(self.views[name]) != len(self.records):
                raise ValueError(f"{len(self.views[name])} {name} vectors for {len(self.records)} records")
        for source in CONCEPT_SOURCES:
            if len(self.concepts[source]) != len(self.records):
                raise ValueError(f"{len(self.concepts[source])} {source} concept lists for {len(self.records)} records")
        counts = np.bincount([p.row for p in passages], minlength=len(self.records))
        object.__setattr__(self, "passages", passages)
        object.__setattr__(self, "passage_starts", np.concatenate([[0], np.cumsum(counts)]).astype(np.int64))
        object.__setattr__(self, "row_of", {record.id: row for row, record in enumerate(self.records)})

    def passage_range(self, row: int) -> range:
        return range(int(self.passage_starts[row]), int(self.passage_starts[row + 1]))
