#!/usr/bin/env bash
# Generation speed and compile time of generated code, openapi-bindgen side by side with
# swift-openapi-generator 1.14.3. Writes BENCHMARKS.md at the repository root.
#
#   bash Benchmarks/run.sh            # the full run (≈ 40–60 min on 2 cores)
#   bash Benchmarks/run.sh --quick    # fewer runs, for iteration (≈ 15 min once the tools are built)
#
# Options (after --quick, if any): --runs N (generation runs per tool and input, default 5),
# --skip-compile, --compile-timeout SECONDS (stop a compile after that long and report a bound; default 3600), --stripe PATH (default ../shared/specs/stripe-spec3-2023-09.yaml next to the repository),
# --jobs N (-j for every swift build, default: SwiftPM's), --report PATH (default BENCHMARKS.md).
#
# What it does:
#  0. copies the work tree (git ls-files: tracked and untracked, not ignored) to Benchmarks/.scratch/snapshot,
#     and builds and benchmarks that copy, so edits made meanwhile do not leak into the run;
#  1. builds openapi-bindgen in release and in debug (the build plugin runs the debug build in debug builds),
#     yaml-scan (Benchmarks/YAMLScan, the bare libyaml event scan) and swift-openapi-generator 1.14.3
#     (Benchmarks/SwiftOpenAPIGeneratorHost resolves it from the package mirror like any dependency), all into
#     Benchmarks/.scratch/ (git-ignored);
#  2. writes synthetic documents of 50, 500 and 2,000 operations with Benchmarks/synth.py (deterministic);
#  3. runs both generators alternately, A B A B, on Stripe's document and the synthetic ones, plus the scan
#     and our debug build; then compiles both outputs of Stripe and of the 500-operation document in debug in
#     scratch packages (Benchmarks/harness.py does the measuring and writes BENCHMARKS.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRATCH="$ROOT/Benchmarks/.scratch"
STRIPE="$(cd "$ROOT/.." && pwd)/shared/specs/stripe-spec3-2023-09.yaml"
HARNESS_ARGS=()
JOBS=()
COMMAND="bash Benchmarks/run.sh"

while [ $# -gt 0 ]; do
    case "$1" in
        --quick) HARNESS_ARGS+=(--quick --runs 2 --debug-runs 1 --compile-runs 1); COMMAND="$COMMAND --quick" ;;
        --runs) HARNESS_ARGS+=(--runs "$2"); COMMAND="$COMMAND --runs $2"; shift ;;
        --skip-compile) HARNESS_ARGS+=(--skip-compile); COMMAND="$COMMAND --skip-compile" ;;
        --compile-timeout) HARNESS_ARGS+=(--compile-timeout "$2"); COMMAND="$COMMAND --compile-timeout $2"; shift ;;
        --stripe) STRIPE="$2"; shift ;;
        --jobs) JOBS=(-j "$2"); HARNESS_ARGS+=(--jobs "$2"); shift ;;
        --report) HARNESS_ARGS+=(--report "$2"); shift ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

[ -f "$STRIPE" ] || { echo "run.sh: Stripe's document not found at $STRIPE (use --stripe PATH)" >&2; exit 1; }
mkdir -p "$SCRATCH"

# Build from a snapshot of the work tree (tracked and untracked, not ignored, files), so that edits made
# while the benchmark runs neither break the build nor mix two versions of the generator in one report.
SNAPSHOT="$SCRATCH/snapshot"
mkdir -p "$SNAPSHOT"
find "$SNAPSHOT" -mindepth 1 -maxdepth 1 ! -name '.build*' -exec rm -rf {} +
# Symbolic links are copied as the files they point to (the bug fixtures link to documents outside the
# repository by relative paths, which would dangle in the copy). Folders are listed too: a target folder
# whose files are not written yet must exist for the manifest to load.
(cd "$ROOT" && { git ls-files -z -co --exclude-standard; find Sources Tests Plugins -type d -print0; } \
    | tar --null --no-recursion --dereference --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$SNAPSHOT"
REVISION="$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(cd "$ROOT" && git status --porcelain --untracked-files=no 2>/dev/null)" ]; then REVISION="$REVISION + uncommitted changes"; fi
cd "$SNAPSHOT"

build() { # label, then the swift build arguments
    local label="$1"; shift
    echo "[bench] building $label" >&2
    if ! nice -n 10 swift build "${JOBS[@]}" "$@" >"$SCRATCH/build-$label.log" 2>&1; then
        tail -40 "$SCRATCH/build-$label.log" >&2
        echo "run.sh: building $label failed (log: $SCRATCH/build-$label.log)" >&2
        exit 1
    fi
}

# Our generator is built from scratch every run: an incremental build of the snapshot, after a stored property was
# added to a public struct of BindgenIR, once gave a binary that crashed releasing the pipeline's result (seen
# 2026-12-01; a clean build of the same sources was fine). The dependencies add about 3 minutes.
rm -rf "$SCRATCH/bindgen"
build openapi-bindgen-release -c release --product openapi-bindgen --scratch-path "$SCRATCH/bindgen"
build openapi-bindgen-debug -c debug --product openapi-bindgen --scratch-path "$SCRATCH/bindgen"
build yaml-scan -c release --package-path Benchmarks/YAMLScan --scratch-path "$SCRATCH/yaml-scan"
build swift-openapi-generator -c release --package-path Benchmarks/SwiftOpenAPIGeneratorHost \
    --product swift-openapi-generator --scratch-path "$SCRATCH/swift-openapi-generator"

exec python3 "$ROOT/Benchmarks/harness.py" \
    --ours "$SCRATCH/bindgen/release/openapi-bindgen" \
    --ours-debug "$SCRATCH/bindgen/debug/openapi-bindgen" \
    --scan "$SCRATCH/yaml-scan/release/yaml-scan" \
    --sog "$SCRATCH/swift-openapi-generator/release/swift-openapi-generator" \
    --stripe "$STRIPE" \
    --command "$COMMAND" \
    --revision "$REVISION" \
    --snapshot "$SNAPSHOT" \
    "${HARNESS_ARGS[@]}"
