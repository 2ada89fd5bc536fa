"""The case studies and the code that reads and validates them."""

from .load import DEFAULT_CORPUS_PATH, DEFAULT_DEV_QUERIES_PATH, Corpus, load_corpus, parse_corpus, parse_record
from .organisations import DEFAULT_ORGANISATIONS_PATH, load_organisation_names
from .vocabulary import DEFAULT_VOCABULARY_PATH, load_vocabulary

__all__ = [
    "DEFAULT_CORPUS_PATH",
    "DEFAULT_DEV_QUERIES_PATH",
    "DEFAULT_ORGANISATIONS_PATH",
    "DEFAULT_VOCABULARY_PATH",
    "Corpus",
    "load_corpus",
    "load_organisation_names",
    "load_vocabulary",
    "parse_corpus",
    "parse_record",
]
