"""An index build reads the corpus under the writers' lock, so it never publishes an index of a
corpus that a write has meanwhile replaced."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from click.testing import CliRunner

from nhsmatch.api.cli import cli
from nhsmatch.api.settings import get_settings
from nhsmatch.corpus import load_corpus
from nhsmatch.corpus.store import CorpusStore
from nhsmatch.index.build import read_current_manifest
from tests.conftest import TINY_CORPUS_PATH


def test_a_build_waits_for_a_write_in_progress_and_indexes_the_corpus_it_leaves(tmp_path: Path) -> None:
    corpus_path = tmp_path / "corpus.jsonl"
    shutil.copy(TINY_CORPUS_PATH, corpus_path)
    store = CorpusStore(corpus_path)
    removed = load_corpus(corpus_path).records[0].id
    writing = threading.Event()

    def write() -> None:
        with store.locked():
            writing.set()
            time.sleep(1)  # the build starts meanwhile, and must wait for this write
            store.delete(removed)

    writer = threading.Thread(target=write)
    writer.start()
    writing.wait()
    get_settings.cache_clear()
    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus_path), "--index-dir", str(tmp_path / "index")])
    writer.join()
    assert result.exit_code == 0, result.output
    assert "9 records" in result.output
    assert read_current_manifest(tmp_path / "index").corpus_sha256 == load_corpus(corpus_path).sha256


def test_a_corpus_where_no_lock_file_can_be_made_is_read_without_one(tmp_path: Path) -> None:
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("")
    store = CorpusStore(not_a_directory / "partnerships.jsonl", seed=TINY_CORPUS_PATH)
    with store.reading() as corpus:
        assert corpus.sha256 == load_corpus(TINY_CORPUS_PATH).sha256
