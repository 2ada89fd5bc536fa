"""Assembles a ready Matcher from settings: corpus, organisation names, model and index."""

from __future__ import annotations

from datetime import date

from ..corpus import load_corpus, load_organisation_names, load_vocabulary
from ..index.build import open_index
from ..index.embedder import SentenceTransformerEmbedder
from ..matcher.search import Matcher
from .settings import Settings
from .writes import served_corpus_path


def load_matcher(settings: Settings, *, progress: bool = False) -> Matcher:
    """Validates the corpus, loads the model, and opens the index (rebuilding it if stale)."""
    corpus = load_corpus(served_corpus_path(settings))
    names = load_organisation_names(settings.organisations_path)
    vocabulary = load_vocabulary(settings.vocabulary_path)
    embedder = SentenceTransformerEmbedder(settings.model)
    embedded = open_index(settings.index_dir, corpus, embedder, vocabulary, progress=progress)
    version = f"{corpus.sha256[:16]}:{embedder.model_id}"
    return Matcher(embedded, embedder, names, vocabulary, current_year=date.today().year, version=version)
