#!/usr/bin/env python3
"""Scale-out and many producers on one deployment (see build/bench/README.md); run by producers.sh.

Part 1, scale-out: for N = 1, 2, 4, a fresh emulator limited to 300 calls a minute per source
address, and N `ubiops-requests run --shard I/N` processes started at once on the same input file,
each from its own loopback address (--source-address 127.0.0.1I). Wall time is from the start to
the last exit; throughput is inputs per second; the ratio is throughput / (N x throughput at N=1).

Part 2, three producers: three runs at once on one deployment, 3,000 inputs each, 30% of each
file's values also in the other two, the emulator losing answers after it stored the call
(500/502/504/drop after commit), each run killed with SIGKILL twice at random moments and then
run again until it exits. Counted: inputs without a completed result of their own (lost), values
stored more often than the producers asked for them (twice), request ids in two outputs (claimed by
two), lines left ambiguous.
"""
import collections
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.path.join(ROOT, "src/UbiOps.Cli/bin/Release/net10.0/ubiops-requests.dll")
EMULATOR = os.path.join(ROOT, "src/UbiOps.Emulator.Tool/bin/Release/net10.0/ubiops-emulator.dll")
TOKEN, PROJECT = "emulator-token", "demo"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Emulator:
    def __init__(self, work, name, *args):
        self.port = free_port()
        self.db = os.path.join(work, f"{name}.db")
        self.log = open(os.path.join(work, f"{name}.log"), "w")
        self.process = subprocess.Popen(
            ["dotnet", EMULATOR, "--port", str(self.port), "--db", self.db, *args], stdout=self.log, stderr=self.log)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), 1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"the emulator did not start: see {self.log.name}")

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/v2.1"

    def stored(self):
        """How many stored requests hold each input value (canonical JSON)."""
        db = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        counts = collections.Counter()
        for (data,) in db.execute("SELECT request_data FROM requests WHERE request_data IS NOT NULL"):
            counts[json.dumps(json.loads(data), sort_keys=True)] += 1
        db.close()
        return counts

    def stop(self):
        self.process.terminate()
        self.process.wait()
        self.log.close()


def run_args(emulator, inputs, output, *more):
    return ["dotnet", CLI, "run", "-d", "echo", "-i", inputs, "-o", output, "--quiet",
            "--host", emulator.url, "--token", TOKEN, "--project", PROJECT, *more]


def write_lines(path, values):
    with open(path, "w") as f:
        for value in values:
            f.write(json.dumps(value) + "\n")


def scale_out(work, total):
    inputs = os.path.join(work, "scale.jsonl")
    write_lines(inputs, ({"n": i} for i in range(total)))
    rows = []
    for n in (1, 2, 4):
        emulator = Emulator(work, f"scale-{n}", "--rate-limit", "300/min")
        try:
            outputs = [os.path.join(work, f"scale-{n}-{i}.jsonl") for i in range(n)]
            start = time.monotonic()
            runs = [subprocess.Popen(run_args(emulator, inputs, outputs[i], "--shard", f"{i}/{n}", "--source-address", f"127.0.0.{11 + i}"),
                                     stderr=open(os.path.join(work, f"scale-{n}-{i}.err"), "w")) for i in range(n)]
            codes = [r.wait() for r in runs]
            wall = time.monotonic() - start
            merged = os.path.join(work, f"scale-{n}.jsonl")
            merge = subprocess.run(["dotnet", CLI, "merge", "-i", inputs, "-o", merged, *outputs], capture_output=True, text=True)
            done = sum(1 for line in open(merged) if json.loads(line).get("status") == "completed") if merge.returncode == 0 else 0
            stored = emulator.stored()
            twice = sum(c - 1 for c in stored.values() if c > 1)
        finally:
            emulator.stop()
        rows.append((n, wall, total / wall, codes, done, twice, merge.returncode))
        print(f"  N={n}: {wall:.1f} s, {total / wall:,.0f} inputs/s, exit codes {codes}, merge exit {merge.returncode}, "
              f"{done:,} completed, {twice} stored twice", flush=True)
    one = rows[0][2]
    print("\n| producers | wall | inputs/s | ratio to N x one | exit codes | completed | stored twice |")
    print("|---:|---:|---:|---:|---|---:|---:|")
    for n, wall, rate, codes, done, twice, _ in rows:
        print(f"| {n} | {wall:.1f} s | {rate:,.0f} | {rate / (n * one):.2f} | {' '.join(map(str, codes))} | {done:,} | {twice} |")


