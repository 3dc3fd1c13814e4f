#!/usr/bin/env bash
# Our generator at another revision against the work tree, alternately, on Stripe's document and the synthetic
# 2,000-operation one: CPU time, wall time and every stage, with the bare libyaml scan as the floor.
#
#   bash Benchmarks/compare.sh [REV] [--runs N] [--report PATH]     # REV: the baseline revision, HEAD~1 by default
#
# Builds both in release into Benchmarks/.scratch/compare/ (git-ignored): REV from `git archive`, the work tree
# as it is. Writes BENCHMARKS-CORE.md unless --report says otherwise (the measuring is Benchmarks/compare.py).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRATCH="$ROOT/Benchmarks/.scratch/compare"
STRIPE="$(cd "$ROOT/.." && pwd)/shared/specs/stripe-spec3-2023-09.yaml"
REV="HEAD~1"
RUNS=7
REPORT="$ROOT/BENCHMARKS-CORE.md"
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="$2"; shift ;;
        --report) REPORT="$2"; shift ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) REV="$1" ;;
    esac
    shift
done
[ -f "$STRIPE" ] || { echo "compare.sh: Stripe's document not found at $STRIPE" >&2; exit 1; }
cd "$ROOT"
BASE_COMMIT="$(git rev-parse --short "$REV")"
CURRENT="$(git rev-parse --short HEAD)"
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then CURRENT="$CURRENT + uncommitted changes"; fi
mkdir -p "$SCRATCH/docs"
rm -rf "$SCRATCH/baseline-src" && mkdir -p "$SCRATCH/baseline-src"
git archive "$BASE_COMMIT" | tar -x -C "$SCRATCH/baseline-src"
echo "[compare] building $BASE_COMMIT (baseline) and the work tree in release" >&2
swift build -c release --product openapi-bindgen --package-path "$SCRATCH/baseline-src" --scratch-path "$SCRATCH/baseline-build" >"$SCRATCH/build-baseline.log" 2>&1 \
    || { tail -30 "$SCRATCH/build-baseline.log" >&2; exit 1; }
swift build -c release --product openapi-bindgen --scratch-path "$SCRATCH/current-build" >"$SCRATCH/build-current.log" 2>&1 \
    || { tail -30 "$SCRATCH/build-current.log" >&2; exit 1; }
swift build -c release --package-path Benchmarks/YAMLScan --scratch-path "$SCRATCH/yaml-scan" >"$SCRATCH/build-scan.log" 2>&1 \
    || { tail -30 "$SCRATCH/build-scan.log" >&2; exit 1; }
python3 Benchmarks/synth.py --operations 2000 --output "$SCRATCH/docs/synthetic-2000.yaml"
exec python3 Benchmarks/compare.py \
    --baseline "$SCRATCH/baseline-build/release/openapi-bindgen" --current "$SCRATCH/current-build/release/openapi-bindgen" \
    --scan "$SCRATCH/yaml-scan/release/yaml-scan" --runs "$RUNS" \
    --doc "stripe=$STRIPE" --doc "synthetic-2000=$SCRATCH/docs/synthetic-2000.yaml" \
    --baseline-label "openapi-bindgen at $BASE_COMMIT" --current-label "openapi-bindgen at $CURRENT" \
    --command "bash Benchmarks/compare.sh $BASE_COMMIT --runs $RUNS" --report "$REPORT"
