"""The service against a naive baseline, over HTTP on loopback: `python -m bench.run [--quick]`.

Builds the shipped corpus's index (timing it and its peak memory), measures cold start (process
start to /readyz 200), then drives both servers with the same requests: unique challenges (no
cache hit possible) and a widget-like mix where 80 % repeat an earlier challenge, each at
concurrency 1, 8 and 32. Runs are interleaved and repeated, and medians reported, because other
work on the machine moves single numbers. Prints a table and writes bench/results/run-*.json.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.load import get_status, run_load
from nhsmatch.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DEV_QUERIES = ROOT / "tests" / "fixtures" / "dev_queries.txt"
CONCURRENCIES = (1, 8, 32)
REPEAT_SHARE = 0.8


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]

    def peak_rss_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) / 1024

    def cpu_seconds(self) -> float:
        """User and system CPU time of all the server's threads so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(index_dir: Path) -> dict[str, str]:
    # The load comes from one address: with the per-client limit on, it would measure 429s.
    return os.environ | {
        "MATCHER_INDEX_DIR": str(index_dir),
        "MATCHER_LOG_LEVEL": "WARNING",
        "MATCHER_RATE_LIMIT": "off",
        "HF_HUB_OFFLINE": "1",
    }


def start_server(name: str, index_dir: Path, *, timeout: float = 180) -> tuple[Server, float]:
    """A server process and the seconds from its start to /readyz 200."""
    port = _free_port()
    if name == "ours":
        command = [sys.executable, "-m", "nhsmatch.api.cli", "serve", "--port", str(port)]
    else:
        command = [sys.executable, "-m", "bench.baseline_app", "--index-dir", str(index_dir), "--port", str(port)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=_env(index_dir))
    server = Server(name, port, process)
    while asyncio.run(get_status(port, "/readyz")) != 200:
        if process.poll() is not None or time.perf_counter() - started > timeout:
            server.stop()
            raise RuntimeError(f"{name} server did not become ready")
        time.sleep(0.01)
    return server, time.perf_counter() - started


def build_index(index_dir: Path) -> dict[str, float]:
    """`matcher build` from scratch (model load, ONNX export, embedding): wall time and peak RSS."""
    shutil.rmtree(index_dir, ignore_errors=True)
    started = time.perf_counter()
    command = [sys.executable, "-m", "nhsmatch.api.cli", "build", "--index-dir", str(index_dir)]
    process = subprocess.Popen(command, cwd=ROOT, env=_env(index_dir))
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError("matcher build failed")
    manifest = json.loads((index_dir / "current" / "manifest.json").read_text())
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "embed_and_index_seconds": manifest["build_seconds"],
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "index_mb": round(sum(f.stat().st_size for f in (index_dir / "current").iterdir()) / 2**20, 2),
    }


def challenge_texts() -> list[str]:
    """Realistic challenges: the dev-set queries and the corpus's own challenge statements."""
    return DEV_QUERIES.read_text(encoding="utf-8").splitlines() + [r.challenge for r in load_corpus().records]


def unique_bodies(texts: list[str], tag: str) -> Iterator[bytes]:
    """Never the same challenge twice, so no cache can answer."""
    for i in itertools.count():
        yield json.dumps({"challenge": f"{texts[i % len(texts)]} (case {tag}-{i})"}).encode()


def repeat_mix_bodies(texts: list[str], tag: str) -> Iterator[bytes]:
    """80 % repeat a challenge sent earlier in the run, like a widget's example buttons and reloads."""
    rng = random.Random(tag)
    fresh = unique_bodies(texts, tag)
    sent: list[bytes] = []
    while True:
        if sent and rng.random() < REPEAT_SHARE:
            yield rng.choice(sent)
        else:
            sent.append(next(fresh))
            yield sent[-1]


WORKLOADS = {"unique": unique_bodies, "repeat-mix": repeat_mix_bodies}


def median_summary(runs: list[dict[str, float]]) -> dict[str, Any]:
    keys = ("p50_ms", "p95_ms", "p99_ms", "throughput_rps", "cpu_ms_per_request")
    return {key: round(statistics.median(run[key] for run in runs), 2) for key in keys} | {"runs": runs}


def measure(servers: list[Server], *, repeats: int, seconds: float) -> list[dict[str, Any]]:
    texts = challenge_texts()
    rows = []
    for workload, concurrency in itertools.product(WORKLOADS, CONCURRENCIES):
        runs: dict[str, list[dict[str, float]]] = {server.name: [] for server in servers}
        for repeat, server in itertools.product(range(repeats), servers):  # interleaved: same noise for both
            bodies = WORKLOADS[workload](texts, f"{workload}-{concurrency}-{repeat}-{server.name}")
            cpu_before = server.cpu_seconds()
            result = asyncio.run(run_load(server.port, bodies, concurrency=concurrency, seconds=seconds))
            cpu_ms = (server.cpu_seconds() - cpu_before) * 1000 / max(1, len(result.latencies_ms))
            runs[server.name].append(result.summary() | {"cpu_ms_per_request": round(cpu_ms, 2)})
            print(f"  {workload:<10} c={concurrency:<3} {server.name:<8} {runs[server.name][-1]}", flush=True)
        row: dict[str, Any] = {"workload": workload, "concurrency": concurrency}
        row |= {name: median_summary(server_runs) for name, server_runs in runs.items()}
        row["throughput_ratio"] = round(row["ours"]["throughput_rps"] / row["baseline"]["throughput_rps"], 2)
        row["p50_ratio"] = round(row["ours"]["p50_ms"] / row["baseline"]["p50_ms"], 3)
        # Server CPU per answer: what bounds throughput on a machine of its own, whatever else runs here.
        row["cpu_ratio"] = round(row["baseline"]["cpu_ms_per_request"] / row["ours"]["cpu_ms_per_request"], 2)
        rows.append(row)
    return rows


