"""How cost grows with the corpus: `python -m bench.scale [--sizes 10000 100000]`.

For each size: a synthetic corpus (bench/synthetic.py), its index built by the real build_index,
then, in a fresh process, the matcher loaded and queried with the dev-set challenges. Reports build
time, index size on disk, memory, search latency, and recall@10 of the approximate paths against
exact search. Prints a table and writes bench/results/scale-*.json.

Every distinct text is embedded by the real model, except synthetic records' `document` views:
each is new long prose, and encoding 100,000 of them takes hours on 2 cores. Their vectors are
composed from the real vectors of their parts (problem, intervention, outcomes), whose cosine to
the true document vector is reported on the shipped corpus; the model's measured throughput on
real document texts gives the encoding time a full build would add.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from bench.synthetic import write_corpus

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DEV_QUERIES = ROOT / "tests" / "fixtures" / "dev_queries.txt"
TOP_K = 10


class ComposingEmbedder:
    """The real embedder for every distinct text, except the document views of `corpus`, whose
    vectors are the normalised sum of their parts' vectors (see the module docstring)."""

    def __init__(self, inner: Any, records: Any, vocabulary: Any) -> None:
        from nhsmatch.matcher.passages import field_views

        self.inner = inner
        self.model_id = inner.model_id
        self.dimension = inner.dimension
        self._parts: dict[str, tuple[str, str, list[str]]] = {}
        for record in records:
            views = field_views(record, vocabulary)
            self._parts[views["document"]] = (views["problem"], views["intervention"], list(record.outcomes))

    def encode(self, texts: list[str], show_progress: bool = False) -> Any:
        needed: set[str] = set()
        for text in texts:
            parts = self._parts.get(text)
            needed |= {parts[0], parts[1], *parts[2]} if parts else {text}
        distinct = sorted(needed)
        vector_of = dict(zip(distinct, self.inner.encode(distinct), strict=True))
        vectors = np.empty((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            parts = self._parts.get(text)
            if parts is None:
                vectors[row] = vector_of[text]
            else:
                vectors[row] = compose(vector_of[parts[0]], vector_of[parts[1]], [vector_of[o] for o in parts[2]])
        return vectors


def compose(problem: Any, intervention: Any, outcomes: list[Any]) -> Any:
    vector = problem + intervention + np.mean(outcomes, axis=0)
    return vector / np.linalg.norm(vector)


def _embedder(size: int, threads: int) -> Any:
    """As `matcher build` does: the ONNX encoder is exported under the index directory for serving."""
    from nhsmatch.api.service import load_settings_embedder
    from nhsmatch.api.settings import Settings

    return load_settings_embedder(Settings(index_dir=_index_dir(size)), threads=threads)


def step_build(size: int) -> dict[str, Any]:
    """Runs in its own process, so that its peak RSS is the build's."""
    from nhsmatch.corpus import load_corpus, load_vocabulary
    from nhsmatch.index.build import build_index
    from nhsmatch.matcher.passages import field_views

    corpus_path = write_corpus(RESULTS / "scale" / f"synthetic-{size}.jsonl", size)
    started = time.perf_counter()
    corpus = load_corpus(corpus_path)
    load_seconds = time.perf_counter() - started
    embedder = _embedder(size, threads=os.cpu_count() or 1)
    vocabulary = load_vocabulary()
    sample = [field_views(record, vocabulary)["document"] for record in corpus.records[:64]]
    embedder.encode(sample[:4])  # warm-up
    encode_started = time.perf_counter()
    embedder.encode(sample)
    documents_per_second = len(sample) / (time.perf_counter() - encode_started)
    started = time.perf_counter()
    manifest = build_index(
        corpus, ComposingEmbedder(embedder, corpus.records, vocabulary), vocabulary, _index_dir(size)
    )
    build_seconds = time.perf_counter() - started
    current = _index_dir(size) / "current"
    return {
        "records": size,
        "passages": manifest.passage_count,
        "index_kind": manifest.index_kind,
        "corpus_load_seconds": round(load_seconds, 2),
        "build_seconds": round(build_seconds, 1),
        "document_encode_seconds_estimate": round(size / documents_per_second, 1),
        "index_mb": round(sum(f.stat().st_size for f in current.iterdir()) / 2**20, 1),
    }


def _index_dir(size: int) -> Path:
    return RESULTS / "scale" / f"index-{size}"


def step_probe(size: int) -> dict[str, Any]:
    """Loads the matcher as the service does and measures it; runs in a fresh process."""
    from nhsmatch.api.service import load_matcher
    from nhsmatch.api.settings import Settings
    from nhsmatch.matcher import search
    from nhsmatch.matcher.models import Filters

    settings = Settings(corpus_path=RESULTS / "scale" / f"synthetic-{size}.jsonl", index_dir=_index_dir(size))
    started = time.perf_counter()
    matcher = load_matcher(settings)
    load_seconds = time.perf_counter() - started
    rss_after_load = _rss_mb("VmRSS")
    started = time.perf_counter()
    search.corpus_speller(matcher.corpus, matcher.vocabulary)  # the part of making a matcher that grows with it
    speller_seconds = time.perf_counter() - started
    queries = DEV_QUERIES.read_text(encoding="utf-8").splitlines()
    readings = [matcher.embed_as_read(query) for query in queries]
    vectors = np.stack([reading.vector for reading in readings])

    def timed(filters: Filters | None = None) -> tuple[list[float], list[list[str]]]:
        times, ids = [], []
        for query, reading in zip(queries * 3, readings * 3, strict=True):
            started = time.perf_counter()
            result = matcher.match(query, limit=TOP_K, filters=filters, embed=lambda _text, r=reading: r)
            times.append((time.perf_counter() - started) * 1000)
            ids.append([p.record.id for p in result.precedents])
        return times, ids[: len(queries)]

    latencies, approximate = timed()
    filtered, _ = timed(Filters(regions=["London"]))
    search.EXHAUSTIVE_LIMIT = size  # score every record: the exact answer the ANN path approximates
    exact_latencies, exact = timed()
    report = {
        "load_seconds": round(load_seconds, 2),
        "rss_mb_after_load": round(rss_after_load, 1),
        "speller_seconds": round(speller_seconds, 2),
        "match_ms": _percentiles(latencies),
        "match_ms_region_filter": _percentiles(filtered),
        "match_ms_exhaustive": _percentiles(exact_latencies),
        "match_recall_at_10": round(_recall(approximate, exact), 4),
    }
    report |= _faiss_comparison(matcher.corpus.views["document"], vectors, matcher.corpus.store)
    report["peak_rss_mb"] = round(_rss_mb("VmHWM"), 1)
    return report


def _faiss_comparison(documents: Any, queries: Any, store: Any) -> dict[str, Any]:
    """Exact flat search against HNSW on the document vectors: latency, recall@10, HNSW build time."""
    from nhsmatch.index.faiss_store import FaissStore

    flat = FaissStore.build(documents, "flat")
    started = time.perf_counter()
    hnsw = store if store.kind == "hnsw" else FaissStore.build(documents, "hnsw")
    hnsw_build_seconds = time.perf_counter() - started
    results: dict[str, Any] = {}
    for name, index in (("flat", flat), ("hnsw", hnsw)):
        times, rows = [], []
        for query in queries:
            started = time.perf_counter()
            _, found = index.search(query[None, :], TOP_K)
            times.append((time.perf_counter() - started) * 1000)
            rows.append(found[0].tolist())
        results[name] = (times, rows)
    return {
        "faiss_flat_ms": _percentiles(results["flat"][0]),
        "faiss_hnsw_ms": _percentiles(results["hnsw"][0]),
        "faiss_hnsw_recall_at_10": round(_recall(results["hnsw"][1], results["flat"][1]), 4),
        "faiss_hnsw_build_seconds": None if store.kind == "hnsw" else round(hnsw_build_seconds, 1),
    }


def proxy_fidelity() -> dict[str, float]:
    """Cosine of composed to true document vectors on the shipped corpus's index (from bench.run)."""
    from nhsmatch.corpus import load_corpus

    current = RESULTS / "index" / "current"
    if not current.exists():
        return {}
    views = {name: np.load(current / f"{name}.npy") for name in ("problem", "intervention", "document")}
    passages, row = np.load(current / "passages.npy"), 0
    cosines = []
    for number, record in enumerate(load_corpus().records):
        sentences = _passage_count(record)
        outcomes = passages[row + sentences - len(record.outcomes) : row + sentences]
        row += sentences
        composed = compose(views["problem"][number], views["intervention"][number], list(outcomes))
        cosines.append(float(composed @ views["document"][number]))
    return {"mean": round(statistics.mean(cosines), 3), "min": round(min(cosines), 3)}


def _passage_count(record: Any) -> int:
    from nhsmatch.matcher.passages import record_passages

    return len(record_passages(record, 0))


def _recall(found: list[list[Any]], truth: list[list[Any]]) -> float:
    pairs = zip(found, truth, strict=True)
    return statistics.mean(len(set(f[:TOP_K]) & set(t[:TOP_K])) / len(t[:TOP_K]) for f, t in pairs)


def _percentiles(values: list[float]) -> dict[str, float]:
    p50, p95 = np.percentile(values, [50, 95])
    return {"p50": round(float(p50), 2), "p95": round(float(p95), 2)}


def _rss_mb(field: str) -> float:
    status = Path("/proc/self/status").read_text()
    return int(status.split(f"{field}:")[1].split()[0]) / 1024


def _run_step(step: str, size: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.scale", "--step", step, "--sizes", str(size)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, env=os.environ | {"HF_HUB_OFFLINE": "1"})
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"bench.scale {step} {size} failed")
    result: dict[str, Any] = json.loads(output.decode().strip().splitlines()[-1])
    if step == "build":
        result["build_peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)
    return result


def print_table(rows: list[dict[str, Any]]) -> None:
    print(
        "\n| records | index | build s (+ est. document encoding) | index MB | build peak RSS MB | load s "
        "| RSS MB loaded | match p50 / p95 ms | with region filter p50 ms | match recall@10 "
        "| FAISS flat / HNSW p50 ms | HNSW recall@10 |"
    )
    print("|" + "---|" * 12)
    for r in rows:
        print(
            f"| {r['records']:,} | {r['index_kind']} | {r['build_seconds']} (+{r['document_encode_seconds_estimate']}) "
            f"| {r['index_mb']} | {r['build_peak_rss_mb']} | {r['load_seconds']} | {r['rss_mb_after_load']} "
            f"| {r['match_ms']['p50']} / {r['match_ms']['p95']} | {r['match_ms_region_filter']['p50']} "
            f"| {r['match_recall_at_10']} | {r['faiss_flat_ms']['p50']} / {r['faiss_hnsw_ms']['p50']} "
            f"| {r['faiss_hnsw_recall_at_10']} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--step", choices=["build", "probe"], help=argparse.SUPPRESS)  # internal: one process each
    args = parser.parse_args()
    if args.step:
        step = step_build if args.step == "build" else step_probe
        print(json.dumps(step(args.sizes[0])))
        return
    rows = []
    for size in args.sizes:
        print(f"{size:,} records: building ...", flush=True)
        row = _run_step("build", size)
        print(f"{size:,} records: probing ...", flush=True)
        rows.append(row | _run_step("probe", size))
    report = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "composed_document_cosine_to_true": proxy_fidelity(),
        "sizes": rows,
    }
    path = RESULTS / f"scale-{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    path.write_text(json.dumps(report, indent=2))
    print_table(rows)
    print(
        "\ncounting the corpus's words for the speller (part of load s): "
        + ", ".join(f"{r['records']:,} records {r['speller_seconds']} s" for r in rows)
    )
    print(f"composed document vectors vs true ones (shipped corpus): {report['composed_document_cosine_to_true']}")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
