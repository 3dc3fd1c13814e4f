#!/usr/bin/env python3
"""Where our generator spends its instructions: callgrind on the release build, top functions by share.

    python3 Benchmarks/profile.py [DOCUMENT] [--top N]

Run Benchmarks/run.sh once first (it builds Benchmarks/.scratch/bindgen/release/openapi-bindgen and writes the
synthetic documents); DOCUMENT defaults to Benchmarks/.scratch/docs/synthetic-500.yaml. callgrind counts
instructions, so the shares do not depend on what else the machine is doing (it runs ~50× slower than normal:
about a minute per CPU-second of generation). Prints two tables, inclusive cost (a function and everything it
calls; recursive functions are counted once per outermost call) and self cost, with demangled Swift names.
"""

import argparse
import os
import re
import subprocess
import sys

BENCH = os.path.dirname(os.path.abspath(__file__))
SCRATCH = os.path.join(BENCH, ".scratch")
LINE = re.compile(r"^\s*([\d,]+) \(\s*([\d.]+)%\)\s+(\*\s+)?(.*?)(?: \[(.*)\])?$")


def demangle(names):
    if not names:
        return []
    result = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(names),
                            capture_output=True, text=True)
    out = result.stdout.splitlines()
    return out if len(out) == len(names) else names


def table(out_file, inclusive, top):
    text = subprocess.run(["callgrind_annotate", "--inclusive=%s" % ("yes" if inclusive else "no"), out_file],
                          capture_output=True, text=True).stdout
    rows, started = [], False
    for line in text.splitlines():
        if "file:function" in line:
            started = True
            continue
        if not started:
            continue
        match = LINE.match(line)
        if not match:
            continue
        count, share, _, location, _ = match.groups()
        function = location.split(":", 1)[1] if ":" in location else location
        function = function.split("'")[0]
        if function in ("0x0000000000000000", "(below main)") or "libc" in location:
            continue
        rows.append((int(count.replace(",", "")), float(share), function, location.split(":", 1)[0]))
    seen, unique = set(), []
    for row in rows:   # callgrind lists specializations and `'2` recursion levels apart: keep the largest
        if row[2] in seen:
            continue
        seen.add(row[2])
        unique.append(row)
    unique = [row for row in unique if row[1] < 99.0][:top]
    names = demangle([row[2] for row in unique])
    lines = ["| share | instructions | function | where |", "|---|---|---|---|"]
    for (count, share, _, where), name in zip(unique, names):
        where = os.path.basename(where) if where not in ("???", "") else "(runtime / Foundation)"
        name = name.replace("|", "\\|")
        if len(name) > 140:
            name = name[:137] + "…"
        lines.append("| %.1f%% | %s | `%s` | %s |" % (share, "{:,}".format(count), name, where))
    return "\n".join(lines)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("document", nargs="?", default=os.path.join(SCRATCH, "docs", "synthetic-500.yaml"))
    parser.add_argument("--binary", default=os.path.join(SCRATCH, "bindgen", "release", "openapi-bindgen"))
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    os.makedirs(os.path.join(SCRATCH, "profile"), exist_ok=True)
    base = os.path.splitext(os.path.basename(args.document))[0]
    out_file = os.path.join(SCRATCH, "profile", "callgrind-%s.out" % base)
    output = os.path.join(SCRATCH, "profile", "out-" + base)
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out_file, args.binary, "generate",
                    args.document, "--output-directory", output, "--quiet", "--timings"], check=True, stdout=sys.stderr)
    total = subprocess.run(["callgrind_annotate", out_file], capture_output=True, text=True).stdout
    match = re.search(r"([\d,]+) \(100.0%\)\s+PROGRAM TOTALS", total)
    print("# callgrind profile of openapi-bindgen (release) on %s\n" % os.path.basename(args.document))
    if match:
        print("Total: %s instructions.\n" % match.group(1))
    print("## Inclusive\n")
    print("A function and everything it calls. Recursive functions (the Mustache renderer, the schema parser) are\n"
          "over-counted by callgrind's inclusive cost; `--timings` gives the reliable split between stages.\n")
    print(table(out_file, True, args.top))
    print("\n## Self\n")
    print(table(out_file, False, args.top))


if __name__ == "__main__":
    main(sys.argv[1:])
