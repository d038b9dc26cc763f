"""Drive the running server with wrk, page by page, and print the table.

``python bench/drive.py BASE_URL`` (started by ``bench/run``). Each page is fetched a few times
first (warming), then wrk runs with 8 connections for ``BENCH_SECONDS`` (default 15). Every
page's req/s is also shown as a percentage of the static file's req/s in the same run (the
static file is measured first and last; the ceiling is the mean of the two).
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
SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
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


def main() -> None:
    base = sys.argv[1].rstrip("/")
    pages = json.loads(sys.argv[2])
    results = [run_wrk(name, base + path, path) for name, path in pages]
    # The same search with a new query string each time: never from the page cache.
    search_path = dict(pages)["search"]
    results.append(
        run_wrk("search, uncached", base + search_path, search_path + "&nocache=…", unique=True)
    )
    # The static file again at the end: the ceiling is the mean of both runs, so a machine
    # that got busier (or quieter) during the run does not tilt the percentages.
    name, path = pages[0]
    results.append(run_wrk(f"{name} (again)", base + path, path))
    ceiling = (results[0].rps + results[-1].rps) / 2
    print(f"\nwrk: {CONNECTIONS} connections, {THREADS} threads, {SECONDS}s per page")
    print(f"ceiling: {ceiling:.0f} req/s, the mean of the static file's first and last runs\n")
    print("| Page | Path | req/s | p50 ms | p99 ms | errors | % of static | target |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for result in results:
        percent = 100 * result.rps / ceiling
        target = TARGETS.get(result.name)
        verdict = (
            "" if target is None else f"≥ {target}% {'met' if percent >= target else 'MISSED'}"
        )
        print(
            f"| {result.name} | `{result.path}` | {result.rps:.0f} | {result.p50_ms:.1f} | "
            f"{result.p99_ms:.1f} | {result.errors} | {percent:.1f}% | {verdict} |"
        )
    for result in results:
        if result.errors:
            print(f"\n{result.name}: {result.error_kinds}")


if __name__ == "__main__":
    main()
