import logging
import os
from pathlib import Path

import numpy as np
import pytest

from nhsmatch.corpus import Corpus, load_challenge_sentences, load_corpus
from nhsmatch.index.build import CURRENT_LINK, build_index, load_index, open_index, read_current_manifest
from nhsmatch.index.embedder import SentenceTransformerEmbedder
from nhsmatch.matcher.errors import IndexMismatchError, IndexNotBuiltError
from nhsmatch.matcher.passages import recipe_id, sentence_spans, split_sentences
from nhsmatch.matcher.vocabulary import Vocabulary
from tests.conftest import TINY_CORPUS_PATH


class ExplodingEmbedder:
    """Fails part-way through a build, as a crash or an out-of-memory would."""

    def __init__(self, real: SentenceTransformerEmbedder) -> None:
        self.model_id, self.dimension = real.model_id, real.dimension

    def encode(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        raise RuntimeError("simulated crash mid-build")


def test_build_writes_manifest_and_vectors(
    tmp_path: Path, tiny_corpus: Corpus, embedder: SentenceTransformerEmbedder, vocabulary: Vocabulary
) -> None:
    manifest = build_index(tiny_corpus, embedder, vocabulary, tmp_path)
    assert manifest.record_count == 10 and manifest.dimension == 384
    assert manifest.corpus_sha256 == tiny_corpus.sha256
    assert manifest.recipe_version == recipe_id(vocabulary.sha256, load_challenge_sentences().sha256)
    assert manifest.index_kind == "flat"
    assert "all-MiniLM-L6-v2" in manifest.model_id
    assert (tmp_path / CURRENT_LINK).is_symlink()
    lexical = {
        f"lexical-{view}.{part}"
        for view in ("problem", "document")
        for part in ("data.npy", "indices.npy", "indptr.npy", "params.json", "vocab.json")
    }
    assert (
        set(manifest.file_sha256)
        == {
            "concepts.json",
            "document.faiss",
            "document.npy",
            "intervention.npy",
            "passages.npy",
            "problem.npy",
            "problem-sentences.npy",
        }
        | lexical
    )
    embedded = load_index(tmp_path, tiny_corpus, embedder, vocabulary)
    assert len(embedded.records) == 10
    norms = np.linalg.norm(np.asarray(embedded.views["document"]), axis=1)
    assert np.allclose(norms, 1.0, atol=1e-4)


def test_a_crash_mid_build_leaves_the_previous_index(
    tmp_path: Path, tiny_corpus: Corpus, embedder: SentenceTransformerEmbedder, vocabulary: Vocabulary
) -> None:
    first = build_index(tiny_corpus, embedder, vocabulary, tmp_path)
    with pytest.raises(RuntimeError, match="simulated"):
        build_index(tiny_corpus, ExplodingEmbedder(embedder), vocabulary, tmp_path)
    assert read_current_manifest(tmp_path) == first
    assert [p.name for p in (tmp_path / "builds").iterdir()] == [os.readlink(tmp_path / CURRENT_LINK).split("/")[-1]]
    load_index(tmp_path, tiny_corpus, embedder, vocabulary)


def test_stale_or_corrupt_indexes_are_rebuilt_with_a_logged_reason(
    tmp_path: Path,
    tiny_corpus: Corpus,
    embedder: SentenceTransformerEmbedder,
    vocabulary: Vocabulary,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with pytest.raises(IndexNotBuiltError, match="matcher build"):
        load_index(tmp_path, tiny_corpus, embedder, vocabulary)
    build_index(tiny_corpus, embedder, vocabulary, tmp_path)

    changed_path = tmp_path / "changed.jsonl"
    changed_path.write_text(TINY_CORPUS_PATH.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    changed = load_corpus(changed_path)
    with pytest.raises(IndexMismatchError, match="corpus changed"):
        load_index(tmp_path, changed, embedder, vocabulary)
    with caplog.at_level(logging.WARNING):
        assert len(open_index(tmp_path, changed, embedder, vocabulary).records) == 1
    assert "corpus changed" in caplog.text

    vectors = tmp_path / CURRENT_LINK / "passages.npy"
    vectors.write_bytes(vectors.read_bytes()[:100])  # truncated on disk
    with pytest.raises(IndexNotBuiltError, match="corrupt"):
        load_index(tmp_path, changed, embedder, vocabulary)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        open_index(tmp_path, changed, embedder, vocabulary)
    assert "corrupt" in caplog.text
    load_index(tmp_path, changed, embedder, vocabulary)


def test_sentences_split_on_full_stops_but_not_abbreviations() -> None:
    text = "Care was fragmented, e.g. across GP and hospital. Patients waited 18 weeks. Costs rose."
    assert split_sentences(text) == [
        "Care was fragmented, e.g. across GP and hospital.",
        "Patients waited 18 weeks.",
        "Costs rose.",
    ]


def test_sentences_typed_in_lower_case_are_split_but_not_after_names_or_initials() -> None:
    text = "our nurses are stretched. we work with Novartis Ltd. on this. the C.I.C. in Mid Ulster helps! a lot"
    assert split_sentences(text) == [
        "our nurses are stretched.",
        "we work with Novartis Ltd. on this.",
        "the C.I.C. in Mid Ulster helps!",
        "a lot",
    ]


def test_a_blank_line_or_a_list_item_ends_a_sentence_full_stop_or_not() -> None:
    text = (
        "Our problems:\n- too many admissions\n  • nurses stretched\n2) no data\n\n"
        "We want help, costs rose by\n10 per cent"
    )
    assert split_sentences(text) == [
        "Our problems:",
        "too many admissions",
        "nurses stretched",
        "no data",
        "We want help, costs rose by\n10 per cent",  # a line wrapped mid-sentence is one sentence
    ]
    assert split_sentences("- only item.") == ["only item."]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Stroke beds are full, and separately our dental service has a two-year wait.",
            ["Stroke beds are full", "and separately our dental service has a two-year wait."],
        ),
        ("Beds are full; separately, scans wait weeks.", ["Beds are full", "separately, scans wait weeks."]),
        ("Beds are full and separately HF is missed.", ["Beds are full", "and separately HF is missed."]),
        ("Falls rise - on a different note, MRI waits grow.", ["Falls rise", "on a different note, MRI waits grow."]),
        # "separately" about the care in the sentence, or with nothing after it, cuts nothing
        ("Patients are seen by cardiology, and separately by the diabetes team.", None),
        ("Patients attend cardiology, and separately funded diabetes clinics.", None),
        ("Each team works separately, and no one joins it up.", None),
        ("They are seen in clinic and separately.", None),
        # nor does one after a lead-in, not a clause: the sentence opens a new problem as a whole
        ("Secondly, on an unrelated matter: dental waits are long.", None),
        ("Further to this, and on a different note, dental waits are long.", None),
    ],
)
def test_a_clause_that_says_a_new_problem_begins_starts_a_sentence(text: str, sentences: list[str] | None) -> None:
    assert split_sentences(text) == (sentences or [text])


