#!/usr/bin/env python3
"""Our generator at two revisions, side by side: the measuring half of Benchmarks/compare.sh.

    python3 Benchmarks/compare.py --baseline BIN --current BIN --scan BIN --doc NAME=PATH ... [--runs N] [--report PATH]

For each document the two release builds run alternately (baseline, current, baseline, current, ...), each
into a fresh folder with `--timings`. Reported per document: the median CPU time (user + sys of the process,
from os.wait4), the median wall time, the median of each stage the generator prints (read, model, lower,
render, write, total), and the ratios baseline / current. The floor is yaml-scan (libyaml's bare event scan,
Benchmarks/YAMLScan) on the same file, timed as a process the same way; "vs scan" is the current CPU time over
the scan's. Every number comes from this one run.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TIMINGS = re.compile(r"timings \(ms\): read ([\d.]+) model ([\d.]+) lower ([\d.]+) render ([\d.]+) write ([\d.]+) total ([\d.]+)")
STAGES = ("read", "model", "lower", "render", "write", "total")


def run(argv):
    """(cpu seconds, wall seconds, stdout+stderr) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("compare.py: %s failed:\n%s" % (" ".join(argv), output[-2000:]))
    return usage.ru_utime + usage.ru_stime, wall, output


def generate(binary, document, scratch):
    out = tempfile.mkdtemp(dir=scratch)
    try:
        cpu, wall, output = run([binary, "generate", document, "--output-directory", out, "--timings"])
    finally:
        shutil.rmtree(out, ignore_errors=True)
    match = TIMINGS.search(output)
    if not match:
        sys.exit("compare.py: no timings line from %s:\n%s" % (binary, output[-2000:]))
    return cpu, wall, dict(zip(STAGES, map(float, match.groups())))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--current", required=True)
    parser.add_argument("--scan", required=True)
    parser.add_argument("--doc", action="append", required=True, help="NAME=PATH")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline-label", default="baseline")
    parser.add_argument("--current-label", default="current")
    parser.add_argument("--command", default="bash Benchmarks/compare.sh")
    parser.add_argument("--report")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="bindgen-compare-")
    rows = []
    for item in args.doc:
        name, path = item.split("=", 1)
        samples = {"baseline": [], "current": []}
        for index in range(args.runs):
            for side in ("baseline", "current"):
                samples[side].append(generate(getattr(args, side), path, scratch))
            print("[compare] %s run %d/%d" % (name, index + 1, args.runs), file=sys.stderr, flush=True)
        scans = [run([args.scan, path])[0] for _ in range(args.runs)]
        rows.append((name, path, samples, statistics.median(scans)))
    shutil.rmtree(scratch, ignore_errors=True)

    def med(values):
        return statistics.median(values)

    lines = ["# Generator against a baseline revision", "",
             "Written by `%s`; every number below comes from that one run. Medians of %d runs per side, the two "
             "builds alternating; CPU is user + sys of the process." % (args.command, args.runs), "",
             "Baseline: %s. Current: %s." % (args.baseline_label, args.current_label), "",
             "| document | CPU baseline | CPU current | ratio | wall baseline | wall current | ratio | scan CPU | current vs scan |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, path, samples, scan in rows:
        cb, cc = med([s[0] for s in samples["baseline"]]), med([s[0] for s in samples["current"]])
        wb, wc = med([s[1] for s in samples["baseline"]]), med([s[1] for s in samples["current"]])
        lines.append("| %s | %.3f s | %.3f s | **%.2f×** | %.3f s | %.3f s | %.2f× | %.3f s | %.1f× |" % (
            name, cb, cc, cb / cc, wb, wc, wb / wc, scan, cc / scan if scan else float("nan")))
    lines += ["", "Stages (`--timings`, in-process wall ms, medians; the render stage builds the template context "
              "and renders it on every core):", "",
              "| document | stage | baseline | current | ratio |", "|---|---|---|---|---|"]
    for name, path, samples, scan in rows:
        for stage in STAGES:
            b = med([s[2][stage] for s in samples["baseline"]])
            c = med([s[2][stage] for s in samples["current"]])
            ratio = ("%.2f×" % (b / c)) if c else "–"
            if stage in ("render", "total") and c:
                ratio = "**%s**" % ratio
            lines.append("| %s | %s | %.1f | %.1f | %s |" % (name, stage, b, c, ratio))
    text = "\n".join(lines) + "\n"
    print(text)
    if args.report:
        with open(args.report, "w") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
