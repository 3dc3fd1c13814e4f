#!/usr/bin/env bash
# Resident memory growth while the SDK downloads a large signed document to a file, beside reading it into Data,
# over URLSession and AsyncHTTPClient: bash Benchmarks/Download/run.sh [MiB, default 200]
# Builds certyneo and the benchmark in release (scratch folders under Benchmarks/.scratch), runs
# `certyneo sandbox --max-upload-mb` in another process so that its memory is not counted, and prints a table.
set -euo pipefail
cd "$(dirname "$0")"
MIB="${1:-200}"
SCRATCH="$(pwd)/../.scratch"
# One scratch folder for both: certyneo is a product of the package this one depends on.
swift build -c release --scratch-path "$SCRATCH/download-bench" --product certyneo >/dev/null
swift build -c release --scratch-path "$SCRATCH/download-bench" --product download-bench >/dev/null
LOG="$(mktemp)"
"$SCRATCH/download-bench/release/certyneo" sandbox --port 0 --api-key sk_test_download_bench --no-rate-limit \
    --max-upload-mb $((MIB + 64)) >"$LOG" 2>&1 &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$LOG" && break; sleep 0.1; done
URL="$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$LOG" | head -1)"
[ -n "$URL" ] || { cat "$LOG" >&2; echo "run.sh: the sandbox did not start" >&2; exit 1; }
echo "Command: bash Benchmarks/Download/run.sh $MIB ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(swift --version 2>/dev/null | head -1))"
"$SCRATCH/download-bench/release/download-bench" "$URL" sk_test_download_bench "$MIB"
