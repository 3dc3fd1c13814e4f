#!/usr/bin/env bash
# How many compiler frontend jobs the Swift driver schedules for a generated module: in a debug build the driver
# gives each job a batch of the module's files, so the number of files bounds the parallel type-checking jobs.
#
#   bash Benchmarks/frontend-jobs.sh [DOCUMENT]      # Stripe's document by default
#
# Generates DOCUMENT with the work tree's openapi-bindgen, then asks `swiftc -driver-print-jobs` (which plans and
# does not compile) for -j 2, 4, 8 and 16 in batch mode, the mode SwiftPM's debug builds use.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCUMENT="${1:-$ROOT/../shared/specs/stripe-spec3-2023-09.yaml}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
swift build --package-path "$ROOT" --product openapi-bindgen >/dev/null 2>&1
"$ROOT/.build/debug/openapi-bindgen" generate "$DOCUMENT" --output-directory "$OUT" --quiet
echo "$(basename "$DOCUMENT"): $(ls "$OUT"/*.swift | wc -l) files, $(cat "$OUT"/*.swift | wc -l) lines; largest: $(wc -l "$OUT"/*.swift | sort -n | tail -2 | head -1)"
for jobs in 2 4 8 16; do
    count=$(swiftc -driver-print-jobs -j "$jobs" -enable-batch-mode -incremental -module-name Generated -parse-as-library \
        "$OUT"/*.swift 2>/dev/null | grep -c -- "-frontend -c" || true)
    echo "-j $jobs: $count frontend jobs"
done
