#!/usr/bin/env bash
# How much LLVM IR a debug build of a generated module hands to LLVM, file by file: a count that, unlike compile
# time, does not move with the machine's load (the same output gives the same number on any run), and that follows
# the LLVM part of a debug build (about two thirds of Stripe's compile time here, `-stats-output-dir`).
#
#   bash Benchmarks/ir-size.sh [DOCUMENT] [GENERATOR]
#
# DOCUMENT defaults to Stripe's (../shared/specs/stripe-spec3-2023-09.yaml); GENERATOR to this work tree's debug
# openapi-bindgen (pass another revision's binary to compare outputs; its BindgenRuntime must match, so build both
# from the same revision). Each file is compiled as the primary file of a `swiftc -frontend -emit-ir -Onone` job
# (the others as secondary files, as a batch job sees them) against `.build/debug/Modules`; the count is the IR
# instructions (indented lines of the .ll file) and the `define`d functions. Takes about 15 s a file on 2 cores.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCUMENT="${1:-$ROOT/../shared/specs/stripe-spec3-2023-09.yaml}"
GENERATOR="${2:-$ROOT/.build/debug/openapi-bindgen}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
if [ $# -lt 2 ]; then
    swift build --package-path "$ROOT" --product openapi-bindgen >/dev/null
fi
swift build --package-path "$ROOT" --target BindgenRuntime >/dev/null
"$GENERATOR" generate "$DOCUMENT" --output-directory "$OUT/src" --quiet
cd "$OUT/src"
total=0
functions=0
printf '%-16s %12s %10s\n' file instructions functions
for file in *.swift; do
    others=()
    for other in *.swift; do [ "$other" = "$file" ] || others+=("$other"); done
    swiftc -frontend -emit-ir -Onone -parse-as-library -swift-version 6 -module-name Generated \
        -I "$ROOT/.build/debug/Modules" -primary-file "$file" "${others[@]}" -o "$OUT/file.ll"
    count=$(grep -c '^  ' "$OUT/file.ll" || true)
    defined=$(grep -c '^define' "$OUT/file.ll" || true)
    total=$((total + count))
    functions=$((functions + defined))
    printf '%-16s %12d %10d\n' "$file" "$count" "$defined"
done
printf '%-16s %12d %10d\n' total "$total" "$functions"
