"""A closed-loop HTTP load generator: `concurrency` keep-alive connections, each sending its next
request as soon as the previous answer arrives.

It speaks just enough HTTP/1.1 over asyncio streams to POST JSON and read a Content-Length body.
On a 2-core machine the client shares the CPU with the server it measures, and a full client
library costs several times more CPU per request than these few lines.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

HOST = "127.0.0.1"  # loopback only: load is never sent anywhere else


@dataclass(frozen=True)
class LoadResult:
    latencies_ms: list[float]
    seconds: float
    errors: int

    @property
    def throughput(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    def summary(self) -> dict[str, float]:
        p50, p95, p99 = np.percentile(self.latencies_ms, [50, 95, 99]) if self.latencies_ms else (0, 0, 0)
        return {
            "requests": len(self.latencies_ms),
            "errors": self.errors,
            "p50_ms": round(float(p50), 2),
            "p95_ms": round(float(p95), 2),
            "p99_ms": round(float(p99), 2),
            "throughput_rps": round(self.throughput, 1),
        }


class Connection:
    """One keep-alive HTTP/1.1 connection to a local server."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader, self._writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(HOST, port)
        return cls(reader, writer)

    async def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
        head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: {len(body)}\r\n"
        if body:
            head += "Content-Type: application/json\r\n"
        self._writer.write(head.encode() + b"\r\n" + body)
        response_head = await self._reader.readuntil(b"\r\n\r\n")
        lines = response_head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        return status, await self._reader.readexactly(int(headers["content-length"]))

    async def close(self) -> None:
        self._writer.close()
        await self._writer.wait_closed()


async def get_status(port: int, path: str) -> int | None:
    """The status of one GET, or None while nothing listens on the port."""
    try:
        connection = await Connection.open(port)
    except OSError:
        return None
    try:
        status, _ = await connection.request("GET", path)
        return status
    except (OSError, asyncio.IncompleteReadError):
        return None
    finally:
        await connection.close()


async def run_load(port: int, bodies: Iterator[bytes], *, concurrency: int, seconds: float) -> LoadResult:
    """POSTs bodies to /v1/match from `concurrency` connections until the time (or the bodies) run out."""
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal errors
        connection = await Connection.open(port)
        try:
            # One event loop: the shared iterator needs no lock. A finite one ends the run early.
            for body in bodies:
                if time.perf_counter() >= deadline:
                    break
                started = time.perf_counter()
                status, _ = await connection.request("POST", "/v1/match", body)
                if status == 200:
                    latencies.append((time.perf_counter() - started) * 1000)
                else:
                    errors += 1
        finally:
            await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return LoadResult(latencies, time.perf_counter() - started, errors)
