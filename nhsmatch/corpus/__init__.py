"""The case studies and the code that reads and validates them."""

from .challenge_sentences import DEFAULT_CHALLENGE_SENTENCES_PATH, load_challenge_sentences
from .load import DEFAULT_CORPUS_PATH, DEFAULT_DEV_QUERIES_PATH, Corpus, load_corpus, parse_corpus, parse_record
from .organisations import DEFAULT_ORGANISATIONS_PATH, load_organisation_names
from .places import DEFAULT_PLACES_PATH, load_places
from .vocabulary import DEFAULT_VOCABULARY_PATH, load_vocabulary

__all__ = [
    "DEFAULT_CHALLENGE_SENTENCES_PATH",
    "DEFAULT_CORPUS_PATH",
    "DEFAULT_DEV_QUERIES_PATH",
    "DEFAULT_ORGANISATIONS_PATH",
    "DEFAULT_PLACES_PATH",
    "DEFAULT_VOCABULARY_PATH",
    "Corpus",
    "load_challenge_sentences",
    "load_corpus",
    "load_organisation_names",
    "load_places",
    "load_vocabulary",
    "parse_corpus",
    "parse_record",
]
