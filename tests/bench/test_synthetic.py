"""The synthetic corpus generator: valid records, every one marked synthetic, real prose only."""

from __future__ import annotations

from pathlib import Path

from bench.synthetic import SYNTHETIC_PUBLISHER, synthesise, write_corpus
from nhsmatch.corpus import Corpus, load_corpus


def test_every_record_is_valid_and_marked_synthetic(tmp_path: Path, full_corpus: Corpus) -> None:
    corpus = load_corpus(write_corpus(tmp_path / "synthetic.jsonl", 500, seed=3))  # validates every line
    assert len(corpus.records) == 500
    real_ids = {record.id for record in full_corpus.records}
    for record in corpus.records:
        assert record.id.startswith("synthetic-") and record.id not in real_ids
        assert record.source_publisher == SYNTHETIC_PUBLISHER
        assert record.source_url.startswith("https://synthetic.invalid/")


def test_records_recombine_real_fields(full_corpus: Corpus) -> None:
    records = list(synthesise(full_corpus.records, 200, seed=1))
    challenges = {r.challenge for r in full_corpus.records}
    interventions = {r.intervention for r in full_corpus.records}
    assert all(r["challenge"] in challenges and r["intervention"] in interventions for r in records)
    # recombined, not copied: the challenge and the intervention mostly come from different records
    source_of = {r.challenge: r.id for r in full_corpus.records}
    source_of_intervention = {r.intervention: r.id for r in full_corpus.records}
    mixed = sum(source_of[r["challenge"]] != source_of_intervention[r["intervention"]] for r in records)
    assert mixed > 190


def test_the_same_seed_gives_the_same_corpus(full_corpus: Corpus) -> None:
    assert list(synthesise(full_corpus.records, 50, seed=7)) == list(synthesise(full_corpus.records, 50, seed=7))
