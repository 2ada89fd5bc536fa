"""SIGKILL a real server after acknowledged writes and during index rebuilds; nothing acknowledged is lost.

The server is `matcher serve` in a subprocess with the real model, over a copy of the 10-record
fixture. Each restart must serve every acknowledged record (by id and by search), and the index
on disk must match the corpus (its manifest's corpus checksum and file checksums verify).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from nhsmatch.corpus import load_corpus, load_vocabulary
from nhsmatch.corpus.store import CorpusStore
from nhsmatch.index.build import load_index
from nhsmatch.index.embedder import SentenceTransformerEmbedder
from nhsmatch.matcher.models import Partnership
from tests.conftest import TINY_CORPUS_PATH
from tests.records import record

TOKEN = "durability-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
START_TIMEOUT = 300  # seconds; a bound so a broken server fails the test instead of hanging it


class Server:
    """`matcher serve` as a child process, logging JSON lines to a file."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.corpus_path = workdir / "corpus.jsonl"
        self.index_dir = workdir / "index"
        self.log_path = workdir / "server.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0

    def start(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = {
            **os.environ,
            "HF_HUB_OFFLINE": "1",
            "MATCHER_CORPUS_PATH": str(self.corpus_path),
            "MATCHER_INDEX_DIR": str(self.index_dir),
            "MATCHER_DATA_DIR": str(self.workdir / "data"),
            "MATCHER_ADMIN_TOKEN": TOKEN,
            "MATCHER_RATE_LIMIT": "off",
            "MATCHER_PORT": str(self.port),
            "MATCHER_LOG_FORMAT": "json",
        }
        self.log_offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "nhsmatch.api.cli", "serve"], env=env, stdout=log, stderr=log, cwd=self.workdir
            )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def new_log(self) -> str:
        """What this run of the server has logged so far."""
        return self.log_path.read_bytes()[self.log_offset :].decode("utf-8", "replace")

    def wait_for_log(self, text: str) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while text not in self.new_log():
            assert self.process is not None and self.process.poll() is None, self.new_log()[-3000:]
            assert time.monotonic() < deadline, f"never logged {text!r}"
            time.sleep(0.01)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert self.process is not None and self.process.poll() is None, self.new_log()[-3000:]
            try:
                if httpx.get(f"{self.url}/readyz", timeout=5).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server never became ready:\n" + self.new_log()[-3000:]
            time.sleep(0.2)

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)  # no shutdown hooks, no flushing: a crash
        self.process.wait(timeout=60)
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.kill()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    shutil.copy(TINY_CORPUS_PATH, tmp_path / "corpus.jsonl")
    running = Server(tmp_path)
    yield running
    running.stop()


def assert_serves_everything(server: Server, acknowledged: dict[str, dict[str, object]]) -> None:
    """Every acknowledged record is served as written and found by a search for its text."""
    ready = httpx.get(f"{server.url}/readyz", timeout=30).json()
    corpus = load_corpus(server.corpus_path)
    assert ready["partnerships"] == len(corpus.records)
    for record_id, body in acknowledged.items():
        served = httpx.get(f"{server.url}/v1/partnerships/{record_id}", timeout=30)
        assert served.status_code == 200, f"acknowledged {record_id} lost"
        assert Partnership.model_validate(served.json()) == Partnership.model_validate(body)
        found = httpx.post(
            f"{server.url}/v1/match", json={"challenge": body["challenge"], "limit": 3}, timeout=60
        ).json()
        assert record_id in [p["id"] for p in found["precedents"]]


def assert_index_matches_corpus(server: Server, embedder: SentenceTransformerEmbedder) -> None:
    corpus = load_corpus(server.corpus_path)
    embedded = load_index(
        server.index_dir, corpus, embedder, load_vocabulary()
    )  # raises if stale or any checksum fails
    assert [r.id for r in embedded.records] == [r.id for r in corpus.records]


def test_acknowledged_writes_survive_sigkill_and_rebuilds_survive_it_too(
    server: Server, embedder: SentenceTransformerEmbedder
) -> None:
    acknowledged: dict[str, dict[str, object]] = {}

    # 1. Acknowledged writes, then SIGKILL at once.
    server.start()
    server.wait_ready()
    with httpx.Client(base_url=server.url, headers=AUTH, timeout=60) as client:
        for index in range(3):
            body = record(index, id_prefix="acked")
            assert client.post("/v1/partnerships", json=body).status_code == 201
            acknowledged[body["id"]] = body
        replaced = record(4, id="gsk-nhs-lanarkshire-copd")
        assert client.put("/v1/partnerships/gsk-nhs-lanarkshire-copd", json=replaced).status_code == 200
        acknowledged["gsk-nhs-lanarkshire-copd"] = replaced
        assert client.delete("/v1/partnerships/bayer-bnssg-dwac-bristol").status_code == 204
    server.kill()

    # 2. Restart: everything acknowledged is there, and the index published with each write is reused.
    server.start()
    server.wait_ready()
    assert "rebuilding the index" not in server.new_log()
    assert_serves_everything(server, acknowledged)
    assert httpx.get(f"{server.url}/v1/partnerships/bayer-bnssg-dwac-bristol").status_code == 404
    assert_index_matches_corpus(server, embedder)

    # 3. SIGKILL while a write is in flight: acknowledged or not, the corpus stays whole.
    outcome: dict[str, int] = {}
    in_flight = record(3, id_prefix="in-flight")

    def write() -> None:
        try:
            response = httpx.post(f"{server.url}/v1/partnerships", json=in_flight, headers=AUTH, timeout=60)
            outcome["status"] = response.status_code
        except httpx.TransportError:
            outcome["status"] = 0  # the connection died with the server: not acknowledged

    writer = threading.Thread(target=write)
    writer.start()
    while "status" not in outcome and not list((server.index_dir / "builds").glob(".staging-*")):
        time.sleep(0.001)  # kill as soon as the index rebuild for the write has begun (or it finished)
    server.kill()
    writer.join(timeout=60)
    if outcome.get("status") == 201:
        acknowledged[str(in_flight["id"])] = in_flight

    # 4. A corpus newer than its index (a write made durable, then a crash before the index swap),
    #    and a SIGKILL in the middle of the rebuild that startup then runs.
    store = CorpusStore(server.corpus_path)
    unindexed = record(2, id_prefix="unindexed")
    with store.locked():
        store.add(Partnership.model_validate(unindexed))
    acknowledged[str(unindexed["id"])] = unindexed
    server.start()
    server.wait_for_log("rebuilding the index")
    server.kill()

    # 5. The next start rebuilds, logging why, and serves every acknowledged record.
    server.start()
    server.wait_ready()
    assert "rebuilding the index" in server.new_log()
    assert_serves_everything(server, acknowledged)
    assert_index_matches_corpus(server, embedder)
    log_lines = [json.loads(line) for line in server.new_log().splitlines() if line.startswith("{")]
    assert any("corpus changed" in line["message"] for line in log_lines)