def producer_values(p, count):
    # 30% of the values (every i with i % 10 < 3) are the same in every producer's file.
    return [{"q": i} if i % 10 < 3 else {"p": p, "q": i} for i in range(count)]


def three_producers(work, count, faults, seed):
    emulator = Emulator(work, "three", "--faults", faults)
    rng = random.Random(seed)
    kills = {p: [rng.uniform(0.8, 3.0), rng.uniform(0.8, 3.0)] for p in range(3)}
    killed = collections.Counter()
    files = {}
    for p in range(3):
        files[p] = os.path.join(work, f"three-{p}.jsonl")
        write_lines(files[p], producer_values(p, count))
    invocations = collections.Counter()
    final = {}

    def produce(p):
        output = os.path.join(work, f"three-{p}.out")
        while True:
            invocations[p] += 1
            with open(os.path.join(work, f"three-{p}-{invocations[p]}.err"), "w") as err:
                run = subprocess.Popen(run_args(emulator, files[p], output), stderr=err)
                if kills[p]:
                    delay = kills[p].pop(0)
                    try:
                        run.wait(timeout=delay)
                    except subprocess.TimeoutExpired:
                        os.kill(run.pid, signal.SIGKILL)
                        run.wait()
                        killed[p] += 1
                        continue
                code = run.wait()
            if code == 0 or invocations[p] >= 10:
                final[p] = code
                return

    try:
        threads = [threading.Thread(target=produce, args=(p,)) for p in range(3)]
        start = time.monotonic()
        [t.start() for t in threads]
        [t.join() for t in threads]
        wall = time.monotonic() - start
        stored = emulator.stored()
    finally:
        emulator.stop()

    lost = ambiguous = 0
    claims = collections.Counter()
    for p in range(3):
        lines = {}
        for line in open(os.path.join(work, f"three-{p}.out")):
            entry = json.loads(line)
            lines[entry["index"]] = entry
        for i, value in enumerate(producer_values(p, count)):
            entry = lines.get(i)
            if entry is not None and entry.get("status") == "ambiguous":
                ambiguous += 1
            if entry is None or entry.get("status") != "completed" or entry.get("result") != value:
                lost += 1
            if entry is not None and entry.get("request_id"):
                claims[entry["request_id"]] += 1
    asked = collections.Counter(json.dumps(v, sort_keys=True) for p in range(3) for v in producer_values(p, count))
    twice = sum(max(0, stored[k] - n) for k, n in asked.items())
    never = sum(max(0, n - stored[k]) for k, n in asked.items())
    by_two = sum(1 for c in claims.values() if c > 1)
    print(f"  {3 * count:,} inputs, faults {faults}; {wall:.1f} s; SIGKILLs per producer {[killed[p] for p in range(3)]}, "
          f"invocations {[invocations[p] for p in range(3)]}, final exit codes {[final.get(p) for p in range(3)]}")
    print("\n| inputs | lost | stored twice | never stored | claimed by two | left ambiguous |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {3 * count:,} | {lost} | {twice} | {never} | {by_two} | {ambiguous} |")


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3_000
    faults = "500-after=0.05,502-after=0.05,504-after=0.05,drop-after=0.05"
    work = tempfile.mkdtemp(prefix="ubiops-producers.")
    print(f"work: {work}")
    if total > 0:
        print(f"Scale-out: {total:,} inputs, 300 calls/min per source address")
        scale_out(work, total)
    print(f"\nThree producers, {count:,} inputs each, 30% common values")
    three_producers(work, count, faults, seed=20261203)


if __name__ == "__main__":
    main()
