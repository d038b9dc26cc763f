"""Drive the running server with wrk, page by page, and print the table.

``python bench/drive.py BASE_URL PAGES_JSON`` (started by ``bench/run``). Each page is fetched a
few times first (warming), then wrk runs with 8 connections for ``BENCH_SECONDS`` (default 5);
that is one round, and ``BENCH_ROUNDS`` (default 5) rounds go through every page in turn. Each
page's row is its median round, and its req/s is also shown as a percentage of the static
file's median req/s in the same run.
"""

import json
import os
import re
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path

CONNECTIONS = 8
THREADS = 2
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
TARGETS = {
    "home": 40,
    "article": 40,
    "pain finder": 40,
    "product": 10,
    "catalogue": 5,
    "search": 3,
    "search, uncached": 3,
}


@dataclass
class Result:
    name: str
    path: str
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    error_kinds: str


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(name: str, url: str, path: str, *, unique: bool = False) -> Result:
    for _ in range(5):  # warm: fill the caches, open the connections
        urllib.request.urlopen(url, timeout=30).read()
    script = ["-s", str(Path(__file__).with_name("unique_query.lua"))] if unique else []
    out = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", *script, url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    errors, kinds = 0, []
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match.group(1))
        kinds.append(f"HTTP {match.group(1)}")
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    ):
        errors += sum(int(n) for n in match.groups())
        kinds.append(match.group(0))
    return Result(name, path, rps, p50, p99, errors, "; ".join(kinds))


def median_result(runs: list[Result]) -> Result:
    """One page's rounds as one row: the median round's figures, every round's errors."""
    middle = sorted(runs, key=lambda run: run.rps)[len(runs) // 2]
    errors = sum(run.errors for run in runs)
    kinds = "; ".join(run.error_kinds for run in runs if run.error_kinds)
    return Result(middle.name, middle.path, middle.rps, middle.p50_ms, middle.p99_ms, errors, kinds)


def main() -> None:
    base = sys.argv[1].rstrip("/")
    pages = [(name, path, False) for name, path in json.loads(sys.argv[2])]
    # The same search with a new query string each time: never from the page cache.
    search_path = dict((name, path) for name, path, _ in pages)["search"]
    pages.append(("search, uncached", search_path, True))
    # Round after round through every page, static file included: a stretch of seconds in
    # which the machine is busy with something else costs one round of one page, not its
    # figure, and the ceiling is measured throughout the run like the pages.
    runs: dict[str, list[Result]] = {name: [] for name, _, _ in pages}
    for _ in range(ROUNDS):
        for name, path, unique in pages:
            shown = path + "&nocache=…" if unique else path
            runs[name].append(run_wrk(name, base + path, shown, unique=unique))
    results = [median_result(runs[name]) for name, _, _ in pages]
    ceiling = results[0].rps
    print(
        f"\nwrk: {CONNECTIONS} connections, {THREADS} threads, {ROUNDS} rounds of {SECONDS}s "
        "per page, interleaved; each row is the page's median round"
    )
    print(f"ceiling: {ceiling:.0f} req/s, the static file's median round\n")
    print(
        "| Page | Path | req/s | p50 ms | p99 ms | errors | % of static | target | rounds req/s |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    for result in results:
        percent = 100 * result.rps / ceiling
        target = TARGETS.get(result.name)
        verdict = (
            "" if target is None else f"≥ {target}% {'met' if percent >= target else 'MISSED'}"
        )
        rounds = ", ".join(f"{run.rps:.0f}" for run in runs[result.name])
        print(
            f"| {result.name} | `{result.path}` | {result.rps:.0f} | {result.p50_ms:.1f} | "
            f"{result.p99_ms:.1f} | {result.errors} | {percent:.1f}% | {verdict} | {rounds} |"
        )
    for result in results:
        if result.errors:
            print(f"\n{result.name}: {result.error_kinds}")


if __name__ == "__main__":
    main()