def test_concepts_and_lexical_index_are_stored_with_the_build(
    tmp_path: Path, tiny_corpus: Corpus, embedder: SentenceTransformerEmbedder, vocabulary: Vocabulary
) -> None:
    """Opening an index scans no text: the concepts and BM25 index it loads are those of the records."""
    from nhsmatch.index.lexical import Bm25Index
    from nhsmatch.matcher.passages import concept_text, field_views

    build_index(tiny_corpus, embedder, vocabulary, tmp_path)
    embedded = load_index(tmp_path, tiny_corpus, embedder, vocabulary)
    for row, record in enumerate(tiny_corpus.records):
        assert list(embedded.concepts["record"][row]) == vocabulary.find(concept_text(record))
    fresh = Bm25Index.from_texts(
        {view: [field_views(r, vocabulary)[view] for r in tiny_corpus.records] for view in ("problem", "document")}
    )
    for query in ("heart failure in the community (heart failure)", "AF detection", "nothing"):
        np.testing.assert_allclose(embedded.lexical.scores(query), fresh.scores(query), rtol=1e-6)


def test_an_edited_record_gets_its_new_concepts_and_the_others_keep_theirs(
    tmp_path: Path, tiny_corpus: Corpus, embedder: SentenceTransformerEmbedder, vocabulary: Vocabulary
) -> None:
    build_index(tiny_corpus, embedder, vocabulary, tmp_path / "before")
    before = load_index(tmp_path / "before", tiny_corpus, embedder, vocabulary)
    edited = tiny_corpus.records[3].model_copy(update={"challenge": "Atrial fibrillation in care homes is missed."})
    lines = [r.model_dump_json() for r in tiny_corpus.records]
    lines[3] = edited.model_dump_json()
    (tmp_path / "edited.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load_corpus(tmp_path / "edited.jsonl")
    build_index(corpus, embedder, vocabulary, tmp_path / "after", previous=before)
    after = load_index(tmp_path / "after", corpus, embedder, vocabulary)
    names = [c.name for c in after.concepts["problem"][3]]
    assert "atrial fibrillation" in names and "frailty and falls" in names
    assert [after.concepts["record"][row] for row in (0, 1, 2, 4)] == [
        before.concepts["record"][r] for r in (0, 1, 2, 4)
    ]


def test_sentence_spans_locate_the_sentences_in_the_text_as_written() -> None:
    text = "  Beds are full,  e.g.\nin winter.   Staff are short!\n"
    spans = sentence_spans(text)
    assert [text[start:end] for start, end in spans] == split_sentences(text)
    assert split_sentences(text) == ["Beds are full,  e.g.\nin winter.", "Staff are short!"]
    assert sentence_spans("") == [] and sentence_spans("   ") == []
