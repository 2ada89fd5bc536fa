"""The case studies and the code that reads and validates them."""

from .load import DEFAULT_CORPUS_PATH, Corpus, load_corpus, parse_corpus, parse_record
from .organisations import DEFAULT_ORGANISATIONS_PATH, load_organisation_names

__all__ = [
    "DEFAULT_CORPUS_PATH",
    "DEFAULT_ORGANISATIONS_PATH",
    "Corpus",
    "load_corpus",
    "load_organisation_names",
    "parse_corpus",
    "parse_record",
]
