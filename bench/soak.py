"""Bounded soak test: a real `matcher serve` on loopback under steady concurrent load, with admin
writes swapping the index underneath it.

    python bench/soak.py                         # 2 minutes, concurrency 32, 15-s windows
    python bench/soak.py --duration 30 --concurrency 8

It starts the server itself (rate limiting off, admin token set, a temporary copy of the shipped
corpus so writes never touch the repository), sends only to 127.0.0.1, stops by itself after
`--duration` seconds, and stops the server. Per window it reports requests, errors, latency
p50/p95/max and the server's resident memory. It exits 1 if any request failed, if memory grew by
more than `--max-rss-growth-mib` after the warm-up, or if the last window's p95 is more than
`--max-p95-drift` times the first's. Results are also written to bench/results/soak-*.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TOKEN = "soak-admin-token-not-secret"

CHALLENGES = [
    "Patients with atrial fibrillation are not anticoagulated and we have too many strokes",
    "Long waits for diagnosis of COPD in primary care and frequent emergency admissions",
    "Heart failure patients are readmitted soon after discharge",
    "Too many people with type 2 diabetes have poor glucose control",
    "Children wait months for mental health assessment",
    "Late diagnosis of lung cancer in deprived areas",
    "Care homes call ambulances for falls that could be managed locally",
    "Asthma reviews are missed and inhaler technique is poor",
    "Chronic kidney disease is under-diagnosed in people with hypertension",
    "Patients with psoriasis wait too long for specialist dermatology care",
    "Hospital discharge is delayed for frail older people",
    "Low uptake of cervical screening among younger women",
]
REGIONS = ["London", "South West", "North West", "Midlands", "Scotland", "Wales"]
AREAS = ["cardiovascular", "respiratory", "diabetes and endocrine", "mental health", "oncology"]


@dataclass
class Window:
    started: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    writes: int = 0
    rss_mib: float = 0.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_server(workdir: Path, port: int, log_path: Path) -> subprocess.Popen[bytes]:
    from nhsmatch.corpus import DEFAULT_CORPUS_PATH

    corpus = workdir / "partnerships.jsonl"
    shutil.copy(DEFAULT_CORPUS_PATH, corpus)
    existing = ROOT / ".matcher-index"
    if (existing / "current").exists():  # same corpus bytes: the built index is valid for the copy
        shutil.copytree(existing, workdir / "index", symlinks=True)
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "MATCHER_CORPUS_PATH": str(corpus),
        "MATCHER_INDEX_DIR": str(workdir / "index"),
        "MATCHER_DATA_DIR": str(workdir / "data"),
        "MATCHER_ADMIN_TOKEN": TOKEN,
        "MATCHER_RATE_LIMIT": "off",
        "MATCHER_HOST": "127.0.0.1",
        "MATCHER_PORT": str(port),
    }
    with log_path.open("wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "nhsmatch.api.cli", "serve"], env=env, stdout=log, stderr=log, cwd=workdir
        )


async def wait_ready(client: httpx.AsyncClient, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server exited during start-up; see its log")
        try:
            if (await client.get("/readyz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.5)
    raise SystemExit("the server did not become ready in time")


def next_request(rng: random.Random, ids: list[str]) -> tuple[str, str, dict[str, object]]:
    roll = rng.random()
    if roll < 0.7:
        body: dict[str, object] = {"challenge": rng.choice(CHALLENGES), "limit": rng.choice([5, 10, 20])}
        if rng.random() < 0.3:
            body["filters"] = {"regions": [rng.choice(REGIONS)]}
        if rng.random() < 0.2:
            body["filters"] = {"therapy_areas": [rng.choice(AREAS)], "year_from": 2015}
        return "POST", "/v1/match", {"json": body}
    if roll < 0.85:
        params = {"region": rng.choice(REGIONS), "limit": 20, "offset": rng.choice([0, 20])}
        return "GET", "/v1/partnerships", {"params": params}
    if roll < 0.95:
        return "GET", f"/v1/partnerships/{rng.choice(ids)}", {}
    return "GET", f"/v1/partnerships/{rng.choice(ids)}/similar", {"params": {"limit": 5}}


async def soak(args: argparse.Namespace) -> int:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    workdir = Path(tempfile.mkdtemp(prefix="matcher-soak-"))
    log_path = RESULTS / f"soak-{stamp}.server.log"
    port = free_port()
    process = start_server(workdir, port, log_path)
    # Idle connections are dropped before uvicorn's 5-s keep-alive timeout closes them from its side.
    limits = httpx.Limits(
        max_connections=args.concurrency + 2, max_keepalive_connections=args.concurrency + 2, keepalive_expiry=2
    )
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60, limits=limits) as client:
            await wait_ready(client, process, args.start_timeout)
            ids = [item["id"] for item in (await client.get("/v1/partnerships", params={"limit": 100})).json()["items"]]
            # Warm-up: every code path once, so the baseline memory includes what a first request loads.
            for challenge in CHALLENGES:
                await client.post("/v1/match", json={"challenge": challenge})
            if args.write_every > 0:  # the writer thread's first write loads what every later one reuses
                headers = {"Authorization": f"Bearer {TOKEN}"}
                record = (await client.get(f"/v1/partnerships/{ids[0]}")).json() | {"id": "soak-warm-up"}
                await client.post("/v1/partnerships", json=record, headers=headers)
                await client.delete("/v1/partnerships/soak-warm-up", headers=headers)
            baseline = rss_mib(process.pid)
            print(f"server pid {process.pid} on 127.0.0.1:{port}; RSS after warm-up {baseline:.0f} MiB")
            windows = await run_load(client, process.pid, ids, args)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(workdir, ignore_errors=True)
    return report(windows, baseline, args, stamp)


async def run_load(client: httpx.AsyncClient, pid: int, ids: list[str], args: argparse.Namespace) -> list[Window]:
    started = time.monotonic()
    stop_at = started + args.duration
    windows = [Window(started)]

    def current() -> Window:
        if time.monotonic() - windows[-1].started >= args.window and time.monotonic() < stop_at:
            windows[-1].rss_mib = rss_mib(pid)
            windows.append(Window(time.monotonic()))
        return windows[-1]

    async def reader(worker: int) -> None:
        rng = random.Random(worker)
        while time.monotonic() < stop_at:
            method, path, options = next_request(rng, ids)
            began = time.perf_counter()
            try:
                response = await client.request(method, path, **options)  # type: ignore[arg-type]
                ok = response.status_code < 400
                detail = f"{method} {path}: {response.status_code} {response.text[:200]}"
            except httpx.HTTPError as err:
                ok, detail = False, f"{method} {path}: {type(err).__name__}: {err}"
            window = current()
            window.latencies.append(time.perf_counter() - began)
            if not ok:
                window.errors += 1
                if len(window.error_samples) < 5:
                    window.error_samples.append(detail)

    async def writer() -> None:
        """An admin write every few seconds: add a record, then delete it, swapping the index each time."""
        headers = {"Authorization": f"Bearer {TOKEN}"}
        serial = 0
        while time.monotonic() < stop_at - args.write_every:
            await asyncio.sleep(args.write_every)
            try:
                record = (await client.get(f"/v1/partnerships/{ids[serial % len(ids)]}")).json()
                record["id"] = f"soak-copy-{serial}"
                record["title"] = f"{record['title']} (soak copy {serial})"
                added = await client.post("/v1/partnerships", json=record, headers=headers)
                found = await client.get(f"/v1/partnerships/{record['id']}")  # read-your-write
                removed = await client.delete(f"/v1/partnerships/{record['id']}", headers=headers)
                failed = [r for r in (added, found, removed) if r.status_code >= 400]
                samples = [f"write: {r.request.method} {r.status_code} {r.text[:200]}" for r in failed]
            except httpx.HTTPError as err:
                failed, samples = [err], [f"write: {type(err).__name__}: {err}"]
            window = current()
            window.writes += 2
            window.errors += len(failed)
            window.error_samples.extend(samples)
            serial += 1

    tasks = [reader(worker) for worker in range(args.concurrency)]
    if args.write_every > 0:
        tasks.append(writer())
    await asyncio.gather(*tasks)
    windows[-1].rss_mib = rss_mib(pid)
    return windows


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(windows: list[Window], baseline: float, args: argparse.Namespace, stamp: str) -> int:
    rows = []
    print(
        f"\n{'window':>8} {'requests':>9} {'req/s':>7} {'errors':>7} {'writes':>7} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'RSS MiB':>8}"
    )
    for number, window in enumerate(windows):
        span = args.window if number < len(windows) - 1 else max(1e-9, args.duration - number * args.window)
        row = {
            "window": number,
            "requests": len(window.latencies),
            "rps": round(len(window.latencies) / span, 1),
            "errors": window.errors,
            "writes": window.writes,
            "p50_ms": round(percentile(window.latencies, 0.5) * 1000, 1),
            "p95_ms": round(percentile(window.latencies, 0.95) * 1000, 1),
            "max_ms": round(max(window.latencies, default=0) * 1000, 1),
            "rss_mib": round(window.rss_mib, 1),
            "error_samples": window.error_samples,
        }
        rows.append(row)
        print(
            f"{number * args.window:>6}s+ {row['requests']:>9} {row['rps']:>7} {row['errors']:>7} "
            f"{row['writes']:>7} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['max_ms']:>8} {row['rss_mib']:>8}"
        )
        for sample in window.error_samples:
            print(f"    error: {sample}")
    errors = sum(row["errors"] for row in rows)
    growth = max(row["rss_mib"] for row in rows) - baseline
    full = [row for row in rows if row["requests"]]
    drift = (full[-1]["p95_ms"] / full[0]["p95_ms"]) if len(full) > 1 and full[0]["p95_ms"] else 1.0
    all_latencies = [latency for window in windows for latency in window.latencies]
    summary = {
        "requests": len(all_latencies),
        "errors": errors,
        "writes": sum(row["writes"] for row in rows),
        "rss_baseline_mib": round(baseline, 1),
        "rss_end_mib": rows[-1]["rss_mib"],
        "rss_growth_mib": round(growth, 1),
        "p50_ms": round(statistics.median(all_latencies) * 1000, 1) if all_latencies else 0,
        "p95_ms": round(percentile(all_latencies, 0.95) * 1000, 1),
        "p95_drift": round(drift, 2),
    }
    print(f"\n{json.dumps(summary)}")
    out = RESULTS / f"soak-{stamp}.json"
    out.write_text(json.dumps({"args": vars(args), "summary": summary, "windows": rows}, indent=2))
    print(f"written to {out.relative_to(ROOT)}")
    failures = []
    if errors:
        failures.append(f"{errors} failed requests")
    if growth > args.max_rss_growth_mib:
        failures.append(f"RSS grew {growth:.0f} MiB > {args.max_rss_growth_mib} MiB")
    if drift > args.max_p95_drift:
        failures.append(f"p95 drifted x{drift:.2f} > x{args.max_p95_drift}")
    print("FAIL: " + "; ".join(failures) if failures else "PASS")
    return 1 if failures else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=120, help="seconds of load (default 120)")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--window", type=float, default=15, help="seconds per report window")
    parser.add_argument("--write-every", type=float, default=5, help="seconds between admin writes; 0: none")
    parser.add_argument("--max-rss-growth-mib", type=float, default=100)
    parser.add_argument("--max-p95-drift", type=float, default=1.5)
    parser.add_argument("--start-timeout", type=float, default=600)
    args = parser.parse_args()
    if not 1 <= args.concurrency <= 256 or not 0 < args.duration <= 3600:
        parser.error("concurrency 1-256 and duration up to an hour")
    sys.exit(asyncio.run(soak(args)))


if __name__ == "__main__":
    main()
