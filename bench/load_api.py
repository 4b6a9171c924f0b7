"""A bounded load test of the HTTP API on loopback: concurrent clients mixing search and ask.

    RESCITE_HOME=/path/to/index .venv/bin/python bench/load_api.py [--clients 20] [--seconds 60]
    .venv/bin/python bench/load_api.py --url http://127.0.0.1:8000 [--key KEY]

Without --url it starts `rescite serve` on a free loopback port over RESCITE_HOME (one process,
as in production), waits for /readyz, runs, and stops it. Questions are the gold set's
(evals/gold.jsonl), cycled; `--unique` makes every question text new (defeats any cache: each
request then pays for embedding its query). After a warm-up pass over the questions, each client
loops until the time is up, sending `/v1/ask` with probability `--ask-share` and otherwise
`/v1/search`. With `--think 0` (the default) clients send back to back, which saturates the
server: latency is then mostly queueing (clients / throughput). `--think S` pauses each client a
random time with mean S seconds between requests, as people reading an answer do. Prints
requests/s, p50/p95/p99 latency and errors per route. Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "evals" / "gold.jsonl"
FALLBACK = ["spectrum management", "cybercrime", "broadband for developing countries"]


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    statuses: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))


def questions() -> list[str]:
    if not GOLD.is_file():
        return FALLBACK
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()] or FALLBACK


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def served() -> Iterator[str]:
    """`rescite serve` over RESCITE_HOME on a free loopback port, until the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "rescite.cli.main", "serve", "--port", str(port)]
    server = subprocess.Popen([*command, "--log-level", "warning"], env=dict(os.environ))
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and server.poll() is None:
            try:
                if httpx.get(url + "/readyz", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        else:
            raise SystemExit("rescite serve did not become ready")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


async def one_request(client: httpx.AsyncClient, route: str, text: str, tally: Tally) -> None:
    started = time.perf_counter()
    try:
        if route == "/v1/ask":
            response = await client.post(route, json={"question": text})
        else:
            response = await client.get(route, params={"q": text, "k": 10})
        status = response.status_code
    except httpx.HTTPError:
        status = 0
    elapsed = time.perf_counter() - started
    tally.latencies[route].append(elapsed)
    tally.statuses[route][status] = tally.statuses[route].get(status, 0) + 1
    if status != 200:
        tally.errors[route] += 1


def text_for(pool: list[str], n: int, unique: bool) -> str:
    text = pool[n % len(pool)]
    return f"{text} (variant {n})" if unique else text


async def client_loop(
    client: httpx.AsyncClient, args: argparse.Namespace, seed: int, stop_at: float, tally: Tally
) -> None:
    rng = random.Random(seed)
    pool = questions()
    n = seed * 100_003
    while time.perf_counter() < stop_at:
        route = "/v1/ask" if rng.random() < args.ask_share else "/v1/search"
        await one_request(client, route, text_for(pool, n, args.unique), tally)
        n += 1
        if args.think > 0:
            await asyncio.sleep(min(rng.expovariate(1 / args.think), stop_at - time.perf_counter()))


async def run(url: str, args: argparse.Namespace) -> tuple[Tally, float]:
    headers = {"X-API-Key": args.key} if args.key else {}
    limits = httpx.Limits(max_connections=args.clients)
    async with httpx.AsyncClient(
        base_url=url, headers=headers, timeout=120, limits=limits
    ) as client:
        warm = Tally()
        for text in questions() if not args.unique else []:
            await one_request(client, "/v1/ask", text, warm)
            await one_request(client, "/v1/search", text, warm)
        tally = Tally()
        started = time.perf_counter()
        stop_at = started + args.seconds
        await asyncio.gather(
            *(client_loop(client, args, seed, stop_at, tally) for seed in range(args.clients))
        )
        return tally, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)] if ordered else float("nan")


def report(tally: Tally, seconds: float, args: argparse.Namespace) -> None:
    print(
        f"load_api: {args.clients} clients, {seconds:.1f} s, ask share {args.ask_share:.2f}, "
        f"{'unique' if args.unique else 'repeated (gold set)'} questions, "
        f"think time {args.think:.1f} s"
    )
    print(
        f"{'route':<12}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'errors':>8}  statuses"
    )
    everything: list[float] = []
    for route in sorted(tally.latencies):
        values = tally.latencies[route]
        everything += values
        print(
            f"{route:<12}{len(values):>10}{len(values) / seconds:>9.1f}"
            f"{percentile(values, 0.50) * 1000:>9.0f}{percentile(values, 0.95) * 1000:>9.0f}"
            f"{percentile(values, 0.99) * 1000:>9.0f}{tally.errors[route]:>8}  "
            f"{dict(sorted(tally.statuses[route].items()))}"
        )
    print(
        f"{'all':<12}{len(everything):>10}{len(everything) / seconds:>9.1f}"
        f"{percentile(everything, 0.50) * 1000:>9.0f}{percentile(everything, 0.95) * 1000:>9.0f}"
        f"{percentile(everything, 0.99) * 1000:>9.0f}{sum(tally.errors.values()):>8}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server; default: start `rescite serve`")
    parser.add_argument("--key", default=os.environ.get("RESCITE_LOAD_KEY"), help="API key")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--ask-share", type=float, default=0.5)
    parser.add_argument("--unique", action="store_true", help="never repeat a question")
    parser.add_argument(
        "--think", type=float, default=0.0, help="mean seconds a client waits between requests"
    )
    args = parser.parse_args()
    if args.url:
        tally, seconds = asyncio.run(run(args.url, args))
    else:
        with served() as url:
            tally, seconds = asyncio.run(run(url, args))
    report(tally, seconds, args)


if __name__ == "__main__":
    main()