def warm_up(server: Server) -> None:
    bodies = unique_bodies(challenge_texts(), f"warm-up-{server.name}")
    asyncio.run(run_load(server.port, bodies, concurrency=4, seconds=2))


def print_table(report: dict[str, Any]) -> None:
    print(f"\nBuild (shipped corpus): {report['build']}")
    print(f"Cold start to /readyz 200, median s: {report['cold_start']}")
    print(f"Peak RSS of the servers, MB: {report['server_peak_rss_mb']}\n")
    header = "| workload | c | ours p50 / p95 / p99 ms | ours req/s | baseline p50 / p95 / p99 ms | baseline req/s |"
    print(header + " throughput ratio | p50 ratio | CPU ms/req ours / baseline | CPU ratio |")
    print("|" + "---|" * 10)
    for row in report["scenarios"]:
        ours, base = row["ours"], row["baseline"]
        print(
            f"| {row['workload']} | {row['concurrency']} "
            f"| {ours['p50_ms']:.1f} / {ours['p95_ms']:.1f} / {ours['p99_ms']:.1f} | {ours['throughput_rps']:.1f} "
            f"| {base['p50_ms']:.1f} / {base['p95_ms']:.1f} / {base['p99_ms']:.1f} | {base['throughput_rps']:.1f} "
            f"| {row['throughput_ratio']:.2f} | {row['p50_ratio']:.2f} "
            f"| {ours['cpu_ms_per_request']:.1f} / {base['cpu_ms_per_request']:.1f} | {row['cpu_ratio']:.2f} |"
        )
    print("\nTargets:")
    for name, met in report["targets"].items():
        print(f"  {'met ' if met else 'MISSED'} {name}")


def check_targets(report: dict[str, Any]) -> dict[str, bool]:
    rows = {(row["workload"], row["concurrency"]): row for row in report["scenarios"]}
    repeat_p50 = max(rows[("repeat-mix", c)]["ours"]["p50_ms"] for c in (1, 8))
    failed = sum(
        run["errors"] for row in report["scenarios"] for name in ("ours", "baseline") for run in row[name]["runs"]
    )
    return {
        "no failed requests (figures are meaningless otherwise)": failed == 0,
        "unique throughput at c=32 >= 2.5x baseline": rows[("unique", 32)]["throughput_ratio"] >= 2.5,
        "unique p50 at c=1 <= baseline": rows[("unique", 1)]["p50_ratio"] <= 1.0,
        "repeat-mix p50 <= 5 ms (c=1 and c=8)": repeat_p50 <= 5.0,
        "cold start <= 5 s": report["cold_start"]["ours"] <= 5.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one 2-second run per scenario (about 2 minutes)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per scenario and server; medians reported")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each run")
    parser.add_argument("--cold-starts", type=int, default=3)
    parser.add_argument("--reuse-index", action="store_true", help="skip the build when bench/results/index exists")
    args = parser.parse_args()
    if args.quick:
        args.repeats, args.seconds, args.cold_starts = 1, 2.0, 1
    RESULTS.mkdir(parents=True, exist_ok=True)
    index_dir = RESULTS / "index"
    report: dict[str, Any] = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_before": os.getloadavg()},
        "settings": {"repeats": args.repeats, "seconds": args.seconds, "repeat_share": REPEAT_SHARE},
    }
    print("building the index of the shipped corpus ...", flush=True)
    reuse = args.reuse_index and (index_dir / "current").exists()
    report["build"] = None if reuse else build_index(index_dir)
    cold: dict[str, list[float]] = {"ours": [], "baseline": []}
    for _, name in itertools.product(range(args.cold_starts), cold):
        server, seconds = start_server(name, index_dir)
        server.stop()
        cold[name].append(round(seconds, 2))
    report["cold_start"] = {name: statistics.median(times) for name, times in cold.items()}
    report["cold_start_runs"] = cold
    servers = [start_server(name, index_dir)[0] for name in ("ours", "baseline")]
    try:
        for server in servers:
            warm_up(server)
        report["scenarios"] = measure(servers, repeats=args.repeats, seconds=args.seconds)
        report["server_peak_rss_mb"] = {server.name: round(server.peak_rss_mb(), 1) for server in servers}
    finally:
        for server in servers:
            server.stop()
    report["machine"]["load_after"] = os.getloadavg()
    report["targets"] = check_targets(report)
    path = RESULTS / f"run-{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    path.write_text(json.dumps(report, indent=2))
    print_table(report)
    print(f"\nwrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
