#!/usr/bin/env python3
"""Generates Swift for every OpenAPI 3.x document of ../shared/specs, compiles each against BindgenRuntime in a
scratch package, and writes the table Tests/Corpus/RESULTS.md from that run.

    python3 .ci/corpus.py            # CI tier: every document but the six largest
    python3 .ci/corpus.py --all      # every document (the six largest add ~25 minutes of compiling on 2 cores)

Negative inputs (Swagger 2.0, no `openapi` field) must be refused; their exact diagnostics are asserted by
Tests/BindgenCoreTests/NegativeCorpusTests.swift. Exits 1 when a 3.x document fails to generate or to compile.
"""
import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPECS = os.path.normpath(os.path.join(ROOT, "..", "shared", "specs"))
LARGE = {"box-openapi.json", "kubernetes-v1.24-api-v1.openapi-v3.json", "stripe-spec3-2023-09.yaml",
         "twilio-api-v2010.json", "multifile/digitalocean/DigitalOcean-public.v2.yaml", "multifile/dropbox-sign/openapi.yaml"}


def documents():
    rows = []
    with open(os.path.join(SPECS, "INDEX.tsv"), newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows.append((row["filename"], row.get("openapi_version", "")))
    names = {name for name, _ in rows}
    for extra in sorted(os.listdir(os.path.join(SPECS, "bugs"))):
        if f"bugs/{extra}" not in names:
            rows.append((f"bugs/{extra}", ""))
    return rows


def is_negative(name, version):
    return version.startswith("Swagger") or version == "missing"


def target_name(name):
    return "C_" + re.sub(r"[^A-Za-z0-9]", "_", name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", action="store_true", help="include the six largest documents")
    parser.add_argument("--scratch", default=os.path.join(ROOT, ".build-corpus"))
    parser.add_argument("--table", default=os.path.join(ROOT, "Tests", "Corpus", "RESULTS.md"))
    args = parser.parse_args()

    subprocess.run(["swift", "build", "--product", "openapi-bindgen"], cwd=ROOT, check=True)
    bindir = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    generator = os.path.join(bindir, "openapi-bindgen")

    package = os.path.join(args.scratch, "pkg")
    shutil.rmtree(os.path.join(package, "Sources"), ignore_errors=True)
    os.makedirs(os.path.join(package, "Sources"), exist_ok=True)

    results = []
    compile_targets = []
    for name, version in documents():
        path = os.path.join(SPECS, name)
        row = {"document": name, "version": version or "?", "operations": "", "schemas": "", "warnings": "",
               "generation": "", "compiled": "", "note": ""}
        if is_negative(name, version):
            proc = subprocess.run([generator, "generate", path, "--output-directory", os.path.join(args.scratch, "neg")],
                                  capture_output=True, text=True)
            errors = [line for line in proc.stderr.splitlines() if ": error: " in line]
            row["compiled"] = "refused" if proc.returncode != 0 and len(errors) == 1 else "NOT REFUSED"
            row["note"] = errors[0].split(": error: ", 1)[1] if errors else ""
            results.append(row)
            continue
        out = os.path.join(package, "Sources", target_name(name))
        start = time.monotonic()
        proc = subprocess.run([generator, "generate", path, "--output-directory", out, "--quiet"], capture_output=True, text=True)
        row["generation"] = f"{(time.monotonic() - start) * 1000:.0f} ms"
        row["warnings"] = str(proc.stderr.count(": warning: "))
        if proc.returncode != 0:
            row["compiled"] = "GENERATION FAILED"
            row["note"] = next((l for l in proc.stderr.splitlines() if ": error: " in l), "").replace(SPECS + "/", "")
            results.append(row)
            continue
        endpoint = open(os.path.join(out, "Endpoint.swift")).read()
        types = open(os.path.join(out, "Types.swift")).read()
        row["operations"] = str(len(re.findall(r"^    case ", endpoint.split("public var operationID")[0], re.M)))
        row["schemas"] = str(len(re.findall(r"^public (?:indirect )?(?:struct|enum|typealias) ", types, re.M)))
        if name in LARGE and not args.all:
            row["compiled"] = "not in this tier"
            row["note"] = "run `python3 .ci/corpus.py --all`"
            shutil.rmtree(out)
        else:
            compile_targets.append((target_name(name), row))
        results.append(row)

    with open(os.path.join(package, "Package.swift"), "w") as manifest:
        targets = ",\n".join(
            f'        .target(name: "{t}", dependencies: [.product(name: "BindgenRuntime", package: "{os.path.basename(ROOT)}")])'
            for t, _ in compile_targets)
        manifest.write(f"""// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "corpus", platforms: [.macOS(.v13)],
    dependencies: [.package(path: "{ROOT}")],
    targets: [
{targets}
    ])
""")
    failures = 0
    for target, row in compile_targets:
        start = time.monotonic()
        proc = subprocess.run(["swift", "build", "--target", target, "--scratch-path", os.path.join(args.scratch, "build")],
                              cwd=package, capture_output=True, text=True)
        seconds = time.monotonic() - start
        if proc.returncode == 0:
            row["compiled"] = f"yes ({seconds:.0f} s)"
        else:
            failures += 1
            row["compiled"] = "NO"
            row["note"] = next((l.strip() for l in proc.stdout.splitlines() + proc.stderr.splitlines() if "error:" in l), "")[:160]
        print(f"corpus: {row['document']}: {row['compiled']} {row['note']}", flush=True)
    failures += sum(1 for r in results if r["compiled"] in ("GENERATION FAILED", "NOT REFUSED"))

    os.makedirs(os.path.dirname(args.table), exist_ok=True)
    with open(args.table, "w") as table:
        table.write("# Generator corpus results\n\n")
        table.write("Written by `python3 .ci/corpus.py" + (" --all" if args.all else "") + "` on "
                    + time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()) + "; do not edit by hand. Generation time is the "
                    "debug-built generator's wall time; compiled means the output built against BindgenRuntime.\n\n")
        table.write("| document | version | operations | schemas | warnings | generation | compiled | note |\n")
        table.write("|---|---|---:|---:|---:|---:|---|---|\n")
        for r in results:
            note = r["note"].replace("|", "\\|")
            table.write(f"| {r['document']} | {r['version']} | {r['operations']} | {r['schemas']} | {r['warnings']} | "
                        f"{r['generation']} | {r['compiled']} | {note} |\n")
    print(f"corpus: {len(results)} documents, {failures} failed; table in {os.path.relpath(args.table, ROOT)}")
    print(f"{len(results) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
