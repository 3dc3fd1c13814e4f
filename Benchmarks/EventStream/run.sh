#!/usr/bin/env bash
# SSE parsing throughput in release, beside the baseline of reading the same bytes: bash Benchmarks/EventStream/run.sh [MiB]
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --scratch-path ../.scratch/event-stream >/dev/null
../.scratch/event-stream/release/event-stream-bench "${1:-64}"
